"""Which rules fire for a run, and the alert each one raises."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from loan_extractor.alerts.render import AlertContext, render_message
from loan_extractor.alerts.rules import AlertRule, Channel, Severity


class Alert(BaseModel):
    """One fired rule: its severity, where it goes, the figure that broke it and its message."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule: str
    severity: Severity
    channels: tuple[Channel, ...]
    metric: str
    comparison: str
    value: float
    threshold: float
    message: str
    run_id: str


def evaluate_rules(rules: Iterable[AlertRule], context: AlertContext) -> list[Alert]:
    """The alerts of the rules whose comparison holds on the context's metrics, most severe first.

    A metric the context does not have, or whose value is unknown (None: a ratio of an empty
    run, a mean with nothing to average), never fires.
    """
    fired = []
    for rule in rules:
        value = context.metrics.get(rule.metric)
        if value is not None and rule.holds(value):
            fired.append(_alert(rule, float(value), context))
    return sorted(fired, key=lambda alert: alert.severity.rank)


def _alert(rule: AlertRule, value: float, context: AlertContext) -> Alert:
    figures = {
        "rule": rule.name,
        "severity": rule.severity.value,
        "metric": rule.metric,
        "comparison": rule.comparison,
        "value": context.metrics[rule.metric],
        "threshold": rule.threshold,
    }
    return Alert(
        rule=rule.name,
        severity=rule.severity,
        channels=rule.channels,
        metric=rule.metric,
        comparison=rule.comparison,
        value=value,
        threshold=rule.threshold,
        message=render_message(rule.message, context, figures),
        run_id=context.run_id,
    )
