"""Task: acquire documents from a source."""

from __future__ import annotations

from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from loan_extractor.config import PipelineConfig
from loan_extractor.models import Document
from loan_extractor.sources import open_source
from loan_extractor.stages.acquire import acquire
from tasks._outcome import RETRIES, RETRY_DELAYS, retry_transient_only


@task(
    name="acquire",
    description="List the source and make every document a local file with its sha256.",
    tags=["stage:acquire"],
    retries=RETRIES,
    retry_delay_seconds=RETRY_DELAYS,
    retry_jitter_factor=0.5,
    retry_condition_fn=retry_transient_only,
    cache_policy=NO_CACHE,
)
def acquire_documents(
    source: str, cfg: PipelineConfig, work_dir: Path, limit: int | None = None, loan_id: str | None = None
) -> tuple[list[Document], list[str]]:
    """Every document of the source (and the names ignored by pattern)."""
    opened = open_source(source, cfg)
    docs = acquire(opened, work_dir, limit=limit, loan_id=loan_id)
    return docs, list(getattr(opened, "ignored", []))
