"""Where a label's value is printed: right of it on its line, below it in its box, or under a column header."""

from __future__ import annotations

from collections.abc import Sequence

from loan_extractor.extraction.labels import Hit
from loan_extractor.extraction.words import Line, Word

BELOW_LINES = 3  # how many lines under a label its value may sit
BELOW_GAP = 3.0  # ... and at most this many line heights below it
HEADER_LINES = 12  # how far above a table row its column headers may be


class Page:
    """Lines of a document with the label hits found on them, indexed by line."""

    def __init__(self, lines: Sequence[Line], hits: Sequence[Hit]) -> None:
        self.lines = list(lines)
        self.hits_on: dict[int, list[Hit]] = {}
        for hit in hits:
            self.hits_on.setdefault(hit.line, []).append(hit)

    def next_hit(self, line: int, after: int) -> Hit | None:
        """The first label on `line` starting at or after word `after`."""
        return next((h for h in self.hits_on.get(line, []) if h.box_start >= after), None)

    def words_right(self, hit: Hit) -> list[Word]:
        """Words after the label up to the next label, in the label's segment or, if that is empty, the next one."""
        line = self.lines[hit.line]
        stop = self.next_hit(hit.line, hit.end)
        limit = stop.box_start if stop else len(line.words)
        segment = line.segment_of[hit.end - 1]
        same = [i for i in range(hit.end, limit) if line.segment_of[i] == segment]
        value = _after_qualifier(line, same)
        if any(_is_value_word(line.words[i]) for i in value):
            return [line.words[i] for i in value]
        rest = [i for i in range(hit.end, limit) if i not in same]
        if not rest:
            return []
        following = line.segment_of[rest[0]]
        return [line.words[i] for i in rest if line.segment_of[i] == following]

    def cell(self, hit: Hit) -> tuple[float, float]:
        """The label's box across the page: from its left edge to the next label on its line."""
        line = self.lines[hit.line]
        start = hit.box_start
        if start > 0 and line.segment_of[start - 1] == line.segment_of[start] and len(line.words[start - 1].text) == 1:
            start -= 1  # a box id OCR misread ("¢" for "c"): the box still starts there
        left = line.words[start].x0 - 0.5 * line.height
        stop = self.next_hit(hit.line, hit.end)
        right = line.words[stop.box_start].x0 if stop else float("inf")
        return left, right

    def words_below(self, hit: Hit) -> list[Word]:
        """The first line of words under the label inside its box, unless that line starts with another label."""
        origin = self.lines[hit.line]
        left, right = self.cell(hit)
        bottom = origin.y1
        label_end = origin.words[hit.end - 1].x1
        for index in range(hit.line + 1, min(hit.line + 1 + BELOW_LINES, len(self.lines))):
            line = self.lines[index]
            # the line's full extent, not its median word: "e Employee's name" has mostly x-height boxes
            if line.page != origin.page or line.y0 - bottom > BELOW_GAP * (origin.y1 - origin.y0):
                return []
            right = min(right, self._column_edge(index, label_end))
            inside = [i for i, w in enumerate(line.words) if left <= w.x0 and w.cx < right]
            if not inside:
                continue
            if line.words[inside[0]].text.endswith(":"):
                return []  # an unknown label ("Net Pav:"): not a value of this one
            label = self.next_hit(index, inside[0])
            if label is not None and label.box_start <= inside[-1]:
                # another label in the box: the value stops there (or there is none)
                inside = [i for i in inside if i < label.box_start]
                return [line.words[i] for i in inside if _is_value_word(line.words[i])]
            return [line.words[i] for i in inside]
        return []

    def _column_edge(self, index: int, label_end: float) -> float:
        """Where a label of the next column starts on a line below, right of the label's end.

        Boxes of a form sit side by side at different heights ("3 Social security wages" beside
        the employer's box): such a label closes this box on that line and below.
        """
        line = self.lines[index]
        starts = [line.words[h.box_start].x0 for h in self.hits_on.get(index, [])]
        return min((x for x in starts if x > label_end), default=float("inf"))

    def header_above(self, row: Hit, columns: dict[str, list[Hit]]) -> dict[str, Hit]:
        """The nearest header line above a table row: column target -> its header hit."""
        for index in range(row.line - 1, max(row.line - 1 - HEADER_LINES, -1), -1):
            if self.lines[index].page != self.lines[row.line].page:
                break
            found = {target: h for target, hs in columns.items() for h in hs if h.line == index}
            if found:
                return found
        return {}


def _after_qualifier(line: Line, indexes: list[int]) -> list[int]:
    """Indexes after a parenthesised qualifier that opens them: "Name (First, Middle, Last)", "(months)".

    A qualifier holds letters and no digit, so "(200.28)", a negative amount, stays a value.
    """
    if not indexes or not line.words[indexes[0]].text.startswith("("):
        return indexes
    for n, i in enumerate(indexes):
        if line.words[i].text.endswith(")"):
            text = " ".join(line.words[j].text for j in indexes[: n + 1])
            qualifier = any(c.isalpha() for c in text) and not any(c.isdigit() for c in text)
            return indexes[n + 1 :] if qualifier else indexes
    return indexes


def _is_value_word(word: Word) -> bool:
    return any(c.isalnum() for c in word.text)


def span(line: Line, hit: Hit) -> tuple[float, float]:
    """Horizontal extent of a hit's words."""
    return line.words[hit.start].x0, line.words[hit.end - 1].x1


def overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Length of the horizontal overlap of two extents (0 when apart)."""
    return max(0.0, min(a[1], b[1]) - max(a[0], b[0]))
