"""Accuracy against ground truth: the `evaluate` command's harness.

`load_truth` reads the truth file (format in `truth`), `evaluate_folder` extracts the truth's files with
the same stages as `extract`, `pair_documents` pairs extracted documents with truth documents,
`build_report` computes the figures (arithmetic in `metrics`, comparisons in `compare`) and
`render_text` prints them as tables.
"""

from loan_extractor.evaluation.match import pair_documents
from loan_extractor.evaluation.metrics import Outcome
from loan_extractor.evaluation.report import DEFAULT_BY, build_report, render_text
from loan_extractor.evaluation.runner import evaluate_folder
from loan_extractor.evaluation.truth import TruthDoc, load_truth

__all__ = ["DEFAULT_BY", "Outcome", "TruthDoc", "build_report", "evaluate_folder", "load_truth", "pair_documents",
           "render_text"]
