"""Task: validate one document's extracted fields."""

from __future__ import annotations

from datetime import date

from prefect import task
from prefect.cache_policies import NO_CACHE

from loan_extractor.config import PipelineConfig
from loan_extractor.models import Document
from loan_extractor.stages.validation import STAGE, broken_rules_by_document
from loan_extractor.stages.validation import validate_extraction as validate_fields
from tasks._outcome import chunk_run_name, run_guarded


@task(
    name="validate-extraction",
    description="Check the fields against the pandera schema of the document type.",
    cache_policy=NO_CACHE,
    task_run_name=chunk_run_name("validate-extraction"),
)
def validate_extraction(docs: list[Document], cfg: PipelineConfig, today: date) -> list[Document]:
    """The documents with one issue per failed rule."""
    known = broken_rules_by_document(docs, today)  # one pandera call per document type, not per document
    return [run_guarded(STAGE, validate_fields, doc, cfg, today, known.get(i)) for i, doc in enumerate(docs)]
