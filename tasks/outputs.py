"""Task: write the run's per-document JSON and report files under the S3 output prefix."""

from __future__ import annotations

from pathlib import Path

from prefect import task

from loan_extractor.outputs import OutputLocation, write_outputs
from loan_extractor.run import RunSummary
from loan_extractor.s3 import make_client
from tasks._outcome import io_task_options


@task(
    name="write-outputs",
    description="Upload one JSON per document and the run report under the output prefix.",
    tags=["stage:report", "io:s3"],
    **io_task_options(),
)
def publish_outputs(summary: RunSummary, where: OutputLocation, report_files: list[Path], s3_block: str | None = None) -> list[str]:
    """The URIs written. Credentials come from the S3 block when named, else from the `AWS_*` variables."""
    if s3_block:
        from blocks.s3 import load_s3

        client = load_s3(s3_block)[0]
    else:
        client = make_client()
    return write_outputs(client, where, summary, report_files)
