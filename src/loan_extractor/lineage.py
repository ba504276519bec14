"""Run lineage: a manifest per run (inputs and their hashes, configuration, code and model versions, outputs).

The manifest stored in the database (in the run's `runs.summary`) also holds the run's full summary,
so a run's report can be written again and its results compared with a replay of the same inputs under
the same configuration (`replay`). The copy beside the report (`manifest.json`) leaves the summary out.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any, Iterator

from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from loan_extractor.config import PipelineConfig
from loan_extractor.db import RunRow, transient_db_errors
from loan_extractor.errors import LoanExtractorError
from loan_extractor.models import Document, Reason
from loan_extractor.pipeline import process_source
from loan_extractor.run import RunSummary
from loan_extractor.s3 import parse_s3_uri
from loan_extractor.sources.base import SourceItem
from loan_extractor.sources.s3 import S3Source
from loan_extractor.stages.history import load_history

MANIFEST_VERSION = 1
MANIFEST_NAME = "manifest.json"
MANIFEST_KEY = "manifest"  # its key in `runs.summary`


class LineageError(LoanExtractorError):
    """A run the database holds no lineage for."""


def build_manifest(summary: RunSummary, cfg: PipelineConfig, report_files: Any = None, today: date | None = None) -> dict[str, Any]:
    """The run's manifest; `report_files` (a `ReportFiles`) names the outputs, `today` the processing date
    (the date validation checked recency against; by default the run's start in local time)."""
    from loan_extractor.extraction.text_model import model_version

    outputs = {}
    if report_files is not None:
        outputs = {"report_json": str(report_files.json_path), "report_html": str(report_files.html_path),
                   "manifest": str(manifest_path(report_files.json_path.parent))}  # fmt: skip
    return {
        "manifest_version": MANIFEST_VERSION,
        "run_id": summary.run_id,
        "source": summary.source,
        "started_at": summary.started_at.isoformat(),
        "finished_at": summary.finished_at.isoformat(),
        "processing_date": (today or summary.started_at.astimezone().date()).isoformat(),
        "inputs": recorded_inputs(summary.documents),
        "config": cfg.model_dump(mode="json"),
        "config_digest": cfg.digest(),
        "code_version": {"package": summary.code_version, "git_commit": git_commit()},
        "model_version": model_version(),
        "outputs": outputs,
        "summary": summary.model_dump(mode="json"),
    }


def recorded_inputs(docs: tuple[Document, ...]) -> list[dict[str, Any]]:
    """One entry per input file in acquisition order (a split package's parts share one), with its hash."""
    inputs: dict[str, dict[str, Any]] = {}
    for doc in docs:
        inputs.setdefault(doc.source, {"source": doc.source, "sha256": doc.sha256, "size_bytes": doc.size_bytes, "loan_id": doc.loan_id})
    return list(inputs.values())


def git_commit() -> str | None:
    """The commit of the checkout the code runs from, when it runs from one."""
    try:
        done = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=Path(__file__).parent, capture_output=True, text=True, timeout=5, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return (done.stdout.strip() or None) if done.returncode == 0 else None


def manifest_path(run_dir: Path) -> Path:
    """Where a run's manifest file goes: beside its report."""
    return run_dir / MANIFEST_NAME


def write_manifest(manifest: dict[str, Any], path: Path) -> Path:
    """Write the manifest as JSON to `path` (a file, or a run's report folder) and return the file.

    The file leaves out the summary: it holds extracted values and document text, which stay in the
    database, while the file travels with the report.
    """
    target = manifest_path(path) if path.is_dir() else path
    target.parent.mkdir(parents=True, exist_ok=True)
    public = {k: v for k, v in manifest.items() if k != "summary"}
    target.write_text(json.dumps(public, indent=2, ensure_ascii=False), encoding="utf-8")
    return target


def store_manifest(engine: Engine, manifest: dict[str, Any]) -> None:
    """Keep the manifest with its run: under `manifest` in the `runs` row's summary (store the run first).

    Storing the same run again (`store_results`) replaces the summary, so the manifest is stored after it.
    """
    query = select(RunRow.summary).where(RunRow.run_id == manifest["run_id"]).with_for_update()
    with transient_db_errors(), engine.begin() as conn:
        summary = conn.scalar(query)
        if summary is None:
            raise LineageError(f"no run {manifest['run_id']!r} in the database: store the run before its manifest")
        changed = {k: v for k, v in summary.items() if k != MANIFEST_KEY} | {MANIFEST_KEY: manifest}
        conn.execute(update(RunRow).where(RunRow.run_id == manifest["run_id"]).values(summary=changed))


def open_database(url: str) -> Engine:
    """An engine on a database whose schema is current (SQLite is upgraded in place, others only checked)."""
    from loan_extractor.db import make_engine
    from loan_extractor.migrations import ensure_schema

    ensure_schema(url)
    return make_engine(url)


def load_manifest(engine: Engine, run_id: str) -> dict[str, Any] | None:
    """The stored manifest of a run, or None (no such run, or a run stored before manifests existed)."""
    with transient_db_errors(), engine.connect() as conn:
        summary = conn.scalar(select(RunRow.summary).where(RunRow.run_id == run_id))
    return (summary or {}).get(MANIFEST_KEY)


def recorded_summary(manifest: dict[str, Any]) -> RunSummary:
    """The run's full summary as the manifest recorded it."""
    return RunSummary.model_validate(manifest["summary"])


def recorded_config(manifest: dict[str, Any]) -> PipelineConfig:
    """The configuration the run used."""
    return PipelineConfig.model_validate(manifest["config"])


@dataclass(frozen=True)
class RecordedInputs:
    """A source of exactly the inputs a manifest recorded: local paths read in place, S3 objects downloaded."""

    inputs: tuple[dict[str, Any], ...]
    client: Any = None  # an S3 client, needed only when an input is an s3:// URI

    def list_items(self) -> Iterator[SourceItem]:
        """The recorded inputs in the run's order, with their recorded loan ids."""
        for entry in self.inputs:
            uri = entry["source"]
            yield SourceItem(uri=uri, name=PurePosixPath(uri).name, loan_id=entry.get("loan_id"))

    def fetch(self, item: SourceItem, dest_dir: Path) -> Path:
        """The local file, or the S3 object downloaded into `dest_dir`."""
        if not item.uri.startswith("s3://"):
            return Path(item.uri)
        bucket, _ = parse_s3_uri(item.uri)
        return S3Source(client=self.client, bucket=bucket).fetch(item, dest_dir)


def replay(
    manifest: dict[str, Any], cfg: PipelineConfig, workers: int = 1, client: Any = None, engine: Engine | None = None
) -> list[Document]:
    """Process the manifest's inputs again with `cfg` and the run's processing date; one final record per document.

    The stages are composed as `pipeline.process_files` composes them, over the recorded inputs and
    loan ids; hashes the run found already stored count as stored again, so its duplicates stay duplicates.
    With `engine`, anomalies are judged against the stored history as the run saw it (before its start).
    """
    inputs = tuple(manifest["inputs"])
    if client is None and any(entry["source"].startswith("s3://") for entry in inputs):
        raise LineageError("the run read s3:// inputs: give an S3 block or the AWS_* variables to replay it")
    today = date.fromisoformat(manifest["processing_date"])
    stored = stored_before(recorded_summary(manifest).documents)
    history = None
    if engine is not None:
        started = datetime.fromisoformat(manifest["started_at"])
        history = lambda docs: load_history(engine, docs, cfg, before=started)  # noqa: E731
    return process_source(RecordedInputs(inputs, client), cfg, workers, today, stored, history)


def stored_before(docs: tuple[Document, ...]) -> set[str]:
    """Hashes the run found already stored: every document bearing them was rejected as a duplicate."""
    duplicate = {d.sha256 for d in docs if d.sha256 and d.reason == Reason.DUPLICATE}
    return duplicate - {d.sha256 for d in docs if d.reason != Reason.DUPLICATE}


def input_changes(manifest: dict[str, Any], docs: list[Document]) -> list[str]:
    """A sentence per input whose bytes differ from the recorded hash (or that could not be read again)."""
    now = {doc.source: doc.sha256 for doc in docs}
    notes = []
    for entry in manifest["inputs"]:
        before, after = entry.get("sha256"), now.get(entry["source"])
        if before != after:
            state = "could not be read" if after is None else f"has sha256 {after[:12]}…"
            notes.append(f"{entry['source']} {state}; the run read sha256 {(before or 'none')[:12]}…")
    return notes


def compare_results(before: tuple[Document, ...] | list[Document], after: list[Document]) -> list[dict[str, Any]]:
    """What changed per document (matched by source and pages): status, reason, type and each field."""
    old, new = {_key(d): _view(d) for d in before}, {_key(d): _view(d) for d in after}
    changed = []
    for key in list(old) + [k for k in new if k not in old]:
        diffs = _differences(old.get(key), new.get(key))
        if diffs:
            changed.append({"source": key[0], "pages": list(key[1]), "changes": diffs})
    return changed


def _key(doc: Document) -> tuple[str, tuple[int, ...]]:
    return doc.source, tuple(doc.pages)


def _view(doc: Document) -> dict[str, Any]:
    out = doc.to_output()
    return {"status": out["status"], "reason": out["reason"], "doc_type": out["doc_type"], "fields": out["fields"]}


def _differences(old: dict[str, Any] | None, new: dict[str, Any] | None) -> list[dict[str, Any]]:
    if old is None or new is None:
        return [{"what": "document", "before": "absent" if old is None else "present", "after": "absent" if new is None else "present"}]
    diffs = [{"what": name, "before": old[name], "after": new[name]} for name in ("status", "reason", "doc_type") if old[name] != new[name]]
    for name in list(old["fields"]) + [n for n in new["fields"] if n not in old["fields"]]:
        was, now = old["fields"].get(name), new["fields"].get(name)
        if was != now:
            diffs.append({"what": f"fields.{name}", "before": was, "after": now})
    return diffs
