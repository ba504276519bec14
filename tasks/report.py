"""Task: write the run's report files and publish its Prefect artifacts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from prefect import task
from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from loan_extractor.config import PipelineConfig
from loan_extractor.lineage import build_manifest, store_manifest, write_manifest
from loan_extractor.run import RunSummary
from loan_extractor.settings import Settings
from loan_extractor.stages.report import ReportFiles, report_markdown, report_table, write_report
from tasks._outcome import io_task_options
from tasks.storage import engine_for


@task(name="report", description="Write JSON and HTML reports; publish summary artifacts.", tags=["stage:report"], cache_policy=NO_CACHE)
def publish_report(summary: RunSummary, reports_dir: Path) -> ReportFiles:
    """Report files on disk, plus markdown, table and link artifacts in the Prefect UI."""
    files = write_report(summary, reports_dir)
    create_markdown_artifact(key="run-summary", markdown=report_markdown(summary, files.html_path), description="Run summary")
    create_table_artifact(key="run-documents", table=report_table(summary), description="One row per document")
    create_link_artifact(key="run-report", link=files.html_path.resolve().as_uri(), link_text="HTML report", description="The run's HTML report")
    return files


@task(name="record-lineage", description="Write the run's manifest beside the report and into the database.", tags=["stage:report"], **io_task_options())
def record_lineage(summary: RunSummary, cfg: PipelineConfig, files: ReportFiles, today: date, settings: Settings) -> Path:
    """The manifest (inputs with sha256, config and digest, code and classifier versions, outputs) for replay."""
    manifest = build_manifest(summary, cfg, files, today=today)
    path = write_manifest(manifest, files.json_path.parent)
    store_manifest(engine_for(settings), manifest)
    return path
