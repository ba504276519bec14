"""The one helper every per-document task uses to turn exceptions into per-document outcomes."""

from __future__ import annotations

from typing import Any, Callable

from prefect import Task
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import State, TaskRun
from prefect.context import TaskRunContext

from loan_extractor.errors import TransientError
from loan_extractor.models import Document
from loan_extractor.outcomes import as_failed, guarded, guarded_parts

RETRIES = 2
RETRY_DELAYS = [2, 10]  # seconds; with jitter, for transient I/O only


def retry_transient_only(task: Task[..., Any], task_run: TaskRun, state: State[Any]) -> bool:
    """Retry a task run only when it failed with a `TransientError`."""
    try:
        state.result()
    except TransientError:
        return True
    except Exception:  # noqa: BLE001 - anything else is not worth a retry
        return False
    return False


def io_task_options() -> dict[str, Any]:
    """Options of tasks doing I/O: retried with backoff and jitter, for transient errors only; never cached."""
    return {
        "retries": RETRIES,
        "retry_delay_seconds": RETRY_DELAYS,
        "retry_jitter_factor": 0.5,
        "retry_condition_fn": retry_transient_only,
        "cache_policy": NO_CACHE,
    }


def run_guarded(stage: str, fn: Callable[..., Document], doc: Document, *args: Any) -> Document:
    """`guarded` plus retries: a transient error is raised while retries remain, then recorded."""
    try:
        return guarded(stage, fn, doc, *args)
    except TransientError as exc:
        ctx = TaskRunContext.get()
        if ctx is not None and ctx.task_run.run_count <= ctx.task.retries:
            raise
        return as_failed(stage, doc, exc)


def run_guarded_parts(stage: str, fn: Callable[..., list[Document]], doc: Document, *args: Any) -> list[Document]:
    """`guarded_parts` plus retries, as `run_guarded`."""
    try:
        return guarded_parts(stage, fn, doc, *args)
    except TransientError as exc:
        ctx = TaskRunContext.get()
        if ctx is not None and ctx.task_run.run_count <= ctx.task.retries:
            raise
        return [as_failed(stage, doc, exc)]


def run_chunk(stage: str, fn: Callable[..., Document], docs: list[Document], *args: Any) -> list[Document]:
    """`run_guarded` over a chunk of documents, in order."""
    return [run_guarded(stage, fn, doc, *args) for doc in docs]


def chunk_run_name(stage: str) -> Callable[..., str]:
    """Task run names that say which documents a chunk holds: `extract-<first doc id>+3`."""

    def name(parameters: dict[str, Any]) -> str:
        docs = parameters.get("docs") or []
        first = docs[0].doc_id if docs and isinstance(docs[0], Document) else "empty"
        return f"{stage}-{first}" + (f"+{len(docs) - 1}" if len(docs) > 1 else "")

    return name
