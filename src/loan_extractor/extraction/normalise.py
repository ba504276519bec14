"""Printed values to the contract's normal forms, each with a parse confidence 0..1: money, percentages, text,
loan purposes, and `normalise` choosing by field kind (dates in `dates`, identifiers and counts in `identifiers`).

OCR confusions are repaired only inside something that is otherwise clearly a number
(O->0, l/I/|->1, S->5) and cost confidence; anything unclear gives None, never a guess.
"""

from __future__ import annotations

import re
import unicodedata

from loan_extractor.extraction.dates import normalise_date
from loan_extractor.extraction.identifiers import normalise_ein, normalise_int, normalise_last4
from loan_extractor.extraction.repair import REPAIR_COST, Parsed, fix_number
from loan_extractor.spec import FieldKind

LOST_POINT_DIGITS = 5  # a bare amount this long without separators or cents may have lost its decimal point


def normalise_money(text: str) -> Parsed | None:
    """"$4,210.55", "USD 4210.55", "(12.00)" -> "4210.55" / "-12.00"; a bare integer costs confidence."""
    raw = re.sub(r"(?i)usd|\$|\s+(?=\))", "", text).strip().strip(":*")
    negative = raw.startswith("(") and raw.endswith(")") or raw.startswith("-") or raw.endswith("-")
    raw = raw.strip("()-").strip()
    fixed, conf = fix_number(raw)
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
    fixed, conf = fix_number(re.sub(r"\s*%$", "", raw))
    if re.fullmatch(r"\d{1,2}[:;]\d{1,4}", fixed):
        fixed, conf = fixed.replace(":", ".").replace(";", "."), conf * 0.8  # a scan's point read as a colon
    if not re.fullmatch(r"\d{1,2}(\.\d{1,4})?", fixed):
        return None
    return Parsed(fixed, conf * (1.0 if has_sign else 0.9))


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

