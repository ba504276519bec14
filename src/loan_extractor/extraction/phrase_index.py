"""Label phrases indexed by how their first token can be matched, so a line is tried only where a label can start.

`labels.find_hits` used to align every phrase of a vocabulary at every token of every line; nearly
all of those alignments failed on the first token. A phrase can start at a line token only when
that token is like its first token (equal, equal after folding OCR look-alikes, or a few edits
away), when the token glued to the next one equals its first token, or when the token equals its
first two or more tokens glued ("PayDate", "PAYTOTHEORDEROF"). Those three tests are made once per
distinct token and first token here, and only the phrases that pass them are aligned: the hits are
the same, found for far less.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from loan_extractor.extraction.token_match import SPLIT_WORD_MIN

EXACT_ENOUGH = 0.95  # glued and split tokens must match at least this well (labels._align)
MAX_EDITS = 2  # token_similarity: one edit under 10 letters, two from 10, between tokens this close in length
_CACHE_LIMIT = 50_000  # distinct tokens remembered per index before its memo starts over

Similarity = Callable[[str, str], float]


@dataclass(frozen=True)
class Phrase:
    """One label of a vocabulary: its text, what it stands for, its tokens."""

    text: str
    targets: tuple[str, ...]
    tokens: tuple[str, ...]


class _NearKeys:
    """The keys a token is similar to (similarity above 0), each with its similarity, memoised per token."""

    def __init__(self, keys: Sequence[str], similarity: Similarity, fold: Callable[[str], str]) -> None:
        self._similarity, self._fold = similarity, fold
        self._exact = set(keys)
        self._folded: dict[str, list[str]] = {}
        self._by_length: dict[int, list[tuple[str, int]]] = {}  # keys that allow edits and their letters, by length
        for key in self._exact:
            self._folded.setdefault(fold(key), []).append(key)
            if len(key) >= 5:  # shorter labels allow no edits
                self._by_length.setdefault(len(key), []).append((key, _letters(key)))
        self._memo: dict[str, tuple[tuple[str, float], ...]] = {}

    def near(self, seen: str) -> tuple[tuple[str, float], ...]:
        found = self._memo.get(seen)
        if found is None:
            if len(self._memo) > _CACHE_LIMIT:
                self._memo.clear()
            candidates = set(self._folded.get(self._fold(seen), ()))
            if seen in self._exact:
                candidates.add(seen)
            letters = _letters(seen)
            for length in range(len(seen) - MAX_EDITS, len(seen) + MAX_EDITS + 1):
                allowed = 1 if length < 10 else 2
                if abs(length - len(seen)) <= allowed:
                    # each edit adds at most one letter the other token lacks
                    candidates.update(key for key, key_letters in self._by_length.get(length, ())
                                      if (key_letters & ~letters).bit_count() <= allowed
                                      and (letters & ~key_letters).bit_count() <= allowed)
            scored = ((key, self._similarity(seen, key)) for key in sorted(candidates))
            found = self._memo[seen] = tuple((key, sim) for key, sim in scored if sim > 0)
        return found


@lru_cache(maxsize=65536)
def _letters(token: str) -> int:
    """The distinct characters of a token as bits of one number, so two tokens' letters compare in a few steps."""
    bits = 0
    for char in token:
        bits |= 1 << ord(char)
    return bits


class PhraseIndex:
    """A vocabulary's phrases, in vocabulary order, indexed by their first token and by their first two or more
    tokens glued."""

    def __init__(self, phrases: Sequence[Phrase], similarity: Similarity, fold: Callable[[str], str]) -> None:
        self.phrases = tuple(phrases)
        self._by_first: dict[str, list[int]] = {}
        self._by_prefix: dict[str, list[int]] = {}
        for number, phrase in enumerate(self.phrases):
            if phrase.tokens:
                self._by_first.setdefault(phrase.tokens[0], []).append(number)
            for count in range(2, len(phrase.tokens) + 1):
                self._by_prefix.setdefault("".join(phrase.tokens[:count]), []).append(number)
        self._firsts = _NearKeys(list(self._by_first), similarity, fold)
        self._prefixes = _NearKeys(list(self._by_prefix), similarity, fold)

    def starts(self, toks: Sequence[str], lexicon: frozenset[str]) -> list[tuple[int, int]]:
        """(phrase number, token index) of every place a phrase can start on a line of tokens, in that order.

        A token that is itself a label word (in `lexicon`) is not taken as a near miss of another.
        """
        found: set[tuple[int, int]] = set()
        for i, seen in enumerate(toks):
            for key, sim in self._firsts.near(seen):
                if sim >= EXACT_ENOUGH or seen not in lexicon:
                    found.update((number, i) for number in self._by_first[key])
            if i + 1 < len(toks):
                for key, sim in self._firsts.near(seen + toks[i + 1]):
                    if sim >= EXACT_ENOUGH or (len(key) >= SPLIT_WORD_MIN and seen.isalpha()
                                               and toks[i + 1].isalpha()):  # token_match.split_similarity decides
                        found.update((number, i) for number in self._by_first[key])
            for key, sim in self._prefixes.near(seen):
                if sim >= EXACT_ENOUGH:
                    found.update((number, i) for number in self._by_prefix[key])
        return sorted(found)


_INDEXES: dict[tuple[tuple[str, tuple[str, ...]], ...], PhraseIndex] = {}
_INDEXES_LOCK = threading.Lock()
_MAX_INDEXES = 256


def phrase_index(vocabulary: Mapping[str, Sequence[str]], tokens: Callable[[str], Sequence[str]],
                 similarity: Similarity, fold: Callable[[str], str]) -> PhraseIndex:
    """The index of a vocabulary (phrase -> targets), built once per distinct vocabulary."""
    key = tuple((phrase, tuple(targets)) for phrase, targets in vocabulary.items())
    index = _INDEXES.get(key)
    if index is None:
        index = PhraseIndex([Phrase(p, t, tuple(tokens(p))) for p, t in key], similarity, fold)
        with _INDEXES_LOCK:
            if len(_INDEXES) >= _MAX_INDEXES:
                _INDEXES.clear()
            _INDEXES[key] = index
    return index
