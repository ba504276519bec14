"""Where a label's value is printed: right of it on its line, below it in its box, or under a column header."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from functools import cached_property

from loan_extractor.extraction.labels import Hit, tokens
from loan_extractor.extraction.leaders import LEADER_CHARS, after_leader, without_leaders
from loan_extractor.extraction.words import Line, Word

BELOW_LINES = 3  # how many lines under a label its value may sit
BELOW_GAP = 3.0  # ... and at most this many line heights below it
BELOW_REACH = 3.0  # ... starting at most this many line heights right of the label's end
HEADER_LINES = 12  # how far above a table row its column headers may be
SPAN_LINES = 2  # how far above repeated sub-headers ("Amount  Amount") the headers spanning them may be
HANG_SHARE = 0.5  # a value under a header overlaps at least this share of the narrower of the two
HANG_LIMIT = 12.0  # ... and starts at most this many line heights left of a header with no label before it
WRAP_GAP = 1.0  # a wrapped row of options follows the row above within this many line heights
HEADING_SIZE = 2.0  # a word this many times taller than a value's first word is a heading beside it
OPENER_CHARS = 2  # a word this short opening a label's segment belongs to the label's box (as in labels.py)
ONE_WORD_COST = 0.05  # a label of one word found alone is weaker evidence than a longer label read a little noisily


class Page:
    """Lines of a document with the label hits found on them, indexed by line."""

    def __init__(self, lines: Sequence[Line], hits: Sequence[Hit]) -> None:
        self.lines = list(lines)
        self.hits_on: dict[int, list[Hit]] = {}
        for hit in hits:
            self.hits_on.setdefault(hit.line, []).append(hit)

    @cached_property
    def usual_height(self) -> float:
        """The median height of the page's words: the document's usual type size (0 without words)."""
        heights = [w.height for line in self.lines for w in line.words]
        return statistics.median(heights) if heights else 0.0

    def hits_for(self, target: str) -> list[Hit]:
        """The hits standing for a target, best first, then in reading order.

        A one-word label ("Wages") may be a word of another box's label OCR broke up ("3 Social ' security 5
        wages"): it ranks below a longer label matched a little less well ("Wages, tips, other compe").
        """
        hits = [h for hs in self.hits_on.values() for h in hs if target in h.targets]
        return sorted(hits, key=lambda h: (-round(h.score - (ONE_WORD_COST if h.ntokens == 1 else 0.0), 2),
                                           h.line, h.start))

    def label_words(self, hit: Hit) -> str:
        """The label's own words and the two after it, where a form prints a unit or a format ("Term (years)")."""
        line = self.lines[hit.line]
        stop = self.next_hit(hit.line, hit.end)
        end = min(hit.end + 2, stop.box_start if stop else len(line.words))
        return " ".join(w.text for w in line.words[hit.start : end])

    def next_hit(self, line: int, after: int) -> Hit | None:
        """The first label on `line` starting at or after word `after`."""
        return next((h for h in self.hits_on.get(line, []) if h.box_start >= after), None)

    def words_right(self, hit: Hit, cells: int = 1) -> list[Word]:
        """Words after the label up to the next label, in the label's segment or, if that is empty, the next one.

        `cells` > 1 reads that many cells: for numbers, words that qualify the label and then the value in its
        own cell ("Ending Balance on March 31, 2026 ... $X") or a count before an amount ("80 hrs ... $X");
        for a row of checkbox options spread over the line, all of them.
        """
        line = self.lines[hit.line]
        stop = self.next_hit(hit.line, hit.end)
        limit = stop.box_start if stop else len(line.words)
        segment = line.segment_of[hit.end - 1]
        same = _after_qualifier(line, [i for i in range(hit.end, limit) if line.segment_of[i] == segment])
        same = same[len(same) - len(after_leader([line.words[i] for i in same])):]  # past a dotted leader
        if not any(_is_value_word(line.words[i]) for i in same):
            same = []
        rest = [i for i in range(hit.end, limit) if line.segment_of[i] != segment]
        found = [same] if same else []
        for i in rest:
            if not found or line.segment_of[i] != line.segment_of[found[-1][-1]]:
                found.append([])
            found[-1].append(i)
        if not same and found and not _after_qualifier(line, found[0]):
            found = found[1:]  # the label's qualifier alone in the next cell ("Pay Date:  (DD/MM/YYYY)  01/04/2026")
        return [line.words[i] for cell in found[:cells] for i in cell]

    def cell(self, hit: Hit) -> tuple[float, float]:
        """The label's box across the page: from its left edge to the next label on its line."""
        line = self.lines[hit.line]
        start = hit.box_start
        if (start > 0 and line.segment_of[start - 1] == line.segment_of[start]
                and len(line.words[start - 1].text) <= OPENER_CHARS):
            start -= 1  # a box id OCR misread ("¢" for "c") or an abbreviation ("PP Begin Date"): the box starts there
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
        column = span(origin, hit)
        before = [h for h in self.hits_on.get(hit.line, []) if h.end <= hit.box_start]
        after = origin.words[before[-1].end - 1].x1 if before else left - origin.height * HANG_LIMIT
        far: list[Word] = []
        for index in range(hit.line + 1, min(hit.line + 1 + BELOW_LINES, len(self.lines))):
            line = self.lines[index]
            # the line's full extent, not its median word: "e Employee's name" has mostly x-height boxes
            if line.page != origin.page or line.y0 - bottom > BELOW_GAP * (origin.y1 - origin.y0):
                break
            right = min(right, self._column_edge(index, label_end))
            inside = [i for i, w in enumerate(line.words)
                      if (left <= w.x0 or _hangs_under(w, column, after)) and w.cx < right]
            if not inside or _only_leader([line.words[i] for i in inside]):
                continue  # nothing, or a dotted leader OCR put on a line of its own
            if line.words[inside[0]].x0 > label_end + BELOW_REACH * origin.height:
                # words far right of a short label: its right-aligned value, or words of a box further right (a
                # form printed twice), which a nearer line under the label shows to be the case
                far = far or self._far_value(hit, index, [line.words[i] for i in inside])
                continue
            if line.words[inside[0]].text.endswith(":") or self.in_label(index, inside[0]):
                return far  # an unknown label ("Net Pav:") or the end of a label begun further left: no value
            # a heading printed much larger beside the value (a W-2's tax year in the corner) is not part of it
            inside = [i for i in inside if line.words[i].height <= HEADING_SIZE * line.words[inside[0]].height]
            label = self.next_hit(index, inside[0])
            if label is not None and label.box_start <= inside[-1] and not _closes_words(line, label, inside[0]):
                # another label in the box: the value stops there (or there is none)
                inside = [i for i in inside if i < label.box_start]
                return [line.words[i] for i in inside if _is_value_word(line.words[i])] or far
            return [line.words[i] for i in inside]
        return far

    def _far_value(self, hit: Hit, index: int, words: list[Word]) -> list[Word]:
        """Words far right of a label that are its box's value: all value words, none of them a label's, and no
        other label begins between the label's end and them on the lines from the label's down to theirs."""
        line = self.lines[index]
        if not all(_is_value_word(w) for w in words) or any(
                self.in_label(index, line.words.index(w)) for w in words):
            return []
        label_end = self.lines[hit.line].words[hit.end - 1].x1
        between = [h for n in range(hit.line, index + 1) for h in self.hits_on.get(n, [])
                   if label_end < self.lines[n].words[h.box_start].x0 <= words[0].x0]
        return [] if between else words

    def next_in_column(self, words: Sequence[Word]) -> list[Word]:
        """The words of the line under some words that stand under them, when that line follows closely: the next
        row of a table column."""
        index = next((i for i, line in enumerate(self.lines) if words and words[0] in line.words), None)
        if index is None or index + 1 >= len(self.lines):
            return []
        line, after = self.lines[index], self.lines[index + 1]
        if after.page != line.page or after.y0 - line.y1 > BELOW_GAP * line.height:
            return []
        extent = (min(w.x0 for w in words), max(w.x1 for w in words))
        return [w for w in after.words if overlap((w.x0, w.x1), extent) > 0]

    def rows_below(self, hit: Hit) -> list[Word]:
        """The words under a label and, when the next line continues their column, that line's too: a row of
        checkbox options wrapped onto a second line under its question."""
        first = self.words_below(hit)
        index = next((i for i, line in enumerate(self.lines) if first and first[0] in line.words), None)
        if index is None or index + 1 >= len(self.lines):
            return first
        line, after = self.lines[index], self.lines[index + 1]
        if after.page != line.page or after.y0 - line.y1 > WRAP_GAP * line.height:
            return first
        left, right = first[0].x0 - line.height, max(w.x1 for w in first) + line.height
        return first + [w for w in after.words if left <= w.x0 < right]

    def in_label(self, index: int, word: int) -> bool:
        """Whether a word of a line belongs to a label found there ("Tax Statement" of "Form W-2 Wage and ...")."""
        return any(h.box_start <= word < h.end for h in self.hits_on.get(index, []))

    def _column_edge(self, index: int, label_end: float) -> float:
        """Where a label of the next column starts on a line below, right of the label's end.

        Boxes of a form sit side by side at different heights ("3 Social security wages" beside
        the employer's box): such a label closes this box on that line and below.
        """
        line = self.lines[index]
        starts = [line.words[h.box_start].x0 for h in self.hits_on.get(index, [])]
        return min((x for x in starts if x > label_end), default=float("inf"))

    def header_above(self, row: Hit, columns: dict[str, list[Hit]]) -> dict[str, Hit]:
        """The nearest header line above a table row: column target -> its header hit.

        Headers on two levels ("Current" and "Year to Date" each over "Hours  Amount"): a sub-header printed
        more than once stands for the spanning header above it that is nearest. With no spanning header, tables
        side by side ("Earnings ... Current YTD | Deductions ... Current YTD"): the row's own table is the one whose
        header comes first right of the row's label.
        """
        for index in range(row.line - 1, max(row.line - 1 - HEADER_LINES, -1), -1):
            if self.lines[index].page != self.lines[row.line].page:
                break
            on_line = [(target, h) for target, hs in columns.items() for h in hs if h.line == index]
            if on_line:
                repeated = [h for target, h in on_line if sum(t == target for t, _ in on_line) > 1]
                spans = self._spanning(index, columns) if repeated else {}
                return {target: min(repeated, key=lambda h: abs(self._centre(h) - self._centre(span)))
                        for target, span in spans.items()} or self._nearest_right(row, on_line)
        return {}

    def _nearest_right(self, row: Hit, on_line: list[tuple[str, Hit]]) -> dict[str, Hit]:
        """Each target's header on the line: of several, the first right of the row's label (else the last)."""
        start = self.lines[row.line].words[row.start].x0
        found: dict[str, Hit] = {}
        for target, hit in sorted(on_line, key=lambda th: -self._centre(th[1])):
            if target not in found or self._centre(hit) >= start:
                found[target] = hit
        return found

    def _spanning(self, index: int, columns: dict[str, list[Hit]]) -> dict[str, Hit]:
        """Headers of two or more distinct columns on one of the two lines above a header line."""
        for above in range(index - 1, max(index - 1 - SPAN_LINES, -1), -1):
            found = {target: h for target, hs in columns.items() for h in hs if h.line == above}
            if len(found) >= 2:
                return found
        return {}

    def _centre(self, hit: Hit) -> float:
        left, right = span(self.lines[hit.line], hit)
        return (left + right) / 2


