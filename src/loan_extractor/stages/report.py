"""Stage 9: report. A JSON and an HTML report file per run, plus the text of the run's artifacts."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from statistics import fmean
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from loan_extractor.extraction.redact import redact_text
from loan_extractor.models import Anomaly, Document
from loan_extractor.reporting import report_plots
from loan_extractor.run import RunSummary

SEVERITIES = ("critical", "high", "medium", "low")  # most severe first; an unknown severity sorts last


@dataclass(frozen=True)
class ReportFiles:
    json_path: Path
    html_path: Path


def write_report(summary: RunSummary, reports_dir: Path) -> ReportFiles:
    """Write `<reports_dir>/<run_id>/report.{json,html}` and return their paths."""
    out = reports_dir / summary.run_id
    out.mkdir(parents=True, exist_ok=True)
    json_path, html_path = out / "report.json", out / "report.html"
    json_path.write_text(json.dumps(summary.to_json(), indent=2, default=str), encoding="utf-8")
    html_path.write_text(render_html(summary), encoding="utf-8")
    return ReportFiles(json_path=json_path, html_path=html_path)


def render_html(summary: RunSummary) -> str:
    """The run's HTML report: plots (statuses, quality, field confidence, bias) and tables, one self-contained file."""
    env = Environment(loader=PackageLoader("loan_extractor", "templates"), autoescape=select_autoescape(["html"]))
    env.filters["blank"] = lambda value: "" if value is None else value
    counts = summary.counts()
    bias_columns = list(summary.bias[0].keys()) if summary.bias else []
    return env.get_template("report.html").render(
        s=summary,
        counts=counts,
        total=sum(counts.values()),
        reasons=summary.reasons(),
        docs=[document_line(doc) for doc in summary.documents],
        anomalies=[anomaly_line(summary, a) for a in by_severity(summary.anomalies)],
        bias_columns=bias_columns,
        plots=report_plots(summary),
    )


def by_severity(anomalies: tuple[Anomaly, ...] | list[Anomaly]) -> list[Anomaly]:
    """The anomalies most severe first, in their found order within a severity."""
    rank = {severity: i for i, severity in enumerate(SEVERITIES)}
    return sorted(anomalies, key=lambda a: rank.get(a.severity, len(SEVERITIES)))


def anomaly_line(summary: RunSummary, anomaly: Anomaly) -> dict[str, Any]:
    """One row of the anomaly table; the run's own anomalies (a run-level kind, or on no loan and no document) show loan `run`."""
    run_level = anomaly.is_run_level or (anomaly.loan_id is None and not anomaly.documents)
    return {
        "run_level": run_level,
        "loan": "run" if run_level else anomaly.loan_id or "",
        "kind": anomaly.kind,
        "severity": anomaly.severity,
        "message": redact_text(anomaly.message),
        "documents": [summary._source_of(doc_id) for doc_id in anomaly.documents],
    }


def document_line(doc: Document) -> dict[str, Any]:
    """One row of the report's document table: status, reason and quality figures, no field values."""
    pages = doc.page_images
    return {
        "source": doc.source,
        "loan_id": doc.loan_id,
        "pages": list(doc.pages),
        "doc_type": doc.doc_type.value if doc.doc_type else None,
        "status": doc.status.value if doc.status else None,
        "reason": doc.reason.value if doc.reason else None,
        "text_source": doc.text_source,
        "min_dpi": round(min(p.dpi for p in pages)) if pages else None,
        "clarity": round(fmean(p.clarity for p in pages), 2) if pages else None,
        "ocr_confidence": round(doc.ocr_confidence, 2) if doc.ocr_confidence is not None else None,
        "messages": [redact_text(m) for m in [issue.message for issue in doc.issues] + [a.message for a in doc.anomalies]],
    }


def report_markdown(summary: RunSummary, html_path: Path | None = None) -> str:
    """The run summary as markdown, for a Prefect markdown artifact; it names the report file's path."""
    lines = [f"# Run {summary.run_id}", "", f"Source: `{summary.source}`", "", "| status | documents |", "|---|---|"]
    lines += [f"| {status} | {n} |" for status, n in summary.counts().items()]
    if summary.reasons():
        lines += ["", "| reason | documents |", "|---|---|"]
        lines += [f"| {reason} | {n} |" for reason, n in sorted(summary.reasons().items())]
    lines += ["", f"## Anomalies ({len(summary.anomalies)})", ""]
    found = [anomaly_line(summary, a) for a in by_severity(summary.anomalies)]
    lines += [f"- **{a['severity']}** {a['kind']} on {_where(a)}: {a['message']}" for a in found] or ["None found."]
    if html_path is not None:
        # browsers refuse file:// links clicked on an http(s) page, so the path is given to copy as well
        lines += ["", f"HTML report (on the machine that ran the flow): `{html_path}`"]
    return "\n".join(lines)


def _where(line: dict[str, Any]) -> str:
    """`the run`, `loan L1`, or the documents of an anomaly on no loan."""
    return "the run" if line["run_level"] else f"loan {line['loan']}" if line["loan"] else ", ".join(line["documents"])


def report_table(summary: RunSummary) -> list[dict[str, Any]]:
    """One row per document, for a Prefect table artifact."""
    keep = ("source", "loan_id", "doc_type", "status", "reason", "min_dpi", "clarity", "ocr_confidence")
    return [{k: line[k] for k in keep} for line in map(document_line, summary.documents)]
