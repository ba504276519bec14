"""The event path as real processes, for benchmarks: S3 (moto's server), Prefect server on PostgreSQL,
the deployments of prefect.yaml, a process worker and the bridge. Everything started is stopped on exit.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import psycopg2

from loan_extractor.tools._run import stop_group

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
POSTGRES = "postgresql://root@127.0.0.1:5432"
TOKEN = "bench-bridge-token"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def api(env: dict[str, str], method: str, path: str, body: dict | None = None) -> Any:
    """One Prefect REST call."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(env["PREFECT_API_URL"] + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read() or b"null")


@dataclass
class Stack:
    env: dict[str, str]
    s3: Any
    bucket: str
    deployment_id: str
    bridge_url: str
    documents_db: str

    def post(self, body: bytes) -> int:
        """POST a notification to the bridge as MinIO does; the HTTP status."""
        request = urllib.request.Request(self.bridge_url + "minio/events", data=body, method="POST",
                                         headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                return answer.status
        except urllib.error.HTTPError as exc:
            return exc.code

    def stored_documents(self, prefix: str) -> list[str]:
        """The `source` of every stored document whose key starts with `prefix`."""
        with psycopg2.connect(f"{POSTGRES}/{self.documents_db}") as conn, conn.cursor() as cur:
            cur.execute("SELECT source FROM documents WHERE source LIKE %s", (f"s3://{self.bucket}/{prefix}%",))
            return [row[0] for row in cur.fetchall()]


def start_stack(exit_stack: ExitStack, concurrency: int) -> Stack:
    """Start every process of the event path; `exit_stack` stops them and drops the databases."""
    home = Path(exit_stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-events-")))
    tag = f"bench_{os.getpid()}"
    prefect_db, documents_db = _database(exit_stack, f"{tag}_prefect"), _database(exit_stack, f"{tag}_documents")
    s3_url, bucket = _s3(exit_stack), "incoming"
    port, bridge_port = free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "LOAN_EXTRACTOR_", "AWS_"))} | {
        "PREFECT_HOME": str(home / "prefect-home"),
        "PREFECT_API_URL": f"http://127.0.0.1:{port}/api",
        "PREFECT_API_DATABASE_CONNECTION_URL": f"postgresql+asyncpg://root@127.0.0.1:5432/{prefect_db}",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_UI_ENABLED": "false",
        "PREFECT_WORKER_QUERY_SECONDS": "1",
        "PREFECT_LOGGING_EXTRA_LOGGERS": "loan_extractor",
        "LOAN_EXTRACTOR_DATABASE_URL": f"postgresql+psycopg2://root@127.0.0.1:5432/{documents_db}",
        "LOAN_EXTRACTOR_DATA_DIR": str(home / "data"),
        "LOAN_EXTRACTOR_BRIDGE_TOKEN": TOKEN,
        "AWS_ENDPOINT_URL": s3_url, "AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench-secret",
        "AWS_DEFAULT_REGION": "us-east-1", "OMP_THREAD_LIMIT": "1",
    }  # fmt: skip
    s3 = boto3.client("s3", endpoint_url=s3_url, aws_access_key_id="bench", aws_secret_access_key="bench-secret", region_name="us-east-1")
    s3.create_bucket(Bucket=bucket)
    _process(exit_stack, env, home, "server", ["prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)])
    _wait(lambda: api(env, "GET", "/health"), "prefect server")
    _prefect(env, "work-pool", "create", "loan-extractor", "--type", "process", "--overwrite")
    _prefect(env, "work-pool", "set-concurrency-limit", "loan-extractor", str(concurrency))
    _prefect(env, "deploy", "--all")
    subprocess.run([str(BIN / "loan-extractor"), "db", "upgrade"], env=env, check=True, capture_output=True, timeout=120)
    _process(exit_stack, env, home, "worker", ["prefect", "worker", "start", "--pool", "loan-extractor", "--type", "process"])
    _process(exit_stack, env, home, "bridge", ["loan-extractor", "bridge", "--host", "127.0.0.1", "--port", str(bridge_port)])
    bridge_url = f"http://127.0.0.1:{bridge_port}/"
    _wait(lambda: urllib.request.urlopen(urllib.request.Request(bridge_url, method="HEAD"), timeout=2), "bridge")
    deployment = api(env, "GET", "/deployments/name/document-processing-pipeline/single-object")
    return Stack(env, s3, bucket, deployment["id"], bridge_url, documents_db)


def _database(exit_stack: ExitStack, name: str) -> str:
    def admin(sql: str) -> None:
        conn = psycopg2.connect(f"{POSTGRES}/postgres")
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(sql)
        conn.close()

    admin(f'DROP DATABASE IF EXISTS "{name}"')
    admin(f'CREATE DATABASE "{name}"')
    exit_stack.callback(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return name


def _s3(exit_stack: ExitStack) -> str:
    from moto.server import ThreadedMotoServer

    port = free_port()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per S3 request otherwise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    exit_stack.callback(server.stop)
    return f"http://127.0.0.1:{port}"


def _process(exit_stack: ExitStack, env: dict[str, str], home: Path, name: str, argv: list[str]) -> None:
    log = (home / f"{name}.log").open("wb")
    proc = subprocess.Popen([str(BIN / argv[0]), *argv[1:]], env=env, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    exit_stack.callback(log.close)
    exit_stack.callback(stop_group, proc)


def _prefect(env: dict[str, str], *args: str) -> None:
    done = subprocess.run([str(BIN / "prefect"), "--no-prompt", *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=180)
    if done.returncode != 0:
        raise RuntimeError(f"prefect {' '.join(args)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")


def _wait(probe: Any, what: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            probe()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{what} not up after {timeout} s") from None
            time.sleep(0.5)
