"""End to end on a real self-hosted Prefect server: deploy from prefect.yaml, run a process worker,
and start runs two ways: a MinIO notification through the bridge (the `single-object` trigger)
and `prefect deployment run` (`batch`). Documents come from the moto S3 endpoint and are stored
in a SQLite file. About a minute; every process started here is stopped here.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest
from pydantic import SecretStr

from loan_extractor.tools._run import stop_group

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
NOTIFICATION = Path(__file__).parent / "fixtures" / "minio" / "put-notification.json"
PREFECT = str(Path(sys.executable).with_name("prefect"))
TOKEN = "e2e-bridge-token"
FLOW = "document-processing-pipeline"

pytestmark = [pytest.mark.flow, pytest.mark.s3]


def _unavailable(message: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _prefect(env: dict[str, str], *args: str, timeout: int = 120) -> str:
    done = subprocess.run([PREFECT, "--no-prompt", *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"prefect {' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


@pytest.fixture(scope="module")
def stack(tmp_path_factory, s3_endpoint) -> Iterator[dict[str, str]]:
    """A Prefect server (SQLite), the deployments of prefect.yaml and a process worker; the environment they share."""
    if not Path(PREFECT).exists() or shutil.which("tesseract") is None:
        _unavailable(f"the end-to-end test needs {PREFECT} and tesseract")
    home = tmp_path_factory.mktemp("prefect-e2e")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "LOAN_EXTRACTOR_", "AWS_"))}
    env |= {
        "PREFECT_HOME": str(home / "prefect-home"),
        "PREFECT_API_URL": f"http://127.0.0.1:{port}/api",
        "PREFECT_API_DATABASE_CONNECTION_URL": f"sqlite+aiosqlite:///{home / 'prefect.db'}",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_UI_ENABLED": "false",
        "PREFECT_WORKER_QUERY_SECONDS": "1",
        "PREFECT_WORKER_PREFETCH_SECONDS": "5",
        "LOAN_EXTRACTOR_DATABASE_URL": f"sqlite:///{home / 'documents.db'}",
        "LOAN_EXTRACTOR_DATA_DIR": str(home / "data"),
        "AWS_ENDPOINT_URL": s3_endpoint.url,
        "AWS_ACCESS_KEY_ID": s3_endpoint.access_key_id,
        "AWS_SECRET_ACCESS_KEY": s3_endpoint.secret_access_key.get_secret_value(),
        "AWS_DEFAULT_REGION": s3_endpoint.region,
        "OMP_THREAD_LIMIT": "1",
    }
    logs = {name: (home / f"{name}.log").open("wb") for name in ("server", "worker")}
    server = subprocess.Popen(
        [PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env, cwd=home, stdout=logs["server"], stderr=subprocess.STDOUT, start_new_session=True,
    )
    worker = None
    try:
        _wait_healthy(env["PREFECT_API_URL"], server, home / "server.log")
        _prefect(env, "work-pool", "create", "loan-extractor", "--type", "process", "--overwrite")
        _prefect(env, "deploy", "--all")
        worker = subprocess.Popen(
            [PREFECT, "worker", "start", "--pool", "loan-extractor", "--type", "process"],
            env=env, cwd=home, stdout=logs["worker"], stderr=subprocess.STDOUT, start_new_session=True,
        )
        yield env | {"_home": str(home)}
    finally:
        if worker is not None:
            stop_group(worker)
        stop_group(server)
        for handle in logs.values():
            handle.close()


def _wait_healthy(api_url: str, server: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"prefect server exited {server.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(api_url + "/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"prefect server not healthy after {timeout} s:\n{log.read_text(errors='replace')[-3000:]}")


def _api(env: dict[str, str], method: str, path: str, body: dict | None = None) -> object:
    request = urllib.request.Request(
        env["PREFECT_API_URL"] + path, method=method,
        data=json.dumps(body).encode() if body is not None else None, headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read() or b"null")


FINAL = ("COMPLETED", "FAILED", "CRASHED", "CANCELLED")


def _wait_for_runs(env: dict[str, str], deployment: str, count: int = 1, timeout: float = 150) -> list[dict]:
    """The deployment's flow runs once `count` of them are in a final state (the worker log on timeout)."""
    dep = _api(env, "GET", f"/deployments/name/{FLOW}/{deployment}")
    deadline = time.monotonic() + timeout
    runs: list[dict] = []
    while time.monotonic() < deadline:
        runs = _api(env, "POST", "/flow_runs/filter", {"deployments": {"id": {"any_": [dep["id"]]}}})
        if len(runs) >= count and all(r["state"]["type"] in FINAL for r in runs):
            return runs
        time.sleep(1)
    worker_log = (Path(env["_home"]) / "worker.log").read_text(errors="replace")[-4000:]
    pytest.fail(f"{deployment}: runs not finished in {timeout} s: {[r['state']['type'] for r in runs]}\n{worker_log}")


