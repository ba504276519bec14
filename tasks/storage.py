"""Tasks: check the database schema, store results, finish the queue rows a run claimed.

The engine is made once per process and database URL, after `ensure_schema`: SQLite is upgraded
in place, any other database must already be at the code's revision (`loan-extractor db upgrade`).
"""

from __future__ import annotations

import threading
from functools import lru_cache

from prefect import task
from sqlalchemy.engine import Engine

from loan_extractor.db import make_engine
from loan_extractor.migrations import ensure_schema
from loan_extractor.models import Document
from loan_extractor.run import RunSummary
from loan_extractor.settings import Settings
from loan_extractor.sources.db import complete_claims
from loan_extractor.stages.store import StoreResult, store_results
from tasks._outcome import io_task_options

_LOCK = threading.Lock()  # mapped tasks ask for the engine from several threads at once


@lru_cache(maxsize=4)
def _engine(url: str) -> Engine:
    ensure_schema(url)
    return make_engine(url)


def engine_for(settings: Settings) -> Engine:
    """A pooled engine for the configured database (SQLite file by default), its schema checked."""
    with _LOCK:
        return _engine(settings.resolved_database_url)


@task(name="check-database", description="Upgrade the embedded SQLite schema, or check the database is current.", **io_task_options())
def check_database(settings: Settings) -> None:
    """Fail the run at once when the database is behind the code (SQLite is upgraded instead)."""
    engine_for(settings)


@task(name="store-results", description="Upsert the documents and their pages, fields and failures; the run's anomalies and bias metrics.", **io_task_options())
def store(summary: RunSummary, settings: Settings) -> StoreResult:
    """Write the run's results to the database."""
    return store_results(engine_for(settings), summary)


@task(name="complete-claims", description="Mark the queue rows this run claimed done or failed.", **io_task_options())
def finish_claims(worker_id: str, documents: list[Document], settings: Settings) -> dict[str, int]:
    """Queue rows claimed by `worker_id`: `done`, or `failed` with the document's reason; counts by status."""
    return complete_claims(engine_for(settings), worker_id, documents)
