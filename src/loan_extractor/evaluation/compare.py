"""Whether an extracted value equals the truth's, by field kind.

Dates, money, percent, last4, ints, EINs and loan purposes are compared exactly (they are already
normalised by the contract); names and text case- and white-space-insensitively, after Unicode NFC
so that a composed "é" equals "e" + combining accent.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from loan_extractor.spec import FieldKind, fields_of

# the fields that print a person's name, by document type
NAME_FIELDS = frozenset({"employee_name", "account_holder", "applicant_name"})


def fold_text(value: str) -> str:
    """NFC, case-folded, runs of white space folded to one space, trimmed."""
    return " ".join(unicodedata.normalize("NFC", value).casefold().split())


def field_kind(doc_type: str | None, name: str) -> FieldKind | None:
    """The contract's kind of a field of a type; None for a type or field the contract does not know."""
    try:
        return fields_of(doc_type).get(name) if doc_type else None
    except ValueError:
        return None


def values_match(kind: FieldKind | None, expected: Any, got: Any) -> bool:
    """Equal as the kind demands; two nulls are equal, a null and a value are not."""
    if expected is None or got is None:
        return expected is None and got is None
    if kind == FieldKind.TEXT:
        return isinstance(got, str) and fold_text(got) == fold_text(str(expected))
    if kind == FieldKind.INT:
        return type(got) is int and got == expected  # "2025" is a contract violation, not a match
    return got == expected
