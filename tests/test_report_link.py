"""The run's `run-report` link artifact: the local file for local runs, a presigned URL once the report is on S3."""

from __future__ import annotations

import re
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

import pytest
from prefect import flow
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

from loan_extractor.models import Document
from loan_extractor.outputs import OutputLocation
from loan_extractor.run import RunSummary
from tasks.outputs import publish_outputs
from tasks.report import REPORT_LINK_KEY, publish_report

pytestmark = pytest.mark.s3
NOW = datetime(2026, 1, 2, tzinfo=timezone.utc)


def _summary() -> RunSummary:
    doc = Document(doc_id="a1", source="/in/L1/w2.pdf", local_path="", loan_id="L1").finalised()
    return RunSummary(run_id="run-7", source="/in", started_at=NOW, finished_at=NOW, config_digest="c", code_version="0", documents=(doc,))


@flow
def _report_flow(reports_dir: Path, where: OutputLocation | None, link_endpoint: str | None = None) -> Path:
    """The flow's report steps: write and publish the report, then upload it when the run has an output location."""
    files = publish_report(_summary(), reports_dir, link_local=where is None)
    if where is not None:
        publish_outputs(_summary(), where, [files.json_path, files.html_path], None, 3600, link_endpoint)
    return files.html_path


def _report_links(state) -> list[str]:
    with get_client(sync_client=True) as client:
        run_filter = FlowRunFilter(id=FlowRunFilterId(any_=[state.state_details.flow_run_id]))
        artifacts = client.read_artifacts(flow_run_filter=run_filter)
    return [re.search(r"\]\((.+)\)$", a.data).group(1) for a in artifacts if a.key == REPORT_LINK_KEY]


def test_an_s3_run_links_the_uploaded_report_and_the_link_opens_it(prefect_server, s3_bucket, tmp_path, monkeypatch) -> None:
    endpoint = s3_bucket.endpoint
    monkeypatch.setenv("AWS_ENDPOINT_URL", endpoint.url)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", endpoint.access_key_id)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", endpoint.secret_access_key.get_secret_value())
    monkeypatch.setenv("AWS_DEFAULT_REGION", endpoint.region)
    state = _report_flow(tmp_path, OutputLocation(s3_bucket.name, "results"), return_state=True)
    html_path = state.result()
    [link] = _report_links(state)
    assert link.startswith(f"{endpoint.url}/{s3_bucket.name}/results/run-7/report.html?") and "X-Amz-Expires=3600" in link
    with urllib.request.urlopen(link, timeout=10) as response:
        assert response.read() == html_path.read_bytes()


def test_the_link_is_signed_for_the_address_browsers_reach(prefect_server, s3_bucket, tmp_path, monkeypatch) -> None:
    """Workers write to MinIO by an internal name; the UI's link uses the public one (here: localhost for 127.0.0.1)."""
    endpoint = s3_bucket.endpoint
    for name, value in (("AWS_ENDPOINT_URL", endpoint.url), ("AWS_ACCESS_KEY_ID", endpoint.access_key_id),
                        ("AWS_SECRET_ACCESS_KEY", endpoint.secret_access_key.get_secret_value()), ("AWS_DEFAULT_REGION", endpoint.region)):
        monkeypatch.setenv(name, value)
    public = endpoint.url.replace("127.0.0.1", "localhost")
    state = _report_flow(tmp_path, OutputLocation(s3_bucket.name, "results"), public, return_state=True)
    [link] = _report_links(state)
    assert link.startswith(f"{public}/{s3_bucket.name}/results/run-7/report.html?")
    with urllib.request.urlopen(link, timeout=10) as response:
        assert response.read() == state.result().read_bytes()


def test_a_local_run_links_the_report_file(prefect_server, tmp_path) -> None:
    state = _report_flow(tmp_path, None, return_state=True)
    assert _report_links(state) == [state.result().resolve().as_uri()]
