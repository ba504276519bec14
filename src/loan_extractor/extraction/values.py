"""A field's value read from a run of words: normalised, with its confidence and the words it came from."""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from loan_extractor.extraction.dates import normalise_date
from loan_extractor.extraction.labels import BOX_ID, CURRENCY_WORDS, tokens
from loan_extractor.extraction.leaders import LEADER_CHARS, is_leader, past_leader_junk
from loan_extractor.extraction.normalise import normalise, normalise_text
from loan_extractor.extraction.plausible import date_indexes, has_cents
from loan_extractor.extraction.redact import redact_text
from loan_extractor.extraction.repair import Parsed
from loan_extractor.extraction.rules import label_phrases, label_pieces, lexicon
from loan_extractor.extraction.words import Word
from loan_extractor.spec import FieldKind

MAX_VALUE_WORDS = 4  # a number, date or code never spans more words than this ("March 15, 2026")
_LONE_SIGNS = frozenset({"-", "\u2212", "\u2013", "\u2014"})
SIGN_GAP = 0.25  # a lone dash further than this many word heights from an amount is no sign of it
# marks no name, employer or address prints, which OCR reads from a box's rule: a star, a tilde, a run of dashes
_RULE_JUNK = re.compile(r"[*~]|[—–_]{3}")
MIN_TEXT_LETTERS = 2  # a text value (a name, an employer, an address) holds at least this many letters
UNSURE_NAME = 0.6  # a person's name none of whose words OCR read at least this surely is junk, not a name


@dataclass(frozen=True)
class FieldValue:
    """A normalised value and its confidence: OCR confidence of its words x parse confidence.

    `words` are the printed words it was read from (their boxes locate it on the page).
    """

    value: str | int
    conf: float
    words: tuple[Word, ...] = ()


def read_value(kind: FieldKind, words: Sequence[Word], parse=None) -> FieldValue | None:
    """The value of a kind in a run of words: the whole run for text, else the first window that parses."""
    words = _trim_rules(words)
    if not words:
        return None
    if kind in (FieldKind.TEXT, FieldKind.LOAN_PURPOSE):
        words = past_leader_junk(words) if kind is FieldKind.TEXT else words
        text = " ".join(w.text for w in words)
        if tuple(tokens(text)) in label_phrases() or _label_piece(words):
            return None  # a label printed beside this one, not its value
        if kind is FieldKind.TEXT and any(len(w.text) >= LEADER_CHARS and is_leader(w) for w in words):
            return None  # a dotted leader OCR read into the words: what surrounds it is its junk, or a label's
        if kind is FieldKind.TEXT and any(_RULE_JUNK.search(w.text) for w in words):
            return None  # a box's rule OCR read into the words ("———SS*d"): they run across a box's edge
        if sum(c.isalpha() for c in text) < MIN_TEXT_LETTERS:
            return None  # a perforation or a rule OCR read as a character ("1", "!"), never a name or an address
        parsed = normalise(kind, redact_text(text) if kind is FieldKind.TEXT else text)
        return valued(parsed, _words_in(words, parsed.span) if parsed and parsed.span else words)
    dated = date_indexes(words) if kind is not FieldKind.DATE else set()
    first = None
    for start in range(len(words)):
        for size in range(min(MAX_VALUE_WORDS, len(words) - start), 0, -1):
            if dated.intersection(range(start, start + size)):
                continue  # the day or year of a date printed beside the value
            if size == 1 and kind is FieldKind.MONEY and _box_number(words, start):
                continue
            if size > 1 and words[start + size - 1].text.strip().upper() in CURRENCY_WORDS:
                continue  # "USD 83,913.00 USD 5,202.61": a currency word ending a window opens the next amount
            window = words[start : start + size]
            if kind is FieldKind.MONEY and _detached_sign(window):
                continue
            text = " ".join(w.text for w in window)
            value = valued(parse(text) if parse else normalise(kind, text), window)
            if value is None:
                continue
            if kind is not FieldKind.MONEY or has_cents(text):
                return value
            first = first or value  # a bare number ("80" hours): an amount with cents after it is likelier
            break
    if first is not None and kind is FieldKind.MONEY and _box_number_among_labels(first, words):
        return None
    return first


def _detached_sign(window: Sequence[Word]) -> bool:
    """A dash standing apart at either end of an amount: an empty cell beside it ("130,800.00   -" under a
    co-borrower's column) or the minus joining terms of a sum, never the amount's own sign ("-12.00", "12.00-")."""
    if len(window) < 2:
        return False
    pairs = ((window[0], window[1]), (window[-1], window[-2]))
    return any(sign.text in _LONE_SIGNS and _gap(sign, other) > SIGN_GAP * other.height for sign, other in pairs)


def _gap(a: Word, b: Word) -> float:
    return max(b.x0 - a.x1, a.x0 - b.x1)


# a name followed on its line by the street of its address: "Pioneer Freight Systems, 6357 Birch Way"
_HOUSE_NUMBER = re.compile(r"^\d{1,6}[A-Za-z]?$")
_AMOUNT = re.compile(r"^\$?\(?-?[\d,]*\d\.\d{2}\)?$")  # "$2,285.69": an amount of a box beside a name's


