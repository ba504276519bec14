"""How well a token OCR read matches a label's token: equal, equal after folding OCR look-alikes, a few edits away,
or a long word OCR split in two pieces."""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import Levenshtein

_FOLD = str.maketrans({"0": "o", "1": "l", "5": "s", "|": "l", "i": "l"})
SPLIT_WORD_MIN = 7  # a label word this long OCR split with a stray letter still matches its two pieces
SPLIT_SIM = 0.8


@lru_cache(maxsize=65536)
def fold_lookalikes(token: str) -> str:
    """OCR look-alikes made equal: 0/o, 1/l/i, 5/s, "rn"/"m", "vv"/"w"."""
    return token.translate(_FOLD).replace("rn", "m").replace("vv", "w")


@lru_cache(maxsize=65536)
def token_similarity(seen: str, label: str) -> float:
    """1.0 equal, 0.95 equal after folding OCR look-alikes, 0.85 one or two edits away, else 0."""
    if seen == label:
        return 1.0
    if fold_lookalikes(seen) == fold_lookalikes(label):
        return 0.95
    allowed = 0 if len(label) < 5 else 1 if len(label) < 10 else 2
    if allowed and abs(len(seen) - len(label)) <= allowed and edit_distance(seen, label, allowed) <= allowed:
        return 0.85
    return 0.0


def edit_distance(a: str, b: str, cap: int) -> int:
    """Levenshtein distance of two tokens, or cap + 1 when it exceeds cap."""
    return Levenshtein.distance(a, b, score_cutoff=cap)


@lru_cache(maxsize=65536)
def split_similarity(first: str, second: str, label: str, lexicon: frozenset[str]) -> float:
    """How well two line tokens joined match a label token: 0.9 exactly (after folding look-alikes); 0.8 a long
    word OCR split with a stray letter ("PALY MENT" for "PAYMENT"): one edit, both pieces letters and neither a
    label word itself; else 0."""
    sim = token_similarity(first + second, label)
    if sim >= 0.95:
        return 0.9
    pieces = first.isalpha() and second.isalpha() and first not in lexicon and second not in lexicon
    if sim and pieces and len(label) >= SPLIT_WORD_MIN and edit_distance(first + second, label, 1) <= 1:
        return SPLIT_SIM
    return 0.0
