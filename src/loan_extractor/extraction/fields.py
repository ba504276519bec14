"""The contract's fields of one document type, read from its lines with the rules of data/labels.yaml."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, partial
from importlib import resources

import yaml

from loan_extractor.extraction.labels import Hit, find_hits, tokens
from loan_extractor.extraction.locate import Page, overlap, span
from loan_extractor.extraction.normalise import (
    Parsed,
    day_first_hint,
    normalise,
    normalise_date,
    normalise_unsigned_money,
    normalise_year,
)
from loan_extractor.extraction.plausible import date_indexes, has_cents, shared_year_range, split_date_ranges
from loan_extractor.extraction.redact import redact_text
from loan_extractor.extraction.words import Line, Word
from loan_extractor.spec import DocType, FieldKind, fields_of

MAX_VALUE_WORDS = 4  # a number, date or code never spans more words than this ("March 15, 2026")
_FORMATS = {"year": normalise_year, "unsigned": normalise_unsigned_money}
HEADING_LINES = 6  # an unlabelled name is looked for in this many lines at the top
HEADING_COST = 0.85  # a name read without its label is less certain
PART_COST = 0.9  # a name composed from some of its parts only
SHARED_YEAR_COST = 0.9  # a period's start date given its year from the end date
YEARS_COST = 0.9  # a term converted from years by its label's unit
MAX_TEXT_CELLS = 3  # a text value continued after a comma spans at most this many cells


@dataclass(frozen=True)
class FieldValue:
    """A normalised value and its confidence: OCR confidence of its words x parse confidence.

    `words` are the printed words it was read from (their boxes locate it on the page).
    """

    value: str | int
    conf: float
    words: tuple[Word, ...] = ()


@cache
def label_rules() -> dict:
    """The parsed labels.yaml."""
    text = resources.files("loan_extractor").joinpath("data/labels.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@cache
def label_phrases() -> frozenset[tuple[str, ...]]:
    """Every label phrase of every type as tokens: a "value" reading exactly one ("Last name") is a label."""
    phrases: set[tuple[str, ...]] = set()
    for rules in label_rules().values():
        found = [p for ps in rules.get("fields", {}).values() for p in ps] + rules.get("stops", [])
        phrases.update(tuple(tokens(p)) for p in found)
    return frozenset(phrases)


@cache
def lexicon() -> frozenset[str]:
    """Every word of every label: such a word on a page is itself, never a misread of another."""
    words: set[str] = set()
    for rules in label_rules().values():
        phrases = [p for ps in rules.get("fields", {}).values() for p in ps] + rules.get("stops", [])
        phrases += [p for r in rules.get("ranges", []) for p in r["labels"]]
        words.update(t for p in phrases for t in tokens(p))
    return frozenset(words)


def _vocabulary(rules: dict) -> dict[str, list[str]]:
    """phrase -> targets: "field:<name>", "range:<i>", "stop"."""
    vocab: dict[str, list[str]] = {}
    for name, phrases in rules.get("fields", {}).items():
        for phrase in phrases:
            vocab.setdefault(phrase, []).append(f"field:{name}")
    for i, rng in enumerate(rules.get("ranges", [])):
        for phrase in rng["labels"]:
            vocab.setdefault(phrase, []).append(f"range:{i}")
    for phrase in rules.get("stops", []):
        vocab.setdefault(phrase, []).append("stop")
    return vocab


def extract_fields(doc_type: DocType, lines: Sequence[Line]) -> dict[str, FieldValue | None]:
    """Every field of the type: its value and confidence, or None when it could not be read."""
    kinds = fields_of(doc_type)
    if not kinds:
        return {}
    rules = label_rules()[doc_type.value]
    box_ids = bool(rules.get("box_ids"))
    page = Page(lines, find_hits(lines, _vocabulary(rules), box_ids=box_ids, lexicon=lexicon()))
    parts = {name for names in rules.get("compose", {}).values() for name in names}
    found: dict[str, FieldValue | None] = {}
    for name in [*kinds, *sorted(parts)]:
        kind = kinds.get(name, FieldKind.TEXT)
        found[name] = _from_tables(page, rules, name, kind) or _from_labels(page, rules, name, kind)
    _fill_ranges(page, rules, found)
    _compose(rules, found)
    _fill_headers(page, rules, found)
    if "tax_year" in kinds and found.get("tax_year") is None:
        found["tax_year"] = _standalone_year(lines)
    return {name: found.get(name) for name in kinds}


def _hits_for(page: Page, target: str) -> list[Hit]:
    hits = [h for hs in page.hits_on.values() for h in hs if target in h.targets]
    return sorted(hits, key=lambda h: (-round(h.score, 2), h.line, h.start))


def _from_labels(page: Page, rules: dict, name: str, kind: FieldKind) -> FieldValue | None:
    parse = _FORMATS.get(rules.get("formats", {}).get(name, ""))
    for hit in _hits_for(page, f"field:{name}"):
        if kind is FieldKind.DATE and parse is None and _says_day_first(page, hit):
            parse = partial(normalise_date, day_first=True)
        for words in (_right_of(page, hit, kind), page.words_below(hit)):
            value = read_value(kind, words, parse)
            if value is not None:
                return _in_months(value) if kind is FieldKind.INT and _says_years(page, hit) else value
    return None


def _label_words(page: Page, hit: Hit) -> str:
    """The label's own words and the two after it, where a form prints a unit or a format ("Term (years)")."""
    line = page.lines[hit.line]
    stop = page.next_hit(hit.line, hit.end)
    return " ".join(w.text for w in line.words[hit.start : min(hit.end + 2, stop.box_start if stop else len(line.words))])


