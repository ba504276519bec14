"""The review queue on SQLite and PostgreSQL: needs_review documents, corrections beside the extraction, ground truth."""

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import select

from loan_extractor.cli import main
from loan_extractor.config import BiasConfig, PipelineConfig
from loan_extractor.db import DocumentRow, FieldRow, make_engine
from loan_extractor.migrations import upgrade
from loan_extractor.models import Anomaly, Document, Reason, Status
from loan_extractor.review import (
    ReviewError,
    corrections_of,
    ground_truth,
    pending,
    record_correction,
)
from loan_extractor.run import RunSummary
from loan_extractor.spec import DocType
from loan_extractor.stages.bias import check_bias, reviewed_truth
from loan_extractor.stages.store import document_key, store_results

NOW = datetime(2026, 1, 2, tzinfo=timezone.utc)


def _w2() -> Document:
    doc = Document(doc_id="w", source="/in/L1/w2.pdf", local_path="", loan_id="L1", sha256="a" * 64, pages=(1,),
                   doc_type=DocType.W2, fields={"tax_year": 2025, "wages": "-5.00", "employee_ssn_last4": "6789"})  # fmt: skip
    return doc.with_issue("validate-extraction", Reason.SCHEMA_CHECK_FAILED, "/in/L1/w2.pdf: wages must be positive", "wages").finalised()


def _docs() -> list[Document]:
    unknown = Document(doc_id="u", source="/in/L1/letter.pdf", local_path="", loan_id="L1", sha256="b" * 64, pages=(1,), doc_type=DocType.UNKNOWN)
    unknown = unknown.with_issue("extract", Reason.UNKNOWN_TYPE, "/in/L1/letter.pdf: type not recognised").finalised()
    odd = Anomaly(kind="income_mismatch", severity="high", message="stated income differs from W-2 wages", loan_id="L1")
    stub = Document(doc_id="s", source="/in/L1/stub.pdf", local_path="", loan_id="L1", sha256="c" * 64, pages=(1,),
                    doc_type=DocType.PAY_STUB, fields={"gross_pay": "100.00"}, anomalies=(odd,)).finalised()  # fmt: skip
    done = Document(doc_id="p", source="/in/L1/ok.pdf", local_path="", sha256="d" * 64, pages=(1,), doc_type=DocType.PAY_STUB,
                    status=Status.PROCESSED)  # fmt: skip
    return [_w2(), unknown, stub, done]


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path: Path, monkeypatch):
    """The same tests on SQLite and on a throwaway PostgreSQL database."""
    url = f"sqlite:///{tmp_path / 'db.sqlite'}" if request.param == "sqlite" else request.getfixturevalue("make_postgres_database")()
    upgrade(url)
    engine = make_engine(url)
    store_results(engine, RunSummary(run_id="r1", source="/in", started_at=NOW, finished_at=NOW, config_digest="c",
                                     code_version="v", documents=tuple(_docs())))  # fmt: skip
    monkeypatch.setenv("LOAN_EXTRACTOR_DATABASE_URL", url)
    monkeypatch.setenv("LOAN_EXTRACTOR_REVIEWER", "ana")
    yield engine
    engine.dispose()


def test_queue_lists_needs_review_documents_with_reasons_and_messages(engine) -> None:
    items = pending(engine)
    assert [(i["source"], i["reason"]) for i in items] == [
        ("/in/L1/w2.pdf", "schema_check_failed"), ("/in/L1/letter.pdf", "unknown_type"), ("/in/L1/stub.pdf", "anomaly")
    ]  # fmt: skip
    w2, _, stub = items
    assert w2["doc_type"] == "w2" and w2["loan_id"] == "L1" and w2["doc_key"] == document_key(_w2())
    assert w2["messages"] == ["/in/L1/w2.pdf: wages must be positive"]
    assert stub["messages"] == ["stated income differs from W-2 wages"]


