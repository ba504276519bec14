"""The text model: numpy inference equals scikit-learn's, training is deterministic, the artifact reproduces."""

from __future__ import annotations

import random

import numpy as np
import pytest

from loan_extractor.extraction import text_model
from loan_extractor.extraction.foreign_text import TEMPLATES
from loan_extractor.extraction.text_model import features, model_from_payload, packaged_model, payload_digest
from loan_extractor.extraction.train_classifier import SEED, encode, export_payload, fit_pipeline, train
from loan_extractor.extraction.training_text import drop_lines, ocr_noise, training_corpus

PROBES = [
    "Earnings Statement\nEmployee Name: Jane Q Doe\nGross Pay 4,210.55\nNet Pay 3,105.20",
    "Account Statement\nStatement Period 03/01/2026 - 03/31/2026\nOpening Balance 1,000.00\nClosing Balance 1,500.00",
    "Form W-2 Wage and Tax Statement\n1 Wages, tips, other compensation 52,000.00\n3 Social security wages",
    "Uniform Residential Loan Application\nBorrower Name: Jane Q Doe\nLoan Amount: 250,000.00\nLoan Purpose",
    "STATE OF OHIO\nDRIVER LICENSE\nDL 123456789 CLASS D\nDOB 01/02/1980 EXP 01/02/2030",
    "Pay to the order of Acme Widgets Inc $ 1,250.00\nOne thousand two hundred fifty and 00/100 Dollars\nMemo rent",
    "Dear Ms. Doe,\nPlease send your most recent pay stub to our office.\nSincerely,\nLoan Department",
    "Eamings Staternent\nGross Pav $4,210.55\nNet Pay: $3,105.20\nP ay Date: 03/20/2026",
]


@pytest.fixture(scope="module")
def small_fit():
    samples = training_corpus(seed=3, loans=3, per_template=4)
    return samples, fit_pipeline(samples, seed=3)


def test_features_fold_digits_and_keep_word_pieces() -> None:
    found = features("Gross Pay $4,210.55")
    assert {"w:gross", "w:pay", "w:0", "b:gross pay", "c: gro", "c:ross "} <= set(found)
    assert not any(ch.isdigit() and ch != "0" for f in found for ch in f)


def test_numpy_inference_equals_scikit_learn(small_fit) -> None:
    samples, pipeline = small_fit
    model = model_from_payload(export_payload(pipeline, samples, seed=3))
    expected = pipeline.predict_proba(PROBES)
    for text, row in zip(PROBES, expected):
        got = model.probabilities(text)
        assert [got[c] for c in pipeline.classes_] == pytest.approx(list(row), abs=1e-4)


def test_text_without_known_features_has_no_probabilities() -> None:
    assert packaged_model().probabilities("") == {}
    assert packaged_model().probabilities("@@@ ###") == {}


def test_training_is_deterministic(small_fit) -> None:
    samples, pipeline = small_fit
    again = training_corpus(seed=3, loans=3, per_template=4)
    assert [(s.text, s.label) for s in again] == [(s.text, s.label) for s in samples]
    first = encode(export_payload(pipeline, samples, seed=3))
    second = encode(export_payload(fit_pipeline(again, seed=3), again, seed=3))
    assert first == second
    other = training_corpus(seed=4, loans=3, per_template=4)
    assert payload_digest(export_payload(fit_pipeline(other, 4), other, 4)) != payload_digest(
        export_payload(pipeline, samples, 3))


def test_model_version_names_the_packaged_weights() -> None:
    payload = text_model.read_payload()
    assert text_model.MODEL_VERSION == payload_digest(payload) == payload["meta"]["version"]
    assert len(text_model.MODEL_VERSION) == 12 and payload["meta"]["seed"] == SEED


def test_retraining_reproduces_the_packaged_model() -> None:
    """Fails when the training corpus or code changed without retraining: run the training module again."""
    retrained = model_from_payload(train(SEED))
    shipped = packaged_model()
    probes = PROBES + [s.text for s in training_corpus(seed=11, loans=2, per_template=2)]
    for text in probes:
        new, old = retrained.probabilities(text), shipped.probabilities(text)
        assert max(new, key=new.get) == max(old, key=old.get), text
        assert np.allclose([new[c] for c in shipped.classes], [old[c] for c in shipped.classes], atol=0.02), text


def test_noise_and_line_dropping_are_seeded() -> None:
    text = "Gross Pay 4,210.55\nNet Pay 3,105.20\nPay Date 03/20/2026"
    assert ocr_noise(text, random.Random(1), 0.2) == ocr_noise(text, random.Random(1), 0.2) != text
    assert ocr_noise(text, random.Random(1), 0.0) == text
    kept = drop_lines(text, random.Random(2)).split("\n")
    assert set(kept) <= set(text.split("\n"))


def test_foreign_templates_are_unknown_to_the_shipped_model() -> None:
    rng = random.Random(12345)  # not the training seed: fresh values in the known templates
    model = packaged_model()
    for name, make in TEMPLATES.items():
        probabilities = model.probabilities("\n".join(make(rng)))
        assert max(probabilities, key=probabilities.get) == "unknown", name
