"""The truth file the `evaluate` command reads.

A JSON object keyed by the file's path relative to the evaluated folder (forward slashes)::

    {"text/pay_stub_01.pdf": {"doc_type": "pay_stub",         # a DocType value; null: rejected as a whole
                              "fields": {"gross_pay": "4210.55", ...},   # normalised as the contract says;
                                                              # {} for unknown documents; last4 only, never a full SSN
                              "meta": {"quality_band": "text", "format": "pdf_text", ...}},   # optional, free keys
     "packages/p1.pdf#3-4": {"doc_type": "bank_statement", "fields": {...}, "pages": [3, 4], "meta": {...}}}

A key `<path>#<first>-<last>` (or `<path>#<page>`) names one logical document inside a file of several
(a loan package): 1-based pages, inclusive. A key without `#` is the whole file as one document.
Other keys of an entry (`loan_id`, `expected_status`, ...) are ignored, so the sample set's truth works too.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_KEY = re.compile(r"^(?P<file>.+?)#(?P<first>\d+)(?:-(?P<last>\d+))?$")


@dataclass(frozen=True)
class TruthDoc:
    """One expected document: where it is, its type, its fields and free metadata."""

    key: str
    file: str
    pages: tuple[int, ...] | None  # None: the whole file
    doc_type: str | None
    fields: dict[str, Any] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)


def parse_key(key: str) -> tuple[str, tuple[int, ...] | None]:
    """A truth key's file and page range: `a.pdf#3-4` -> ("a.pdf", (3, 4)); `a.pdf` -> ("a.pdf", None)."""
    match = _KEY.match(key)
    if not match:
        return key, None
    first = int(match["first"])
    last = int(match["last"] or first)
    if first < 1 or last < first:
        raise ValueError(f"truth key {key!r}: pages must be 1-based and ascending")
    return match["file"], tuple(range(first, last + 1))


def truth_docs(data: dict[str, dict[str, Any]]) -> list[TruthDoc]:
    """The truth file's entries as documents, in key order; `pages` in an entry must agree with its key."""
    docs = []
    for key in sorted(data):
        entry = data[key]
        file, pages = parse_key(key)
        if pages is not None and "pages" in entry and tuple(entry["pages"]) != pages:
            raise ValueError(f"truth key {key!r}: its entry says pages {entry['pages']}")
        docs.append(TruthDoc(key, file, pages, entry.get("doc_type"), dict(entry.get("fields") or {}),
                             dict(entry.get("meta") or {})))
    return docs


def load_truth(path: Path) -> list[TruthDoc]:
    """Read and check a truth file."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a truth file is a JSON object keyed by file name")
    return truth_docs(data)
