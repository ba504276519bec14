"""Stage 6: anomalies over the batch: cross-document rules per loan, statistical outliers against the
batch and stored history, unusual documents (IsolationForest) and pipeline-level anomalies of the run.

Run-level anomalies (`loan_id` None, no documents) describe the run as a whole and mark no document.
"""

from __future__ import annotations

from collections import defaultdict

from loan_extractor.analysis.consistency import check_loan
from loan_extractor.analysis.history import History
from loan_extractor.analysis.isolation import find_unusual_documents
from loan_extractor.analysis.outliers import find_outliers
from loan_extractor.analysis.run_health import find_run_anomalies, run_figures
from loan_extractor.config import PipelineConfig
from loan_extractor.models import Anomaly, Document
from loan_extractor.spec import DocType


def _loans(docs: list[Document]) -> dict[str, list[Document]]:
    """Non-terminal documents of a known type grouped by loan id; those without one are left out."""
    loans: dict[str, list[Document]] = defaultdict(list)
    for doc in docs:
        if doc.loan_id and not doc.is_terminal and doc.doc_type not in (None, DocType.UNKNOWN):
            loans[doc.loan_id].append(doc)
    return loans


def detect_anomalies(
    docs: list[Document], cfg: PipelineConfig, history: History | None = None
) -> tuple[list[Document], list[Anomaly]]:
    """Check every loan's documents against each other, their numbers against the batch and history.

    Returns the documents in their order, each carrying the anomalies that name it (and so
    `needs_review`), and every anomaly found. Rejected and failed documents pass unchanged.
    Without `history` (no database) only the batch is used and no run-level check is made.
    """
    history = history or History()
    anomalies: list[Anomaly] = []
    for loan_id, members in sorted(_loans(docs).items()):
        anomalies += check_loan(loan_id, members, cfg)
    anomalies += find_outliers(docs, cfg, history.documents)
    anomalies += find_unusual_documents(docs, history.documents, cfg.outliers)
    attached = attach(docs, anomalies)
    if history.runs:
        anomalies += find_run_anomalies(run_figures(doc.finalised() for doc in attached), history.runs, cfg.runs)
    return attached, anomalies


def attach(docs: list[Document], anomalies: list[Anomaly]) -> list[Document]:
    """Each document with the anomalies naming its doc_id added, and its status decided again."""
    by_doc: dict[str, list[Anomaly]] = defaultdict(list)
    for anomaly in anomalies:
        for doc_id in anomaly.documents:
            by_doc[doc_id].append(anomaly)
    result = []
    for doc in docs:
        found = by_doc.get(doc.doc_id)
        if found and not doc.is_terminal:
            doc = doc.model_copy(update={"anomalies": (*doc.anomalies, *found)}).finalised()
        result.append(doc)
    return result
