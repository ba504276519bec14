"""Migrations: empty to head on SQLite and PostgreSQL, the schema they make equals the tables' models, the policy."""

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from loan_extractor.cli import main
from loan_extractor.db import Base, make_engine
from loan_extractor.migrations import (
    SchemaOutdatedError,
    current_revision,
    ensure_schema,
    head_revision,
    is_current,
    require_current,
    upgrade,
)  # fmt: skip

TABLES = {"documents", "runs", "pages", "extracted_fields", "validation_failures", "anomalies", "bias_metrics", "intake_queue"}


def _differences(url: str) -> list:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return compare_metadata(MigrationContext.configure(conn), Base.metadata)
    finally:
        engine.dispose()


def _empty_to_head(url: str) -> None:
    assert current_revision(url) is None and not is_current(url)
    with pytest.raises(SchemaOutdatedError, match="has no schema yet.*run `loan-extractor db upgrade`"):
        require_current(url)
    assert upgrade(url) == head_revision()
    assert is_current(url)
    require_current(url)
    assert TABLES <= set(inspect(create_engine(url)).get_table_names())
    assert _differences(url) == []
    assert upgrade(url) == head_revision()  # a second upgrade is a no-op


def test_sqlite_empty_to_head(tmp_path: Path) -> None:
    _empty_to_head(f"sqlite:///{tmp_path / 'db.sqlite'}")


@pytest.mark.postgres
def test_postgres_empty_to_head(make_postgres_database) -> None:
    _empty_to_head(make_postgres_database())


@pytest.mark.postgres
def test_postgres_behind_fails_fast_and_is_not_upgraded_by_the_run(make_postgres_database) -> None:
    url = make_postgres_database()
    upgrade(url, "0001")
    with pytest.raises(SchemaOutdatedError, match="is at revision 0001.*run `loan-extractor db upgrade`"):
        ensure_schema(url)
    assert current_revision(url) == "0001"


def test_sqlite_is_upgraded_at_run_start(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'sub' / 'db.sqlite'}"
    ensure_schema(url)
    assert is_current(url)


def test_a_database_made_before_migrations_is_stamped_then_upgraded(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    engine = make_engine(url)
    Base.metadata.create_all(engine, tables=[Base.metadata.tables["documents"], Base.metadata.tables["runs"]])
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO runs VALUES ('r0', '/in', '2026-01-01', '2026-01-01', 'c', 'v', '{}', '{}')"))
    assert upgrade(url) == head_revision()
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT run_id FROM runs")) == "r0"
    assert _differences(url) == []


def test_db_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("LOAN_EXTRACTOR_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.sqlite'}")
    assert main(["db", "current"]) == 1
    assert "run `loan-extractor db upgrade`" in capsys.readouterr().out
    assert main(["db", "upgrade"]) == 0
    assert capsys.readouterr().out.strip() == f"sqlite database upgraded from an empty schema to revision {head_revision()} (head)"
    assert main(["db", "upgrade"]) == 0 and "already at revision" in capsys.readouterr().out
    assert main(["db", "current"]) == 0


@pytest.mark.postgres
def test_db_upgrade_command_never_prints_the_url(make_postgres_database, monkeypatch, capsys) -> None:
    url = make_postgres_database()
    monkeypatch.setenv("LOAN_EXTRACTOR_DATABASE_URL", url)
    assert main(["db", "upgrade"]) == 0
    out = capsys.readouterr()
    assert out.out.startswith("postgresql database upgraded") and url.rsplit("/", 1)[-1] not in out.out + out.err
    assert is_current(url)