def test_correction_is_normalised_and_kept_beside_the_extraction(engine) -> None:
    key = document_key(_w2())
    done = record_correction(engine, key, "wages", "$52,100.50")
    assert (done.old_value, done.new_value, done.kind, done.reviewer) == ("-5.00", "52100.50", "money", "ana")
    record_correction(engine, str(done.document_id), "tax_year", "2024", reviewer="bo")
    record_correction(engine, key, "wages", "52,200.00")  # the latest correction of a field wins
    assert ground_truth(engine) == {key: {"wages": "52200.00", "tax_year": 2024}}
    with engine.connect() as conn:
        row = conn.execute(select(DocumentRow).where(DocumentRow.doc_key == key)).one()
        wages = conn.scalar(select(FieldRow.value).where(FieldRow.document_id == row.id, FieldRow.field == "wages"))
    assert row.fields["wages"] == "-5.00" and wages == "-5.00"  # the extraction is never overwritten
    history = corrections_of(engine, key)
    assert [(c["field"], c["old_value"], c["new_value"], c["reviewer"]) for c in history] == [
        ("wages", "-5.00", "52100.50", "ana"), ("tax_year", "2025", "2024", "bo"), ("wages", "-5.00", "52200.00", "ana")
    ]  # fmt: skip
    assert all(datetime.fromisoformat(c["corrected_at"]).tzinfo is not None for c in history)
    assert pending(engine)[0]["corrections"] == history


def test_corrections_survive_a_rerun_of_the_document(engine) -> None:
    key = document_key(_w2())
    record_correction(engine, key, "wages", "52000")
    store_results(engine, RunSummary(run_id="r2", source="/in", started_at=NOW, finished_at=NOW, config_digest="c",
                                     code_version="v", documents=(_w2(),)))  # fmt: skip
    assert ground_truth(engine) == {key: {"wages": "52000.00"}}


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("salary", "1", "'salary' is not a field of a w2"),
        ("wages", "lots", "'lots' is not a valid money for wages"),
        ("tax_year", "25", "not a valid int for tax_year"),
        ("employee_ssn_last4", "123-45-6789", "exactly the last four digits"),
        ("employee_ssn_last4", "12345", "exactly the last four digits"),
        ("employee_name", "Ana 123-45-6789", "never stored"),
        ("doc_type", "passport", "doc_type must be one of"),
    ],
)
def test_unknown_fields_and_invalid_values_are_refused(engine, field: str, value: str, says: str) -> None:
    with pytest.raises(ReviewError, match=says) as refused:
        record_correction(engine, document_key(_w2()), field, value)
    if "6789" in value:
        assert value not in str(refused.value)  # a full number is never echoed
    assert ground_truth(engine) == {}


def test_a_corrected_type_opens_that_type_s_fields(engine) -> None:
    key = document_key(_docs()[1])
    with pytest.raises(ReviewError, match="correct the type first"):
        record_correction(engine, key, "gross_pay", "100")
    record_correction(engine, key, "doc_type", "pay_stub")
    record_correction(engine, key, "pay_date", "March 6, 2026")
    assert ground_truth(engine)[key] == {"doc_type": "pay_stub", "pay_date": "2026-03-06"}


def test_unknown_document_is_refused(engine) -> None:
    with pytest.raises(ReviewError, match="no document 'nope'"):
        record_correction(engine, "nope", "wages", "1")


def test_cli_lists_and_sets(engine, capsys) -> None:
    assert main(["review", "list", "--json"]) == 0
    items = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [i["reason"] for i in items] == ["schema_check_failed", "unknown_type", "anomaly"]
    assert main(["review", "set", str(items[0]["id"]), "wages", "52000", "--by", "cy"]) == 0
    assert "'-5.00' -> '52000.00' by cy" in capsys.readouterr().out
    assert main(["review", "set", str(items[0]["id"]), "employee_ssn_last4", "123456789"]) == 2
    assert "123456789" not in capsys.readouterr().err
    assert main(["review", "list"]) == 0
    listed = capsys.readouterr().out
    assert "#1 /in/L1/w2.pdf  loan L1  w2  schema_check_failed" in listed
    assert "  corrected wages: '-5.00' -> '52000.00' by cy" in listed


