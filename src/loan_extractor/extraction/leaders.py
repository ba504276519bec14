"""Dotted leaders as OCR reads them: "GROSS PAY: ........ 2,345.67" comes out as the label, a run of dots, commas,
colons or junk letters ("ooeecccccsss", "ou...", "cece"), then the value. Such words are neither the label's nor
the value's; they are recognised by their shape, never by a layout's wording."""

from __future__ import annotations

import re
from collections.abc import Sequence

from loan_extractor.extraction.words import Word

LEADER_MARKS = ".,-_·:;…'`‘’\u2022"  # what a leader is printed with, or what OCR reads its dots as
# a run of two or more leader marks inside a word: "ou...", "........:.csseens", "00..."
_MARK_RUN = re.compile(r"[.,\-_·:;…'`‘’\u2022]{2,}")
_REPEATED = re.compile(r"([a-z])\1\1")  # three of a letter in a row: "cccc", "eee", "sss"
LONG_JUNK = 15  # a lower-case run of letters this long is no word of a label or a value
STRAY_FIGURES = 0.1  # ... which may hold this share of stray figures ("...nnessnne3Ssi3sui")
MID_JUNK = 6  # ... one this long with a letter three times in a row neither
LEADER_CHARS = 3  # shorter, a lone dash or colon may be an empty box's mark; this long, a leader ends a label
SHORT_JUNK_LETTERS = 2  # a short lower-case word of at most this many distinct letters ("cece", "eeee")
JUNK_CONF = 0.6  # a word read less surely than this amid a dotted leader is more of its junk ("Soesse", "swat")


def is_leader(word: Word) -> bool:
    """Whether a word is (a piece of) a dotted leader as OCR read it."""
    text = word.text
    if not text.strip(LEADER_MARKS):
        return True  # dots, colons, dashes only
    figures = sum(c.isdigit() and c != "0" for c in text)  # "0" is a dot read as a letter ("00...")
    if figures and (len(text) < LONG_JUNK or figures > STRAY_FIGURES * len(text)):
        return False  # a figure of a value, unless a stray one in a long run of junk
    letters = text.strip(LEADER_MARKS)
    if _MARK_RUN.search(text) and all(c.isalpha() or c in LEADER_MARKS or c == "0" for c in text):
        return True
    lower = sum(c.islower() for c in letters)
    if len(letters) >= LONG_JUNK and not letters[0].isupper() and lower >= 0.8 * len(letters):
        return True
    if not letters.isalpha() or not letters.islower():
        return False
    return (len(letters) >= MID_JUNK and bool(_REPEATED.search(letters))) or (
        len(letters) >= 4 and len(set(letters)) <= SHORT_JUNK_LETTERS)


def after_leader(words: Sequence[Word]) -> list[Word]:
    """The words after a leader that opens them (all of them when none does)."""
    start = 0
    while start < len(words) and is_leader(words[start]):
        start += 1
    return list(words[start:])


def past_leader_junk(words: Sequence[Word]) -> list[Word]:
    """The words after the last dotted leader of a run when everything before it is leader junk: leader pieces or
    words OCR was unsure of ("Soesse swat cus sussevesecesteeuse WOJCIECH N WOJCIK", the leader read in bits
    between a label and its value); the run as it is otherwise (a word read surely before the leader may be a
    label's)."""
    marks = [i for i, w in enumerate(words) if len(w.text) >= LEADER_CHARS and is_leader(w)]
    if not marks:
        return list(words)
    before, after = words[: marks[-1]], words[marks[-1] + 1 :]
    if after and all(is_leader(w) or w.conf < JUNK_CONF for w in before):
        return list(after)
    return list(words)


def without_leaders(words: Sequence[Word]) -> list[Word]:
    """The words with leaders at either end dropped; a line that is all leader gives nothing."""
    kept = after_leader(words)
    while kept and is_leader(kept[-1]):
        kept.pop()
    return kept


# a capitals label whose colon (or the leader's first dot) OCR read as an "S": "NAMES:", "PAYS?", "EMPLOYEES ....."
_COLON_AS_S = re.compile(r"([A-Z]+[A-Z])S[:?;]?")
COLON_AS_S_COST = 0.9  # a label matched with such an "S" left out


def colon_read_as_s(words: Sequence[Word], index: int) -> str | None:
    """The word without the "S" OCR read for its label's colon, or None when it shows no such misreading: a word
    in capitals ending in "S" and then a colon-like mark ("NAMES:", "PAYS?"), or followed by a dotted leader (maybe
    after unsure bits of it, or run into the word: "EMPLOYEES...")."""
    text = words[index].text
    bare = text.rstrip(LEADER_MARKS)
    match = _COLON_AS_S.fullmatch(text) or (_COLON_AS_S.fullmatch(bare) if len(text) - len(bare) >= 2 else None)
    if not match:
        return None
    marked = text[-1] in ":?;" or bare != text or _leader_follows(words, index)
    return match.group(1) + ":" if marked else None


def _leader_follows(words: Sequence[Word], index: int) -> bool:
    """Whether a dotted leader comes next, maybe after bits of it OCR read as unsure words ("NTE")."""
    for word in words[index + 1 :]:
        if is_leader(word):
            return True
        if word.conf >= JUNK_CONF:
            return False
    return False
