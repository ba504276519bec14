"""Which kind of document is this: keyword scores (data/doc_types.yaml) blended with the text model.

Keywords are precise but brittle (one mangled title and they miss; one quoted label and they fire);
the text model (text_model.py) judges the whole text but knows only what it was trained on. A
type is chosen only when the blend reaches the threshold: a lone keyword never gets there, the
model alone only when it is sure.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources

import yaml

from loan_extractor.extraction import text_model
from loan_extractor.extraction.labels import Hit, find_hits, in_label_position, tokens
from loan_extractor.extraction.words import Line
from loan_extractor.spec import DocType

TITLE_SHARE = 0.5  # a title is at least this share of its segment's words
# The text model's share of the blended score. At 0.5 neither half reaches the default threshold
# (0.35) alone unless it is sure: the model needs p >= 0.7, keywords need 0.7 of their scale.
MODEL_WEIGHT = 0.5


@cache
def keyword_table() -> dict:
    """The parsed doc_types.yaml."""
    text = resources.files("loan_extractor").joinpath("data/doc_types.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@cache
def _vocabulary(section: str) -> dict[str, list[str]]:
    """phrase -> ["<type>|<weight>", ...] for one section (titles or labels) across all types (read-only)."""
    vocab: dict[str, list[str]] = {}
    for doc_type in DocType:
        for phrase, weight in (keyword_table().get(doc_type.value) or {}).get(section, {}).items():
            vocab.setdefault(phrase, []).append(f"{doc_type.value}|{weight}")
    return vocab


def _is_title(line: Line, hit: Hit) -> bool:
    segment = line.segment_of[hit.start]
    seg_tokens = sum(len(tokens(w.text)) for w, s in zip(line.words, line.segment_of) if s == segment)
    return hit.ntokens / max(seg_tokens, 1) >= TITLE_SHARE


def titled_types(lines: Sequence[Line]) -> set[DocType]:
    """The types whose title is printed as a heading on these lines (a document's first page has one)."""
    hits = find_hits(lines, _vocabulary("titles"), position=_is_title)
    return {DocType(target.split("|")[0]) for hit in hits for target in hit.targets}


def one_page_types() -> frozenset[DocType]:
    """Types of which each titled page is a document of its own (doc_types.yaml `one_page_types`)."""
    return frozenset(DocType(name) for name in keyword_table().get("one_page_types", ()))


def type_scores(lines: Sequence[Line]) -> dict[DocType, float]:
    """Every known type's score 0..1: its distinct keywords' weights, less what speaks against all types."""
    weights: dict[tuple[str, str], float] = {}
    titles = find_hits(lines, _vocabulary("titles"), position=_is_title)
    labels = find_hits(lines, _vocabulary("labels"), box_ids=True)
    for hit in (*titles, *labels):
        for target in hit.targets:
            doc_type, weight = target.split("|")
            weights[(doc_type, hit.phrase)] = float(weight)
    against_vocab = _against_vocabulary()
    against = {hit.phrase: float(hit.targets[0]) for hit in find_hits(lines, against_vocab, position=in_label_position)}
    penalty = sum(against.values())
    scores: dict[DocType, float] = {}
    for doc_type in DocType:
        if doc_type is DocType.UNKNOWN:
            continue
        raw = sum(w for (name, _), w in weights.items() if name == doc_type.value)
        scores[doc_type] = round(min(max(raw - penalty, 0.0), 1.0), 3)
    return scores


@cache
def _against_vocabulary() -> dict[str, list[str]]:
    """phrase -> [weight]: words that speak against every type (read-only)."""
    return {phrase: [str(w)] for phrase, w in keyword_table().get("against", {}).items()}


def page_text(lines: Sequence[Line]) -> str:
    """The lines' text, one line per row: what the text model reads."""
    return "\n".join(line.text for line in lines)


def model_scores(lines: Sequence[Line]) -> dict[str, float]:
    """The text model's probability per class (DocType values, `unknown` included); {} for no text."""
    return text_model.packaged_model().probabilities(page_text(lines)) if lines else {}


def blended_scores(lines: Sequence[Line]) -> dict[DocType, float]:
    """Every known type's score 0..1: keyword score and text-model probability, weighted by MODEL_WEIGHT.

    Where the model ranks `unknown` above a type it is evidence against that type, so the blend
    is then no higher than the keyword score: the keywords have to carry the type on their own.
    """
    keywords = type_scores(lines)
    model = model_scores(lines)
    against = model.get(DocType.UNKNOWN.value, 0.0)
    scores: dict[DocType, float] = {}
    for doc_type, score in keywords.items():
        probability = model.get(doc_type.value, 0.0)
        blend = (1 - MODEL_WEIGHT) * score + MODEL_WEIGHT * probability
        scores[doc_type] = round(min(blend, score) if against > probability else blend, 3)
    return scores


def decide(scores: dict[DocType, float], min_score: float) -> tuple[DocType, float]:
    """The best-scoring type and its score; `unknown` when none reaches min_score.

    For `unknown` the confidence is 1 - the best known type's score: how little it
    looked like anything the pipeline reads.
    """
    best = max(scores, key=lambda t: scores[t])
    if scores[best] < min_score:
        return DocType.UNKNOWN, round(1.0 - scores[best], 3)
    return best, scores[best]


def classify(lines: Sequence[Line], min_score: float) -> tuple[DocType, float]:
    """The document's type from its lines (keywords and text model blended) and the score behind it."""
    return decide(blended_scores(lines), min_score)
