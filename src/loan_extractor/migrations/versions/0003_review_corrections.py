"""Reviewers' corrections beside the extraction: `documents.corrections`, a JSON list (null until the first).

A `documents` table made from the current models before the database was versioned (then stamped
at the baseline) already has the column: it is added only where it is missing.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("documents")}
    if "corrections" not in columns:
        op.add_column("documents", sa.Column("corrections", sa.JSON(none_as_null=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("corrections")
