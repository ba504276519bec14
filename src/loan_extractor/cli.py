"""The `loan-extractor` command."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any, Sequence

from loan_extractor.errors import ToolMissingError
from loan_extractor.logs import configure_logging, prefect_env
from loan_extractor.settings import Settings

EXIT_USAGE = 2
EXIT_RUN_FAILED = 1


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args = _parser().parse_args(argv)
    settings = Settings()
    try:
        return args.handler(args, settings)
    except ToolMissingError as exc:
        print(f"loan-extractor: {exc}", file=sys.stderr)
        return EXIT_USAGE


def cmd_extract(args: argparse.Namespace, settings: Settings) -> int:
    """Print one JSON line per document; 0 when every file got a terminal status."""
    from loan_extractor.pipeline import process_files
    from loan_extractor.tools import tesseract
    from loan_extractor.tools.probe import check_tools

    configure_logging(settings.log_format, "WARNING" if not args.verbose else settings.log_level)
    missing = [p for p in args.files if not p.is_file()]
    if missing:
        print(f"loan-extractor: no such file: {', '.join(map(str, missing))}", file=sys.stderr)
        return EXIT_USAGE
    cfg = settings.pipeline_config()
    check_tools(cfg.ocr.language)
    tesseract.set_max_processes(settings.ocr_processes)
    for doc in process_files(args.files, cfg, settings.max_workers, date.today(), loan_id=args.loan_id):
        print(json.dumps(doc.to_output(), ensure_ascii=False), flush=True)
    return 0


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    """Run the parent flow over a source and print a summary (or JSON)."""
    prefect_env()
    configure_logging(settings.log_format, settings.log_level, attach_handler=False)
    from flows.pipeline import document_processing_pipeline

    state = document_processing_pipeline(source=args.source, loan_id=args.loan_id, limit=args.limit, return_state=True)
    result = state.result(raise_on_failure=False)
    if not isinstance(result, dict):
        print(f"loan-extractor: the run ended {state.name}: {state.message or result}", file=sys.stderr)
        return EXIT_RUN_FAILED
    print(json.dumps(result, indent=2, default=str) if args.json else summary_table(result))
    return 0 if state.is_completed() else EXIT_RUN_FAILED


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
        lines += ["", "anomalies:"] + [f"  {a['severity']:<8} {a['kind']:<18} loan {a['loan_id']}: {a['message']}" for a in result["anomalies"]]
    lines += ["", f"report: {result['report']['html']}"]
    return "\n".join(lines)


def cmd_samples(args: argparse.Namespace, settings: Settings) -> int:
    """Write a generated sample set with its truth file."""
    from loan_extractor.samples import write_sample_set

    truth = write_sample_set(args.dir, seed=args.seed, loans=args.loans)
    print(f"wrote samples to {args.dir} (truth: {truth})")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="loan-extractor", description=__doc__)
    verbs = parser.add_subparsers(dest="verb", required=True)

    extract = verbs.add_parser("extract", help="extract documents to JSON Lines (no server, no database)")
    extract.add_argument("files", nargs="+", type=Path, metavar="FILE")
    extract.add_argument("--loan-id", help="treat all files as one loan's documents (cross-document rules)")
    extract.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    extract.set_defaults(handler=cmd_extract)

    run = verbs.add_parser("run", help="run the pipeline flow over a folder")
    run.add_argument("source", nargs="?", default="samples", help="a folder (default: samples)")
    run.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    run.add_argument("--loan-id", help="an explicit loan id for every document")
    run.add_argument("--limit", type=int, help="process at most this many documents")
    run.set_defaults(handler=cmd_run)

    samples = verbs.add_parser("samples", help="write a generated sample set with its truth file")
    samples.add_argument("dir", type=Path)
    samples.add_argument("--seed", type=int, default=7)
    samples.add_argument("--loans", type=int, default=4)
    samples.set_defaults(handler=cmd_samples)
    return parser


if __name__ == "__main__":
    raise SystemExit(main())
