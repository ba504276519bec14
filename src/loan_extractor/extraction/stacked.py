"""A value printed level with a label of two stacked lines: the label's other wording (another language, or its
first half) on the line above or below it, both at the same left edge, and the value set between the two lines,
so that it joins whichever of them it overlaps more:

    Nombre del Empleado      Ana M Pérez
    Employee Name
"""

from __future__ import annotations

from loan_extractor.extraction.labels import Hit
from loan_extractor.extraction.locate import Page, overlap, span
from loan_extractor.extraction.words import Line, Word

ALIGN = 1.0  # the two label lines start within this many line heights of each other
MAX_GAP = 0.25  # the value overlaps the label's height or stands at most this share of it above or below


def words_beside(page: Page, hit: Hit) -> list[Word]:
    """The value cell on the line just above or below a label with nothing right of it, when that line opens with
    a cell of letters alone aligned with the label (its other wording, no label the rules know) and the value
    overlaps the label's height or nearly touches it."""
    origin = page.lines[hit.line]
    label = origin.words[hit.box_start : hit.end]
    top, bottom = min(w.y0 for w in label), max(w.y1 for w in label)
    for step in (-1, 1):
        index = hit.line + step
        if not _near(page, origin, index):
            continue
        value = _value_cell(page, index, label[0].x0, origin.height)
        if not value and _near(page, origin, index + step) and _value_alone(page, index, label[-1].x1):
            if _value_cell(page, index + step, label[0].x0, origin.height, alone=True):
                value = list(page.lines[index].words)  # the value on a line of its own between the two wordings
        if value and _gap(value, top, bottom) <= MAX_GAP * (bottom - top) and not _under_another(page, hit, value):
            return value
    return []


def _under_another(page: Page, hit: Hit, value: list[Word]) -> bool:
    """Whether the value stands under another label of the label's own line: a row of captions over their values
    ("Company    Employee" over "Pioneer Freight    Jo Park"), the caption's value and no other wording's."""
    line, extent = page.lines[hit.line], (min(w.x0 for w in value), max(w.x1 for w in value))
    return any(other != hit and other.start >= hit.end and overlap(span(line, other), extent) > 0
               for other in page.hits_on.get(hit.line, []))


def _near(page: Page, origin: Line, index: int) -> bool:
    return 0 <= index < len(page.lines) and page.lines[index].page == origin.page


def _value_cell(page: Page, index: int, x0: float, height: float, alone: bool = False) -> list[Word]:
    """The second cell of a line whose first cell starts at `x0`, holds letters only and no known label (with
    `alone`, a line of that first cell only: any word stands for a match)."""
    line = page.lines[index]
    segments = sorted(set(line.segment_of))
    if len(segments) < (1 if alone else 2) or abs(line.words[0].x0 - x0) > ALIGN * height:
        return []
    first = [i for i, s in enumerate(line.segment_of) if s == segments[0]]
    if any(c.isdigit() for i in first for c in line.words[i].text) or page.hits_on.get(index):
        return []
    if alone:
        return [line.words[i] for i in first] if len(segments) == 1 else []
    return [w for w, s in zip(line.words, line.segment_of) if s == segments[1]]


def _value_alone(page: Page, index: int, label_end: float) -> bool:
    """A line of one cell, right of the label's end, holding no known label."""
    line = page.lines[index]
    return len(set(line.segment_of)) == 1 and line.words[0].x0 > label_end and not page.hits_on.get(index)


def _gap(words: list[Word], top: float, bottom: float) -> float:
    """The vertical gap between some words and a label's extent; negative where they overlap."""
    return max(min(w.y0 for w in words) - bottom, top - max(w.y1 for w in words))
