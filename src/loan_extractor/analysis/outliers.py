"""Statistical outliers of numeric fields over a batch: the robust (median/MAD) z-score.

The median and the median absolute deviation are not dragged by the outliers themselves, as a
mean and standard deviation are. The modified z-score of Iglewicz and Hoaglin is
0.6745 * (x - median) / MAD; when more than half the values are equal the MAD is zero and the
mean absolute deviation stands in (z = (x - median) / (1.2533 * meanAD)); when every value is
equal nothing is an outlier. Only money and percent fields are tested: years and loan terms take
a few standard values, and a 15-year term among 30-year ones is not an anomaly. Year-to-date totals
are left out too: they grow with the date (an April stub's is four times a January one's), so
against each other they flag the calendar, not a misread; `ytd_gross >= gross_pay` stays a rule.

With stored history (`analysis/history.py`) each new value is scored against the batch and the
stored values of its (type, field) together: a batch of ten cannot tell what is usual, a quarter's
documents can. Only the batch's own values are flagged; history is never re-judged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from statistics import median

from loan_extractor.analysis.history import StoredDocument
from loan_extractor.analysis.parse import to_decimal
from loan_extractor.config import PipelineConfig
from loan_extractor.models import Anomaly, Document
from loan_extractor.spec import FieldKind, fields_of

_MAD_SCALE = 0.6745  # makes the MAD comparable to a standard deviation for normal data
_MEAN_AD_SCALE = 1.253314  # the same for the mean absolute deviation
TESTED = (FieldKind.MONEY, FieldKind.PERCENT)
CUMULATIVE_PREFIX = "ytd_"  # year-to-date totals: their size depends on the date


def robust_centre_and_scale(values: Sequence[float]) -> tuple[float, float | None]:
    """The median and the spread a robust z divides by (MAD / 0.6745, else 1.2533 x mean AD); None: no spread."""
    centre = median(values)
    deviations = [abs(v - centre) for v in values]
    mad = median(deviations)
    if mad > 0:
        return centre, mad / _MAD_SCALE
    mean_ad = sum(deviations) / len(deviations)
    return centre, (_MEAN_AD_SCALE * mean_ad if mean_ad > 0 else None)


def robust_z(value: float, centre: float, scale: float | None) -> float:
    """The robust z of one value given `robust_centre_and_scale` of its reference values."""
    return 0.0 if scale is None else (value - centre) / scale


def robust_z_scores(values: list[float]) -> list[float]:
    """The modified z-score of each value; all zeros when the values have no spread."""
    centre, scale = robust_centre_and_scale(values)
    return [robust_z(v, centre, scale) for v in values]


def numeric_values(doc_type: str, fields: dict) -> dict[str, float]:
    """The readable money and percent figures of a document's fields, as floats."""
    found = {}
    for name, kind in fields_of(doc_type).items():
        number = to_decimal(fields.get(name)) if kind in TESTED and not name.startswith(CUMULATIVE_PREFIX) else None
        if number is not None:
            found[name] = float(number)
    return found


def _groups(docs: list[Document]) -> dict[tuple[str, str], list[tuple[Document, float]]]:
    """Readable numeric values by (doc type, field), over non-terminal documents of a known type."""
    groups: dict[tuple[str, str], list[tuple[Document, float]]] = defaultdict(list)
    for doc in docs:
        if doc.is_terminal or doc.doc_type is None:
            continue
        for name, number in numeric_values(doc.doc_type, doc.fields).items():
            groups[(str(doc.doc_type), name)].append((doc, number))
    return groups


def _stored_values(history: Sequence[StoredDocument]) -> dict[tuple[str, str], list[float]]:
    stored: dict[tuple[str, str], list[float]] = defaultdict(list)
    for doc in history:
        for name, value in doc.values.items():
            stored[(doc.doc_type, name)].append(value)
    return stored


def find_outliers(docs: list[Document], cfg: PipelineConfig, history: Sequence[StoredDocument] = ()) -> list[Anomaly]:
    """One `outlier` anomaly per batch value whose |robust z| exceeds the configured threshold.

    The reference is the batch's values of the (type, field) plus the stored ones in `history`
    (which must leave out the batch's own documents). A group with fewer values in all than
    `cfg.outliers.min_group_size` is not tested. Severity is `medium` beyond twice the threshold,
    `low` otherwise; the score is |z|.
    """
    threshold = cfg.outliers.robust_z
    stored = _stored_values(history)
    found = []
    for (doc_type, name), members in sorted(_groups(docs).items()):
        earlier = stored.get((doc_type, name), [])
        values = [value for _, value in members] + earlier
        if len(values) < cfg.outliers.min_group_size:
            continue
        centre, scale = robust_centre_and_scale(values)
        for doc, value in members:
            z = robust_z(value, centre, scale)
            if abs(z) > threshold:
                found.append(_outlier(doc, doc_type, name, centre, z, threshold, len(earlier)))
    return found


def _outlier(doc: Document, doc_type: str, name: str, centre: float, z: float, threshold: float, stored: int) -> Anomaly:
    value = doc.fields[name]
    side = "above" if z > 0 else "below"
    label, kind = name.replace("_", " "), doc_type.replace("_", " ")
    usual = f"the usual {kind} value" if stored else f"the batch's usual {kind} value"
    over = f" over this batch and {stored} stored documents" if stored else ""
    message = (f"{doc.source}: {label} {value} is far {side} {usual} (median {centre:.2f}{over}, "
               f"robust z-score {z:.1f}); check the figure was read correctly.")
    figures = {"doc_type": doc_type, "field": name, "value": value, "median": round(centre, 2), "robust_z": round(z, 2)}
    if stored:
        figures["stored_values"] = stored
    return Anomaly(
        kind="outlier",
        severity="medium" if abs(z) > 2 * threshold else "low",
        message=message,
        loan_id=doc.loan_id,
        documents=(doc.doc_id,),
        figures=figures,
        score=round(abs(z), 2),
    )
