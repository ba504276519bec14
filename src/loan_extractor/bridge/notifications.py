"""MinIO (S3-format) bucket notifications: parse, validate, keep the object-created records.

MinIO's webhook target POSTs `{"EventName", "Key", "Records": [...]}`, one record per request,
and retries anything but a 2xx. In each record `s3.object.key` is URL-encoded the way a query
string is (`+` is a space), so it is decoded with `unquote_plus`, as MinIO itself does for `Key`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import unquote_plus

CREATED_PREFIX = "s3:ObjectCreated:"
ORIGIN_NOTIFICATION = "minio-notification"


class NotificationError(ValueError):
    """A body that is not a bucket notification; the sender should not retry it unchanged."""


@dataclass(frozen=True)
class ObjectCreated:
    """One object that appeared in a bucket: what a run needs to fetch it, and what identifies the version."""

    bucket: str
    key: str
    size: int | None = None
    etag: str | None = None
    version_id: str | None = None
    sequencer: str | None = None
    event_name: str = "s3:ObjectCreated:Put"
    event_time: datetime | None = None
    origin: str = ORIGIN_NOTIFICATION


@dataclass(frozen=True)
class Notification:
    """A parsed notification: the created objects, and the names of the events that were not creations."""

    created: tuple[ObjectCreated, ...]
    ignored: tuple[str, ...]


def parse_notification(body: bytes) -> list[ObjectCreated]:
    """The object-created records of a notification body; other events are left out.

    Raises `NotificationError` when the body is not JSON or not shaped like a notification.
    """
    return list(read_notification(body).created)


def read_notification(body: bytes) -> Notification:
    """Parse a notification body into created objects and ignored event names."""
    try:
        document = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NotificationError(f"the body is not UTF-8 JSON ({exc})") from exc
    records = document.get("Records") if isinstance(document, dict) else None
    if not isinstance(records, list):
        raise NotificationError("the body has no `Records` list")
    created: list[ObjectCreated] = []
    ignored: list[str] = []
    for index, record in enumerate(records):
        name = _field(record, index, "eventName", str)
        if name.startswith(CREATED_PREFIX):
            created.append(_object_created(record, index, name))
        else:
            ignored.append(name)
    return Notification(tuple(created), tuple(ignored))


def _object_created(record: dict[str, Any], index: int, name: str) -> ObjectCreated:
    """One validated record; the key decoded from its URL encoding."""
    s3 = _field(record, index, "s3", dict)
    bucket = _field(_field(s3, index, "bucket", dict), index, "name", str)
    obj = _field(s3, index, "object", dict)
    raw_key = _field(obj, index, "key", str)
    try:
        key = unquote_plus(raw_key, errors="strict")
    except UnicodeDecodeError as exc:
        raise NotificationError(f"record {index}: the key is not URL-encoded UTF-8") from exc
    if not bucket or not key or "\x00" in key:
        raise NotificationError(f"record {index}: empty bucket name or object key")
    size = obj.get("size")
    if size is not None and (not isinstance(size, int) or isinstance(size, bool) or size < 0):
        raise NotificationError(f"record {index}: `size` is not a non-negative integer")
    return ObjectCreated(
        bucket=bucket,
        key=key,
        size=size,
        etag=_optional_text(obj.get("eTag")),
        version_id=_optional_text(obj.get("versionId")),
        sequencer=_optional_text(obj.get("sequencer")),
        event_name=name,
        event_time=_timestamp(record.get("eventTime")),
    )


def _field(mapping: Any, index: int, name: str, kind: type) -> Any:
    """`mapping[name]`, which must exist and be of `kind`."""
    value = mapping.get(name) if isinstance(mapping, dict) else None
    if not isinstance(value, kind):
        raise NotificationError(f"record {index}: `{name}` is missing or not a {kind.__name__}")
    return value


def _optional_text(value: Any) -> str | None:
    """A string field MinIO may leave empty or null (`versionId` on an unversioned bucket)."""
    return str(value) if value not in (None, "") else None


def _timestamp(value: Any) -> datetime | None:
    """`eventTime` as an aware datetime; None when absent or unreadable (the event then takes the time of emission)."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None
