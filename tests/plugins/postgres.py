"""PostgreSQL for tests: throwaway databases on 127.0.0.1:5432, dropped at the end of the session.

The server is reached as `root` or `postgres` with trust authentication (override with
`LOAN_EXTRACTOR_TEST_POSTGRES`, a URL of the maintenance database). With `CI=true` a missing server
fails the tests that need it; elsewhere they are skipped with a message saying what is missing.
"""

from __future__ import annotations

import os
import secrets
from typing import Any, Callable, Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

CANDIDATES = (
    "postgresql+psycopg2://root@127.0.0.1:5432/postgres",
    "postgresql+psycopg2://postgres@127.0.0.1:5432/postgres",
)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "postgres: needs PostgreSQL on 127.0.0.1:5432 (skipped without it, failed in CI)")


def _admin_url() -> tuple[URL | None, str]:
    """The first maintenance-database URL that connects, or why none did."""
    given = os.environ.get("LOAN_EXTRACTOR_TEST_POSTGRES")
    errors = []
    for candidate in [given] if given else CANDIDATES:
        url = make_url(candidate)
        engine = create_engine(url, poolclass=NullPool, connect_args={"connect_timeout": 3})
        try:
            with engine.connect():
                return url, ""
        except OperationalError as exc:
            errors.append(f"{url.username}@{url.host}:{url.port}: {str(exc.orig).strip().splitlines()[0]}")
        finally:
            engine.dispose()
    return None, "; ".join(errors)


def _run(admin: URL, sql: str) -> None:
    # CREATE/DROP DATABASE cannot run inside a transaction
    engine = create_engine(admin, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def postgres_admin() -> URL:
    """The maintenance database's URL; fails under CI=true, skips elsewhere, when no server answers."""
    url, why = _admin_url()
    if url is None:
        message = f"PostgreSQL is not reachable ({why}); start it on 127.0.0.1:5432, or set LOAN_EXTRACTOR_TEST_POSTGRES"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return url


@pytest.fixture(scope="session")
def make_postgres_database(postgres_admin: URL) -> Iterator[Callable[[], str]]:
    """A factory of empty throwaway databases (`loan_extractor_test_<random>`); all dropped at session end."""
    made: list[str] = []

    def make() -> str:
        name = f"loan_extractor_test_{secrets.token_hex(6)}"
        _run(postgres_admin, f'CREATE DATABASE "{name}"')
        made.append(name)
        return postgres_admin.set(database=name).render_as_string(hide_password=False)

    yield make
    for name in made:
        _run(postgres_admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def postgres_url(make_postgres_database: Callable[[], str]) -> str:
    """The URL (`postgresql+psycopg2://...`) of one empty throwaway database shared by the session."""
    return make_postgres_database()


@pytest.fixture(scope="module")
def migrated_postgres(make_postgres_database: Callable[[], str]) -> Iterator[Any]:
    """An engine on a throwaway database at the code's schema revision, one per test module."""
    from loan_extractor.db import make_engine
    from loan_extractor.migrations import upgrade

    url = make_postgres_database()
    upgrade(url)
    engine = make_engine(url)
    yield engine
    engine.dispose()


@pytest.fixture
def empty_postgres(migrated_postgres: Any) -> Any:
    """`migrated_postgres` with every table emptied: each test starts from no rows."""
    from sqlalchemy import text

    from loan_extractor.db import Base

    tables = ", ".join(table.name for table in Base.metadata.sorted_tables)
    with migrated_postgres.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    return migrated_postgres
