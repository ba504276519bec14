"""Text-layer words as a reader sees them: real PDF producers encode the same visible text many ways.

- Characters: compatibility forms folded (NFKC: ligatures "ﬁ", fullwidth colons, non-breaking spaces, decomposed
  accents composed), invisible characters dropped (soft hyphens, zero-width spaces), typographic dashes and the
  minus sign read as "-", curly apostrophes and quotes as straight ones. A word holding a (non-breaking) space
  becomes several words, and so does a dotted leader run into its value ("....2026-03-01"); runs of one word
  drawn apart by kerning ("Gr" "oss") become one word.
- Text nobody can read: words far smaller than the page's print (1 pt text) and words set vertically (a
  margin note) are dropped.
- Simulated bold: the same word drawn twice a fraction of a point apart is kept once.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Iterable

from loan_extractor.tools.poppler import TextWord

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_FOLDED = str.maketrans({**{c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"},
                         "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'", "\u201c": '"', "\u201d": '"',
                         "\u201e": '"'})
_PART = re.compile(r"[.\u00b7\u2026_]{3,}(?=[^\s.\u00b7\u2026_])|\S+")  # a leader glued to its value splits off
TINY = 0.35  # a word shorter than this share of the page's median word height is unreadable print
KERNING = 0.1  # word heights: a gap narrower than this between two runs of one line is kerning, not a space
OVERPRINT = 1.0  # points: the same word this close to another is the same word drawn again
MARGIN_NOTE_SHARE = 0.2  # vertical words are a margin note while they are at most this share of a page's words


def fold_characters(text: str) -> str:
    """The text with the characters a reader cannot tell apart made one: see the module's docstring."""
    return unicodedata.normalize("NFKC", text).translate(_INVISIBLE).translate(_FOLDED)


def readable_words(words: Iterable[TextWord]) -> list[TextWord]:
    """Words with folded characters, split at spaces, without unreadable print or overprinted copies."""
    folded = [part for w in _join_kerned_runs(list(words)) for part in _split_at_spaces(w, fold_characters(w.text))]
    kept: list[TextWord] = []
    for page in sorted({w.page for w in folded}):
        on_page = [w for w in folded if w.page == page]
        typical = statistics.median(w.y1 - w.y0 for w in on_page)
        vertical = _vertical_words(on_page)
        for word in on_page:
            if word.y1 - word.y0 >= TINY * typical and id(word) not in vertical and not any(
                    _overprints(word, other) for other in kept[-40:]):
                kept.append(word)
    return kept


def _join_kerned_runs(words: list[TextWord]) -> list[TextWord]:
    """Consecutive runs of one line with a gap too narrow for a space ("Gr" "oss") made one word."""
    joined: list[TextWord] = []
    for word in words:
        last = joined[-1] if joined else None
        height = word.y1 - word.y0
        if (last is not None and last.page == word.page and abs(last.y0 - word.y0) <= 0.1 * height
                and abs(last.y1 - word.y1) <= 0.1 * height and 0 <= word.x0 - last.x1 < KERNING * height):
            joined[-1] = TextWord(word.page, last.text + word.text, last.x0, last.y0, word.x1, last.y1)
        else:
            joined.append(word)
    return joined


def _vertical_words(words: list[TextWord]) -> set[int]:
    """Ids of words set vertically: tall narrow words of three or more letters, and the short words stacked
    right above or below one of them in the same column ("1", "of" of a vertical "page 1 of 1")."""
    long_words = [w for w in words if len(w.text) >= 3]
    vertical = {id(w) for w in long_words if w.y1 - w.y0 > 2 * (w.x1 - w.x0)}
    if len(vertical) > MARGIN_NOTE_SHARE * len(long_words):
        return set()  # the page's own text runs vertically (a page turned in its content): nothing to drop
    grown = True
    while grown:
        column = [w for w in words if id(w) in vertical]
        stacked = {id(w) for w in words if id(w) not in vertical and len(w.text) < 3 and any(
            _stacked(w, v) for v in column)}
        vertical |= stacked
        grown = bool(stacked)
    return vertical


def _stacked(word: TextWord, other: TextWord) -> bool:
    """Same column (left and right edges within a point) and touching vertically (gap under the other's width)."""
    gap = max(word.y0 - other.y1, other.y0 - word.y1)
    return abs(word.x0 - other.x0) <= 1 and abs(word.x1 - other.x1) <= 1 and gap <= other.x1 - other.x0


def _split_at_spaces(word: TextWord, text: str) -> list[TextWord]:
    """The folded word, one per space-separated part (and a dotted leader apart from the value it runs into),
    boxes shared by character count."""
    parts = list(_PART.finditer(text))
    if len(parts) == 1 and parts[0].group() == text:
        return [TextWord(word.page, text, word.x0, word.y0, word.x1, word.y1)]
    step = (word.x1 - word.x0) / max(len(text), 1)
    return [TextWord(word.page, m.group(), word.x0 + step * m.start(), word.y0, word.x0 + step * m.end(), word.y1)
            for m in parts]


def _overprints(word: TextWord, other: TextWord) -> bool:
    return (word.page == other.page and word.text == other.text and abs(word.x0 - other.x0) <= OVERPRINT
            and abs(word.y0 - other.y0) <= OVERPRINT and abs(word.x1 - other.x1) <= OVERPRINT)
