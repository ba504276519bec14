"""Lineage: a run's manifest in the database and beside its report; replay and report regeneration from it."""

import json
import shutil
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import select

from loan_extractor.analysis.run_health import run_figures
from loan_extractor.cli import main
from loan_extractor.config import PipelineConfig
from loan_extractor.db import RunRow, make_engine
from loan_extractor.lineage import (
    LineageError,
    build_manifest,
    compare_results,
    input_changes,
    load_manifest,
    recorded_config,
    recorded_summary,
    replay,
    store_manifest,
    write_manifest,
)  # fmt: skip
from loan_extractor.migrations import upgrade
from loan_extractor.pipeline import process_files
from loan_extractor.run import RunSummary
from loan_extractor.stages.report import write_report
from loan_extractor.stages.store import store_results

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "L1001"
TODAY = date(2026, 3, 20)
STARTED = datetime(2026, 3, 20, 9, 0, tzinfo=timezone.utc)


@dataclass(frozen=True)
class StoredRun:
    engine: object
    manifest: dict
    summary: RunSummary
    inputs: list[Path]


@pytest.fixture(scope="module")
def stored_run(tmp_path_factory) -> StoredRun:
    """Two text-layer PDFs of one loan, processed, stored and given a manifest; inputs copied so tests may alter them."""
    folder = tmp_path_factory.mktemp("lineage")
    inputs = []
    for name in ("pay_stub.pdf", "w2.pdf"):
        (folder / "L1001").mkdir(exist_ok=True)
        inputs.append(Path(shutil.copy(SAMPLES / name, folder / "L1001" / name)))
    url = f"sqlite:///{folder / 'db.sqlite'}"
    upgrade(url)
    engine = make_engine(url)
    cfg = PipelineConfig()
    docs = process_files(inputs, cfg, 1, TODAY, loan_id="L1001")
    summary = RunSummary(run_id="run-1", source=str(folder), started_at=STARTED, finished_at=STARTED,
                         config_digest=cfg.digest(), code_version="0.1.0", documents=tuple(docs))  # fmt: skip
    store_results(engine, summary)
    files = write_report(summary, folder / "reports")
    manifest = build_manifest(summary, cfg, files, today=TODAY)
    store_manifest(engine, manifest)
    write_manifest(manifest, files.json_path.parent)
    yield StoredRun(engine, manifest, summary, inputs)
    engine.dispose()


def test_manifest_records_inputs_config_versions_and_outputs(stored_run) -> None:
    manifest = load_manifest(stored_run.engine, "run-1")
    assert manifest == json.loads(json.dumps(stored_run.manifest))
    assert [i["source"] for i in manifest["inputs"]] == [str(p) for p in stored_run.inputs]
    assert all(len(i["sha256"]) == 64 and i["loan_id"] == "L1001" for i in manifest["inputs"])
    assert manifest["config_digest"] == PipelineConfig().digest() and recorded_config(manifest) == PipelineConfig()
    assert manifest["model_version"] and manifest["code_version"]["package"] == "0.1.0"
    assert manifest["processing_date"] == "2026-03-20"
    on_disk = Path(manifest["outputs"]["manifest"])
    assert on_disk.parent == Path(manifest["outputs"]["report_html"]).parent
    assert json.loads(on_disk.read_text()) == {k: v for k, v in manifest.items() if k != "summary"}
    assert "summary" in manifest  # values and text stay in the database, never in the file beside the report
    with stored_run.engine.connect() as conn:
        row = conn.execute(select(RunRow).where(RunRow.run_id == "run-1")).one()
    figures = run_figures(stored_run.summary.documents).to_json()  # kept for the next runs' pipeline-level checks
    assert row.summary == json.loads(json.dumps(stored_run.summary.to_json(), default=str)) | {"figures": figures, "manifest": manifest}


def test_a_manifest_needs_its_run_stored_first(stored_run) -> None:
    with pytest.raises(LineageError, match="store the run before its manifest"):
        store_manifest(stored_run.engine, stored_run.manifest | {"run_id": "never-stored"})
    assert load_manifest(stored_run.engine, "never-stored") is None


def test_recorded_summary_is_the_run_summary(stored_run) -> None:
    assert recorded_summary(stored_run.manifest) == stored_run.summary


def test_replay_of_a_stored_run_reproduces_it_exactly(stored_run) -> None:
    manifest = load_manifest(stored_run.engine, "run-1")
    again = replay(manifest, recorded_config(manifest))
    before = recorded_summary(manifest).documents
    assert [d.status for d in before] and any(d.fields for d in before)  # a run with real extractions
    assert compare_results(before, again) == []
    assert input_changes(manifest, again) == []
    assert [d.to_output() for d in again] == [d.to_output() for d in before]


