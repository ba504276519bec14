"""Which of several readings beside a label is the value: type plausibility over a run of words.

A label's run of words may hold more than its value: "Beginning Balance on March 1, 2026 $1,234.56"
(a date before the amount), "Gross Pay 80.00 hrs 2,000.00", a period printed as one word
"03/01/2026-03/31/2026". These rules say which words can be a number and where one word holds two dates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from loan_extractor.extraction.dates import normalise_date
from loan_extractor.extraction.words import Word

DATE_WORDS = 3  # a printed date spans at most this many words ("March 1, 2026")
_RANGE_DASH = re.compile(r"[-–—]|to|thru")
_CENTS = re.compile(r"(?:[.,]|(?<=\d{3})[:;])\d{2}\)?-?$")  # "935:42": the point read as a colon


def date_indexes(words: Sequence[Word]) -> set[int]:
    """Indexes of the words that form a date: their digits are a day or a year, never an amount or a count."""
    taken: set[int] = set()
    start = 0
    while start < len(words):
        for size in range(min(DATE_WORDS, len(words) - start), 0, -1):
            window = words[start : start + size]
            if _is_date(" ".join(w.text for w in window)):
                taken.update(range(start, start + size))
                start += size
                break
        else:
            start += 1
    return taken


def _is_date(text: str) -> bool:
    # a bare year is a date only with its day and month: alone it may be an amount ("2026.00" is not one)
    return any(c.isalpha() or c in "/-." for c in text) and normalise_date(text) is not None


def has_cents(text: str) -> bool:
    """An amount printed with its cents ("1,234.56", "(12.00)"): surely money, unlike a bare count."""
    return bool(_CENTS.search(text.strip()))


def split_date_ranges(words: Sequence[Word]) -> list[Word]:
    """Words with a glued period "03/01/2026-03/31/2026" cut into its two dates, boxes shared by characters."""
    out: list[Word] = []
    for word in words:
        out.extend(_split_range(word))
    return out


def _split_range(word: Word) -> list[Word]:
    for match in _RANGE_DASH.finditer(word.text):
        head, tail = word.text[: match.start()], word.text[match.end() :]
        if head and tail and normalise_date(head) and normalise_date(tail):
            width = (word.x1 - word.x0) / len(word.text)
            cut, resume = word.x0 + width * match.start(), word.x0 + width * match.end()
            return [Word(word.page, head, word.conf, word.x0, word.y0, cut, word.y1),
                    Word(word.page, tail, word.conf, resume, word.y0, word.x1, word.y1)]
    return [word]


_SHARED_YEAR = re.compile(  # the first day's 1 may be read as a stroke ("January | - January 31, 2026")
    r"([A-Za-z]{3,9})\.?\s+(\d{1,2}|[|lI!](?=\s))(?:st|nd|rd|th)?\s*(?:-|–|—|to|through|thru)\s*"
    r"(?:([A-Za-z]{3,9})\.?\s+)?(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", re.IGNORECASE)


def shared_year_range(text: str) -> tuple[str, str] | None:
    """"March 1 - March 31, 2026" or "Mar 1 - 31, 2026" -> both dates as ISO; a period across New Year
    ("December 15 - January 14, 2026") starts in the year before."""
    match = _SHARED_YEAR.search(text)
    if not match:
        return None
    first_month, first_day, last_month, last_day, year = match.groups()
    end = normalise_date(f"{last_month or first_month} {last_day}, {year}")
    start = normalise_date(f"{first_month} {first_day}, {year}")
    if end is None or start is None:
        return None
    if start.value > end.value:
        start = normalise_date(f"{first_month} {first_day}, {int(year) - 1}")
    return (str(start.value), str(end.value)) if start else None
