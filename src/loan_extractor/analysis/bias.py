"""Extraction quality by slice of the input, measured with fairlearn's MetricFrame.

Per document, proxies of extraction quality that need no truth: whether it passed validation (no
schema, low-confidence or missing-field issue), its mean field confidence (an unread field counts
0) and whether it ended `needs_review`; and, when ground truth exists for it, its field accuracy
(see `accuracy`). A slice (see `slices`) splits documents into groups; each metric's table shows
every group's size and mean, and the largest gap (difference) and smallest ratio between the groups
large enough to compare. A gap says where extraction serves some inputs worse than others.

The ratio is min / max of the values, as fairlearn's; for a rate where lower is better
(`needs_review_rate`) it is taken over 1 - value, so that 0 % against 5 % of documents needing
review reads as the small gap it is (0.95), not as a ratio of 0.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict

from loan_extractor.models import Document, Reason, Status
from loan_extractor.spec import fields_of

_QUALITY_REASONS = frozenset({Reason.SCHEMA_CHECK_FAILED, Reason.LOW_CONFIDENCE, Reason.MISSING_FIELD})
FIELD_ACCURACY = "field_accuracy"
PROXIES = ("validation_pass_rate", "mean_field_confidence", "needs_review_rate")
METRICS = (*PROXIES, FIELD_ACCURACY)
LOWER_IS_BETTER = frozenset({"needs_review_rate"})


class BiasRow(BaseModel):
    """One group's value of one metric within one slice, with the slice's between-group gaps."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    slice: str
    group: str
    count: int
    metric: str
    value: float | None
    difference: float | None  # max - min over the compared groups
    ratio: float | None  # min / max over the compared groups (of 1 - value when lower is better)
    compared: bool
    note: str = ""


def passed_validation(doc: Document) -> bool:
    """No schema, low-confidence or missing-field issue on the document."""
    return not any(issue.reason in _QUALITY_REASONS for issue in doc.issues)


def mean_field_confidence(doc: Document) -> float:
    """Mean confidence over the type's fields; a field with no confidence counts 0."""
    names = list(fields_of(doc.doc_type)) if doc.doc_type else []
    if not names:
        return 0.0
    return sum(doc.confidence.get(name, 0.0) for name in names) / len(names)


def proxy_values(doc: Document) -> dict[str, float]:
    """The truth-free metrics of one document."""
    return {
        "validation_pass_rate": float(passed_validation(doc)),
        "mean_field_confidence": mean_field_confidence(doc),
        "needs_review_rate": float(doc.status == Status.NEEDS_REVIEW),
    }


def _frame(groups: Sequence[str], values: Sequence[float]) -> Any:
    """A MetricFrame of the mean of `values` by group."""
    import pandas as pd  # on use, as fairlearn: ~0.25 s of every flow run's start, which the event path waits for
    from fairlearn.metrics import MetricFrame  # on use: fairlearn (scikit-learn) adds ~1 s to every flow run's start

    # y_true carries the values; y_pred is required by MetricFrame and unused by the mean
    data = np.asarray(values, dtype=float)
    return MetricFrame(metrics={"mean": lambda y, _: float(np.mean(y))}, y_true=data, y_pred=data,
                       sensitive_features=pd.Series(list(groups), name="group"))


def _number(value: float | None) -> float | None:
    return None if value is None or math.isnan(value) else round(float(value), 4)


def _gaps(metric: str, groups: Sequence[str], values: Sequence[float], keep: set[str]) -> tuple[float | None, float | None]:
    """(difference, ratio) over the documents of the `keep` groups only."""
    chosen = [i for i, group in enumerate(groups) if group in keep]
    kept_groups, kept = [groups[i] for i in chosen], [values[i] for i in chosen]
    difference = _frame(kept_groups, kept).difference()["mean"]
    if metric in LOWER_IS_BETTER:
        kept = [1.0 - v for v in kept]
    return _number(difference), _number(_frame(kept_groups, kept).ratio()["mean"])


def metric_rows(name: str, metric: str, groups: Sequence[str], values: Sequence[float], min_group_size: int) -> list[BiasRow]:
    """The rows of one metric in one slice: every group's mean, gaps over groups of `min_group_size` or more.

    A group below the minimum is listed with `compared=False`; with fewer than two groups at the
    minimum there is no gap to measure and no group is compared.
    """
    sizes = Counter(groups)
    means = _frame(groups, values).by_group["mean"]
    large = {group for group, size in sizes.items() if size >= min_group_size}
    comparable = len(large) >= 2
    difference, ratio = _gaps(metric, groups, values, large) if comparable else (None, None)
    note = (f"{len(large)} groups of {min_group_size} or more compared" if comparable
            else f"fewer than two groups of {min_group_size} or more: nothing to compare")
    if comparable and metric in LOWER_IS_BETTER:
        note += "; ratio of 1 - value"
    return [
        BiasRow(
            slice=name, group=group, count=sizes[group], metric=metric, value=_number(means.loc[group]),
            difference=difference if group in large else None, ratio=ratio if group in large else None,
            compared=group in large and comparable,
            note=note if group in large else f"fewer than {min_group_size} documents: not compared",
        )
        for group in sorted(sizes)
    ]


def slice_rows(
    name: str, groups: Sequence[str], values: dict[str, Sequence[float | None]], min_group_size: int
) -> list[BiasRow]:
    """Every metric's rows of one slice, by group then metric; a document without a value for a
    metric (no ground truth) is left out of that metric's groups, and a metric no document has gives no row."""
    rows: list[BiasRow] = []
    for metric, column in values.items():
        present = [i for i, value in enumerate(column) if value is not None]
        if present:
            rows += metric_rows(name, metric, [groups[i] for i in present], [float(column[i]) for i in present],
                                min_group_size)  # type: ignore[arg-type]
    order = {metric: i for i, metric in enumerate(values)}
    return sorted(rows, key=lambda row: (row.group, order[row.metric]))
