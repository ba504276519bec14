"""Stage 7: does extraction quality differ by document type, source format or scan quality?"""

from __future__ import annotations

from loan_extractor.analysis.bias import (
    METRICS,
    SLICERS,
    BiasRow,
    mean_field_confidence,
    passed_validation,
    slice_rows,
)
from loan_extractor.config import PipelineConfig
from loan_extractor.models import Document
from loan_extractor.spec import DocType


def check_bias(docs: list[Document], cfg: PipelineConfig) -> list[BiasRow]:
    """The bias table over the slices named in `cfg.bias.slices`.

    Only non-terminal documents of a known type count. An unknown slice name gives one row
    saying it was ignored; a batch with no countable document gives no group rows.
    """
    counted = [d for d in docs if not d.is_terminal and d.doc_type not in (None, DocType.UNKNOWN)]
    passed = [passed_validation(d) for d in counted]
    confidence = [mean_field_confidence(d) for d in counted]
    rows: list[BiasRow] = []
    for name in cfg.bias.slices:
        slicer = SLICERS.get(name)
        if slicer is None:
            rows.append(_ignored(name))
        elif counted:
            groups = [slicer(d) for d in counted]
            rows += slice_rows(name, groups, passed, confidence, cfg.bias.min_group_size)
    return rows


def _ignored(name: str) -> BiasRow:
    known = ", ".join(SLICERS)
    return BiasRow(
        slice=name, group="", count=0, metric=",".join(METRICS), value=None, difference=None, ratio=None,
        compared=False, note=f"unknown slice '{name}' ignored (known slices: {known})",
    )
