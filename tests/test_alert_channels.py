"""Alert channels against real local receivers: an HTTP webhook server and an aiosmtpd SMTP server.

A breach of several rules sends exactly one Slack message and one email; a receiver that is
down or silent is logged as failed and never fails the evaluation, the task or the flow.
"""

from __future__ import annotations

import json
import logging
import socket
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from loan_extractor.alerts import (
    AlertContext,
    AlertRules,
    Channel,
    ChannelError,
    Delivery,
    SmtpConfig,
    Trigger,
    load_rules,
    post_webhook,
    raise_alerts,
    run_metrics,
    send_email,
)
from loan_extractor.logs import LOGGER_NAME, configure_logging
from loan_extractor.models import Anomaly, Document, Reason, Status
from loan_extractor.run import RunSummary

pytestmark = pytest.mark.receivers

REPO = Path(__file__).resolve().parents[1]
SSN, ACCOUNT, NAME = "123-45-6789", "000123456789", "Maria Gonzalez"
TOKEN = "secret-token"  # the path secret of the receiver's webhook URL


def breaching_run(run_id: str = "0d4c2a51-8f3e-4b7a-9c21-5e6f7a8b9c0d") -> RunSummary:
    """Two of four documents failed, one critical anomaly: several rules fire. PII planted everywhere."""
    def doc(i: int, status: Status, reason: Reason | None = None) -> Document:
        return Document(doc_id=f"d{i}", source=f"{NAME} W-2 {i}.pdf", local_path="/tmp/x", loan_id="L-1001",
                        status=status, reason=reason, ocr_confidence=0.6, text=f"{NAME} {SSN} {ACCOUNT}",
                        fields={"employee_name": NAME, "ssn": SSN, "account_number": ACCOUNT})
    now = datetime.now(UTC)
    return RunSummary(
        run_id=run_id, source="incoming", started_at=now, finished_at=now, config_digest="c", code_version="0",
        documents=(doc(0, Status.FAILED, Reason.TOOL_FAILED), doc(1, Status.FAILED, Reason.INTERNAL_ERROR),
                   doc(2, Status.PROCESSED), doc(3, Status.NEEDS_REVIEW, Reason.LOW_CONFIDENCE)),
        anomalies=(Anomaly(kind="ssn_mismatch", severity="critical", message=f"{NAME}: SSN {SSN} differs"),),
    )


def assert_clean(text: str) -> None:
    for secret in (SSN, ACCOUNT, NAME, "Gonzalez", "L-1001", TOKEN, "hunter2"):
        assert secret not in text


def smtp_config(port: int, timeout: float = 5.0) -> SmtpConfig:
    return SmtpConfig(host="127.0.0.1", port=port, sender="alerts@loans.test", recipients=("ops@loans.test",),
                      starttls=False, timeout_seconds=timeout)


@pytest.fixture
def shipped_rules() -> AlertRules:
    return load_rules(REPO / "config" / "alert_rules.yaml")


@pytest.fixture
def alert_logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """The project's structlog lines as JSON records caplog can read.

    caplog's handler goes on the project's logger itself: once a flow has run, Prefect's logging
    setup has stopped that logger propagating to the root, where caplog listens by default.
    """
    configure_logging("json", "INFO", attach_handler=False)
    logger = logging.getLogger(LOGGER_NAME)
    propagate, logger.propagate = logger.propagate, False  # each line once, whoever configured logging
    logger.addHandler(caplog.handler)
    with caplog.at_level(logging.INFO, logger=LOGGER_NAME):
        yield caplog
    logger.removeHandler(caplog.handler)
    logger.propagate = propagate


def events(caplog: pytest.LogCaptureFixture) -> list[dict]:
    return [json.loads(r.getMessage()) for r in caplog.records if r.name.startswith(LOGGER_NAME)]


# --- the plain clients -----------------------------------------------------------------------

def test_webhook_post_is_json_text(webhook_receiver) -> None:
    post_webhook(webhook_receiver.url, "hello", timeout_seconds=5)
    assert webhook_receiver.wait_for(1)
    [post] = webhook_receiver.posts
    assert post["json"] == {"text": "hello"} and post["headers"]["Content-Type"] == "application/json"


