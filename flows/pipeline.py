"""The parent flow: acquire, map the per-document stages concurrently, then the batch stages."""

from __future__ import annotations

import math
import shutil
from pathlib import Path
import uuid
from datetime import date, datetime, timezone
from typing import Any

from prefect import flow, get_run_logger, unmapped
from prefect.context import FlowRunContext
from prefect.futures import PrefectFuture
from prefect.states import Failed
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import opaque
from pydantic import SecretStr

import loan_extractor
from loan_extractor import page_pixels
from loan_extractor.logs import configure_logging
from flows.hooks import alert_on_crash, alert_on_failure, release_queue_claims
from loan_extractor.alerts import AlertSettings, load_rules
from loan_extractor.config import PipelineConfig
from loan_extractor.models import Document
from loan_extractor.outputs import OutputLocation, output_location
from loan_extractor.outcomes import as_failed
from loan_extractor.run import RunSummary
from loan_extractor.settings import Settings
from loan_extractor.stages.validation import summarise_failures
from loan_extractor.tools import tesseract
from loan_extractor.tools.probe import check_ocr_models
from loan_extractor.warm_imports import warm_imports
from tasks.acquire import acquire_documents
from tasks.alerts import send_run_alerts
from tasks.analysis import check_bias, detect_anomalies
from tasks.extract import extract
from tasks.intake import find_duplicates, validate_input
from tasks.outputs import publish_outputs
from tasks.preprocess import preprocess
from tasks.report import publish_report, record_lineage
from tasks.storage import check_database, finish_claims, store
from tasks.validation import validate_extraction

PER_DOCUMENT_STAGES = ("validate-input", "preprocess", "extract", "validate-extraction")


@flow(
    name="document-processing-pipeline",
    description="Acquire loan documents, run the nine stages on each, store and report.",
    task_runner=ThreadPoolTaskRunner(max_workers=Settings().max_workers),
    on_failure=[alert_on_failure, release_queue_claims],
    on_crashed=[alert_on_crash, release_queue_claims],
)
def document_processing_pipeline(
    source: str = "samples",
    loan_id: str | None = None,
    limit: int | None = None,
    s3_block: str | None = None,
    db_block: str | None = None,
    output: str | None = None,
    slack_block: str | None = None,
    email_block: str | None = None,
) -> Any:
    """Process every document of `source` (a folder or s3://BUCKET/PREFIX); Failed only when a document failed.

    Block names default to the settings; without blocks, the AWS variables and the database URL apply.
    """
    warm_imports()
    settings = with_database_block(Settings(), db_block)
    configure_logging(settings.log_format, settings.log_level, attach_handler=False)
    cfg = settings.pipeline_config()
    check_ocr_models(cfg.ocr)
    check_database(settings)
    rules = load_rules(AlertSettings().alert_rules_file)  # a broken rules file fails the run before any work
    tesseract.configure(settings.ocr_processes, settings.ocr_engine)
    tesseract.preload_engines([cfg.ocr.language, cfg.ocr.name_model])  # while acquisition works on one core
    s3_block = s3_block or settings.s3_block
    where = output_target(source, output or settings.output_uri, s3_block, settings)
    run_id, started, today = current_run_id(), datetime.now(timezone.utc), date.today()
    work_dir = settings.work_dir / run_id

    exclude = (where.prefix,) if where and source.startswith(f"s3://{where.bucket}/") else ()
    docs, ignored = acquire_documents(
        source, cfg, work_dir, limit=limit, loan_id=loan_id, s3_block=s3_block, exclude=exclude, settings=settings, run_id=run_id
    )
    gathered = process_documents(docs, settings, cfg, work_dir, today)
    # Documents go to tasks as opaque(...): Prefect takes the value (or the future's result) as it is
    # instead of walking every document's fields for futures, twice per task run (~3,200 objects for
    # 24 documents, ~8 ms of CPU each time).
    with_anomalies, anomalies = detect_anomalies(opaque(gathered), cfg, settings)
    final = [doc.finalised() for doc in with_anomalies]
    summary = RunSummary(
        run_id=run_id,
        source=source,
        started_at=started,
        finished_at=datetime.now(timezone.utc),
        config_digest=cfg.digest(),
        code_version=loan_extractor.__version__,
        documents=tuple(final),
        anomalies=tuple(anomalies),
        bias=tuple(check_bias(opaque(final), cfg, settings)),
        validation_failures=tuple(summarise_failures(final)),
        ignored=tuple(ignored),
    )
    stored = store(opaque(summary), settings)
    if source == "db":
        finish_claims(run_id, opaque(list(summary.documents)), settings)
    files = publish_report(opaque(summary), settings.reports_dir, link_local=where is None)
    manifest = record_lineage(opaque(summary), cfg, files, today, settings)
    shutil.rmtree(work_dir, ignore_errors=True)
    page_pixels.forget()
    report = {"json": str(files.json_path), "html": str(files.html_path), "manifest": str(manifest)}
    result = summary.to_json() | {"report": report, "document_rows": stored.document_rows}
    if where is not None:
        reports = [files.json_path, files.html_path, manifest]
        publish_outputs(opaque(summary), where, reports, s3_block, settings.report_link_expiry, settings.report_link_endpoint)
        result["outputs"] = where.uri(run_id)
    result["alerts"] = send_run_alerts(opaque(summary), rules, slack_block=slack_block, email_block=email_block)
    get_run_logger().info("run %s: %s; report %s", run_id, summary.counts(), files.html_path)
    if summary.failed:
        return Failed(message=f"{summary.failed} document(s) failed; see {files.html_path}", data=result)
    return result


