"""Task: validate one document's extracted fields."""

from __future__ import annotations

from datetime import date

from prefect import task
from prefect.cache_policies import NO_CACHE

from loan_extractor.config import PipelineConfig
from loan_extractor.models import Document
from loan_extractor.stages.validation import validate_extraction as validate_fields
from tasks._outcome import run_guarded


@task(
    name="validate-extraction",
    description="Check the fields against the pandera schema of the document type.",
    tags=["stage:validate-extraction"],
    cache_policy=NO_CACHE,
    task_run_name="validate-extraction-{doc.doc_id}",
)
def validate_extraction(doc: Document, cfg: PipelineConfig, today: date) -> Document:
    """The document with one issue per failed rule."""
    return run_guarded("validate-extraction", validate_fields, doc, cfg, today)
