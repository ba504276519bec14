"""Alert rules: loading and validation, a run's figures, threshold edges, PII-free messages."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from loan_extractor.alerts import (
    AlertContext,
    AlertRule,
    AlertRulesError,
    Channel,
    Severity,
    Trigger,
    compose,
    evaluate_rules,
    load_rules,
    render_message,
    run_metrics,
    state_metrics,
)
from loan_extractor.models import Anomaly, Document, Reason, Status
from loan_extractor.run import RunSummary

REPO = Path(__file__).resolve().parents[1]
RUN_ID = "0d4c2a51-8f3e-4b7a-9c21-5e6f7a8b9c0d"
LINK = f"http://127.0.0.1:4200/runs/flow-run/{RUN_ID}"
SSN, ACCOUNT, NAME = "123-45-6789", "000123456789", "Maria Gonzalez"


def doc(i: int, status: Status, ocr: float | None = 0.9, reason: Reason | None = None) -> Document:
    """A finished document with personal data planted in every free-text place."""
    return Document(
        doc_id=f"d{i}", source=f"incoming/L-1001/{NAME} paystub {i}.pdf", local_path=f"/tmp/{NAME}.pdf",
        loan_id="L-1001", status=status, reason=reason, ocr_confidence=ocr,
        text=f"Employee {NAME} SSN {SSN} account {ACCOUNT}",
        fields={"employee_name": NAME, "ssn": SSN, "account_number": ACCOUNT},
    )


def summary(docs: list[Document], anomalies: tuple[Anomaly, ...] = (), bias: tuple[dict, ...] = ()) -> RunSummary:
    now = datetime.now(UTC)
    return RunSummary(
        run_id=RUN_ID, source=f"s3://loans/{NAME}", started_at=now, finished_at=now, config_digest="c0ffee",
        code_version="0.1.0", documents=tuple(docs), anomalies=anomalies, bias=bias,
    )


def rule(**overrides: object) -> AlertRule:
    base = {"name": "r", "metric": "failed_ratio", "comparison": ">", "threshold": 0.1, "severity": "high",
            "channels": ["slack", "email"], "message": "{failed} of {documents} failed; run {run_id} {run_link}"}
    return AlertRule.model_validate(base | overrides)


def write_rules(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "alert_rules.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# --- loading and validation -------------------------------------------------------------

def test_shipped_rules_load() -> None:
    rules = load_rules(REPO / "config" / "alert_rules.yaml")
    assert {r.name for r in rules.for_trigger(Trigger.FAILURE)} == {"run-failed"}
    assert all(Trigger.END in r.when for r in rules.for_trigger(Trigger.END))
    assert len(rules.rules) >= 5


@pytest.mark.parametrize(
    ("overrides", "complaint"),
    [
        ({"metric": "failed_percent"}, "unknown metric"),
        ({"comparison": "=>"}, "unknown comparison"),
        ({"severity": "urgent"}, "severity"),
        ({"channels": ["pager"]}, "channels"),
        ({"channels": []}, "channels"),
        ({"message": "{failed} of {docs}"}, "unknown placeholders docs"),
        ({"message": "{applicant_name} failed"}, "unknown placeholders applicant_name"),
        ({"message": "{failed_ratio:%Q}"}, "cannot render"),
        ({"message": "{failed"}, "does not parse"),
        ({"metric": "run_failed"}, "only on failure or crash"),
        ({"when": ["failure"]}, "on failure or crash only"),
        ({"name": "Bad Name"}, "name"),
        ({"threshold": "high"}, "threshold"),
        ({"extra": 1}, "extra"),
    ],
)
def test_invalid_rule_is_rejected(overrides: dict, complaint: str) -> None:
    with pytest.raises(ValueError, match=complaint):
        rule(**overrides)


def test_load_reports_file_and_every_problem(tmp_path: Path) -> None:
    path = write_rules(tmp_path, """
rules:
  - {name: a, metric: nope, comparison: ">", threshold: 1, severity: low, channels: [log], message: "x"}
  - {name: b, metric: failed, comparison: "~", threshold: 1, severity: low, channels: [log], message: "x"}
