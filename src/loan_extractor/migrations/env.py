"""Alembic environment: runs on the connection the caller passes in `config.attributes["connection"]`.

The database URL is never put in a config file or a log line; `loan_extractor.migrations` opens
the connection itself and hands it over.
"""

from __future__ import annotations

from alembic import context

from loan_extractor.db import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through `loan-extractor db upgrade`, which supplies the connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things: later revisions rebuild tables in batch mode there.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