def unlabelled_top_cells(page: Page, max_lines: int) -> list[tuple[int, list[Word]]]:
    """The cells holding no label in the first `max_lines` lines of page one, with their line numbers, in reading order."""
    first = page.lines[0].page if page.lines else 0
    top = []
    for index, line in enumerate(page.lines[:max_lines]):
        if line.page != first:
            break
        top.append(index)
    return unlabelled_cells(page, top)


def unlabelled_bottom_cells(page: Page, max_lines: int) -> list[tuple[int, list[Word]]]:
    """The cells holding no label in the last `max_lines` lines of page one (a slip or an envelope's window at the
    foot of the page), with their line numbers, in reading order."""
    first = page.lines[0].page if page.lines else 0
    own = [index for index, line in enumerate(page.lines) if line.page == first]
    return unlabelled_cells(page, own[-max_lines:])


def unlabelled_cells(page: Page, indexes: Sequence[int]) -> list[tuple[int, list[Word]]]:
    """The cells of some lines that hold no label, with their line numbers, in reading order."""
    cells = []
    for index in indexes:
        line = page.lines[index]
        labelled = {i for h in page.hits_on.get(index, []) for i in range(h.box_start, h.end)}
        for segment in sorted(set(line.segment_of)):
            cell = [i for i, s in enumerate(line.segment_of) if s == segment]
            if not labelled.intersection(cell):
                cells.append((index, [line.words[i] for i in cell]))
    return cells


