"""The scheduled quality report: anomalies and bias over the results stored in the last N days."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from prefect import flow, get_run_logger

from flows.pipeline import current_run_id, with_database_block
from loan_extractor.alerts import AlertSettings, load_rules
from loan_extractor.logs import configure_logging
from loan_extractor.settings import Settings
from tasks.alerts import send_run_alerts
from tasks.quality import analyse_period, load_stored_results, publish_quality_report
from tasks.storage import check_database


@flow(name="quality-report", description="Anomaly and bias analysis over the results stored in the last N days.")
def quality_report(days: int = 7, db_block: str | None = None, slack_block: str | None = None, email_block: str | None = None) -> dict[str, Any]:
    """Analyse the period's stored documents as one batch; report, and alert by the run rules."""
    if days < 1:
        raise ValueError(f"days must be 1 or more, not {days}")
    settings = with_database_block(Settings(), db_block)
    configure_logging(settings.log_format, settings.log_level, attach_handler=False)
    cfg = settings.pipeline_config()
    check_database(settings)
    rules = load_rules(AlertSettings().alert_rules_file)
    window = load_stored_results(settings, datetime.now(timezone.utc), days)
    summary = analyse_period(window, cfg, settings, current_run_id())
    files = publish_quality_report(summary, settings.reports_dir)
    alerts = send_run_alerts(summary, rules, slack_block=slack_block, email_block=email_block)
    get_run_logger().info("%s: %d documents, %d anomalies; report %s", summary.source, len(summary.documents), len(summary.anomalies), files.html_path)
    return {"period": summary.source, "runs": len(window.runs), "documents": len(summary.documents), "counts": summary.counts(),
            "anomalies": len(summary.anomalies), "report": str(files.html_path), "alerts": alerts}  # fmt: skip
