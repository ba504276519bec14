"""A loan purpose ticked in a drawn checkbox: the mark is ink, not text, in a text layer and often for OCR too.

Forms draw their checkboxes as squares and the tick as lines, or as radio circles filled with a dot.
Neither the PDF's text layer nor tesseract gives them as characters, so the purpose row reads
"Purchase Refinance Cash-Out Refinance ..." with nothing marked. The square left of each option is
then measured on the page image: every square has the same outline, so the one holding clearly more
ink than all the others is the ticked one. A circle has no straight sides to find: its middle, inside
the outline, is measured instead.
Nothing clear (no squares, two marked, an empty row) gives None: a purpose is never guessed.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from loan_extractor.extraction.normalise import option_spans
from loan_extractor.extraction.words import Line, Word

MIN_OPTIONS = 2  # a row of checkboxes offers at least this many purposes
BOX_REACH = 2.2  # the square sits within this many word heights left of its option's first word
INK_LEVEL = 128  # grey values below this are ink
EDGE_SHARE = 0.5  # a column (row) this much inked across the region is a side (top, bottom) of a square
SIDE_MIN, SIDE_MAX = 0.3, 1.6  # a checkbox is this many word heights wide
MIN_TICK_INK = 0.08  # a ticked square is inked inside at least this much ...
MAX_OTHER_SHARE = 0.5  # ... and every other square less than half as much
ROUND_MIN = 0.7  # a round mark is about as tall as wide
RULE_SHARE = 0.9  # a pixel row this much inked across the region is a rule, not part of a mark
MARK_CONFIDENCE = 0.9  # read from ink, not characters
MARK_CHARS = 3  # OCR reads a mark as at most this many characters ...
MARK_GLYPHS = frozenset("oO0QCcDGeULJjlI1@©®()[]{}|_-~.,")  # ... all of them round, square or bracket shapes
GLUED_MARK = 1.1  # a mark glued to its option's word ends this many word heights into the word
TEXT_MARKS = frozenset({"X", "x", "×", "✓", "✔", "✗", "✘"})  # a mark typed into the cell under an option ...
MARK_REPEATS = 2  # ... which OCR may read twice over ("xX")
FILLED_CHARS = 2  # OCR reads a filled square as at most this many capitals
BELOW_MARK = 2.5  # ... on a line at most this many word heights under the row of options


@dataclass(frozen=True)
class Option:
    """A purpose code offered on the page and the first word of its printed option."""

    code: str
    word: Word
    left: float  # where the word before it on its line ends: the square lies between the two


def purpose_options(lines: Sequence[Line]) -> list[Option]:
    """The options of the page's purpose row(s): lines printing at least MIN_OPTIONS purposes, all on one page."""
    found: list[Option] = []
    for line in lines:
        spans = option_spans(line.text)
        if len(spans) < MIN_OPTIONS:
            continue
        starts = _word_starts(line)
        for code, start in spans:
            i, word = _option_word(line, starts, start)
            if word is not None:
                found.append(Option(code, word, _left_limit(line, i)))
    pages = {o.word.page for o in found}
    return found if len(pages) == 1 and len({o.code for o in found}) >= MIN_OPTIONS else []


def marked_under(lines: Sequence[Line]) -> tuple[str, Word] | None:
    """The purpose whose column holds the one mark ("X", a tick) on the line right under a row of options printed
    as column headings, with the mark's word; None when no line under the row holds exactly one mark."""
    options = sorted(purpose_options(lines), key=lambda o: o.word.x0)
    if not options:
        return None
    first = options[0].word
    row = next(i for i, line in enumerate(lines) if line.page == first.page and line.y0 <= first.cy <= line.y1)
    if row + 1 >= len(lines) or lines[row + 1].y0 - lines[row].y1 > BELOW_MARK * lines[row].height:
        return None
    marks = [w for w in lines[row + 1].words if len(w.text) <= MARK_REPEATS and set(w.text) <= TEXT_MARKS]
    if len(marks) != 1 or len(marks) != len(lines[row + 1].words):
        return None
    height = lines[row].height
    for option, after in zip(options, [*options[1:], None]):
        right = after.word.x0 - height if after else float("inf")
        if option.word.x0 - height <= marks[0].cx < right:
            return option.code, marks[0]
    return None


def _left_limit(line: Line, i: int) -> float:
    """Where the last real word before word i ends; OCR reads a drawn square or circle as "O", "[]", "0" or a few
    round and bracket glyphs ("(Oj", "oO"), and a filled square as a capital or two ("HB"): not a word."""
    before = [w for w in line.words[:i] if sum(c.isalpha() for c in w.text) >= 2 and not _read_mark(w.text)
              and not (len(w.text) <= FILLED_CHARS and w.text.isupper())]
    return before[-1].x1 if before else float("-inf")


def _read_mark(text: str) -> bool:
    return len(text) <= MARK_CHARS and set(text) <= MARK_GLYPHS


