"""Stage 1: acquire. Lists a source, makes each item a local file, hashes it while reading."""

from __future__ import annotations

import hashlib
from pathlib import Path

import structlog

from loan_extractor.errors import TransientError
from loan_extractor.models import Document, Reason
from loan_extractor.s3 import ObjectError
from loan_extractor.sources.base import Source, SourceItem, item_metadata

_CHUNK = 1 << 20
log = structlog.get_logger("loan_extractor.acquire")


def acquire(source: Source, work_dir: Path, limit: int | None = None, loan_id: str | None = None,
            metadata: bool = True) -> list[Document]:
    """One record per item, in the source's order; an item that cannot be read is `failed`, not dropped.

    `metadata` False skips reading the items' source metadata (one S3 HEAD request per object), for
    runs whose bias table has no `meta:` slice, the only reader of it.
    """
    docs: list[Document] = []
    for item in source.list_items():
        if limit is not None and len(docs) >= limit:
            break
        docs.append(acquire_item(source, item, work_dir, loan_id, metadata))
    log.info("acquired", documents=len(docs), loans=len({d.loan_id for d in docs if d.loan_id}))
    return docs


def acquire_item(source: Source, item: SourceItem, work_dir: Path, loan_id: str | None = None,
                 metadata: bool = True) -> Document:
    """Fetch one item and compute its size and sha256 in one streaming pass."""
    doc = Document(
        doc_id=document_id(item.uri),
        source=item.uri,
        local_path="",
        loan_id=loan_id or item.loan_id,
    )
    try:
        path = source.fetch(item, work_dir / "inputs")
        size, digest = hash_file(path)
    except OSError as exc:
        return doc.with_issue("acquire", Reason.SOURCE_UNAVAILABLE, f"{item.uri}: could not be read ({exc.strerror or exc}).")
    except ObjectError as exc:  # missing or refused: retrying will not help, so this document fails now
        return doc.with_issue("acquire", Reason.SOURCE_UNAVAILABLE, f"{exc}; check the object exists and the credentials may read it.")
    except TransientError as exc:  # the client retried with backoff already: this document fails, not the batch
        return doc.with_issue("acquire", Reason.SOURCE_UNAVAILABLE, f"{item.uri}: still unavailable after retries ({exc}); it can be retried.")
    meta = read_metadata(source, item) if metadata else {}
    return doc.update(local_path=str(path), size_bytes=size, sha256=digest, metadata=meta)


def read_metadata(source: Source, item: SourceItem) -> dict[str, str]:
    """The item's source metadata; {} with a warning when it cannot be read, since it only feeds the
    bias table's `meta:` slices and never decides a document's outcome."""
    try:
        return item_metadata(source, item)
    except (ObjectError, TransientError, OSError) as exc:
        log.warning("object metadata not read", uri=item.uri, error=type(exc).__name__)
        return {}


def document_id(uri: str) -> str:
    """A short id, stable for the same source URI across runs."""
    return hashlib.sha1(uri.encode("utf-8")).hexdigest()[:12]


def hash_file(path: Path) -> tuple[int, str]:
    """Size and sha256 of a file, read in chunks so large files never sit in memory."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()
