"""Pipeline-level anomalies from planted run histories, and their way through store, report and alerts."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select

from loan_extractor.alerts import load_rules
from loan_extractor.alerts.dispatch import compose
from loan_extractor.alerts.evaluate import evaluate_rules
from loan_extractor.alerts.metrics import run_metrics
from loan_extractor.alerts.render import AlertContext
from loan_extractor.alerts.rules import Trigger
from loan_extractor.analysis.history import History, RunFigures, StoredRun
from loan_extractor.analysis.run_health import find_run_anomalies, run_figures
from loan_extractor.commands.run import summary_table
from loan_extractor.config import PipelineConfig, RunHealthConfig
from loan_extractor.db import AnomalyRow, make_engine
from loan_extractor.migrations import upgrade
from loan_extractor.models import Document, Reason, Status
from loan_extractor.run import RunSummary
from loan_extractor.spec import DocType
from loan_extractor.stages.anomalies import detect_anomalies
from loan_extractor.stages.history import load_history, stored_figures
from loan_extractor.stages.report import report_markdown, write_report
from loan_extractor.stages.store import store_results

REPO = Path(__file__).resolve().parents[1]
CFG = RunHealthConfig()  # 20 runs, min 5 runs, min 5 documents, margin 0.10, drift 0.05, volume x3
T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)


def steady(count: int = 10) -> list[StoredRun]:
    """Runs of 20 documents: 1 failed, 4 needing review, OCR confidence 0.89 to 0.91; newest first."""
    return [StoredRun(f"r{i}", T0 - timedelta(days=i), RunFigures(20 + i % 3, 1, 4, 0.89 + 0.01 * (i % 3)))
            for i in range(count)]  # fmt: skip


def kinds(current: RunFigures, earlier: list[StoredRun], cfg: RunHealthConfig = CFG) -> list[str]:
    return [a.kind for a in find_run_anomalies(current, earlier, cfg)]


def test_a_steady_run_after_steady_runs_raises_nothing() -> None:
    assert kinds(RunFigures(21, 1, 5, 0.90), steady()) == []
    assert kinds(RunFigures(40, 2, 6, 0.88), steady()) == []  # twice the volume, still within the factor


@pytest.mark.parametrize(("current", "kind"), [
    (RunFigures(20, 6, 4, 0.90), "failed_ratio_spike"),
    (RunFigures(20, 1, 12, 0.90), "review_ratio_spike"),
    (RunFigures(20, 1, 4, 0.78), "ocr_confidence_drift"),
    (RunFigures(80, 4, 16, 0.90), "volume_spike"),
])  # fmt: skip
def test_each_kind_is_raised_by_its_planted_run(current: RunFigures, kind: str) -> None:
    (anomaly,) = find_run_anomalies(current, steady(), CFG)
    assert anomaly.kind == kind
    assert anomaly.loan_id is None and anomaly.documents == () and anomaly.is_run_level
    assert anomaly.severity in ("high", "medium") and anomaly.score and anomaly.score > 0
    assert anomaly.figures["runs"] == 10 and "median of the last 10 runs" in anomaly.message


def test_figures_of_the_spikes() -> None:
    (failed,) = find_run_anomalies(RunFigures(20, 6, 4, 0.90), steady(), CFG)
    assert failed.figures["ratio"] == 0.3 and failed.figures["baseline"] == 0.0476  # 1 of 20, 21 or 22 documents: median 1/21
    assert failed.severity == "high" and "30%" in failed.message  # 0.25 above the baseline: beyond twice the margin
    (drift,) = find_run_anomalies(RunFigures(20, 1, 4, 0.78), steady(), CFG)
    assert drift.figures["baseline"] == 0.9 and drift.figures["shift"] == pytest.approx(-0.12)
    assert drift.severity == "high" and "fell to 0.78 from 0.90" in drift.message
    (volume,) = find_run_anomalies(RunFigures(80, 4, 16, 0.90), steady(), CFG)
    assert volume.figures["baseline"] == 21 and volume.score == pytest.approx(80 / 21, abs=0.01)


def test_nothing_is_judged_before_enough_runs_or_on_a_small_run() -> None:
    assert kinds(RunFigures(80, 40, 30, 0.5), steady(4)) == []
    assert kinds(RunFigures(80, 40, 30, 0.5), steady(5)) == ["failed_ratio_spike", "review_ratio_spike",
                                                              "ocr_confidence_drift", "volume_spike"]
    assert kinds(RunFigures(2, 2, 0, 0.5), steady()) == []  # two documents: ratios and means are not judged
    tiny = [StoredRun(f"t{i}", T0, RunFigures(2, 0, 0, 0.9)) for i in range(10)]
    assert kinds(RunFigures(20, 10, 0, 0.5), tiny) == ["volume_spike"]  # no baseline of ratios from tiny runs


def test_runs_stored_before_figures_fall_back_on_their_counts() -> None:
    counts = {"processed": 15, "needs_review": 3, "rejected": 1, "failed": 1}
    assert stored_figures(None, counts) == RunFigures(20, 1, 3, None)
    assert stored_figures({"documents": 5, "failed": 0, "needs_review": 1, "mean_ocr_confidence": 0.8}, counts) == \
        RunFigures(5, 0, 1, 0.8)  # fmt: skip


def stub(i: int, status: Status = Status.PROCESSED, run: str = "") -> Document:
    reason = Reason.TOOL_FAILED if status == Status.FAILED else None
    return Document(doc_id=f"{run}d{i}", source=f"/in/{run}d{i}.pdf", local_path="/in", sha256=f"sha-{run}{i}", pages=(1,),
                    loan_id=f"L{i}", doc_type=DocType.PAY_STUB, fields={"gross_pay": "4000.00"}, ocr_confidence=0.9,
                    status=status, reason=reason)  # fmt: skip


def test_run_level_anomalies_mark_no_document() -> None:
    docs = [stub(i, Status.FAILED if i < 8 else Status.PROCESSED) for i in range(20)]
    out, anomalies = detect_anomalies(docs, PipelineConfig(), History(runs=tuple(steady())))
    assert [a.kind for a in anomalies] == ["failed_ratio_spike"]
    assert [d.status for d in out] == [d.status for d in docs] and all(d.anomalies == () for d in out)
    assert run_figures(out) == RunFigures(20, 8, 0, 0.9)


def test_volume_spike_from_runs_written_by_the_store(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    upgrade(url)
    engine = make_engine(url)
    for n in range(5):
        docs = [stub(i, run=f"r{n}") for i in range(4)]
        store_results(engine, RunSummary(run_id=f"run-{n}", source="/in", started_at=T0 + timedelta(days=n),
                                         finished_at=T0, config_digest="c", code_version="v", documents=tuple(docs)))  # fmt: skip
    batch = [stub(i, run="new") for i in range(20)]
    history = load_history(engine, batch, PipelineConfig())
    assert [r.run_id for r in history.runs] == ["run-4", "run-3", "run-2", "run-1", "run-0"]
    _, anomalies = detect_anomalies(batch, PipelineConfig(), history)
    assert [a.kind for a in anomalies] == ["volume_spike"] and anomalies[0].figures["baseline"] == 4
    engine.dispose()


def test_run_level_anomalies_flow_through_store_report_and_alerts(tmp_path: Path) -> None:
    docs = [stub(i, Status.FAILED if i < 8 else Status.PROCESSED) for i in range(20)]
    (spike,) = find_run_anomalies(run_figures(docs), steady(), CFG)
    summary = RunSummary(run_id="run-x", source="/in", started_at=T0, finished_at=T0, config_digest="c",
                         code_version="v", documents=tuple(docs), anomalies=(spike,))  # fmt: skip
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    upgrade(url)
    engine = make_engine(url)
    store_results(engine, summary)
    with engine.connect() as conn:
        row = conn.execute(select(AnomalyRow)).one()
    engine.dispose()
    assert (row.kind, row.loan_id, row.documents, row.severity) == ("failed_ratio_spike", None, [], "high")
    files = write_report(summary, tmp_path / "reports")
    assert "failed_ratio_spike" in files.html_path.read_text() and "failed_ratio_spike" in files.json_path.read_text()
    assert "**high** failed_ratio_spike on the run:" in report_markdown(summary)
    result = summary.to_json() | {"report": {"html": str(files.html_path)}}
    assert "failed_ratio_spike run:" in " ".join(summary_table(result).split())
    metrics = run_metrics(summary)
    assert metrics["anomalies.run"] == 1 and metrics["anomalies.high"] == 1
    context = AlertContext(run_id="run-x", metrics=metrics)
    alerts = evaluate_rules(load_rules(REPO / "config" / "alert_rules.yaml").for_trigger(Trigger.END), context)
    assert "pipeline-drift" in {a.rule for a in alerts}
    _, body = compose(alerts, context)
    assert "1 pipeline-level anomalies" in body
