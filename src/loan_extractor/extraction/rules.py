"""The label rules of data/labels.yaml, loaded once, and the vocabularies and word lists made from them."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from loan_extractor.extraction.labels import tokens


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


# words a form may leave out of a label: "Employer's name, address, ZIP" for "..., address, and ZIP code"
CONNECTORS = frozenset({"and", "of", "the"})


@cache
def label_pieces() -> frozenset[tuple[str, ...]]:
    """Every run of two or more consecutive tokens of a label phrase ("security wages" of "Social security wages"),
    also with its connecting words left out ("address zip" of "address and ZIP code")."""
    phrases = label_phrases() | {tuple(t for t in p if t not in CONNECTORS) for p in label_phrases()}
    return frozenset(phrase[i:j] for phrase in phrases for i in range(len(phrase))
                     for j in range(i + 2, len(phrase) + 1))


@cache
def lexicon() -> frozenset[str]:
    """Every word of every label: such a word on a page is itself, never a misread of another."""
    words: set[str] = set()
    for rules in label_rules().values():
        phrases = [p for ps in rules.get("fields", {}).values() for p in ps] + rules.get("stops", [])
        phrases += [p for r in rules.get("ranges", []) for p in r["labels"]]
        words.update(t for p in phrases for t in tokens(p))
    return frozenset(words)


def vocabulary(rules: dict) -> dict[str, list[str]]:
    """phrase -> targets: "field:<name>", "range:<i>", "span:<i>:<part>", "dated:<i>", "stop"."""
    vocab: dict[str, list[str]] = {}
    for name, phrases in rules.get("fields", {}).items():
        for phrase in phrases:
            vocab.setdefault(phrase, []).append(f"field:{name}")
    for i, rng in enumerate(rules.get("ranges", [])):
        for phrase in rng["labels"]:
            vocab.setdefault(phrase, []).append(f"range:{i}")
    for i, span in enumerate(rules.get("spans", [])):
        for part in ("end_labels", "days_labels"):
            for phrase in span[part]:
                vocab.setdefault(phrase, []).append(f"span:{i}:{part}")
    for i, dated in enumerate(rules.get("dated", [])):
        for phrase in dated["labels"]:
            vocab.setdefault(phrase, []).append(f"dated:{i}")
    for phrase in rules.get("stops", []):
        vocab.setdefault(phrase, []).append("stop")
    return vocab


@cache
def column_only_phrases() -> frozenset[tuple[str, ...]]:
    """The bare column headings of every type ("Beginning", "Ending") as tokens: labels only in a row of headings."""
    return frozenset(tuple(tokens(p)) for rules in label_rules().values()
                     for ps in rules.get("column_only", {}).values() for p in ps)
