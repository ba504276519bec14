"""Documents whose figures are unusual together: an IsolationForest per document type over history.

A robust z looks at one field at a time; a W-2 whose federal tax exceeds its wages, or a bank
statement whose deposits dwarf its balances, can have every figure within its usual range. An
IsolationForest (scikit-learn, fixed `random_state`) is fitted per type once there are
`outliers.isolation_min_history` stored documents of it, on those and the batch's documents of the
type together: a forest fitted on history alone cannot isolate a new value beyond history's range
any faster than history's own extremes. A batch document is flagged when its anomaly score (0..1,
higher is stranger) passes the (1 - `isolation_contamination`) quantile of the stored documents'
scores, so about that share of ordinary new documents is flagged too. Features are the
type's money and percent fields that at least half the stored documents have; a missing value is
taken as the stored median, so an unread field alone never makes a document unusual.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median

import numpy as np

from loan_extractor.analysis.consistency import DOC_LABELS
from loan_extractor.analysis.history import StoredDocument
from loan_extractor.analysis.outliers import numeric_values, robust_centre_and_scale, robust_z
from loan_extractor.config import OutlierConfig
from loan_extractor.models import Anomaly, Document
from loan_extractor.spec import DocType


def find_unusual_documents(docs: list[Document], history: Sequence[StoredDocument], cfg: OutlierConfig) -> list[Anomaly]:
    """One `unusual_document` anomaly per batch document the forest of its type isolates."""
    found = []
    for doc_type in sorted({str(d.doc_type) for d in _scored(docs)}):
        stored = [d for d in history if d.doc_type == doc_type]
        if len(stored) >= cfg.isolation_min_history:
            found += _score_type(doc_type, [d for d in _scored(docs) if str(d.doc_type) == doc_type], stored, cfg)
    return found


def _scored(docs: list[Document]) -> list[Document]:
    return [d for d in docs if not d.is_terminal and d.doc_type not in (None, DocType.UNKNOWN)]


def _score_type(doc_type: str, batch: list[Document], stored: list[StoredDocument], cfg: OutlierConfig) -> list[Anomaly]:
    features = [f for f in sorted({f for d in stored for f in d.values}) if 2 * sum(f in d.values for d in stored) >= len(stored)]
    if not features:
        return []
    columns = {f: [d.values[f] for d in stored if f in d.values] for f in features}
    medians = {f: median(column) for f, column in columns.items()}
    spreads = {f: robust_centre_and_scale(column) for f, column in columns.items()}
    batch_values = [numeric_values(doc_type, d.fields) for d in batch]
    rows = [d.values for d in stored] + batch_values
    matrix = np.array([[values.get(f, medians[f]) for f in features] for values in rows])
    from sklearn.ensemble import IsolationForest  # on use: scikit-learn adds ~1 s to every flow run's start

    forest = IsolationForest(n_estimators=cfg.isolation_trees, random_state=cfg.isolation_random_state).fit(matrix)
    scores = -forest.score_samples(matrix)  # the paper's anomaly score: about 0.5 ordinary, towards 1 isolated
    threshold = float(np.quantile(scores[: len(stored)], 1 - cfg.isolation_contamination))
    found = []
    for doc, values, score in zip(batch, batch_values, scores[len(stored) :]):
        if score > threshold:
            standing = {f: (values[f], spreads[f][0], robust_z(values[f], *spreads[f])) for f in features if f in values}
            found.append(_unusual(doc, doc_type, float(score), threshold, len(stored), standing, cfg))
    return found


def _unusual(doc: Document, doc_type: str, score: float, threshold: float, stored: int,
             standing: dict[str, tuple[float, float, float]], cfg: OutlierConfig) -> Anomaly:
    """The anomaly, naming the figures far from their stored medians, or every figure when none is alone."""
    ranked = sorted(standing.items(), key=lambda item: -abs(item[1][2]))
    named = [(f, v) for f, v in ranked if abs(v[2]) > cfg.explain_robust_z] or ranked
    parts = [f"{f.replace('_', ' ')} {doc.fields.get(f)} is {'above' if z > 0 else 'below'} the usual {centre:.2f} "
             f"(robust z {z:.1f})" for f, (_, centre, z) in named]  # fmt: skip
    kind = DOC_LABELS.get(doc_type, doc_type.replace("_", " "))
    alone = any(abs(z) > cfg.explain_robust_z for _, (_, _, z) in named)
    lead = "" if alone else "no single figure is far off, but together they are rare: "
    message = (f"{doc.source}: this {kind}'s figures are unlike those of the {stored} stored {kind}s "
               f"(anomaly score {score:.2f}, flagged above {threshold:.2f}): {lead}{'; '.join(parts)}; "
               "check the figures were read correctly.")
    figures = {"doc_type": doc_type, "anomaly_score": round(score, 3), "threshold": round(threshold, 3),
               "stored_documents": stored,
               "features": {f: {"value": doc.fields.get(f), "median": round(c, 2), "robust_z": round(z, 2)} for f, (_, c, z) in named}}
    severe = any(abs(z) > 2 * cfg.robust_z for _, (_, _, z) in named)
    return Anomaly(kind="unusual_document", severity="medium" if severe else "low", message=message,
                   loan_id=doc.loan_id, documents=(doc.doc_id,), figures=figures, score=round(score, 3))  # fmt: skip