def test_webhook_errors_name_no_url(webhook_receiver, closed_port: int) -> None:
    webhook_receiver.status = 500
    with pytest.raises(ChannelError, match="HTTP 500") as answered:
        post_webhook(webhook_receiver.url, "x", timeout_seconds=5)
    with pytest.raises(ChannelError, match="unreachable") as down:
        post_webhook(f"http://127.0.0.1:{closed_port}/hook/{TOKEN}", "x", timeout_seconds=5)
    assert TOKEN not in str(answered.value) + str(down.value)


def test_silent_receiver_times_out() -> None:
    with socket.socket() as listener:  # accepts connections into its backlog, never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        started = time.monotonic()
        with pytest.raises(ChannelError):
            post_webhook(f"http://127.0.0.1:{listener.getsockname()[1]}/hook", "x", timeout_seconds=0.5)
    assert time.monotonic() - started < 3


def test_email_reaches_smtp_server(smtp_receiver, closed_port: int) -> None:
    send_email(smtp_config(smtp_receiver.port), "[loan-extractor] HIGH r", "body line")
    assert smtp_receiver.wait_for(1)
    [message] = smtp_receiver.messages
    assert message["Subject"] == "[loan-extractor] HIGH r" and message["To"] == "ops@loans.test"
    assert message.get_content().strip() == "body line"
    assert smtp_receiver.envelopes == [("alerts@loans.test", ["ops@loans.test"])]
    with pytest.raises(ChannelError, match="unreachable"):
        send_email(smtp_config(closed_port), "s", "b")


def test_starttls_against_a_server_without_it_is_a_channel_error(smtp_receiver) -> None:
    config = smtp_config(smtp_receiver.port).model_copy(update={"starttls": True})
    with pytest.raises(ChannelError, match="SMTP error"):
        send_email(config, "s", "b")
    assert smtp_receiver.messages == []


# --- one message per channel per run --------------------------------------------------------

def senders(webhook_url: str, smtp: SmtpConfig) -> dict:
    return {Channel.SLACK: lambda subject, body: post_webhook(webhook_url, body, 5),
            Channel.EMAIL: lambda subject, body: send_email(smtp, subject, body)}


def test_breach_of_several_rules_sends_one_slack_message_and_one_email(
    shipped_rules, webhook_receiver, smtp_receiver, alert_logs
) -> None:
    run = breaching_run()
    context = AlertContext(run_id=run.run_id, run_link=f"http://127.0.0.1:4200/runs/flow-run/{run.run_id}",
                           metrics=run_metrics(run))
    alerts, outcomes = raise_alerts(shipped_rules, Trigger.END, context, senders(webhook_receiver.url, smtp_config(smtp_receiver.port)))
    assert {"failed-documents", "critical-anomalies", "low-ocr-confidence"} <= {a.rule for a in alerts}
    assert outcomes == {Channel.LOG: Delivery.SENT, Channel.SLACK: Delivery.SENT, Channel.EMAIL: Delivery.SENT}
    assert webhook_receiver.wait_for(1) and smtp_receiver.wait_for(1)
    time.sleep(0.2)  # a second message, if any, would have arrived by now
    assert len(webhook_receiver.posts) == 1 and len(smtp_receiver.messages) == 1
    [text], [mail] = webhook_receiver.texts(), smtp_receiver.messages
    assert "failed-documents" in text and "critical-anomalies" in text and "low-ocr-confidence" in text
    assert "low-ocr-confidence" not in mail.get_content()  # that rule goes to slack and log only
    assert mail["Subject"].startswith("[loan-extractor] CRITICAL failed-documents (+1 more): run ")
    for body in (text, mail.get_content()):
        assert run.run_id in body and "2 of 4 documents failed" in body
        assert "Documents: 4 (processed 1, needs review 1, rejected 0, failed 2)" in body
    assert run.run_id in mail["Subject"]
    for sent in (text, mail.get_content(), mail["Subject"]):
        assert_clean(sent)
    logged = [e for e in events(alert_logs) if e["event"] == "alert"]
    assert {e["rule"] for e in logged} == {a.rule for a in alerts}
    assert_clean(json.dumps(events(alert_logs)))