def test_cli_names_the_upgrade_when_the_database_is_behind(make_postgres_database, monkeypatch, capsys) -> None:
    monkeypatch.setenv("LOAN_EXTRACTOR_DATABASE_URL", make_postgres_database())
    assert main(["review", "list"]) == 1
    assert main(["review", "set", "1", "wages", "1"]) == 1
    assert capsys.readouterr().err.count("run `loan-extractor db upgrade`") == 2


def _stubs() -> list[Document]:
    """Six processed pay stubs whose names OCR read without marks."""
    return [Document(doc_id=f"s{i}", source=f"/in/L2/stub{i}.pdf", local_path="", loan_id="L2", sha256=f"{i}" * 64,
                     pages=(1,), doc_type=DocType.PAY_STUB, status=Status.PROCESSED,
                     fields={"employee_name": name, "gross_pay": "100.00"})
            for i, name in enumerate(["Jose Nunez", "Zoe Cote", "Soren Aberg", "Jane Doe", "Ann Lee", "Bo Li"], start=1)]


def test_ground_truth_of_given_keys_only(engine) -> None:
    w2, letter = document_key(_w2()), document_key(_docs()[1])
    record_correction(engine, w2, "wages", "52000")
    record_correction(engine, letter, "doc_type", "pay_stub")
    assert set(ground_truth(engine)) == {w2, letter}
    assert ground_truth(engine, [w2, "absent"]) == {w2: {"wages": "52000.00"}}
    assert ground_truth(engine, []) == {}


def test_reviewers_names_move_documents_to_their_script_and_give_field_accuracy(engine) -> None:
    docs = _stubs()
    store_results(engine, RunSummary(run_id="r3", source="/in", started_at=NOW, finished_at=NOW, config_digest="c",
                                     code_version="v", documents=tuple(docs)))  # fmt: skip
    for doc, name in zip(docs, ["José Núñez", "Zoé Côté", "Søren Åberg", "Jane Doe", "Ann Lee", "Bo Li"]):
        record_correction(engine, document_key(doc), "employee_name", name)  # the last three confirm the reading
    cfg = PipelineConfig(bias=BiasConfig(slices=("name_script",)))
    without = {r.group: r.count for r in check_bias(docs, cfg) if r.metric == "validation_pass_rate"}
    assert without == {"ascii": 6}  # by the OCR'd names alone, the gap is invisible
    rows = {(r.group, r.metric): r for r in check_bias(docs, cfg, reviewed_truth(engine, docs))}
    accuracy = {g: (r.count, r.value) for (g, m), r in rows.items() if m == "field_accuracy"}
    assert accuracy == {"ascii": (3, 1.0), "latin_diacritics": (3, 0.0)}  # only the reviewed field is judged
    assert rows[("latin_diacritics", "field_accuracy")].ratio == 0.0
    assert rows[("ascii", "validation_pass_rate")].ratio == 1.0  # the proxies see no gap here


def test_the_bias_task_reads_corrections_from_the_configured_database(engine) -> None:
    from loan_extractor.settings import Settings
    from tasks.analysis import check_bias as bias_task

    docs = _stubs()
    store_results(engine, RunSummary(run_id="r4", source="/in", started_at=NOW, finished_at=NOW, config_digest="c",
                                     code_version="v", documents=tuple(docs)))  # fmt: skip
    record_correction(engine, document_key(docs[0]), "employee_name", "José Núñez")
    cfg = PipelineConfig(bias=BiasConfig(slices=("name_script",), min_group_size=1))
    rows = bias_task.fn(docs, cfg, Settings())  # the database of LOAN_EXTRACTOR_DATABASE_URL
    assert {(r["group"], r["count"], r["value"]) for r in rows if r["metric"] == "field_accuracy"} == {
        ("latin_diacritics", 1, 0.0)}
    assert not [r for r in bias_task.fn(docs, cfg) if r["metric"] == "field_accuracy"]  # no settings: no truth
