"""Database tables (SQLAlchemy 2). The schema itself is made by the migrations in `loan_extractor.migrations`.

`documents` holds one row per document (keyed by content and page range); `pages`, `extracted_fields`
and `validation_failures` hang off it and are replaced whenever it is; `anomalies` and `bias_metrics`
belong to a run, whose `summary` also keeps its lineage manifest (`loan_extractor.lineage`);
`documents.corrections` holds people's corrections beside the extraction, never over it; `intake_queue`
is written by other systems (see `sources/db.py`).
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    text,
)  # fmt: skip
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from loan_extractor.errors import TransientError

QUEUE_STATUSES = ("pending", "claimed", "done", "failed")
# BIGINT on PostgreSQL; SQLite only auto-increments a column declared exactly INTEGER PRIMARY KEY.
BigId = BigInteger().with_variant(Integer(), "sqlite")


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention={"ix": "ix_%(column_0_label)s", "fk": "fk_%(table_name)s_%(column_0_name)s"})
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class DocumentRow(Base):
    """A document's latest outcome; keyed by content (sha256) and page range, so reruns never duplicate."""

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("doc_key", name="uq_documents_doc_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_key: Mapped[str] = mapped_column(String(96))
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    source: Mapped[str] = mapped_column(Text)
    loan_id: Mapped[str | None] = mapped_column(String(128), index=True)
    pages: Mapped[list[Any]] = mapped_column(default=list)
    media_type: Mapped[str | None] = mapped_column(String(64))
    size_bytes: Mapped[int | None] = mapped_column(Integer)
    doc_type: Mapped[str | None] = mapped_column(String(32))
    type_confidence: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(16), index=True)
    reason: Mapped[str | None] = mapped_column(String(32))
    text_source: Mapped[str | None] = mapped_column(String(16))
    ocr_confidence: Mapped[float | None] = mapped_column(Float)
    min_dpi: Mapped[float | None] = mapped_column(Float)
    mean_clarity: Mapped[float | None] = mapped_column(Float)
    fields: Mapped[dict[str, Any]] = mapped_column(default=dict)
    confidence: Mapped[dict[str, Any]] = mapped_column(default=dict)
    errors: Mapped[list[Any]] = mapped_column(default=list)
    anomalies: Mapped[list[Any]] = mapped_column(default=list)
    fingerprints: Mapped[list[Any]] = mapped_column(default=list)
    text: Mapped[str] = mapped_column(Text, default="")
    run_id: Mapped[str] = mapped_column(String(64), index=True)
    # reviewers' corrections in order (see `loan_extractor.review`); the store never writes this column
    corrections: Mapped[list[Any] | None] = mapped_column(JSON(none_as_null=True), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


def _document_fk() -> Mapped[int]:
    return mapped_column(Integer, ForeignKey("documents.id", ondelete="CASCADE"), index=True)


class PageRow(Base):
    """One page of a document with its quality figures."""

    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("document_id", "number", name="uq_pages_document_number"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    document_id: Mapped[int] = _document_fk()
    number: Mapped[int] = mapped_column(Integer)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    dpi: Mapped[float | None] = mapped_column(Float)
    clarity: Mapped[float | None] = mapped_column(Float)
    skew_degrees: Mapped[float | None] = mapped_column(Float)
    dhash: Mapped[str | None] = mapped_column(String(64))


class FieldRow(Base):
    """One contract field of a document: its value as text (null when unread), confidence and kind."""

    __tablename__ = "extracted_fields"
    __table_args__ = (UniqueConstraint("document_id", "field", name="uq_extracted_fields_document_field"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    document_id: Mapped[int] = _document_fk()
    field: Mapped[str] = mapped_column(String(64), index=True)
    value: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float | None] = mapped_column(Float)
    kind: Mapped[str] = mapped_column(String(16))


class ValidationFailureRow(Base):
    """One failed check of a document (input checks, extraction checks, schema rules)."""

    __tablename__ = "validation_failures"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    document_id: Mapped[int] = _document_fk()
    stage: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(String(32), index=True)
    rule: Mapped[str] = mapped_column(String(64))
    field: Mapped[str | None] = mapped_column(String(64))
    message: Mapped[str] = mapped_column(Text)


class AnomalyRow(Base):
    """A broken cross-document rule or an outlier found by one run; `documents` holds document keys."""

    __tablename__ = "anomalies"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    run_id: Mapped[str] = mapped_column(String(64), index=True)
    loan_id: Mapped[str | None] = mapped_column(String(128), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    severity: Mapped[str] = mapped_column(String(16))
    score: Mapped[float | None] = mapped_column(Float)
    documents: Mapped[list[Any]] = mapped_column(default=list)
    figures: Mapped[dict[str, Any]] = mapped_column(default=dict)
    message: Mapped[str] = mapped_column(Text)


class BiasMetricRow(Base):
    """One group's value of one metric within one slice of one run, with the slice's gaps."""

    __tablename__ = "bias_metrics"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    run_id: Mapped[str] = mapped_column(String(64), index=True)
    slice_name: Mapped[str] = mapped_column(String(64))
    group_name: Mapped[str] = mapped_column(String(128))
    count: Mapped[int] = mapped_column(Integer)
    metric: Mapped[str] = mapped_column(String(128))
    value: Mapped[float | None] = mapped_column(Float)
    difference: Mapped[float | None] = mapped_column(Float)
    ratio: Mapped[float | None] = mapped_column(Float)
    compared: Mapped[bool]
    note: Mapped[str] = mapped_column(Text, default="")


class RunRow(Base):
    """One pipeline run: its source, configuration hash, counts and the full summary."""

    __tablename__ = "runs"

    run_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    config_digest: Mapped[str] = mapped_column(String(32))
    code_version: Mapped[str] = mapped_column(String(32))
    counts: Mapped[dict[str, Any]] = mapped_column(default=dict)
    summary: Mapped[dict[str, Any]] = mapped_column(default=dict)


class QueueRow(Base):
    """A document another system asks us to process. It inserts `object_key` (and `loan_id`); we do the rest."""

    __tablename__ = "intake_queue"
    __table_args__ = (
        CheckConstraint(f"status IN {QUEUE_STATUSES}", name="ck_intake_queue_status"),
        Index("ix_intake_queue_status_id", "status", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    object_key: Mapped[str] = mapped_column(Text)
    loan_id: Mapped[str | None] = mapped_column(String(128))
    status: Mapped[str] = mapped_column(String(16), server_default=text("'pending'"))
    enqueued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=text("CURRENT_TIMESTAMP"))
    attempts: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reason: Mapped[str | None] = mapped_column(String(32))
    message: Mapped[str | None] = mapped_column(Text)


def make_engine(url: str) -> Engine:
    """A pooled engine; SQLite folders are made as needed. The schema comes from `migrations.ensure_schema`."""
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    return create_engine(url, pool_pre_ping=True)


@contextmanager
def transient_db_errors() -> Iterator[None]:
    """Lost connections and locked databases become `TransientError`, so tasks retry them."""
    try:
        yield
    except OperationalError as exc:
        # the driver's message only: the statement and its parameters may hold document values
        raise TransientError(f"database unavailable: {type(exc.orig).__name__}: {str(exc.orig).strip()}") from exc
