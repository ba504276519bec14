"""Fields read other than by a label beside them: a period's two dates after one label, a period given by its
last day and its length, a name composed from its parts, a heading without a label, a W-2's tax year printed on
its own."""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import partial

from loan_extractor.extraction.amount_checks import STREET_ADDRESS
from loan_extractor.extraction.dates import day_first_hint, normalise_date
from loan_extractor.extraction.identifiers import normalise_ein, normalise_last4, normalise_year
from loan_extractor.extraction.labels import Hit, find_hits, tokens
from loan_extractor.extraction.locate import Page, unlabelled_top_cells
from loan_extractor.extraction.plausible import shared_year_range, split_date_ranges
from loan_extractor.extraction.repair import Parsed
from loan_extractor.extraction.values import FieldValue, dates_in, read_value
from loan_extractor.extraction.words import Line, Word
from loan_extractor.spec import FieldKind

HEADING_LINES = 6  # an unlabelled name is looked for in this many lines at the top
HEADING_COST = 0.85  # a name read without its label is less certain
ROW_CELLS = 4  # a line of this many cells is a table's row, not a heading
SMALL_PRINT = 0.75  # a cell set this much smaller than the page's usual type is a caption, not a heading
PART_COST = 0.9  # a name composed from some of its parts only
SHARED_YEAR_COST = 0.9  # a period's start date given its year from the end date
UNLABELLED_COST = 0.85  # a period read from a sentence, without its label
SPAN_COST = 0.9  # a period's start computed from its end and its length in days
MAX_SPAN_DAYS = 62
STRAY_MARKS = ".,;:'\"()|"  # marks OCR reads beside a large character
GLUED_COST = 0.85  # a year OCR read as one word with the title before it
CENTURY_COST = 0.75  # ... whose century OCR misread ("Statement0O25"), given back as 20
# "Statement2O25": a title word and a year OCR joined, the year with at least three true digits
GLUED_YEAR = re.compile(r"[A-Za-z]{4,}((?=(?:[^\d]*\d){3})[\dOolIS]{4})")
EIN_SHAPE = re.compile(r"\d{2}-\d{7}")
MASKED_SHAPE = re.compile(r"(?i)(?:[X*•#]{3,}-?)+(?:[X*•#]{2,}-)?\d{4}")  # XXXXXX4454, ***-**-1234
# words joining a number to its label in a sentence: "account no. ending in 1234"
CONNECTORS = frozenset({"no", "number", "ending", "in", "is", "nbr"})
RANGE_WORDS = frozenset({"to", "through", "thru", "until", "-", "–", "—"})


def fill_ranges(page: Page, rules: dict, found: dict[str, FieldValue | None]) -> None:
    """"Statement Period: 03/01/2026 - 03/31/2026": two dates after one label give a start and an end; where the
    rule allows it, a period printed in a sentence without a label ("Your Checking for March 1, 2026 to ...")."""
    for i, rng in enumerate(rules.get("ranges", [])):
        if found.get(rng["start"]) and found.get(rng["end"]):
            continue
        for hit in page.hits_for(f"range:{i}"):
            day_first = says_day_first(page, hit)
            # last, one cell further: after words OCR made of a qualifier or a leader ("(DD/MM/YYYY) ....cce ences")
            dates = next((d for words in (page.words_right(hit), page.words_below(hit), page.words_right(hit, 2))
                          if len(d := _range_in(words, day_first)) >= 2), [])
            if len(dates) >= 2:
                found[rng["start"]] = found.get(rng["start"]) or dates[0]
                found[rng["end"]] = found.get(rng["end"]) or dates[1]
                break
        if found.get(rng["start"]) and not found.get(rng["end"]):
            found[rng["end"]] = _end_after_start(page, rng["start"], found[rng["start"]])
        if rng.get("unlabelled") and found.get(rng["start"]) is None and found.get(rng["end"]) is None:
            found[rng["start"]], found[rng["end"]] = _unlabelled_range(page.lines) or (None, None)


