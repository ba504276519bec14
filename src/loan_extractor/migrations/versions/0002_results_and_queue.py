"""Per-page, per-field and per-failure rows; anomalies and bias metrics per run; the intake queue.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)
BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _id() -> sa.Column:
    return sa.Column("id", BigId, primary_key=True, autoincrement=True)


def _document_id(table: str) -> list[sa.Column]:
    fk = sa.ForeignKey("documents.id", ondelete="CASCADE", name=f"fk_{table}_document_id")
    return [sa.Column("document_id", sa.Integer(), fk, nullable=False)]


def upgrade() -> None:
    _document_children()
    _run_tables()
    _intake_queue()


def _document_children() -> None:
    op.create_table(
        "pages", _id(), *_document_id("pages"),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("width", sa.Integer()),
        sa.Column("height", sa.Integer()),
        sa.Column("dpi", sa.Float()),
        sa.Column("clarity", sa.Float()),
        sa.Column("skew_degrees", sa.Float()),
        sa.Column("dhash", sa.String(64)),
        sa.UniqueConstraint("document_id", "number", name="uq_pages_document_number"),
    )  # fmt: skip
    op.create_table(
        "extracted_fields", _id(), *_document_id("extracted_fields"),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("value", sa.Text()),
        sa.Column("confidence", sa.Float()),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.UniqueConstraint("document_id", "field", name="uq_extracted_fields_document_field"),
    )  # fmt: skip
    op.create_table(
        "validation_failures", _id(), *_document_id("validation_failures"),
        sa.Column("stage", sa.String(32), nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("rule", sa.String(64), nullable=False),
        sa.Column("field", sa.String(64)),
        sa.Column("message", sa.Text(), nullable=False),
    )  # fmt: skip
    for table in ("pages", "extracted_fields", "validation_failures"):
        op.create_index(f"ix_{table}_document_id", table, ["document_id"])
    op.create_index("ix_extracted_fields_field", "extracted_fields", ["field"])
    op.create_index("ix_validation_failures_reason", "validation_failures", ["reason"])


def _run_tables() -> None:
    op.create_table(
        "anomalies", _id(),
        sa.Column("run_id", sa.String(64), nullable=False),
        sa.Column("loan_id", sa.String(128)),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("score", sa.Float()),
        sa.Column("documents", sa.JSON(), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
    )  # fmt: skip
    op.create_index("ix_anomalies_run_id", "anomalies", ["run_id"])
    op.create_index("ix_anomalies_loan_id", "anomalies", ["loan_id"])
    op.create_table(
        "bias_metrics", _id(),
        sa.Column("run_id", sa.String(64), nullable=False),
        sa.Column("slice_name", sa.String(64), nullable=False),
        sa.Column("group_name", sa.String(128), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("metric", sa.String(128), nullable=False),
        sa.Column("value", sa.Float()),
        sa.Column("difference", sa.Float()),
        sa.Column("ratio", sa.Float()),
        sa.Column("compared", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
    )  # fmt: skip
    op.create_index("ix_bias_metrics_run_id", "bias_metrics", ["run_id"])


def _intake_queue() -> None:
    op.create_table(
        "intake_queue", _id(),
        sa.Column("object_key", sa.Text(), nullable=False),
        sa.Column("loan_id", sa.String(128)),
        sa.Column("status", sa.String(16), nullable=False, server_default=sa.text("'pending'")),
        sa.Column("enqueued_at", TZ, nullable=False, server_default=sa.text("CURRENT_TIMESTAMP")),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default=sa.text("0")),
        sa.Column("claimed_by", sa.String(64)),
        sa.Column("claimed_at", TZ),
        sa.Column("finished_at", TZ),
        sa.Column("reason", sa.String(32)),
        sa.Column("message", sa.Text()),
        sa.CheckConstraint("status IN ('pending', 'claimed', 'done', 'failed')", name="ck_intake_queue_status"),
    )  # fmt: skip
    op.create_index("ix_intake_queue_status_id", "intake_queue", ["status", "id"])


def downgrade() -> None:
    for table in ("intake_queue", "bias_metrics", "anomalies", "validation_failures", "extracted_fields", "pages"):
        op.drop_table(table)
