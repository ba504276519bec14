"""Task: evaluate the alert rules on a finished run and send Slack, email and log alerts.

Channels come from Prefect blocks (a `prefect_slack.SlackWebhook`, the `AlertEmail` block of
blocks/alerts.py), else from LOAN_EXTRACTOR_SLACK_WEBHOOK_URL and LOAN_EXTRACTOR_SMTP_*; a
channel with neither is logged as not configured. Nothing here raises on a channel: alerts
never fail a run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import structlog
from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.urls import url_for
from pydantic import ValidationError

from blocks.alerts import load_email
from blocks.settings import BlockSettings
from loan_extractor.alerts import (
    AlertContext,
    AlertRules,
    AlertSettings,
    Channel,
    ChannelError,
    Sender,
    SmtpConfig,
    Trigger,
    gap_texts,
    load_rules,
    raise_alerts,
    run_metrics,
    send_email,
)
from loan_extractor.run import RunSummary

if TYPE_CHECKING:  # prefect_slack and slack_sdk load in ~0.25 s: a run imports them when it alerts
    from prefect_slack import SlackWebhook

log = structlog.get_logger("loan_extractor.alerts")


@task(
    name="alerts",
    description="Evaluate the alert rules on the run; send Slack, email and log alerts.",
    cache_policy=NO_CACHE,
)
def send_run_alerts(
    summary: RunSummary,
    rules: AlertRules | None = None,
    slack_block: str | None = None,
    email_block: str | None = None,
) -> dict[str, Any]:
    """The rules that fired and each channel's delivery (`sent`, `failed`, `not_configured`)."""
    settings = AlertSettings()
    rules = rules if rules is not None else load_rules(settings.alert_rules_file)
    context = alert_context(summary.run_id, run_metrics(summary), texts=gap_texts(summary))
    senders = channel_senders(settings, slack_block, email_block)
    alerts, outcomes = raise_alerts(rules, Trigger.END, context, senders)
    return {"fired": [alert.rule for alert in alerts], "deliveries": {c.value: o.value for c, o in outcomes.items()}}


def alert_context(run_id: str, metrics: dict[str, Any], flow_name: str | None = None, state: str | None = None,
                  texts: dict[str, str] | None = None) -> AlertContext:
    """The numbers-and-ids context of a run's messages, with its Prefect UI link when the URL is known
    and `texts` naming the bias table's widest gap (`gap_texts`)."""
    try:
        return AlertContext(run_id=run_id, run_link=run_link(run_id), flow_name=flow_name, state=state, metrics=metrics,
                            **(texts or {}))
    except ValidationError:
        # a link, name or text of an unexpected shape is dropped rather than losing the alert
        return AlertContext(run_id=run_id, metrics=metrics)


def run_link(run_id: str) -> str | None:
    """The flow run's page in the Prefect UI (from PREFECT_UI_URL, else PREFECT_API_URL), or None."""
    return url_for("flow-run", obj_id=run_id)


def channel_senders(settings: AlertSettings, slack_block: str | None = None, email_block: str | None = None) -> dict[Channel, Sender]:
    """A sender per configured channel: the named (or registered) block, else the environment settings.

    Block names default to `LOAN_EXTRACTOR_SLACK_BLOCK` / `_EMAIL_BLOCK`, else the names
    `loan-extractor blocks register` saves under; a block that does not exist falls back to
    LOAN_EXTRACTOR_SLACK_WEBHOOK_URL / LOAN_EXTRACTOR_SMTP_*. Never raises.
    """
    names = BlockSettings()
    senders: dict[Channel, Sender] = {}
    slack = _slack_webhook(slack_block or names.slack_block, settings)
    if slack is not None:
        senders[Channel.SLACK] = lambda subject, body: notify_slack(slack, body, settings.alert_timeout_seconds)
    smtp = _smtp_config(email_block or names.email_block, settings)
    if smtp is not None:
        senders[Channel.EMAIL] = lambda subject, body: send_email(smtp, subject, body)
    return senders


def notify_slack(webhook: SlackWebhook, text: str, timeout_seconds: float) -> None:
    """Post through the block's own client, with a timeout (`notify()` has none) and the status checked."""
    client = webhook.get_client(sync_client=True)
    client.timeout = max(1, round(timeout_seconds))
    response = client.send(text=text)
    if response.status_code >= 300:
        raise ChannelError(f"Slack webhook answered HTTP {response.status_code}")


def _slack_webhook(block_name: str, settings: AlertSettings) -> SlackWebhook | None:
    from prefect_slack import SlackWebhook

    try:
        return SlackWebhook.load(block_name)
    except Exception as exc:  # noqa: BLE001 - a missing block is a channel down, not a failed run
        _block_missing("slack", block_name, exc, fallback=settings.slack_webhook_url is not None)
    return SlackWebhook(url=settings.slack_webhook_url) if settings.slack_webhook_url is not None else None


def _smtp_config(block_name: str, settings: AlertSettings) -> SmtpConfig | None:
    try:
        return load_email(block_name, settings.alert_timeout_seconds)
    except Exception as exc:  # noqa: BLE001 - a missing or unusable block is a channel down
        _block_missing("email", block_name, exc, fallback=settings.smtp_config() is not None)
    return settings.smtp_config()


def _block_missing(channel: str, block_name: str, exc: Exception, fallback: bool) -> None:
    # the exception's text is not logged: a block's validation error can quote its fields
    if fallback:
        log.info("alert block not loaded; using environment settings", channel=channel, block=block_name, error=type(exc).__name__)
    else:
        # a channel nobody configured (a local run) is not a fault: its alerts report `not_configured`
        log.info("alert channel not configured: no block, no environment settings", channel=channel, block=block_name)
