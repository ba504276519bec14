"""The stages composed without Prefect, for the `extract` command: no server, no database."""

from __future__ import annotations

import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from collections.abc import Callable, Iterable
from pathlib import Path

from loan_extractor import page_pixels
from loan_extractor.analysis.history import History
from loan_extractor.config import PipelineConfig
from loan_extractor.models import Document
from loan_extractor.outcomes import guarded, guarded_parts
from loan_extractor.sources import LocalFiles, Source
from loan_extractor.stages.acquire import acquire
from loan_extractor.stages.anomalies import detect_anomalies
from loan_extractor.stages.intake import DuplicateIndex, build_duplicate_index, check_input
from loan_extractor.stages.preprocess import preprocess_document
from loan_extractor.stages.split import extract_package
from loan_extractor.stages.validation import validate_extraction


def process_files(
    paths: list[Path], cfg: PipelineConfig, workers: int, today: date, loan_id: str | None = None
) -> list[Document]:
    """Run every stage but storage on the given files; one final record per document, in input order."""
    return process_source(LocalFiles(tuple(paths), loan_id=loan_id), cfg, workers, today)


def process_source(
    source: Source,
    cfg: PipelineConfig,
    workers: int,
    today: date,
    stored_hashes: Iterable[str] = (),
    history: Callable[[list[Document]], History] | None = None,
) -> list[Document]:
    """Every stage but storage over a source's items; `stored_hashes` count as already processed,
    `history` gives the stored figures the batch's numbers are judged against (none: the batch alone)."""
    work_dir = Path(tempfile.mkdtemp(prefix="loan-extractor-"))
    try:
        docs = acquire(source, work_dir)
        index = build_duplicate_index(docs, stored_hashes)
        with ThreadPoolExecutor(max_workers=workers) as pool:
            parts = list(pool.map(lambda d: process_document(d, cfg, index, work_dir, today), docs))
        found = [part for file_parts in parts for part in file_parts]
        docs, _ = detect_anomalies(found, cfg, history(found) if history else None)
        return [doc.finalised() for doc in docs]
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
        page_pixels.forget()


def process_document(
    doc: Document, cfg: PipelineConfig, index: DuplicateIndex, work_dir: Path, today: date
) -> list[Document]:
    """The per-file stages in order: one record per logical document of the file (a loan package
    gives several, in page order); each error becomes an outcome on the record."""
    doc = guarded("validate-input", check_input, doc, cfg.limits, index, cfg.ocr.render_dpi)
    doc = guarded("preprocess", preprocess_document, doc, cfg, work_dir)
    parts = guarded_parts("extract", extract_package, doc, cfg)
    return [guarded("validate-extraction", validate_extraction, part, cfg, today) for part in parts]
