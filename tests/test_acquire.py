import hashlib
from pathlib import Path

from loan_extractor.models import Reason, Status
from loan_extractor.sources import LocalFiles, LocalFolder
from loan_extractor.stages.acquire import acquire, document_id


def _tree(root: Path) -> None:
    (root / "L1").mkdir(parents=True)
    (root / "L1" / "a.pdf").write_bytes(b"%PDF-1.4 a")
    (root / "b.png").write_bytes(b"\x89PNG b")
    (root / ".hidden").write_bytes(b"x")
    (root / "truth.json").write_text("{}")


def test_folder_gives_loan_ids_hashes_and_sorted_order(tmp_path: Path) -> None:
    _tree(tmp_path)
    source = LocalFolder(tmp_path, ignore=(".*", "truth.json"))
    docs = acquire(source, tmp_path / "work")
    assert [Path(d.source).name for d in docs] == ["a.pdf", "b.png"]  # sorted by path: "L1/a.pdf" < "b.png"
    by_name = {Path(d.source).name: d for d in docs}
    assert by_name["a.pdf"].loan_id == "L1"
    assert by_name["b.png"].loan_id is None
    assert by_name["a.pdf"].sha256 == hashlib.sha256(b"%PDF-1.4 a").hexdigest()
    assert by_name["a.pdf"].size_bytes == len(b"%PDF-1.4 a")
    assert sorted(source.ignored) == [".hidden", "truth.json"]


def test_limit_and_explicit_loan_id(tmp_path: Path) -> None:
    _tree(tmp_path)
    docs = acquire(LocalFolder(tmp_path, ignore=(".*",)), tmp_path / "w", limit=2, loan_id="X9")
    assert len(docs) == 2
    assert {d.loan_id for d in docs} == {"X9"}


def test_unreadable_item_is_failed_not_dropped(tmp_path: Path) -> None:
    docs = acquire(LocalFiles((tmp_path / "gone.pdf",)), tmp_path / "w")
    assert len(docs) == 1
    assert docs[0].status == Status.FAILED
    assert docs[0].reason == Reason.SOURCE_UNAVAILABLE
    assert "gone.pdf" in docs[0].issues[0].message


def test_document_id_is_stable_per_uri() -> None:
    assert document_id("s3://b/k.pdf") == document_id("s3://b/k.pdf")
    assert document_id("s3://b/k.pdf") != document_id("s3://b/j.pdf")


def test_an_object_still_unavailable_after_retries_fails_alone(tmp_path: Path) -> None:
    from loan_extractor.errors import TransientError
    from loan_extractor.sources.base import SourceItem

    good = tmp_path / "good.pdf"
    good.write_bytes(b"%PDF-1.4 good")

    class Flaky:
        def list_items(self):
            yield SourceItem(uri="s3://b/in/L1/slow.pdf", name="slow.pdf", loan_id="L1")
            yield SourceItem(uri=str(good), name="good.pdf")

        def fetch(self, item, dest_dir):
            if item.name == "slow.pdf":
                raise TransientError("s3://b/in/L1/slow.pdf: SlowDown after retries")
            return Path(item.uri)

    slow, ok = acquire(Flaky(), tmp_path / "w")
    assert (slow.status, slow.reason) == (Status.FAILED, Reason.SOURCE_UNAVAILABLE)
    assert "after retries" in slow.issues[0].message and slow.loan_id == "L1"
    assert ok.status is None and ok.sha256 is not None


class _Tagged(LocalFolder):
    """A folder whose items carry source metadata, counting how often it is asked for."""

    asked: list[str] = []

    def object_metadata(self, item):  # noqa: ANN001, ANN201
        self.asked.append(item.name)
        return {"Channel": "broker"}


def test_metadata_is_read_only_when_a_meta_slice_uses_it(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    import tasks.acquire
    from loan_extractor.config import BiasConfig, PipelineConfig

    _tree(tmp_path)
    source = _Tagged(tmp_path, ignore=(".*", "truth.json"))
    assert [d.metadata for d in acquire(source, tmp_path / "w")] == [{"channel": "broker"}] * 2
    source.asked.clear()
    assert [d.metadata for d in acquire(source, tmp_path / "w", metadata=False)] == [{}, {}]
    assert source.asked == []

    monkeypatch.setattr(tasks.acquire, "open_source", lambda *args, **kwargs: source)
    for slices, reads in ((("doc_type",), 0), (("doc_type", "meta:channel"), 2)):
        source.asked.clear()
        cfg = PipelineConfig(bias=BiasConfig(slices=slices))
        docs, _ = tasks.acquire.acquire_documents.fn(str(tmp_path), cfg, tmp_path / "w")
        assert len(docs) == 2 and len(source.asked) == reads
