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

REPORT_LINK_KEY = "run-report"


@task(name="report", description="Write JSON and HTML reports; publish summary artifacts.", cache_policy=NO_CACHE)
def publish_report(summary: RunSummary, reports_dir: Path, link_local: bool = True) -> ReportFiles:
    """Report files on disk, plus markdown and table artifacts in the Prefect UI.

    `link_local` also links the local file; a run whose outputs go to S3 links the uploaded copy instead (`publish_outputs`).
    """
    files = write_report(summary, reports_dir)
    create_markdown_artifact(key="run-summary", markdown=report_markdown(summary, files.html_path), description="Run summary")
    create_table_artifact(key="run-documents", table=report_table(summary), description="One row per document")
    if link_local:
        # browsers open a file:// link from the UI's http page only when copied into the address bar: the summary names the path
        link_report(files.html_path.resolve().as_uri(), "The run's HTML report, on the machine that ran the flow.")
    return files


def link_report(link: str, description: str) -> None:
    """The run's one `run-report` link artifact: where its HTML report opens from the UI."""
    create_link_artifact(key=REPORT_LINK_KEY, link=link, link_text="HTML report", description=description)


@task(name="record-lineage", description="Write the run's manifest beside the report and into the database.", **io_task_options())
def record_lineage(summary: RunSummary, cfg: PipelineConfig, files: ReportFiles, today: date, settings: Settings) -> Path:
    """The manifest (inputs with sha256, config and digest, code and classifier versions, outputs) for replay."""
    manifest = build_manifest(summary, cfg, files, today=today)
    path = write_manifest(manifest, files.json_path.parent)
    store_manifest(engine_for(settings), manifest)
    return path
