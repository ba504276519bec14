"""The bridge: MinIO notification parsing, the event shape, the HTTP server, and events reaching a real Prefect server."""

from __future__ import annotations

import http.client
import json
import logging
import socket
import threading
import time
import uuid
from pathlib import Path
from typing import Iterator

import pytest
from pydantic import SecretStr

from loan_extractor.bridge import (
    EVENT_NAME,
    NotificationError,
    ObjectCreated,
    authorised,
    event_for,
    event_id,
    make_server,
    parse_notification,
    read_notification,
)
from loan_extractor.logs import configure_logging

FIXTURE = Path(__file__).parent / "fixtures" / "minio" / "put-notification.json"
TOKEN = "s3cr3t-bridge-token-0123456789"
MAX_BODY = 4096


def notification(*records: tuple[str, str], bucket: str = "incoming") -> bytes:
    """A MinIO-format body from (event name, URL-encoded key) pairs, built on the fixture's record."""
    template = json.loads(FIXTURE.read_text(encoding="utf-8"))
    base = template["Records"][0]
    out = []
    for name, key in records:
        record = json.loads(json.dumps(base))
        record["eventName"] = name
        record["s3"]["bucket"]["name"] = bucket
        record["s3"]["object"]["key"] = key
        out.append(record)
    return json.dumps({"EventName": records[0][0], "Key": f"{bucket}/x", "Records": out}).encode()


# --- parsing -------------------------------------------------------------------------------


def test_fixture_parses_into_one_created_object_with_its_key_decoded() -> None:
    body = FIXTURE.read_bytes()
    [obj] = parse_notification(body)
    assert (obj.bucket, obj.key) == ("incoming", "loans/L-1001/pay stub été +1.pdf")
    assert (obj.size, obj.etag, obj.sequencer) == (48213, "5fc7298143efe1276d39a3466d4e255f", "187C1A6D2F5A3C40")
    assert obj.version_id == "7a3c4b52-1f0e-4a8e-9d3b-2f6a1c9e0b11"
    assert obj.event_name == "s3:ObjectCreated:Put"
    assert obj.event_time is not None and obj.event_time.isoformat() == "2026-11-28T09:27:27.118000+00:00"
    # MinIO's top-level Key is bucket/object with the object name unescaped: the decoding agrees with it.
    assert json.loads(body)["Key"] == f"{obj.bucket}/{obj.key}"


@pytest.mark.parametrize(
    ("encoded", "decoded"),
    [
        ("pay+stub.pdf", "pay stub.pdf"),
        ("pay%20stub.pdf", "pay stub.pdf"),
        ("a%2Bb.pdf", "a+b.pdf"),
        ("loans%2FL-7%2Fw2.png", "loans/L-7/w2.png"),
        ("%E8%B4%B7%E6%AC%BE%2F%C3%A9t%C3%A9.pdf", "贷款/été.pdf"),
        ("100%25+sure.tif", "100% sure.tif"),
    ],
)
def test_keys_are_url_decoded_like_a_query_string(encoded: str, decoded: str) -> None:
    [obj] = parse_notification(notification(("s3:ObjectCreated:Put", encoded)))
    assert obj.key == decoded


def test_events_other_than_object_created_are_ignored_and_named() -> None:
    body = notification(
        ("s3:ObjectRemoved:Delete", "a.pdf"),
        ("s3:ObjectCreated:CompleteMultipartUpload", "b.pdf"),
        ("s3:ObjectAccessed:Get", "c.pdf"),
        ("s3:ObjectCreated:Copy", "d.pdf"),
    )
    result = read_notification(body)
    assert [o.key for o in result.created] == ["b.pdf", "d.pdf"]
    assert result.ignored == ("s3:ObjectRemoved:Delete", "s3:ObjectAccessed:Get")


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"\xff\xfe\x00",
        b"[]",
        b'{"EventName": "s3:ObjectCreated:Put"}',
        b'{"Records": {}}',
        b'{"Records": [{"eventName": "s3:ObjectCreated:Put"}]}',
        b'{"Records": [{"eventName": "s3:ObjectCreated:Put", "s3": {"bucket": {"name": "b"}, "object": {}}}]}',
        b'{"Records": [{"eventName": "s3:ObjectCreated:Put", "s3": {"bucket": {"name": "b"}, "object": {"key": ""}}}]}',
        b'{"Records": [{"eventName": "s3:ObjectCreated:Put", "s3": {"bucket": {"name": "b"}, "object": {"key": "%C3%28"}}}]}',
        b'{"Records": [{"eventName": "s3:ObjectCreated:Put", "s3": {"bucket": {"name": "b"}, "object": {"key": "k", "size": "9"}}}]}',
        b'{"Records": [{"s3": {"bucket": {"name": "b"}, "object": {"key": "k"}}}]}',
    ],
)
def test_malformed_bodies_are_refused(body: bytes) -> None:
    with pytest.raises(NotificationError):
        parse_notification(body)


