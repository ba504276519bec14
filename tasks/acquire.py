"""Task: acquire documents from a source."""

from __future__ import annotations

from pathlib import Path

from prefect import task

from loan_extractor.config import PipelineConfig
from loan_extractor.models import Document
from loan_extractor.settings import Settings
from loan_extractor.sources import open_source
from loan_extractor.stages.acquire import acquire
from tasks._outcome import io_task_options
from tasks.storage import engine_for


@task(
    name="acquire",
    description="List the source and make every document a local file with its sha256.",
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
    settings: Settings | None = None,
    run_id: str = "",
) -> tuple[list[Document], list[str]]:
    """Every document of the source (and the names ignored by pattern); S3 credentials from a block when named.

    The `db` source claims pending queue rows for this run (`run_id`) in the configured database.
    Object metadata is read only when a `meta:` bias slice will use it.
    """
    client = None
    if s3_block and (source.startswith("s3://") or source == "db"):
        from blocks.s3 import load_s3

        client = load_s3(s3_block)[0]
    queue = (engine_for(settings), run_id) if source == "db" and settings is not None else None
    opened = open_source(source, cfg, client, exclude, queue=queue, limit=limit)
    metadata = any(name.startswith("meta:") for name in cfg.bias.slices)
    docs = acquire(opened, work_dir, limit=limit, loan_id=loan_id, metadata=metadata)
    return docs, list(getattr(opened, "ignored", []))
