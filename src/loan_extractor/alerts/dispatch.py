"""One message per channel per run, holding every alert bound for it; a failing channel is only logged.

Slack and email go through senders handed in (a callable taking subject and body), so the same
code sends with plain HTTP/SMTP clients or with Prefect blocks; the log channel is built in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from enum import StrEnum

import structlog

from loan_extractor.alerts.evaluate import Alert, evaluate_rules
from loan_extractor.alerts.render import NO_LINK, AlertContext, mask_keeping_ids
from loan_extractor.alerts.rules import AlertRules, Channel, Severity, Trigger
from loan_extractor.logs import mask_numbers

log = structlog.get_logger("loan_extractor.alerts")

Sender = Callable[[str, str], None]  # (subject, body); raises on failure
COUNTS = ("documents", "processed", "needs_review", "rejected", "failed")
_URGENT = (Severity.CRITICAL, Severity.HIGH)


class Delivery(StrEnum):
    SENT = "sent"
    FAILED = "failed"
    NOT_CONFIGURED = "not_configured"


def compose(alerts: Sequence[Alert], context: AlertContext) -> tuple[str, str]:
    """Subject (most severe alert's severity and rule, the run id) and body (every alert, counts, link)."""
    top = alerts[0]
    more = f" (+{len(alerts) - 1} more)" if len(alerts) > 1 else ""
    subject = mask_keeping_ids(f"[loan-extractor] {top.severity.value.upper()} {top.rule}{more}: run {context.run_id}", context)
    lines = [f"{len(alerts)} alert(s) for run {context.run_id}", f"Run: {context.run_link or NO_LINK}"]
    lines.append(counts_line(context))
    lines += [f"- {alert.severity.value.upper()} {alert.rule}: {alert.message}" for alert in alerts]
    # the messages were masked when rendered; the frame is masked too, ids kept intact
    return subject, mask_keeping_ids("\n".join(lines), context)


def counts_line(context: AlertContext) -> str:
    """`Documents: 12 (processed 8, ...)`, or a note that the run ended before counting."""
    figures = context.metrics
    if figures.get("documents") is None:
        return f"Documents: not counted (the run ended {context.state or 'early'})"
    parts = ", ".join(f"{name.replace('_', ' ')} {figures.get(name, 0)}" for name in COUNTS[1:])
    return f"Documents: {figures['documents']} ({parts})"


def send_alerts(alerts: Sequence[Alert], context: AlertContext, senders: Mapping[Channel, Sender]) -> dict[Channel, Delivery]:
    """Log every alert, then send each other channel one message with all its alerts.

    Never raises: a sender that fails (receiver down, timeout, SMTP error) is logged as failed,
    a channel with alerts but no sender is logged as not configured.
    """
    outcomes: dict[Channel, Delivery] = {}
    for channel in (Channel.LOG, Channel.SLACK, Channel.EMAIL):  # the log line first, whatever happens next
        bound = [alert for alert in alerts if channel in alert.channels]
        if not bound:
            continue
        if channel is Channel.LOG:
            log_alerts(bound)
            outcomes[channel] = Delivery.SENT
        else:
            outcomes[channel] = _deliver(channel, senders.get(channel), bound, context)
    return outcomes


def log_alerts(alerts: Sequence[Alert]) -> None:
    """One log line per alert: error for critical and high, warning for medium and low."""
    for alert in alerts:
        emit = log.error if alert.severity in _URGENT else log.warning
        emit("alert", rule=alert.rule, severity=alert.severity.value, run_id=alert.run_id, alert_message=alert.message)


def _deliver(channel: Channel, sender: Sender | None, alerts: list[Alert], context: AlertContext) -> Delivery:
    rules = [alert.rule for alert in alerts]
    if sender is None:
        log.warning("alert channel not configured", channel=channel.value, rules=rules, run_id=context.run_id)
        return Delivery.NOT_CONFIGURED
    subject, body = compose(alerts, context)
    try:
        sender(subject, body)
    except Exception as exc:  # noqa: BLE001 - a channel never fails the run
        log.error("alert channel failed", channel=channel.value, rules=rules, run_id=context.run_id,
                  error=type(exc).__name__, detail=_scrub(str(exc)))
        return Delivery.FAILED
    log.info("alert sent", channel=channel.value, rules=rules, run_id=context.run_id)
    return Delivery.SENT


def _scrub(text: str) -> str:
    """An error text without URLs (a webhook URL holds its token) or long numbers."""
    return mask_numbers(re.sub(r"\w+://\S+", "<url>", text))[:300]


def raise_alerts(
    rules: AlertRules, trigger: Trigger, context: AlertContext, senders: Mapping[Channel, Sender]
) -> tuple[list[Alert], dict[Channel, Delivery]]:
    """Evaluate the rules of this occasion on the context and send what fires; never raises on a channel."""
    alerts = evaluate_rules(rules.for_trigger(trigger), context)
    outcomes = send_alerts(alerts, context, senders) if alerts else {}
    log.info("alerts evaluated", trigger=trigger.value, run_id=context.run_id, fired=[a.rule for a in alerts],
             deliveries={channel.value: outcome.value for channel, outcome in outcomes.items()})
    return alerts, outcomes
