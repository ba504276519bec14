"""MinIO bucket notifications in, Prefect events out: parsing, the event shape and the HTTP server.

Nothing here imports Prefect: the server calls an injected `emit` callable, and the CLI verb
(`loan-extractor bridge`) supplies one that POSTs the event to the Prefect API.
"""

from loan_extractor.bridge.events import EVENT_NAME, EmitError, event_for, event_id, resource_id
from loan_extractor.bridge.notifications import NotificationError, ObjectCreated, parse_notification, read_notification
from loan_extractor.bridge.server import BridgeServer, authorised, make_server

__all__ = [
    "EVENT_NAME",
    "BridgeServer",
    "EmitError",
    "NotificationError",
    "ObjectCreated",
    "authorised",
    "event_for",
    "event_id",
    "make_server",
    "parse_notification",
    "read_notification",
    "resource_id",
]
