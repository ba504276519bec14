"""Task: preprocess one document's pages."""

from __future__ import annotations

from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from loan_extractor.config import PipelineConfig
from loan_extractor.models import Document
from loan_extractor.stages.preprocess import preprocess_document
from tasks._outcome import chunk_run_name, run_chunk


@task(
    name="preprocess",
    description="Render or load pages; grayscale, deskew, DPI, clarity, fingerprints.",
    cache_policy=NO_CACHE,
    task_run_name=chunk_run_name("preprocess"),
)
def preprocess(docs: list[Document], cfg: PipelineConfig, work_dir: Path) -> list[Document]:
    """The documents with their page images in the run's work folder."""
    return run_chunk("preprocess", preprocess_document, docs, cfg, work_dir)
