"""The HTML report's plots: one inline SVG per section, readable labels, no values, the same bytes every time."""

from __future__ import annotations

import re
from datetime import datetime, timezone

from loan_extractor.models import Anomaly, Document, PageImage, Reason, Status
from loan_extractor.run import RunSummary
from loan_extractor.spec import DocType
from loan_extractor.stages.report import render_html

NOW = datetime(2026, 1, 2, tzinfo=timezone.utc)
SSN, ACCOUNT, NAME = "123-45-6789", "40012345678901", "Zebulon Quackenbush"
SECTIONS = {"statuses": "Documents per status", "quality": "Scan quality per scanned document", "confidence": "Field confidence",
            "bias": "slice: doc_type"}  # fmt: skip


def _page(dpi: float, clarity: float) -> PageImage:
    return PageImage(number=1, path="/w/p.png", width=10, height=10, dpi=dpi, clarity=clarity)


def _doc(doc_id: str, doc_type: DocType, status: Status, dpi: float, clarity: float) -> Document:
    fields = {"employee_name": NAME, "employee_ssn_last4": SSN[-4:], "wages": 51234.5}
    return Document(doc_id=doc_id, source=f"/in/L1/{doc_id}.pdf", local_path="", loan_id="L1", pages=(1,), page_images=(_page(dpi, clarity),),
                    doc_type=doc_type, fields=fields, confidence={"employee_name": 0.9, "wages": 0.75}, status=status,
                    text=f"{NAME} SSN {SSN} account {ACCOUNT}")  # fmt: skip


def _bias_row(slice_: str, group: str, count: int, metric: str, value: float, compared: bool) -> dict:
    note = "2 groups of 3 or more compared" if compared else "fewer than 3 documents: not compared"
    return {"slice": slice_, "group": group, "count": count, "metric": metric, "value": value,
            "difference": 0.1 if compared else None, "ratio": 0.9 if compared else None, "compared": compared, "note": note}  # fmt: skip


def _summary(docs: tuple[Document, ...] = (), anomalies: tuple[Anomaly, ...] = (), bias: tuple[dict, ...] = ()) -> RunSummary:
    return RunSummary(run_id="r1", source="/in", started_at=NOW, finished_at=NOW, config_digest="c", code_version="v",
                      documents=docs, anomalies=anomalies, bias=bias)  # fmt: skip


def _full() -> RunSummary:
    docs = (
        _doc("a", DocType.W2, Status.PROCESSED, 300, 0.95),
        _doc("b", DocType.W2, Status.PROCESSED, 200, 0.7),
        _doc("c", DocType.W2, Status.NEEDS_REVIEW, 120, 0.2),
        Document(doc_id="d", source="/in/x.html", local_path="").with_issue("validate-input", Reason.UNSUPPORTED_FORMAT, f"x.html {SSN}"),
    )
    anomalies = (
        Anomaly(kind="outlier", severity="low", message="an unusual amount", documents=("a",)),
        Anomaly(kind="batch_drift", severity="medium", message="the whole run drifts"),
        Anomaly(kind="name_mismatch", severity="critical", message=f"account {ACCOUNT} differs", loan_id="L1", documents=("a", "b")),
    )
    bias = tuple(_bias_row("doc_type", g, n, m, v, n >= 3) for g, n in (("w2", 3), ("pay_stub", 1))
                 for m, v in (("validation_pass_rate", 0.67), ("mean_field_confidence", 0.61)))  # fmt: skip
    return _summary(docs, anomalies, bias)


def _section(html: str, name: str) -> str:
    return re.search(rf'<section id="{name}">(.*?)</section>', html, re.DOTALL).group(1)


def test_every_plot_section_has_an_svg_with_its_title() -> None:
    html = render_html(_full())
    for name, title in SECTIONS.items():
        section = _section(html, name)
        assert "<svg" in section and title in section, name
    assert html.count("<svg") == 4 and "<?xml" not in html and "<!DOCTYPE svg" not in html


def test_status_counts_and_bias_group_sizes_are_written() -> None:
    html = render_html(_full())
    statuses = _section(html, "statuses")
    for status, n in {"processed": 2, "needs_review": 1, "rejected": 1, "failed": 0}.items():
        assert re.search(rf"<text[^>]*>{n}</text>", statuses), f"{status} bar carries its count {n}"
        assert f'<td class="{status}">{status}</td><td>{n}</td>' in statuses
    bias = _section(html, "bias")
    assert "n=3" in bias and "n=1" in bias and "not compared" in bias
    assert "employee_name (3/3)" in _section(html, "confidence"), "a field's label says how many documents read it"


def test_anomalies_are_listed_most_severe_first_and_run_level_ones_say_run() -> None:
    html = render_html(_full())
    kinds = re.findall(r'<tr><td class="(\w+)">\1</td><td>(\w+)</td><td>([^<]*)</td>', _section(html, "anomalies"))
    assert kinds == [("critical", "name_mismatch", "L1"), ("medium", "batch_drift", "run"), ("low", "outlier", "")]


def test_no_field_value_ssn_or_account_number_reaches_the_report() -> None:
    html = render_html(_full())
    for planted in (SSN, ACCOUNT, NAME, "51234"):
        assert planted not in html


def test_an_empty_run_and_a_rejected_only_run_render_with_no_data_plots() -> None:
    rejected = Document(doc_id="d", source="/in/x.zip", local_path="").with_issue("validate-input", Reason.UNSUPPORTED_FORMAT, "x.zip is an archive")
    empty, rejected_only = render_html(_summary()), render_html(_summary((rejected,)))
    for html in (empty, rejected_only):
        assert html.count("<svg") == 4 and all("<svg" in _section(html, name) for name in SECTIONS)
        for name in ("quality", "confidence", "bias"):
            assert "no data" in _section(html, name), name
    assert "no data" in _section(empty, "statuses") and "<p>No documents.</p>" in empty
    assert "no data" not in _section(rejected_only, "statuses") and re.search(r"<text[^>]*>1</text>", _section(rejected_only, "statuses"))


def test_the_same_summary_renders_the_same_bytes() -> None:
    assert render_html(_full()) == render_html(_full())


def test_markdown_lists_anomalies_most_severe_first_and_names_the_report_path() -> None:
    from pathlib import Path

    from loan_extractor.stages.report import report_markdown

    md = report_markdown(_full(), Path("/r/run/report.html"))
    lines = [line for line in md.splitlines() if line.startswith("- **")]
    assert lines[0].startswith("- **critical** name_mismatch on loan L1") and ACCOUNT not in lines[0]
    assert lines[1] == "- **medium** batch_drift on the run: the whole run drifts"
    assert lines[2] == "- **low** outlier on /in/L1/a.pdf: an unusual amount"
    assert "`/r/run/report.html`" in md
