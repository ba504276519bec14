"""The flow's gather step: no document is dropped, whatever a stage's task run did."""

from __future__ import annotations

from flows.pipeline import auto_chunk_size, chunked, gather
from loan_extractor.models import Document, Reason, Status


class Done:
    """Stands for a finished future: `.result()` gives what the task returned or raised."""

    def __init__(self, value) -> None:
        self.value = value

    def result(self, raise_on_failure: bool = True):
        if isinstance(self.value, Exception) and raise_on_failure:
            raise self.value
        return self.value


def _docs(n: int) -> list[Document]:
    return [Document(doc_id=f"d{i}", source=f"/in/{i}.pdf", local_path=f"/in/{i}.pdf") for i in range(n)]


def test_chunks_cover_every_document_in_order() -> None:
    docs = _docs(7)
    assert [[d.doc_id for d in c] for c in chunked(docs, 3)] == [["d0", "d1", "d2"], ["d3", "d4", "d5"], ["d6"]]
    assert auto_chunk_size(16, 4) == 4 and auto_chunk_size(1000, 4) == 16 and auto_chunk_size(1, 4) == 1
    assert auto_chunk_size(5, 4) == 2  # three chunks: still more task runs at once than tesseract processes


def test_a_stage_that_raised_fails_its_chunk_and_keeps_the_others() -> None:
    chunks = chunked(_docs(4), 2)
    ok = [Done(chunks[0]), Done(chunks[1])]
    later = [Done([d.update(pages=(1,)) for d in chunks[0]]), Done(RuntimeError("worker died"))]
    results = gather(chunks, [ok, later, later, later])
    assert [d.doc_id for d in results] == ["d0", "d1", "d2", "d3"]
    assert [d.status for d in results] == [None, None, Status.FAILED, Status.FAILED]
    assert results[0].pages == (1,)
    assert results[2].reason == Reason.INTERNAL_ERROR and "worker died" in results[2].issues[-1].message
    assert results[2].issues[-1].stage == "preprocess"


def test_a_future_that_never_finished_is_a_failure() -> None:
    class NotReady:
        def result(self, raise_on_failure: bool = True):
            raise RuntimeError("upstream task run did not complete")

    chunks = chunked(_docs(1), 1)
    results = gather(chunks, [[Done(chunks[0])], [NotReady()], [NotReady()], [NotReady()]])
    assert results[0].status == Status.FAILED and results[0].issues[-1].stage == "preprocess"