def test_replay_reports_what_a_different_config_changes(stored_run) -> None:
    strict = PipelineConfig.model_validate({"extraction": {"min_field_confidence": 1.0}})
    changes = compare_results(stored_run.summary.documents, replay(stored_run.manifest, strict))
    assert changes, "a confidence threshold of 1.0 should send documents to review"
    assert any(c["what"] == "status" and c["after"] == "needs_review" for doc in changes for c in doc["changes"])


def test_replay_names_an_input_whose_bytes_changed(stored_run, tmp_path) -> None:
    moved = shutil.copy(SAMPLES / "bank_statement.pdf", tmp_path / "w2.pdf")
    manifest = json.loads(json.dumps(stored_run.manifest))
    manifest["inputs"][1]["source"] = str(moved)
    docs = replay(manifest, recorded_config(manifest))
    assert input_changes(manifest, docs) == [
        f"{moved} has sha256 {docs[-1].sha256[:12]}…; the run read sha256 {manifest['inputs'][1]['sha256'][:12]}…"
    ]
    changes = compare_results(stored_run.summary.documents, docs)
    assert {c["source"] for c in changes} == {str(stored_run.inputs[1]), str(moved)}


def test_report_command_writes_the_run_s_report_again(stored_run, tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("LOAN_EXTRACTOR_DATABASE_URL", str(stored_run.engine.url))
    assert main(["report", "run-1", "--out", str(tmp_path)]) == 0
    html, js = capsys.readouterr().out.split()
    assert Path(js).read_text() == Path(stored_run.manifest["outputs"]["report_json"]).read_text()
    assert Path(html).read_text() == Path(stored_run.manifest["outputs"]["report_html"]).read_text()
    page = Path(html).read_text()
    assert page.count("<svg") == 5 and "Field confidence: pay_stub" in page and "Field confidence: w2" in page, "the plots come back too"
    assert main(["report", "no-such-run", "--out", str(tmp_path)]) == 1


def test_report_of_a_run_without_manifest_is_rebuilt_from_its_summary(stored_run, tmp_path, monkeypatch) -> None:
    old = stored_run.summary.model_copy(update={"run_id": "run-old"})
    store_results(stored_run.engine, old)
    monkeypatch.setenv("LOAN_EXTRACTOR_DATABASE_URL", str(stored_run.engine.url))
    assert main(["report", "run-old", "--out", str(tmp_path)]) == 0
    assert json.loads((tmp_path / "run-old" / "report.json").read_text()) == json.loads(json.dumps(old.to_json(), default=str))
    page = (tmp_path / "run-old" / "report.html").read_text()
    assert page.count("<svg") >= 4 and "no data" in page, "the row's summary has statuses but no pages or confidences to plot"


def test_replay_command_says_no_changes(stored_run, monkeypatch, capsys) -> None:
    monkeypatch.setenv("LOAN_EXTRACTOR_DATABASE_URL", str(stored_run.engine.url))
    assert main(["replay", "run-1"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "run run-1: no changes"
    assert main(["replay", "run-old-unknown"]) == 1
    assert "no manifest for run 'run-old-unknown'" in capsys.readouterr().err


def test_manifest_round_trip_on_postgres(stored_run, make_postgres_database) -> None:
    url = make_postgres_database()
    upgrade(url)
    engine = make_engine(url)
    try:
        store_results(engine, stored_run.summary)
        store_manifest(engine, stored_run.manifest)
        store_manifest(engine, stored_run.manifest)  # storing again replaces it
        manifest = load_manifest(engine, "run-1")
    finally:
        engine.dispose()
    assert manifest == json.loads(json.dumps(stored_run.manifest))
    assert recorded_summary(manifest) == stored_run.summary


def _on_s3(value, local: dict[str, str]):
    """The manifest with every local input path replaced by its s3:// URI."""
    if isinstance(value, dict):
        return {k: _on_s3(v, local) for k, v in value.items()}
    if isinstance(value, list):
        return [_on_s3(v, local) for v in value]
    return local.get(value, value) if isinstance(value, str) else value


def test_replay_downloads_s3_inputs_again(stored_run, s3_bucket) -> None:
    """A run that read s3:// objects: replay fetches them through the client and finds nothing changed."""
    uris = {}
    for path in stored_run.inputs:
        s3_bucket.put(f"in/L1001/{path.name}", path.read_bytes())
        uris[str(path)] = f"s3://{s3_bucket.name}/in/L1001/{path.name}"
    manifest = _on_s3(json.loads(json.dumps(stored_run.manifest)), uris)
    with pytest.raises(LineageError, match="s3:// inputs"):
        replay(manifest, recorded_config(manifest))
    docs = replay(manifest, recorded_config(manifest), client=s3_bucket.client)
    assert [d.source for d in docs] == list(uris.values())
    assert input_changes(manifest, docs) == [] and compare_results(recorded_summary(manifest).documents, docs) == []
