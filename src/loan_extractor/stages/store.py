"""Stage 8: store results, in one transaction and a fixed number of statements whatever the batch size.

Documents are upserted by `doc_key` (content hash plus page range), so a rerun updates rows in place;
their pages, fields and validation failures are deleted and inserted again in bulk. Anomalies and
bias metrics belong to the run and are replaced by run id. The same SQL runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from statistics import fmean
from typing import Any, Iterable

from sqlalchemy import delete, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

from loan_extractor.analysis.history import FIGURES_KEY
from loan_extractor.analysis.run_health import run_figures
from loan_extractor.db import (
    AnomalyRow,
    BiasMetricRow,
    DocumentRow,
    FieldRow,
    PageRow,
    RunRow,
    ValidationFailureRow,
    transient_db_errors,
    utcnow,
)  # fmt: skip
from loan_extractor.models import Document, Issue, Reason, Status
from loan_extractor.run import RunSummary
from loan_extractor.spec import fields_of
from loan_extractor.stages.validation import RULES
from loan_extractor.stages.validation import STAGE as VALIDATION_STAGE

_UPSERT_DIALECTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}
_BATCH = 500  # rows per statement: well under SQLite's and PostgreSQL's bound-parameter limits
_KEEP_ON_UPDATE = ("id", "doc_key", "created_at")
_DUPLICATE_OF_STORED = (Status.PROCESSED.value, Status.NEEDS_REVIEW.value)
_CHILDREN = (PageRow, FieldRow, ValidationFailureRow)


@dataclass(frozen=True)
class StoreResult:
    written: int
    skipped_duplicates: int
    document_rows: int


def stored_hashes(engine: Engine, hashes: Iterable[str]) -> set[str]:
    """The hashes among `hashes` of documents already stored as processed or needing review."""
    wanted = sorted({h for h in hashes if h})
    found: set[str] = set()
    with transient_db_errors(), engine.connect() as conn:
        for chunk in _chunks(wanted):
            query = select(DocumentRow.sha256).where(
                DocumentRow.sha256.in_(chunk), DocumentRow.status.in_(_DUPLICATE_OF_STORED)
            )
            found.update(conn.scalars(query))
    return found


def store_results(engine: Engine, summary: RunSummary) -> StoreResult:
    """Write the run, its documents and their detail rows in one transaction; duplicates keep the original's row."""
    docs = _last_per_key(doc for doc in summary.documents if doc.reason != Reason.DUPLICATE)
    keys = {doc.doc_id: document_key(doc) for doc in summary.documents}
    with transient_db_errors(), engine.begin() as conn:
        ids = _upsert_documents(conn, [document_row(doc, summary.run_id) for doc in docs])
        _replace_children(conn, docs, ids)
        _replace_run_rows(conn, AnomalyRow, summary.run_id, [anomaly_row(a, summary.run_id, keys) for a in summary.anomalies])
        _replace_run_rows(conn, BiasMetricRow, summary.run_id, [bias_row(b, summary.run_id) for b in summary.bias])
        conn.execute(_upsert_run(engine.dialect.name, summary))
        total = conn.scalar(select(func.count()).select_from(DocumentRow)) or 0
    skipped = sum(1 for doc in summary.documents if doc.reason == Reason.DUPLICATE)
    return StoreResult(written=len(docs), skipped_duplicates=skipped, document_rows=total)


def document_key(doc: Document) -> str:
    """Content hash plus page range: the same bytes (and pages) are always the same row."""
    first, last = (doc.pages[0], doc.pages[-1]) if doc.pages else (0, 0)
    return f"{doc.sha256 or 'nohash:' + doc.doc_id}:{first}-{last}"


def document_row(doc: Document, run_id: str) -> dict[str, Any]:
    """The `documents` row of a final record (text and values are already redacted upstream)."""
    out = doc.to_output()
    now = utcnow()
    return {
        "doc_key": document_key(doc), "sha256": doc.sha256, "source": doc.source, "loan_id": doc.loan_id,
        "pages": list(doc.pages), "media_type": doc.media_type, "size_bytes": doc.size_bytes,
        "doc_type": out["doc_type"], "type_confidence": doc.type_confidence,
        "status": out["status"], "reason": out["reason"],
        "text_source": doc.text_source, "ocr_confidence": doc.ocr_confidence,
        "min_dpi": min((p.dpi for p in doc.page_images), default=None),
        "mean_clarity": fmean(p.clarity for p in doc.page_images) if doc.page_images else None,
        "fields": out["fields"], "confidence": out["confidence"], "errors": out["errors"],
        "anomalies": out["anomalies"], "fingerprints": [p.dhash for p in doc.page_images],
        "text": doc.text, "run_id": run_id, "created_at": now, "updated_at": now,
    }  # fmt: skip


