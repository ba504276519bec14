"""Per-document JSON and the run report, written to a real HTTP S3 endpoint and read back."""

from __future__ import annotations

import json
import socket
from datetime import datetime, timezone
from pathlib import Path

import pytest

from loan_extractor.errors import TransientError
from loan_extractor.models import Document, Reason
from loan_extractor.outputs import OutputLocation, output_location, write_outputs
from loan_extractor.run import RunSummary
from loan_extractor.s3 import ObjectError, make_client
from loan_extractor.stages.report import write_report

pytestmark = pytest.mark.s3


def _summary() -> RunSummary:
    ok = Document(doc_id="aaa111", source="s3://b/in/L1/pay stub é.pdf", local_path="", loan_id="L1").finalised()
    bad = Document(doc_id="bbb222", source="s3://b/in/L1/gone.pdf", local_path="").with_issue(
        "acquire", Reason.SOURCE_UNAVAILABLE, "s3://b/in/L1/gone.pdf: 404 (Not Found)"
    )
    now = datetime(2026, 1, 2, tzinfo=timezone.utc)
    return RunSummary(
        run_id="run-42", source="s3://b/in", started_at=now, finished_at=now, config_digest="c", code_version="0", documents=(ok, bad)
    )


def _json(bucket, key: str) -> dict:
    return json.loads(bucket.client.get_object(Bucket=bucket.name, Key=key)["Body"].read())


def test_documents_and_report_are_written_and_readable(s3_bucket, tmp_path: Path) -> None:
    summary = _summary()
    files = write_report(summary, tmp_path)
    where = OutputLocation(s3_bucket.name, "results/")
    written = write_outputs(s3_bucket.client, where, summary, [files.json_path, files.html_path])
    base = f"s3://{s3_bucket.name}/results/run-42"
    assert written == [f"{base}/documents/aaa111.json", f"{base}/documents/bbb222.json", f"{base}/report.json", f"{base}/report.html"]
    assert _json(s3_bucket, "results/run-42/documents/aaa111.json") == summary.documents[0].to_output()
    failed = _json(s3_bucket, "results/run-42/documents/bbb222.json")
    assert (failed["status"], failed["reason"]) == ("failed", "source_unavailable")
    assert _json(s3_bucket, "results/run-42/report.json")["counts"]["failed"] == 1
    html = s3_bucket.client.get_object(Bucket=s3_bucket.name, Key="results/run-42/report.html")
    assert html["ContentType"].startswith("text/html") and html["Body"].read() == files.html_path.read_bytes()
    assert where.uri("run-42") == base + "/"


def test_rewriting_a_run_replaces_its_objects(s3_bucket) -> None:
    where = OutputLocation(s3_bucket.name, "out")
    write_outputs(s3_bucket.client, where, _summary())
    write_outputs(s3_bucket.client, where, _summary())
    listed = s3_bucket.client.list_objects_v2(Bucket=s3_bucket.name, Prefix="out/")
    assert listed["KeyCount"] == 2


def test_missing_bucket_is_permanent_and_closed_port_transient(s3_endpoint) -> None:
    with pytest.raises(ObjectError, match="NoSuchBucket"):
        write_outputs(s3_endpoint.shared, OutputLocation("no-such-bucket-here", "r"), _summary())
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client = make_client(f"http://127.0.0.1:{port}", "k", None, "us-east-1", max_attempts=1)
    with pytest.raises(TransientError):
        write_outputs(client, OutputLocation("b", "r"), _summary())


def test_output_location_defaults() -> None:
    assert output_location("s3://in-bucket/incoming") == OutputLocation("in-bucket", "results")
    assert output_location("s3://in-bucket/incoming", "s3://out/x/y/") == OutputLocation("out", "x/y")
    assert output_location("samples") is None
    assert output_location("samples", "s3://out") == OutputLocation("out", "")
    assert OutputLocation("out", "").run_prefix("r1") == "r1"


def test_the_uploaded_report_opens_from_its_presigned_url(s3_bucket, tmp_path: Path) -> None:
    import urllib.request

    from loan_extractor.outputs import report_url

    summary = _summary()
    files = write_report(summary, tmp_path)
    where = OutputLocation(s3_bucket.name, "results")
    write_outputs(s3_bucket.client, where, summary, [files.json_path, files.html_path])
    url = report_url(s3_bucket.client, where, summary.run_id, expires_in=3600)
    assert url.startswith(f"{s3_bucket.endpoint.url}/{s3_bucket.name}/results/run-42/report.html?")
    assert "X-Amz-Algorithm=AWS4-HMAC-SHA256" in url and "X-Amz-Expires=3600" in url
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.headers["Content-Type"].startswith("text/html")
        assert response.read() == files.html_path.read_bytes()
    assert "X-Amz-Expires=604800" in report_url(s3_bucket.client, where, summary.run_id, expires_in=10**7), "SigV4's 7 days at most"
