from datetime import datetime, timezone
from pathlib import Path

from loan_extractor.models import Anomaly, Document, PageImage, Reason, Status
from loan_extractor.run import RunSummary
from loan_extractor.stages.report import report_markdown, report_table, write_report

NOW = datetime(2026, 1, 2, tzinfo=timezone.utc)


def _summary() -> RunSummary:
    page = PageImage(number=1, path="/w/p.png", width=10, height=10, dpi=300.0, clarity=0.9)
    good = Document(doc_id="a", source="/in/L1/w2.pdf", local_path="", loan_id="L1", pages=(1,), page_images=(page,), status=Status.PROCESSED)
    bad = Document(doc_id="b", source="/in/page.html", local_path="").with_issue("validate-input", Reason.UNSUPPORTED_FORMAT, "/in/page.html is an HTML page <script>")
    anomaly = Anomaly(kind="name_mismatch", severity="high", message="names differ", loan_id="L1", documents=("a",))
    return RunSummary(run_id="r1", source="/in", started_at=NOW, finished_at=NOW, config_digest="c", code_version="v",
                      documents=(good.model_copy(update={"anomalies": (anomaly,)}), bad), anomalies=(anomaly,),
                      bias=({"slice": "doc_type", "group": "w2", "count": 1},))


def test_report_files_hold_statuses_documents_and_anomalies(tmp_path: Path) -> None:
    files = write_report(_summary(), tmp_path)
    html = files.html_path.read_text()
    assert files.json_path.exists() and "r1" in files.json_path.read_text()
    assert "/in/L1/w2.pdf" in html and "unsupported_format" in html and "names differ" in html
    assert "<script>" not in html, "messages are escaped"
    assert ">None<" not in html, "missing figures are blank"


def test_markdown_and_table_artifacts() -> None:
    md = report_markdown(_summary(), Path("/r/report.html"))
    assert "| processed | 1 |" in md and "| rejected | 1 |" in md and "name_mismatch" in md and "/r/report.html" in md
    rows = report_table(_summary())
    assert [r["status"] for r in rows] == ["processed", "rejected"] and rows[0]["min_dpi"] == 300
