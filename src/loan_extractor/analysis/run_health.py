"""Pipeline-level anomalies: this run's failure and review ratios, OCR confidence and size against
the trailing runs.

The baseline of each figure is its median over the most recent earlier runs (`runs.baseline_runs`):
a median is not moved by the one bad run it should catch. Nothing is judged before `runs.min_runs`
comparable runs exist; ratios and means of runs smaller than `runs.min_documents` are neither judged
nor part of a baseline (one failure in two documents is not a 50% failure rate). The anomalies
belong to the run: no loan, no documents, so they never change a document's status.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from statistics import fmean, median

from loan_extractor.analysis.history import RunFigures, StoredRun
from loan_extractor.config import RunHealthConfig
from loan_extractor.models import Anomaly, Document, Status


def run_figures(docs: Iterable[Document]) -> RunFigures:
    """The figures of a run from its final documents (rejected duplicates count as documents)."""
    docs = list(docs)
    ocr = [doc.ocr_confidence for doc in docs if doc.ocr_confidence is not None]
    return RunFigures(
        documents=len(docs),
        failed=sum(1 for doc in docs if doc.status == Status.FAILED),
        needs_review=sum(1 for doc in docs if doc.status == Status.NEEDS_REVIEW),
        mean_ocr_confidence=round(fmean(ocr), 4) if ocr else None,
    )


def find_run_anomalies(current: RunFigures, earlier: Sequence[StoredRun], cfg: RunHealthConfig) -> list[Anomaly]:
    """Every pipeline-level anomaly of the run: ratio spikes, OCR confidence drift, volume spike."""
    recent = [run.figures for run in earlier[: cfg.baseline_runs]]
    found = [
        _ratio_spike("failed_ratio_spike", "failed", lambda f: f.ratio(f.failed), current, recent, cfg),
        _ratio_spike("review_ratio_spike", "need review", lambda f: f.ratio(f.needs_review), current, recent, cfg),
        _ocr_drift(current, recent, cfg),
        _volume_spike(current, recent, cfg),
    ]
    return [anomaly for anomaly in found if anomaly is not None]


def _baseline(figure: Callable[[RunFigures], float | None], runs: list[RunFigures], cfg: RunHealthConfig) -> tuple[float, int] | None:
    """The median of a figure over the runs big enough to judge, and how many; None when too few."""
    values = [v for run in runs if run.documents >= cfg.min_documents and (v := figure(run)) is not None]
    return (median(values), len(values)) if len(values) >= cfg.min_runs else None


def _ratio_spike(kind: str, wording: str, figure: Callable[[RunFigures], float | None], current: RunFigures,
                 runs: list[RunFigures], cfg: RunHealthConfig) -> Anomaly | None:
    """The share of documents that failed (or need review) far above its usual share."""
    value, base = figure(current), _baseline(figure, runs, cfg)
    if value is None or base is None or current.documents < cfg.min_documents:
        return None
    usual, count = base
    if value - usual <= cfg.ratio_margin:
        return None
    rise = value - usual
    message = (f"This run's share of documents that {wording} is {value:.0%}, against {usual:.0%} usually "
               f"(median of the last {count} runs); look for a common cause: a source, a scanner, a template.")
    return Anomaly(kind=kind, severity="high" if rise > 2 * cfg.ratio_margin else "medium", message=message,
                   figures={"ratio": round(value, 4), "baseline": round(usual, 4), "runs": count,
                            "documents": current.documents, "margin": cfg.ratio_margin},
                   score=round(rise, 4))  # fmt: skip


def _ocr_drift(current: RunFigures, runs: list[RunFigures], cfg: RunHealthConfig) -> Anomaly | None:
    """Mean OCR confidence moved away from its usual level, either way."""
    value = current.mean_ocr_confidence
    base = _baseline(lambda f: f.mean_ocr_confidence, runs, cfg)
    if value is None or base is None or current.documents < cfg.min_documents:
        return None
    usual, count = base
    shift = value - usual
    if abs(shift) <= cfg.ocr_confidence_drift:
        return None
    way, hint = ("fell", "scans may be poorer or a new layout is being misread") if shift < 0 else \
        ("rose", "the mix of documents has changed")  # fmt: skip
    message = (f"Mean OCR confidence {way} to {value:.2f} from {usual:.2f} usually (median of the last "
               f"{count} runs); {hint}: check a few of this run's documents.")
    severity = "high" if shift < -2 * cfg.ocr_confidence_drift else "medium" if shift < 0 else "low"
    return Anomaly(kind="ocr_confidence_drift", severity=severity, message=message,
                   figures={"mean_ocr_confidence": value, "baseline": round(usual, 4), "runs": count,
                            "shift": round(shift, 4), "limit": cfg.ocr_confidence_drift},
                   score=round(abs(shift), 4))  # fmt: skip


def _volume_spike(current: RunFigures, runs: list[RunFigures], cfg: RunHealthConfig) -> Anomaly | None:
    """Many more documents than a run usually has (every earlier run counts, small ones too)."""
    if len(runs) < cfg.min_runs:
        return None
    usual = median(run.documents for run in runs)
    if usual <= 0 or current.documents <= cfg.volume_factor * usual:
        return None
    factor = current.documents / usual
    message = (f"This run has {current.documents} documents, {factor:.1f} times the usual {usual:g} (median of "
               f"the last {len(runs)} runs); confirm the source did not resend old files or a whole archive.")
    return Anomaly(kind="volume_spike", severity="medium" if factor < 2 * cfg.volume_factor else "high",
                   message=message, figures={"documents": current.documents, "baseline": usual,
                                             "runs": len(runs), "factor": cfg.volume_factor},
                   score=round(factor, 2))  # fmt: skip
