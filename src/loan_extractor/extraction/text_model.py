"""The learned half of classification: a TF-IDF + logistic regression text model applied with numpy.

The model is trained with scikit-learn by `python -m loan_extractor.extraction.train_classifier`
and committed as plain numbers (data/type_model.json.gz: feature names, idf, coefficients), not
as a pickle: a pickle binds the package to one scikit-learn version and runs code when loaded,
and importing scikit-learn costs the `extract` command about a second. The arithmetic below is
TfidfVectorizer(sublinear_tf, l2) followed by multinomial LogisticRegression.predict_proba;
tests/test_text_model.py checks it against scikit-learn on the same weights.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

ARTIFACT = "data/type_model.json.gz"
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
CHAR_NGRAMS = (3, 4, 5)
# How many amounts and dates a page prints: every supported type prints several, and a linear model
# cannot see an absence unless it is a feature of its own (a notice titled "Pay Stub" has no figures).
_MONEY = re.compile(r"\d[\d,]*[.,]\d\d\b")
_DATE = re.compile(r"\b\d{1,4}[/-]\d{1,2}[/-]\d{2,4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b", re.I)


def features(text: str) -> list[str]:
    """The text's features: counts of amounts and dates, words, word pairs, character n-grams of each word.

    Digits are folded so that amounts and dates count by shape ("0,000.00"), not by value;
    character n-grams keep a word recognisable when OCR mangles one of its letters.
    """
    words = [re.sub(r"\d", "0", w) for w in _WORD.findall(text.lower())]
    out = [f"s:money={_bucket(len(_MONEY.findall(text)))}", f"s:dates={_bucket(len(_DATE.findall(text)))}"]
    out += [f"w:{w}" for w in words]
    out += [f"b:{a} {b}" for a, b in zip(words, words[1:])]
    for word in words:
        padded = f" {word} "
        out += [f"c:{padded[i:i + n]}" for n in CHAR_NGRAMS for i in range(len(padded) - n + 1)]
    return out


def _bucket(count: int) -> str:
    return "none" if count == 0 else "few" if count < 3 else "many"


@dataclass(frozen=True)
class TextModel:
    """Learned weights: feature index, idf per feature, one coefficient row and intercept per class."""

    classes: tuple[str, ...]
    index: Mapping[str, int]
    idf: np.ndarray
    coef: np.ndarray  # (classes, features)
    intercept: np.ndarray
    meta: Mapping[str, Any]

    def vector(self, text: str) -> np.ndarray:
        """The text's l2-normalised TF-IDF row (sublinear term frequency), zeros when nothing is known."""
        row = np.zeros(len(self.idf))
        for feature, count in Counter(features(text)).items():
            column = self.index.get(feature)
            if column is not None:
                row[column] = (1.0 + math.log(count)) * self.idf[column]
        norm = np.linalg.norm(row)
        return row / norm if norm else row

    def probabilities(self, text: str) -> dict[str, float]:
        """Class -> probability; empty when the text holds no word or no known feature (nothing to judge by)."""
        row = self.vector(text)
        if not row.any() or not _WORD.search(text.lower()):
            return {}
        logits = self.coef @ row + self.intercept
        exp = np.exp(logits - logits.max())
        return {label: float(p) for label, p in zip(self.classes, exp / exp.sum())}


def payload_digest(payload: Mapping[str, Any]) -> str:
    """The model's version: a hash of its learned numbers and features, not of the file's bytes."""
    body = {key: payload[key] for key in ("classes", "features", "idf", "coef", "intercept")}
    return hashlib.sha256(json.dumps(body, sort_keys=True, separators=(",", ":")).encode()).hexdigest()[:12]


def model_from_payload(payload: Mapping[str, Any]) -> TextModel:
    """A TextModel from the artifact's JSON object."""
    return TextModel(
        classes=tuple(payload["classes"]),
        index={name: i for i, name in enumerate(payload["features"])},
        idf=np.asarray(payload["idf"], dtype=float),
        coef=np.asarray(payload["coef"], dtype=float),
        intercept=np.asarray(payload["intercept"], dtype=float),
        meta=dict(payload.get("meta", {})) | {"version": payload_digest(payload)},
    )


def read_payload(path: Path | None = None) -> dict[str, Any]:
    """The artifact's JSON object (the packaged one unless `path` is given)."""
    source = path or resources.files("loan_extractor").joinpath(ARTIFACT)
    return json.loads(gzip.decompress(source.read_bytes()).decode("utf-8"))


@cache
def packaged_model() -> TextModel:
    """The model shipped with the package, loaded once."""
    return model_from_payload(read_payload())


def model_version() -> str:
    """The shipped model's version, for run lineage (changes whenever the weights change)."""
    return str(packaged_model().meta["version"])


def __getattr__(name: str) -> str:
    # MODEL_VERSION is computed on first use: loading the weights at import would slow every command.
    if name == "MODEL_VERSION":
        return model_version()
    raise AttributeError(name)
