"""Polling fallback for S3 endpoints that cannot send notifications: list, compare with a watermark, emit.

S3 lists keys in key order, not by time, and `LastModified` is when an upload started (a slow
upload shows up after newer objects), so a plain "newer than the last one seen" test would miss
objects. The state therefore keeps a watermark (the newest `LastModified` seen) plus the keys seen
within a grace window below it: an object is new when it is inside the window and its
(ETag, LastModified) was not seen. Keys that fall out of the window are forgotten, so the state
stays small. It lives in a JSON file written atomically after every emitted object, so a crash
re-emits at most one object, and a re-emitted object is harmless: the event id is fixed by the
object (Prefect keeps one) and storage rejects a second copy of a document as a duplicate.
Every poll lists the whole prefix: one request per 1,000 keys.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Iterator

import structlog

from loan_extractor.bridge.events import Emit, EmitError
from loan_extractor.bridge.notifications import ObjectCreated
from loan_extractor.errors import TransientError
from loan_extractor.s3 import object_errors, object_uri

log = structlog.get_logger("loan_extractor.watch")

DEFAULT_GRACE = timedelta(minutes=15)
ORIGIN_POLL = "s3-poll"
POLLED_EVENT = "s3:ObjectCreated:*"  # a listing cannot tell a Put from a Copy or a multipart upload


@dataclass
class WatchState:
    """The watermark and the recently seen objects of one `s3://bucket/prefix`, kept in `path` (None: memory only)."""

    source: str
    path: Path | None = None
    watermark: datetime | None = None
    seen: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (etag, LastModified ISO)
    grace: timedelta = DEFAULT_GRACE

    @classmethod
    def load(cls, path: Path, source: str, grace: timedelta = DEFAULT_GRACE) -> WatchState:
        """The state saved in `path`, or a fresh one; a file written for another source is refused."""
        if not path.exists():
            return cls(source=source, path=path, grace=grace)
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("source") != source:
            raise ValueError(f"{path} holds the watch state of {data.get('source')}, not {source}")
        mark = data.get("watermark")
        seen = {key: (etag, modified) for key, (etag, modified) in data.get("seen", {}).items()}
        return cls(source, path, datetime.fromisoformat(mark) if mark else None, seen, grace)

    def save(self) -> None:
        """Write the state atomically (a temporary file renamed over the old one)."""
        if self.path is None:
            return
        data = {"source": self.source, "watermark": self.watermark.isoformat() if self.watermark else None, "seen": self.seen}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + ".tmp")
        partial.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(partial, self.path)

    def is_new(self, key: str, etag: str, modified: datetime) -> bool:
        """True for an object not seen yet: inside the grace window and with an unseen (ETag, LastModified)."""
        if self.watermark is not None and modified < self.watermark - self.grace:
            return False
        return self.seen.get(key) != (etag, modified.isoformat())

    def record(self, key: str, etag: str, modified: datetime) -> None:
        """Remember an object, move the watermark forward and forget keys that left the window."""
        self.seen[key] = (etag, modified.isoformat())
        if self.watermark is None or modified > self.watermark:
            self.watermark = modified
        floor = self.watermark - self.grace
        self.seen = {k: v for k, v in self.seen.items() if datetime.fromisoformat(v[1]) >= floor}


def list_objects(client: Any, bucket: str, prefix: str) -> Iterator[dict[str, Any]]:
    """Every object below `prefix` (folder markers left out), as ListObjectsV2 returns them."""
    root = f"{prefix.strip('/')}/" if prefix.strip("/") else ""
    pages = client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=root)
    with object_errors(object_uri(bucket, root)):
        for page in pages:
            yield from (obj for obj in page.get("Contents", []) if not obj["Key"].endswith("/"))


def poll(client: Any, bucket: str, prefix: str, state: WatchState, emit: Emit) -> int:
    """Emit every new object, oldest first, saving the state after each; returns how many were emitted."""
    new = [o for o in list_objects(client, bucket, prefix) if state.is_new(o["Key"], _etag(o), o["LastModified"])]
    new.sort(key=lambda o: (o["LastModified"], o["Key"]))
    for obj in new:
        created = ObjectCreated(bucket, obj["Key"], obj.get("Size"), _etag(obj), event_name=POLLED_EVENT, origin=ORIGIN_POLL)
        try:
            emit(created)
        except Exception as exc:  # noqa: BLE001 - not delivered: the next poll tries again from here
            raise EmitError(f"{object_uri(bucket, obj['Key'])}: {type(exc).__name__}: {exc}") from exc
        state.record(obj["Key"], _etag(obj), obj["LastModified"])
        state.save()
        log.info("object event emitted", bucket=bucket, key=obj["Key"], origin=ORIGIN_POLL)
    return len(new)


def skip_existing(client: Any, bucket: str, prefix: str, state: WatchState) -> int:
    """Mark every object present now as seen without emitting (start watching from now); returns how many."""
    objects = sorted(list_objects(client, bucket, prefix), key=lambda o: (o["LastModified"], o["Key"]))
    for obj in objects:
        state.record(obj["Key"], _etag(obj), obj["LastModified"])
    state.save()
    return len(objects)


def watch(
    client: Any,
    bucket: str,
    prefix: str,
    state: WatchState,
    emit: Emit,
    interval: float,
    once: bool = False,
    stop: threading.Event | None = None,
) -> int:
    """Poll every `interval` seconds until `stop` is set (or once); returns how many objects were emitted.

    A failed listing or emission is logged and retried at the next poll; with `once` it is raised.
    """
    stop = stop or threading.Event()
    emitted = 0
    while True:
        try:
            emitted += poll(client, bucket, prefix, state, emit)
        except (TransientError, EmitError) as exc:
            if once:
                raise
            log.warning("poll failed, retrying at the next interval", error=str(exc), interval=interval)
        if once or stop.wait(interval):
            return emitted


def _etag(obj: dict[str, Any]) -> str:
    return str(obj.get("ETag", "")).strip('"')
