"""The parent flow: acquire, map the per-document stages concurrently, then the batch stages."""

from __future__ import annotations

import math
import shutil
import uuid
from datetime import date, datetime, timezone
from typing import Any

from prefect import flow, get_run_logger, unmapped
from prefect.context import FlowRunContext
from prefect.futures import PrefectFuture
from prefect.states import Failed
from prefect.task_runners import ThreadPoolTaskRunner

import loan_extractor
from loan_extractor.logs import configure_logging
from loan_extractor.models import Document
from loan_extractor.outcomes import as_failed
from loan_extractor.run import RunSummary
from loan_extractor.settings import Settings
from loan_extractor.stages.validation import summarise_failures
from loan_extractor.tools import tesseract
from loan_extractor.tools.probe import check_tools
from tasks.acquire import acquire_documents
from tasks.analysis import check_bias, detect_anomalies
from tasks.extract import extract
from tasks.intake import find_duplicates, validate_input
from tasks.preprocess import preprocess
from tasks.report import publish_report
from tasks.storage import store
from tasks.validation import validate_extraction

PER_DOCUMENT_STAGES = ("validate-input", "preprocess", "extract", "validate-extraction")


@flow(
    name="document-processing-pipeline",
    description="Acquire loan documents, run the nine stages on each, store and report.",
    task_runner=ThreadPoolTaskRunner(max_workers=Settings().max_workers),
)
def document_processing_pipeline(source: str = "samples", loan_id: str | None = None, limit: int | None = None) -> Any:
    """Process every document of `source`; Failed only when some document ended `failed`."""
    settings = Settings()
    configure_logging(settings.log_format, settings.log_level, attach_handler=False)
    cfg = settings.pipeline_config()
    check_tools(cfg.ocr.language)
    tesseract.set_max_processes(settings.ocr_processes)
    run_id = _run_id()
    work_dir = settings.work_dir / run_id
    started = datetime.now(timezone.utc)

    docs, ignored = acquire_documents(source, cfg, work_dir, limit=limit, loan_id=loan_id)
    duplicates = find_duplicates(docs, settings)
    chunks = chunked(docs, settings.chunk_size or auto_chunk_size(len(docs), settings.max_workers))
    checked = validate_input.map(chunks, unmapped(duplicates), unmapped(cfg))
    prepared = preprocess.map(checked, unmapped(cfg), unmapped(work_dir))
    extracted = extract.map(prepared, unmapped(cfg))
    validated = validate_extraction.map(extracted, unmapped(cfg), unmapped(date.today()))
    gathered = gather(chunks, [checked, prepared, extracted, validated])

    with_anomalies, anomalies = detect_anomalies(gathered, cfg)
    final = [doc.finalised() for doc in with_anomalies]
    bias = check_bias(final, cfg)
    summary = RunSummary(
        run_id=run_id,
        source=source,
        started_at=started,
        finished_at=datetime.now(timezone.utc),
        config_digest=cfg.digest(),
        code_version=loan_extractor.__version__,
        documents=tuple(final),
        anomalies=tuple(anomalies),
        bias=tuple(bias),
        validation_failures=tuple(summarise_failures(final)),
        ignored=tuple(ignored),
    )
    stored = store(summary, settings)
    files = publish_report(summary, settings.reports_dir)
    shutil.rmtree(work_dir, ignore_errors=True)
    result = summary.to_json() | {"report": {"json": str(files.json_path), "html": str(files.html_path)}, "document_rows": stored.document_rows}
    get_run_logger().info("run %s: %s; report %s", run_id, summary.counts(), files.html_path)
    if summary.failed:
        return Failed(message=f"{summary.failed} document(s) failed; see {files.html_path}", data=result)
    return result


def chunked(docs: list[Document], size: int) -> list[list[Document]]:
    """Consecutive chunks of at most `size` documents: one task run per chunk and stage.

    A task run costs about 20 ms of server time on the cores OCR needs; per-document task
    runs made short documents pay more for orchestration than for their work.
    """
    return [docs[i : i + size] for i in range(0, len(docs), size)]


def auto_chunk_size(count: int, workers: int) -> int:
    """Enough chunks to keep every worker busy twice over, at most 8 documents each."""
    return max(1, min(8, math.ceil(count / (2 * workers))))


def gather(chunks: list[list[Document]], stages: list[list[PrefectFuture[list[Document]]]]) -> list[Document]:
    """Each document's last good record; a stage that raised anyway makes its chunk `failed`, never dropped."""
    results: list[Document] = []
    for index, chunk in enumerate(chunks):
        for stage, futures in zip(PER_DOCUMENT_STAGES, stages):
            outcome = _result(futures[index])
            if isinstance(outcome, BaseException):
                chunk = [as_failed(stage, doc, outcome) for doc in chunk]
                break
            chunk = outcome
        results.extend(chunk)
    return results


def _result(future: PrefectFuture[list[Document]]) -> list[Document] | BaseException:
    try:
        value = future.result(raise_on_failure=False)
    except Exception as exc:  # noqa: BLE001 - an upstream failure leaves this run not ready
        return exc
    if isinstance(value, list) and all(isinstance(doc, Document) for doc in value):
        return value
    return value if isinstance(value, BaseException) else RuntimeError(f"unexpected result {type(value).__name__}")


def _run_id() -> str:
    ctx = FlowRunContext.get()
    return str(ctx.flow_run.id) if ctx and ctx.flow_run else uuid.uuid4().hex