def _end_after_start(page: Page, start: str, value: FieldValue) -> FieldValue | None:
    """"Period From: 03/05/2026 To 03/18/2026": a start's label followed by the whole period gives the end too,
    the second date after the one read as the start."""
    for hit in page.hits_for(f"field:{start}"):
        dates = _range_in(page.words_right(hit), says_day_first(page, hit))
        if len(dates) == 2 and dates[0].value == value.value and dates[0].value <= dates[1].value:
            return dates[1]
    return None


def fill_spans(page: Page, rules: dict, found: dict[str, FieldValue | None]) -> None:
    """"Statement Date: 03/31/2026  Days in Period: 31": a period printed as its last day and its length gives
    its start (and its end, when no label gave one)."""
    for i, rule in enumerate(rules.get("spans", [])):
        if found.get(rule["start"]) is not None:
            continue
        end = found.get(rule["end"]) or _spanned(page, f"span:{i}:end_labels", FieldKind.DATE)
        days = _spanned(page, f"span:{i}:days_labels", FieldKind.INT)
        if end is None or days is None or not 1 <= int(days.value) <= MAX_SPAN_DAYS:
            continue
        start = date.fromisoformat(str(end.value)) - timedelta(days=int(days.value) - 1)
        found[rule["end"]] = end
        found[rule["start"]] = FieldValue(start.isoformat(), round(min(end.conf, days.conf) * SPAN_COST, 3),
                                          (*end.words, *days.words))


def _spanned(page: Page, target: str, kind: FieldKind) -> FieldValue | None:
    for hit in page.hits_for(target):
        day_first = kind is FieldKind.DATE and says_day_first(page, hit)
        parse = partial(normalise_date, day_first=True) if day_first else None
        for words in (page.words_right(hit, 2), page.words_below(hit)):
            value = read_value(kind, words, parse)
            if value is not None:
                return value
    return None


def _unlabelled_range(lines: Sequence[Line]) -> tuple[FieldValue, FieldValue] | None:
    """The one period printed as "DATE to DATE" on a line of its own words: taken only when every such line
    agrees, and less certain than a labelled one."""
    found = set()
    for line in lines:
        words = split_date_ranges(line.words)
        dates = dates_in(words)
        if len(dates) < 2 and len(shared := _range_in(words, False)) == 2:
            found.add(tuple(FieldValue(d.value, round(d.conf * UNLABELLED_COST, 3), d.words) for d in shared))
            continue  # "For the period March 1 through March 31, 2026": the year printed once, at the end
        if len(dates) != 2 or dates[0].value >= dates[1].value:
            continue
        between = words[words.index(dates[0].words[-1]) + 1 : words.index(dates[1].words[0])]
        if " ".join(w.text for w in between).lower() in RANGE_WORDS:
            found.add(tuple(FieldValue(d.value, round(d.conf * UNLABELLED_COST, 3), d.words) for d in dates))
    if len({(a.value, b.value) for a, b in found}) != 1:
        return None
    return min(found, key=lambda pair: (pair[0].words[0].page, pair[0].words[0].y0))


def _range_in(words: Sequence[Word], day_first: bool) -> list[FieldValue]:
    """The dates of a printed period; "March 1 - March 31, 2026" names its year once, at the end."""
    dates = dates_in(split_date_ranges(words), day_first)
    if len(dates) >= 2 or not words:
        return dates
    shared = shared_year_range(" ".join(w.text for w in words))
    if shared is None:
        return dates
    conf = round(SHARED_YEAR_COST * statistics.fmean(w.conf for w in words), 3)
    return [FieldValue(shared[0], conf, tuple(words)), FieldValue(shared[1], conf, tuple(words))]


