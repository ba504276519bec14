"""Statistical outliers of numeric fields over a batch: the robust (median/MAD) z-score.

The median and the median absolute deviation are not dragged by the outliers themselves, as a
mean and standard deviation are. The modified z-score of Iglewicz and Hoaglin is
0.6745 * (x - median) / MAD; when more than half the values are equal the MAD is zero and the
mean absolute deviation stands in (z = (x - median) / (1.2533 * meanAD)); when every value is
equal nothing is an outlier. Only money and percent fields are tested: years and loan terms take
a few standard values, and a 15-year term among 30-year ones is not an anomaly.
"""

from __future__ import annotations

from collections import defaultdict
from statistics import median

from loan_extractor.analysis.schemas import to_decimal
from loan_extractor.config import PipelineConfig
from loan_extractor.models import Anomaly, Document
from loan_extractor.spec import FieldKind, fields_of

_MAD_SCALE = 0.6745  # makes the MAD comparable to a standard deviation for normal data
_MEAN_AD_SCALE = 1.253314  # the same for the mean absolute deviation
_TESTED = (FieldKind.MONEY, FieldKind.PERCENT)


def robust_z_scores(values: list[float]) -> list[float]:
    """The modified z-score of each value; all zeros when the values have no spread."""
    centre = median(values)
    deviations = [abs(v - centre) for v in values]
    mad = median(deviations)
    if mad > 0:
        return [_MAD_SCALE * (v - centre) / mad for v in values]
    mean_ad = sum(deviations) / len(deviations)
    if mean_ad > 0:
        return [(v - centre) / (_MEAN_AD_SCALE * mean_ad) for v in values]
    return [0.0] * len(values)


def _groups(docs: list[Document]) -> dict[tuple[str, str], list[tuple[Document, float]]]:
    """Readable numeric values by (doc type, field), over non-terminal documents of a known type."""
    groups: dict[tuple[str, str], list[tuple[Document, float]]] = defaultdict(list)
    for doc in docs:
        if doc.is_terminal or doc.doc_type is None:
            continue
        for name, kind in fields_of(doc.doc_type).items():
            number = to_decimal(doc.fields.get(name)) if kind in _TESTED else None
            if number is not None:
                groups[(str(doc.doc_type), name)].append((doc, float(number)))
    return groups


def find_outliers(docs: list[Document], cfg: PipelineConfig) -> list[Anomaly]:
    """One `outlier` anomaly per value whose |robust z| exceeds the configured threshold.

    A (type, field) group with fewer values than `cfg.outliers.min_group_size` is not tested.
    Severity is `medium` beyond twice the threshold, `low` otherwise; the score is |z|.
    """
    threshold = cfg.outliers.robust_z
    found = []
    for (doc_type, name), members in sorted(_groups(docs).items()):
        if len(members) < cfg.outliers.min_group_size:
            continue
        values = [value for _, value in members]
        centre = median(values)
        for (doc, value), z in zip(members, robust_z_scores(values)):
            if abs(z) > threshold:
                found.append(_outlier(doc, doc_type, name, centre, z, threshold))
    return found


def _outlier(doc: Document, doc_type: str, name: str, centre: float, z: float, threshold: float) -> Anomaly:
    value = doc.fields[name]
    side = "above" if z > 0 else "below"
    label = name.replace("_", " ")
    message = (f"{doc.source}: {label} {value} is far {side} the batch's usual {doc_type.replace('_', ' ')} "
               f"value (median {centre:.2f}, robust z-score {z:.1f}); check the figure was read correctly.")
    return Anomaly(
        kind="outlier",
        severity="medium" if abs(z) > 2 * threshold else "low",
        message=message,
        loan_id=doc.loan_id,
        documents=(doc.doc_id,),
        figures={"doc_type": doc_type, "field": name, "value": value, "median": round(centre, 2),
                 "robust_z": round(z, 2)},
        score=round(abs(z), 2),
    )
