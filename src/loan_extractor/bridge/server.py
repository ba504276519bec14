"""The HTTP side of the bridge: MinIO's webhook target POSTs here, each created object goes to `emit`.

Answers: 200 when every created object was emitted (other events are counted and ignored);
401 for a missing or wrong bearer token; 411/413 for a missing or too large body; 400 for a
body that is not a notification; 503 when emitting failed, so MinIO keeps the event and retries.
HEAD, MinIO's liveness check, gets 200 without a token; `GET /health` serves health checks.
"""

from __future__ import annotations

import hmac
import json
import threading
from collections import Counter
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import structlog
from pydantic import SecretStr

from loan_extractor.bridge.events import Emit
from loan_extractor.bridge.notifications import NotificationError, read_notification

log = structlog.get_logger("loan_extractor.bridge")

DEFAULT_MAX_BODY = 1024 * 1024  # MinIO sends one record per request, about 1-2 KiB
REQUEST_TIMEOUT = 30  # seconds a client may take to send its request


def authorised(header: str | None, token: SecretStr) -> bool:
    """True when `header` is `Bearer <token>`; compared in constant time so timing reveals nothing."""
    scheme, _, given = (header or "").strip().partition(" ")
    expected = token.get_secret_value().encode("utf-8")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode("utf-8"), expected)


class BridgeServer(ThreadingHTTPServer):
    """A threading HTTP server holding the token, the emitter and the body limit; counts outcomes."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], token: SecretStr, emit: Emit, max_body: int = DEFAULT_MAX_BODY) -> None:
        if not token.get_secret_value():
            raise ValueError("the bridge needs a non-empty token")
        super().__init__(address, _Handler)
        self.token = token
        self.emit = emit
        self.max_body = max_body
        self.counts: Counter[str] = Counter()
        self._lock = threading.Lock()

    def count(self, outcome: str, n: int = 1) -> None:
        """Add `n` to one outcome's counter (thread-safe)."""
        with self._lock:
            self.counts[outcome] += n

    @property
    def url(self) -> str:
        """`http://host:port/` this server listens on."""
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"


def make_server(host: str, port: int, token: SecretStr, emit: Emit, max_body: int = DEFAULT_MAX_BODY) -> BridgeServer:
    """A bound bridge server (port 0: the OS picks one); call `serve_forever()` to run it."""
    return BridgeServer((host, port), token, emit, max_body)


class _Handler(BaseHTTPRequestHandler):
    server: BridgeServer
    protocol_version = "HTTP/1.1"  # MinIO reuses connections; every answer carries Content-Length
    timeout = REQUEST_TIMEOUT

    def do_HEAD(self) -> None:  # noqa: N802 - http.server's naming
        self._answer(HTTPStatus.OK, None)

    def do_GET(self) -> None:  # noqa: N802
        if self.path.rstrip("/") != "/health":
            self._answer(HTTPStatus.NOT_FOUND, {"error": "not found"})
            return
        with self.server._lock:
            counts = dict(self.server.counts)
        self._answer(HTTPStatus.OK, {"status": "ok", "counts": counts})

    def do_POST(self) -> None:  # noqa: N802
        body = self._read_body()
        if body is None:
            return
        try:
            notification = read_notification(body)
        except NotificationError as exc:
            self._refuse(HTTPStatus.BAD_REQUEST, "malformed", str(exc))
            return
        if notification.ignored:
            self.server.count("ignored", len(notification.ignored))
            log.info("events ignored", events=list(notification.ignored))
        for obj in notification.created:
            try:
                self.server.emit(obj)
            except Exception as exc:  # noqa: BLE001 - any failure means "not delivered": MinIO retries
                self._refuse(HTTPStatus.SERVICE_UNAVAILABLE, "emit_failed", f"{type(exc).__name__}: {exc}")
                return
            self.server.count("emitted")
            log.info("object event emitted", bucket=obj.bucket, key=obj.key, event_name=obj.event_name)
        self._answer(HTTPStatus.OK, {"emitted": len(notification.created), "ignored": len(notification.ignored)})

    def _read_body(self) -> bytes | None:
        """The request body after the token and size checks; None when an error was already answered."""
        if not authorised(self.headers.get("Authorization"), self.server.token):
            self._refuse(HTTPStatus.UNAUTHORIZED, "unauthorised", "missing or wrong bearer token", close=True)
            return None
        raw = self.headers.get("Content-Length")
        if raw is None or not raw.strip().isdigit():
            self._refuse(HTTPStatus.LENGTH_REQUIRED, "no_length", "a Content-Length header is required", close=True)
            return None
        if int(raw) > self.server.max_body:
            self._refuse(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "too_large", f"body over {self.server.max_body} bytes", close=True)
            return None
        return self.rfile.read(int(raw))

    def _refuse(self, status: HTTPStatus, outcome: str, message: str, close: bool = False) -> None:
        """Count, log and answer a refusal; `close` drops the connection when the body was left unread."""
        self.server.count(outcome)
        log.warning("notification refused", status=int(status), outcome=outcome, detail=message, client=self.client_address[0])
        if close:
            self.close_connection = True
        self._answer(status, {"error": message})

    def _answer(self, status: HTTPStatus, document: dict[str, Any] | None) -> None:
        data = json.dumps(document).encode("utf-8") if document is not None else b""
        self.send_response(status)
        if status == HTTPStatus.UNAUTHORIZED:
            self.send_header("WWW-Authenticate", "Bearer")
        if document is not None:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's signature
        # The request line only (never headers, so never the token), at debug level.
        log.debug("http request", line=format % args, client=self.client_address[0])
