"""Train the document-type text model and write it as data: `python -m loan_extractor.extraction.train_classifier`.

The artifact (data/type_model.json.gz) holds the learned numbers, not a pickle; see text_model.py.
Training is deterministic: the corpus comes from `random.Random(seed)`, feature order is sorted,
and lbfgs has no randomness, so the same seed and code write the same file byte for byte.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from loan_extractor.extraction.text_model import ARTIFACT, features, payload_digest
from loan_extractor.extraction.training_text import Sample, training_corpus

SEED = 20260401  # the committed model's seed; evaluation sets use other seeds
MAX_FEATURES = 6000
C = 4.0  # inverse regularisation; measured on a held-out seed: 1.0 under-fits noisy pages, 10 over-fits layouts
SIGNIFICANT = 6  # digits kept per weight: the file stays small, probabilities move by < 1e-5


def fit_pipeline(samples: Sequence[Sample], seed: int) -> Any:
    """A fitted scikit-learn Pipeline (TF-IDF over `features`, multinomial logistic regression)."""
    from sklearn.feature_extraction.text import TfidfVectorizer  # imported here: only training needs it
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from threadpoolctl import threadpool_limits

    vectorizer = TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=2, max_features=MAX_FEATURES)
    classifier = LogisticRegression(C=C, max_iter=3000, class_weight="balanced", random_state=seed)
    pipeline = Pipeline([("tfidf", vectorizer), ("model", classifier)])
    # One BLAS thread: threaded sums may add in another order from run to run (the same seed must give
    # the same bits), and on a busy machine threads made a one-second fit take ten.
    with threadpool_limits(limits=1):
        return pipeline.fit([s.text for s in samples], [s.label for s in samples])


def export_payload(pipeline: Any, samples: Sequence[Sample], seed: int) -> dict[str, Any]:
    """The fitted pipeline's numbers as JSON-able lists, with how it was made."""
    import sklearn

    vectorizer, classifier = pipeline.named_steps["tfidf"], pipeline.named_steps["model"]
    names = list(vectorizer.get_feature_names_out())
    corpus = hashlib.sha256("\x1e".join(f"{s.label}\x1f{s.text}" for s in samples).encode()).hexdigest()[:12]
    payload = {
        "classes": [str(c) for c in classifier.classes_],
        "features": names,
        "idf": _rounded(vectorizer.idf_),
        "coef": [_rounded(row) for row in classifier.coef_],
        "intercept": _rounded(classifier.intercept_),
        "meta": {"seed": seed, "samples": len(samples), "corpus_sha256": corpus,
                 "sklearn": sklearn.__version__, "C": C, "max_features": MAX_FEATURES},
    }
    payload["meta"]["version"] = payload_digest(payload)
    return payload


def _rounded(values: Any) -> list[float]:
    return [float(f"{v:.{SIGNIFICANT}g}") for v in values]


def train(seed: int = SEED) -> dict[str, Any]:
    """Build the corpus of `seed`, fit, and return the artifact's JSON object."""
    samples = training_corpus(seed)
    return export_payload(fit_pipeline(samples, seed), samples, seed)


def encode(payload: dict[str, Any]) -> bytes:
    """The artifact's bytes: sorted JSON, gzip without a timestamp (the same model is the same file)."""
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def main(argv: Sequence[str] | None = None) -> int:
    """Train and write the artifact (default: the packaged one); print its version."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=None, help="where to write (default: the package's data/)")
    args = parser.parse_args(argv)
    out = args.out or Path(str(resources.files("loan_extractor").joinpath(ARTIFACT)))
    payload = train(args.seed)
    out.write_bytes(encode(payload))
    meta = payload["meta"]
    print(f"wrote {out}: version {meta['version']}, {meta['samples']} samples, {len(payload['features'])} features")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