""")
    with pytest.raises(AlertRulesError) as caught:
        load_rules(path)
    text = str(caught.value)
    assert str(path) in text and "unknown metric 'nope'" in text and "unknown comparison '~'" in text


def test_duplicate_names_and_bare_on_key(tmp_path: Path) -> None:
    one = '{name: a, metric: failed, comparison: ">", threshold: 1, severity: low, channels: [log], message: "x"}'
    with pytest.raises(AlertRulesError, match="repeated: a"):
        load_rules(write_rules(tmp_path, f"rules:\n  - {one}\n  - {one}\n"))
    bare_on = "rules:\n  - name: a\n    metric: run_failed\n    comparison: '=='\n    threshold: 1\n" \
              "    severity: low\n    channels: [log]\n    message: x\n    on: [failure]\n"
    with pytest.raises(AlertRulesError, match="write `when:`"):
        load_rules(write_rules(tmp_path, bare_on))


def test_missing_or_broken_file(tmp_path: Path) -> None:
    with pytest.raises(AlertRulesError, match="cannot read"):
        load_rules(tmp_path / "absent.yaml")
    with pytest.raises(AlertRulesError, match="cannot read"):
        load_rules(write_rules(tmp_path, "rules: [unclosed"))


def test_rules_are_frozen() -> None:
    with pytest.raises(ValueError):
        rule().threshold = 5  # type: ignore[misc]


# --- metrics ------------------------------------------------------------------------------

def test_metrics_of_a_hand_made_run() -> None:
    docs = [doc(0, Status.PROCESSED, 0.9), doc(1, Status.PROCESSED, 0.7), doc(2, Status.NEEDS_REVIEW, 0.5),
            doc(3, Status.REJECTED, None, Reason.CORRUPT), doc(4, Status.FAILED, None, Reason.TOOL_FAILED)]
    anomalies = (Anomaly(kind="ssn_mismatch", severity="critical", message=f"{NAME} {SSN}"),
                 Anomaly(kind="income", severity="high", message="x"), Anomaly(kind="z", severity="HIGH", message="y"))
    bias = ({"ratio": 0.62, "compared": True}, {"ratio": 0.4, "compared": False}, {"ratio": None, "compared": True},
            {"ratio": 0.91, "compared": True})
    figures = run_metrics(summary(docs, anomalies, bias))
    assert figures["documents"] == 5 and figures["processed"] == 2 and figures["failed"] == 1
    assert figures["failed_ratio"] == 0.2 and figures["needs_review_ratio"] == 0.2 and figures["rejected_ratio"] == 0.2
    assert figures["mean_ocr_confidence"] == pytest.approx(0.7)  # the two documents without one do not count
    assert figures["anomalies"] == 3 and figures["anomalies.critical"] == 1 and figures["anomalies.high"] == 2
    assert figures["anomalies.low"] == 0
    assert figures["bias_min_ratio"] == 0.62  # the uncompared 0.4 is not a measured gap


def test_metrics_of_an_empty_run_are_unknown_not_zero() -> None:
    figures = run_metrics(summary([]))
    assert figures["documents"] == 0 and figures["failed_ratio"] is None
    assert figures["mean_ocr_confidence"] is None and figures["bias_min_ratio"] is None
    assert state_metrics(crashed=True) == {"run_failed": 1, "run_crashed": 1}
    assert state_metrics(crashed=False) == {"run_failed": 1, "run_crashed": 0}


# --- evaluation -------------------------------------------------------------------------------

def context(**metrics: float | None) -> AlertContext:
    return AlertContext(run_id=RUN_ID, run_link=LINK, metrics=metrics)


@pytest.mark.parametrize(
    ("comparison", "value", "fires"),
    [(">", 0.1, False), (">", 0.1001, True), (">=", 0.1, True), (">=", 0.0999, False),
     ("<", 0.1, False), ("<", 0.0999, True), ("<=", 0.1, True), ("==", 0.1, True), ("==", 0.2, False)],
)
def test_threshold_edges(comparison: str, value: float, fires: bool) -> None:
    alerts = evaluate_rules([rule(comparison=comparison, threshold=0.1)], context(failed_ratio=value, failed=1, documents=10))
    assert bool(alerts) is fires


def test_unknown_value_never_fires_and_order_is_by_severity() -> None:
    rules = [rule(name="low-one", severity="low", metric="documents", comparison=">=", threshold=0),
             rule(name="crit-one", severity="critical", metric="failed", comparison=">=", threshold=1),
             rule(name="never", metric="failed_ratio", comparison="<", threshold=1.0)]
    alerts = evaluate_rules(rules, context(documents=0, failed=1, failed_ratio=None))
    assert [a.rule for a in alerts] == ["crit-one", "low-one"]
    assert alerts[0].severity is Severity.CRITICAL and alerts[0].value == 1.0 and alerts[0].run_id == RUN_ID


def test_context_accepts_only_numbers_and_ids() -> None:
    with pytest.raises(ValueError):
        AlertContext(run_id=RUN_ID, metrics={"failed": "3"})  # type: ignore[dict-item]
    with pytest.raises(ValueError, match="unknown metrics"):
        AlertContext(run_id=RUN_ID, metrics={"applicant": 1})
    with pytest.raises(ValueError):
        AlertContext(run_id=f"{NAME}")
    with pytest.raises(ValueError):
        AlertContext(run_id=RUN_ID, flow_name=f"SSN {SSN}\nx")


# --- messages ----------------------------------------------------------------------------------

def test_messages_carry_counts_id_and_link_but_no_pii() -> None:
    docs = [doc(0, Status.FAILED, None, Reason.TOOL_FAILED), doc(1, Status.NEEDS_REVIEW), doc(2, Status.PROCESSED)]
    run = summary(docs, (Anomaly(kind="ssn_mismatch", severity="critical", message=f"{NAME} SSN {SSN}"),))
    ctx = AlertContext(run_id=RUN_ID, run_link=LINK, metrics=run_metrics(run))
    rules = load_rules(REPO / "config" / "alert_rules.yaml").for_trigger(Trigger.END)
    alerts = evaluate_rules(rules, ctx)
    assert {"failed-documents", "critical-anomalies"} <= {a.rule for a in alerts}
    subject, body = compose([a for a in alerts if Channel.EMAIL in a.channels], ctx)
    for text in [subject, body, *(a.message for a in alerts)]:
        assert RUN_ID in text
        for secret in (SSN, ACCOUNT, NAME, "Maria", "Gonzalez", "L-1001", "6789"):
            assert secret not in text
    assert LINK in body and "Documents: 3 (processed 1, needs review 1, rejected 0, failed 1)" in body
    assert "1 of 3 documents failed (33%" in body
    assert subject.startswith("[loan-extractor] CRITICAL failed-documents (+")


def test_number_safety_net_masks_long_numbers_but_keeps_the_run_id() -> None:
    digits_id = "12345678-1234-4234-8234-123456789012"  # a UUID whose groups are all digits
    ctx = AlertContext(run_id=digits_id, run_link=f"http://ui/runs/flow-run/{digits_id}", metrics={"documents": 123456789})
    text = render_message("{documents} documents, run {run_id} at {run_link}", ctx, {})
    assert text.startswith("***-**-6789 documents")  # nine digits are SSN-shaped
    assert f"run {digits_id} at http://ui/runs/flow-run/{digits_id}" in text


def test_state_alert_without_counts() -> None:
    ctx = AlertContext(run_id=RUN_ID, flow_name="document-processing-pipeline", state="Crashed",
                       metrics=state_metrics(crashed=True))
    crash_rule = rule(name="run-failed", metric="run_failed", comparison="==", threshold=1, when=["crash"],
                      message="{flow_name} ended {state}; {failed} failed; {run_link}")
    [alert] = evaluate_rules([crash_rule], ctx)
    assert alert.message.startswith("document-processing-pipeline ended Crashed; n/a failed; (no link")
    assert "Documents: not counted (the run ended Crashed)" in compose([alert], ctx)[1]
