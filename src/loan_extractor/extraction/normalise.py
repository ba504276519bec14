"""Printed values to the contract's normal forms, each with a parse confidence 0..1.

OCR confusions are repaired only inside something that is otherwise clearly a number
(O->0, l/I/|->1, S->5) and cost confidence; anything unclear gives None, never a guess.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from loan_extractor.spec import FieldKind

REPAIR_COST = 0.85  # confidence kept after a character had to be repaired
LOST_POINT_DIGITS = 5  # a bare amount this long without separators or cents may have lost its decimal point


@dataclass(frozen=True)
class Parsed:
    value: str | int
    conf: float
    span: tuple[int, int] | None = None  # the characters the value was read from, when not all of them


_DIGIT_FIXES = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "l": "1", "I": "1", "|": "1", "i": "1",
                              "S": "5", "s": "5", "§": "5", "B": "8", "Z": "2"})
_MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
     ("nov", "november"), ("dec", "december")], start=1) for m in names}


def repair_digits(text: str) -> tuple[str, bool]:
    """Fix letter-for-digit confusions in a token that is mostly digits; says whether anything changed."""
    digits = sum(c.isdigit() for c in text)
    letters = sum(c.isalpha() for c in text)
    if digits == 0 or letters > max(1, digits // 3):
        return text, False
    fixed = text.translate(_DIGIT_FIXES)
    return fixed, fixed != text


def _fix_number(text: str) -> tuple[str, float]:
    """Remove spaces inside a numeric string and repair letters; the cost in confidence."""
    conf = 1.0
    # only spaces next to a separator ("4, 210.55"): "360 12" must stay two numbers
    squeezed = re.sub(r"(?<=[.,/-])\s+(?=[\dOolIS])|(?<=[\dOolIS])\s+(?=[.,/-])", "", text.strip())
    if squeezed != text.strip():
        conf *= 0.9
    fixed, changed = repair_digits(squeezed)
    return fixed, conf * (REPAIR_COST if changed else 1.0)


def normalise_money(text: str) -> Parsed | None:
    """"$4,210.55", "USD 4210.55", "(12.00)" -> "4210.55" / "-12.00"; a bare integer costs confidence."""
    raw = re.sub(r"(?i)usd|\$|\s+(?=\))", "", text).strip().strip(":*")
    negative = raw.startswith("(") and raw.endswith(")") or raw.startswith("-") or raw.endswith("-")
    raw = raw.strip("()-").strip()
    fixed, conf = _fix_number(raw)
    if re.fullmatch(r"\d{1,3}(?: \d{3})+\.\d{2}", fixed):
        fixed, conf = fixed.replace(" ", ""), conf * 0.9  # "4 210.55": a thousands comma read as a space
    if re.fullmatch(r"\d+(\.\d+){2,}", fixed) and re.search(r"\.\d{2}$", fixed):
        fixed, conf = fixed[:-3].replace(".", ",") + fixed[-3:], conf * 0.8  # a comma read as a period
    if re.fullmatch(r"\d{1,3}(?:,\d{3})*,\d{5}", fixed):
        fixed, conf = fixed[:-2] + "." + fixed[-2:], conf * 0.8  # "5,71250": the cents' point lost
    if re.fullmatch(r"(?:\d{1,3}(?:,\d{3})+|\d{3,}),\d{2}", fixed):
        fixed, conf = fixed[:-3] + "." + fixed[-2:], conf * 0.8  # "20544,21": the cents' point read as a comma
    if re.fullmatch(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:,\.|\.,)\d{2}|(?:\d{1,3}(?:,\d{3})+|\d{3,})[:;]\d{2}", fixed):
        # "76559,.77": a speck beside the cents' point read as a comma; "935:42": the point read as a colon (never
        # a time of day, whose hours are one or two digits)
        fixed, conf = re.sub(r",\.|\.,|[:;]", ".", fixed), conf * 0.8
    match = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{2}))?", fixed)
    if not match:
        return None
    whole, cents = match.group(1).replace(",", ""), match.group(2)
    if cents is None:
        # "421055" may be "4210.55" with its point lost: a long bare number goes to a person, not through
        conf *= 0.8 if len(whole) < LOST_POINT_DIGITS or "," in match.group(1) else 0.5
    value = f"{'-' if negative else ''}{int(whole)}.{cents or '00'}"
    return Parsed(value, conf)


def normalise_unsigned_money(text: str) -> Parsed | None:
    """A total of debits, printed negative ("-$3,995.12", "(3,995.12)") or not: its amount without the sign."""
    parsed = normalise_money(text)
    return Parsed(str(parsed.value).lstrip("-"), parsed.conf) if parsed else None


def normalise_percent(text: str) -> Parsed | None:
    """"6.875%" or "6.875 %" -> "6.875" as printed; without the sign it costs a little confidence, and so does a
    point OCR read as a colon ("5:375")."""
    raw = text.strip().rstrip(".")
    has_sign = raw.endswith("%")
    fixed, conf = _fix_number(re.sub(r"\s*%$", "", raw))
    if re.fullmatch(r"\d{1,2}[:;]\d{1,4}", fixed):
        fixed, conf = fixed.replace(":", ".").replace(";", "."), conf * 0.8  # a scan's point read as a colon
    if not re.fullmatch(r"\d{1,2}(\.\d{1,4})?", fixed):
        return None
    return Parsed(fixed, conf * (1.0 if has_sign else 0.9))


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


# OCR reads a slash of the hint as I or l ("(DD/MMIYYYY)"), a D as O or 0 ("(OD/MM/YYYY)")
_DAY_FIRST = re.compile(r"(?<![A-Za-z])(?:[DO0]D|D[O0])\s?[/.\-Il|]\s?MM(?:(?![A-Za-z])|(?=[Il|]Y))", re.IGNORECASE)


def _numeric_date(raw: str, day_first: bool = False) -> Parsed | None:
    fixed, conf = _fix_number(raw)
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
        day, day_fixed = day.translate(_DIGIT_FIXES), True  # a day all of look-alikes: "Ol Mar 2026"
    if day in _STROKES:
        day, day_fixed = "1", True  # the first of the month, its 1 read as a bare stroke ("January |, 2026")
    year, year_fixed = repair_digits(words[2])
    if not (day.isdigit() and year.isdigit() and len(year) == 4):
        return None
    conf = REPAIR_COST if day_fixed or year_fixed else 1.0
    return _make_date(int(year), month, int(day), conf)


_STROKES = frozenset({"|", "l", "I", "!"})
_LOOK_ALIKES = frozenset("OolI|")  # letters OCR reads for the digits of a day: 0 and 1


def _make_date(year: int, month: int, day: int, conf: float) -> Parsed | None:
    try:
        return Parsed(date(year, month, day).isoformat(), conf)
    except ValueError:
        return None


def normalise_last4(text: str) -> Parsed | None:
    """An SSN or account number, full or masked (XXX-XX-6789, ****1234) -> its last four digits.

    OCR reads a mask's hyphens, low beside stars, as underscores ("***_**_6036")."""
    raw = re.sub(r"\s+", "", text.strip().strip(".:#")).replace("_", "-")
    masked = re.fullmatch(r"(?i)[X*•#-]*[X*•#]{3,}([A-Z]?)[X*•#-]*((?:[\dOlIS]-?){4})", raw) or re.fullmatch(
        r"(?i)[X*•#-]*[X*•#]+()[X*•#-]*((?:[\dOlIS]-?){4})", raw)
    garbled = _garbled_mask(raw)
    if masked or garbled:
        fixed, changed = repair_digits(masked.group(2).replace("-", "") if masked else garbled)
        # a stray letter in a long mask ("XXXXXXK1723") is a misread mask character
        conf = (REPAIR_COST if changed else 1.0) * (REPAIR_COST if not masked or masked.group(1) else 1.0)
        return Parsed(fixed, conf) if fixed.isdigit() and len(fixed) == 4 else None
    fixed, conf = _fix_number(raw)
    if not re.fullmatch(r"\d[\d-]{2,}\d", fixed):
        return None
    digits = fixed.replace("-", "")
    if len(digits) < 4 or not re.search(r"\d{4}$", fixed):
        return None
    return Parsed(digits[-4:], conf)


