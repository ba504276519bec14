"""Turns what a stage raised into an outcome on the document, so one document never fails the batch."""

from __future__ import annotations

from typing import Any, Callable

import structlog

from loan_extractor.errors import ToolError, ToolMissingError, TransientError
from loan_extractor.models import Document, Reason

log = structlog.get_logger("loan_extractor.outcomes")


def guarded(stage: str, fn: Callable[..., Document], doc: Document, *args: Any, **kwargs: Any) -> Document:
    """Run one per-document stage; terminal documents pass through, errors become `failed` records.

    A missing tool is a broken installation, not a bad document: it is raised so the run stops at once.
    Transient errors are raised too: the caller retries them and then calls `as_failed`.
    """
    if doc.is_terminal:
        return doc
    try:
        result = fn(doc, *args, **kwargs)
    except (ToolMissingError, TransientError):
        raise
    except Exception as exc:  # noqa: BLE001 - every other error ends this document only
        return as_failed(stage, doc, exc)
    _log_outcome(stage, result)
    return result


def guarded_parts(stage: str, fn: Callable[..., list[Document]], doc: Document, *args: Any) -> list[Document]:
    """`guarded` for a stage that may turn one file into several logical documents."""
    if doc.is_terminal:
        return [doc]
    try:
        parts = fn(doc, *args)
    except (ToolMissingError, TransientError):
        raise
    except Exception as exc:  # noqa: BLE001 - every other error ends this document only
        return [as_failed(stage, doc, exc)]
    for part in parts:
        _log_outcome(stage, part)
    return parts


def _log_outcome(stage: str, doc: Document) -> None:
    """One line per stage and document; the reason code, never field values."""
    if doc.is_terminal:
        log.info("document ended", stage=stage, doc_id=doc.doc_id, source=doc.source, status=doc.status, reason=doc.reason)
    else:
        log.debug("stage done", stage=stage, doc_id=doc.doc_id, doc_type=doc.doc_type, issues=len(doc.issues))


def as_failed(stage: str, doc: Document, exc: BaseException) -> Document:
    """The document marked `failed` with the error recorded (type and message, never the traceback's data)."""
    reason = Reason.TOOL_FAILED if isinstance(exc, ToolError) else Reason.INTERNAL_ERROR
    if isinstance(exc, TransientError):
        reason = Reason.SOURCE_UNAVAILABLE
    log.error("stage failed", stage=stage, doc_id=doc.doc_id, error=type(exc).__name__, exc_info=exc)
    detail = f"{type(exc).__name__}: {exc}"
    message = f"{doc.source}: {stage} failed unexpectedly ({detail}); the input can be retried."
    return doc.with_issue(stage, reason, message)
