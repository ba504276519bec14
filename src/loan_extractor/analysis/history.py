"""What earlier runs left behind, as plain data the anomaly models score the new batch against.

`stages/history.py` reads these from the database; the models never touch it, so tests (and the
`extract` command, which has no database) hand in records directly, or nothing at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

FIGURES_KEY = "figures"  # a run's RunFigures, kept in its `runs.summary` by the store


@dataclass(frozen=True)
class StoredDocument:
    """A stored document's readable money and percent figures (as floats), keyed by field name."""

    doc_key: str
    doc_type: str
    values: dict[str, float]


@dataclass(frozen=True)
class RunFigures:
    """A run's size and outcome: what the pipeline-level checks compare between runs."""

    documents: int
    failed: int
    needs_review: int
    mean_ocr_confidence: float | None = None

    def ratio(self, count: int) -> float | None:
        """`count` as a share of the run's documents; None for an empty run."""
        return count / self.documents if self.documents else None

    def to_json(self) -> dict[str, int | float | None]:
        """The object kept in `runs.summary` under `figures`."""
        return {"documents": self.documents, "failed": self.failed, "needs_review": self.needs_review,
                "mean_ocr_confidence": self.mean_ocr_confidence}  # fmt: skip


@dataclass(frozen=True)
class StoredRun:
    """An earlier run: its id, start and figures."""

    run_id: str
    started_at: datetime
    figures: RunFigures


@dataclass(frozen=True)
class History:
    """Stored documents (newest first, the batch's own keys left out) and earlier runs (newest first)."""

    documents: tuple[StoredDocument, ...] = ()
    runs: tuple[StoredRun, ...] = field(default=())

    def of_type(self, doc_type: str) -> list[StoredDocument]:
        """The stored documents of one type."""
        return [doc for doc in self.documents if doc.doc_type == doc_type]
