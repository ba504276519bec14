"""Schema migrations (Alembic), configured in code: no `alembic.ini`, and the database URL never leaves memory.

Policy, applied by `ensure_schema` when a run starts:
- SQLite (the embedded default, `make run` with no setup) is upgraded automatically;
- any other database (PostgreSQL) is only checked, and a database behind the code stops the run
  with a message naming `loan-extractor db upgrade`: schema changes there are an operator's decision.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import NullPool

from loan_extractor.errors import LoanExtractorError

SCRIPT_LOCATION = Path(__file__).resolve().parent
BASELINE = "0001"  # the schema databases made before migrations existed already hold


class SchemaOutdatedError(LoanExtractorError):
    """The database's schema is behind this version of the code."""


def upgrade(url: str, revision: str = "head") -> str | None:
    """Apply every migration up to `revision`; return the database's revision afterwards."""
    engine = _engine(url)
    try:
        with engine.begin() as conn:
            if _is_unversioned_baseline(conn):
                command.stamp(_config(conn), BASELINE)
            command.upgrade(_config(conn), revision)
        return current_revision(url)
    finally:
        engine.dispose()


def current_revision(url: str) -> str | None:
    """The revision the database is at; `None` for a database no migration has touched."""
    engine = _engine(url)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


def head_revision() -> str:
    """The newest revision this version of the code knows."""
    head = ScriptDirectory.from_config(_config(None)).get_current_head()
    if head is None:  # only a broken install has no revisions
        raise LoanExtractorError(f"no migrations found in {SCRIPT_LOCATION}")
    return head


def is_current(url: str) -> bool:
    """Whether the database is at the newest revision."""
    return current_revision(url) == head_revision()


def require_current(url: str) -> None:
    """Raise `SchemaOutdatedError`, saying what to run, when the database is behind the code."""
    found, head = current_revision(url), head_revision()
    if found != head:
        state = "has no schema yet" if found is None else f"is at revision {found}"
        raise SchemaOutdatedError(
            f"the database {state}; this version needs revision {head}: run `loan-extractor db upgrade`"
        )


def ensure_schema(url: str) -> None:
    """At run start: upgrade SQLite in place; check any other database and fail fast when it is behind."""
    if url.startswith("sqlite"):
        if not is_current(url):
            upgrade(url)
        return
    require_current(url)


def _config(conn: Connection | None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPT_LOCATION))
    cfg.attributes["connection"] = conn  # env.py runs on it; no URL is ever written into the config
    return cfg


def _engine(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    return create_engine(url, poolclass=NullPool)


def _is_unversioned_baseline(conn: Connection) -> bool:
    """The two tables of the first versions, made without migrations: stamp them rather than create them."""
    tables = set(inspect(conn).get_table_names())
    return "alembic_version" not in tables and {"documents", "runs"} <= tables
