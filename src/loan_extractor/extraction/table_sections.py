"""Table rows that name a field only by their place: a "Total" row, which is the gross pay only in an earnings
table, and a bare "Net" row of amounts under their column headings.

Hourly stubs list several rate lines (regular, overtime, holiday) and print the gross pay only as the table's
"Total" row; small firms' stubs list Gross, each deduction and Net under "This Pay" and "To Date". Such a row
counts only when its label fills its cell (a "Total Deductions" row is another total, "Net Pav" a misread label)
and, with a `section`, when the heading over the row's label column, on the line of the amounts' column headings,
is one of its words ("Earnings").
"""

from __future__ import annotations

from collections.abc import Sequence

from loan_extractor.extraction.labels import Hit, tokens
from loan_extractor.extraction.locate import Page, overlap, span


def row_fits(page: Page, table: dict, row: Hit, header: Hit) -> bool:
    """Whether a row of a table whose rule asks for a bare label (`alone`, or a `section`) may be read."""
    if not (table.get("alone") or "section" in table):
        return True
    return fills_cell(page, row) and ("section" not in table or headed_by(page, row, header, table["section"]))


def fills_cell(page: Page, row: Hit) -> bool:
    """Whether the row's label is its cell's only words ("Total", not "Total Deductions" or "Total Hours")."""
    line = page.lines[row.line]
    rest = [w for w, s in zip(line.words[row.end :], line.segment_of[row.end :]) if s == line.segment_of[row.end - 1]]
    return not any(tokens(w.text) for w in rest)


def headed_by(page: Page, row: Hit, header: Hit, sections: Sequence[str]) -> bool:
    """Whether the cell over the row's label, on `header`'s line, opens with one of `sections` (maybe with other
    words after it, such as "Earnings Hours" read as one cell)."""
    line, above = page.lines[row.line], page.lines[header.line]
    label = span(line, row)
    cells = {s for w, s in zip(above.words, above.segment_of) if overlap((w.x0, w.x1), label) > 0}
    if len(cells) != 1:
        return False
    cell = next(iter(cells))
    heading = tuple(t for w, s in zip(above.words, above.segment_of) if s == cell for t in tokens(w.text))
    return any(heading[: len(p)] == p for p in (tuple(tokens(phrase)) for phrase in sections))
