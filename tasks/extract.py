"""Task: extract text, type and fields from one document."""

from __future__ import annotations

from prefect import task
from prefect.cache_policies import NO_CACHE

from loan_extractor.config import PipelineConfig
from loan_extractor.models import Document
from loan_extractor.stages.split import extract_package
from tasks._outcome import chunk_run_name, run_guarded_parts


@task(
    name="extract",
    description="Text layer or tesseract OCR; classify the type; typed fields with confidence.",
    cache_policy=NO_CACHE,
    task_run_name=chunk_run_name("extract"),
)
def extract(docs: list[Document], cfg: PipelineConfig) -> list[Document]:
    """Each file's logical documents (a loan package gives several) with types, fields and confidences."""
    return [part for doc in docs for part in run_guarded_parts("extract", extract_package, doc, cfg)]
