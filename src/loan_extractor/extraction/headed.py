"""A name's block under a heading label alone on its line, the block opening with identification numbers under
labels of their own. An IRS transcript prints

    Employer:
    Employer Identification Number (EIN):XXXXX6789
    CEDAR RIDGE MANUFACTURING INC
    1667 RIDGE ROAD

so the value is the first line past the labelled number lines, at the heading's left edge.
"""

from __future__ import annotations

from loan_extractor.extraction.labels import Hit
from loan_extractor.extraction.locate import Page
from loan_extractor.extraction.words import Word

ID_LINES = 2  # labelled number lines a heading's block may open with
LINE_GAP = 1.5  # the block's lines follow one another within this many line heights
ALIGN = 1.0  # ... and start within this many line heights of the heading's left edge


def past_id_lines(page: Page, hit: Hit) -> list[Word]:
    """The first line under a heading label alone on its line past one or two lines that are other fields' labels
    with a number; nothing when no such line opens the block (the value is then simply the line below)."""
    origin = page.lines[hit.line]
    if hit.box_start != 0 or hit.end != len(origin.words):
        return []
    previous, skipped = origin, 0
    for index in range(hit.line + 1, min(hit.line + 2 + ID_LINES, len(page.lines))):
        line = page.lines[index]
        if (line.page != origin.page or line.y0 - previous.y1 > LINE_GAP * origin.height
                or abs(line.words[0].x0 - origin.words[0].x0) > ALIGN * origin.height):
            return []
        label = page.next_hit(index, 0)
        if label is None or label.box_start != 0:
            return list(line.words) if skipped else []
        numbered = any(c.isdigit() for w in line.words[label.start :] for c in w.text)
        if set(label.targets) & set(hit.targets) or not numbered or not any(
                t.startswith("field:") for t in label.targets):
            return []  # another heading, or a label of the same field: not an identification line
        previous, skipped = line, skipped + 1
    return []
