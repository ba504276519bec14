"""Stage 8: store results. Upserts one row per document (keyed by content) and one row per run."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import fmean
from typing import Any, Iterable

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine

from loan_extractor.db import DocumentRow, RunRow, utcnow
from loan_extractor.models import Document, Reason, Status
from loan_extractor.run import RunSummary

_UPSERT_DIALECTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}
_BATCH = 500  # rows per statement: well under SQLite's bound-parameter limit
_KEEP_ON_UPDATE = ("id", "doc_key", "created_at")
_DUPLICATE_OF_STORED = (Status.PROCESSED.value, Status.NEEDS_REVIEW.value)


@dataclass(frozen=True)
class StoreResult:
    written: int
    skipped_duplicates: int
    document_rows: int


def stored_hashes(engine: Engine, hashes: Iterable[str]) -> set[str]:
    """The hashes among `hashes` of documents already stored as processed or needing review."""
    wanted = sorted({h for h in hashes if h})
    found: set[str] = set()
    with engine.connect() as conn:
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            query = select(DocumentRow.sha256).where(
                DocumentRow.sha256.in_(chunk), DocumentRow.status.in_(_DUPLICATE_OF_STORED)
            )
            found.update(conn.scalars(query))
    return found


def store_results(engine: Engine, summary: RunSummary) -> StoreResult:
    """Write the run and its documents in one transaction; duplicates keep the original's row."""
    rows = [document_row(doc, summary.run_id) for doc in summary.documents if doc.reason != Reason.DUPLICATE]
    with engine.begin() as conn:
        for start in range(0, len(rows), _BATCH):
            conn.execute(_upsert(engine.dialect.name, rows[start : start + _BATCH]))
        conn.execute(_upsert_run(engine.dialect.name, summary))
        total = conn.scalar(select(func.count()).select_from(DocumentRow)) or 0
    return StoreResult(written=len(rows), skipped_duplicates=len(summary.documents) - len(rows), document_rows=total)


def document_key(doc: Document) -> str:
    """Content hash plus page range: the same bytes (and pages) are always the same row."""
    first, last = (doc.pages[0], doc.pages[-1]) if doc.pages else (0, 0)
    return f"{doc.sha256 or 'nohash:' + doc.doc_id}:{first}-{last}"


def document_row(doc: Document, run_id: str) -> dict[str, Any]:
    """The `documents` row of a final record (text and values are already redacted upstream)."""
    out = doc.to_output()
    return {
        "doc_key": document_key(doc),
        "sha256": doc.sha256,
        "source": doc.source,
        "loan_id": doc.loan_id,
        "pages": list(doc.pages),
        "media_type": doc.media_type,
        "size_bytes": doc.size_bytes,
        "doc_type": out["doc_type"],
        "type_confidence": doc.type_confidence,
        "status": out["status"],
        "reason": out["reason"],
        "text_source": doc.text_source,
        "ocr_confidence": doc.ocr_confidence,
        "min_dpi": min((p.dpi for p in doc.page_images), default=None),
        "mean_clarity": fmean(p.clarity for p in doc.page_images) if doc.page_images else None,
        "fields": out["fields"],
        "confidence": out["confidence"],
        "errors": out["errors"],
        "anomalies": out["anomalies"],
        "fingerprints": [p.dhash for p in doc.page_images],
        "text": doc.text,
        "run_id": run_id,
        "created_at": utcnow(),
        "updated_at": utcnow(),
    }


def _upsert(dialect: str, rows: list[dict[str, Any]]):
    insert = _UPSERT_DIALECTS.get(dialect)
    if insert is None:
        raise NotImplementedError(f"upserts are implemented for {sorted(_UPSERT_DIALECTS)}, not {dialect}")
    stmt = insert(DocumentRow).values(rows)
    changed = {c: stmt.excluded[c] for c in rows[0] if c not in _KEEP_ON_UPDATE}
    return stmt.on_conflict_do_update(index_elements=["doc_key"], set_=changed)


def _upsert_run(dialect: str, summary: RunSummary):
    values = {
        "run_id": summary.run_id,
        "source": summary.source,
        "started_at": summary.started_at,
        "finished_at": summary.finished_at,
        "config_digest": summary.config_digest,
        "code_version": summary.code_version,
        "counts": summary.counts(),
        "summary": summary.to_json(),
    }
    stmt = _UPSERT_DIALECTS[dialect](RunRow).values(values)
    return stmt.on_conflict_do_update(index_elements=["run_id"], set_={k: stmt.excluded[k] for k in values})
