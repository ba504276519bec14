"""A planted disparity through the real stages: names with diacritics printed on blurred 150 DPI scans,
ASCII names on clean text-layer PDFs. The bias table must flag `name_script` and the `extraction-gap`
rule must fire; the same borrowers all printed clean must not fire it."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from loan_extractor.alerts import (
    AlertContext,
    Channel,
    Trigger,
    gap_texts,
    load_rules,
    post_webhook,
    raise_alerts,
    run_metrics,
)
from loan_extractor.config import BiasConfig, PipelineConfig, load_config
from loan_extractor.models import Document
from loan_extractor.pipeline import process_files
from loan_extractor.run import RunSummary
from loan_extractor.samples.degrade import Degradation
from loan_extractor.samples.draw import Style
from loan_extractor.samples.evaluation_set import Part, PlannedFile, write_planned_file
from loan_extractor.samples.names import ASCII, DIACRITICS
from loan_extractor.samples.variety import make_borrower_docs
from loan_extractor.stages.bias import check_bias
from loan_extractor.stages.store import document_key

pytestmark = pytest.mark.tesseract

REPO = Path(__file__).resolve().parents[1]
CFG = load_config(REPO / "config" / "pipeline.yaml")
TODAY = date(2026, 6, 1)
BLURRED_150 = Degradation("png", 150, 0.0, 0, 10.0, 1.5, 75)


def write_pay_stubs(out: Path, planted: bool) -> tuple[list[Path], dict[str, dict]]:
    """Six pay stubs, names alternating ASCII / diacritics; with `planted`, the diacritics ones are scanned badly.
    Returns the files and each file's true fields by name."""
    rng = random.Random(5)
    paths, truth = [], {}
    for i in range(6):
        script = DIACRITICS if i % 2 else ASCII
        stub = make_borrower_docs(rng, script, 2025)[0]["pay_stub"]
        scan = BLURRED_150 if planted and script == DIACRITICS else None
        part = Part(stub, "earnings_table", Style(font="DejaVu"), (1, 1))
        planned = PlannedFile(f"{script}_{i}{'.png' if scan else '.pdf'}", (part,), scan, 100 + i)
        paths.append(write_planned_file(out, planned))
        truth[paths[-1].name] = dict(stub.fields)
    return paths, truth


def run_summary(docs: list[Document], bias: list) -> RunSummary:
    now = datetime.now(UTC)
    return RunSummary(run_id="planted-run", source="tests", started_at=now, finished_at=now, config_digest="c",
                      code_version="v", documents=tuple(docs), bias=tuple(row.model_dump() for row in bias))


def processed(tmp_path_factory: pytest.TempPathFactory, planted: bool) -> tuple[list[Document], dict[str, dict]]:
    paths, by_name = write_pay_stubs(tmp_path_factory.mktemp("planted" if planted else "clean"), planted)
    docs = process_files(paths, CFG, 2, TODAY)
    return docs, {document_key(doc): by_name[Path(doc.source).name] for doc in docs}


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Document], dict[str, dict]]:
    return processed(tmp_path_factory, planted=True)


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Document], dict[str, dict]]:
    return processed(tmp_path_factory, planted=False)


def test_the_table_flags_name_script_with_its_compared_groups(planted) -> None:
    docs, truth = planted
    rows = [row for row in check_bias(docs, CFG, truth) if row.slice == "name_script"]
    assert {(row.group, row.count) for row in rows if row.compared} == {("ascii", 3), ("latin_diacritics", 3)}
    assert {row.metric for row in rows} == {"validation_pass_rate", "mean_field_confidence", "needs_review_rate",
                                            "field_accuracy"}
    flagged = {row.metric for row in rows if row.ratio is not None and row.ratio < 0.8}
    assert "validation_pass_rate" in flagged
    passing = {row.group: row.value for row in rows if row.metric == "validation_pass_rate"}
    assert passing["ascii"] == 1.0 and passing["latin_diacritics"] < 0.8
    accuracy = {row.group: row.value for row in rows if row.metric == "field_accuracy"}
    assert accuracy["ascii"] == 1.0 and accuracy["latin_diacritics"] < 1.0


def test_the_extraction_gap_alert_fires_and_names_the_slice(planted, webhook_receiver) -> None:
    docs, truth = planted
    cfg = PipelineConfig(bias=BiasConfig(slices=("doc_type", "name_script")))  # all pay stubs: only the names split
    summary = run_summary(docs, check_bias(docs, cfg, truth))
    assert run_metrics(summary)["bias_min_ratio"] < 0.8
    context = AlertContext(run_id=summary.run_id, metrics=run_metrics(summary), **gap_texts(summary))
    rules = load_rules(REPO / "config" / "alert_rules.yaml")
    senders = {Channel.SLACK: lambda subject, body: post_webhook(webhook_receiver.url, body, 5.0)}
    alerts, outcomes = raise_alerts(rules, Trigger.END, context, senders)
    gap = next(alert for alert in alerts if alert.rule == "extraction-gap")
    assert set(gap.channels) == {Channel.SLACK, Channel.LOG} and outcomes[Channel.SLACK].value == "sent"
    assert webhook_receiver.wait_for(1)
    (text,) = webhook_receiver.texts()
    assert "extraction-gap" in text and "by name_script" in text
    assert "latin_diacritics" in text and "(n=3)" in text and "ascii 1.00 (n=3)" in text


def test_the_same_borrowers_printed_clean_raise_no_gap(clean) -> None:
    docs, truth = clean
    rows = check_bias(docs, CFG, truth)
    names = [row for row in rows if row.slice == "name_script" and row.compared]
    assert {(row.group, row.count) for row in names} == {("ascii", 3), ("latin_diacritics", 3)}
    summary = run_summary(docs, rows)
    figures = run_metrics(summary)
    assert figures["bias_min_ratio"] is not None and figures["bias_min_ratio"] >= 0.8
    context = AlertContext(run_id=summary.run_id, metrics=figures, **gap_texts(summary))
    alerts, _ = raise_alerts(load_rules(REPO / "config" / "alert_rules.yaml"), Trigger.END, context, {})
    assert "extraction-gap" not in {alert.rule for alert in alerts}
