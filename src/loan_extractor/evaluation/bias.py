"""The bias table of an evaluation: the pipeline's bias stage with the truth file as ground truth.

Each extracted document is paired with its truth document as `match` pairs them (a whole-file key
takes the file's first document, a page-range key the document of exactly those pages); the truth's
fields and type become that document's ground truth, and its `meta` keys its metadata, so the
`--by` keys (other than `doc_type`) are sliced as `meta:<key>` beside the configured slices.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from loan_extractor.config import META_SLICE, BiasConfig, PipelineConfig
from loan_extractor.evaluation.truth import TruthDoc
from loan_extractor.models import Document


def paired_truth(folder: Path, docs: list[Document], truth: list[TruthDoc]) -> list[TruthDoc | None]:
    """Each document's truth document (None when the truth has none for it), in the documents' order."""
    by_file: dict[str, list[TruthDoc]] = defaultdict(list)
    for entry in truth:
        by_file[entry.file].append(entry)
    used: set[str] = set()
    paired: list[TruthDoc | None] = []
    for doc in docs:
        candidates = [t for t in by_file.get(Path(doc.source).relative_to(folder).as_posix(), []) if t.key not in used]
        found = next((t for t in candidates if t.pages == tuple(doc.pages)), None)
        found = found or next((t for t in candidates if t.pages is None), None)
        if found is not None:
            used.add(found.key)
        paired.append(found)
    return paired


def evaluation_bias(folder: Path, docs: list[Document], truth: list[TruthDoc], cfg: PipelineConfig,
                    by: tuple[str, ...]) -> list[dict[str, Any]]:
    """The bias table rows over the configured slices plus `meta:<key>` per `by` key, field accuracy from the truth."""
    from loan_extractor.stages.bias import check_bias  # the stage imports the comparison helpers of this package
    from loan_extractor.stages.store import document_key

    truths: dict[str, dict[str, Any]] = {}
    with_meta = []
    for doc, entry in zip(docs, paired_truth(Path(folder), docs, truth)):
        if entry is not None:
            truths[document_key(doc)] = {**entry.fields, "doc_type": entry.doc_type}
            meta = {str(k): str(v) for k, v in entry.meta.items() if v is not None}
            doc = doc.model_copy(update={"metadata": {**doc.metadata, **meta}})
        with_meta.append(doc)
    extra = tuple(f"{META_SLICE}{key}" for key in by if key != "doc_type")
    slices = tuple(dict.fromkeys(cfg.bias.slices + extra))
    bias_cfg = cfg.model_copy(update={"bias": BiasConfig(min_group_size=cfg.bias.min_group_size, slices=slices)})
    return [row.model_dump() for row in check_bias(with_meta, bias_cfg, truths)]