def compose(rules: dict, found: dict[str, FieldValue | None]) -> None:
    """A name printed in parts (first name and initial | last name) joined into its field."""
    for name, parts in rules.get("compose", {}).items():
        values = [v for p in parts if (v := found.get(p))]
        if found.get(name) is not None or not values:
            continue
        text = " ".join(str(v.value) for v in values)
        # a box meant for a part may hold the whole name ("Thomas H Sullivan" under "First name and initial")
        if len(values) < len(parts) and len(text.split()) < 2:
            continue
        cost = 1.0 if len(values) == len(parts) else PART_COST
        found[name] = FieldValue(text, round(min(v.conf for v in values) * cost, 3),
                                 tuple(w for v in values for w in v.words))


def fill_headers(page: Page, rules: dict, found: dict[str, FieldValue | None],
                 avoid: frozenset[Word] = frozenset()) -> None:
    """A field printed as a heading without a label (a bank's or an employer's name on top); never a cell holding
    another field's value or one of the `avoid` words."""
    taken = avoid | {w for v in found.values() if v is not None for w in v.words}
    for name, keywords in rules.get("headers", {}).items():
        if found.get(name) is None:
            found[name] = _heading(page, keywords, taken)


def _heading(page: Page, keywords: list[str], taken: frozenset[Word]) -> FieldValue | None:
    """The first unlabelled cell near the top of page one holding a keyword ("*": any such cell)."""
    wanted = [tokens(k) for k in keywords if k != "*"]
    for index, cell in unlabelled_top_cells(page, HEADING_LINES):
        if any(w in taken for w in cell):
            continue  # the value of a field read already, or the addressee's name of a mailing address
        if len(set(page.lines[index].segment_of)) >= ROW_CELLS:
            continue  # a row of captions or codes over a table's columns ("CO. | FILE | DEPT. | CLOCK")
        toks = tokens(" ".join(w.text for w in cell))
        if not toks or len(toks) > 6 or any(c.isdigit() for c in "".join(toks)) or any(
                w.text.endswith(":") for w in cell):
            continue  # a word ending in a colon: a label the rules do not know, maybe with its value
        if max(w.height for w in cell) < SMALL_PRINT * page.usual_height:
            continue  # the captions of a row of codes over the heading ("CO. FILE DEPT. CLOCK")
        if "*" in keywords or any(_contains(toks, k) for k in wanted):
            value = read_value(FieldKind.TEXT, cell)
            return FieldValue(value.value, round(value.conf * HEADING_COST, 3), value.words) if value else None
    return None


def _contains(toks: list[str], phrase: list[str]) -> bool:
    return any(toks[i : i + len(phrase)] == phrase for i in range(len(toks) - len(phrase) + 1))


def standalone_year(lines: Sequence[Line]) -> FieldValue | None:
    """A W-2's tax year printed on its own: taken only when every such year on the page agrees.

    A heading's year may be letter-spaced and read as four one-character words ("2 0 2 5", a stray mark beside
    one: "2 0) 2 5"), or cut in pieces ("202 5", "2 02 5"), or joined to the title before it ("Statement2O25"),
    read then only when its four characters repair to a year with at least three of them true digits.
    """
    runs = [(w,) for line in lines for i, w in enumerate(line.words) if not _opens_street(line, i)]
    runs += [tuple(line.words[i : i + n]) for n in (2, 3) for line in lines for i in range(len(line.words) - n + 1)
             if all(w.text.isdigit() for w in line.words[i : i + n])]
    runs += [tuple(line.words[i : i + 4]) for line in lines for i in range(len(line.words) - 3)
             if all(len(w.text.strip(STRAY_MARKS)) == 1 for w in line.words[i : i + 4])]
    values = [(run, p) for run in runs
              if (p := normalise_year(" ".join(_spaced(w.text, len(run)) for w in run))) is not None]
    values += [((w,), Parsed(p.value, p.conf * GLUED_COST)) for line in lines for w in line.words
               if (glued := GLUED_YEAR.fullmatch(w.text)) and (p := _glued_year(glued.group(1))) is not None]
    if not values or len({p.value for _, p in values}) != 1:
        return None
    run, parsed = values[0]
    conf = parsed.conf * min(w.conf for w in run) * 0.8
    return FieldValue(parsed.value, round(conf, 3), run)