def test_empty_version_id_means_unversioned() -> None:
    body = json.loads(notification(("s3:ObjectCreated:Put", "a.pdf")))
    body["Records"][0]["s3"]["object"]["versionId"] = ""
    del body["Records"][0]["eventTime"]
    [obj] = parse_notification(json.dumps(body).encode())
    assert obj.version_id is None and obj.event_time is None
    assert event_for(obj)["payload"]["event_time"] is None


# --- the event -----------------------------------------------------------------------------


def test_event_shape() -> None:
    [obj] = parse_notification(FIXTURE.read_bytes())
    event = event_for(obj)
    assert event["event"] == EVENT_NAME == "minio.object.created"
    assert event["resource"]["prefect.resource.id"] == "minio.object.incoming/loans/L-1001/pay stub été +1.pdf"
    assert event["payload"] == {
        "bucket": "incoming",
        "key": "loans/L-1001/pay stub été +1.pdf",
        "size": 48213,
        "etag": "5fc7298143efe1276d39a3466d4e255f",
        "version_id": "7a3c4b52-1f0e-4a8e-9d3b-2f6a1c9e0b11",
        "sequencer": "187C1A6D2F5A3C40",
        "event_name": "s3:ObjectCreated:Put",
        "origin": "minio-notification",
        "event_time": "2026-11-28T09:27:27.118000+00:00",
    }
    assert event["id"] == event_id(obj) and "occurred" not in event


def test_event_id_is_fixed_by_the_object_version() -> None:
    base = ObjectCreated("b", "k.pdf", 1, "e1", "v1", "s1")
    assert event_id(base) == event_id(ObjectCreated("b", "k.pdf", 1, "e1", "v1", "s1", event_time=None))
    others = [
        ObjectCreated("b", "k.pdf", 1, "e1", "v1", "s2"),
        ObjectCreated("b", "k.pdf", 1, "e1", "v2", "s1"),
        ObjectCreated("b", "k2.pdf", 1, "e1", "v1", "s1"),
        ObjectCreated("b2", "k.pdf", 1, "e1", "v1", "s1"),
    ]
    assert len({event_id(base), *map(event_id, others)}) == 5
    # Without a sequencer (the polling fallback), the ETag tells versions apart.
    assert event_id(ObjectCreated("b", "k", etag="e1")) != event_id(ObjectCreated("b", "k", etag="e2"))


@pytest.mark.parametrize(
    ("header", "ok"),
    [
        (f"Bearer {TOKEN}", True),
        (f"bearer {TOKEN}", True),
        (None, False),
        ("", False),
        (f"Basic {TOKEN}", False),
        (f"Bearer {TOKEN[:-1]}", False),
        (f"Bearer {TOKEN}x", False),
        ("Bearer", False),
        (TOKEN, False),
    ],
)
def test_authorisation_header(header: str | None, ok: bool) -> None:
    assert authorised(header, SecretStr(TOKEN)) is ok


# --- the HTTP server -----------------------------------------------------------------------


class Recorder:
    """An emitter that keeps what it was given, and fails while `failing` is set."""

    def __init__(self) -> None:
        self.objects: list[ObjectCreated] = []
        self.failing = False

    def __call__(self, obj: ObjectCreated) -> None:
        if self.failing:
            raise ConnectionError("Prefect is down")
        self.objects.append(obj)


@pytest.fixture(scope="module", autouse=True)
def _logging() -> None:
    # structlog through the standard library, so caplog sees the bridge's lines.
    configure_logging("json", "DEBUG", attach_handler=False)


@pytest.fixture
def bridge() -> Iterator[tuple[str, int, Recorder]]:
    """A running bridge on a free loopback port with a recording emitter."""
    recorder = Recorder()
    server = make_server("127.0.0.1", 0, SecretStr(TOKEN), recorder, max_body=MAX_BODY)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield host, port, recorder
    server.shutdown()
    server.server_close()