def _garbled_mask(raw: str) -> str | None:
    """The last group of a starred SSN mask whose stars OCR read as letters: a clear 3-2-4 shape with separators (a
    masked group maybe a character longer: a mask character read as two) and no digit in the masked groups, which
    keep a mask character ("*AK-AF--7Q17", "XXX-XXK-2374"); or groups of letters only, a star maybe lost, before
    four true digits ("EK-AK-3793"). Other shapes: `_lost_mask`."""
    shape = re.fullmatch(r"([^-]{3,4})-+([^-]{2,3})-+([^-]{4})", raw)
    if shape and not re.search(r"\d", shape.group(1) + shape.group(2)) and re.search(
            r"(?i)[X*•#]", shape.group(1) + shape.group(2)):
        return shape.group(3)
    letters = re.fullmatch(r"([A-Za-z]{2,3})-+([A-Za-z]{1,2})-+(\d{4})", raw)
    return letters.group(3) if letters else _lost_mask(raw)


def _lost_mask(raw: str) -> str | None:
    """The last group of a starred mask OCR read as a few odd characters, its first hyphen lost ("rt4%-3296" for
    "***-**-3296"): four true digits after a hyphen, before them at most one digit among marks no number holds."""
    shape = re.fullmatch(r"([^-]{3,6})-([0-9]{4})", raw)
    if not shape or len(re.findall(r"\d", shape.group(1))) > 1 or not re.search(r"[*%#•]", shape.group(1)):
        return None
    return shape.group(2)


