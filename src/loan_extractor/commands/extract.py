"""`loan-extractor extract FILE...`: JSON Lines per the document contract, no server, no database."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from loan_extractor.commands import EXIT_OK, EXIT_USAGE
from loan_extractor.logs import configure_logging
from loan_extractor.models import Document
from loan_extractor.settings import Settings


def register(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = verbs.add_parser("extract", help="extract documents to JSON Lines (no server, no database)")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.add_argument("--loan-id", help="treat all files as one loan's documents (cross-document rules)")
    parser.add_argument("--boxes", action="store_true", help="add each read field's page and box (PDF points from the top left)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    parser.set_defaults(handler=extract)


def extract(args: argparse.Namespace, settings: Settings) -> int:
    """Print one JSON line per document; 0 when every file got a terminal status."""
    from loan_extractor.pipeline import process_files
    from loan_extractor.tools import tesseract
    from loan_extractor.tools.probe import check_ocr_models

    configure_logging(settings.log_format, settings.log_level if args.verbose else "WARNING")
    missing = [p for p in args.files if not p.is_file()]
    if missing:
        print(f"loan-extractor: no such file: {', '.join(map(str, missing))}", file=sys.stderr)
        return EXIT_USAGE
    cfg = settings.pipeline_config()
    check_ocr_models(cfg.ocr)
    tesseract.configure(settings.ocr_processes, settings.ocr_engine)
    for doc in process_files(args.files, cfg, settings.max_workers, date.today(), loan_id=args.loan_id):
        line = doc.to_output() | ({"boxes": field_boxes(doc)} if args.boxes else {})
        print(json.dumps(line, ensure_ascii=False), flush=True)
    return EXIT_OK


def field_boxes(doc: Document) -> dict[str, dict[str, float]]:
    """Where each field with a value was read: page number and box in PDF points from the page's top left."""
    read = {name for name, value in doc.to_output()["fields"].items() if value is not None}
    return {name: dict(zip(("page", "x0", "y0", "x1", "y1"), box)) for name, box in sorted(doc.boxes.items()) if name in read}
