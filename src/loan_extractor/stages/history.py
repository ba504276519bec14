"""Read what the anomaly models compare a batch with: stored documents and earlier runs.

Two queries a run, each selecting only the columns needed: the newest stored documents of the
batch's types (processed or needing review, updated within `outliers.history_days`, at most
`outliers.history_max_rows`), and the `runs.baseline_runs` most recent runs with their counts and
the `figures` the store keeps in `runs.summary`. The documents' `fields` JSON is loaded whole and
its money and percent figures picked in Python, which reads the same on SQLite and PostgreSQL; the
run figures are one JSON key, which SQLAlchemy's JSON index compiles for either.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection, Engine

from loan_extractor.analysis.history import FIGURES_KEY, History, RunFigures, StoredDocument, StoredRun
from loan_extractor.analysis.outliers import numeric_values
from loan_extractor.config import PipelineConfig
from loan_extractor.db import DocumentRow, RunRow, transient_db_errors, utcnow
from loan_extractor.models import Document, Status
from loan_extractor.spec import DocType
from loan_extractor.stages.store import document_key

_USABLE = (Status.PROCESSED.value, Status.NEEDS_REVIEW.value)


def load_history(
    engine: Engine, docs: list[Document], cfg: PipelineConfig, now: datetime | None = None, before: datetime | None = None
) -> History:
    """The stored documents and earlier runs the batch `docs` is judged against.

    `before` (a replayed run's start) reads the history as that run saw it: documents first stored
    before it (the lookback counted from it) and runs started before it. The replay matches exactly
    when those documents were not reprocessed with other results since and the row cap was not reached.
    """
    with transient_db_errors(), engine.connect() as conn:
        return History(documents=_documents(conn, docs, cfg, before or now or utcnow(), before), runs=_runs(conn, cfg, before))


def _documents(
    conn: Connection, docs: list[Document], cfg: PipelineConfig, now: datetime, before: datetime | None = None
) -> tuple[StoredDocument, ...]:
    """Stored documents of the batch's types, newest first; the batch's own keys (itself, its reruns) left out."""
    types = sorted({str(d.doc_type) for d in docs if not d.is_terminal and d.doc_type not in (None, DocType.UNKNOWN)})
    if not types or cfg.outliers.history_days == 0 or cfg.outliers.history_max_rows == 0:
        return ()
    query = (
        select(DocumentRow.doc_key, DocumentRow.doc_type, DocumentRow.fields)
        .where(DocumentRow.status.in_(_USABLE), DocumentRow.doc_type.in_(types),
               DocumentRow.updated_at >= now - timedelta(days=cfg.outliers.history_days))
        .order_by(DocumentRow.updated_at.desc(), DocumentRow.id.desc())
        .limit(cfg.outliers.history_max_rows)
    )  # fmt: skip
    if before is not None:
        query = query.where(DocumentRow.created_at < before)
    own = {document_key(doc) for doc in docs}
    found = []
    for key, doc_type, fields in conn.execute(query):
        values = numeric_values(doc_type, fields or {})
        if key not in own and values:
            found.append(StoredDocument(doc_key=key, doc_type=doc_type, values=values))
    return tuple(found)


def _runs(conn: Connection, cfg: PipelineConfig, before: datetime | None = None) -> tuple[StoredRun, ...]:
    """The most recent runs (started before `before` when given), newest first, with their figures."""
    query = (
        select(RunRow.run_id, RunRow.started_at, RunRow.counts, RunRow.summary[FIGURES_KEY].label("figures"))
        .order_by(RunRow.started_at.desc())
        .limit(cfg.runs.baseline_runs)
    )
    if before is not None:
        query = query.where(RunRow.started_at < before)
    return tuple(StoredRun(run_id, started, stored_figures(figures, counts)) for run_id, started, counts, figures in conn.execute(query))


def stored_figures(figures: dict[str, Any] | None, counts: dict[str, Any] | None) -> RunFigures:
    """A run's figures as stored; runs stored before figures were kept fall back on their counts (no OCR mean)."""
    if figures:
        return RunFigures(int(figures["documents"]), int(figures["failed"]), int(figures["needs_review"]),
                          figures.get("mean_ocr_confidence"))  # fmt: skip
    counts = counts or {}
    return RunFigures(sum(int(n) for n in counts.values()), int(counts.get("failed", 0)), int(counts.get("needs_review", 0)))
