"""The pending-documents queue: atomic claims on SQLite and PostgreSQL, fetching, completion, concurrency."""

import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert, select, text, update

from loan_extractor.db import QueueRow, make_engine
from loan_extractor.migrations import upgrade
from loan_extractor.models import Reason
from loan_extractor.sources.db import (
    DbQueueSource,
    ObjectFetcher,
    complete_claims,
    release_claims,
    requeue_stale_claims,
)
from loan_extractor.stages.acquire import acquire


@pytest.fixture(scope="module")
def postgres_queue(make_postgres_database):
    url = make_postgres_database()
    upgrade(url)
    engine = make_engine(url)
    yield engine
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request, tmp_path: Path):
    """A migrated database with an empty queue: a SQLite file, or the module's PostgreSQL database."""
    if request.param == "postgres":
        engine = request.getfixturevalue("postgres_queue")
        with engine.begin() as conn:
            conn.execute(text("TRUNCATE intake_queue RESTART IDENTITY"))
        yield engine
        return
    url = f"sqlite:///{tmp_path / 'queue.sqlite'}"
    upgrade(url)
    engine = make_engine(url)
    yield engine
    engine.dispose()


def _enqueue(engine, keys: list[str], loan_id: str | None = None) -> None:
    """What the other system does: insert `object_key` (and `loan_id`); everything else has defaults."""
    with engine.begin() as conn:
        conn.execute(insert(QueueRow), [{"object_key": key, "loan_id": loan_id} for key in keys])


def _rows(engine) -> list:
    with engine.connect() as conn:
        return conn.execute(select(QueueRow).order_by(QueueRow.id)).all()


def _source(engine, worker: str, root: Path | None = None, **options) -> DbQueueSource:
    return DbQueueSource(engine, ObjectFetcher(local_root=root), worker_id=worker, **options)


def test_new_rows_are_pending_with_defaults(engine) -> None:
    _enqueue(engine, ["a.pdf"])
    (row,) = _rows(engine)
    assert (row.status, row.attempts, row.claimed_by) == ("pending", 0, None) and row.enqueued_at is not None


def test_claim_fetch_and_complete_on_sqlite(engine, tmp_path: Path) -> None:
    (tmp_path / "L1").mkdir()
    (tmp_path / "L1" / "stub.pdf").write_bytes(b"%PDF-1.4 a")
    _enqueue(engine, ["L1/stub.pdf", "L1/gone.pdf"], loan_id="L1")
    _enqueue(engine, ["../outside.pdf"])
    docs = acquire(_source(engine, "run-1", tmp_path), tmp_path / "work")
    assert [(d.source, d.loan_id) for d in docs] == [("L1/stub.pdf", "L1"), ("L1/gone.pdf", "L1"), ("../outside.pdf", None)]
    assert docs[0].sha256 and docs[1].reason == Reason.SOURCE_UNAVAILABLE == docs[2].reason
    assert [r.status for r in _rows(engine)] == ["claimed"] * 3
    assert list(_source(engine, "run-2").list_items()) == []

    assert complete_claims(engine, "run-1", docs) == {"done": 1, "failed": 2}
    rows = _rows(engine)
    assert [(r.status, r.reason, r.claimed_by, r.attempts) for r in rows] == [
        ("done", None, "run-1", 1), ("failed", "source_unavailable", "run-1", 1), ("failed", "source_unavailable", "run-1", 1),
    ]  # fmt: skip
    assert "no such file" in rows[1].message and rows[0].finished_at is not None


def test_limit_claims_no_more_than_it_offers(engine) -> None:
    _enqueue(engine, [f"k{i}" for i in range(7)])
    items = list(_source(engine, "run-1", limit=3, batch=2).list_items())
    assert [i.uri for i in items] == ["k0", "k1", "k2"]
    assert [r.status for r in _rows(engine)] == ["claimed"] * 3 + ["pending"] * 4


