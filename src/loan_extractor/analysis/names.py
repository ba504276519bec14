"""Fuzzy comparison of person and employer names as read from scans.

Names are folded before comparing: Unicode accents stripped ("Núñez" -> "nunez", "ŁUKASZ" -> "lukasz"), case folded,
punctuation dropped, digits OCR commonly reads for letters mapped back ("J0HN" -> "john"),
middle initials and generational suffixes dropped. The folded names are then scored with
rapidfuzz's token-sort ratio, so word order ("DOE, JANE") does not matter and a letter or two
of OCR noise ("Jane Dae") still scores high.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

# digits that OCR returns for look-alike letters; a person's or company's name has no digits
# in this contract, so mapping them back only repairs noise
_OCR_DIGITS = str.maketrans({"0": "o", "1": "l", "5": "s", "8": "b", "6": "g", "2": "z"})
# letters Unicode does not decompose into a base letter and a mark, spelt as their plain twins, so that "Łukasz",
# "ŁUKASZ" and OCR's "Lukasz" fold alike ("Ødegård", "ĐẶNG", "Weiß" too) instead of losing the letter
ASCII_TWINS = str.maketrans({"ł": "l", "Ł": "L", "ß": "ss", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "Ð": "D",
                             "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ð": "d", "þ": "th", "Þ": "TH", "ı": "i"})
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_LEGAL_FORMS = frozenset(
    {"inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "corp", "corporation", "co", "company",
     "plc", "pllc", "pc", "the"}
)
_JOINT = re.compile(r"\s+(?:and|&)\s+|\s*/\s*", re.IGNORECASE)


def ascii_fold(text: str) -> str:
    """Lower-case text with accents removed and letters without a decomposition spelled out ("Weiß" -> "weiss")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(ASCII_TWINS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _fold(text: str) -> list[str]:
    """Accent-free, case-folded words with punctuation removed ("L.L.C." -> "llc")."""
    plain = ascii_fold(text).casefold()
    plain = plain.replace("&", " and ").translate(_OCR_DIGITS)
    plain = re.sub(r"[.'’`]", "", plain)  # inside abbreviations and names: O'Brien, L.L.C.
    return re.sub(r"[^a-z]+", " ", plain).split()


def person_tokens(name: str) -> list[str]:
    """The words of a person's name that identify them: no initials, no Jr./Sr./III."""
    words = _fold(name)
    kept = [w for w in words if len(w) > 1 and w not in _NAME_SUFFIXES]
    return kept or words


def name_similarity(first: str, second: str) -> float:
    """How alike two people's names are, 0..1; middle names and initials never lower the score.

    The score is the best of: the whole names compared; with two words or more on each side,
    one name's words contained in the other's ("Doe, Jane Quinn" / "Jane Doe"), and the first
    and last words compared ("Jane Quinn Dae" / "Jane Doe"). "Jane Doe" and "John Doe" do not match.
    """
    a, b = person_tokens(first), person_tokens(second)
    if not a or not b:
        return 0.0
    score = fuzz.token_sort_ratio(" ".join(a), " ".join(b))
    if len(a) >= 2 and len(b) >= 2:
        # a one-word name must not match every longer name containing it: hence the guard
        score = max(
            score,
            fuzz.token_set_ratio(" ".join(a), " ".join(b)),
            fuzz.token_sort_ratio(f"{a[0]} {a[-1]}", f"{b[0]} {b[-1]}"),
        )
    return score / 100.0


def holder_similarity(applicant: str, holder: str) -> float:
    """Best match of the applicant among an account's holders ("Jane Doe and John Doe")."""
    holders = [part for part in _JOINT.split(holder) if part.strip()] or [holder]
    return max(name_similarity(applicant, part) for part in holders)


def employer_key(name: str) -> str:
    """An employer's name without legal form or punctuation: "Acme Widgets, Inc." -> "acme widgets"."""
    words = _fold(name)
    kept = [w for w in words if w not in _LEGAL_FORMS]
    return " ".join(kept or words)


def employer_similarity(first: str, second: str) -> float:
    """How alike two employer names are, 0..1, ignoring "Inc."/"LLC", punctuation and case."""
    a, b = employer_key(first), employer_key(second)
    if not a or not b:
        return 0.0
    return fuzz.token_sort_ratio(a, b) / 100.0