def _says_years(page: Page, hit: Hit) -> bool:
    words = tokens(_label_words(page, hit))
    return bool({"years", "yrs", "year"} & set(words)) and not {"months", "mos", "month"} & set(words)


def _in_months(value: FieldValue) -> FieldValue:
    """A bare count under a label in years ("Loan Term (Years): 30") in months; a unit on the value wins."""
    if not all(w.text.strip("()").isdigit() for w in value.words) or not isinstance(value.value, int):
        return value
    return FieldValue(value.value * 12, round(value.conf * YEARS_COST, 3), value.words)


def _right_of(page: Page, hit: Hit, kind: FieldKind) -> list[Word]:
    """The words right of a label; a text cell ending in a comma goes on in the next cell
    ("6595 Hillcrest Road, Raleigh,   NC 27601": OCR measured a wider gap than was printed)."""
    cells = _CELLS.get(kind, 1)
    words = page.words_right(hit, cells)
    while kind is FieldKind.TEXT and words and words[-1].text.endswith(",") and cells < MAX_TEXT_CELLS:
        cells += 1
        more = page.words_right(hit, cells)
        if len(more) == len(words):
            break
        words = more
    return words


# cells read right of a label: a number may sit one cell further, after words qualifying its label;
# checkbox options may be spread over the whole line
_CELLS = {FieldKind.MONEY: 2, FieldKind.INT: 2, FieldKind.PERCENT: 2, FieldKind.LAST4: 2, FieldKind.EIN: 2,
          FieldKind.LOAN_PURPOSE: 99}


def _says_day_first(page: Page, hit: Hit) -> bool:
    """The label's own words, or the two after it, announce day-first dates ("Pay Date (DD/MM/YYYY)")."""
    return day_first_hint(_label_words(page, hit))


def read_value(kind: FieldKind, words: Sequence[Word], parse=None) -> FieldValue | None:
    """The value of a kind in a run of words: the whole run for text, else the first window that parses."""
    words = _trim_rules(words)
    if not words:
        return None
    if kind in (FieldKind.TEXT, FieldKind.LOAN_PURPOSE):
        text = " ".join(w.text for w in words)
        if tuple(tokens(text)) in label_phrases():
            return None  # a label printed beside this one, not its value
        parsed = normalise(kind, redact_text(text) if kind is FieldKind.TEXT else text)
        return _valued(parsed, _words_in(words, parsed.span) if parsed and parsed.span else words)
    dated = date_indexes(words) if kind is not FieldKind.DATE else set()
    first = None
    for start in range(len(words)):
        for size in range(min(MAX_VALUE_WORDS, len(words) - start), 0, -1):
            if dated.intersection(range(start, start + size)):
                continue  # the day or year of a date printed beside the value
            window = words[start : start + size]
            text = " ".join(w.text for w in window)
            value = _valued(parse(text) if parse else normalise(kind, text), window)
            if value is None:
                continue
            if kind is not FieldKind.MONEY or has_cents(text):
                return value
            first = first or value  # a bare number ("80" hours): an amount with cents after it is likelier
            break
    return first


def _words_in(words: Sequence[Word], span: tuple[int, int]) -> list[Word]:
    """The words of a space-joined run that overlap a character span (a ticked box and its option)."""
    picked, at = [], 0
    for word in words:
        if at < span[1] and at + len(word.text) > span[0]:
            picked.append(word)
        at += len(word.text) + 1
    return picked or list(words)


def _trim_rules(words: Sequence[Word]) -> list[Word]:
    """Drop box rules and colons read as words at the ends; inside a value they stay and cost confidence."""
    kept = list(words)
    while kept and not kept[0].text.strip(":|_"):
        kept.pop(0)
    while kept and not kept[-1].text.strip(":|_"):
        kept.pop()
    return kept


def _valued(parsed: Parsed | None, words: Sequence[Word]) -> FieldValue | None:
    """The parsed value with its words; confidence is parse confidence x the words' mean OCR confidence."""
    if parsed is None:
        return None
    return FieldValue(parsed.value, round(parsed.conf * statistics.fmean(w.conf for w in words), 3), tuple(words))


