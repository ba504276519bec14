"""Pages per second of the whole pipeline flow against bare tesseract on the same scanned pages.

    .venv/bin/python bench/throughput.py [--loans 12] [--seed 101]

Generates a sample set, keeps its single-page PNG and JPEG scans (300 DPI), then measures
1. bare tesseract: one process per core, OMP_THREAD_LIMIT=1, `tesseract PAGE stdout tsv`;
2. the pipeline: the `document-processing-pipeline` flow over the same files (a warm Prefect
   server, a fresh SQLite database), all nine stages included.
Prints both rates and their ratio as a markdown table row for bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from loan_extractor.logs import prefect_env


def scanned_pages(root: Path, loans: int, seed: int) -> Path:
    """A folder of single-page PNG/JPEG scans taken from a generated sample set."""
    from loan_extractor.samples import write_sample_set

    generated = root / "generated"
    truth = json.loads(write_sample_set(generated, seed=seed, loans=loans).read_text())
    pages = root / "pages"
    for rel, entry in truth.items():
        if entry.get("meta", {}).get("format") in ("png", "jpeg") and entry.get("loan_id"):
            target = pages / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(generated / rel, target)
    return pages


def bare_tesseract(files: list[Path]) -> float:
    """Seconds for tesseract alone over `files`, one process per core."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}

    def ocr(path: Path) -> None:
        subprocess.run(["tesseract", str(path), "stdout", "-l", "eng", "tsv"], env=env, capture_output=True, check=True)

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(ocr, files))
    return time.perf_counter() - start


def pipeline(folder: Path, data_dir: Path) -> tuple[float, dict]:
    """Seconds for the flow over `folder`, after a warm-up flow has started the Prefect server."""
    os.environ["LOAN_EXTRACTOR_DATA_DIR"] = str(data_dir)
    prefect_env()
    from prefect import flow

    from flows.pipeline import document_processing_pipeline

    flow(name="bench-warm-up")(lambda: None)()
    start = time.perf_counter()
    result = document_processing_pipeline(source=str(folder))
    return time.perf_counter() - start, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loans", type=int, default=12)
    parser.add_argument("--seed", type=int, default=101)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        folder = scanned_pages(Path(tmp), args.loans, args.seed)
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        bare = bare_tesseract(files)
        seconds, result = pipeline(folder, Path(tmp) / "data")
    n = len(files)
    bare_rate, pipe_rate = n / bare, n / seconds
    print(f"pages: {n}; cores: {os.cpu_count()}; statuses: {result['counts']}", file=sys.stderr)
    print("| pages | bare tesseract pages/s | pipeline pages/s | ratio |")
    print("|---|---|---|---|")
    print(f"| {n} | {bare_rate:.2f} | {pipe_rate:.2f} | {pipe_rate / bare_rate:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
