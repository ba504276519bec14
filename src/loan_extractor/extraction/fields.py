"""The contract's fields of one document type, read from its lines with the rules of data/labels.yaml."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial

from loan_extractor.extraction.amount_checks import check_amounts
from loan_extractor.extraction.captions import block_above, box_id_row, own_box_id, value_above, values_over_captions
from loan_extractor.extraction.checkboxes import marked_under
from loan_extractor.extraction.dated import fill_dated
from loan_extractor.extraction.dates import normalise_date
from loan_extractor.extraction.fallbacks import (
    compose,
    fill_headers,
    fill_ranges,
    fill_spans,
    number_in_sentence,
    says_day_first,
    standalone_year,
    unique_ein,
    unique_masked_number,
)
from loan_extractor.extraction.headed import past_id_lines
from loan_extractor.extraction.identifiers import normalise_year
from loan_extractor.extraction.label_places import (
    closed_by_colon, label_position, labels_only, labels_where, row_of_headings,
)
from loan_extractor.extraction.labels import Hit, find_hits, tokens
from loan_extractor.extraction.locate import Page, overlap, span
from loan_extractor.extraction.mailing import fill_mailing, lone_addressee
from loan_extractor.extraction.normalise import normalise_unsigned_money
from loan_extractor.extraction.plausible import has_cents
from loan_extractor.extraction.rules import label_rules, lexicon, vocabulary
from loan_extractor.extraction.stacked import words_beside
from loan_extractor.extraction.table_sections import row_fits
from loan_extractor.extraction.values import FieldValue, name_only, person_name, read_value
from loan_extractor.extraction.words import Line, Word
from loan_extractor.extraction.written_amount import written_amount
from loan_extractor.spec import DocType, FieldKind, fields_of

# names other modules and tests import from here
__all__ = ["FieldValue", "extract_fields", "label_rules", "lexicon", "read_value", "_vocabulary"]
_vocabulary = vocabulary

_FORMATS = {"year": normalise_year, "unsigned": normalise_unsigned_money}
ID_DIGITS = re.compile(r"\d{3}")  # a person's name never holds a run of digits
YEARS_COST = 0.9  # a term converted from years by its label's unit
SUB_BOX_ID = re.compile(r"^\d{1,2}[a-d]\.?$")  # a lettered W-2 box ("12a"): no value begins with one
MARK_UNDER_COST = 0.9  # a purpose read from a mark under its option rather than beside it
MAX_TEXT_CELLS = 3  # a text value continued after a comma spans at most this many cells
LABEL_TAIL = 2  # a label the vocabulary knows only the first words of goes on for at most this many more
JUNK_WORD = 6  # a dotted leader OCR read as letters comes out in words at most this long ("eens", "2...")
_DOTTED_FIGURES = re.compile(r"[\d.,:;]*[.,:;]{2}[\d.,:;]*")  # ... or as figures and dots of any length ("1.2.0...")


def extract_fields(doc_type: DocType, lines: Sequence[Line]) -> dict[str, FieldValue | None]:
    """Every field of the type: its value and confidence, or None when it could not be read."""
    kinds = fields_of(doc_type)
    if not kinds:
        return {}
    rules = label_rules()[doc_type.value]
    box_ids = bool(rules.get("box_ids"))
    hits = find_hits(lines, vocabulary(rules), box_ids=box_ids, lexicon=lexicon(), position=label_position)
    hits += labels_where(lines, rules.get("column_only", {}), hits, lambda line, hit: row_of_headings(line))
    hits += labels_where(lines, rules.get("colon_only", {}), hits, closed_by_colon)
    page = Page(lines, hits)
    parts = {name for names in rules.get("compose", {}).values() for name in names}
    found: dict[str, FieldValue | None] = {}
    tables = _TableHits(page, rules.get("tables", []))
    over = box_ids and values_over_captions(page, kinds)
    for name in [*kinds, *sorted(parts)]:
        kind = kinds.get(name, FieldKind.TEXT)
        found[name] = _from_tables(page, tables, name, kind) or _from_labels(page, rules, name, kind, over)
    fill_ranges(page, rules, found)
    fill_spans(page, rules, found)
    fill_dated(page, rules, found)
    compose(rules, found)
    fill_headers(page, rules, found, avoid=lone_addressee(page, rules, found))
    fill_mailing(page, rules, found)
    for name in [n for n in rules.get("written_amount", []) if found.get(n) is None]:
        found[name] = written_amount(lines)
    if "tax_year" in kinds and found.get("tax_year") is None:
        found["tax_year"] = standalone_year(lines)
    for name in [n for n, kind in kinds.items() if kind is FieldKind.EIN and found.get(n) is None]:
        found[name] = unique_ein(lines)
    if "loan_purpose" in kinds and found.get("loan_purpose") is None and (mark := marked_under(lines)):
        found["loan_purpose"] = FieldValue(mark[0], round(mark[1].conf * MARK_UNDER_COST, 3), (mark[1],))
    for name in [n for n, kind in kinds.items() if kind is FieldKind.LAST4 and found.get(n) is None]:
        found[name] = number_in_sentence(lines, rules["fields"].get(name, [])) or unique_masked_number(lines)
    for name in [*rules.get("names", []), *(n for n in kinds if n.endswith("_name"))]:
        found[name] = (person_name if name in rules.get("names", []) else name_only)(found.get(name))
    check_amounts(doc_type.value, found)
    return {name: found.get(name) for name in kinds}


def _from_labels(page: Page, rules: dict, name: str, kind: FieldKind, over: bool = False) -> FieldValue | None:
    parse = _FORMATS.get(rules.get("formats", {}).get(name, ""))
    for hit in page.hits_for(f"field:{name}"):
        if kind is FieldKind.DATE and parse is None and says_day_first(page, hit):
            parse = partial(normalise_date, day_first=True)
        wrapped = [page.rows_below(hit)] if kind is FieldKind.LOAN_PURPOSE else []
        if kind is FieldKind.TEXT and _label_goes_on(page, hit):
            continue  # "Employer Legal Name: ...": the known words open a longer label, whose value is not "Legal"
        right = _right_of(page, hit, kind)
        if rules.get("box_ids") and right and SUB_BOX_ID.match(right[0].text):
            right = []  # "12a Coded": the label of a lettered box beside this one, whose words OCR garbled
        if name in rules.get("names", []) and _in_a_phrase(page, hit):
            continue  # "Statement for account ending ...": the label's words in a sentence, no name near
        below = page.words_below(hit)
        above = []
        if rules.get("box_ids"):
            if box_id_row(below):
                below = []  # the ids of the next row of boxes, under a caption printed below its value
            above = value_above(page, hit)
        beside = [] if right else words_beside(page, hit)
        headed = past_id_lines(page, hit) if kind is FieldKind.TEXT and not (right or below) else []
        # a caption with its own box id at the foot of its box, on a form that prints them so: the value over it
        top = block_above(page, hit) if over and own_box_id(page, hit) else []
        for words in (right, beside, top, below, headed, *wrapped, above):
            value = read_value(kind, words, parse)
            if value is not None and words is not right and _one_of_a_column(page, kind, value):
                continue
            if value is not None and name in rules.get("names", []):
                value = person_name(value)  # without the amounts of boxes beside it or its street, then judged
                if value is not None and ID_DIGITS.search(str(value.value)):
                    break  # an ID number beside a label word of the name ("Employee ID" read "Employee {D:")
            if value is not None:
                return _in_months(value) if name.endswith("_months") and _says_years(page, hit) else value
    return None


def _label_goes_on(page: Page, hit: Hit) -> bool:
    """Whether one of the first words after a label without a colon, in its cell, ends in one: the label's own last
    words, which the vocabulary does not know."""
    line = page.lines[hit.line]
    if line.words[hit.end - 1].text.endswith(":"):
        return False
    after = [w for w, s in zip(line.words[hit.end : hit.end + LABEL_TAIL], line.segment_of[hit.end :])
             if s == line.segment_of[hit.end - 1]]
    return any(len(w.text) > 1 and w.text.endswith(":") for w in after)


def _in_a_phrase(page: Page, hit: Hit) -> bool:
    """Whether a name's label runs on in its own cell into another label and that one's value, as the words of a
    sentence do ("Statement for account xxxx-1234"); headings of columns read as one cell ("Employee Name Employee
    ID") are labels only."""
    line = page.lines[hit.line]
    after = hit.end
    if after >= len(line.words) or line.segment_of[after] != line.segment_of[hit.end - 1]:
        return False
    nxt = page.next_hit(hit.line, after)
    if nxt is None or nxt.box_start != after:
        return False  # words qualifying the label ("Employee's name, address, ZIP") or its value
    rest = [w for w, s in zip(line.words[after:], line.segment_of[after:]) if s == line.segment_of[after]]
    return not labels_only(tuple(t for w in rest for t in tokens(w.text)))  # column headings read as one cell


def _one_of_a_column(page: Page, kind: FieldKind, value: FieldValue) -> bool:
    """An account number under its header with another one under it: a column of several accounts ("Summary of
    your accounts"), of which the header alone does not tell the statement's own."""
    if kind is not FieldKind.LAST4:
        return False
    below = read_value(kind, page.next_in_column(value.words))
    return below is not None and below.value != value.value


def _says_years(page: Page, hit: Hit) -> bool:
    words = tokens(page.label_words(hit))
    return bool({"years", "yrs", "year"} & set(words)) and not {"months", "mos", "month"} & set(words)


def _in_months(value: FieldValue) -> FieldValue:
    """A bare count under a label in years ("Loan Term (Years): 30") in months; a unit on the value wins."""
    if not all(w.text.strip("()").isdigit() for w in value.words) or not isinstance(value.value, int):
        return value
    return FieldValue(value.value * 12, round(value.conf * YEARS_COST, 3), value.words)


def _right_of(page: Page, hit: Hit, kind: FieldKind) -> list[Word]:
    """The words right of a label; a text cell ending in a comma goes on in the next cell
    ("6595 Hillcrest Road, Raleigh,   NC 27601": OCR measured a wider gap than was printed); an amount one cell
    further when none came yet ("Total Deposits [and Additions]   3   8,184.00": the label's words, a count)."""
    cells = _CELLS.get(kind, 1)
    words = page.words_right(hit, cells)
    if kind is FieldKind.MONEY and not any(has_cents(w.text) for w in words):
        words = page.words_right(hit, cells + 1)  # the label's own words, a count, then the amount
    skip = 0
    while kind is FieldKind.TEXT and _junk_cell(words) and cells < MAX_TEXT_CELLS:
        # a dotted leader OCR read as short lower-case words ("ee eens", "2... eee"), then the name in a cell of
        # its own: the name, past the junk
        more = page.words_right(hit, cells + 1)[skip + len(words):]
        if not more or not (_junk_cell(more) or any(c.isupper() for w in more for c in w.text)):
            break
        skip, words, cells = skip + len(words), more, cells + 1
    if skip and _junk_cell(words):
        skip, words = 0, page.words_right(hit, 1)  # junk to the end: nothing to prefer to the first cell
    while kind is FieldKind.TEXT and words and words[-1].text.endswith(",") and cells < MAX_TEXT_CELLS:
        cells += 1
        more = page.words_right(hit, cells)[skip:]
        if len(more) == len(words):
            break
        words = more
    return words


def _junk_cell(words: Sequence[Word]) -> bool:
    """Short words without a capital letter: what OCR reads from a dotted leader, never a name or an employer."""
    return bool(words) and all((len(w.text) <= JUNK_WORD and not any(c.isupper() for c in w.text))
                               or _DOTTED_FIGURES.fullmatch(w.text) for w in words)


# cells read right of a label: a number may sit one cell further, after words qualifying its label;
# checkbox options may be spread over the whole line
_CELLS = {FieldKind.MONEY: 2, FieldKind.INT: 2, FieldKind.PERCENT: 2, FieldKind.LAST4: 2, FieldKind.EIN: 2,
          FieldKind.LOAN_PURPOSE: 99}


class _TableHits:
    """The column headings and rows of a type's tables on a page, found once per table for all its fields."""

    def __init__(self, page: Page, tables: Sequence[dict]) -> None:
        self.page, self.tables = page, tables
        self._found: dict[int, tuple[dict[str, list[Hit]], list[Hit]]] = {}
        self._headings: dict[tuple[str, ...], list[Hit]] = {}  # tables may share their headings

    def of(self, number: int) -> tuple[dict[str, list[Hit]], list[Hit]]:
        """The table's column headings by field, and its rows."""
        if number not in self._found:
            table, lines = self.tables[number], self.page.lines
            for phrases in map(tuple, table["columns"].values()):
                if phrases not in self._headings:
                    self._headings[phrases] = find_hits(lines, {p: ["column"] for p in phrases})
            columns = {target: self._headings[tuple(phrases)] for target, phrases in table["columns"].items()}
            rows = (find_hits(lines, {p: ["row"] for p in table["row_labels"]}) if "row_labels" in table
                    else self.page.hits_for(f"field:{table['row']}"))
            self._found[number] = columns, rows
        return self._found[number]


def _from_tables(page: Page, tables: _TableHits, name: str, kind: FieldKind) -> FieldValue | None:
    for number, table in enumerate(tables.tables):
        if name not in table["columns"]:
            continue
        columns, rows = tables.of(number)
        for row in rows:
            header = page.header_above(row, columns).get(name)
            if header is not None and not row_fits(page, table, row, header):
                continue
            if header is not None:
                value = _under(page, row, header, kind)
                if value is not None:
                    return value
    return None


def _under(page: Page, row: Hit, header: Hit, kind: FieldKind) -> FieldValue | None:
    """The value on the row whose words overlap the header's column most."""
    line = page.lines[row.line]
    column = span(page.lines[header.line], header)
    width = column[1] - column[0]
    stop = page.next_hit(row.line, row.end)
    candidates = line.words[row.end : stop.box_start if stop else len(line.words)]
    best = None
    for word in candidates:
        near = overlap((word.x0, word.x1), column) or (abs(word.cx - sum(column) / 2) < width and 0.01)
        value = read_value(kind, [word]) if near else None
        if value is not None and (best is None or near > best[0]):
            best = (near, value)
    return best[1] if best else None


