"""Pending documents in the `intake_queue` table, claimed atomically so concurrent runs never share a row.

Another system inserts rows: `object_key` (an `s3://bucket/key` URI or a local path) and optionally
`loan_id`; `status` defaults to `pending`. A run claims rows (`claimed`, `claimed_by`, `claimed_at`,
`attempts + 1`), processes them, then marks each `done` or `failed` with a reason (`complete_claims`).
Setting a `failed` row back to `pending` queues it again.

Claiming is atomic: on PostgreSQL `SELECT ... FOR UPDATE SKIP LOCKED` then `UPDATE ... RETURNING` in
one transaction, so two runs claim side by side, each skipping the rows the other has locked; on
SQLite, which runs one writer at a time, a single `UPDATE ... WHERE id IN (SELECT ...) RETURNING`.
"""

from __future__ import annotations

import errno
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path, PurePosixPath
from typing import Any, Callable, Iterable, Iterator

from sqlalchemy import Row, and_, select, update
from sqlalchemy.engine import Engine

from loan_extractor.db import QueueRow, transient_db_errors, utcnow
from loan_extractor.models import Document, Status
from loan_extractor.s3 import ObjectError, parse_s3_uri
from loan_extractor.sources.base import SourceItem
from loan_extractor.sources.s3 import S3Source

Fetch = Callable[[SourceItem, Path], Path]
CLAIM_BATCH = 50


@dataclass(frozen=True)
class DbQueueSource:
    """Pending rows of `intake_queue`, claimed by `worker_id` (the run id) in batches, at most `limit` in all.

    `fetch` makes one item's bytes a local file (see `ObjectFetcher`). Rows this worker claimed
    earlier and has not finished (a retried acquire) are offered again first, so a retry never
    strands them.
    """

    engine: Engine
    fetch_object: Fetch
    worker_id: str
    limit: int | None = None
    batch: int = CLAIM_BATCH

    def list_items(self) -> Iterator[SourceItem]:
        """This worker's unfinished claims, then newly claimed rows, in queue order."""
        for row in self._rows():
            name = PurePosixPath(row.object_key).name or row.object_key
            yield SourceItem(uri=row.object_key, name=name, loan_id=row.loan_id)

    def fetch(self, item: SourceItem, dest_dir: Path) -> Path:
        """The item's bytes as a local file, by the wrapped fetcher."""
        return self.fetch_object(item, dest_dir)

    def object_metadata(self, item: SourceItem) -> dict[str, str]:
        """The S3 user metadata of a queued `s3://` object, by the wrapped fetcher; {} for local paths."""
        read = getattr(self.fetch_object, "metadata", None)
        return read(item) if read is not None else {}

    def _rows(self) -> Iterator[Row]:
        # claims are made batch by batch as items are consumed, and never more than `limit` in all
        held = held_rows(self.engine, self.worker_id, self.limit)
        yield from held
        taken = len(held)
        while self.limit is None or taken < self.limit:
            want = self.batch if self.limit is None else min(self.batch, self.limit - taken)
            rows = claim_rows(self.engine, self.worker_id, want)
            if not rows:
                return
            taken += len(rows)
            yield from rows


@dataclass(frozen=True)
class ObjectFetcher:
    """Resolves an `object_key`: `s3://bucket/key` through an S3 client, anything else as a local path.

    `s3_client` makes the client, once, at the first S3 key (a queue of local paths needs no S3).
    With `local_root`, local keys are read relative to it and must stay inside it.
    """

    s3_client: Callable[[], Any] | None = None
    local_root: Path | None = None
    _clients: list[Any] = field(default_factory=list, compare=False, repr=False)

    def __call__(self, item: SourceItem, dest_dir: Path) -> Path:
        """A local file holding the object's bytes (downloaded into `dest_dir` when remote)."""
        if item.uri.startswith("s3://"):
            bucket, _ = parse_s3_uri(item.uri)
            return S3Source(client=self._client(item.uri), bucket=bucket).fetch(item, dest_dir)
        return self._local(item.uri)

    def metadata(self, item: SourceItem) -> dict[str, str]:
        """An `s3://` object's user metadata (one HEAD request); {} for a local path."""
        if not item.uri.startswith("s3://"):
            return {}
        bucket, _ = parse_s3_uri(item.uri)
        return S3Source(client=self._client(item.uri), bucket=bucket).object_metadata(item)

    def _client(self, uri: str) -> Any:
        if self.s3_client is None:
            raise ObjectError(uri, "NoS3Connection", "no S3 connection is configured for the queue")
        if not self._clients:
            self._clients.append(self.s3_client())
        return self._clients[0]

    def _local(self, key: str) -> Path:
        path = Path(key).expanduser()
        if self.local_root is not None:
            path = (self.local_root / path).resolve()
            if not path.is_relative_to(self.local_root.resolve()):
                raise PermissionError(errno.EACCES, f"outside the queue's root folder {self.local_root}", key)
        if not path.is_file():
            raise FileNotFoundError(errno.ENOENT, "no such file", key)
        return path


