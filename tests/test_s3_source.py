"""The S3 source against a real HTTP S3 endpoint (moto server mode), and how object errors are classified."""

from __future__ import annotations

import hashlib
import http.server
import socket
import threading
from pathlib import Path

import boto3
import pytest
from botocore.exceptions import ClientError
from pydantic import SecretStr

from loan_extractor.errors import TransientError
from loan_extractor.models import Reason, Status
from loan_extractor.s3 import ObjectError, make_client, object_errors, parse_s3_uri
from loan_extractor.sources.s3 import S3Source, local_name
from loan_extractor.stages.acquire import acquire

pytestmark = pytest.mark.s3


def test_pagination_lists_every_key_in_order_with_loan_ids(s3_bucket) -> None:
    keys = [f"incoming/L{i % 7}/f{i:04d}.pdf" for i in range(1203)]
    s3_bucket.seed(keys + ["incoming2/L1/not-mine.pdf", "other/L1/x.pdf"])
    items = list(S3Source(s3_bucket.client, s3_bucket.name, "incoming").list_items())
    assert len(items) == 1203  # two ListObjectsV2 pages of 1,000
    assert [i.uri for i in items] == sorted(f"s3://{s3_bucket.name}/{k}" for k in keys)
    assert {i.loan_id for i in items} == {f"L{n}" for n in range(7)}


def test_small_pages_and_ignored_and_excluded_keys(s3_bucket) -> None:
    for key in ("in/L1/a.pdf", "in/L1/.DS_Store", "in/root.png", "in/results/run/x.json", "in/L2/"):
        s3_bucket.put(key, b"x")
    source = S3Source(s3_bucket.client, s3_bucket.name, "in/", ignore=(".*",), exclude=("in/results",), page_size=2)
    items = list(source.list_items())
    assert [(i.name, i.loan_id) for i in items] == [("a.pdf", "L1"), ("root.png", None)]
    assert source.ignored == ["L1/.DS_Store"]


def test_spaces_and_unicode_keys_fetch_exact_bytes(s3_bucket, tmp_path: Path) -> None:
    body = bytes(range(256)) * 4000  # about 1 MB, not valid UTF-8
    key = "incoming/Loan 7 Müller/relevé de compte – mars.pdf"
    s3_bucket.put(key, body)
    source = S3Source.from_uri(f"s3://{s3_bucket.name}/incoming", s3_bucket.client)
    (item,) = source.list_items()
    assert item.uri == f"s3://{s3_bucket.name}/{key}"
    assert item.loan_id == "Loan 7 Müller"
    assert item.size == len(body)
    docs = acquire(source, tmp_path)
    assert docs[0].status is None and docs[0].sha256 == hashlib.sha256(body).hexdigest()
    path = Path(docs[0].local_path)
    assert path.read_bytes() == body
    assert path.parent == tmp_path / "inputs" and path.name.isascii() and path.suffix == ".pdf"
    assert not list(path.parent.glob("*.part"))


def test_same_file_name_in_two_loans_gets_two_local_files(s3_bucket, tmp_path: Path) -> None:
    s3_bucket.put("p/L1/paystub.pdf", b"one")
    s3_bucket.put("p/L2/paystub.pdf", b"two")
    docs = acquire(S3Source(s3_bucket.client, s3_bucket.name, "p"), tmp_path)
    assert sorted(Path(d.local_path).read_bytes() for d in docs) == [b"one", b"two"]


def test_user_metadata_reaches_the_record(s3_bucket, tmp_path: Path) -> None:
    s3_bucket.client.put_object(Bucket=s3_bucket.name, Key="m/L1/a.pdf", Body=b"a",
                                Metadata={"Channel": "broker", "branch": "Zurich north"})
    s3_bucket.put("m/L1/b.pdf", b"b")
    docs = acquire(S3Source(s3_bucket.client, s3_bucket.name, "m"), tmp_path)
    # S3 lower-cases the x-amz-meta- names and boto3 drops the prefix
    assert [d.metadata for d in docs] == [{"branch": "Zurich north", "channel": "broker"}, {}]


def test_metadata_that_cannot_be_read_leaves_the_document_as_it_was(s3_bucket, tmp_path: Path) -> None:
    s3_bucket.client.put_object(Bucket=s3_bucket.name, Key="g/L1/a.pdf", Body=b"a", Metadata={"channel": "broker"})
    source = S3Source(s3_bucket.client, s3_bucket.name, "g")

    class GoneAfterFetch(_Listed):
        def fetch(self, item, dest_dir: Path) -> Path:
            path = source.fetch(item, dest_dir)
            s3_bucket.client.delete_object(Bucket=s3_bucket.name, Key=source.key_of(item))  # the HEAD gets a 404
            return path

        def object_metadata(self, item):
            return source.object_metadata(item)

    (doc,) = acquire(GoneAfterFetch(source, list(source.list_items())), tmp_path)
    assert doc.status is None and doc.metadata == {} and Path(doc.local_path).read_bytes() == b"a"