def test_receiver_down_is_logged_and_the_other_channel_still_sends(
    shipped_rules, webhook_receiver, smtp_receiver, alert_logs
) -> None:
    run = breaching_run()
    context = AlertContext(run_id=run.run_id, metrics=run_metrics(run))
    webhook_receiver.stop()  # killed: the port is closed
    alerts, outcomes = raise_alerts(shipped_rules, Trigger.END, context, senders(webhook_receiver.url, smtp_config(smtp_receiver.port)))
    assert alerts and outcomes[Channel.SLACK] is Delivery.FAILED and outcomes[Channel.EMAIL] is Delivery.SENT
    assert smtp_receiver.wait_for(1)
    [failure] = [e for e in events(alert_logs) if e["event"] == "alert channel failed"]
    assert failure["channel"] == "slack" and failure["level"] == "error" and failure["run_id"] == run.run_id
    assert TOKEN not in json.dumps(failure)


def test_unconfigured_channel_is_logged_not_raised(shipped_rules, alert_logs) -> None:
    run = breaching_run()
    _, outcomes = raise_alerts(shipped_rules, Trigger.END, AlertContext(run_id=run.run_id, metrics=run_metrics(run)), {})
    assert outcomes[Channel.SLACK] is Delivery.NOT_CONFIGURED and outcomes[Channel.LOG] is Delivery.SENT
    assert any(e["event"] == "alert channel not configured" for e in events(alert_logs))


# --- the Prefect task and the state hooks, on the session's Prefect server -------------------

