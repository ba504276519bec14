"""Tasks over the whole batch: anomalies across a loan's documents, bias across slices."""

from __future__ import annotations

from typing import Any

from prefect import task

from loan_extractor.config import PipelineConfig
from loan_extractor.models import Anomaly, Document
from loan_extractor.settings import Settings
from loan_extractor.stages.anomalies import detect_anomalies as find_anomalies
from loan_extractor.stages.bias import check_bias as bias_table
from loan_extractor.stages.bias import reviewed_truth
from loan_extractor.stages.history import load_history
from tasks._outcome import io_task_options
from tasks.storage import engine_for


@task(
    name="detect-anomalies",
    description="Cross-document rules per loan, outliers against the batch and stored history, run-level drift.",
    **io_task_options(),  # reading the history is database I/O: transient errors are retried
)
def detect_anomalies(
    docs: list[Document], cfg: PipelineConfig, settings: Settings
) -> tuple[list[Document], list[Anomaly]]:
    """The documents with their anomalies attached, and every anomaly found."""
    return find_anomalies(docs, cfg, load_history(engine_for(settings), docs, cfg))


@task(
    name="check-bias",
    description="Compare extraction quality across slices with fairlearn, against reviewers' corrections where there are any.",
    **io_task_options(),
)
def check_bias(docs: list[Document], cfg: PipelineConfig, settings: Settings | None = None) -> list[dict[str, Any]]:
    """The bias table: one row per slice, group and metric; field accuracy too when `settings` names
    a database holding corrections of these documents."""
    truth = reviewed_truth(engine_for(settings), docs) if settings is not None else None
    return [row.model_dump() for row in bias_table(docs, cfg, truth)]