def request(bridge: tuple[str, int, Recorder], method: str, body: bytes | None = None, token: str | None = TOKEN, path: str = "/minio/events") -> tuple[int, bytes, dict[str, str]]:
    host, port, _ = bridge
    connection = http.client.HTTPConnection(host, port, timeout=10)
    headers = {"Content-Type": "application/json"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, data, {k.lower(): v for k, v in response.getheaders()}


def test_round_trip_emits_one_event_per_created_record(bridge) -> None:
    status, data, _ = request(bridge, "POST", FIXTURE.read_bytes())
    assert status == 200 and json.loads(data) == {"emitted": 1, "ignored": 0}
    [obj] = bridge[2].objects
    assert (obj.bucket, obj.key) == ("incoming", "loans/L-1001/pay stub été +1.pdf")


def test_head_is_minios_liveness_check(bridge) -> None:
    status, data, _ = request(bridge, "HEAD", token=None)
    assert (status, data) == (200, b"")
    status, data, _ = request(bridge, "GET", token=None, path="/health")
    assert status == 200 and json.loads(data)["status"] == "ok"
    assert bridge[2].objects == []


@pytest.mark.parametrize("token", [None, "wrong", TOKEN[:-1], ""])
def test_bad_token_is_401_and_emits_nothing(bridge, token: str | None) -> None:
    status, _, headers = request(bridge, "POST", FIXTURE.read_bytes(), token=token)
    assert status == 401 and headers.get("www-authenticate") == "Bearer"
    assert bridge[2].objects == []


def test_oversize_body_is_413_and_never_parsed(bridge) -> None:
    padded = json.loads(FIXTURE.read_bytes())
    padded["padding"] = "x" * MAX_BODY
    status, _, _ = request(bridge, "POST", json.dumps(padded).encode())
    assert status == 413 and bridge[2].objects == []


def test_missing_length_is_411(bridge) -> None:
    host, port, recorder = bridge
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(f"POST / HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\n\r\n".encode())
        assert sock.recv(1024).startswith(b"HTTP/1.1 411")
    assert recorder.objects == []


def test_malformed_json_is_400(bridge) -> None:
    status, data, _ = request(bridge, "POST", b'{"Records": [')
    assert status == 400 and "JSON" in json.loads(data)["error"]


def test_non_create_events_are_200_and_counted(bridge) -> None:
    status, data, _ = request(bridge, "POST", notification(("s3:ObjectRemoved:Delete", "a.pdf")))
    assert status == 200 and json.loads(data) == {"emitted": 0, "ignored": 1}
    assert bridge[2].objects == []
    _, health, _ = request(bridge, "GET", path="/health")
    assert json.loads(health)["counts"] == {"ignored": 1}


def test_failed_emit_is_503_so_minio_retries_with_the_same_event_id(bridge) -> None:
    recorder = bridge[2]
    recorder.failing = True
    assert request(bridge, "POST", FIXTURE.read_bytes())[0] == 503
    recorder.failing = False
    assert request(bridge, "POST", FIXTURE.read_bytes())[0] == 200
    assert request(bridge, "POST", FIXTURE.read_bytes())[0] == 200  # a duplicate delivery
    assert len({event_id(o) for o in recorder.objects}) == 1 and len(recorder.objects) == 2


def test_the_token_never_reaches_the_logs(bridge, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="loan_extractor")
    request(bridge, "POST", FIXTURE.read_bytes(), token="wrong-" + TOKEN)
    request(bridge, "POST", FIXTURE.read_bytes())
    assert "notification refused" in caplog.text and "object event emitted" in caplog.text
    assert TOKEN not in caplog.text


# --- into a real Prefect server --------------------------------------------------------------


@pytest.mark.flow
def test_events_reach_prefect_once_per_object_version(prefect_server) -> None:
    from prefect.client.orchestration import get_client
    from prefect.events.filters import EventFilter, EventNameFilter, EventResourceFilter

    from loan_extractor.commands.bridge import prefect_emitter

    body = notification(("s3:ObjectCreated:Put", f"loans%2FL-9%2Fw2+{uuid.uuid4().hex[:6]}.pdf"))
    [obj] = parse_notification(body)
    with prefect_emitter() as emit:
        server = make_server("127.0.0.1", 0, SecretStr(TOKEN), emit)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            for _ in range(2):  # MinIO delivering the same notification twice
                assert request(("127.0.0.1", server.server_address[1], None), "POST", body)[0] == 200
        finally:
            server.shutdown()
            server.server_close()
    wanted = EventFilter(
        event=EventNameFilter(name=[EVENT_NAME]),
        resource=EventResourceFilter(id=[f"minio.object.{obj.bucket}/{obj.key}"]),
    )
    events = []
    with get_client(sync_client=True) as client:
        deadline = time.monotonic() + 30
        while not events and time.monotonic() < deadline:
            events = client.read_events(filter=wanted, limit=50).events
            time.sleep(0.5)
        time.sleep(2)  # a second copy, had it been stored, would be visible by now
        events = client.read_events(filter=wanted, limit=50).events
    assert len(events) == 1
    assert events[0].id == event_id(obj)
    assert events[0].payload["key"] == obj.key and events[0].payload["bucket"] == "incoming"


def test_an_unreachable_prefect_server_is_a_503_so_minio_keeps_the_event() -> None:
    from prefect.client.orchestration import SyncPrefectClient
    from prefect.settings import PREFECT_CLIENT_MAX_RETRIES, temporary_settings

    from loan_extractor.commands.bridge import prefect_emitter

    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}/api"
    with temporary_settings({PREFECT_CLIENT_MAX_RETRIES: 0}), prefect_emitter(SyncPrefectClient(dead)) as emit:
        server = make_server("127.0.0.1", 0, SecretStr(TOKEN), emit)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            status, _, _ = request(("127.0.0.1", server.server_address[1], None), "POST", FIXTURE.read_bytes())
        finally:
            server.shutdown()
            server.server_close()
    assert status == 503 and server.counts["emit_failed"] == 1
