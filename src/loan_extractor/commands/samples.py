"""`loan-extractor samples DIR`: a generated sample set with its truth file."""

from __future__ import annotations

import argparse
from pathlib import Path

from loan_extractor.commands import EXIT_OK
from loan_extractor.settings import Settings


def register(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = verbs.add_parser("samples", help="write a generated sample set with its truth file")
    parser.add_argument("dir", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--loans", type=int, default=4)
    parser.add_argument("--tax-year", type=int, help="pin the W-2 tax year (default: last year)")
    parser.set_defaults(handler=samples)


def samples(args: argparse.Namespace, settings: Settings) -> int:
    """Write the set and say where the truth file is."""
    from loan_extractor.samples import write_sample_set

    truth = write_sample_set(args.dir, seed=args.seed, loans=args.loans, tax_year=args.tax_year)
    print(f"wrote samples to {args.dir} (truth: {truth})")
    return EXIT_OK
