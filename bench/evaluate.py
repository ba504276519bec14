"""Extraction accuracy on a generated evaluation set; writes the "Extraction accuracy" section of RESULTS.md.

    python bench/evaluate.py [--dir /tmp/loan-extractor-eval] [--seed 2026] [--per-cell 6] [--write]

The set is generated once per (seed, per-cell, split) into --dir (split `eval`: held-out layouts included; the
tests never use seed 2026), then evaluated with the same code as `loan-extractor evaluate`. `--split unseen`
draws only the unseen development layouts (no packages: they need a two-page statement layout) and `--split
train` the train and development ones, for work on extraction that must not look at the `eval` split;
`--split quirks` draws every unseen layout `--per-cell` times as a text-layer PDF the way real producers write
them (curly quotes, non-breaking spaces and hyphens, ligatures, kerned runs, overprinted bold, invisible text);
`--bands` narrows a set to some quality bands; `--font Mono` (or Sans, Serif) draws every document in that face
(the report breaks accuracy down by font either way); --write records only the whole `eval` split.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from datetime import date
from pathlib import Path

from loan_extractor.evaluation import evaluate_folder, load_truth
from loan_extractor.logs import configure_logging
from loan_extractor.samples import write_evaluation_set
from loan_extractor.samples.text_quirks import write_quirky_set
from loan_extractor.samples.variety import BANDS, FACES, FORCE_FONT
from loan_extractor.settings import Settings
from loan_extractor.tools import tesseract

RESULTS = Path(__file__).with_name("RESULTS.md")
TITLE = "## Extraction accuracy"
TARGETS = {"text": 0.99, "scan_300": 0.97, "jpeg_200_skew": 0.93}
_SPLITS = {"eval": "`eval` (held-out layouts included), foreign documents and loan packages",
           "train": "`train` (train and development layouts), foreign documents and loan packages",
           "unseen": "`unseen` (unseen development layouts) and foreign documents",
           "quirks": "`quirks` (every unseen development layout as a text-layer PDF with real producers' "
                     "quirks)"}
BY = ("quality_band", "doc_type", "layout_split", "format", "font")


def ensure_set(folder: Path, seed: int, per_cell: int, split: str = "eval", bands: list[str] | None = None,
               font: str | None = None) -> Path:
    """The set's truth file, generating the set when it is absent or was made with other parameters."""
    stamp, truth = folder / "set.json", folder / "truth.json"
    wanted = {"seed": seed, "per_cell": per_cell, "split": split, **({"bands": bands} if bands else {}),
              **({"font": font} if font else {})}
    if font:
        os.environ[FORCE_FONT] = font
    if not (truth.is_file() and stamp.is_file() and json.loads(stamp.read_text()) == wanted):
        if split == "quirks":
            write_quirky_set(folder, seed, per_cell)
        else:
            write_evaluation_set(folder, seed, per_cell, split=split, bands=tuple(bands or BANDS),
                                 packages=0 if split == "unseen" else 2)
        stamp.write_text(json.dumps(wanted))
    return truth


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def section(report: dict, command: str, seed: int, per_cell: int, split: str = "eval") -> str:
    """The markdown section: bands against targets, type accuracy, unknowns, names by script, layout split."""
    o = report["overall"]
    lines = [TITLE, "", f"Measured {date.today().isoformat()} with:", "", "```", command, "```", "",
             f"Set: seed {seed} (never used by tests), {per_cell} documents per "
             f"{'layout' if split == 'quirks' else '(quality band x type) cell'}, split "
             f"{_SPLITS[split]}; {o['documents']} documents "
             f"in {report['files']} files, evaluated in {report['seconds']} s.", "",
             "| quality band | documents | type accuracy | field accuracy | precision | recall | target |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for band, g in report["breakdowns"]["quality_band"].items():
        f = g["fields"]
        lines.append(f"| {band} | {g['documents']} | {_f(g['type_accuracy'])} | {_f(f['accuracy'])} | "
                     f"{_f(f['precision'])} | {_f(f['recall'])} | {TARGETS.get(band, '-')} |")
    f = o["fields"]
    lines.append(f"| **all** | {o['documents']} | {_f(o['type_accuracy'])} | {_f(f['accuracy'])} | {_f(f['precision'])} "
                 f"| {_f(f['recall'])} | |")
    names = report["names"]
    ascii_acc = names.get("ascii", {}).get("accuracy")
    dia_acc = names.get("latin_diacritics", {}).get("accuracy")
    ratio = _f(dia_acc / ascii_acc) if ascii_acc and dia_acc is not None else "-"
    lines += ["", f"- Type accuracy: {_f(o['type_accuracy'])} (target 0.99).",
              f"- Unknown documents: {o['unknown_documents']}; fields invented on them: {o['invented_on_unknown']} "
              f"(target 0); extra documents: {len(report['extra_documents'])}.",
              f"- Name accuracy: ASCII {_f(ascii_acc)} ({names.get('ascii', {}).get('correct')}/"
              f"{names.get('ascii', {}).get('total')}), diacritics {_f(dia_acc)} "
              f"({names.get('latin_diacritics', {}).get('correct')}/{names.get('latin_diacritics', {}).get('total')}); "
              f"ratio {ratio} (target >= 0.9).", "",
              "| layout split | documents | type accuracy | field accuracy |", "| --- | ---: | ---: | ---: |"]
    for split, g in report["breakdowns"]["layout_split"].items():
        lines.append(f"| {split} | {g['documents']} | {_f(g['type_accuracy'])} | {_f(g['fields']['accuracy'])} |")
    lines += ["", "| document type | documents | type accuracy | field accuracy |", "| --- | ---: | ---: | ---: |"]
    for doc_type, g in report["breakdowns"]["doc_type"].items():
        lines.append(f"| {doc_type} | {g['documents']} | {_f(g['type_accuracy'])} | {_f(g['fields']['accuracy'])} |")
    return "\n".join(lines) + "\n"


def write_section(text: str, path: Path = RESULTS, title: str = TITLE) -> None:
    """Replace the section `title` in RESULTS.md (up to the next `## ` heading), or append it; other sections stay."""
    old = path.read_text(encoding="utf-8") if path.is_file() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(title)}\n.*?(?=^## |\Z)", re.S | re.M)
    new = pattern.sub(lambda _: text + "\n", old) if pattern.search(old) else old.rstrip("\n") + "\n\n" + text
    path.write_text(new, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Generate (once), evaluate, print the section; with --write, store it in RESULTS.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=Path("/tmp/loan-extractor-eval"))
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--per-cell", type=int, default=6)
    parser.add_argument("--split", choices=("eval", "unseen", "train", "quirks"), default="eval")
    parser.add_argument("--bands", nargs="+", help="only these quality bands (not with --write)")
    parser.add_argument("--font", choices=sorted(FACES), help="draw every document in this face (not with --write)")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--report", type=Path, help="also save the full JSON report here")
    args = parser.parse_args(argv)
    if args.write and (args.split != "eval" or args.bands or args.font):
        parser.error("--write records the whole `eval` split only")
    settings = Settings()
    configure_logging(settings.log_format, "WARNING")
    tesseract.configure(settings.ocr_processes, settings.ocr_engine)
    truth = ensure_set(args.dir, args.seed, args.per_cell, args.split, args.bands, args.font)
    report = evaluate_folder(args.dir, load_truth(truth), settings.pipeline_config(), settings.max_workers,
                             date.today(), BY)
    if args.report:
        args.report.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    command = " ".join(["python bench/evaluate.py", *(argv if argv is not None else sys.argv[1:])])
    text = section(report, command, args.seed, args.per_cell, args.split)
    print(text)
    if args.write:
        write_section(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
