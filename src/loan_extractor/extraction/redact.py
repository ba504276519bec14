"""Masking of SSNs and account numbers: only their last four digits may ever be stored."""

from __future__ import annotations

import re

# 123-45-6789, 123 45 6789 (dashes or single spaces), or nine digits in a row
_SSN = re.compile(r"(?<![\dA-Za-z])\d{3}([- ])\d{2}\1(\d{4})(?![\dA-Za-z])")
# a run of 8 or more digits, or groups of four ("1234 5678 9012"); not the whole part of an amount
_LONG = re.compile(r"(?<![\d.,])(?:\d{8,}|\d{4}(?:[ -]\d{4})+)(?!\d|[.,]\d)")


def redact_text(text: str) -> str:
    """The text with SSN-like and account-number-like digit runs masked except their last four digits."""
    text = _SSN.sub(lambda m: f"XXX{m.group(1)}XX{m.group(1)}{m.group(2)}", text)
    return _LONG.sub(_mask_run, text)


def _mask_run(match: re.Match[str]) -> str:
    run = match.group(0)
    out, kept = [], 0
    for c in reversed(run):
        if c.isdigit():
            kept += 1
            out.append(c if kept <= 4 else "X")
        else:
            out.append(c)
    return "".join(reversed(out))
