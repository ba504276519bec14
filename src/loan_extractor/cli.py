"""The `loan-extractor` command: document processing for mortgage and consumer lending."""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from loan_extractor.commands import EXIT_USAGE, CommandFailed, register_all
from loan_extractor.errors import ToolMissingError
from loan_extractor.settings import Settings


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; each verb lives in `loan_extractor.commands`."""
    parser = argparse.ArgumentParser(prog="loan-extractor", description=__doc__)
    register_all(parser.add_subparsers(dest="verb", required=True))
    args = parser.parse_args(argv)
    try:
        return args.handler(args, Settings())
    except ToolMissingError as exc:
        print(f"loan-extractor: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CommandFailed as exc:
        print(f"loan-extractor: {exc}", file=sys.stderr)
        return exc.code


if __name__ == "__main__":
    raise SystemExit(main())