def process_documents(
    docs: list[Document], settings: Settings, cfg: PipelineConfig, work_dir: Path, today: date
) -> list[Document]:
    """The per-document stages mapped over chunks, each stage's chunk starting when its own upstream is done."""
    duplicates = find_duplicates(opaque(docs), settings)
    chunks = chunked(docs, settings.chunk_size or auto_chunk_size(len(docs), settings.max_workers))
    checked = validate_input.map([opaque(chunk) for chunk in chunks], unmapped(duplicates), unmapped(cfg))
    prepared: list[PrefectFuture[list[Document]]] = []
    extracted: list[PrefectFuture[list[Document]]] = []
    for intake in checked:
        # chunk by chunk, not stage by stage: the runner starts tasks first in, first out, so the first
        # chunks' OCR runs while later chunks are still preprocessed instead of after all of them
        prepared.append(preprocess.submit(opaque(intake), cfg, work_dir))
        extracted.append(extract.submit(opaque(prepared[-1]), cfg))
    validated = validate_extraction.map([opaque(chunk) for chunk in extracted], unmapped(cfg), unmapped(today))
    return gather(chunks, [checked, prepared, extracted, validated])


def with_database_block(settings: Settings, db_block: str | None) -> Settings:
    """Settings whose database URL comes from the named (or configured) SqlAlchemyConnector block."""
    name = db_block or settings.db_block
    if not name:
        return settings
    from blocks.database import load_database_url

    return settings.model_copy(update={"database_url": SecretStr(load_database_url(name))})


def output_target(source: str, output: str | None, s3_block: str | None, settings: Settings) -> OutputLocation | None:
    """Where results go on S3: an explicit URI, the S3 block's bucket, the source's bucket, or nowhere (local runs)."""
    if s3_block and not output:
        from blocks.s3 import load_s3

        return OutputLocation(load_s3(s3_block)[1], settings.s3_output_prefix.strip("/"))
    return output_location(source, output, settings.s3_output_prefix)


def chunked(docs: list[Document], size: int) -> list[list[Document]]:
    """Consecutive chunks of at most `size` documents: one task run per chunk and stage.

    A task run costs the temporary server ~50-70 ms of CPU on the cores OCR needs (measured on
    16 pages: 2 documents per chunk 0.11 s of server CPU per page, 4 documents 0.04 s); per-document
    task runs made short documents pay more for orchestration than for their work.
    """
    return [docs[i : i + size] for i in range(0, len(docs), size)]


def auto_chunk_size(count: int, workers: int) -> int:
    """One chunk per worker (workers outnumber tesseract processes, so OCR stays busy), at most 16 documents each."""
    return max(1, min(16, math.ceil(count / workers)))


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


def current_run_id() -> str:
    ctx = FlowRunContext.get()
    return str(ctx.flow_run.id) if ctx and ctx.flow_run else uuid.uuid4().hex
