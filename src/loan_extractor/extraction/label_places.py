"""Where a printed word counts as a label: at the head of its cell or after other labels alone in it, and for
words that are labels only in some places (labels.yaml `column_only`, `colon_only`), only there."""

from __future__ import annotations

from collections.abc import Sequence

from loan_extractor.extraction.labels import RULE, Hit, Position, find_hits, in_label_or_sum_position, tokens
from loan_extractor.extraction.rules import column_only_phrases, label_phrases, lexicon
from loan_extractor.extraction.words import Line

ROW_CELLS = 3  # a row of column headings has at least this many cells


def label_position(line: Line, hit: Hit) -> bool:
    """In label position (labels.py), or after other labels alone in its segment: column headings OCR read as one
    cell ("Total Deposits Total Withdrawals" over two columns)."""
    if in_label_or_sum_position(line, hit):
        return True
    segment = line.segment_of[hit.box_start]
    start = line.segment_of.index(segment)
    before = tuple(t for w in line.words[start : hit.box_start] if not qualifier_or_rule(w.text)
                   for t in tokens(w.text))
    return start < hit.box_start and labels_only(before)


def labels_where(lines: Sequence[Line], phrases: dict[str, list[str]], hits: Sequence[Hit],
                 where: Position) -> list[Hit]:
    """Labels that are labels only in some places (labels.yaml `column_only`, `colon_only`), found there on words no
    other label takes. Found apart from the other labels: elsewhere such a word is no label and must not split one
    ("Ending ; Balance" is one label, not "Ending" beside "Balance"; "Team Member Discount" is a deduction)."""
    vocab = {p: [f"field:{name}"] for name, listed in phrases.items() for p in listed}
    if not vocab:
        return []
    found = find_hits(lines, vocab, lexicon=lexicon(), position=where)
    return [h for h in found if not any(o.line == h.line and o.start < h.end and h.start < o.end for o in hits)]


def closed_by_colon(line: Line, hit: Hit) -> bool:
    """Whether a label opens its cell and ends in a colon ("Team Member:"), printed on it or apart."""
    opens = hit.box_start == line.segment_of.index(line.segment_of[hit.start])
    after = line.words[hit.end].text if hit.end < len(line.words) else ""
    colon = line.words[hit.end - 1].text.endswith(":") or after == ":"
    return opens and colon


def row_of_headings(line: Line) -> bool:
    """Whether a line is three or more cells of label phrases only ("Beginning  Deposits  Withdrawals  Ending")."""
    toks = tuple(t for w in line.words if not qualifier_or_rule(w.text) for t in tokens(w.text))
    return len(set(line.segment_of)) >= ROW_CELLS and labels_only(toks, column_only_phrases())


def qualifier_or_rule(text: str) -> bool:
    """A label's qualifier in brackets ("(DD/MM/YYYY)") or a rule OCR read between two headings ("_")."""
    return bool(RULE.match(text)) or (text.startswith("(") and text.rstrip(":").endswith(")"))


def labels_only(toks: tuple[str, ...], more: frozenset[tuple[str, ...]] = frozenset()) -> bool:
    """Whether tokens split into label phrases of any type (and `more`), one after another."""
    phrases = label_phrases() | more
    ends = {0}
    for end in range(1, len(toks) + 1):
        if any(toks[start:end] in phrases for start in ends if start < end):
            ends.add(end)
    return len(toks) in ends