def normalise_int(text: str) -> Parsed | None:
    """"360", "360 months", "30 years" (x12) -> an integer; other words after the number give None."""
    match = re.fullmatch(r"([\dOlIS,]+)\s*(months?|mos?\.?|years?|yrs?\.?)?", text.strip(), re.IGNORECASE)
    if not match:
        return None
    fixed, conf = _fix_number(match.group(1).replace(",", ""))
    if not fixed.isdigit():
        return None
    unit = (match.group(2) or "").lower()
    value = int(fixed) * (12 if unit.startswith("y") else 1)
    return Parsed(value, conf * (0.9 if unit.startswith("y") else 1.0))


def normalise_year(text: str) -> Parsed | None:
    """A four-digit year between 1990 and 2099; a letter-spaced heading year ("2 0 2 5") or one OCR cut in two
    ("202 5", "2 02 5") costs confidence."""
    text, conf = text.strip(), 1.0
    if re.fullmatch(r"(?:\S ){3}\S|\d{1,3}(?: \d{1,3}){1,2}", text):
        text, conf = text.replace(" ", ""), 0.9
    parsed = normalise_int(text)
    ok = parsed and isinstance(parsed.value, int) and 1990 <= parsed.value <= 2099 and len(text) == 4
    return Parsed(parsed.value, parsed.conf * conf) if ok and parsed else None


def normalise_ein(text: str) -> Parsed | None:
    """"12-3456789" as printed; nine bare digits are given the dash at lower confidence."""
    fixed, conf = _fix_number(re.sub(r"\s*-\s*", "-", text.strip()))
    if re.fullmatch(r"\d{2}-\d{7}", fixed):
        return Parsed(fixed, conf)
    if re.fullmatch(r"\d{9}", fixed):
        return Parsed(f"{fixed[:2]}-{fixed[2:]}", conf * 0.85)
    return None


def normalise_text(text: str) -> Parsed | None:
    """Whitespace folded, stray box rules and colons stripped; None when no letter or digit remains.

    A capital cut off its word by OCR ("S ystems") is joined back, at a small cost; characters
    that names, employers and addresses do not hold (a "|" read for an "I") cost more.
    """
    # composed form: a text layer may carry "e" + a combining accent where the truth has "é"
    folded = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip(" :|_[]—-.,;")
    folded = folded.lstrip("'\"‘’“”`=~*• ")  # a speck OCR read as a quote or a mark before the first letter
    if not re.search(r"[A-Za-z0-9]", folded):
        return None
    conf = 1.0
    joined = re.sub(r"\b([A-Z]) ([a-z]{2,})", r"\1\2", folded)
    if joined != folded:
        folded, conf = joined, 0.9
    # "Schoo! District", "Madison, W! 53703": an "l" or an "I" read as "!" at a word's end
    repaired = _BANG_FOR_I.sub("I", _BANG_FOR_L.sub("l", folded))
    if repaired != folded:
        folded, conf = repaired, conf * REPAIR_COST
    if _odd_characters(folded):
        conf *= 0.7
    return Parsed(folded, conf)


