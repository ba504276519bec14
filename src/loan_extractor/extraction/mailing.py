"""A person's name printed without a label, as the first line of a mailing address near the top or the foot of
page one: the name, a street line and a city line, left-aligned, as statements and pay stubs print them for a
window envelope."""

from __future__ import annotations

import re
from collections.abc import Iterator

from loan_extractor.extraction.labels import tokens
from loan_extractor.extraction.locate import Page, unlabelled_bottom_cells, unlabelled_top_cells
from loan_extractor.extraction.values import FieldValue, read_value
from loan_extractor.extraction.words import Word
from loan_extractor.spec import FieldKind

TOP_LINES = 16  # a mailing address is looked for in this many lines at the top
BOTTOM_LINES = 8  # ... and in this many at the foot of page one, where a slip shows it in a window
BLOCK_LINES = 4  # name, street, an optional second street line, city line
ALIGN = 1.0  # the block's lines start within this many word heights of each other
MAILING_COST = 0.85  # a name read without its label is less certain
NAME_WORDS = (2, 5)
LETTERHEAD = 1.15  # a name set this much larger than the page's usual type heads the sender's letterhead
# a street line; its house number alone when OCR split the street's name off into a cell of its own ("479 | way")
STREET = re.compile(r"^(?:\d+[A-Za-z]?(?:\s+\S|$)|P\.?\s?O\.?\s+Box\b)", re.IGNORECASE)
CITY_LINE = re.compile(r"[A-Za-z][A-Za-z .'-]*,?\s+[A-Z]{2}\.?,?\s+\d{5}(?:-\d{4})?$")


def fill_mailing(page: Page, rules: dict, found: dict[str, FieldValue | None]) -> None:
    """Name fields still unread taken from the one mailing address that is not the document's own sender
    (the employer's or the bank's return address names a value already read, or a company): near the top of page
    one, else at its foot."""
    taken = {str(v.value).casefold() for v in found.values() if v is not None and isinstance(v.value, str)}
    companies = _companies(rules)
    for name in rules.get("mailing", {}).get("fields", []):
        if found.get(name) is not None:
            continue
        names: list[FieldValue] = []
        for cells in _top_then_foot(page):
            names = [v for v in _blocks(cells) if str(v.value).casefold() not in taken
                     and not any(_holds(tokens(str(v.value)), c) for c in companies)]
            if names:
                break
        found[name] = names[0] if len({str(v.value).casefold() for v in names}) == 1 else None


def lone_addressee(page: Page, rules: dict, found: dict[str, FieldValue | None]) -> frozenset[Word]:
    """The name's words of the one mailing address at the top of page one, where it names no company and a name
    field it may fill is still unread: the addressee in an envelope's window (the employee), never the sender's
    heading. A block opening the page or printed larger than the text round it is the sender's letterhead."""
    wanted = [n for n in rules.get("mailing", {}).get("fields", []) if found.get(n) is None]
    blocks = _blocks(unlabelled_top_cells(page, TOP_LINES)) if wanted else []
    if len(blocks) != 1 or any(_holds(tokens(str(blocks[0].value)), c) for c in _companies(rules)):
        return frozenset()
    name = blocks[0].words
    if any(w in page.lines[0].words for w in name) or max(w.height for w in name) > LETTERHEAD * page.usual_height:
        return frozenset()
    return frozenset(name)


def _companies(rules: dict) -> set[tuple[str, ...]]:
    """The words of a company's name (Inc, LLC, Bank...), never a person's, as token tuples."""
    return {tuple(tokens(w)) for w in rules.get("mailing", {}).get("not_names", [])}


def _top_then_foot(page: Page) -> Iterator[list[tuple[int, list[Word]]]]:
    """The unlabelled cells of the top of page one, then of its foot."""
    yield unlabelled_top_cells(page, TOP_LINES)
    yield unlabelled_bottom_cells(page, BOTTOM_LINES)


def _blocks(cells: list[tuple[int, list[Word]]]) -> list[FieldValue]:
    """The names opening blocks of name, street and city lines among some cells."""
    found = []
    for number in range(len(cells)):
        block = _block(cells, number)
        texts = [" ".join(w.text for w in b) for b in block]
        if len(block) >= 3 and STREET.match(texts[1]) and any(CITY_LINE.search(t) for t in texts[2:]):
            value = _name(block[0])
            if value is not None:
                found.append(value)
    return found


def _block(cells: list[tuple[int, list[Word]]], number: int) -> list[list[Word]]:
    """A cell and the cells starting at its left edge on the lines under it, as long as no line is skipped
    (a line of the column beside may fall between two of the block's)."""
    index, words = cells[number]
    block, last = [words], index
    for later, more in cells[number + 1 :]:
        if later - last > 2 or len(block) == BLOCK_LINES:
            break
        if later > last and abs(more[0].x0 - words[0].x0) < ALIGN * words[0].height:
            block.append(more)
            last = later
    return block


def _name(words: list[Word]) -> FieldValue | None:
    """A person's name: two to five words of letters (initials, hyphens, apostrophes); a digit only as a misread
    letter inside a word of letters ("V6" for "Võ", which the name's re-reading may restore)."""
    if not NAME_WORDS[0] <= len(words) <= NAME_WORDS[1]:
        return None
    if not all(sum(c.isalpha() for c in w.text) >= sum(c.isdigit() for c in w.text) for w in words):
        return None
    value = read_value(FieldKind.TEXT, words)
    return FieldValue(value.value, round(value.conf * MAILING_COST, 3), value.words) if value else None


def _holds(toks: list[str], phrase: tuple[str, ...]) -> bool:
    return any(tuple(toks[i : i + len(phrase)]) == phrase for i in range(len(toks) - len(phrase) + 1))
