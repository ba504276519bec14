"""Per-document field accuracy against ground truth, for the bias table.

Ground truth for a document is a dictionary of field -> true value (and optionally `doc_type`):
the evaluation's truth file gives every field; reviewers' corrections (`review.ground_truth`) give
only the fields a reviewer corrected or confirmed (re-entered with the same value). A field a
reviewer left alone is NOT counted as confirmed: the review queue shows why a document was flagged,
so a reviewer may well have checked that one field and nothing else. Accuracy is therefore the
share of the fields the truth judges that were extracted equal, compared exactly as the evaluation
harness compares them (`evaluation.compare.values_match`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from loan_extractor.evaluation.compare import field_kind, values_match
from loan_extractor.models import Document
from loan_extractor.review import DOC_TYPE_FIELD


def judged_fields(doc: Document, truth: Mapping[str, Any]) -> dict[str, Any]:
    """The truth's values of the contract fields of the document's (true) type."""
    doc_type = truth.get(DOC_TYPE_FIELD) or doc.doc_type
    return {name: value for name, value in truth.items() if field_kind(doc_type, name) is not None}


def field_accuracy(doc: Document, truth: Mapping[str, Any]) -> float | None:
    """Share of the judged fields extracted equal to the truth; None when the truth judges no field."""
    judged = judged_fields(doc, truth)
    if not judged:
        return None
    doc_type = truth.get(DOC_TYPE_FIELD) or doc.doc_type
    equal = sum(values_match(field_kind(doc_type, name), value, doc.fields.get(name)) for name, value in judged.items())
    return equal / len(judged)