def child_rows(doc: Document, document_id: int) -> dict[type, list[dict[str, Any]]]:
    """The `pages`, `extracted_fields` and `validation_failures` rows of one document."""
    out = doc.to_output()
    kinds = fields_of(out["doc_type"]) if out["doc_type"] else {}
    pages = [
        {"document_id": document_id, "number": p.number, "width": p.width, "height": p.height, "dpi": p.dpi,
         "clarity": p.clarity, "skew_degrees": p.skew_degrees, "dhash": p.dhash or None}
        for p in doc.page_images
    ]  # fmt: skip
    fields = [
        {"document_id": document_id, "field": name, "value": _as_text(value),
         "confidence": doc.confidence.get(name), "kind": kinds[name].value}
        for name, value in out["fields"].items()
    ]  # fmt: skip
    failures = [failure_row(issue, doc, document_id) for issue in doc.issues]
    return {PageRow: pages, FieldRow: fields, ValidationFailureRow: failures}


def failure_row(issue: Issue, doc: Document, document_id: int) -> dict[str, Any]:
    """One failed check; schema rules are named by the validation catalogue, other checks by their reason."""
    rule = issue.reason.value
    if issue.stage == VALIDATION_STAGE and doc.doc_type is not None:
        # an issue records its rule only in words: match them back to the catalogue, as the report does
        matches = (r.name for r in RULES.get(doc.doc_type, {}).values() if r.field == issue.field and r.text in issue.message)
        rule = next(matches, "other")
    return {"document_id": document_id, "stage": issue.stage, "reason": issue.reason.value, "rule": rule,
            "field": issue.field, "message": issue.message}  # fmt: skip


def anomaly_row(anomaly: Any, run_id: str, keys: dict[str, str]) -> dict[str, Any]:
    """One anomaly of the run; its documents are named by their stable keys."""
    return {"run_id": run_id, "loan_id": anomaly.loan_id, "kind": anomaly.kind, "severity": anomaly.severity,
            "score": anomaly.score, "documents": [keys.get(d, d) for d in anomaly.documents],
            "figures": dict(anomaly.figures), "message": anomaly.message}  # fmt: skip


def bias_row(row: dict[str, Any], run_id: str) -> dict[str, Any]:
    """One row of the run's bias table."""
    return {"run_id": run_id, "slice_name": row["slice"], "group_name": row["group"], "count": row["count"],
            "metric": row["metric"], "value": row.get("value"), "difference": row.get("difference"),
            "ratio": row.get("ratio"), "compared": bool(row.get("compared")), "note": row.get("note", "")}  # fmt: skip


def _upsert_documents(conn: Connection, rows: list[dict[str, Any]]) -> dict[str, int]:
    """Insert or update every row; the ids of all of them by document key."""
    ids: dict[str, int] = {}
    for chunk in _chunks(rows):
        stmt = _UPSERT_DIALECTS[_dialect(conn)](DocumentRow).values(chunk)
        changed = {c: stmt.excluded[c] for c in chunk[0] if c not in _KEEP_ON_UPDATE}
        stmt = stmt.on_conflict_do_update(index_elements=["doc_key"], set_=changed)
        ids.update((key, id_) for id_, key in conn.execute(stmt.returning(DocumentRow.id, DocumentRow.doc_key)))
    return ids


def _replace_children(conn: Connection, docs: list[Document], ids: dict[str, int]) -> None:
    """Delete the documents' detail rows and insert the new ones: bulk statements, never one per row."""
    new: dict[type, list[dict[str, Any]]] = {table: [] for table in _CHILDREN}
    for doc in docs:
        for table, rows in child_rows(doc, ids[document_key(doc)]).items():
            new[table].extend(rows)
    for chunk in _chunks(sorted(ids.values())):
        for table in _CHILDREN:
            conn.execute(delete(table).where(table.document_id.in_(chunk)))
    for table, rows in new.items():
        if rows:
            conn.execute(insert(table), rows)  # executemany: batched into multi-row INSERTs by the dialect


def _replace_run_rows(conn: Connection, table: Any, run_id: str, rows: list[dict[str, Any]]) -> None:
    conn.execute(delete(table).where(table.run_id == run_id))
    if rows:
        conn.execute(insert(table), rows)


def _upsert_run(dialect: str, summary: RunSummary) -> Any:
    values = {
        "run_id": summary.run_id, "source": summary.source, "started_at": summary.started_at,
        "finished_at": summary.finished_at, "config_digest": summary.config_digest,
        "code_version": summary.code_version, "counts": summary.counts(),
        # the figures the next runs' pipeline-level checks compare with (`stages/history.py`)
        "summary": summary.to_json() | {FIGURES_KEY: run_figures(summary.documents).to_json()},
    }  # fmt: skip
    stmt = _UPSERT_DIALECTS[dialect](RunRow).values(values)
    return stmt.on_conflict_do_update(index_elements=["run_id"], set_={k: stmt.excluded[k] for k in values})


def _dialect(conn: Connection) -> str:
    name = conn.dialect.name
    if name not in _UPSERT_DIALECTS:
        raise NotImplementedError(f"upserts are implemented for {sorted(_UPSERT_DIALECTS)}, not {name}")
    return name


def _last_per_key(docs: Iterable[Document]) -> list[Document]:
    # one statement may not touch a row twice (PostgreSQL refuses): the last record of a key wins
    return list({document_key(doc): doc for doc in docs}.values())


def _chunks(items: list[Any]) -> Iterable[list[Any]]:
    return (items[i : i + _BATCH] for i in range(0, len(items), _BATCH))


def _as_text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value) if isinstance(value, (list, dict)) else str(value)
