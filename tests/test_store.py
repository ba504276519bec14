from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import func, select

from loan_extractor.db import DocumentRow, RunRow, make_engine
from loan_extractor.models import Document, PageImage, Reason, Status
from loan_extractor.run import RunSummary
from loan_extractor.spec import DocType
from loan_extractor.stages.store import document_key, store_results, stored_hashes

NOW = datetime(2026, 1, 2, tzinfo=timezone.utc)


def _doc(name: str, sha: str, **changes) -> Document:
    page = PageImage(number=1, path="/w/p1.png", width=10, height=10, dpi=300.0, clarity=0.8, dhash="ab")
    base = Document(doc_id=name, source=f"/in/{name}", local_path=f"/in/{name}", sha256=sha, pages=(1,), page_images=(page,))
    return base.update(**changes)


def _summary(run_id: str, docs: list[Document]) -> RunSummary:
    return RunSummary(run_id=run_id, source="/in", started_at=NOW, finished_at=NOW, config_digest="c", code_version="v", documents=tuple(docs))


def _count(engine, table) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(table))


def test_rerun_changes_no_row_count_and_updates_in_place(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
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


def test_duplicates_keep_the_original_row(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    original = _doc("a", "c" * 64, status=Status.PROCESSED)
    copy = _doc("copy", "c" * 64).with_issue("validate-input", Reason.DUPLICATE, "copy duplicates a")
    result = store_results(engine, _summary("r1", [original, copy]))
    assert (result.written, result.skipped_duplicates, result.document_rows) == (1, 1, 1)
    with engine.connect() as conn:
        assert conn.scalar(select(DocumentRow.source)) == "/in/a"


def test_stored_hashes_only_counts_processed_or_review(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    done = _doc("a", "d" * 64, status=Status.PROCESSED)
    review = _doc("b", "e" * 64, status=Status.NEEDS_REVIEW, reason=Reason.ANOMALY)
    bad = _doc("c", "f" * 64).with_issue("validate-input", Reason.CORRUPT, "bad")
    store_results(engine, _summary("r1", [done, review, bad]))
    assert stored_hashes(engine, ["d" * 64, "e" * 64, "f" * 64, "0" * 64]) == {"d" * 64, "e" * 64}
