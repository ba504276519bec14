"""Tasks of the quality report: read the period's stored results; publish the report's artifacts."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from prefect import task
from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

import loan_extractor
from loan_extractor.config import PipelineConfig
from loan_extractor.quality import StoredWindow, analyse_window, load_window
from loan_extractor.run import RunSummary
from loan_extractor.settings import Settings
from loan_extractor.stages.bias import reviewed_truth
from loan_extractor.stages.report import ReportFiles, report_markdown, write_report
from tasks._outcome import io_task_options
from tasks.storage import engine_for


@task(name="load-stored-results", description="Read the documents of the runs stored in the period.", **io_task_options())
def load_stored_results(settings: Settings, until: datetime, days: int) -> StoredWindow:
    """The latest record of every document processed in the `days` before `until`."""
    return load_window(engine_for(settings), until, days)


@task(name="analyse-period", description="Anomalies and bias over the period's documents, with reviewers' corrections as truth.", **io_task_options())
def analyse_period(window: StoredWindow, cfg: PipelineConfig, settings: Settings, report_id: str) -> RunSummary:
    """The period as one batch: loans checked across runs, outliers over the period, the bias table."""
    truth = reviewed_truth(engine_for(settings), list(window.documents))
    return analyse_window(window, cfg, report_id, cfg.digest(), loan_extractor.__version__, truth)


@task(name="quality-report", description="Write the period's HTML and JSON report; publish its artifacts.", cache_policy=NO_CACHE)
def publish_quality_report(summary: RunSummary, reports_dir: Path) -> ReportFiles:
    """Report files under `<reports>/<flow run id>/`, a markdown summary, the bias table and a link to the HTML."""
    files = write_report(summary, reports_dir)
    create_markdown_artifact(key="quality-summary", markdown=report_markdown(summary, files.html_path), description=summary.source)
    if summary.bias:
        create_table_artifact(key="quality-bias", table=list(summary.bias), description="Extraction quality by slice over the period")
    create_link_artifact(key="quality-report", link=files.html_path.resolve().as_uri(), link_text="Quality report", description="The period's HTML report")
    return files
