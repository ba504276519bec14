"""The flow from a real S3 endpoint (moto's server mode): acquire by prefix, results written back."""

from __future__ import annotations

import json
import re
import urllib.request

import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

from tests.conftest import SAMPLES

pytestmark = [pytest.mark.flow, pytest.mark.tesseract]


@pytest.fixture
def aws_env(s3_endpoint, monkeypatch, tmp_path):
    monkeypatch.setenv("AWS_ENDPOINT_URL", s3_endpoint.url)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", s3_endpoint.access_key_id)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", s3_endpoint.secret_access_key.get_secret_value())
    monkeypatch.setenv("AWS_DEFAULT_REGION", s3_endpoint.region)
    monkeypatch.setenv("LOAN_EXTRACTOR_DATA_DIR", str(tmp_path / "data"))


def test_flow_reads_a_prefix_and_writes_results_back(prefect_server, s3_bucket, aws_env) -> None:
    from flows.pipeline import document_processing_pipeline

    for path in sorted((SAMPLES / "L1001").iterdir()):
        s3_bucket.put(f"incoming/L1001/{path.name}", path.read_bytes())
    s3_bucket.put("incoming/odd name é.html", (SAMPLES / "page.html").read_bytes())

    state = document_processing_pipeline(source=f"s3://{s3_bucket.name}/incoming", return_state=True)
    result = state.result()
    by_key = {d["source"]: d for d in result["documents"]}
    assert by_key[f"s3://{s3_bucket.name}/incoming/L1001/w2.pdf"]["loan_id"] == "L1001"
    assert {d["status"] for k, d in by_key.items() if "/L1001/" in k} == {"processed"}
    assert by_key[f"s3://{s3_bucket.name}/incoming/odd name é.html"]["reason"] == "unsupported_format"

    run_prefix = f"results/{result['run_id']}/"
    assert result["outputs"] == f"s3://{s3_bucket.name}/{run_prefix}"
    keys = {o["Key"] for o in s3_bucket.client.list_objects_v2(Bucket=s3_bucket.name, Prefix=run_prefix)["Contents"]}
    assert {run_prefix + "report.json", run_prefix + "report.html"} <= keys
    assert len([k for k in keys if "/documents/" in k]) == 5
    body = s3_bucket.client.get_object(Bucket=s3_bucket.name, Key=run_prefix + "report.json")["Body"].read()
    assert json.loads(body)["run_id"] == result["run_id"]
    html = s3_bucket.client.get_object(Bucket=s3_bucket.name, Key=run_prefix + "report.html")["Body"].read()
    with urllib.request.urlopen(_report_link(state), timeout=10) as response:
        assert response.read() == html, "the UI's report link opens the uploaded report"

    again = document_processing_pipeline(source=f"s3://{s3_bucket.name}/incoming", return_state=True).result()
    assert again["document_rows"] == result["document_rows"]
    assert len(again["documents"]) == 5, "results written under the bucket are never read back as inputs"


def _report_link(state) -> str:
    """The URL of the run's one `run-report` link artifact."""
    with get_client(sync_client=True) as client:
        run_filter = FlowRunFilter(id=FlowRunFilterId(any_=[state.state_details.flow_run_id]))
        [link] = [a for a in client.read_artifacts(flow_run_filter=run_filter) if a.key == "run-report"]
    return re.search(r"\]\((.+)\)$", link.data).group(1)
