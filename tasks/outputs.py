"""Task: write the run's per-document JSON and report files under the S3 output prefix, and link the report in the UI."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from prefect import task

from loan_extractor.outputs import MAX_PRESIGN_SECONDS, REPORT_HTML, OutputLocation, report_url, write_outputs
from loan_extractor.run import RunSummary
from loan_extractor.s3 import make_client
from tasks._outcome import io_task_options
from tasks.report import link_report


@task(
    name="write-outputs",
    description="Upload one JSON per document and the run report under the output prefix; link the uploaded report.",
    **io_task_options(),
)
def publish_outputs(
    summary: RunSummary,
    where: OutputLocation,
    report_files: list[Path],
    s3_block: str | None = None,
    link_expiry: int = MAX_PRESIGN_SECONDS,
    link_endpoint: str | None = None,
) -> list[str]:
    """The URIs written. Credentials come from the S3 block when named, else from the `AWS_*` variables.

    When the HTML report is among the files, the run's `run-report` link artifact is its presigned URL,
    signed for `link_endpoint` when given: the S3 address browsers reach when workers use an internal one.
    """
    client = _client(s3_block)
    written = write_outputs(client, where, summary, report_files)
    if any(Path(path).name == REPORT_HTML for path in report_files):
        url = report_url(_client(s3_block, link_endpoint) if link_endpoint else client, where, summary.run_id, link_expiry)
        link_report(url, f"The run's HTML report on S3; this link is valid for {timedelta(seconds=link_expiry)} after the upload.")
    return written


def _client(s3_block: str | None, endpoint_url: str | None = None) -> Any:
    """An S3 client from the named block, else from the `AWS_*` variables; `endpoint_url` overrides the endpoint."""
    if s3_block:
        from blocks.s3 import load_s3

        return load_s3(s3_block, endpoint_url=endpoint_url)[0]
    return make_client(endpoint_url=endpoint_url)