def _from_tables(page: Page, rules: dict, name: str, kind: FieldKind) -> FieldValue | None:
    for table in rules.get("tables", []):
        if name not in table["columns"]:
            continue
        columns = {target: find_hits(page.lines, {p: [target] for p in phrases})
                   for target, phrases in table["columns"].items()}
        rows = (find_hits(page.lines, {p: ["row"] for p in table["row_labels"]}) if "row_labels" in table
                else _hits_for(page, f"field:{table['row']}"))
        for row in rows:
            header = page.header_above(row, columns).get(name)
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


def _fill_ranges(page: Page, rules: dict, found: dict[str, FieldValue | None]) -> None:
    """"Statement Period: 03/01/2026 - 03/31/2026": two dates after one label give a start and an end."""
    for i, rng in enumerate(rules.get("ranges", [])):
        if found.get(rng["start"]) and found.get(rng["end"]):
            continue
        for hit in _hits_for(page, f"range:{i}"):
            day_first = _says_day_first(page, hit)
            dates = (_range_in(page.words_right(hit), day_first) or _range_in(page.words_below(hit), day_first))
            if len(dates) >= 2:
                found[rng["start"]] = found.get(rng["start"]) or dates[0]
                found[rng["end"]] = found.get(rng["end"]) or dates[1]
                break


def _range_in(words: Sequence[Word], day_first: bool) -> list[FieldValue]:
    """The dates of a printed period; "March 1 - March 31, 2026" names its year once, at the end."""
    dates = _dates(split_date_ranges(words), day_first)
    if len(dates) >= 2 or not words:
        return dates
    shared = shared_year_range(" ".join(w.text for w in words))
    if shared is None:
        return dates
    conf = round(SHARED_YEAR_COST * statistics.fmean(w.conf for w in words), 3)
    return [FieldValue(shared[0], conf, tuple(words)), FieldValue(shared[1], conf, tuple(words))]


def _dates(words: Sequence[Word], day_first: bool = False) -> list[FieldValue]:
    dates, start = [], 0
    while start < len(words):
        for size in range(min(MAX_VALUE_WORDS, len(words) - start), 0, -1):
            value = _valued(normalise_date(" ".join(w.text for w in words[start : start + size]), day_first),
                            words[start : start + size])
            if value is not None:
                dates.append(value)
                start += size
                break
        else:
            start += 1
    return dates


def _compose(rules: dict, found: dict[str, FieldValue | None]) -> None:
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


def _fill_headers(page: Page, rules: dict, found: dict[str, FieldValue | None]) -> None:
    """A field printed as a heading without a label (a bank's or an employer's name on top)."""
    for name, keywords in rules.get("headers", {}).items():
        if found.get(name) is None:
            found[name] = _heading(page, keywords)


def _heading(page: Page, keywords: list[str]) -> FieldValue | None:
    """The first unlabelled cell near the top of page one holding a keyword ("*": any such cell)."""
    wanted = [tokens(k) for k in keywords if k != "*"]
    lines = page.lines[:HEADING_LINES]
    for index, line in enumerate(lines):
        if line.page != lines[0].page:
            break
        labelled = {i for h in page.hits_on.get(index, []) for i in range(h.box_start, h.end)}
        for segment in sorted(set(line.segment_of)):
            cell = [i for i, s in enumerate(line.segment_of) if s == segment]
            toks = tokens(" ".join(line.words[i].text for i in cell))
            if labelled.intersection(cell) or not toks or len(toks) > 6 or any(c.isdigit() for c in "".join(toks)):
                continue
            if "*" in keywords or any(_contains(toks, k) for k in wanted):
                value = read_value(FieldKind.TEXT, [line.words[i] for i in cell])
                return FieldValue(value.value, round(value.conf * HEADING_COST, 3), value.words) if value else None
    return None


def _contains(toks: list[str], phrase: list[str]) -> bool:
    return any(toks[i : i + len(phrase)] == phrase for i in range(len(toks) - len(phrase) + 1))


def _standalone_year(lines: Sequence[Line]) -> FieldValue | None:
    """A W-2's tax year printed on its own: taken only when every such year on the page agrees.

    A heading's year may be letter-spaced and read as four one-character words ("2 0 2 5").
    """
    runs = [(w,) for line in lines for w in line.words]
    runs += [tuple(line.words[i : i + 4]) for line in lines for i in range(len(line.words) - 3)
             if all(len(w.text) == 1 for w in line.words[i : i + 4])]
    values = [(run, p) for run in runs if (p := normalise_year(" ".join(w.text for w in run))) is not None]
    if not values or len({p.value for _, p in values}) != 1:
        return None
    run, parsed = values[0]
    conf = parsed.conf * min(w.conf for w in run) * 0.8
    return FieldValue(parsed.value, round(conf, 3), run)
