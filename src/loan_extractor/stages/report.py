"""Stage 9: report. A JSON and an HTML report file per run, plus the text of the run's artifacts."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from statistics import fmean
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from loan_extractor.models import Anomaly, Document
from loan_extractor.run import RunSummary


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
    """The run's HTML report (statuses, documents, anomalies, bias table, validation failures)."""
    env = Environment(loader=PackageLoader("loan_extractor", "templates"), autoescape=select_autoescape(["html"]))
    env.filters["source_of"] = summary._source_of
    env.filters["blank"] = lambda value: "" if value is None else value
    counts = summary.counts()
    bias_columns = list(summary.bias[0].keys()) if summary.bias else []
    return env.get_template("report.html").render(
        s=summary,
        counts=counts,
        total=sum(counts.values()),
        reasons=summary.reasons(),
        docs=[document_line(doc) for doc in summary.documents],
        bias_columns=bias_columns,
    )


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
        "messages": [issue.message for issue in doc.issues] + [a.message for a in doc.anomalies],
    }


def report_markdown(summary: RunSummary, html_path: Path | None = None) -> str:
    """The run summary as markdown, for a Prefect markdown artifact."""
    lines = [f"# Run {summary.run_id}", "", f"Source: `{summary.source}`", "", "| status | documents |", "|---|---|"]
    lines += [f"| {status} | {n} |" for status, n in summary.counts().items()]
    if summary.reasons():
        lines += ["", "| reason | documents |", "|---|---|"]
        lines += [f"| {reason} | {n} |" for reason, n in sorted(summary.reasons().items())]
    lines += ["", f"## Anomalies ({len(summary.anomalies)})", ""]
    lines += [f"- **{a.severity}** {a.kind} {_scope(a)}: {a.message}" for a in summary.anomalies] or ["None found."]
    if html_path is not None:
        lines += ["", f"HTML report: `{html_path}`"]
    return "\n".join(lines)


def _scope(anomaly: Anomaly) -> str:
    """What an anomaly is about: a loan, the run as a whole, or a document outside any loan."""
    if anomaly.loan_id:
        return f"on loan {anomaly.loan_id}"
    return "for the whole run" if anomaly.is_run_level else "without a loan"


def report_table(summary: RunSummary) -> list[dict[str, Any]]:
    """One row per document, for a Prefect table artifact."""
    keep = ("source", "loan_id", "doc_type", "status", "reason", "min_dpi", "clarity", "ocr_confidence")
    return [{k: line[k] for k in keep} for line in map(document_line, summary.documents)]
