"""`loan-extractor blocks register`: create or update the Prefect blocks from the environment or `.env`."""

from __future__ import annotations

import argparse
import sys

from loan_extractor.commands import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from loan_extractor.settings import Settings


def register(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = verbs.add_parser("blocks", help="manage the Prefect blocks holding the service's connections")
    actions = parser.add_subparsers(dest="blocks_action", metavar="ACTION")
    actions.add_parser("register", help="create or update the S3, database, Slack and email blocks that are configured")
    parser.set_defaults(handler=blocks)


def blocks(args: argparse.Namespace, settings: Settings) -> int:
    """Register the configured blocks on the Prefect server of `PREFECT_API_URL` (a temporary one if unset)."""
    if getattr(args, "blocks_action", None) != "register":
        print("loan-extractor blocks: say what to do: register", file=sys.stderr)
        return EXIT_USAGE
    from loan_extractor.logs import prefect_env

    prefect_env()
    from blocks.register import register_blocks

    try:
        names = register_blocks()
    except ValueError as exc:  # a block's variables are incomplete; the message names them, never their values
        print(f"loan-extractor blocks register: {exc}", file=sys.stderr)
        return EXIT_FAILED
    for name in names:
        print(name)
    if not names:
        print("no blocks configured: set LOAN_EXTRACTOR_S3_BUCKET, LOAN_EXTRACTOR_DATABASE_URL, "
              "LOAN_EXTRACTOR_SLACK_WEBHOOK_URL or LOAN_EXTRACTOR_SMTP_HOST/_FROM/_TO", file=sys.stderr)  # fmt: skip
    return EXIT_OK
