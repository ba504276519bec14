"""Tasks: store results; the engine is made once per process and database URL."""

from __future__ import annotations

from functools import lru_cache

from prefect import task
from prefect.cache_policies import NO_CACHE
from sqlalchemy.engine import Engine

from loan_extractor.db import make_engine
from loan_extractor.run import RunSummary
from loan_extractor.settings import Settings
from loan_extractor.stages.store import StoreResult, store_results
from tasks._outcome import RETRIES, RETRY_DELAYS, retry_transient_only


@lru_cache(maxsize=4)
def _engine(url: str) -> Engine:
    return make_engine(url)


def engine_for(settings: Settings) -> Engine:
    """A pooled engine for the configured database (SQLite file by default)."""
    return _engine(settings.resolved_database_url)


@task(
    name="store-results",
    description="Upsert one row per document and one per run.",
    tags=["stage:store"],
    retries=RETRIES,
    retry_delay_seconds=RETRY_DELAYS,
    retry_jitter_factor=0.5,
    retry_condition_fn=retry_transient_only,
    cache_policy=NO_CACHE,
)
def store(summary: RunSummary, settings: Settings) -> StoreResult:
    """Write the run's results to the database."""
    return store_results(engine_for(settings), summary)
