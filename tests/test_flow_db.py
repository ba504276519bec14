"""The flow over the pending-documents queue, storing into PostgreSQL: two runs at once share the rows."""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import create_engine, func, insert, select

from loan_extractor.db import DocumentRow, QueueRow
from loan_extractor.migrations import upgrade
from tests.conftest import SAMPLES

pytestmark = [pytest.mark.flow, pytest.mark.tesseract]


def test_two_concurrent_runs_process_every_pending_row_exactly_once(prefect_server, make_postgres_database, tmp_path, monkeypatch) -> None:
    from flows.pipeline import document_processing_pipeline

    url = make_postgres_database()
    upgrade(url)
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES / "L1001", inbox / "L1001")
    shutil.copy(SAMPLES / "page.html", inbox / "page.html")
    keys = sorted(str(p) for p in inbox.rglob("*") if p.is_file())
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(insert(QueueRow), [{"object_key": key, "loan_id": "L1001" if "/L1001/" in key else None} for key in keys])
    monkeypatch.setenv("LOAN_EXTRACTOR_DATABASE_URL", url)
    monkeypatch.setenv("LOAN_EXTRACTOR_DATA_DIR", str(tmp_path / "data"))

    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = list(pool.map(lambda _: document_processing_pipeline(source="db", limit=3), range(2)))

    seen = [d["source"] for run in runs for d in run["documents"]]
    assert sorted(seen) == keys, "each pending row went to exactly one run"
    with engine.connect() as conn:
        assert dict(conn.execute(select(QueueRow.status, func.count()).group_by(QueueRow.status)).all()) == {"done": len(keys)}
        assert conn.scalar(select(func.count()).select_from(DocumentRow)) == len(keys)
        loans = set(conn.scalars(select(DocumentRow.loan_id)))
    assert loans == {"L1001", None}
