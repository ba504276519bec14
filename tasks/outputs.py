"""Task: write the run's per-document JSON and report files under the S3 output prefix, and link the report in the UI."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from prefect import task

from loan_extractor.outputs import MAX_PRESIGN_SECONDS, REPORT_HTML, OutputLocation, report_url, write_outputs
from loan_extractor.run import RunSummary
from loan_extractor.s3 import make_client
from tasks._outcome import io_task_options
from tasks.report import link_report


@task(
    name="write-outputs",
    description="Upload one JSON per document and the run report under the output prefix; link the uploaded report.",
    tags=["stage:report", "io:s3"],
    **io_task_options(),
)
def publish_outputs(
    summary: RunSummary,
    where: OutputLocation,
    report_files: list[Path],
    s3_block: str | None = None,
    link_expiry: int = MAX_PRESIGN_SECONDS,
) -> list[str]:
    """The URIs written. Credentials come from the S3 block when named, else from the `AWS_*` variables.

    When the HTML report is among the files, the run's `run-report` link artifact is its presigned URL.
    """
    if s3_block:
        from blocks.s3 import load_s3

        client = load_s3(s3_block)[0]
    else:
        client = make_client()
    written = write_outputs(client, where, summary, report_files)
    if any(Path(path).name == REPORT_HTML for path in report_files):
        url = report_url(client, where, summary.run_id, link_expiry)
        link_report(url, f"The run's HTML report on S3; this link is valid for {timedelta(seconds=link_expiry)} after the upload.")
    return written
