"""Stage 7: does extraction quality differ by document type, source format, scan quality, the script
of the applicant's name, or a key of the source's metadata?"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.engine import Engine

from loan_extractor.analysis.accuracy import field_accuracy
from loan_extractor.analysis.bias import FIELD_ACCURACY, METRICS, BiasRow, proxy_values, slice_rows
from loan_extractor.analysis.slices import SLICERS, slicer_for
from loan_extractor.config import META_SLICE, PipelineConfig
from loan_extractor.models import Document
from loan_extractor.review import ground_truth
from loan_extractor.spec import DocType
from loan_extractor.stages.store import document_key

Truth = Mapping[str, Mapping[str, Any]]  # document key (`store.document_key`) -> field -> true value


def check_bias(docs: list[Document], cfg: PipelineConfig, truth: Truth | None = None) -> list[BiasRow]:
    """The bias table over the slices named in `cfg.bias.slices`.

    Only non-terminal documents of a known type count. Every counted document gives the proxy
    metrics; those with ground truth in `truth` (keyed by document key) also give `field_accuracy`.
    An unknown slice name gives one row saying it was ignored; a batch with no countable
    document gives no group rows.
    """
    counted = [d for d in docs if not d.is_terminal and d.doc_type not in (None, DocType.UNKNOWN)]
    truths = [dict((truth or {}).get(document_key(d)) or {}) for d in counted]
    values = metric_values(counted, truths)
    rows: list[BiasRow] = []
    for name in cfg.bias.slices:
        slicer = slicer_for(name)
        if slicer is None:
            rows.append(_ignored(name))
        elif counted:
            groups = [slicer(doc, doc_truth) for doc, doc_truth in zip(counted, truths)]
            rows += slice_rows(name, groups, values, cfg.bias.min_group_size)
    return rows


def reviewed_truth(engine: Engine, docs: list[Document]) -> dict[str, dict[str, Any]]:
    """Reviewers' corrections of these documents (from earlier runs of the same content) as ground truth."""
    return ground_truth(engine, {document_key(doc) for doc in docs})


def metric_values(docs: list[Document], truths: list[dict[str, Any]]) -> dict[str, list[float | None]]:
    """Each metric's value per document, in order; `field_accuracy` is None where there is no truth."""
    proxies = [proxy_values(doc) for doc in docs]
    values: dict[str, list[float | None]] = {metric: [p[metric] for p in proxies] for metric in proxies[0]} if docs else {}
    values[FIELD_ACCURACY] = [field_accuracy(doc, doc_truth) for doc, doc_truth in zip(docs, truths)]
    return values


def _ignored(name: str) -> BiasRow:
    known = ", ".join([*SLICERS, f"{META_SLICE}<key>"])
    return BiasRow(
        slice=name, group="", count=0, metric=",".join(METRICS), value=None, difference=None, ratio=None,
        compared=False, note=f"unknown slice '{name}' ignored (known slices: {known})",
    )
