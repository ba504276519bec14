"""A real HTTP S3 endpoint for the test session: moto's server mode on a free loopback port.

Tests talk to it with boto3 or prefect-aws over HTTP like they would to MinIO. In CI (`CI=true`)
a server that does not start fails the test; elsewhere the test is skipped with the reason.
"""

from __future__ import annotations

import logging
import os
import uuid
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

import pytest
from pydantic import SecretStr

REGION = "us-east-1"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "s3: talks to the session's S3 endpoint (moto server mode)")


@dataclass(frozen=True)
class S3Endpoint:
    """Where the session's S3 server listens and the credentials it accepts (moto accepts any)."""

    url: str
    access_key_id: str
    secret_access_key: SecretStr
    region: str
    server: Any
    shared: Any = None  # one client for fixtures: building a boto3 client costs about 0.3 s

    def client(self, max_attempts: int = 2) -> Any:
        """A boto3 client for this endpoint, built by the project's own factory."""
        from loan_extractor.s3 import make_client

        return make_client(self.url, self.access_key_id, self.secret_access_key, self.region, max_attempts=max_attempts)

    def post(self, path: str, body: bytes) -> None:
        """Call moto's control API (e.g. `/moto-api/reset-auth`)."""
        import urllib.request

        with urllib.request.urlopen(urllib.request.Request(self.url + path, data=body, method="POST", headers={"Content-Type": "text/plain"}), timeout=10) as response:
            response.read()


@dataclass(frozen=True)
class Bucket:
    """A fresh, empty bucket on the session's endpoint, with a client for it."""

    endpoint: S3Endpoint
    name: str
    client: Any

    def put(self, key: str, body: bytes) -> None:
        """Upload one object over HTTP."""
        self.client.put_object(Bucket=self.name, Key=key, Body=body)

    def seed(self, keys: Iterable[str], body: bytes = b"x") -> None:
        """Create many tiny objects at once inside the in-process server (HTTP puts cost about 8 ms each).

        Only the setup takes this shortcut; what the tests exercise still goes over HTTP.
        """
        from moto.core import DEFAULT_ACCOUNT_ID
        from moto.s3.models import s3_backends

        backend = s3_backends[DEFAULT_ACCOUNT_ID]["aws"]
        for key in keys:
            backend.put_object(self.name, key, body)


def _unavailable(message: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"S3 test endpoint unavailable in CI: {message}")
    pytest.skip(f"S3 test endpoint unavailable ({message}); install moto[server] (make setup) to run S3 tests")


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[S3Endpoint]:
    """moto's threaded server on 127.0.0.1 with a port the OS picks, for the whole session."""
    try:
        from moto.server import ThreadedMotoServer

        server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        server.start()
        host, port = server.get_host_and_port()
    except Exception as exc:  # noqa: BLE001 - any failure to start means no endpoint
        _unavailable(f"{type(exc).__name__}: {exc}")
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one INFO line per request otherwise
    endpoint = S3Endpoint(f"http://{host}:{port}", "testing", SecretStr("testing-secret"), REGION, server)
    yield S3Endpoint(**{**endpoint.__dict__, "shared": endpoint.client()})
    server.stop()


@pytest.fixture
def s3_bucket(s3_endpoint: S3Endpoint) -> Iterator[Bucket]:
    """A new bucket per test, so tests never see each other's objects."""
    client = s3_endpoint.shared
    name = f"test-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=name)
    yield Bucket(s3_endpoint, name, client)