def _option_word(line: Line, starts: dict[int, int], at: int) -> tuple[int, Word | None]:
    """The word an option starting at character `at` begins: a whole word, or the letters after a mark OCR glued
    to it ("@Refinance", "©Purchase"), their box cut past the mark (about a word height wide) so it lies left of it."""
    if at in starts:
        return starts[at], line.words[starts[at]]
    begun = max((s for s in starts if s < at), default=None)
    if begun is None:
        return -1, None
    word, glyphs = line.words[starts[begun]], at - begun
    if glyphs > MARK_CHARS or glyphs >= len(word.text) or not _read_mark(word.text[:glyphs]):
        return -1, None
    cut = min(word.x1, word.x0 + GLUED_MARK * word.height)
    return starts[begun], Word(word.page, word.text[glyphs:], word.conf, cut, word.y0, word.x1, word.y1)


def _word_starts(line: Line) -> dict[int, int]:
    """Character offset in line.text -> index of the word starting there."""
    starts, at = {}, 0
    for i, word in enumerate(line.words):
        starts[at] = i
        at += len(word.text) + 1
    return starts


def ticked(gray: np.ndarray, scale: float, options: Sequence[Option]) -> tuple[Option, float] | None:
    """The one option whose square is clearly inked inside, with a confidence; `scale` is pixels per point.

    Every option must show its square: a row without drawn squares says nothing about a tick.
    """
    if len(options) < MIN_OPTIONS:
        return None
    height = statistics.median(o.word.height for o in options)
    inks = [_inside_ink(gray, scale, o, height, _row_middle(o, options, height)) for o in options]
    if any(ink is None for ink in inks):
        return None
    order = sorted(range(len(options)), key=lambda i: -inks[i])  # type: ignore[arg-type,operator]
    best, second = inks[order[0]], inks[order[1]]
    if best < MIN_TICK_INK or second > best * MAX_OTHER_SHARE:  # type: ignore[operator]
        return None
    return options[order[0]], MARK_CONFIDENCE


def _row_middle(option: Option, options: Sequence[Option], height: float) -> float:
    """The middle of the option's row: the median of its row's words' middles, so one word OCR boxed too tall (a
    mark glued to it) is measured where its neighbours are."""
    return statistics.median(o.word.cy for o in options if abs(o.word.cy - option.word.cy) < height)


def _inside_ink(gray: np.ndarray, scale: float, option: Option, h: float, cy: float) -> float | None:
    """Share of ink inside the square (or the middle of the circle) just left of an option's word; None when no
    mark is drawn there. `h`: the row's word height; `cy`: the row's middle, in points."""
    word = option.word
    c0 = max(0, int(max(word.x0 - BOX_REACH * h, option.left + 0.15 * h) * scale))
    c1 = min(gray.shape[1], int(word.x0 * scale))
    r0 = max(0, int((cy - 0.8 * h) * scale))
    r1 = min(gray.shape[0], int(np.ceil((cy + 0.8 * h) * scale)))
    if c1 - c0 < 3 or r1 - r0 < 3:
        return None
    ink = gray[r0:r1, c0:c1] < INK_LEVEL
    sides = _runs(np.flatnonzero(ink.mean(axis=0) >= EDGE_SHARE))
    if len(sides) < 2:
        return _middle_ink(ink, h * scale)
    left, right = sides[-2][1] + 1, sides[-1][0]  # the square nearest the word
    if not SIDE_MIN * h * scale <= right - left <= SIDE_MAX * h * scale:
        return _middle_ink(ink, h * scale)  # no square: a round mark's sides and dot may look like two sides
    edges = _runs(np.flatnonzero(ink[:, left:right].mean(axis=1) >= EDGE_SHARE))
    top, bottom = (edges[0][1] + 1, edges[-1][0]) if len(edges) >= 2 else (0, ink.shape[0])
    inside = ink[top + 1 : bottom - 1, left + 1 : right - 1]
    return float(inside.mean()) if inside.size else None


def _middle_ink(ink: np.ndarray, side: float) -> float | None:
    """Share of ink in the middle half of the round mark nearest the word (its right-most blot of ink), or None
    when that blot is not a mark's size and shape. An empty circle's outline lies outside its middle half."""
    ink = ink & ~(ink.mean(axis=1) >= RULE_SHARE)[:, None]  # a box's rule passing above or below the row
    columns = _runs(np.flatnonzero(ink.sum(axis=0) >= 2))
    if not columns:
        return None
    left, right = columns[-1][0], columns[-1][1] + 1
    rows = _runs(np.flatnonzero(ink[:, left:right].sum(axis=1) >= 2))
    if not rows:
        return None
    top, bottom = min(r[0] for r in rows), max(r[1] for r in rows) + 1
    width, height = right - left, bottom - top
    if not (SIDE_MIN * side <= width <= SIDE_MAX * side and ROUND_MIN <= height / width <= 1 / ROUND_MIN):
        return None
    middle = ink[top + height // 4 : bottom - height // 4, left + width // 4 : right - width // 4]
    return float(middle.mean()) if middle.size else None


def _runs(indexes: np.ndarray) -> list[tuple[int, int]]:
    """Consecutive indexes grouped: [(first, last), ...]."""
    runs: list[tuple[int, int]] = []
    for i in indexes.tolist():
        if runs and i == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs
