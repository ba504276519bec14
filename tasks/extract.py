"""Task: extract text, type and fields from one document."""

from __future__ import annotations

from prefect import task
from prefect.cache_policies import NO_CACHE

from loan_extractor.config import PipelineConfig
from loan_extractor.models import Document
from loan_extractor.stages.extract import extract_document
from tasks._outcome import chunk_run_name, run_chunk


@task(
    name="extract",
    description="Text layer or tesseract OCR; classify the type; typed fields with confidence.",
    tags=["stage:extract", "ocr"],
    cache_policy=NO_CACHE,
    task_run_name=chunk_run_name("extract"),
)
def extract(docs: list[Document], cfg: PipelineConfig) -> list[Document]:
    """The documents with their types, fields and confidences."""
    return run_chunk("extract", extract_document, docs, cfg)
