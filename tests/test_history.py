"""Stored history read back through the real store and scored by the robust z: SQLite here,
PostgreSQL in tests/test_history_postgres.py."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import event

from loan_extractor.analysis.outliers import find_outliers
from loan_extractor.config import OutlierConfig, PipelineConfig
from loan_extractor.db import utcnow
from loan_extractor.models import Document, Reason, Status
from loan_extractor.run import RunSummary
from loan_extractor.spec import DocType
from loan_extractor.stages.anomalies import detect_anomalies
from loan_extractor.stages.history import load_history
from loan_extractor.stages.store import store_results

CFG = PipelineConfig()  # robust_z 4.0, min_group_size 10, history_days 90


@pytest.fixture
def engine(migrated_sqlite):
    return migrated_sqlite


def stub(name: str, gross: str, **changes) -> Document:
    doc = Document(doc_id=name, source=f"/in/{name}.pdf", local_path="/in", sha256=f"sha-{name}", pages=(1,),
                   doc_type=DocType.PAY_STUB, fields={"gross_pay": gross, "net_pay": None, "employee_name": "A B"})
    return doc.update(**changes).finalised()


def store_run(engine, run_id: str, docs: list[Document]) -> None:
    now = utcnow()
    store_results(engine, RunSummary(run_id=run_id, source="/in", started_at=now, finished_at=now, config_digest="c",
                                     code_version="v", documents=tuple(docs)))  # fmt: skip


def stored_stubs(engine, count: int = 30) -> None:
    """`count` ordinary pay stubs (gross 4000.00 to 4580.00) in one run, plus ones that must never count."""
    docs = [stub(f"s{i}", f"{4000 + 20 * i}.00") for i in range(count)]
    failed = stub("broken", "99999.00").update(status=Status.FAILED, reason=Reason.TOOL_FAILED)
    w2 = Document(doc_id="w", source="/in/w.pdf", local_path="/in", sha256="sha-w", pages=(1,), doc_type=DocType.W2,
                  fields={"wages": "52000.00"}).finalised()  # fmt: skip
    store_run(engine, "run-old", [*docs, failed, w2])


def test_history_holds_usable_documents_of_the_batch_types_only(engine) -> None:
    stored_stubs(engine)
    history = load_history(engine, [stub("new", "4300.00")], CFG)
    assert len(history.documents) == 30  # the failed stub and the W-2 (a type not in the batch) are left out
    assert {d.doc_type for d in history.documents} == {"pay_stub"}
    assert history.documents[0].values == {"gross_pay": pytest.approx(4580.0)}  # nulls and text are not figures


def test_a_value_usual_in_a_small_batch_is_an_outlier_against_history(engine) -> None:
    stored_stubs(engine)
    batch = [stub("a", "4300.00"), stub("b", "9000.00"), stub("c", "4250.00")]
    assert find_outliers(batch, CFG) == []  # three values: too few to judge on the batch alone
    history = load_history(engine, batch, CFG)
    found = find_outliers(batch, CFG, history.documents)
    assert [a.documents for a in found] == [("b",)]
    # 33 values (stored 4000, 4020, ..., 4580 and the batch's three): median 4300, MAD 140;
    # z = 0.6745 * (9000 - 4300) / 140
    assert found[0].figures["stored_values"] == 30 and found[0].figures["median"] == pytest.approx(4300.0)
    assert found[0].score == pytest.approx(22.64, abs=0.01)
    assert "over this batch and 30 stored documents" in found[0].message


def test_the_batch_document_itself_is_not_its_own_history(engine) -> None:
    stored_stubs(engine)
    rerun = stub("s0", "4000.00")  # the same content (sha and pages) as a stored row: one doc_key
    history = load_history(engine, [rerun], CFG)
    assert len(history.documents) == 29
    assert "sha-s0:1-1" not in {d.doc_key for d in history.documents}


def test_lookback_and_row_cap(engine) -> None:
    stored_stubs(engine)
    batch = [stub("new", "4300.00")]
    later = utcnow() + timedelta(days=CFG.outliers.history_days + 1)
    assert load_history(engine, batch, CFG, now=later).documents == ()
    capped = PipelineConfig(outliers=OutlierConfig(history_max_rows=5))
    assert len(load_history(engine, batch, capped).documents) == 5
    off = PipelineConfig(outliers=OutlierConfig(history_days=0))
    assert load_history(engine, batch, off).documents == ()


def test_history_is_one_query_for_documents_and_one_for_runs(engine) -> None:
    stored_stubs(engine)
    statements: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    history = load_history(engine, [stub("new", "4300.00")], CFG)
    assert len(statements) == 2 and len(history.runs) == 1


def test_stored_runs_carry_their_figures(engine) -> None:
    docs = [stub(f"s{i}", "4000.00") for i in range(4)] + [stub("f", "1.00").update(status=Status.FAILED, reason=Reason.TOOL_FAILED)]
    docs[0] = docs[0].update(ocr_confidence=0.8)
    docs[1] = docs[1].update(ocr_confidence=0.6, status=Status.NEEDS_REVIEW, reason=Reason.LOW_CONFIDENCE)
    store_run(engine, "run-1", docs)
    (run,) = load_history(engine, [], CFG).runs
    assert run.run_id == "run-1"
    assert (run.figures.documents, run.figures.failed, run.figures.needs_review) == (5, 1, 1)
    assert run.figures.mean_ocr_confidence == pytest.approx(0.7)


def test_detect_anomalies_with_history_from_the_database(engine) -> None:
    stored_stubs(engine)
    batch = [stub("a", "4300.00"), stub("b", "9000.00")]
    history = load_history(engine, batch, CFG)
    out, anomalies = detect_anomalies(batch, CFG, history)
    assert [a.kind for a in anomalies] == ["outlier"]  # one earlier run: too few for run-level checks
    assert out[1].status == Status.NEEDS_REVIEW and out[0].status == Status.PROCESSED


def test_history_before_a_runs_start_leaves_out_what_was_stored_after_it(engine) -> None:
    """A replay judges its batch against the history its run saw: nothing first stored or run since."""
    cutoff = utcnow()
    stored_stubs(engine)  # stored after the cutoff: a later run's documents
    assert load_history(engine, [stub("new", "4300.00")], CFG, before=cutoff).documents == ()
    assert load_history(engine, [stub("new", "4300.00")], CFG, before=cutoff).runs == ()
    later = load_history(engine, [stub("new", "4300.00")], CFG, before=utcnow() + timedelta(seconds=1))
    assert len(later.documents) == 30 and [run.run_id for run in later.runs] == ["run-old"]
