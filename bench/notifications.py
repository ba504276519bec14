"""MinIO notifications to flow runs: the latency to a run's start, and a burst that must lose nothing.

    .venv/bin/python bench/notifications.py [--latency 5] [--burst 200] [--redeliver 20] [--concurrency 2]

Starts the production path with real processes: moto's S3 server (for MinIO), `prefect server start`
on PostgreSQL (fresh databases on 127.0.0.1:5432, dropped afterwards), the deployments of prefect.yaml
(`prefect deploy --all`), a process worker polling every second as in docker-compose.yml, a work-pool
concurrency limit, and `loan-extractor bridge`. Then
1. latency: one object at a time, POST its notification and time the flow run's creation (the
   trigger) and its start (the worker picked it up and the flow began), waiting for each run to end;
2. burst: put N distinct objects, POST their N notifications at once from 8 threads plus some
   redeliveries of the same events (MinIO retries), and count the runs and stored documents.
Objects are the committed text-layer pay stub with a unique trailing PDF comment each, so each has its
own sha256 and the runs cost orchestration rather than OCR. Prints markdown for bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from stack import Stack, api, start_stack  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DOCUMENT = REPO / "samples" / "L1001" / "pay_stub.pdf"
NOTIFICATION = REPO / "tests" / "fixtures" / "minio" / "put-notification.json"
FLOW, DEPLOYMENT = "document-processing-pipeline", "single-object"
FINAL = ("COMPLETED", "FAILED", "CRASHED", "CANCELLED")


def notification(bucket: str, key: str, size: int, etag: str) -> bytes:
    """MinIO's documented put notification (the tests' fixture) for one object."""
    body = json.loads(NOTIFICATION.read_text(encoding="utf-8"))
    body["Key"] = f"{bucket}/{key}"
    record = body["Records"][0]["s3"]
    record["bucket"] |= {"name": bucket, "arn": f"arn:aws:s3:::{bucket}"}
    record["object"] |= {"key": urllib.parse.quote_plus(key, safe=""), "size": size, "eTag": etag, "sequencer": etag[:16]}
    return json.dumps(body).encode("utf-8")


def put_object(stack: Stack, key: str, number: int) -> bytes:
    """Upload the pay stub with a unique trailing comment; its notification body."""
    data = DOCUMENT.read_bytes() + f"\n%bench-object {number}\n".encode()
    answer = stack.s3.put_object(Bucket=stack.bucket, Key=key, Body=data)
    return notification(stack.bucket, key, len(data), answer["ETag"].strip('"'))


def runs_by_source(stack: Stack) -> dict[str, list[dict]]:
    """The single-object deployment's flow runs, grouped by their `source` parameter."""
    runs: list[dict] = []
    while True:
        body = {"deployments": {"id": {"any_": [stack.deployment_id]}}, "limit": 200, "offset": len(runs)}
        page = api(stack.env, "POST", "/flow_runs/filter", body)
        runs += page
        if len(page) < 200:
            break
    grouped: dict[str, list[dict]] = {}
    for run in runs:
        grouped.setdefault(run["parameters"].get("source", ""), []).append(run)
    return grouped


def when(stamp: str | None) -> float | None:
    return datetime.fromisoformat(stamp).timestamp() if stamp else None


def _reached(runs: list[dict], started_only: bool) -> bool:
    return any(r["start_time"] if started_only else r["state"]["type"] in FINAL for r in runs)


def wait_for(stack: Stack, sources: list[str], timeout: float, started_only: bool = False) -> dict[str, list[dict]]:
    """Poll until every source has a run that has started (or ended); the runs found by then."""
    deadline = time.monotonic() + timeout
    while True:
        runs = runs_by_source(stack)
        if all(_reached(runs.get(s, []), started_only) for s in sources) or time.monotonic() > deadline:
            return runs
        time.sleep(0.2 if started_only else 2)