def test_missing_object_is_failed_with_reason_not_raised(s3_bucket, tmp_path: Path) -> None:
    s3_bucket.put("in/L1/a.pdf", b"a")
    s3_bucket.put("in/L1/b.pdf", b"b")
    source = S3Source(s3_bucket.client, s3_bucket.name, "in")
    items = list(source.list_items())
    s3_bucket.client.delete_object(Bucket=s3_bucket.name, Key="in/L1/a.pdf")  # gone between list and fetch
    docs = acquire(_Listed(source, items), tmp_path)
    assert [d.status for d in docs] == [Status.FAILED, None]
    assert docs[0].reason == Reason.SOURCE_UNAVAILABLE
    assert "in/L1/a.pdf" in docs[0].issues[0].message and "404" in docs[0].issues[0].message
    assert not list((tmp_path / "inputs").glob("*.part"))


def test_access_denied_is_failed_with_reason(s3_bucket, tmp_path: Path) -> None:
    s3_bucket.put("in/L1/secret.pdf", b"s")
    reader = _list_only_user(s3_bucket)
    s3_bucket.endpoint.post("/moto-api/reset-auth", b"0")  # from now on moto checks IAM policies
    try:
        source = S3Source(reader, s3_bucket.name, "in")
        docs = acquire(source, tmp_path)
    finally:
        s3_bucket.endpoint.post("/moto-api/reset-auth", b"inf")
    assert docs[0].status == Status.FAILED and docs[0].reason == Reason.SOURCE_UNAVAILABLE
    assert "403" in docs[0].issues[0].message or "AccessDenied" in docs[0].issues[0].message


def test_unreachable_endpoint_is_transient(tmp_path: Path) -> None:
    client = make_client(f"http://127.0.0.1:{_closed_port()}", "k", None, "us-east-1", max_attempts=2)
    with pytest.raises(TransientError, match="after retries"):
        list(S3Source(client, "bucket", "in").list_items())


def test_throttling_is_retried_by_botocore_then_transient() -> None:
    hits: list[str] = []
    with _answering(503, b"<Error><Code>SlowDown</Code><Message>Reduce your request rate.</Message></Error>", hits) as url:
        client = make_client(url, "k", None, "us-east-1", max_attempts=2)
        with pytest.raises(TransientError, match="SlowDown"):
            list(S3Source(client, "bucket", "in").list_items())
    assert len(hits) == 2  # the first try and one retry, with botocore's backoff between them


@pytest.mark.parametrize(
    ("code", "status", "expected"),
    [
        ("NoSuchKey", 404, ObjectError),
        ("AccessDenied", 403, ObjectError),
        ("403", 403, ObjectError),
        ("SlowDown", 503, TransientError),
        ("InternalError", 500, TransientError),
        ("", 429, TransientError),
        ("InvalidArgument", 400, ObjectError),
    ],
)
def test_service_errors_are_classified(code: str, status: int, expected: type) -> None:
    error = ClientError({"Error": {"Code": code, "Message": "m"}, "ResponseMetadata": {"HTTPStatusCode": status}}, "GetObject")
    with pytest.raises(expected), object_errors("s3://b/k"):
        raise error


def test_uri_and_local_name_helpers() -> None:
    assert parse_s3_uri("s3://bucket/in/coming/") == ("bucket", "in/coming")
    assert parse_s3_uri("s3://bucket") == ("bucket", "")
    with pytest.raises(ValueError):
        parse_s3_uri("s3:///x")
    assert local_name("a/../../etc/passwd") != local_name("b/../../etc/passwd")
    assert "/" not in local_name("x/ü ä/..%2f.pdf") and local_name("x/a b.PDF").endswith("-a_b.PDF")


class _Listed:
    """A source whose listing was taken earlier (the object changed in between)."""

    def __init__(self, source: S3Source, items: list) -> None:
        self.source, self.items = source, items

    def list_items(self):
        return iter(self.items)

    def fetch(self, item, dest_dir: Path) -> Path:
        return self.source.fetch(item, dest_dir)


def _list_only_user(bucket):
    """A client whose IAM user may list the bucket but not read its objects."""
    admin = boto3.client(
        "iam", endpoint_url=bucket.endpoint.url, region_name="us-east-1", aws_access_key_id="k", aws_secret_access_key="s"
    )
    user = f"reader-{bucket.name}"
    admin.create_user(UserName=user)
    policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}'
    admin.put_user_policy(UserName=user, PolicyName="list-only", PolicyDocument=policy)
    key = admin.create_access_key(UserName=user)["AccessKey"]
    return make_client(bucket.endpoint.url, key["AccessKeyId"], SecretStr(key["SecretAccessKey"]), "us-east-1", max_attempts=1)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _answering:
    """A local HTTP server answering every request with one status and body, counting requests."""

    def __init__(self, status: int, body: bytes, hits: list[str]) -> None:
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                hits.append(self.path)
                self.send_response(outer.status)
                self.send_header("Content-Type", "application/xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.status = status
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)

    def __enter__(self) -> str:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_client_from_standard_aws_variables(s3_bucket, monkeypatch) -> None:
    endpoint = s3_bucket.endpoint
    monkeypatch.setenv("AWS_ENDPOINT_URL", endpoint.url)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", endpoint.access_key_id)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", endpoint.secret_access_key.get_secret_value())
    monkeypatch.setenv("AWS_DEFAULT_REGION", endpoint.region)
    s3_bucket.put("env/L3/a.png", b"png")
    client = make_client()
    assert client.meta.endpoint_url == endpoint.url
    assert client.meta.config.s3 == {"addressing_style": "path"}
    assert [i.loan_id for i in S3Source(client, s3_bucket.name, "env").list_items()] == ["L3"]