def _stored(env: dict[str, str]) -> list[tuple[str, str | None, str]]:
    with sqlite3.connect(env["LOAN_EXTRACTOR_DATABASE_URL"].removeprefix("sqlite:///")) as db:
        return sorted(db.execute("SELECT source, loan_id, status FROM documents").fetchall())


def _notification(bucket: str, key: str, size: int, etag: str) -> bytes:
    """MinIO's documented put notification (the fixture) for one object of our bucket."""
    body = json.loads(NOTIFICATION.read_text(encoding="utf-8"))
    body["Key"] = f"{bucket}/{key}"
    record = body["Records"][0]["s3"]
    record["bucket"] |= {"name": bucket, "arn": f"arn:aws:s3:::{bucket}"}
    record["object"] |= {"key": urllib.parse.quote_plus(key, safe=""), "size": size, "eTag": etag}
    return json.dumps(body).encode("utf-8")


def _bridge(env: dict[str, str]):
    """The bridge in this process on a free port, emitting through the Prefect API of `env`."""
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from loan_extractor.bridge.server import make_server
    from loan_extractor.commands.bridge import prefect_emitter

    with temporary_settings({PREFECT_API_URL: env["PREFECT_API_URL"]}):
        client = get_client(sync_client=True)
    emitter = prefect_emitter(client)
    server = make_server("127.0.0.1", 0, SecretStr(TOKEN), emitter.__enter__())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, emitter


def test_a_minio_notification_runs_single_object_and_stores_the_document(stack, s3_bucket) -> None:
    key = "incoming/L-1001/pay stub été +1.pdf"
    data = (SAMPLES / "L1001" / "pay_stub.pdf").read_bytes()
    s3_bucket.put("incoming/L-1001/other.pdf", (SAMPLES / "L1001" / "w2.pdf").read_bytes())  # must not be processed
    s3_bucket.put(key, data)
    etag = s3_bucket.client.head_object(Bucket=s3_bucket.name, Key=key)["ETag"].strip('"')
    server, emitter = _bridge(stack)
    try:
        body = _notification(s3_bucket.name, key, len(data), etag)
        for _ in range(2):  # MinIO redelivers until it gets a 2xx: the same event must start one run
            request = urllib.request.Request(server.url + "minio/events", data=body, method="POST", headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=30) as answer:
                assert json.loads(answer.read()) == {"emitted": 1, "ignored": 0}
        (run,) = _wait_for_runs(stack, "single-object")
    finally:
        server.shutdown()
        server.server_close()
        emitter.__exit__(None, None, None)
    assert run["state"]["type"] == "COMPLETED", run["state"]
    assert run["parameters"]["source"] == f"s3://{s3_bucket.name}/{key}"
    assert _stored(stack) == [(f"s3://{s3_bucket.name}/{key}", "L-1001", "processed")]
    time.sleep(2)
    assert len(_wait_for_runs(stack, "single-object")) == 1, "a redelivered notification started a second run"


def test_deployment_run_batch_processes_the_prefix(stack, s3_bucket) -> None:
    files = [SAMPLES / "L1002" / name for name in ("loan_application.pdf", "pay_stub.png")]
    for path in files:
        s3_bucket.put(f"inbox/L1002/{path.name}", path.read_bytes())
    before = {row[0] for row in _stored(stack)}
    _prefect(stack, "deployment", "run", f"{FLOW}/batch", "-p", f"source=s3://{s3_bucket.name}/inbox")
    (run,) = _wait_for_runs(stack, "batch")
    assert run["state"]["type"] == "COMPLETED", run["state"]
    new = [row for row in _stored(stack) if row[0] not in before]
    assert {(Path(src).name, loan) for src, loan, _ in new} == {(p.name, "L1002") for p in files}
    assert {status for _, _, status in new} == {"processed"}


def test_the_scheduled_quality_report_is_deployed_and_reads_the_stored_runs(stack) -> None:
    dep = _api(stack, "GET", "/deployments/name/quality-report/quality-report")
    assert [(s["schedule"]["cron"], s["active"]) for s in dep["schedules"]] == [("0 6 * * *", True)]
    started = _prefect(stack, "deployment", "run", "quality-report/quality-report", "-p", "days=1")
    run_id = re.search(r"UUID: ([0-9a-f-]{36})", started).group(1)  # the schedule's future runs aside
    deadline = time.monotonic() + 150
    while (run := _api(stack, "GET", f"/flow_runs/{run_id}"))["state"]["type"] not in FINAL and time.monotonic() < deadline:
        time.sleep(1)
    assert run["state"]["type"] == "COMPLETED", run["state"]
    artifacts = _api(stack, "POST", "/artifacts/filter", {"artifacts": {"flow_run_id": {"any_": [run["id"]]}}})
    summary = next(a for a in artifacts if a["key"] == "quality-summary")
    assert "stored results" in summary["description"] and "runs" in summary["description"]
    assert "| processed |" in summary["data"], "the period's documents are counted by status"