def _after_qualifier(line: Line, indexes: list[int]) -> list[int]:
    """Indexes after a qualifier that opens them: parenthesised ("Name (First, Middle, Last)", "(months):") or a
    printed list of the parts to fill in ("Property Address  Street, City, State, ZIP").

    A qualifier holds letters and no digit, so "(200.28)", a negative amount, stays a value.
    """
    if not indexes:
        return indexes
    if not line.words[indexes[0]].text.startswith("("):
        return indexes[_parts_list(line, indexes):]
    for n, i in enumerate(indexes):
        if line.words[i].text.rstrip(":").endswith((")", "}", "]")):  # OCR reads a closing ")" as "}" or "]"
            text = " ".join(line.words[j].text for j in indexes[: n + 1])
            qualifier = any(c.isalpha() for c in text) and not any(c.isdigit() for c in text)
            return indexes[n + 1 :] if qualifier else indexes
    text = line.words[indexes[0]].text
    if len(indexes) == 1 and any(c.isalpha() for c in text) and not any(c.isdigit() for c in text):
        return []  # a qualifier whose closing ")" OCR lost ("(DD/MM/YYYY"), alone in its cell
    return indexes


# the parts a form asks for after a label: "Street, City, State, ZIP", "First, Middle, Last, Suffix"
PART_WORDS = frozenset({"street", "address", "unit", "apt", "city", "state", "zip", "code", "county", "country",
                        "first", "middle", "last", "suffix", "mi", "mm", "dd", "yyyy"})


