"""Pair extracted documents (the `extract` command's JSON objects) with the truth's documents.

A truth document keyed by a whole file takes that file's only extracted document (or its first, when
extraction split the file); a truth document with a page range takes the extracted document of that file
with exactly those pages. Truth documents left without one are `(missing)`; extracted documents left
over are extras, whose non-null fields count as invented.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from loan_extractor.evaluation.metrics import MISSING, Outcome
from loan_extractor.evaluation.truth import TruthDoc

EXTRA = "(extra)"  # the truth type of an extracted document that matches no truth document


def pair_documents(truth: list[TruthDoc], outputs: list[dict[str, Any]]) -> tuple[list[Outcome], list[Outcome]]:
    """(one outcome per truth document, one per left-over extracted document); outputs' `source` is the
    file's path relative to the evaluated folder, as the truth names it."""
    by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for output in outputs:
        by_file[output["source"]].append(output)
    used: set[int] = set()
    outcomes = []
    for doc in truth:
        found = _find(doc, by_file.get(doc.file, []), used)
        if found is None:
            outcomes.append(Outcome(doc.key, doc.doc_type, MISSING, doc.fields, {}, doc.meta))
            continue
        used.add(id(found))
        outcomes.append(Outcome(doc.key, doc.doc_type, found.get("doc_type"), doc.fields, dict(found.get("fields") or {}),
                                doc.meta))
    extras = [Outcome(f"{o['source']}#{_range(o.get('pages') or [])}", EXTRA, o.get("doc_type"), {},
                      dict(o.get("fields") or {})) for o in outputs if id(o) not in used]
    return outcomes, extras


def _find(doc: TruthDoc, candidates: list[dict[str, Any]], used: set[int]) -> dict[str, Any] | None:
    free = [c for c in candidates if id(c) not in used]
    if doc.pages is None:
        return free[0] if free else None
    return next((c for c in free if tuple(c.get("pages") or ()) == doc.pages), None)


def _range(pages: list[int]) -> str:
    if not pages:
        return "-"
    return str(pages[0]) if len(pages) == 1 else f"{pages[0]}-{pages[-1]}"