def name_only(value: FieldValue | None) -> FieldValue | None:
    """A name without what a form prints after it on its line: amounts of the boxes beside it, and the street of
    its address after a comma ("Pioneer Freight Systems, 6357 Birch Way" -> "Pioneer Freight Systems")."""
    if value is None or not isinstance(value.value, str):
        return value
    words = list(value.words)
    while len(words) > 1 and (_AMOUNT.match(words[-1].text) or words[-1].text.upper() in CURRENCY_WORDS):
        words.pop()
    for n in range(1, len(words) - 1):
        if words[n - 1].text.endswith(",") and _HOUSE_NUMBER.match(words[n].text) and words[n + 1].text[0].isalpha():
            words = words[:n]
            break
    if len(words) == len(value.words):
        return value
    parsed = normalise_text(" ".join(w.text for w in words))
    return FieldValue(parsed.value, value.conf, tuple(words)) if parsed else value


def person_name(value: FieldValue | None) -> FieldValue | None:
    """A person's name as name_only gives it; none when its words are all words of labels: a document's title
    ("Employee Wage Statement" read as the label "Employee" and "Wage Statement") or a label OCR garbled
    ("EMPLOYEES" for "EMPLOYEE:"), never a person; none either when OCR was unsure of every one of its words and
    they are not shaped like a name."""
    value = name_only(value)
    if value is None or not isinstance(value.value, str):
        return value
    if value.words and max(w.conf for w in value.words) < UNSURE_NAME and not _name_shaped(value.value):
        return None  # bits of a dotted leader or a label OCR read as letters ("NOS", "WO! cic"), never sure
    words = tokens(value.value)
    return None if words and all(w in lexicon() for w in words) else value


def _name_shaped(text: str) -> bool:
    """Two or more capitalised words of three letters or more and nothing else but initials: a name the re-read may
    mend ("Begonia Gomez" for "Begoña Gómez"), not a garbled label ("NOS", "WO! cic")."""
    words = text.split()
    return sum(len(w) >= 3 for w in words) >= 2 and all(
        (w.isalpha() and w[0].isupper()) or re.fullmatch(r"[A-Z]\.?", w) for w in words)


def _label_piece(words: Sequence[Word]) -> bool:
    """Words of another label, which OCR broke up or a box clipped: "security wages", "3 Social ' security 5"
    (box numbers around label words). Only a run of a label's own words counts, so "First Coastal Bank" is a name."""
    numbered = [w for w in words if BOX_ID.match(w.text) and w.text[0].isdigit()]
    rest = tuple(t for w in words if w not in numbered for t in tokens(w.text))
    if numbered and len(rest) == 1:
        return rest[0] in lexicon()
    return rest in label_pieces()


def _box_number(words: Sequence[Word], at: int) -> bool:
    """A bare one- or two-digit number printed just before a label word is that box's number ("4 Social
    security tax withheld"), not an amount."""
    text = words[at].text
    if not (text.isdigit() and len(text) <= 2 and at + 1 < len(words)):
        return False
    following = tokens(words[at + 1].text)
    return bool(following) and following[0] in lexicon()


def _box_number_among_labels(value: FieldValue, words: Sequence[Word]) -> bool:
    """A bare one- or two-digit number in a run holding label words ("4 Social security 7 tax with 7"):
    box numbers of another box's label, not this one's amount."""
    small = len(value.words) == 1 and value.words[0].text.isdigit() and len(value.words[0].text) <= 2
    return small and any(t in lexicon() for w in words if w not in value.words for t in tokens(w.text))


def _words_in(words: Sequence[Word], span: tuple[int, int]) -> list[Word]:
    """The words of a space-joined run that overlap a character span (a ticked box and its option)."""
    picked, at = [], 0
    for word in words:
        if at < span[1] and at + len(word.text) > span[0]:
            picked.append(word)
        at += len(word.text) + 1
    return picked or list(words)


def _trim_rules(words: Sequence[Word]) -> list[Word]:
    """Drop box rules, colons and dotted leaders read as words at the ends; inside a value they stay and cost
    confidence."""
    kept = list(words)
    while kept and (not kept[0].text.strip(":|_") or is_leader(kept[0])):
        kept.pop(0)
    while kept and (not kept[-1].text.strip(":|_") or is_leader(kept[-1])):
        kept.pop()
    return kept


def valued(parsed: Parsed | None, words: Sequence[Word]) -> FieldValue | None:
    """The parsed value with its words; confidence is parse confidence x the words' mean OCR confidence."""
    if parsed is None:
        return None
    return FieldValue(parsed.value, round(parsed.conf * statistics.fmean(w.conf for w in words), 3), tuple(words))


def dates_in(words: Sequence[Word], day_first: bool = False) -> list[FieldValue]:
    """The dates printed in a run of words, left to right, each the longest window that parses."""
    dates, start = [], 0
    while start < len(words):
        for size in range(min(MAX_VALUE_WORDS, len(words) - start), 0, -1):
            if size > 1 and {words[start].text, words[start + size - 1].text} & _LONE_SIGNS:
                continue  # the dash joining two dates ("01 Mar 2026 - 31 Mar 2026") belongs to neither
            value = valued(normalise_date(" ".join(w.text for w in words[start : start + size]), day_first),
                            words[start : start + size])
            if value is not None:
                dates.append(value)
                start += size
                break
        else:
            start += 1
    return dates
