"""Tasks: find duplicates against storage, validate each input."""

from __future__ import annotations

from prefect import task
from prefect.cache_policies import NO_CACHE

from loan_extractor.config import PipelineConfig
from loan_extractor.models import Document
from loan_extractor.settings import Settings
from loan_extractor.stages.intake import DuplicateIndex, build_duplicate_index, check_input
from loan_extractor.stages.store import stored_hashes
from tasks._outcome import chunk_run_name, io_task_options, run_chunk
from tasks.storage import engine_for


@task(
    name="find-duplicates",
    description="Index the run's content hashes and those already stored.",
    **io_task_options(),
)
def find_duplicates(docs: list[Document], settings: Settings) -> DuplicateIndex:
    """First occurrence of each hash in this run, and the hashes already processed before."""
    stored = stored_hashes(engine_for(settings), (d.sha256 for d in docs if d.sha256))
    return build_duplicate_index(docs, stored)


@task(
    name="validate-input",
    description="Check format by magic bytes, size, pages, pixels, encryption and duplicates.",
    cache_policy=NO_CACHE,
    task_run_name=chunk_run_name("validate-input"),
)
def validate_input(docs: list[Document], duplicates: DuplicateIndex, cfg: PipelineConfig) -> list[Document]:
    """The documents, each rejected with a reason when its input is bad."""
    return run_chunk("validate-input", check_input, docs, cfg.limits, duplicates, cfg.ocr.render_dpi)
