"""Task: acquire documents from a source."""

from __future__ import annotations

from pathlib import Path

from prefect import task

from loan_extractor.config import PipelineConfig
from loan_extractor.models import Document
from loan_extractor.sources import open_source
from loan_extractor.stages.acquire import acquire
from tasks._outcome import io_task_options


@task(
    name="acquire",
    description="List the source and make every document a local file with its sha256.",
    tags=["stage:acquire"],
    **io_task_options(),
)
def acquire_documents(
    source: str,
    cfg: PipelineConfig,
    work_dir: Path,
    limit: int | None = None,
    loan_id: str | None = None,
    s3_block: str | None = None,
    exclude: tuple[str, ...] = (),
) -> tuple[list[Document], list[str]]:
    """Every document of the source (and the names ignored by pattern); S3 credentials from a block when named."""
    client = None
    if s3_block and source.startswith("s3://"):
        from blocks.s3 import load_s3

        client = load_s3(s3_block)[0]
    opened = open_source(source, cfg, client, exclude)
    docs = acquire(opened, work_dir, limit=limit, loan_id=loan_id)
    return docs, list(getattr(opened, "ignored", []))
