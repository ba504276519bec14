"""Task: preprocess one document's pages."""

from __future__ import annotations

from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from loan_extractor.config import PipelineConfig
from loan_extractor.models import Document
from loan_extractor.stages.preprocess import preprocess_document
from tasks._outcome import run_guarded


@task(
    name="preprocess",
    description="Render or load pages; grayscale, deskew, DPI, clarity, fingerprints.",
    tags=["stage:preprocess"],
    cache_policy=NO_CACHE,
    task_run_name="preprocess-{doc.doc_id}",
)
def preprocess(doc: Document, cfg: PipelineConfig, work_dir: Path) -> Document:
    """The document with its page images in the run's work folder."""
    return run_guarded("preprocess", preprocess_document, doc, cfg, work_dir)
