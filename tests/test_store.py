"""Storing results on SQLite; tests/test_store_postgres.py runs the same tests on PostgreSQL."""

from datetime import datetime, timezone

import pytest
from sqlalchemy import event, func, select

from loan_extractor.db import (
    AnomalyRow,
    Base,
    BiasMetricRow,
    DocumentRow,
    FieldRow,
    PageRow,
    RunRow,
    ValidationFailureRow,
)  # fmt: skip
from loan_extractor.config import BiasConfig, PipelineConfig
from loan_extractor.models import Anomaly, Document, PageImage, Reason, Status
from loan_extractor.run import RunSummary
from loan_extractor.spec import DocType
from loan_extractor.stages.bias import check_bias
from loan_extractor.stages.store import document_key, store_results, stored_hashes

NOW = datetime(2026, 1, 2, tzinfo=timezone.utc)
RESULT_TABLES = [table for table in Base.metadata.sorted_tables if table.name != "intake_queue"]


@pytest.fixture
def engine(migrated_sqlite):
    return migrated_sqlite


def _page(number: int, dhash: str = "ab") -> PageImage:
    return PageImage(number=number, path=f"/w/p{number}.png", width=10, height=10, dpi=300.0, clarity=0.8, dhash=dhash)


def _doc(name: str, sha: str, **changes) -> Document:
    base = Document(doc_id=name, source=f"/in/{name}", local_path=f"/in/{name}", sha256=sha, pages=(1,), page_images=(_page(1),))
    return base.update(**changes)


def _w2(name: str, sha: str, pages: int = 2, **changes) -> Document:
    """A W-2 needing review: every field, two of them read, one schema rule broken."""
    doc = _doc(name, sha, doc_type=DocType.W2, pages=tuple(range(1, pages + 1)), page_images=tuple(_page(n) for n in range(1, pages + 1)),
               fields={"tax_year": 2025, "wages": "52000.00"}, confidence={"tax_year": 0.99, "wages": 0.9}, **changes)  # fmt: skip
    doc = doc.with_issue("validate-extraction", Reason.SCHEMA_CHECK_FAILED, f"{doc.source}: wages must be positive", "wages")
    return doc.finalised()


def _summary(run_id: str, docs: list[Document], **extra) -> RunSummary:
    return RunSummary(run_id=run_id, source="/in", started_at=NOW, finished_at=NOW, config_digest="c", code_version="v", documents=tuple(docs), **extra)


def _count(engine, table) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(table))


def _counts(engine) -> dict[str, int]:
    return {table.name: _count(engine, table) for table in RESULT_TABLES}


def test_rerun_changes_no_row_count_and_updates_in_place(engine) -> None:
    processed = _doc("a", "a" * 64, status=Status.PROCESSED, doc_type=DocType.W2, fields={"tax_year": 2025})
    rejected = _doc("b", "b" * 64).with_issue("validate-input", Reason.CORRUPT, "b: corrupt")
    store_results(engine, _summary("r1", [processed, rejected]))
    again = store_results(engine, _summary("r2", [processed, rejected]))
    assert again.document_rows == 2 == _count(engine, DocumentRow)
    assert _count(engine, RunRow) == 2
    with engine.connect() as conn:
        row = conn.execute(select(DocumentRow).where(DocumentRow.doc_key == document_key(processed))).one()
    assert row.run_id == "r2" and row.status == "processed" and row.fields["tax_year"] == 2025
    assert row.min_dpi == 300.0 and row.fingerprints == ["ab"]


def test_duplicates_keep_the_original_row(engine) -> None:
    original = _doc("a", "c" * 64, status=Status.PROCESSED)
    copy = _doc("copy", "c" * 64).with_issue("validate-input", Reason.DUPLICATE, "copy duplicates a")
    result = store_results(engine, _summary("r1", [original, copy]))
    assert (result.written, result.skipped_duplicates, result.document_rows) == (1, 1, 1)
    with engine.connect() as conn:
        assert conn.scalar(select(DocumentRow.source)) == "/in/a"


def test_stored_hashes_only_counts_processed_or_review(engine) -> None:
    done = _doc("a", "d" * 64, status=Status.PROCESSED)
    review = _doc("b", "e" * 64, status=Status.NEEDS_REVIEW, reason=Reason.ANOMALY)
    bad = _doc("c", "f" * 64).with_issue("validate-input", Reason.CORRUPT, "bad")
    store_results(engine, _summary("r1", [done, review, bad]))
    assert stored_hashes(engine, ["d" * 64, "e" * 64, "f" * 64, "0" * 64]) == {"d" * 64, "e" * 64}


