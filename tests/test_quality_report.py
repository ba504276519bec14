"""The quality report over stored results: documents read back from the period's runs, analysed as one batch."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import update

from loan_extractor.config import PipelineConfig
from loan_extractor.db import RunRow
from loan_extractor.lineage import build_manifest, open_database, store_manifest
from loan_extractor.models import Document, Status
from loan_extractor.quality import analyse_window, load_window
from loan_extractor.stages.bias import reviewed_truth
from loan_extractor.run import RunSummary
from loan_extractor.stages.store import document_key, store_results

CFG = PipelineConfig()
NOW = datetime(2026, 11, 28, 6, 0, tzinfo=timezone.utc)
APPLICATION = {"applicant_name": "Jane Q. Doe", "applicant_ssn_last4": "6789", "annual_income": "85000.00",
               "employer_name": "Acme Widgets, Inc."}  # fmt: skip
STUB = {"employee_name": "JANE DOE", "employer_name": "ACME WIDGETS INC", "pay_period_start": "2026-03-01",
        "pay_period_end": "2026-03-14", "gross_pay": "3269.23"}  # fmt: skip


def doc(name: str, doc_type: str, fields: dict, loan_id: str = "L1", status: Status = Status.PROCESSED) -> Document:
    return Document(doc_id=name, source=f"{loan_id}/{name}.pdf", local_path="/nowhere", loan_id=loan_id, sha256=name * 8,
                    pages=(1,), doc_type=doc_type, fields=fields, status=status)  # fmt: skip


def store_run(engine, run_id: str, started: datetime, docs: list[Document]) -> None:
    summary = RunSummary(run_id=run_id, source="s3://incoming/", started_at=started, finished_at=started + timedelta(minutes=1),
                         config_digest=CFG.digest(), code_version="test", documents=tuple(docs))  # fmt: skip
    store_results(engine, summary)
    store_manifest(engine, build_manifest(summary, CFG))


@pytest.fixture
def engine(migrated_sqlite):
    return migrated_sqlite


def test_a_loan_split_over_two_runs_is_checked_across_them(engine) -> None:
    """Each run saw half the loan and found nothing; the period's report sees the other person's pay stub."""
    store_run(engine, "run-1", NOW - timedelta(days=2), [doc("aa", "loan_application", APPLICATION)])
    store_run(engine, "run-2", NOW - timedelta(days=1), [doc("bb", "pay_stub", STUB | {"employee_name": "Robert Smith"})])
    window = load_window(engine, NOW, days=7)
    assert window.runs == ("run-1", "run-2") and window.without_manifest == 0
    summary = analyse_window(window, CFG, "report-1", CFG.digest(), "test")
    assert [(a.kind, a.loan_id) for a in summary.anomalies] == [("name_mismatch", "L1")]
    assert {d.source: d.status for d in summary.documents} == {"L1/aa.pdf": Status.NEEDS_REVIEW, "L1/bb.pdf": Status.NEEDS_REVIEW}
    assert "2 runs" in summary.source and summary.bias, "the bias table covers the period's documents"


def test_the_period_keeps_each_documents_latest_record_and_leaves_older_runs_out(engine) -> None:
    old = doc("bb", "pay_stub", STUB | {"employee_name": "Robert Smith"})
    store_run(engine, "run-old", NOW - timedelta(days=30), [doc("aa", "loan_application", APPLICATION), old])
    store_run(engine, "run-1", NOW - timedelta(days=3), [doc("bb", "pay_stub", STUB, status=Status.NEEDS_REVIEW)])
    store_run(engine, "run-2", NOW - timedelta(days=1), [doc("bb", "pay_stub", STUB), doc("cc", "pay_stub", STUB, loan_id="L2")])
    window = load_window(engine, NOW, days=7)
    assert window.runs == ("run-1", "run-2")
    assert [d.source for d in window.documents] == ["L1/bb.pdf", "L2/cc.pdf"], "reprocessed once, in the order last processed"
    summary = analyse_window(window, CFG, "report-2", CFG.digest(), "test")
    assert summary.anomalies == () and summary.counts()["processed"] == 2


def test_runs_without_a_manifest_are_counted_and_left_out(engine) -> None:
    store_run(engine, "run-1", NOW - timedelta(days=1), [doc("aa", "loan_application", APPLICATION)])
    with engine.begin() as conn:
        conn.execute(update(RunRow).where(RunRow.run_id == "run-1").values(summary={}))
    window = load_window(engine, NOW, days=7)
    assert (window.runs, window.documents, window.without_manifest) == ((), (), 1)
    summary = analyse_window(window, CFG, "report-3", CFG.digest(), "test")
    assert "1 older runs without a manifest left out" in summary.source and summary.documents == ()


@pytest.mark.flow
def test_the_quality_report_flow_reports_the_period_and_alerts(prefect_server, tmp_path, monkeypatch, webhook_receiver) -> None:
    """The scheduled flow on the database of the settings: the report file, its artifacts, the rules' alerts."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    from flows.quality_report import quality_report

    monkeypatch.setenv("LOAN_EXTRACTOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LOAN_EXTRACTOR_SLACK_WEBHOOK_URL", webhook_receiver.url)
    (tmp_path / "data").mkdir()
    engine = open_database(f"sqlite:///{tmp_path / 'data' / 'loan_extractor.db'}")
    now = datetime.now(timezone.utc)
    store_run(engine, "run-1", now - timedelta(days=2), [doc("aa", "loan_application", APPLICATION)])
    store_run(engine, "run-2", now - timedelta(hours=1), [doc("bb", "pay_stub", STUB | {"employee_name": "Robert Smith"})])
    engine.dispose()
    state = quality_report(days=7, return_state=True)
    result = state.result()
    assert (result["runs"], result["documents"], result["anomalies"]) == (2, 2, 1)
    assert result["counts"]["needs_review"] == 2 and "review-backlog" in result["alerts"]["fired"]
    assert "name_mismatch" in open(result["report"], encoding="utf-8").read()
    assert any("2 of 2 documents need review" in text for text in webhook_receiver.texts()), "the rule reaches Slack"
    with get_client(sync_client=True) as client:
        run_filter = FlowRunFilter(id=FlowRunFilterId(any_=[state.state_details.flow_run_id]))
        keys = {a.key for a in client.read_artifacts(flow_run_filter=run_filter)}
    assert {"quality-summary", "quality-bias", "quality-report"} <= keys


