"""Balances labelled by their date ("Balance on March 1", "Balance as of 03/31/2026"): the one dated the period's
first day (or the day before it) opens the period, the one dated its last day closes it. The date may leave out
its year, which the period's end then gives."""

from __future__ import annotations

from datetime import date, timedelta

from loan_extractor.extraction.dates import normalise_date
from loan_extractor.extraction.labels import CURRENCY_WORDS, Hit
from loan_extractor.extraction.locate import Page
from loan_extractor.extraction.plausible import has_cents
from loan_extractor.extraction.values import MAX_VALUE_WORDS, FieldValue, read_value
from loan_extractor.extraction.words import Word
from loan_extractor.spec import FieldKind

DATED_COST = 0.9  # a balance placed in the period by the date in its label


def fill_dated(page: Page, rules: dict, found: dict[str, FieldValue | None]) -> None:
    """Fields still unread from balances whose label names a date of the period read already."""
    for i, rule in enumerate(rules.get("dated", [])):
        first, last = (found.get(name) for name in rule["period"])
        if first is None or last is None or (found.get(rule["start"]) and found.get(rule["end"])):
            continue
        start, end = date.fromisoformat(str(first.value)), date.fromisoformat(str(last.value))
        for hit in page.hits_for(f"dated:{i}"):
            on, words = _date_after(page, hit, end)
            if on is None:
                continue
            name = rule["start"] if on in (start, start - timedelta(days=1)) else rule["end"] if on == end else None
            right = [w for w in page.words_right(hit, 2) if w not in words]
            value = read_value(FieldKind.MONEY, right) or read_value(FieldKind.MONEY, page.words_below(hit))
            if name and found.get(name) is None and value is not None:
                found[name] = FieldValue(value.value, round(value.conf * DATED_COST, 3), value.words)


def _date_after(page: Page, hit: Hit, end: date) -> tuple[date | None, list[Word]]:
    """The date printed right after a label in its cell, its year taken from the period's end when it has none
    (the year before when that would put it after the end), and its words."""
    line = page.lines[hit.line]
    segment = line.segment_of[hit.end - 1]
    words: list[Word] = []
    for word, seg in zip(line.words[hit.end :], line.segment_of[hit.end :]):
        if seg != segment or has_cents(word.text) or word.text.upper() in CURRENCY_WORDS:
            break
        words.append(word)
    text = " ".join(w.text for w in words[:MAX_VALUE_WORDS]).rstrip(":")
    parsed = normalise_date(text) if text else None
    if parsed is None and text:
        parsed = normalise_date(f"{text}, {end.year}")
        if parsed is not None and date.fromisoformat(str(parsed.value)) > end:
            parsed = normalise_date(f"{text}, {end.year - 1}")
    return (date.fromisoformat(str(parsed.value)), words) if parsed else (None, words)
