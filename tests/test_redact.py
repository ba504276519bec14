"""Redaction: SSNs and account numbers keep only their last four digits in stored text."""

from __future__ import annotations

import re

import pytest

from loan_extractor.extraction.redact import redact_text


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        ("SSN: 123-45-6789", "SSN: XXX-XX-6789"),
        ("SSN 123 45 6789.", "SSN XXX XX 6789."),
        ("ssn 123456789", "ssn XXXXX6789"),
        ("Account Number: 000123456789", "Account Number: XXXXXXXX6789"),
        ("card 1234 5678 9012 3456", "card XXXX XXXX XXXX 3456"),
        ("acct 1234-5678-9012", "acct XXXX-XXXX-9012"),
    ],
)
def test_masks_all_but_last_four(text: str, redacted: str) -> None:
    assert redact_text(text) == redacted


@pytest.mark.parametrize(
    "kept",
    [
        "Pay Date: 03/15/2026",
        "Gross Pay $4,210.55 YTD $25,263.30",
        "Account Number: XXXXXX1234",
        "SSN XXX-XX-6789",
        "EIN 12-3456789",
        "Total 123456789.00",
        "Phone 555-123-4567",
        "Zip 62704-1234",
    ],
)
def test_leaves_dates_amounts_masked_numbers_and_ein(kept: str) -> None:
    assert redact_text(kept) == kept


def test_no_run_of_more_than_four_unmasked_digits_of_an_identifier_survives() -> None:
    text = "a 111-22-3333 b 444556666 c 12345678 d 9876543210123"
    out = redact_text(text)
    assert not re.search(r"\d{5,}", out)
    assert all(last in out for last in ("3333", "6666", "5678", "0123"))