def held_rows(engine: Engine, worker_id: str, limit: int | None = None) -> list[Row]:
    """Rows `worker_id` claimed and has not finished, oldest first."""
    query = select(QueueRow.id, QueueRow.object_key, QueueRow.loan_id).where(
        QueueRow.status == "claimed", QueueRow.claimed_by == worker_id
    )
    with transient_db_errors(), engine.connect() as conn:
        return list(conn.execute(query.order_by(QueueRow.id).limit(limit)))


def claim_rows(engine: Engine, worker_id: str, count: int) -> list[Row]:
    """Claim up to `count` pending rows, oldest first, atomically; the claimed rows by id."""
    oldest = select(QueueRow.id).where(QueueRow.status == "pending").order_by(QueueRow.id).limit(count)
    claim = update(QueueRow).values(
        status="claimed", claimed_by=worker_id, claimed_at=utcnow(), attempts=QueueRow.attempts + 1,
        finished_at=None, reason=None, message=None,
    ).returning(QueueRow.id, QueueRow.object_key, QueueRow.loan_id)  # fmt: skip
    with transient_db_errors(), engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            # SQLite has no row locks but one writer at a time: one statement is atomic. (A SELECT
            # first would take a read lock that two writers can deadlock on.)
            rows = conn.execute(claim.where(QueueRow.id.in_(oldest.scalar_subquery())))
        else:
            # Lock first, then update by the ids found. Folded into one UPDATE ... IN (subquery),
            # PostgreSQL may evaluate the locking subquery more than once and claim past the LIMIT.
            ids = list(conn.scalars(oldest.with_for_update(skip_locked=True)))
            rows = conn.execute(claim.where(QueueRow.id.in_(ids))) if ids else []
        return sorted(rows, key=lambda row: row.id)


def complete_claims(engine: Engine, worker_id: str, documents: Iterable[Document]) -> dict[str, int]:
    """Mark this worker's claimed rows `done` or `failed` from the documents made of them; counts by status.

    A row is `failed` when a document of its object ended `failed` (retryable); any other status
    means the queue's work is done and the document's outcome is in `documents`. A claimed row
    with no document at all is `failed` too, so nothing stays claimed.
    """
    outcomes = claim_outcomes(documents)
    now = utcnow()
    mine = and_(QueueRow.status == "claimed", QueueRow.claimed_by == worker_id)
    counts: dict[str, int] = defaultdict(int)
    with transient_db_errors(), engine.begin() as conn:
        for (status, reason, message), keys in _grouped(outcomes).items():
            stmt = update(QueueRow).where(mine, QueueRow.object_key.in_(keys))
            counts[status] += conn.execute(stmt.values(status=status, reason=reason, message=message, finished_at=now)).rowcount
        stmt = update(QueueRow).where(mine).values(
            status="failed", reason="internal_error", message="claimed, but the run recorded no document for it", finished_at=now
        )  # fmt: skip
        counts["failed"] += conn.execute(stmt).rowcount
    return dict(counts)


def claim_outcomes(documents: Iterable[Document]) -> dict[str, tuple[str, str | None, str | None]]:
    """(queue status, reason, message) per object key; one failed document fails its object."""
    outcomes: dict[str, tuple[str, str | None, str | None]] = {}
    for doc in documents:
        if doc.status == Status.FAILED:
            message = doc.issues[-1].message if doc.issues else None
            outcomes[doc.source] = ("failed", doc.reason.value if doc.reason else None, message)
        else:
            outcomes.setdefault(doc.source, ("done", None, None))
    return outcomes


def release_claims(engine: Engine, worker_id: str) -> int:
    """Put every row `worker_id` still holds back to `pending` (a run that ends before storing); how many."""
    stmt = update(QueueRow).where(QueueRow.status == "claimed", QueueRow.claimed_by == worker_id)
    with transient_db_errors(), engine.begin() as conn:
        return conn.execute(stmt.values(status="pending", claimed_by=None, claimed_at=None)).rowcount


def requeue_stale_claims(engine: Engine, older_than: timedelta) -> int:
    """Put rows claimed longer ago than `older_than` (a run that died) back to `pending`; how many."""
    stmt = update(QueueRow).where(QueueRow.status == "claimed", QueueRow.claimed_at < utcnow() - older_than)
    with transient_db_errors(), engine.begin() as conn:
        return conn.execute(stmt.values(status="pending", claimed_by=None, claimed_at=None)).rowcount


def _grouped(outcomes: dict[str, tuple[str, str | None, str | None]]) -> dict[tuple, list[str]]:
    # one UPDATE per distinct outcome (usually one or two), not one per row
    groups: dict[tuple, list[str]] = defaultdict(list)
    for key, outcome in outcomes.items():
        groups[outcome].append(key)
    return groups
