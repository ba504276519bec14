"""Write a planned sample set to disk with its truth file."""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path

from loan_extractor.samples.bad_inputs import write_bad_inputs
from loan_extractor.samples.documents import write_pdf
from loan_extractor.samples.plan import PlannedDoc, plan_sample_set, truth_entry
from loan_extractor.samples.scans import scan_pdf

TRUTH_FILE = "truth.json"


def default_tax_year(today: date | None = None) -> int:
    """The last complete tax year: the year before `today`'s (W-2s exist for finished years only)."""
    return (today or date.today()).year - 1


def build_truth(seed: int = 7, loans: int = 4, tax_year: int | None = None) -> dict[str, dict[str, object]]:
    """The truth entries of the planned documents, computed without writing anything.

    The bad inputs' entries are added by `write_sample_set`; they hold no generated values.
    """
    plan = plan_sample_set(seed, loans, tax_year or default_tax_year())
    return {p.path: truth_entry(p) for p in plan.documents}


def write_sample_set(out_dir: Path, seed: int = 7, loans: int = 4, *, tax_year: int | None = None) -> Path:
    """Write `loans` loan folders, the bad inputs and `truth.json` under `out_dir`; returns the truth path.

    The same seed and tax year give the same values (and, with the same library versions, the same bytes).
    Files already in `out_dir` that the set does not name are left alone.
    """
    if loans < 1:
        raise ValueError("a sample set needs at least one loan")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    plan = plan_sample_set(seed, loans, tax_year or default_tax_year())
    truth: dict[str, dict[str, object]] = {}
    for planned in plan.documents:
        write_document(out_dir, planned)
        truth[planned.path] = truth_entry(planned)
    first_text_pdf = next(p.path for p in plan.documents if p.fmt == "pdf_text")
    truth.update(write_bad_inputs(out_dir, plan.spare, first_text_pdf))
    truth_path = out_dir / TRUTH_FILE
    truth_path.write_text(json.dumps(dict(sorted(truth.items())), indent=2) + "\n", encoding="utf-8")
    return truth_path


def write_document(out_dir: Path, planned: PlannedDoc) -> Path:
    """Write one planned document: a text-layer PDF, or a scan of one in the planned format."""
    target = out_dir / planned.path
    target.parent.mkdir(parents=True, exist_ok=True)
    if planned.fmt == "pdf_text":
        return write_pdf(planned.doc, planned.layout, planned.style, target)
    if planned.dpi is None:
        raise ValueError(f"{planned.path}: a scan needs a resolution")
    with tempfile.TemporaryDirectory() as work:
        source = write_pdf(planned.doc, planned.layout, planned.style, Path(work) / "source.pdf")
        return scan_pdf(source, target, planned.fmt, planned.dpi, planned.noise_seed, planned.angle)