def test_a_retried_acquire_offers_its_own_claims_again_first(engine) -> None:
    _enqueue(engine, ["k0", "k1", "k2"])
    first = _source(engine, "run-1", batch=2).list_items()
    assert next(first).uri == "k0"  # the task dies here, holding k0 and k1
    assert [i.uri for i in _source(engine, "run-1", batch=2).list_items()] == ["k0", "k1", "k2"]
    assert [r.attempts for r in _rows(engine)] == [1, 1, 1]


def test_claims_without_documents_fail_and_stale_claims_are_requeued(engine) -> None:
    _enqueue(engine, ["k0", "k1"])
    list(_source(engine, "run-1", limit=1).list_items())
    assert complete_claims(engine, "run-1", []) == {"failed": 1}
    list(_source(engine, "run-2").list_items())
    assert requeue_stale_claims(engine, timedelta(hours=1)) == 0
    with engine.begin() as conn:
        conn.execute(update(QueueRow).where(QueueRow.object_key == "k1").values(claimed_at=QueueRow.claimed_at - timedelta(hours=2)))
    assert requeue_stale_claims(engine, timedelta(hours=1)) == 1
    assert [(r.status, r.claimed_by) for r in _rows(engine)] == [("failed", "run-1"), ("pending", None)]


def test_a_run_that_ends_early_releases_its_claims(engine) -> None:
    _enqueue(engine, ["k0", "k1", "k2"])
    list(_source(engine, "run-1", limit=2).list_items())
    list(_source(engine, "run-2", limit=1).list_items())
    assert release_claims(engine, "run-1") == 2
    assert [(r.status, r.claimed_by) for r in _rows(engine)] == [("pending", None), ("pending", None), ("claimed", "run-2")]
    assert [i.uri for i in _source(engine, "run-3").list_items()] == ["k0", "k1"]


@pytest.mark.s3
def test_s3_object_keys_are_downloaded(engine, s3_bucket, tmp_path: Path) -> None:
    s3_bucket.client.put_object(Bucket=s3_bucket.name, Key="incoming/L2/bank statement é.pdf", Body=b"%PDF-1.4 s3",
                                Metadata={"channel": "broker"})
    _enqueue(engine, [f"s3://{s3_bucket.name}/incoming/L2/bank statement é.pdf", f"s3://{s3_bucket.name}/missing.pdf"])
    source = DbQueueSource(engine, ObjectFetcher(s3_client=s3_bucket.endpoint.client), worker_id="run-1")
    docs = acquire(source, tmp_path / "work")
    assert Path(docs[0].local_path).read_bytes() == b"%PDF-1.4 s3" and docs[0].size_bytes == 11
    assert docs[0].metadata == {"channel": "broker"}  # the object's S3 user metadata, as the S3 source reads it
    assert docs[1].reason == Reason.SOURCE_UNAVAILABLE


def _claim_concurrently(url: str, workers: int = 2) -> list[list[str]]:
    """`workers` threads, each with its own engine, draining the queue in small batches at the same time."""
    seen: list[list[str]] = [[] for _ in range(workers)]
    errors: list[BaseException] = []
    started = threading.Barrier(workers, timeout=30)

    def drain(index: int) -> None:
        engine = make_engine(url)
        try:
            for item in _source(engine, f"run-{index}", batch=5).list_items():
                if not seen[index]:
                    started.wait()  # every claimer holds a first batch before any goes on: they overlap
                seen[index].append(item.uri)
                time.sleep(0.001)  # a little work per document
        except BaseException as exc:
            errors.append(exc)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=drain, args=(i,)) for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    return seen


def _assert_each_row_once(engine, url: str, count: int = 200) -> None:
    _enqueue(engine, [f"obj-{i:03d}" for i in range(count)])
    seen = _claim_concurrently(url)
    assert all(seen), "both claimers should have claimed rows"
    assert sorted(seen[0] + seen[1]) == [f"obj-{i:03d}" for i in range(count)]  # each exactly once
    rows = _rows(engine)
    assert {r.status for r in rows} == {"claimed"} and {r.attempts for r in rows} == {1}
    assert {r.object_key for r in rows if r.claimed_by == "run-0"} == set(seen[0])


def test_two_claimers_take_each_row_once(engine) -> None:
    _assert_each_row_once(engine, engine.url.render_as_string(hide_password=False))
