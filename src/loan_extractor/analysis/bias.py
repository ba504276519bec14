"""Extraction quality by slice of the input, measured with fairlearn's MetricFrame.

Two proxies of extraction quality per document: whether it passed validation (no schema,
low-confidence or missing-field issue) and its mean field confidence (an unread field counts 0).
A slice splits documents into groups (by type, source format, scan quality); the table shows
each group's value, and the largest gap (difference) and smallest ratio between the groups
large enough to compare. A gap says where extraction serves some inputs worse than others.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable

import numpy as np
import pandas as pd
from fairlearn.metrics import MetricFrame
from pydantic import BaseModel, ConfigDict

from loan_extractor.models import Document, Reason
from loan_extractor.spec import fields_of

# quality_band cut-offs, applied to the document's worst page. Tesseract reads small print
# reliably from 200 DPI and misreads digits often under 150. On imaging.clarity_score's scale a
# crisp page scores ~0.99, a 1.5-pixel blur ~0.85, 2.5 pixels ~0.46, 4 pixels ~0.10: good keeps
# the first two, poor is the last, fair between
GOOD_DPI, POOR_DPI = 200.0, 150.0
GOOD_CLARITY, POOR_CLARITY = 0.6, 0.3
_QUALITY_REASONS = frozenset({Reason.SCHEMA_CHECK_FAILED, Reason.LOW_CONFIDENCE, Reason.MISSING_FIELD})
_FORMATS = {"image/png": "png", "image/jpeg": "jpeg", "image/tiff": "tiff"}


class BiasRow(BaseModel):
    """One group's value of one metric within one slice, with the slice's between-group gaps."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    slice: str
    group: str
    count: int
    metric: str
    value: float | None
    difference: float | None  # max - min over the compared groups
    ratio: float | None  # min / max over the compared groups
    compared: bool
    note: str = ""


def source_format(doc: Document) -> str:
    """pdf_text, pdf_scan, png, jpeg or tiff; `other` when the format is not known."""
    if doc.media_type == "application/pdf":
        return {"text_layer": "pdf_text", "ocr": "pdf_scan"}.get(doc.text_source or "", "other")
    return _FORMATS.get(doc.media_type or "", "other")


def quality_band(doc: Document) -> str:
    """good, fair or poor from the worst page's DPI and clarity (cut-offs above).

    A text-layer PDF is `good`: its text never went through OCR. A document with no page
    images and no text layer is `unknown`.
    """
    if doc.text_source == "text_layer":
        return "good"
    if not doc.page_images:
        return "unknown"
    dpi = min(page.dpi for page in doc.page_images)
    clarity = min(page.clarity for page in doc.page_images)
    if dpi < POOR_DPI or clarity < POOR_CLARITY:
        return "poor"
    if dpi >= GOOD_DPI and clarity >= GOOD_CLARITY:
        return "good"
    return "fair"


SLICERS: dict[str, Callable[[Document], str]] = {
    "doc_type": lambda doc: str(doc.doc_type),
    "source_format": source_format,
    "quality_band": quality_band,
}


def passed_validation(doc: Document) -> bool:
    """No schema, low-confidence or missing-field issue on the document."""
    return not any(issue.reason in _QUALITY_REASONS for issue in doc.issues)


def mean_field_confidence(doc: Document) -> float:
    """Mean confidence over the type's fields; a field with no confidence counts 0."""
    names = list(fields_of(doc.doc_type)) if doc.doc_type else []
    if not names:
        return 0.0
    return sum(doc.confidence.get(name, 0.0) for name in names) / len(names)


METRICS = {
    # y_true carries the pass flags, y_pred the confidences: MetricFrame splits both by group
    "validation_pass_rate": lambda passed, confidence: float(np.mean(passed)),
    "mean_field_confidence": lambda passed, confidence: float(np.mean(confidence)),
}


def _frame(groups: list[str], passed: list[bool], confidence: list[float]) -> MetricFrame:
    return MetricFrame(
        metrics=METRICS,
        y_true=np.asarray(passed, dtype=float),
        y_pred=np.asarray(confidence, dtype=float),
        sensitive_features=pd.Series(groups, name="group"),
    )


def _number(value: float) -> float | None:
    return None if value is None or math.isnan(value) else round(float(value), 4)


def _gaps(groups: list[str], passed: list[bool], confidence: list[float], keep: set[str]) -> dict:
    """Each metric's (difference, ratio) over the documents of the `keep` groups only."""
    chosen = [i for i, group in enumerate(groups) if group in keep]
    frame = _frame([groups[i] for i in chosen], [passed[i] for i in chosen], [confidence[i] for i in chosen])
    difference, ratio = frame.difference(), frame.ratio()
    return {metric: (_number(difference[metric]), _number(ratio[metric])) for metric in METRICS}


def slice_rows(
    name: str, groups: list[str], passed: list[bool], confidence: list[float], min_group_size: int
) -> list[BiasRow]:
    """The rows of one slice: every group's metrics, gaps over groups of `min_group_size` or more.

    A group below the minimum is listed with `compared=False`; with fewer than two groups at the
    minimum there is no gap to measure and no group is compared.
    """
    sizes = Counter(groups)
    values = _frame(groups, passed, confidence).by_group
    large = {group for group, size in sizes.items() if size >= min_group_size}
    comparable = len(large) >= 2
    gaps = _gaps(groups, passed, confidence, large) if comparable else {}
    note = (f"{len(large)} groups of {min_group_size} or more compared" if comparable
            else f"fewer than two groups of {min_group_size} or more: nothing to compare")
    return [
        BiasRow(
            slice=name, group=group, count=sizes[group], metric=metric,
            value=_number(values.loc[group, metric]),
            difference=gaps[metric][0] if group in large and comparable else None,
            ratio=gaps[metric][1] if group in large and comparable else None,
            compared=group in large and comparable,
            note=note if group in large else f"fewer than {min_group_size} documents: not compared",
        )
        for group in sorted(sizes)
        for metric in METRICS
    ]
