"""The figures alert rules compare: counts and ratios of a finished run, or the state of a failed one.

Only numbers leave this module: no document name, loan id, field value or message text, so
nothing a rule renders from them can carry personal data.
"""

from __future__ import annotations

from collections import Counter

from loan_extractor.analysis.run_health import run_figures
from loan_extractor.run import RunSummary

Number = int | float | None
SEVERITIES = ("critical", "high", "medium", "low")

# Figures of a finished run (`run_metrics`), available to rules evaluated at `end`.
RUN_METRICS = frozenset(
    {
        "documents", "processed", "needs_review", "rejected", "failed", "ignored",
        "failed_ratio", "needs_review_ratio", "rejected_ratio", "mean_ocr_confidence",
        "anomalies", *(f"anomalies.{severity}" for severity in SEVERITIES), "anomalies.run",
        "bias_min_ratio",
    }
)
# Those of them that are whole numbers: a template may format them with `:d`.
COUNT_METRICS = RUN_METRICS - {"failed_ratio", "needs_review_ratio", "rejected_ratio", "mean_ocr_confidence", "bias_min_ratio"}
# Figures of a flow run that ended Failed or Crashed (`state_metrics`), for the state hooks.
STATE_METRICS = frozenset({"run_failed", "run_crashed"})
COUNT_METRICS |= STATE_METRICS


def run_metrics(summary: RunSummary) -> dict[str, Number]:
    """Every RUN_METRICS figure of the run; a ratio or mean with nothing to measure is None."""
    counts = summary.counts()
    total = len(summary.documents)
    figures: dict[str, Number] = {"documents": total, "ignored": len(summary.ignored), **counts}
    for status in ("failed", "needs_review", "rejected"):
        figures[f"{status}_ratio"] = round(counts[status] / total, 4) if total else None
    figures["mean_ocr_confidence"] = mean_ocr_confidence(summary)
    figures |= anomaly_counts(summary)
    figures["bias_min_ratio"] = bias_min_ratio(summary)
    return figures


def mean_ocr_confidence(summary: RunSummary) -> float | None:
    """Mean OCR confidence (0..1) over the documents that have one; None when none has."""
    return run_figures(summary.documents).mean_ocr_confidence


def anomaly_counts(summary: RunSummary) -> dict[str, int]:
    """The run's anomalies in total, per severity (every severity present) and run-level ones (`anomalies.run`)."""
    found = Counter(anomaly.severity.lower() for anomaly in summary.anomalies)
    run_level = sum(1 for anomaly in summary.anomalies if anomaly.is_run_level)
    return {"anomalies": len(summary.anomalies), "anomalies.run": run_level} | {f"anomalies.{s}": found.get(s, 0) for s in SEVERITIES}


def bias_min_ratio(summary: RunSummary) -> float | None:
    """The smallest between-group ratio in the bias table, over compared rows; None when none was compared."""
    ratios = [row["ratio"] for row in summary.bias if row.get("compared") and row.get("ratio") is not None]
    return min(float(ratio) for ratio in ratios) if ratios else None


def state_metrics(crashed: bool) -> dict[str, Number]:
    """The figures of a flow run that ended Failed (crashed=False) or Crashed: a crash is a failure too."""
    return {"run_failed": 1, "run_crashed": int(crashed)}
