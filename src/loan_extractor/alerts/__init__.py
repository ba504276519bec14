"""Alerts by rule: rules as data, a run's figures, evaluation, PII-free messages, channels."""

from loan_extractor.alerts.channels import (
    ChannelError,
    SmtpConfig,
    post_webhook,
    send_email,
)
from loan_extractor.alerts.dispatch import (
    Delivery,
    Sender,
    compose,
    raise_alerts,
    send_alerts,
)
from loan_extractor.alerts.evaluate import Alert, evaluate_rules
from loan_extractor.alerts.gaps import gap_texts, widest_gap
from loan_extractor.alerts.metrics import run_metrics, state_metrics
from loan_extractor.alerts.render import AlertContext, render_message
from loan_extractor.alerts.rules import (
    AlertRule,
    AlertRules,
    AlertRulesError,
    Channel,
    Severity,
    Trigger,
    load_rules,
)
from loan_extractor.alerts.settings import AlertSettings

__all__ = [
    "Alert", "AlertContext", "AlertRule", "AlertRules", "AlertRulesError", "AlertSettings", "Channel",
    "ChannelError", "Delivery", "Sender", "Severity", "SmtpConfig", "Trigger", "compose", "evaluate_rules", "gap_texts",
    "load_rules", "post_webhook", "raise_alerts", "render_message", "run_metrics", "send_alerts", "send_email", "state_metrics", "widest_gap",
]
