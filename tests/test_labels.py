"""Label matching through the phrase index finds exactly what aligning every phrase at every token finds."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from loan_extractor.extraction import labels
from loan_extractor.extraction.classify import _vocabulary as type_vocabulary
from loan_extractor.extraction.fields import _vocabulary as field_vocabulary
from loan_extractor.extraction.fields import label_rules, lexicon
from loan_extractor.extraction.phrase_index import Phrase
from loan_extractor.extraction.words import Line, Word, build_lines, word_from_dict

GOLDEN = sorted((Path(__file__).parent / "fixtures" / "words").glob("*.json"))
_NOISE = {"o": "0", "l": "1", "s": "5", "m": "rn", "w": "vv", "a": "", "e": "c", "i": "|"}


def _every_start(lines: list[Line], vocabulary: dict, lexicon_words: frozenset[str], box_ids: bool) -> list:
    """The matching as it was before the index: every phrase aligned at every token of every line."""
    phrases = [Phrase(p, tuple(t), tuple(labels.tokens(p))) for p, t in vocabulary.items()]
    found = []
    for number, line in enumerate(lines):
        toks = labels.line_tokens(line)
        for phrase in phrases:
            for i in range(len(toks)):
                if hit := labels._match_at(line, number, toks, i, phrase, box_ids, lexicon_words):
                    found.append(hit)
    return labels.resolve([hit for hit in found if labels.in_label_position(lines[hit.line], hit)])


def _misread(text: str, rng: random.Random) -> str:
    """A word as OCR might return it: look-alikes swapped, a letter dropped, two words glued or split."""
    chars = [(_NOISE.get(c, c) if rng.random() < 0.15 else c) for c in text]
    if len(chars) > 4 and rng.random() < 0.2:
        chars.insert(rng.randrange(1, len(chars)), " ")
    return "".join(chars)


def _noisy_lines(vocabulary: dict, seed: int) -> list[Line]:
    """Lines of label phrases (some misread) with values and prose around them."""
    rng = random.Random(seed)
    phrases = sorted(vocabulary)
    words: list[Word] = []
    for row in range(60):
        x, y = 20.0, 20.0 + row * 14
        cells = [_misread(rng.choice(phrases), rng) + rng.choice(["", ":"]), rng.choice(["$1,234.00", "Jane Doe", "x"])]
        if rng.random() < 0.3:
            cells.insert(0, rng.choice(["a", "1", "12b"]))
        for cell in cells:
            for text in cell.split():
                words.append(Word(1, text, 0.9, x, y, x + 6 * len(text), y + 9))
                x += 6 * len(text) + 4
            x += 40
    return build_lines(words)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("doc_type", sorted(label_rules()))
def test_indexed_matching_equals_matching_at_every_token(doc_type: str, seed: int) -> None:
    vocabulary = field_vocabulary(label_rules()[doc_type])
    lines = _noisy_lines(vocabulary, seed)
    expected = _every_start(lines, vocabulary, lexicon(), box_ids=True)
    assert expected, "the noisy lines must hold labels to find"
    assert labels.find_hits(lines, vocabulary, box_ids=True, lexicon=lexicon()) == expected


@pytest.mark.parametrize("path", GOLDEN, ids=[p.stem for p in GOLDEN])
def test_indexed_matching_on_golden_pages(path: Path) -> None:
    words = [word_from_dict(w) for w in json.loads(path.read_text(encoding="utf-8"))["words"]]
    lines = build_lines(words)
    for vocabulary in (type_vocabulary("labels"), *(field_vocabulary(r) for r in label_rules().values())):
        assert labels.find_hits(lines, vocabulary, box_ids=True, lexicon=lexicon()) == _every_start(
            lines, vocabulary, lexicon(), box_ids=True)
