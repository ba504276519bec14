"""Does each preprocessing step pay for itself? Field accuracy on the degraded bands with each step off, and
with two candidate steps on; the "Preprocessing" section of RESULTS.md.

    python bench/preprocessing.py [--dir /tmp/loan-extractor-preprocessing] [--seed 61] [--per-cell 3] [--write]

The set: split `train` (no held-out layout), seed 61 (not the evaluation's 2026, not used by the tests),
the scanned bands only (300 DPI, 200-DPI JPEG with skew, 150 DPI, turned 90/180 degrees). Each variant
runs the `extract` path over the same files in this process, with one step changed:
- no deskew: pages are never rotated by their estimated skew;
- no denoise: noisy pages are not median-filtered;
- no orientation: pages read upside down or sideways are not turned by tesseract's OSD;
- upscale: pages under 200 DPI are enlarged (bicubic) to 300 DPI before OCR (a candidate, off in the code);
- binarise: pages are thresholded (Otsu) before OCR (a candidate, off in the code).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from unittest import mock

import cv2

from evaluate import write_section  # bench/ is the script's folder

from loan_extractor.evaluation import evaluate_folder, load_truth
from loan_extractor.logs import configure_logging
from loan_extractor.samples import write_evaluation_set
from loan_extractor.settings import Settings
from loan_extractor.stages import extract, preprocess
from loan_extractor.tools import tesseract

TITLE = "## Preprocessing"
BANDS = ("scan_300", "jpeg_200_skew", "low_150", "rotated")


def _with_page_change(change: Callable) -> Callable:
    """`prepare_page` with the page image changed first: `change(gray, pixel_dpi) -> (gray, pixel_dpi)`."""
    original = preprocess.prepare_page

    def prepare(gray, number, pixel_dpi, source_dpi, out_dir):
        gray, pixel_dpi = change(gray, pixel_dpi)
        return original(gray, number, pixel_dpi, source_dpi, out_dir)

    return prepare


def _upscale(gray, dpi):
    if dpi >= 200:
        return gray, dpi
    factor = 300 / dpi
    return cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC), 300.0


def _binarise(gray, dpi):
    return cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)[1], dpi


VARIANTS: dict[str, list[tuple[object, str, object]]] = {
    "as shipped": [],
    "no deskew": [(preprocess, "_MIN_DESKEW_DEGREES", math.inf)],
    "no denoise": [(preprocess, "_NOISE_SIGMA", math.inf), (preprocess, "_SPECKLE_SHARE", math.inf)],
    "no orientation": [(extract, "MIN_OSD_CONFIDENCE", math.inf)],
    "upscale < 200 DPI": [(preprocess, "prepare_page", _with_page_change(_upscale))],
    "binarise": [(preprocess, "prepare_page", _with_page_change(_binarise))],
}


@contextmanager
def _patched(changes: list[tuple[object, str, object]]) -> Iterator[None]:
    patches = [mock.patch.object(module, name, value) for module, name, value in changes]
    for patch in patches:
        patch.start()
    try:
        yield
    finally:
        for patch in reversed(patches):
            patch.stop()


def measure(folder: Path, per_cell: int, seed: int) -> dict[str, dict[str, float]]:
    """Field accuracy per band (and overall) for each variant."""
    truth_path = folder / "truth.json"
    if not truth_path.is_file():
        write_evaluation_set(folder, seed, per_cell, split="train", bands=BANDS, packages=0)
    truth, settings = load_truth(truth_path), Settings()
    results = {}
    for name, changes in VARIANTS.items():
        with _patched(changes):
            report = evaluate_folder(folder, truth, settings.pipeline_config(), settings.max_workers, date.today())
        bands = report["breakdowns"]["quality_band"]
        results[name] = {band: bands[band]["fields"]["accuracy"] for band in BANDS if band in bands}
        results[name]["all"] = report["overall"]["fields"]["accuracy"]
        print(name, json.dumps(results[name]), file=sys.stderr)
    return results


def section(results: dict[str, dict[str, float]], command: str, documents: int) -> str:
    head = "| variant | " + " | ".join(BANDS) + " | all |"
    lines = [TITLE, "", f"Measured {date.today()} with:", "", "```", command, "```", "",
             f"{documents} scanned documents (split `train`, seed 61, layouts the evaluation also draws but none held out).",
             "Field accuracy per quality band:", "", head, "| --- |" + " ---: |" * (len(BANDS) + 1)]
    for name, values in results.items():
        lines.append(f"| {name} | " + " | ".join(f"{values.get(b, float('nan')):.3f}" for b in (*BANDS, "all")) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=Path("/tmp/loan-extractor-preprocessing"))
    parser.add_argument("--seed", type=int, default=61)
    parser.add_argument("--per-cell", type=int, default=3)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    settings = Settings()
    configure_logging(settings.log_format, "WARNING")
    tesseract.configure(settings.ocr_processes, settings.ocr_engine)
    results = measure(args.dir, args.per_cell, args.seed)
    documents = len(load_truth(args.dir / "truth.json"))
    text = section(results, "python " + " ".join(["bench/preprocessing.py", *(argv or sys.argv[1:])]), documents)
    print(text)
    if args.write:
        write_section(text, title=TITLE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
