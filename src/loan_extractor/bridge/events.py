"""The Prefect event for one created object, as plain data: the emitter that sends it lives outside the domain.

The event id is derived from the object version, so a notification MinIO delivers twice (it
retries until it gets a 2xx) becomes the same event twice: Prefect's event store keeps one and
its trigger service skips an id it has already seen.
"""

from __future__ import annotations

import uuid
from typing import Any, Callable

from loan_extractor.bridge.notifications import ObjectCreated

EVENT_NAME = "minio.object.created"
RESOURCE_PREFIX = "minio.object."
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "loan-extractor:" + EVENT_NAME)

# Sends one object's event; raising means "not delivered", so the sender should retry.
Emit = Callable[[ObjectCreated], None]


class EmitError(RuntimeError):
    """The event could not be handed to Prefect."""


def resource_id(bucket: str, key: str) -> str:
    """`minio.object.<bucket>/<key>`, the id Prefect triggers match on."""
    return f"{RESOURCE_PREFIX}{bucket}/{key}"


def event_id(obj: ObjectCreated) -> uuid.UUID:
    """A UUID fixed by bucket, key, version id and sequencer (the ETag when there is no sequencer).

    An overwrite of the same key gets a new sequencer (and ETag), so it is a new event.
    """
    identity = "\x00".join([obj.bucket, obj.key, obj.version_id or "", obj.sequencer or obj.etag or ""])
    return uuid.uuid5(_NAMESPACE, identity)


def event_for(obj: ObjectCreated) -> dict[str, Any]:
    """The fields of the Prefect `Event` describing `obj` (also `prefect.events.emit_event`'s keyword arguments).

    `occurred` is left to the emitter's clock: an S3 server's clock running ahead would put the
    event in the future, where Prefect's event queries and trigger windows do not look.
    The server's own time stays in the payload as `event_time`.
    """
    return {
        "event": EVENT_NAME,
        "resource": {
            "prefect.resource.id": resource_id(obj.bucket, obj.key),
            "prefect.resource.name": obj.key,
            "minio.bucket": obj.bucket,
        },
        "payload": {
            "bucket": obj.bucket,
            "key": obj.key,
            "size": obj.size,
            "etag": obj.etag,
            "version_id": obj.version_id,
            "sequencer": obj.sequencer,
            "event_name": obj.event_name,
            "origin": obj.origin,
            "event_time": obj.event_time.isoformat() if obj.event_time else None,
        },
        "id": event_id(obj),
    }
