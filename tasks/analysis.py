"""Tasks over the whole batch: anomalies across a loan's documents, bias across slices."""

from __future__ import annotations

from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE

from loan_extractor.config import PipelineConfig
from loan_extractor.models import Anomaly, Document
from loan_extractor.stages.anomalies import detect_anomalies as find_anomalies
from loan_extractor.stages.bias import check_bias as bias_table


@task(
    name="detect-anomalies",
    description="Cross-document rules per loan and statistical outliers over the batch.",
    tags=["stage:detect-anomalies"],
    cache_policy=NO_CACHE,
)
def detect_anomalies(docs: list[Document], cfg: PipelineConfig) -> tuple[list[Document], list[Anomaly]]:
    """The documents with their anomalies attached, and every anomaly found."""
    return find_anomalies(docs, cfg)


@task(
    name="check-bias",
    description="Compare extraction quality across slices with fairlearn.",
    tags=["stage:check-bias"],
    cache_policy=NO_CACHE,
)
def check_bias(docs: list[Document], cfg: PipelineConfig) -> list[dict[str, Any]]:
    """The bias table: one row per slice, group and metric."""
    return [row.model_dump() for row in bias_table(docs, cfg)]