def test_detail_rows_of_a_document(engine) -> None:
    doc = _w2("w2", "1" * 64)
    store_results(engine, _summary("r1", [doc]))
    with engine.connect() as conn:
        fields = {r.field: r for r in conn.execute(select(FieldRow))}
        failure = conn.execute(select(ValidationFailureRow)).one()
        pages = conn.execute(select(PageRow.number, PageRow.dpi, PageRow.dhash).order_by(PageRow.number)).all()
    assert len(fields) == 9 and fields["wages"].value == "52000.00" and fields["wages"].kind == "money"
    assert fields["tax_year"].value == "2025" and fields["tax_year"].confidence == 0.99
    assert fields["employer_ein"].value is None and fields["employer_ein"].confidence is None
    assert (failure.stage, failure.reason, failure.field) == ("validate-extraction", "schema_check_failed", "wages")
    assert pages == [(1, 300.0, "ab"), (2, 300.0, "ab")]


def test_identical_store_changes_no_row_count_in_any_table(engine) -> None:
    anomaly = Anomaly(kind="name_mismatch", severity="high", message="names differ", loan_id="L1", documents=("w2",), figures={"n": 2})
    bias = {"slice": "doc_type", "group": "w2", "count": 1, "metric": "pass_rate", "value": 1.0, "difference": 0.0, "ratio": 1.0, "compared": True}
    summary = _summary("r1", [_w2("w2", "2" * 64), _doc("x", "3" * 64, status=Status.PROCESSED)], anomalies=(anomaly,), bias=(bias,))
    store_results(engine, summary)
    first = _counts(engine)
    store_results(engine, summary)
    assert _counts(engine) == first
    assert all(n > 0 for n in first.values()), first
    with engine.connect() as conn:
        stored = conn.execute(select(AnomalyRow)).one()
        assert conn.scalar(select(BiasMetricRow.group_name)) == "w2"
    assert stored.documents == [document_key(summary.documents[0])] and stored.figures == {"n": 2}


def test_bias_rows_of_every_metric_and_slice_are_stored(engine) -> None:
    key = "k" * 59  # the longest metadata key a slice name may carry: `meta:` + 59 = the column's 64
    docs = [_w2(f"w{i}", f"{i}" * 64, metadata={key: ("a" if i < 3 else "b") * 200}) for i in range(6)]
    truth = {document_key(doc): {"wages": "52000.00", "tax_year": 2024 if i < 3 else 2025} for i, doc in enumerate(docs)}
    cfg = PipelineConfig(bias=BiasConfig(slices=("name_script", f"meta:{key}", "region")))
    rows = tuple(row.model_dump() for row in check_bias(docs, cfg, truth))
    store_results(engine, _summary("r1", docs, bias=rows))
    with engine.connect() as conn:
        stored = conn.execute(select(BiasMetricRow).where(BiasMetricRow.slice_name == f"meta:{key}")).all()
        ignored = conn.execute(select(BiasMetricRow).where(BiasMetricRow.slice_name == "region")).one()
    assert len(stored) == 2 * 4 and {len(row.group_name) for row in stored} == {64}
    accuracy = {row.group_name[0]: (row.count, row.value, row.ratio) for row in stored if row.metric == "field_accuracy"}
    assert accuracy == {"a": (3, 0.5, 0.5), "b": (3, 1.0, 0.5)}
    assert "ignored" in ignored.note and "field_accuracy" in ignored.metric


def test_children_are_replaced_not_duplicated(engine) -> None:
    store_results(engine, _summary("r1", [_w2("w2", "4" * 64, pages=3)]))
    fixed = _w2("w2", "4" * 64, pages=3).update(fields={"tax_year": 2024}, issues=(), status=Status.PROCESSED, reason=None)
    store_results(engine, _summary("r2", [fixed]))
    assert _count(engine, PageRow) == 3 and _count(engine, FieldRow) == 9
    assert _count(engine, ValidationFailureRow) == 0
    with engine.connect() as conn:
        assert conn.scalar(select(FieldRow.value).where(FieldRow.field == "tax_year")) == "2024"
        assert conn.scalar(select(FieldRow.value).where(FieldRow.field == "wages")) is None


def test_same_document_twice_in_one_batch_is_one_row(engine) -> None:
    first = _doc("a", "5" * 64).with_issue("validate-input", Reason.CORRUPT, "a: corrupt")
    second = _doc("b", "5" * 64).with_issue("validate-input", Reason.CORRUPT, "b: corrupt")
    assert store_results(engine, _summary("r1", [first, second])).document_rows == 1


def test_writes_are_bulk_not_one_round_trip_per_row(engine) -> None:
    def statements(docs: list[Document], run_id: str) -> int:
        seen: list[str] = []
        listener = lambda *args: seen.append(args[2])
        event.listen(engine, "before_cursor_execute", listener)
        try:
            store_results(engine, _summary(run_id, docs))
        finally:
            event.remove(engine, "before_cursor_execute", listener)
        return len(seen)

    few = statements([_w2(f"a{i}", f"{i:064x}") for i in range(2)], "r1")
    many = statements([_w2(f"b{i}", f"{i + 100:064x}") for i in range(60)], "r2")
    assert _count(engine, FieldRow) == 62 * 9 and _count(engine, PageRow) == 62 * 2
    assert many == few <= 12