@pytest.fixture
def alert_env(monkeypatch, tmp_path, webhook_receiver, smtp_receiver) -> Path:
    """Channels from the environment (no blocks) and a rules file with a failure/crash rule."""
    rules = tmp_path / "alert_rules.yaml"
    rules.write_text((REPO / "config" / "alert_rules.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    for name, value in {
        "ALERT_RULES_FILE": str(rules), "SLACK_WEBHOOK_URL": webhook_receiver.url, "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(smtp_receiver.port), "SMTP_FROM": "alerts@loans.test", "SMTP_TO": "ops@loans.test, risk@loans.test",
        "SMTP_STARTTLS": "false", "ALERT_TIMEOUT_SECONDS": "3", "DATABASE_URL": "postgresql://u:hunter2@127.0.0.1/db",
    }.items():
        monkeypatch.setenv(f"LOAN_EXTRACTOR_{name}", value)
    for name in ("SLACK_BLOCK", "EMAIL_BLOCK"):  # no such block: the environment settings apply
        monkeypatch.setenv(f"LOAN_EXTRACTOR_{name}", f"absent-{uuid.uuid4().hex[:8]}")
    return rules


def test_task_in_a_flow_sends_through_the_registered_blocks(prefect_server, alert_env, webhook_receiver, smtp_receiver) -> None:
    from prefect import flow
    from prefect.context import FlowRunContext
    from prefect_email import EmailServerCredentials, SMTPType
    from prefect_slack import SlackWebhook

    from blocks.alerts import AlertEmail
    from tasks.alerts import send_run_alerts

    slack, email = f"alerts-slack-{uuid.uuid4().hex[:8]}", f"alerts-email-{uuid.uuid4().hex[:8]}"
    SlackWebhook(url=webhook_receiver.url).save(slack)
    server = EmailServerCredentials(smtp_server="127.0.0.1", smtp_port=smtp_receiver.port, smtp_type=SMTPType.INSECURE)
    AlertEmail(server=server, sender="blocks@loans.test", recipients=["desk@loans.test"]).save(email)

    @flow(name="alerts-task-test")
    def run_with_alerts() -> tuple[str, dict]:
        run_id = str(FlowRunContext.get().flow_run.id)
        return run_id, send_run_alerts(breaching_run(run_id), slack_block=slack, email_block=email)

    run_id, outcome = run_with_alerts()
    assert outcome["deliveries"] == {"log": "sent", "slack": "sent", "email": "sent"}
    assert "failed-documents" in outcome["fired"]
    assert webhook_receiver.wait_for(1) and smtp_receiver.wait_for(1)
    time.sleep(0.2)
    assert len(webhook_receiver.posts) == 1 and len(smtp_receiver.messages) == 1
    [text] = webhook_receiver.texts()
    assert f"/runs/flow-run/{run_id}" in text and text.startswith("3 alert(s) for run")
    assert smtp_receiver.envelopes == [("blocks@loans.test", ["desk@loans.test"])]  # the block's, not the env's
    assert_clean(text + smtp_receiver.messages[0].as_string())


def test_task_in_a_flow_falls_back_to_environment_settings(prefect_server, alert_env, webhook_receiver, smtp_receiver) -> None:
    from prefect import flow

    from tasks.alerts import send_run_alerts

    @flow(name="alerts-task-env-test")
    def run_with_alerts() -> dict:
        return send_run_alerts(breaching_run())

    assert run_with_alerts()["deliveries"] == {"log": "sent", "slack": "sent", "email": "sent"}
    assert webhook_receiver.wait_for(1) and smtp_receiver.wait_for(1)
    assert smtp_receiver.envelopes == [("alerts@loans.test", ["ops@loans.test", "risk@loans.test"])]


def test_task_with_slack_down_completes(prefect_server, alert_env, webhook_receiver, smtp_receiver) -> None:
    from prefect import flow

    from tasks.alerts import send_run_alerts

    webhook_receiver.stop()

    @flow(name="alerts-task-down-test")
    def run_with_alerts() -> dict:
        return send_run_alerts(breaching_run())

    state = run_with_alerts(return_state=True)
    assert state.is_completed()
    assert state.result()["deliveries"] == {"log": "sent", "slack": "failed", "email": "sent"}
    assert smtp_receiver.wait_for(1)


class Interrupted(BaseException):
    """Not an Exception: Prefect records the flow run as Crashed."""


def _hooked_flows():
    from prefect import flow
    from prefect.states import Failed

    from flows.hooks import alert_on_crash, alert_on_failure

    hooks = {"on_failure": [alert_on_failure], "on_crashed": [alert_on_crash]}

    @flow(name="alerts-hook-test", **hooks)
    def raises() -> None:
        raise RuntimeError(f"parse error for {NAME}, SSN {SSN}, account {ACCOUNT}")

    @flow(name="alerts-hook-test", **hooks)
    def decides() -> object:
        return Failed(message="2 document(s) failed", data={"counts": {"failed": 2}})

    @flow(name="alerts-hook-test", **hooks)
    def crashes() -> None:
        raise Interrupted()

    return raises, decides, crashes


def test_hooks_alert_on_failure_and_crash_but_not_on_a_decided_failure(
    prefect_server, alert_env, webhook_receiver, smtp_receiver
) -> None:
    raises, decides, crashes = _hooked_flows()
    failed = raises(return_state=True)
    assert failed.is_failed()
    assert webhook_receiver.wait_for(1) and smtp_receiver.wait_for(1)
    [text] = webhook_receiver.texts()
    assert "run-failed" in text and "alerts-hook-test ended Failed" in text and "Documents: not counted" in text
    assert smtp_receiver.messages[0]["Subject"].startswith("[loan-extractor] CRITICAL run-failed: run ")
    assert_clean(text + smtp_receiver.messages[0].as_string())

    assert decides(return_state=True).is_failed()
    time.sleep(0.3)
    assert len(webhook_receiver.posts) == 1, "a failure decided after the end-of-run alerts alerts nothing more"

    with pytest.raises(Interrupted):
        crashes()
    assert webhook_receiver.wait_for(2) and smtp_receiver.wait_for(2)
    assert "ended Crashed" in webhook_receiver.texts()[1]


def test_hook_with_receivers_down_never_raises(
    prefect_server, alert_env, webhook_receiver, closed_port, monkeypatch, alert_logs
) -> None:
    monkeypatch.setenv("LOAN_EXTRACTOR_SMTP_PORT", str(closed_port))
    webhook_receiver.stop()
    raises, _, _ = _hooked_flows()
    state = raises(return_state=True)
    assert state.is_failed() and "RuntimeError" in state.message
    failures = [e for e in events(alert_logs) if e.get("event") == "alert channel failed"]
    assert sorted(e["channel"] for e in failures) == ["email", "slack"]
    [done] = [e for e in events(alert_logs) if e.get("event") == "alerts evaluated"]
    assert done["trigger"] == "failure" and done["deliveries"] == {"log": "sent", "slack": "failed", "email": "failed"}
