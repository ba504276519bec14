"""The harness's arithmetic: pure functions over paired (truth, extracted) documents.

Per field, over the truth's fields of each document:
- accuracy = fields equal to the truth (two nulls count as equal) / truth fields;
- precision = non-null values equal to the truth / non-null values extracted; a wrong value and a value
  the truth does not have (an invented field: on an `unknown` document, of a wrong type, in an extra
  document) count against it;
- recall = non-null values equal to the truth / non-null truth values; a null, or a wrong value, where
  the truth has one counts against it.
A ratio with a zero denominator is None (nothing to measure), never 1.0.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from loan_extractor.evaluation.compare import NAME_FIELDS, field_kind, values_match

MISSING = "(missing)"  # no extracted document matched the truth's file and pages
REJECTED = "(rejected)"  # rejected as a whole: no type


@dataclass(frozen=True)
class Outcome:
    """One truth document and what extraction made of it (`got_fields` {} when nothing matched)."""

    key: str
    truth_type: str | None
    got_type: str | None
    truth_fields: dict[str, Any]
    got_fields: dict[str, Any]
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class FieldCounts:
    """Counts behind accuracy, precision and recall."""

    total: int = 0  # truth fields
    correct: int = 0  # truth fields extracted equal (nulls included)
    present: int = 0  # non-null truth values
    predicted: int = 0  # non-null extracted values, invented ones included
    true_positive: int = 0  # non-null extracted values equal to the truth
    invented: int = 0  # non-null extracted values of fields the truth does not list

    def add(self, other: FieldCounts) -> None:
        """Accumulate another set of counts."""
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def summary(self) -> dict[str, Any]:
        """The counts with their ratios."""
        return {**vars(self), "accuracy": ratio(self.correct, self.total),
                "precision": ratio(self.true_positive, self.predicted), "recall": ratio(self.true_positive, self.present)}


def ratio(part: int, whole: int) -> float | None:
    """part / whole rounded to four places; None when there is nothing to divide."""
    return round(part / whole, 4) if whole else None


def type_label(doc_type: str | None) -> str:
    """A type for the confusion matrix: the type's name, or `(rejected)` for none."""
    return doc_type or REJECTED


def field_counts(outcome: Outcome, only: frozenset[str] | None = None) -> dict[str, FieldCounts]:
    """Counts per field name of one document (optionally only the named fields)."""
    counts: dict[str, FieldCounts] = defaultdict(FieldCounts)
    for name, expected in outcome.truth_fields.items():
        if only is not None and name not in only:
            continue
        got = outcome.got_fields.get(name)
        c = counts[name]
        equal = values_match(field_kind(outcome.truth_type, name), expected, got)
        c.total, c.correct = 1, int(equal)
        c.present, c.predicted = int(expected is not None), int(got is not None)
        c.true_positive = int(equal and got is not None)
    for name, got in outcome.got_fields.items():
        if name not in outcome.truth_fields and got is not None and (only is None or name in only):
            counts[name].predicted += 1
            counts[name].invented += 1
    return dict(counts)


def total_counts(outcomes: list[Outcome], only: frozenset[str] | None = None) -> FieldCounts:
    """Counts summed over every field of every document."""
    total = FieldCounts()
    for outcome in outcomes:
        for counts in field_counts(outcome, only).values():
            total.add(counts)
    return total


def per_field(outcomes: list[Outcome]) -> dict[str, dict[str, Any]]:
    """Counts and ratios per `<truth type>.<field>` (invented fields under the truth's type)."""
    table: dict[str, FieldCounts] = defaultdict(FieldCounts)
    for outcome in outcomes:
        for name, counts in field_counts(outcome).items():
            table[f"{type_label(outcome.truth_type)}.{name}"].add(counts)
    return {name: table[name].summary() for name in sorted(table)}


def confusion(outcomes: list[Outcome]) -> dict[str, dict[str, int]]:
    """Truth type -> extracted type -> documents."""
    matrix: dict[str, Counter[str]] = defaultdict(Counter)
    for o in outcomes:
        matrix[type_label(o.truth_type)][type_label(o.got_type)] += 1
    return {t: dict(sorted(row.items())) for t, row in sorted(matrix.items())}


def group_summary(outcomes: list[Outcome]) -> dict[str, Any]:
    """Documents, type accuracy, field figures and invented fields on `unknown` documents of one group."""
    typed = sum(type_label(o.truth_type) == type_label(o.got_type) for o in outcomes)
    unknown = [o for o in outcomes if o.truth_type == "unknown"]
    return {"documents": len(outcomes), "type_correct": typed, "type_accuracy": ratio(typed, len(outcomes)),
            "fields": total_counts(outcomes).summary(),
            "unknown_documents": len(unknown), "invented_on_unknown": total_counts(unknown).invented}


def group_value(outcome: Outcome, key: str) -> str:
    """The value an outcome is grouped under: its truth type for `doc_type`, else its `meta[key]`."""
    value = outcome.truth_type if key == "doc_type" else outcome.meta.get(key)
    return type_label(value) if key == "doc_type" else ("(none)" if value is None else str(value))


def breakdown(outcomes: list[Outcome], key: str, only: frozenset[str] | None = None) -> dict[str, dict[str, Any]]:
    """Group summaries by a meta key (or `doc_type`); with `only`, field figures over those fields alone."""
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        groups[group_value(outcome, key)].append(outcome)
    if only is not None:
        return {g: total_counts(os, only).summary() for g, os in sorted(groups.items())}
    return {g: group_summary(os) for g, os in sorted(groups.items())}


def name_accuracy(outcomes: list[Outcome], key: str = "name_script") -> dict[str, dict[str, Any]]:
    """Accuracy of the name fields (employee, holder, applicant) by a meta key, the name's script by default."""
    return breakdown([o for o in outcomes if o.truth_type not in (None, "unknown")], key, NAME_FIELDS)
