"""Printed dates to ISO: US numeric, ISO, month names; day-first only where the page says so."""

from __future__ import annotations

import re
from datetime import date

from loan_extractor.extraction.repair import DIGIT_FIXES, REPAIR_COST, Parsed, fix_number, repair_digits

_MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
     ("nov", "november"), ("dec", "december")], start=1) for m in names}


def normalise_date(text: str, day_first: bool = False) -> Parsed | None:
    """US numeric (03/15/2026), ISO (2026-03-15) or month names (March 15, 2026 / 15 Mar 2026) -> ISO.

    `day_first` reads numeric dates as 15/03/2026: only when the label says so ("(DD/MM/YYYY)"),
    since 04/03/2026 parses either way and a guess would be silently wrong.
    """
    raw = re.sub(r"\s+", " ", text.strip().rstrip(".,;"))
    found = _numeric_date(raw, day_first) or _named_date(raw)
    if found is None and (apart := _GLUED_MONTH.sub(" ", raw)) != raw:
        named = _named_date(apart)  # "28Feb 2026": the gap between day and month lost
        found = Parsed(named.value, named.conf * 0.9) if named else None
    return found


_GLUED_MONTH = re.compile(r"(?<=\d)(?=[A-Za-z]{3})|(?<=[A-Za-z]{3})(?=\d)")


def day_first_hint(text: str) -> bool:
    """Whether printed text announces day-first dates: "(DD/MM/YYYY)", "DD.MM.YY", "dd-mm-yyyy"."""
    return bool(_DAY_FIRST.search(text))


# OCR reads a slash of the hint as I or l ("(DD/MMIYYYY)"), a D as O or 0 ("(OD/MM/YYYY)"), one M of a small
# type's MM as W or N ("(DD/MW/YYYY)")
_DAY_FIRST = re.compile(r"(?<![A-Za-z])(?:[DO0]D|D[O0])\s?[/.\-Il|]\s?(?:M[MWN]|[WN]M)(?:(?![A-Za-z])|(?=[Il|]Y))",
                        re.IGNORECASE)


def _numeric_date(raw: str, day_first: bool = False) -> Parsed | None:
    fixed, conf = fix_number(raw)
    if match := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", fixed):
        return _make_date(int(match[1]), int(match[2]), int(match[3]), conf)
    match = re.fullmatch(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})", fixed)
    if not match:
        return None
    year = int(match[4])
    if len(match[4]) == 2:
        year, conf = (2000 + year if year < 50 else 1900 + year), conf * 0.8
    month, day = (int(match[3]), int(match[1])) if day_first else (int(match[1]), int(match[3]))
    return _make_date(year, month, day, conf)


def _named_date(raw: str) -> Parsed | None:
    words = [w for w in re.split(r"[\s,.-]+", raw) if w]
    if len(words) == 4 and len(words[0]) == 1 and words[1].isalpha():
        words = [words[0] + words[1], *words[2:]]  # OCR cut the month's capital off: "J anuary 28, 2026"
    if len(words) != 3:
        return None
    month_first = words[0].lower()[:9] in _MONTHS
    month_word, day_word = (words[0], words[1]) if month_first else (words[1], words[0])
    month = _MONTHS.get(month_word.lower())
    if month is None:
        return None
    day, day_fixed = repair_digits(re.sub(r"(?i)(?<=\d)(st|nd|rd|th)$", "", day_word))  # "April 5th"
    if len(day) == 2 and all(c in _LOOK_ALIKES for c in day):
        day, day_fixed = day.translate(DIGIT_FIXES), True  # a day all of look-alikes: "Ol Mar 2026"
    if day in _STROKES:
        day, day_fixed = "1", True  # the first of the month, its 1 read as a bare stroke ("January |, 2026")
    year, year_fixed = repair_digits(words[2])
    if not (day.isdigit() and year.isdigit() and len(year) == 4):
        return None
    conf = REPAIR_COST if day_fixed or year_fixed else 1.0
    return _make_date(int(year), month, int(day), conf)


YEARS = range(1900, 2100)  # the years a birth, pay or statement date on a loan document falls in
_STROKES = frozenset({"|", "l", "I", "!"})
_LOOK_ALIKES = frozenset("OolI|")  # letters OCR reads for the digits of a day: 0 and 1


def _make_date(year: int, month: int, day: int, conf: float) -> Parsed | None:
    if year not in YEARS:
        return None  # a year OCR misread ("3026", "0026"): no date on a loan document is that far off
    try:
        return Parsed(date(year, month, day).isoformat(), conf)
    except ValueError:
        return None
