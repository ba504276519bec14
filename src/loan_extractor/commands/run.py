"""`loan-extractor run [SOURCE] [--json]`: the parent flow, then a summary table or one JSON object."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from loan_extractor.commands import EXIT_FAILED, EXIT_OK
from loan_extractor.logs import configure_logging, prefect_env
from loan_extractor.models import RUN_LEVEL_KINDS
from loan_extractor.settings import Settings


def register(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = verbs.add_parser("run", help="run the pipeline flow over a source")
    parser.add_argument("source", nargs="?", default="samples", help="a folder (default: samples)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    parser.add_argument("--loan-id", help="an explicit loan id for every document")
    parser.add_argument("--limit", type=int, help="process at most this many documents")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run the flow; exit 1 when it ended Failed (some document `failed`)."""
    prefect_env()
    configure_logging(settings.log_format, settings.log_level, attach_handler=False)
    from flows.pipeline import document_processing_pipeline

    state = document_processing_pipeline(source=args.source, loan_id=args.loan_id, limit=args.limit, return_state=True)
    result = state.result(raise_on_failure=False)
    if not isinstance(result, dict):
        print(f"loan-extractor: the run ended {state.name}: {state.message or result}", file=sys.stderr)
        return EXIT_FAILED
    print(json.dumps(result, indent=2, default=str) if args.json else summary_table(result))
    return EXIT_OK if state.is_completed() else EXIT_FAILED


def summary_table(result: dict[str, Any]) -> str:
    """Counts per status and reason, the anomalies, and where the report is."""
    lines = [f"run {result['run_id']}  source {result['source']}", "", f"{'status':<14}{'documents':>10}"]
    lines += [f"{status:<14}{n:>10}" for status, n in result["counts"].items()]
    reasons: dict[str, int] = {}
    for doc in result["documents"]:
        if doc["reason"]:
            reasons[doc["reason"]] = reasons.get(doc["reason"], 0) + 1
    if reasons:
        lines += ["", f"{'reason':<22}{'documents':>10}"] + [f"{r:<22}{n:>10}" for r, n in sorted(reasons.items())]
    if result["anomalies"]:
        lines += ["", "anomalies:"]
        lines += [f"  {a['severity']:<8} {a['kind']:<18} {_scope(a)}: {a['message']}" for a in result["anomalies"]]
    lines += ["", f"report: {result['report']['html']}"]
    return "\n".join(lines)


def _scope(anomaly: dict[str, Any]) -> str:
    """`loan L1003`, `run` for a run-level anomaly (failure spike, OCR drift, ...), or `no loan`."""
    if anomaly["loan_id"]:
        return f"loan {anomaly['loan_id']}"
    return "run" if anomaly["kind"] in RUN_LEVEL_KINDS else "no loan"
