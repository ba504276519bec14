"""`loan-extractor review list` and `loan-extractor review set DOC FIELD VALUE`: the review queue.

`list` shows every `needs_review` document with its reason and messages; `set` records a person's
correction of one field (normalised like the extraction) without changing what was extracted.
The reviewer is `--by`, else `LOAN_EXTRACTOR_REVIEWER`, else the operating-system user.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from loan_extractor.commands import EXIT_OK, EXIT_USAGE, CommandFailed, database
from loan_extractor.settings import Settings


def register(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = verbs.add_parser("review", help="documents needing review, and corrections of their fields")
    actions = parser.add_subparsers(dest="review_action", required=True)
    listing = actions.add_parser("list", help="show needs_review documents with their reasons")
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    listing.set_defaults(handler=list_queue)
    correct = actions.add_parser("set", help="record a correction of one field (the extraction is kept)")
    correct.add_argument("doc", metavar="DOC", help="document id or key, from `review list`")
    correct.add_argument("field", metavar="FIELD", help="a field of the document's type, or doc_type")
    correct.add_argument("value", metavar="VALUE")
    correct.add_argument("--by", help="who corrects (default: LOAN_EXTRACTOR_REVIEWER or the OS user)")
    correct.set_defaults(handler=set_value)


def list_queue(args: argparse.Namespace, settings: Settings) -> int:
    """Print the queue: a block per document, or JSON Lines with `--json`."""
    from loan_extractor.review import pending

    with database(settings) as engine:
        items = pending(engine)
    for item in items:
        print(json.dumps(item, ensure_ascii=False) if args.json else describe(item))
    if not args.json:
        print(f"{len(items)} document(s) need review", file=sys.stderr)
    return EXIT_OK


def describe(item: dict[str, Any]) -> str:
    """One document of the queue as lines of text."""
    head = f"#{item['id']} {item['source']}  loan {item['loan_id'] or '-'}  {item['doc_type'] or '-'}  {item['reason']}"
    fixed = [f"  corrected {c['field']}: {c['old_value']!r} -> {c['new_value']!r} by {c['reviewer']}" for c in item["corrections"]]
    return "\n".join([head, f"  key {item['doc_key']}", *(f"  - {m}" for m in item["messages"]), *fixed])


def set_value(args: argparse.Namespace, settings: Settings) -> int:
    """Record the correction and print it; 2 with the reason when the document, field or value is refused."""
    from loan_extractor.review import ReviewError, record_correction

    with database(settings) as engine:
        try:
            done = record_correction(engine, args.doc, args.field, args.value, args.by)
        except ReviewError as exc:
            raise CommandFailed(str(exc), EXIT_USAGE) from exc
    print(f"#{done.document_id} {done.field}: {done.old_value!r} -> {done.new_value!r} by {done.reviewer} at {done.corrected_at}")
    return EXIT_OK