def _parts_list(line: Line, indexes: list[int]) -> int:
    """How many of the indexes form a list of part names, each but the last ending in a comma or slash."""
    run = 0
    for i in indexes:
        text = line.words[i].text
        if not tokens(text) or not set(tokens(text)) <= PART_WORDS:
            break
        run += 1
        if not text.endswith((",", "/")):
            break
    return run if run >= 2 and not line.words[indexes[run - 1]].text.endswith((",", "/")) else 0


def _hangs_under(word: Word, column: tuple[float, float], after: float) -> bool:
    """A right-aligned amount under a column header starts left of it: it still stands under most of the header
    (or the header under most of it), and clear of the label before it on the header's line."""
    width = min(word.x1 - word.x0, column[1] - column[0])
    return word.x0 > after and overlap((word.x0, word.x1), column) >= HANG_SHARE * width


def _closes_words(line: Line, label: Hit, first: int) -> bool:
    """Whether a one-word label ends the run of words it follows in one segment, with nothing after it: the last word
    of a name ("3M Company"), not a label of its own; a longer label after a speck ("@ Soc. sec. tax") stays one."""
    segment = line.segment_of[label.box_start]
    before = [w.text for w, s in zip(line.words[first : label.box_start], line.segment_of[first:]) if s == segment]
    return (label.end - label.box_start == 1 and sum(c.isalnum() for t in before for c in t) >= 2
            and (label.end >= len(line.words) or line.segment_of[label.end] != segment))


def _only_leader(words: list[Word]) -> bool:
    """Words that are all a dotted leader's; a lone dash or colon is an empty box's mark, not a leader."""
    return not without_leaders(words) and len("".join(w.text for w in words)) >= LEADER_CHARS


def _is_value_word(word: Word) -> bool:
    return any(c.isalnum() for c in word.text)


def span(line: Line, hit: Hit) -> tuple[float, float]:
    """Horizontal extent of a hit's words."""
    return line.words[hit.start].x0, line.words[hit.end - 1].x1


def overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Length of the horizontal overlap of two extents (0 when apart)."""
    return max(0.0, min(a[1], b[1]) - max(a[0], b[0]))
