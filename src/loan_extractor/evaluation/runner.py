"""Extract the truth's files through the same domain path as the `extract` command."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Any

from loan_extractor.config import PipelineConfig
from loan_extractor.evaluation.bias import evaluation_bias
from loan_extractor.evaluation.match import pair_documents
from loan_extractor.evaluation.report import DEFAULT_BY, build_report
from loan_extractor.evaluation.truth import TruthDoc
from loan_extractor.models import Document


def truth_files(folder: Path, truth: list[TruthDoc]) -> list[Path]:
    """The distinct files the truth names, in order; raises FileNotFoundError naming any that is absent."""
    names = list(dict.fromkeys(doc.file for doc in truth))
    absent = [n for n in names if not (folder / n).is_file()]
    if absent:
        raise FileNotFoundError(f"{len(absent)} file(s) of the truth are not in {folder}: {', '.join(absent[:5])}")
    return [folder / n for n in names]


def extract_documents(folder: Path, truth: list[TruthDoc], cfg: PipelineConfig, workers: int,
                      today: date) -> list[Document]:
    """The final records of the truth's files, by the same stages as the `extract` command."""
    from loan_extractor.pipeline import process_files

    return process_files(truth_files(folder, truth), cfg, workers, today)


def outputs_of(folder: Path, docs: list[Document]) -> list[dict[str, Any]]:
    """The `extract` command's JSON objects of the records, `source` made relative to `folder`."""
    outputs = []
    for doc in docs:
        output = doc.to_output()
        output["source"] = Path(doc.source).relative_to(folder).as_posix()
        outputs.append(output)
    return outputs


def extract_outputs(folder: Path, truth: list[TruthDoc], cfg: PipelineConfig, workers: int,
                    today: date) -> list[dict[str, Any]]:
    """The `extract` command's JSON objects for the truth's files, `source` made relative to `folder`."""
    return outputs_of(folder, extract_documents(folder, truth, cfg, workers, today))


def evaluate_folder(folder: Path, truth: list[TruthDoc], cfg: PipelineConfig, workers: int, today: date,
                    by: tuple[str, ...] = DEFAULT_BY) -> dict[str, Any]:
    """Extract, pair with the truth and report; the report records the bias table by slice (field accuracy
    against the truth), the files and the seconds it took."""
    started = time.monotonic()
    docs = extract_documents(Path(folder), truth, cfg, workers, today)
    outcomes, extras = pair_documents(truth, outputs_of(Path(folder), docs))
    report = build_report(outcomes, extras, by)
    report["bias"] = evaluation_bias(Path(folder), docs, truth, cfg, by)
    report["files"] = len({doc.file for doc in truth})
    report["seconds"] = round(time.monotonic() - started, 1)
    return report
