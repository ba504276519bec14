"""Cross-document consistency on generated loans with planted inconsistencies; the "Cross-document consistency"
section of RESULTS.md.

    python bench/consistency.py [--loans 24] [--seed 31] [--dir /tmp/loan-extractor-consistency] [--write]

The sample generator (`write_sample_set`) cycles its loans through consistent (text-layer PDFs),
consistent (scans) and one planted inconsistency each: income, name, employer, SSN (mixed formats).
The loan folders (not the top-level bad inputs) go through the domain path without Prefect or a
database (`loan_extractor.pipeline.process_source` over the folder, what `process_files` runs for
named files; the folder gives each document its loan id), so the per-loan rules and the batch's
outlier test run as in a flow with no history. Per planted kind: loans, loans flagged with that
kind, loans flagged with another kind too; for consistent loans: loans flagged at all (false alarms).
Seed 31 is not used by the tests.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

from evaluate import write_section  # bench/ is the script's folder

from loan_extractor.logs import configure_logging
from loan_extractor.models import Document
from loan_extractor.pipeline import process_source
from loan_extractor.samples import write_sample_set
from loan_extractor.settings import Settings
from loan_extractor.sources import LocalFolder
from loan_extractor.tools import tesseract

TITLE = "## Cross-document consistency"
CONSISTENT = "consistent"


def loan_folders(root: Path, seed: int, loans: int) -> tuple[Path, dict[str, str]]:
    """A folder holding only the generated loan folders, and each loan's planted kind (or `consistent`)."""
    generated = root / "generated"
    truth = json.loads(write_sample_set(generated, seed=seed, loans=loans).read_text())
    planted: dict[str, str] = {}
    for entry in truth.values():
        if entry.get("loan_id"):
            planted[entry["loan_id"]] = entry["meta"].get("planted") or CONSISTENT
    only_loans = root / "loans"
    for loan_id in planted:
        shutil.copytree(generated / loan_id, only_loans / loan_id, dirs_exist_ok=True)
    return only_loans, planted


def flagged(docs: list[Document]) -> dict[str, dict[str, str]]:
    """Each loan's anomaly kinds, each with a label naming the field of an outlier (`outlier (w2.wages)`)."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for doc in docs:
        for a in doc.anomalies if doc.loan_id else ():
            field = f" ({a.figures['doc_type']}.{a.figures['field']})" if "field" in a.figures else ""
            found[doc.loan_id][a.kind] = a.kind + field
    return found


def tally(planted: dict[str, str], kinds: dict[str, set[str]]) -> dict[str, dict[str, int]]:
    """Per planted kind: loans, flagged with that kind, flagged with another kind (any kind, for consistent loans)."""
    rows: dict[str, dict[str, int]] = defaultdict(lambda: {"loans": 0, "right": 0, "other": 0})
    for loan_id, kind in planted.items():
        found, row = kinds.get(loan_id, set()), rows[kind]
        row["loans"] += 1
        row["right"] += kind in found
        row["other"] += bool(found - {kind})
    return dict(rows)


def section(rows: dict[str, dict[str, int]], command: str, docs: int, seconds: float, others: dict[str, int]) -> str:
    """The markdown section for RESULTS.md."""
    lines = [TITLE, "", f"Measured {date.today().isoformat()} with:", "", "```", command, "```", "",
             f"{sum(r['loans'] for r in rows.values())} loans, {docs} documents, through the domain path in {seconds:.0f} s.", "",
             "| planted | loans | flagged with that kind | flagged with another kind |", "| --- | ---: | ---: | ---: |"]  # fmt: skip
    for kind in sorted(k for k in rows if k != CONSISTENT):
        r = rows[kind]
        lines.append(f"| {kind} | {r['loans']} | {r['right']} | {r['other']} |")
    c = rows.get(CONSISTENT, {"loans": 0, "other": 0})
    lines += ["", "| consistent loans | loans | flagged (false alarms) |", "| --- | ---: | ---: |",
              f"| {CONSISTENT} | {c['loans']} | {c['other']} |"]  # fmt: skip
    if others:
        lines += ["", "Kinds behind the other flags: " + ", ".join(f"{k} {n}" for k, n in sorted(others.items())) + "."]
    return "\n".join(lines) + "\n"


def other_kinds(planted: dict[str, str], found: dict[str, dict[str, str]]) -> dict[str, int]:
    """How many loans carry each kind (labelled) they were not planted with."""
    counts: dict[str, int] = defaultdict(int)
    for loan_id, kind in planted.items():
        for extra, label in found.get(loan_id, {}).items():
            counts[label] += extra != kind
    return {label: n for label, n in counts.items() if n}


def main(argv: list[str] | None = None) -> int:
    """Generate, process, print the section; with --write, store it in RESULTS.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loans", type=int, default=24)
    parser.add_argument("--seed", type=int, default=31)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/loan-extractor-consistency"))
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    configure_logging("console", "WARNING")
    settings = Settings()
    tesseract.configure(settings.ocr_processes, settings.ocr_engine)
    shutil.rmtree(args.dir, ignore_errors=True)
    folder, planted = loan_folders(args.dir, args.seed, args.loans)
    started = time.monotonic()
    docs = process_source(LocalFolder(folder), settings.pipeline_config(), settings.max_workers, date.today())
    seconds = time.monotonic() - started
    found = flagged(docs)
    kinds = {loan_id: set(labels) for loan_id, labels in found.items()}
    command = f"python bench/consistency.py --loans {args.loans} --seed {args.seed} --write"
    text = section(tally(planted, kinds), command, len(docs), seconds, other_kinds(planted, found))
    print(text)
    if args.write:
        write_section(text, title=TITLE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
