"""The outcome of one pipeline run: every document's final record, the loan anomalies, the bias table."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict

from loan_extractor.models import Anomaly, Document, Status


class RunSummary(BaseModel):
    """Everything the store and report stages need, and what `run --json` prints."""

    model_config = ConfigDict(frozen=True)

    run_id: str
    source: str
    started_at: datetime
    finished_at: datetime
    config_digest: str
    code_version: str
    documents: tuple[Document, ...]
    anomalies: tuple[Anomaly, ...] = ()
    bias: tuple[dict[str, Any], ...] = ()
    validation_failures: tuple[dict[str, Any], ...] = ()
    ignored: tuple[str, ...] = ()

    def counts(self) -> dict[str, int]:
        """Documents per terminal status, every status present (zeros included)."""
        found = Counter(doc.status.value for doc in self.documents if doc.status)
        return {status.value: found.get(status.value, 0) for status in Status}

    def reasons(self) -> dict[str, int]:
        """Documents per reason code, for documents that have one."""
        return dict(Counter(doc.reason.value for doc in self.documents if doc.reason))

    @property
    def failed(self) -> int:
        return self.counts()[Status.FAILED.value]

    def to_json(self) -> dict[str, Any]:
        """The object `loan-extractor run --json` prints for scripts."""
        return {
            "run_id": self.run_id,
            "source": self.source,
            "counts": self.counts(),
            "documents": [
                {
                    "source": doc.source,
                    "pages": list(doc.pages),
                    "loan_id": doc.loan_id,
                    "doc_type": doc.doc_type.value if doc.doc_type else None,
                    "status": doc.status.value if doc.status else None,
                    "reason": doc.reason.value if doc.reason else None,
                }
                for doc in self.documents
            ],
            "anomalies": [
                {
                    "loan_id": a.loan_id,
                    "kind": a.kind,
                    "severity": a.severity,
                    "documents": [self._source_of(d) for d in a.documents],
                    "message": a.message,
                }
                for a in self.anomalies
            ],
            "bias": list(self.bias),
            "ignored": list(self.ignored),
        }

    def _source_of(self, doc_id: str) -> str:
        return next((doc.source for doc in self.documents if doc.doc_id == doc_id), doc_id)
