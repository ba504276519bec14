"""`loan-extractor report RUN_ID`: write a stored run's HTML and JSON report again, from the database.

The run's manifest holds its full summary, so the report is the one the run wrote. Runs stored
before manifests existed are rebuilt from the `runs` row (`RunSummary.to_json()`): documents,
statuses, reasons, anomalies and the bias table, without the pages' quality figures or issue messages.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from loan_extractor.commands import EXIT_OK, database
from loan_extractor.settings import Settings


def register(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = verbs.add_parser("report", help="write a stored run's HTML and JSON report again")
    parser.add_argument("run_id", metavar="RUN_ID")
    parser.add_argument("--out", type=Path, help="reports folder (default: the data folder's reports)")
    parser.set_defaults(handler=report)


def report(args: argparse.Namespace, settings: Settings) -> int:
    """Write `<reports>/<RUN_ID>/report.{json,html}` and print their paths; 1 when the run is unknown."""
    from loan_extractor.stages.report import write_report

    with database(settings) as engine:  # an unknown run ends the command like a database behind the code
        summary = summary_for_report(engine, args.run_id)
    files = write_report(summary, args.out or settings.reports_dir)
    print(f"{files.html_path}\n{files.json_path}")
    return EXIT_OK


def summary_for_report(engine: Any, run_id: str) -> Any:
    """The run's summary: the manifest's, else rebuilt from the `runs` row; `LineageError` when neither exists."""
    from sqlalchemy import select

    from loan_extractor.db import RunRow, transient_db_errors
    from loan_extractor.lineage import LineageError, load_manifest, recorded_summary

    manifest = load_manifest(engine, run_id)
    if manifest is not None:
        return recorded_summary(manifest)
    with transient_db_errors(), engine.connect() as conn:
        row = conn.execute(select(RunRow).where(RunRow.run_id == run_id)).first()
    if row is None:
        raise LineageError(f"no run {run_id!r} in the database")
    return summary_from_json(row, row.summary)


def summary_from_json(row: Any, data: dict[str, Any]) -> Any:
    """A summary rebuilt from `RunSummary.to_json()` and the run row's own columns."""
    from loan_extractor.models import Anomaly, Document
    from loan_extractor.run import RunSummary

    docs = [
        Document(doc_id=f"doc-{i}", source=d["source"], local_path="", loan_id=d.get("loan_id"), pages=tuple(d.get("pages", [])),
                 doc_type=d.get("doc_type"), status=d.get("status"), reason=d.get("reason"))
        for i, d in enumerate(data.get("documents", []))
    ]  # fmt: skip
    by_source = {doc.source: doc.doc_id for doc in docs}
    anomalies = [
        Anomaly(kind=a["kind"], severity=a["severity"], message=a["message"], loan_id=a.get("loan_id"),
                documents=tuple(by_source.get(s, s) for s in a.get("documents", [])))
        for a in data.get("anomalies", [])
    ]  # fmt: skip
    return RunSummary(
        run_id=row.run_id, source=data.get("source", row.source), started_at=row.started_at, finished_at=row.finished_at,
        config_digest=row.config_digest, code_version=row.code_version, documents=tuple(docs),
        anomalies=tuple(anomalies), bias=tuple(data.get("bias", [])), ignored=tuple(data.get("ignored", [])),
    )  # fmt: skip