def measure_latency(stack: Stack, count: int) -> list[dict]:
    """POST one notification at a time; seconds from the POST to the run's creation and start."""
    rows = []
    for number in range(count):
        key = f"latency/L{number:03d}/pay_stub.pdf"
        body = put_object(stack, key, number)
        posted = time.time()
        stack.post(body)
        source = f"s3://{stack.bucket}/{key}"
        (run,) = wait_for(stack, [source], timeout=120, started_only=True)[source]
        states = {st["type"]: when(st["timestamp"]) for st in api(stack.env, "GET", f"/flow_run_states/?flow_run_id={run['id']}")}
        rows.append({"created": when(run["created"]) - posted, "pending": states.get("PENDING", posted) - posted,
                     "started": when(run["start_time"]) - posted})
        (final,) = wait_for(stack, [source], timeout=300)[source]
        rows[-1]["state"] = final["state"]["type"]
    return rows


def measure_burst(stack: Stack, count: int, redeliver: int) -> dict:
    """N notifications at once (plus redeliveries); runs, stored documents and duplicates once all ended."""
    bodies = {f"s3://{stack.bucket}/burst/B{n:03d}/pay_stub.pdf": put_object(stack, f"burst/B{n:03d}/pay_stub.pdf", 1000 + n) for n in range(count)}
    posts = list(bodies.values()) + list(bodies.values())[:redeliver]
    started = time.time()
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(stack.post, posts))
    posted = time.time() - started
    grouped = wait_for(stack, list(bodies), timeout=3600)
    runs = [run for source in bodies for run in grouped.get(source, [])]
    stored = stack.stored_documents("burst/")
    return {
        "notifications": len(posts), "accepted": sum(1 for a in answers if a == 200), "post_seconds": posted,
        "runs": len(runs), "objects_with_runs": sum(1 for s in bodies if grouped.get(s)),
        "completed": sum(1 for r in runs if r["state"]["type"] == "COMPLETED"),
        "stored": len(stored), "distinct_stored": len(set(stored)), "objects": count,
        "wall_seconds": max((when(r["end_time"]) or started) for r in runs) - started if runs else 0.0,
        "start_delays": sorted(when(r["start_time"]) - started for r in runs if r["start_time"]),
    }


def print_results(args: argparse.Namespace, latency: list[dict], burst: dict | None) -> None:
    print(f"\nMeasured {datetime.now():%Y-%m-%d %H:%M} (load average {os.getloadavg()[0]:.1f}), pool concurrency {args.concurrency}, worker poll 1 s\n")
    print("| notification | POST to run created s | to worker submitting it (Pending) s | to run started (Running) s | final state |\n|---|---:|---:|---:|---|")
    for i, row in enumerate(latency, 1):
        print(f"| {i} | {row['created']:.2f} | {row['pending']:.2f} | {row['started']:.2f} | {row['state']} |")
    if latency:
        starts = [r["started"] for r in latency]
        print(f"\nPOST to run start: median {statistics.median(starts):.2f} s, max {max(starts):.2f} s (target <= 5 s)")
    if burst:
        delays = burst["start_delays"]
        print(f"\nBurst: {burst['notifications']} notifications ({burst['objects']} objects + {burst['notifications'] - burst['objects']} redeliveries) "
              f"posted in {burst['post_seconds']:.1f} s, {burst['accepted']} accepted; {burst['runs']} flow runs, {burst['completed']} completed; "
              f"{burst['stored']} documents stored, {burst['distinct_stored']} distinct (target {burst['objects']}, no duplicates); "
              f"all done in {burst['wall_seconds']:.0f} s; run starts after the burst began: median "
              f"{statistics.median(delays):.0f} s, last {delays[-1]:.0f} s" if delays else "no run started")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--latency", type=int, default=5, help="notifications timed one at a time")
    parser.add_argument("--burst", type=int, default=200, help="objects notified at once (0: no burst)")
    parser.add_argument("--redeliver", type=int, default=20, help="of those, notifications posted twice")
    parser.add_argument("--concurrency", type=int, default=2, help="the work pool's concurrency limit")
    args = parser.parse_args()
    with ExitStack() as stack_exit:
        stack = start_stack(stack_exit, args.concurrency)
        latency = measure_latency(stack, args.latency)
        burst = measure_burst(stack, args.burst, args.redeliver) if args.burst else None
    print_results(args, latency, burst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