_BANG_FOR_L = re.compile(r"(?<=[a-z]{2})!(?=\s|$)")
_BANG_FOR_I = re.compile(r"(?<=\b[A-Z])!(?=\s|$)")


def _odd_characters(text: str) -> bool:
    """Characters no name, employer or address holds; letters of any script ("Łukasiewicz", "Nguyễn") are fine."""
    return any(not (c.isalpha() or c.isdigit() or c in _TEXT_MARKS) for c in text)


_TEXT_MARKS = frozenset(" .,'&#/()-’")
_NAME_MARKS = frozenset(" .,'-")


def looks_misread(text: str) -> bool:
    """A name reading that suggests the English model lost diacritics or split a glyph.

    Signs: a character outside printable ASCII (eng emits "é" for "ễ"), odd punctuation
    ("Weif&" for "Weiß"), or a word that starts lower-case where a name word starts upper-case
    ("tukasiewicz" for "Łukasiewicz"). Particles ("de", "van", "y") are allowed lower-case.
    """
    if any(not (c.isascii() and (c.isalpha() or c in _NAME_MARKS)) for c in text):
        return True
    words = [w for w in re.split(r"[\s-]+", text) if w]
    return any(w[0].islower() and w.lower() not in NAME_PARTICLES for w in words)


NAME_PARTICLES = frozenset({"de", "del", "della", "der", "di", "da", "do", "dos", "du", "la", "le", "van", "von", "y", "e",
                        "bin", "ibn", "al", "el", "ter", "ten", "zu"})


_PURPOSES = [
    ("cash_out_refinance", r"cash[\s-]*out[\s-]*refi(?:nance)?"),
    ("refinance", r"refi(?:nance)?"),
    ("purchase", r"purchase"),
    ("construction", r"construction"),
    ("other", r"other"),
]
_PURPOSE_RE = re.compile("|".join(f"(?P<{code}>{pattern})" for code, pattern in _PURPOSES), re.IGNORECASE)
_CHECKED = re.compile(r"[xX☒☑■✓✔✗✘]")
_BOX = re.compile(r"[\[\]()☐□]|LJ|\|_\|")


def option_spans(text: str) -> list[tuple[str, int]]:
    """Every loan purpose printed in the text: (code, character offset where it starts)."""
    return [(m.lastgroup or "other", m.start()) for m in _PURPOSE_RE.finditer(text)]


def normalise_loan_purpose(text: str) -> Parsed | None:
    """A value ("Purchase") or a checkbox row ("[X] Purchase [ ] Refinance ...") -> one of the five codes."""
    options = list(_PURPOSE_RE.finditer(text))
    if not options:
        return None
    marks = [text[(options[i - 1].end() if i else 0):m.start()] for i, m in enumerate(options)]
    checked = [m.lastgroup for m, mark in zip(options, marks) if _CHECKED.search(mark)]
    boxes = sum(bool(_BOX.search(mark)) for mark in marks)
    if len(checked) == 1:
        at = next(i for i, m in enumerate(options) if m.lastgroup == checked[0])
        span = (options[at - 1].end() if at else 0, options[at].end())
        return Parsed(checked[0], 1.0 if boxes + 1 >= len(options) else 0.85, span)
    if not checked and len(options) == 1 and boxes == 0:
        return Parsed(options[0].lastgroup, 1.0)  # printed as a plain value
    return None  # nothing or several ticked: not readable, so not guessed


def normalise(kind: FieldKind, text: str) -> Parsed | None:
    """Dispatch on the field kind."""
    return _BY_KIND[kind](text)


_BY_KIND = {
    FieldKind.TEXT: normalise_text,
    FieldKind.DATE: normalise_date,
    FieldKind.MONEY: normalise_money,
    FieldKind.PERCENT: normalise_percent,
    FieldKind.LAST4: normalise_last4,
    FieldKind.INT: normalise_int,
    FieldKind.EIN: normalise_ein,
    FieldKind.LOAN_PURPOSE: normalise_loan_purpose,
}