def test_the_runs_own_anomalies_are_listed_and_corrections_give_field_accuracy(engine) -> None:
    from loan_extractor.models import Anomaly
    from loan_extractor.review import record_correction

    spike = Anomaly(kind="volume_spike", severity="medium", message="run-2 took 40 documents, 4 usually.", score=10.0)
    store_run(engine, "run-1", NOW - timedelta(days=2), [doc("aa", "loan_application", APPLICATION)])
    summary = RunSummary(run_id="run-2", source="s3://incoming/", started_at=NOW - timedelta(days=1), finished_at=NOW,
                         config_digest=CFG.digest(), code_version="test", documents=(doc("bb", "pay_stub", STUB),), anomalies=(spike,))  # fmt: skip
    store_results(engine, summary)
    store_manifest(engine, build_manifest(summary, CFG))
    record_correction(engine, document_key(summary.documents[0]), "gross_pay", "3296.23", reviewer="qa")
    window = load_window(engine, NOW, days=7)
    assert window.run_anomalies == (spike,)
    result = analyse_window(window, CFG, "report-4", CFG.digest(), "test", truth=reviewed_truth(engine, list(window.documents)))
    assert spike in result.anomalies
    accuracy = [row for row in result.bias if row["metric"] == "field_accuracy" and row["slice"] == "doc_type"]
    assert [(row["group"], row["count"]) for row in accuracy] == [("pay_stub", 1)]
    assert accuracy[0]["value"] < 1.0, "the corrected gross pay counts as a miss"
