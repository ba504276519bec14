"""Local receivers for alert tests: a Slack-style webhook over HTTP and an SMTP server (aiosmtpd).

Both listen on a free loopback port for one test and record what they received, so a test can
assert exactly how many messages arrived and what they said. In CI (`CI=true`) a receiver that
cannot start fails the test; elsewhere the test is skipped with the reason.
"""

from __future__ import annotations

import email
import email.policy
import json
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "receivers: sends to the local webhook or SMTP receivers")


def free_port() -> int:
    """A loopback port nothing listens on (bound then released: the OS does not hand it out again at once)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _unavailable(what: str, message: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} unavailable in CI: {message}")
    pytest.skip(f"{what} unavailable ({message}); make setup installs the test dependencies")


def _wait(check: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


@dataclass
class WebhookReceiver:
    """An HTTP server recording every POST; answers `status` (200 `ok`, as Slack does)."""

    server: ThreadingHTTPServer
    status: int = 200
    posts: list[dict[str, Any]] = field(default_factory=list)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/services/T000/B000/secret-token"

    def texts(self) -> list[str]:
        """The `text` of every JSON body received, in order."""
        return [post["json"].get("text", "") for post in self.posts if isinstance(post.get("json"), dict)]

    def wait_for(self, count: int, timeout: float = 5.0) -> bool:
        """Whether `count` POSTs arrived within the timeout."""
        return _wait(lambda: len(self.posts) >= count, timeout)

    def stop(self) -> None:
        """Stop listening: later sends find the port closed, as when the receiver is killed."""
        self.server.shutdown()
        self.server.server_close()


def _handler(receiver_ref: list[WebhookReceiver]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            receiver = receiver_ref[0]
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            try:
                parsed: Any = json.loads(body)
            except ValueError:
                parsed = None
            receiver.posts.append({"path": self.path, "headers": dict(self.headers), "body": body, "json": parsed})
            answer = b"ok" if receiver.status < 300 else b"error"
            self.send_response(receiver.status)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, format: str, *args: Any) -> None:
            return

    return Handler


@pytest.fixture
def webhook_receiver() -> Iterator[WebhookReceiver]:
    """A Slack-style incoming-webhook receiver on a free loopback port, for one test."""
    ref: list[WebhookReceiver] = []
    try:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(ref))
    except OSError as exc:
        _unavailable("webhook receiver", str(exc))
    receiver = WebhookReceiver(server)
    ref.append(receiver)
    thread = threading.Thread(target=server.serve_forever, name="webhook-receiver", daemon=True)
    thread.start()
    yield receiver
    if thread.is_alive():
        receiver.stop()


@dataclass
class SmtpReceiver:
    """An aiosmtpd server recording every message it accepts."""

    host: str
    port: int
    messages: list[EmailMessage] = field(default_factory=list)
    envelopes: list[tuple[str, list[str]]] = field(default_factory=list)

    def wait_for(self, count: int, timeout: float = 5.0) -> bool:
        """Whether `count` messages arrived within the timeout."""
        return _wait(lambda: len(self.messages) >= count, timeout)


class _Recorder:
    def __init__(self, receiver: SmtpReceiver) -> None:
        self.receiver = receiver

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.receiver.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        self.receiver.messages.append(message)  # type: ignore[arg-type]
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_receiver() -> Iterator[SmtpReceiver]:
    """A real SMTP server (aiosmtpd, no TLS, no auth) on a free loopback port, for one test."""
    try:
        from aiosmtpd.controller import Controller
    except ImportError as exc:
        _unavailable("aiosmtpd", str(exc))
    receiver = SmtpReceiver("127.0.0.1", free_port())
    controller = Controller(_Recorder(receiver), hostname=receiver.host, port=receiver.port, ready_timeout=10)
    try:
        controller.start()
    except Exception as exc:  # noqa: BLE001 - any start failure means the receiver is missing
        _unavailable("SMTP receiver", f"{type(exc).__name__}: {exc}")
    yield receiver
    controller.stop()


@pytest.fixture
def closed_port() -> int:
    """A loopback port with nothing listening: a receiver that is down."""
    return free_port()
