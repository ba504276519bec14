"""The review queue: documents that need a person, and the corrections people make to their fields.

A correction records who, when, the extracted value and the new one in the field's normal form. It is
appended to the document's `corrections` list, a column the store never writes: the extraction is
never overwritten (a rerun or a replay still shows what the pipeline read) and corrections survive
reruns. `ground_truth` gives the corrected values to the accuracy and bias metrics.
"""

from __future__ import annotations

import getpass
import os
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.engine import Engine

from loan_extractor.db import DocumentRow, transient_db_errors, utcnow
from loan_extractor.errors import LoanExtractorError
from loan_extractor.extraction.identifiers import normalise_year
from loan_extractor.extraction.normalise import normalise
from loan_extractor.extraction.redact import redact_text
from loan_extractor.models import Status
from loan_extractor.spec import DocType, FieldKind, fields_of

DOC_TYPE_FIELD = "doc_type"  # a reviewer may also correct the document's type
_FIELD_PARSERS = {"tax_year": normalise_year}  # fields read with a stricter format than their kind's
_FOUR_DIGITS = re.compile(r"\d{4}")
_KEYS_PER_QUERY = 500  # well under SQLite's and PostgreSQL's bound-parameter limits


class ReviewError(LoanExtractorError):
    """A correction that cannot be recorded: unknown document or field, or a value that does not parse."""


@dataclass(frozen=True)
class Correction:
    document_id: int
    doc_key: str
    field: str
    kind: str
    old_value: str | None
    new_value: str
    reviewer: str
    corrected_at: str  # ISO 8601, UTC


def default_reviewer() -> str:
    """`LOAN_EXTRACTOR_REVIEWER`, else the operating-system user."""
    return os.environ.get("LOAN_EXTRACTOR_REVIEWER") or getpass.getuser()


def pending(engine: Engine) -> list[dict[str, Any]]:
    """Every `needs_review` document with its reason and the messages of its issues and anomalies."""
    query = select(DocumentRow).where(DocumentRow.status == Status.NEEDS_REVIEW.value).order_by(DocumentRow.id)
    with transient_db_errors(), engine.connect() as conn:
        return [_queue_line(row) for row in conn.execute(query)]


def _queue_line(row: Any) -> dict[str, Any]:
    messages = [e.get("message", "") for e in row.errors or []] + [a.get("message", "") for a in row.anomalies or []]
    return {
        "id": row.id, "doc_key": row.doc_key, "source": row.source, "loan_id": row.loan_id,
        "doc_type": row.doc_type, "reason": row.reason, "run_id": row.run_id, "messages": messages,
        "corrections": list(row.corrections or []),
    }  # fmt: skip


def normalise_correction(doc_type: str | None, field: str, value: str) -> tuple[str, str]:
    """The field's kind and the value in its normal form; `ReviewError` saying why when it is refused."""
    if field == DOC_TYPE_FIELD:
        if value.strip() not in {t.value for t in DocType}:
            raise ReviewError(f"doc_type must be one of {', '.join(t.value for t in DocType)}")
        return DOC_TYPE_FIELD, value.strip()
    kinds = fields_of(doc_type) if doc_type else {}
    if field not in kinds:
        known = ", ".join([DOC_TYPE_FIELD, *kinds]) if kinds else DOC_TYPE_FIELD + " (correct the type first)"
        raise ReviewError(f"{field!r} is not a field of a {doc_type or 'document of unknown type'}; fields: {known}")
    kind = kinds[field]
    return kind.value, _normal_value(field, kind, value)


def _normal_value(field: str, kind: FieldKind, value: str) -> str:
    # a full SSN or account number must never reach the database: refuse it rather than mask it, without echoing it
    if kind is FieldKind.LAST4 and not _FOUR_DIGITS.fullmatch(value.strip()):
        raise ReviewError(f"{field} takes exactly the last four digits (e.g. 6789), never the full number")
    if kind is FieldKind.TEXT and redact_text(value) != value:
        raise ReviewError(f"{field} holds an SSN- or account-like number; such numbers are never stored")
    parse = _FIELD_PARSERS.get(field)
    parsed = parse(value) if parse else normalise(kind, value)
    if parsed is None:
        raise ReviewError(f"{value!r} is not a valid {kind.value} for {field}")
    return str(parsed.value)


def find_document(engine: Engine, doc: str) -> Any:
    """The `documents` row named by its id or its key; `ReviewError` when there is none."""
    ident = int(doc) if doc.isdigit() else -1
    query = select(DocumentRow).where(or_(DocumentRow.id == ident, DocumentRow.doc_key == doc))
    with transient_db_errors(), engine.connect() as conn:
        row = conn.execute(query).first()
    if row is None:
        raise ReviewError(f"no document {doc!r}: give its id or key from `loan-extractor review list`")
    return row


def record_correction(engine: Engine, doc: str, field: str, value: str, reviewer: str | None = None) -> Correction:
    """Record one correction of a document's field (the document by id or key); the extraction stays as it was."""
    row = find_document(engine, doc)
    with transient_db_errors(), engine.begin() as conn:
        # the row is locked (PostgreSQL) so two reviewers at once both land in the list
        locked = select(DocumentRow.corrections).where(DocumentRow.id == row.id).with_for_update()
        earlier = list(conn.scalar(locked) or [])
        doc_type = _truth_of(earlier).get(DOC_TYPE_FIELD) or row.doc_type
        kind, new_value = normalise_correction(doc_type, field, value)
        old = row.doc_type if field == DOC_TYPE_FIELD else (row.fields or {}).get(field)
        done = Correction(
            document_id=row.id, doc_key=row.doc_key, field=field, kind=kind,
            old_value=None if old is None else str(old), new_value=new_value,
            reviewer=(reviewer or default_reviewer())[:128], corrected_at=utcnow().isoformat(),
        )  # fmt: skip
        conn.execute(update(DocumentRow).where(DocumentRow.id == row.id).values(corrections=[*earlier, _entry(done)]))
    return done


def _entry(done: Correction) -> dict[str, Any]:
    return {k: v for k, v in asdict(done).items() if k not in ("document_id", "doc_key")}


def corrections_of(engine: Engine, doc: str) -> list[dict[str, Any]]:
    """Every correction of one document (by id or key), oldest first."""
    return list(find_document(engine, doc).corrections or [])


def ground_truth(engine: Engine, keys: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
    """Corrected values per document key, the latest correction of each field winning; only the
    documents of `keys` when given.

    Values are in the extraction's own types (integers for `int` fields, strings otherwise), so
    they compare directly with `Document.fields`; only corrected fields appear (a correction to the
    same value is a confirmation: it appears too).
    """
    query = select(DocumentRow.doc_key, DocumentRow.corrections).where(DocumentRow.corrections.is_not(None))
    wanted = sorted(set(keys)) if keys is not None else None
    chunks = [query] if wanted is None else [
        query.where(DocumentRow.doc_key.in_(wanted[i : i + _KEYS_PER_QUERY])) for i in range(0, len(wanted), _KEYS_PER_QUERY)
    ]
    with transient_db_errors(), engine.connect() as conn:
        return {key: _truth_of(entries) for chunk in chunks for key, entries in conn.execute(chunk) if entries}


def _truth_of(entries: list[dict[str, Any]]) -> dict[str, Any]:
    truth: dict[str, Any] = {}
    for entry in entries:
        value = entry["new_value"]
        truth[entry["field"]] = int(value) if entry["kind"] == FieldKind.INT.value else value
    return truth
