"""`loan-extractor db upgrade` and `loan-extractor db current`: the database schema's migrations.

The database is `LOAN_EXTRACTOR_DATABASE_URL` (a SQLite file in the data folder by default). Output
names the database's backend and revision, never its URL.
"""

from __future__ import annotations

import argparse
import sys

from loan_extractor.commands import EXIT_FAILED, EXIT_OK
from loan_extractor.settings import Settings


def register(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = verbs.add_parser("db", help="database schema: apply or show migrations")
    actions = parser.add_subparsers(dest="db_action", required=True)
    actions.add_parser("upgrade", help="apply every migration this version knows").set_defaults(handler=upgrade)
    current = actions.add_parser("current", help="show the database's revision; exit 1 when it is behind")
    current.set_defaults(handler=current_revision)


def upgrade(args: argparse.Namespace, settings: Settings) -> int:
    """Bring the database to the newest revision (a no-op when it is there already)."""
    from sqlalchemy.exc import SQLAlchemyError

    from loan_extractor import migrations

    url = settings.resolved_database_url
    try:
        before = migrations.current_revision(url)
        after = migrations.upgrade(url)
    except SQLAlchemyError as exc:
        print(f"loan-extractor: db upgrade failed: {_short(exc)}", file=sys.stderr)
        return EXIT_FAILED
    change = "already at" if before == after else f"upgraded from {before or 'an empty schema'} to"
    print(f"{_backend(url)} database {change} revision {after} (head)")
    return EXIT_OK


def current_revision(args: argparse.Namespace, settings: Settings) -> int:
    """Print the database's revision and the newest one; exit 1 when they differ."""
    from sqlalchemy.exc import SQLAlchemyError

    from loan_extractor import migrations

    url = settings.resolved_database_url
    try:
        found, head = migrations.current_revision(url), migrations.head_revision()
    except SQLAlchemyError as exc:
        print(f"loan-extractor: could not read the database: {_short(exc)}", file=sys.stderr)
        return EXIT_FAILED
    if found == head:
        print(f"{_backend(url)} database at revision {found} (head)")
        return EXIT_OK
    print(f"{_backend(url)} database at revision {found or 'none'}; head is {head}: run `loan-extractor db upgrade`")
    return EXIT_FAILED


def _backend(url: str) -> str:
    return url.split(":", 1)[0].split("+", 1)[0]


def _short(exc: Exception) -> str:
    # the driver's own words; SQLAlchemy's full text adds the statement and a link
    orig = getattr(exc, "orig", None)
    return str(orig or exc).strip().splitlines()[0]
