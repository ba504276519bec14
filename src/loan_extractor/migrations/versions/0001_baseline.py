"""Baseline: the `documents` and `runs` tables as the first versions made them.

Databases made before migrations existed hold exactly this schema; `upgrade` stamps them at
this revision instead of creating the tables again.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("doc_key", sa.String(96), nullable=False),
        sa.Column("sha256", sa.String(64)),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("loan_id", sa.String(128)),
        sa.Column("pages", sa.JSON(), nullable=False),
        sa.Column("media_type", sa.String(64)),
        sa.Column("size_bytes", sa.Integer()),
        sa.Column("doc_type", sa.String(32)),
        sa.Column("type_confidence", sa.Float()),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.String(32)),
        sa.Column("text_source", sa.String(16)),
        sa.Column("ocr_confidence", sa.Float()),
        sa.Column("min_dpi", sa.Float()),
        sa.Column("mean_clarity", sa.Float()),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("confidence", sa.JSON(), nullable=False),
        sa.Column("errors", sa.JSON(), nullable=False),
        sa.Column("anomalies", sa.JSON(), nullable=False),
        sa.Column("fingerprints", sa.JSON(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("run_id", sa.String(64), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.UniqueConstraint("doc_key", name="uq_documents_doc_key"),
    )
    for column in ("sha256", "loan_id", "status", "run_id"):
        op.create_index(f"ix_documents_{column}", "documents", [column])
    op.create_table(
        "runs",
        sa.Column("run_id", sa.String(64), primary_key=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("started_at", TZ, nullable=False),
        sa.Column("finished_at", TZ, nullable=False),
        sa.Column("config_digest", sa.String(32), nullable=False),
        sa.Column("code_version", sa.String(32), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("runs")
    op.drop_table("documents")
