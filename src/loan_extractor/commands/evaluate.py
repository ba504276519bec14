"""`loan-extractor evaluate DIR --truth FILE`: accuracy against ground truth, as tables or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from loan_extractor.commands import EXIT_OK, EXIT_USAGE
from loan_extractor.logs import configure_logging
from loan_extractor.settings import Settings


def register(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = verbs.add_parser("evaluate", help="extract a folder and compare with a truth file")
    parser.add_argument("dir", type=Path, metavar="DIR")
    parser.add_argument("--truth", type=Path, required=True, metavar="FILE", help="truth JSON (default layout: DIR/truth.json)")
    parser.add_argument("--json", action="store_true", help="print the report as one JSON object")
    parser.add_argument("--by", action="append", metavar="KEY",
                        help="break down by doc_type or a meta key (repeatable; default: doc_type, quality_band, "
                             "format, layout_split)")
    parser.add_argument("--misses", type=int, default=20, metavar="N", help="misses listed in the table output")
    parser.set_defaults(handler=evaluate)


def evaluate(args: argparse.Namespace, settings: Settings) -> int:
    """Print the report; 0 whatever the scores are, 2 for a missing folder, truth file or truth-named file."""
    from loan_extractor.evaluation import DEFAULT_BY, evaluate_folder, load_truth, render_text
    from loan_extractor.tools import tesseract
    from loan_extractor.tools.probe import check_ocr_models

    configure_logging(settings.log_format, "WARNING")
    if not args.dir.is_dir() or not args.truth.is_file():
        print(f"loan-extractor: need a folder and a truth file: {args.dir}, {args.truth}", file=sys.stderr)
        return EXIT_USAGE
    cfg = settings.pipeline_config()
    check_ocr_models(cfg.ocr)
    tesseract.configure(settings.ocr_processes, settings.ocr_engine)
    try:
        report = evaluate_folder(args.dir, load_truth(args.truth), cfg, settings.max_workers, date.today(),
                                 tuple(args.by) if args.by else DEFAULT_BY)
    except (FileNotFoundError, ValueError) as error:
        print(f"loan-extractor: {error}", file=sys.stderr)
        return EXIT_USAGE
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else render_text(report, args.misses))
    return EXIT_OK
