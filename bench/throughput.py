"""Pages per second of the pipeline against bare tesseract on the same scanned pages, with where the CPU goes.

    .venv/bin/python bench/throughput.py [--loans 12] [--seed 101] [--no-flow]

Generates a sample set, keeps its single-page PNG and JPEG scans (300 DPI), then measures
1. bare tesseract: one process per core, OMP_THREAD_LIMIT=1, `tesseract PAGE stdout tsv` (the target's
   baseline); and bare tesseract in process: one tesserocr engine per core, each loading the model once,
   the stricter baseline now that the pipeline reads pages that way (`LOAN_EXTRACTOR_OCR_ENGINE=library`);
2. the domain path: every stage but storage without Prefect (`loan_extractor.pipeline.process_files`,
   what `loan-extractor extract` runs), the configured workers and tesseract processes;
3. the flow: `document-processing-pipeline` over the same files (a warm temporary Prefect server,
   a fresh SQLite database), all nine stages included; its fixed cost is measured apart as a run
   over an empty folder, so the per-page rate shows what more pages would approach.
Each row gives CPU seconds per page: this Python process (stages, threads, Prefect client, in-process
OCR), its tesseract/poppler children, and the Prefect server; "CPU ratio" is bare tesseract's CPU per page
over the path's, the pages/s ratio a saturated machine tends to, whatever else runs on it (wall-clock
ratios move with other load; bare tesseract is timed before and after the pipeline and averaged).
Prints markdown rows for bench/RESULTS.md.
--loans 24 or more gives more pages, so fixed per-run costs weigh less.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from loan_extractor.logs import prefect_env

_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Measure:
    """Wall seconds and CPU seconds spent by this process, its reaped children and its live children."""

    wall: float
    python: float
    tools: float
    server: float


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


def _live_children_cpu() -> float:
    """CPU seconds of this process's children still running (the temporary Prefect server), from /proc."""
    total, me = 0.0, str(os.getpid())
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[1] == me:  # ppid; utime and stime follow at 11 and 12
            total += (int(fields[11]) + int(fields[12])) / _TICKS
    return total


def measured(work, *args):  # type: ignore[no-untyped-def]
    """Run `work(*args)`; its result and the Measure of wall and CPU time it took."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    live, start = _live_children_cpu(), time.perf_counter()
    result = work(*args)
    wall = time.perf_counter() - start
    own2, kids2 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    python = own2.ru_utime + own2.ru_stime - own.ru_utime - own.ru_stime
    tools = kids2.ru_utime + kids2.ru_stime - kids.ru_utime - kids.ru_stime
    return result, Measure(wall, python, tools, max(0.0, _live_children_cpu() - live))


def bare_tesseract(files: list[Path]) -> None:
    """tesseract alone over `files`, one process per core."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}

    def ocr(path: Path) -> None:
        subprocess.run(["tesseract", str(path), "stdout", "-l", "eng", "tsv"], env=env, capture_output=True, check=True)

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(ocr, files))


def bare_library(files: list[Path]) -> None:
    """tesseract alone in this process over `files`: one engine per core, the model loaded once per engine."""
    import tesserocr

    from loan_extractor.tools.tessdata import tessdata_dir

    models, local = f"{tessdata_dir()}/", threading.local()

    def ocr(path: Path) -> None:
        if not hasattr(local, "engine"):
            local.engine = tesserocr.PyTessBaseAPI(path=models, lang="eng")
        local.engine.SetImageFile(str(path))
        local.engine.GetTSVText(0)

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(ocr, files))


def domain_path(files: list[Path]) -> list:  # type: ignore[type-arg]
    """Every stage but storage, without Prefect, as `loan-extractor extract` runs them."""
    from loan_extractor.logs import configure_logging
    from loan_extractor.pipeline import process_files
    from loan_extractor.settings import Settings
    from loan_extractor.tools import tesseract

    settings = Settings()
    configure_logging(settings.log_format, "WARNING")
    tesseract.configure(settings.ocr_processes, settings.ocr_engine)
    return process_files(files, settings.pipeline_config(), settings.max_workers, date.today())


def flow_runs(folder: Path, empty: Path, data_dir: Path) -> tuple[Measure, Measure, dict]:
    """The flow over an empty folder (its fixed cost) and over `folder`, after a warm-up has started the server."""
    os.environ["LOAN_EXTRACTOR_DATA_DIR"] = str(data_dir)
    prefect_env()
    from prefect import flow

    from flows.pipeline import document_processing_pipeline

    flow(name="bench-warm-up")(lambda: None)()
    _, fixed = measured(document_processing_pipeline, str(empty))
    result, full = measured(document_processing_pipeline, str(folder))
    return fixed, full, result


def row(name: str, pages: int, m: Measure, bare: Measure) -> str:
    """One markdown row: rate, ratio to bare tesseract, CPU seconds per page by who spent them, CPU ratio."""
    rate, bare_rate = pages / m.wall, pages / bare.wall
    cpu = f"{m.python / pages:.2f} | {m.tools / pages:.2f} | {m.server / pages:.2f}"
    cpu_ratio = bare.tools / max(1e-9, m.python + m.tools + m.server)
    return f"| {name} | {pages} | {m.wall:.1f} | {rate:.2f} | {rate / bare_rate:.2f} | {cpu} | {cpu_ratio:.2f} |"


def mean(a: Measure, b: Measure) -> Measure:
    """The average of two measures of the same work."""
    return Measure((a.wall + b.wall) / 2, (a.python + b.python) / 2, (a.tools + b.tools) / 2, (a.server + b.server) / 2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loans", type=int, default=12)
    parser.add_argument("--seed", type=int, default=101)
    parser.add_argument("--no-flow", action="store_true", help="measure bare tesseract and the domain path only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        folder = scanned_pages(Path(tmp), args.loans, args.seed)
        (Path(tmp) / "empty").mkdir()
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        _, bare_before = measured(bare_tesseract, files)
        _, in_process = measured(bare_library, files)
        docs, domain = measured(domain_path, files)
        flows = None if args.no_flow else flow_runs(folder, Path(tmp) / "empty", Path(tmp) / "data")
        _, bare_after = measured(bare_tesseract, files)
    n, bare = len(files), mean(bare_before, bare_after)
    statuses = {status: sum(d.status == status for d in docs) for status in {d.status for d in docs}}
    print(f"pages: {n}; cores: {os.cpu_count()}; domain statuses: {statuses}", file=sys.stderr)
    print(f"bare tesseract wall: {bare_before.wall:.1f} s before, {bare_after.wall:.1f} s after", file=sys.stderr)
    print("| path | pages | wall s | pages/s | ratio to bare | CPU s/page: python | tesseract | server | CPU ratio |")
    print("|---|---|---|---|---|---|---|---|---|")
    print(row("bare tesseract", n, bare, bare))
    print(row("bare tesseract in process", n, in_process, bare))
    print(row("domain path (no Prefect)", n, domain, bare))
    if flows:
        fixed, full, result = flows
        print(f"flow statuses: {result['counts']}; empty-folder run: {fixed.wall:.1f} s", file=sys.stderr)
        print(row("flow", n, full, bare))
        per_page = Measure(full.wall - fixed.wall, full.python - fixed.python, full.tools - fixed.tools,
                           full.server - fixed.server)
        print(row("flow minus its empty-run cost", n, per_page, bare))
    # ru_maxrss is in KiB on Linux; it covers every path above (they run one after another in this process)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"\nPeak resident memory of the process running them: {peak} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