def number_in_sentence(lines: Sequence[Line], phrases: Sequence[str]) -> FieldValue | None:
    """A last-four number printed after its label inside a sentence or a heading ("Your Everyday Checking account
    ending in 1234", "Cash Management Account xxxx-1234"), in the label's own cell: the one such number on the page,
    at a cost; none when the page names two (a transfer to another account)."""
    found = []
    for hit in find_hits(lines, {p: ["n"] for p in phrases}, position=lambda line, hit: True):
        line = lines[hit.line]
        segment = line.segment_of[hit.end - 1]
        words = [w for w, s in zip(line.words[hit.end :], line.segment_of[hit.end :]) if s == segment]
        while words and set(tokens(words[0].text)) <= CONNECTORS and len(words) > 1:
            words = words[1:]
        if words and sum(c.isdigit() for c in words[0].text) >= 4:
            value = read_value(FieldKind.LAST4, words[:1])
            found += [FieldValue(value.value, round(value.conf * UNLABELLED_COST, 3), value.words)] if value else []
    return found[0] if found and len({v.value for v in found}) == 1 else None


def unique_masked_number(lines: Sequence[Line]) -> FieldValue | None:
    """A last-four number whose label OCR lost: the one distinct masked number ("XXXXXX4454", "***-**-1234") on
    the page, at a cost; none when the page prints two (a card's number among the transactions)."""
    return _the_one_number(lines, MASKED_SHAPE, normalise_last4)


def unique_ein(lines: Sequence[Line]) -> FieldValue | None:
    """An employer identification number whose label OCR garbled ("Employer {D (EIN)"): the one distinct
    NN-NNNNNNN number on the page, at a cost; none when the page prints two (a state ID in the same form)."""
    return _the_one_number(lines, EIN_SHAPE, lambda text: normalise_ein(text.strip(".,;:")))


def _the_one_number(lines: Sequence[Line], shape: re.Pattern[str],
                    parse: Callable[[str], Parsed | None]) -> FieldValue | None:
    """The value of the words of `shape` (stray marks around them aside) when they all parse to one value."""
    found = [(w, p) for line in lines for w in line.words
             if shape.fullmatch(w.text.strip(".,;:")) and (p := parse(w.text)) is not None]
    if not found or len({p.value for _, p in found}) != 1:
        return None
    word, parsed = found[0]
    return FieldValue(parsed.value, round(parsed.conf * word.conf * UNLABELLED_COST, 3), (word,))


def _opens_street(line: Line, index: int) -> bool:
    """A number that opens a street address in its cell ("2089 Hillcrest Road"): a house number, not a year."""
    cell = [w.text for i, w in enumerate(line.words) if i >= index and line.segment_of[i] == line.segment_of[index]]
    return bool(STREET_ADDRESS.match(" ".join(cell)))


def _glued_year(text: str) -> Parsed | None:
    """The year of a title OCR joined to it; its century misread too ("0O25" for "2025": the 2 taken for a 0 in
    the join) is this century's, since its last two characters are true digits and a tax year is 20xx."""
    parsed = normalise_year(text)
    if parsed is not None or not text[2:].isdigit() or not re.fullmatch(r"[0O][0Oo]", text[:2]):
        return parsed
    return Parsed(2000 + int(text[2:]), CENTURY_COST)


def _spaced(text: str, count: int) -> str:
    """A letter-spaced year's character without the mark OCR read beside it ("2 0) 2 5")."""
    return text.strip(STRAY_MARKS) if count == 4 else text


def says_day_first(page: Page, hit: Hit) -> bool:
    """The label's own words, or the two after it, announce day-first dates ("Pay Date (DD/MM/YYYY)")."""
    return day_first_hint(page.label_words(hit))
