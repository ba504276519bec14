"""A check's amount written in words ("Seven Hundred Ninety-Seven and 01/100 Dollars"), taken only where the same
amount is also printed in figures on the page: the check attached to a stub that prints its net pay nowhere else."""

from __future__ import annotations

import re
from collections.abc import Sequence

from loan_extractor.extraction.normalise import normalise_money
from loan_extractor.extraction.values import FieldValue
from loan_extractor.extraction.words import Line

UNITS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
TENS = {w: 10 * n for n, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if n > 1}
SCALES = {"thousand": 1000, "million": 1_000_000}
CENTS = re.compile(r"^(\d{2})/[1lIL|][0Oo]{2}$")  # "17/100", its 1 and 0s read as look-alikes ("17/L00")
WRITTEN_COST = 0.9  # read from words and confirmed by figures, but with no label naming it
PROTECTED_COST = 0.8  # ... by figures whose protecting marks OCR misread


def amount_in_words(words: Sequence[str]) -> int | None:
    """Whole dollars from number words ("One Thousand Two Hundred Four", "Ninety-Seven"), or None."""
    total = current = 0
    seen = False
    for word in (p for w in words for p in w.lower().split("-") if p):
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred" and current:
            current *= 100
        elif word in SCALES and current:
            total, current = total + current * SCALES[word], 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _number_word(text: str) -> bool:
    parts = [p for p in text.lower().split("-") if p]
    return bool(parts) and all(p in UNITS or p in TENS or p == "hundred" or p in SCALES for p in parts)


def written_cents(line: Line) -> int | None:
    """The amount of a line that writes one out: number words, then "and NN/100"; the words may follow a label
    ("PAY EXACTLY") on the same line."""
    texts = [w.text.strip("*") for w in line.words]
    for index, text in enumerate(texts):
        cents = CENTS.match(text)
        if not cents or index < 2 or texts[index - 1].lower() != "and":
            continue
        start = index - 1
        while start > 0 and _number_word(texts[start - 1]):
            start -= 1
        dollars = amount_in_words(texts[start : index - 1])
        if dollars is not None:
            return dollars * 100 + int(cents.group(1))
    return None


def written_amount(lines: Sequence[Line]) -> FieldValue | None:
    """The amount a line writes out in words, with the words of the same amount printed in figures elsewhere; None
    when no figure confirms it or the page writes out different amounts."""
    amounts = {c for line in lines if (c := written_cents(line)) is not None}
    if len(amounts) != 1:
        return None
    cents = amounts.pop()
    wanted = f"{cents // 100}.{cents % 100:02d}"
    grouped = f"{cents // 100:,}.{cents % 100:02d}"
    for line in lines:
        for word in line.words:
            parsed = normalise_money(word.text)
            if parsed is not None and parsed.value == wanted and "." in word.text:
                return FieldValue(wanted, round(min(word.conf, parsed.conf) * WRITTEN_COST, 3), (word,))
    for line in lines:
        for word in line.words:
            if _protected(word.text, grouped):
                return FieldValue(wanted, round(word.conf * WRITTEN_COST * PROTECTED_COST, 3), (word,))
    return None


def _protected(text: str, grouped: str) -> bool:
    """A check's figures behind the marks that protect them ("***$2,254.28"), the marks and the dollar sign
    misread ("*#*G2,254.28", "882,712.17" for "**2,712.17"): the amount, printed with its thousands comma, ends the
    word; one below a thousand only after a character that is no digit."""
    if not text.endswith(grouped) or len(text) == len(grouped):
        return False
    return "," in grouped or not text[-len(grouped) - 1].isdigit()
