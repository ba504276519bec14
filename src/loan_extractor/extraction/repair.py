"""Letter-for-digit repairs shared by the normalisers, and the parse result they return.

OCR confusions are repaired only inside something that is otherwise clearly a number (O->0, l/I/|->1, S->5) and cost
confidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

REPAIR_COST = 0.85  # confidence kept after a character had to be repaired


@dataclass(frozen=True)
class Parsed:
    value: str | int
    conf: float
    span: tuple[int, int] | None = None  # the characters the value was read from, when not all of them


DIGIT_FIXES = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "l": "1", "I": "1", "|": "1", "i": "1",
                              "S": "5", "s": "5", "§": "5", "B": "8", "Z": "2"})


def repair_digits(text: str) -> tuple[str, bool]:
    """Fix letter-for-digit confusions in a token that is mostly digits; says whether anything changed."""
    digits = sum(c.isdigit() for c in text)
    letters = sum(c.isalpha() for c in text)
    if digits == 0 or letters > max(1, digits // 3):
        return text, False
    fixed = text.translate(DIGIT_FIXES)
    return fixed, fixed != text


def fix_number(text: str) -> tuple[str, float]:
    """Remove spaces inside a numeric string and repair letters; the cost in confidence."""
    conf = 1.0
    # only spaces next to a separator ("4, 210.55"): "360 12" must stay two numbers
    squeezed = re.sub(r"(?<=[.,/-])\s+(?=[\dOolIS])|(?<=[\dOolIS])\s+(?=[.,/-])", "", text.strip())
    if squeezed != text.strip():
        conf *= 0.9
    fixed, changed = repair_digits(squeezed)
    return fixed, conf * (REPAIR_COST if changed else 1.0)
