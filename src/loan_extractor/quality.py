"""The quality report: anomaly and bias analysis over the results stored in the last N days.

A run sees one batch; a lender's questions are about a period: does extraction serve some groups of
applicants worse this week, do loans processed in different runs contradict each other, are figures
drifting. The period's documents are read from the runs' manifests (each holds the run's full
summary), the latest record of each document kept (a document reprocessed later counts once, as it
last ended), and the batch stages run over them. Runs stored before manifests existed are counted
and left out. The result is a `RunSummary`, so the report, artifacts and alert rules of a run apply.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.engine import Engine

from loan_extractor.config import PipelineConfig
from loan_extractor.db import RunRow, transient_db_errors
from loan_extractor.lineage import MANIFEST_KEY, recorded_summary
from loan_extractor.models import Anomaly, Document
from loan_extractor.run import RunSummary
from loan_extractor.stages.anomalies import detect_anomalies
from loan_extractor.stages.bias import Truth, check_bias
from loan_extractor.stages.store import document_key
from loan_extractor.stages.validation import summarise_failures


@dataclass(frozen=True)
class StoredWindow:
    """The documents of the runs that started in [since, until), latest record per document."""

    since: datetime
    until: datetime
    runs: tuple[str, ...]
    documents: tuple[Document, ...]
    run_anomalies: tuple[Anomaly, ...]  # the runs' own (failure or review spikes, OCR drift, volume), as each run found them
    without_manifest: int  # runs of the period whose documents could not be read


def load_window(engine: Engine, until: datetime, days: int) -> StoredWindow:
    """The stored runs that started in the `days` before `until`, oldest first."""
    since = until - timedelta(days=days)
    query = (
        select(RunRow.run_id, RunRow.summary)
        .where(RunRow.started_at >= since, RunRow.started_at < until)
        .order_by(RunRow.started_at, RunRow.run_id)
    )
    with transient_db_errors(), engine.connect() as conn:
        rows = conn.execute(query).all()
    latest: dict[str, Document] = {}
    runs, run_anomalies, missing = [], [], 0
    for run_id, summary in rows:
        manifest = (summary or {}).get(MANIFEST_KEY)
        if manifest is None:
            missing += 1
            continue
        runs.append(run_id)
        summary = recorded_summary(manifest)
        run_anomalies += [a for a in summary.anomalies if a.is_run_level]
        for doc in summary.documents:
            latest.pop(document_key(doc), None)  # a later record moves to the end: order follows last processing
            latest[document_key(doc)] = doc
    return StoredWindow(since, until, tuple(runs), tuple(latest.values()), tuple(run_anomalies), missing)


def analyse_window(
    window: StoredWindow, cfg: PipelineConfig, report_id: str, digest: str, version: str, truth: Truth | None = None
) -> RunSummary:
    """The period's anomalies (loans across runs, outliers over the period, the runs' own) and bias table
    (field accuracy too where `truth`, reviewers' corrections by document key, covers documents), as a summary."""
    docs, anomalies = detect_anomalies([_without_anomalies(doc) for doc in window.documents], cfg)
    final = [doc.finalised() for doc in docs]
    return RunSummary(
        run_id=report_id,
        source=describe(window),
        started_at=window.since,
        finished_at=window.until,
        config_digest=digest,
        code_version=version,
        documents=tuple(final),
        anomalies=(*anomalies, *window.run_anomalies),
        bias=tuple(row.model_dump() for row in check_bias(final, cfg, truth)),
        validation_failures=tuple(summarise_failures(final)),
    )


def describe(window: StoredWindow) -> str:
    """`stored results 2026-11-21..2026-11-28 (3 runs)`, naming runs left out for want of a manifest."""
    text = f"stored results {window.since:%Y-%m-%d %H:%M}..{window.until:%Y-%m-%d %H:%M} UTC ({len(window.runs)} runs"
    if window.without_manifest:
        text += f"; {window.without_manifest} older runs without a manifest left out"
    return text + ")"


def _without_anomalies(doc: Document) -> Document:
    """The record before stage 6 (its status is decided again): the period's analysis finds anomalies afresh."""
    return doc.model_copy(update={"anomalies": ()}) if doc.anomalies else doc
