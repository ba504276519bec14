"""The record that travels through the pipeline, its statuses and reason codes.

A record carries references (paths, keys), never image bytes: Prefect hashes and
persists task inputs and results, and bytes make that slow and large.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from loan_extractor.spec import DocType, fields_of


class Status(StrEnum):
    PROCESSED = "processed"
    NEEDS_REVIEW = "needs_review"
    REJECTED = "rejected"
    FAILED = "failed"


class Reason(StrEnum):
    # rejected: bad input
    UNSUPPORTED_FORMAT = "unsupported_format"
    TOO_LARGE = "too_large"
    TOO_MANY_PAGES = "too_many_pages"
    TOO_MANY_PIXELS = "too_many_pixels"
    CORRUPT = "corrupt"
    ENCRYPTED = "encrypted"
    DUPLICATE = "duplicate"
    # needs_review: extracted, but something needs a person
    EXTENSION_MISMATCH = "extension_mismatch"
    UNKNOWN_TYPE = "unknown_type"
    LOW_CONFIDENCE = "low_confidence"
    MISSING_FIELD = "missing_field"
    SCHEMA_CHECK_FAILED = "schema_check_failed"
    ANOMALY = "anomaly"
    # failed: unexpected, retryable
    TOOL_FAILED = "tool_failed"
    SOURCE_UNAVAILABLE = "source_unavailable"
    INTERNAL_ERROR = "internal_error"


REJECTING = frozenset(
    {
        Reason.UNSUPPORTED_FORMAT,
        Reason.TOO_LARGE,
        Reason.TOO_MANY_PAGES,
        Reason.TOO_MANY_PIXELS,
        Reason.CORRUPT,
        Reason.ENCRYPTED,
        Reason.DUPLICATE,
    }
)
FAILING = frozenset({Reason.TOOL_FAILED, Reason.SOURCE_UNAVAILABLE, Reason.INTERNAL_ERROR})

_FROZEN = ConfigDict(frozen=True, extra="forbid")


class Issue(BaseModel):
    """One thing wrong with a document, found by one stage."""

    model_config = _FROZEN

    stage: str
    reason: Reason
    message: str
    field: str | None = None


# kinds of anomaly about a run as a whole (`analysis/run_health.py`): no loan, no documents
RUN_LEVEL_KINDS = frozenset({"failed_ratio_spike", "review_ratio_spike", "ocr_confidence_drift", "volume_spike"})


class Anomaly(BaseModel):
    """A broken rule or an outlier, on one loan or one document."""

    model_config = _FROZEN

    kind: str
    severity: str  # critical | high | medium | low
    message: str
    loan_id: str | None = None
    documents: tuple[str, ...] = ()
    figures: dict[str, Any] = Field(default_factory=dict)
    score: float | None = None

    @property
    def is_run_level(self) -> bool:
        """About the run as a whole (failure and review spikes, OCR drift, volume), not a loan or document."""
        return self.kind in RUN_LEVEL_KINDS


class PageImage(BaseModel):
    """One page rendered or loaded into the run's work folder, with its quality figures."""

    model_config = _FROZEN

    number: int
    path: str
    width: int
    height: int
    dpi: float
    clarity: float
    skew_degrees: float = 0.0
    dhash: str = ""


class Document(BaseModel):
    """One input document as it moves through the stages; each stage returns an updated copy."""

    model_config = _FROZEN

    doc_id: str
    source: str
    local_path: str
    loan_id: str | None = None
    # what the source says about the object: S3 user metadata (`x-amz-meta-*`, prefix dropped); {} elsewhere
    metadata: dict[str, str] = Field(default_factory=dict)
    size_bytes: int | None = None
    sha256: str | None = None
    media_type: str | None = None
    page_count: int | None = None
    pages: tuple[int, ...] = ()
    page_images: tuple[PageImage, ...] = ()
    text_source: str | None = None  # "text_layer" | "ocr"
    text: str = ""
    ocr_confidence: float | None = None
    doc_type: DocType | None = None
    type_confidence: float | None = None
    fields: dict[str, Any] = Field(default_factory=dict)
    confidence: dict[str, float] = Field(default_factory=dict)
    # field -> (page, x0, y0, x1, y1) in PDF points from the page's top left, where the value was read
    boxes: dict[str, tuple[int, float, float, float, float]] = Field(default_factory=dict)
    issues: tuple[Issue, ...] = ()
    anomalies: tuple[Anomaly, ...] = ()
    status: Status | None = None
    reason: Reason | None = None

    @property
    def is_terminal(self) -> bool:
        """Rejected or failed documents skip the remaining per-document stages."""
        return self.status in (Status.REJECTED, Status.FAILED)

    def with_issue(self, stage: str, reason: Reason, message: str, field: str | None = None) -> Document:
        """A copy with one more issue; a rejecting or failing reason also ends the document."""
        issue = Issue(stage=stage, reason=reason, message=message, field=field)
        update: dict[str, Any] = {"issues": (*self.issues, issue)}
        if reason in REJECTING:
            update |= {"status": Status.REJECTED, "reason": reason}
        elif reason in FAILING:
            update |= {"status": Status.FAILED, "reason": reason}
        return self.model_copy(update=update)

    def update(self, **changes: Any) -> Document:
        """A validated copy with the given fields changed."""
        return self.model_validate(self.model_dump() | changes)

    def finalised(self) -> Document:
        """Decide the terminal status: never `processed` while issues or anomalies stand."""
        if self.is_terminal:
            return self
        if self.issues:
            return self.model_copy(update={"status": Status.NEEDS_REVIEW, "reason": self.issues[0].reason})
        if self.anomalies:
            return self.model_copy(update={"status": Status.NEEDS_REVIEW, "reason": Reason.ANOMALY})
        return self.model_copy(update={"status": Status.PROCESSED, "reason": None})

    def to_output(self) -> dict[str, Any]:
        """The JSON object of the `extract` command's contract."""
        rejected_whole = self.status == Status.REJECTED
        fields: dict[str, Any] = {}
        if self.doc_type and not rejected_whole:
            fields = {name: self.fields.get(name) for name in fields_of(self.doc_type)}
        return {
            "source": self.source,
            "pages": [] if rejected_whole else list(self.pages),
            "status": self.status.value if self.status else None,
            "reason": self.reason.value if self.reason else None,
            "doc_type": None if rejected_whole or self.doc_type is None else self.doc_type.value,
            "fields": fields,
            "confidence": {name: round(self.confidence[name], 3) for name in fields if name in self.confidence},
            "errors": [issue.model_dump(exclude_none=True) for issue in self.issues],
            "anomalies": [anomaly.model_dump(exclude_none=True) for anomaly in self.anomalies],
        }
