"""Task: extract text, type and fields from one document."""

from __future__ import annotations

from prefect import task
from prefect.cache_policies import NO_CACHE

from loan_extractor.config import PipelineConfig
from loan_extractor.models import Document
from loan_extractor.stages.extract import extract_document
from tasks._outcome import run_guarded


@task(
    name="extract",
    description="Text layer or tesseract OCR; classify the type; typed fields with confidence.",
    tags=["stage:extract", "ocr"],
    cache_policy=NO_CACHE,
    task_run_name="extract-{doc.doc_id}",
)
def extract(doc: Document, cfg: PipelineConfig) -> Document:
    """The document with its type, fields and confidences."""
    return run_guarded("extract", extract_document, doc, cfg)
