"""Alert rules as data: `config/alert_rules.yaml`, validated at load.

A rule names one metric of a run, a comparison and a threshold; when the comparison holds, the
rule fires with its severity on its channels, its message rendered from the run's numbers.
`when` says when a rule is evaluated: `end` after the run's report, from the run's figures;
`failure` and `crash` from the flow's state hooks, where only the state metrics exist.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from loan_extractor.alerts.metrics import RUN_METRICS, STATE_METRICS
from loan_extractor.alerts.render import check_template

_FROZEN = ConfigDict(frozen=True, extra="forbid")


class Severity(StrEnum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        """0 for critical up to 3 for low: sorts the most urgent first."""
        return list(Severity).index(self)


class Channel(StrEnum):
    SLACK = "slack"
    EMAIL = "email"
    LOG = "log"


class Trigger(StrEnum):
    END = "end"
    FAILURE = "failure"
    CRASH = "crash"


COMPARISONS: dict[str, Callable[[float, float], bool]] = {
    ">": operator.gt,
    ">=": operator.ge,
    "<": operator.lt,
    "<=": operator.le,
    "==": operator.eq,
}


class AlertRule(BaseModel):
    """One rule: when `metric` `comparison` `threshold` holds, send `message` to `channels`."""

    model_config = _FROZEN

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)
    metric: str
    comparison: str
    threshold: float
    severity: Severity
    channels: tuple[Channel, ...] = Field(min_length=1)
    message: str = Field(min_length=1)
    # not `on`: YAML 1.1 reads a bare `on:` key as the boolean true
    when: tuple[Trigger, ...] = Field(default=(Trigger.END,), min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _no_bare_on(cls, data: Any) -> Any:
        if isinstance(data, dict) and True in data:
            raise ValueError("YAML reads a bare `on:` key as true: write `when:` for the rule's occasions")
        return data

    @field_validator("comparison")
    @classmethod
    def _known_comparison(cls, value: str) -> str:
        if value not in COMPARISONS:
            raise ValueError(f"unknown comparison {value!r}; use one of {', '.join(COMPARISONS)}")
        return value

    @field_validator("message")
    @classmethod
    def _known_placeholders(cls, value: str) -> str:
        check_template(value)
        return value

    @model_validator(mode="after")
    def _metric_fits_triggers(self) -> AlertRule:
        known = RUN_METRICS | STATE_METRICS
        if self.metric not in known:
            raise ValueError(f"unknown metric {self.metric!r}; known: {', '.join(sorted(known))}")
        state_only = set(self.when) <= {Trigger.FAILURE, Trigger.CRASH}
        if Trigger.END in self.when and self.metric in STATE_METRICS:
            raise ValueError(f"metric {self.metric!r} exists only on failure or crash, not at `end`")
        if state_only and self.metric not in STATE_METRICS:
            raise ValueError(f"on failure or crash only {', '.join(sorted(STATE_METRICS))} exist, not {self.metric!r}")
        return self

    def holds(self, value: float | None) -> bool:
        """Whether the rule fires for this metric value; an unknown value (None) never fires."""
        return value is not None and COMPARISONS[self.comparison](float(value), self.threshold)


class AlertRules(BaseModel):
    """Every rule of the file; names are unique."""

    model_config = _FROZEN

    rules: tuple[AlertRule, ...] = ()

    @field_validator("rules")
    @classmethod
    def _unique_names(cls, rules: tuple[AlertRule, ...]) -> tuple[AlertRule, ...]:
        names = [rule.name for rule in rules]
        doubled = sorted({name for name in names if names.count(name) > 1})
        if doubled:
            raise ValueError(f"rule names must be unique; repeated: {', '.join(doubled)}")
        return rules

    def for_trigger(self, trigger: Trigger) -> tuple[AlertRule, ...]:
        """The rules evaluated on this occasion."""
        return tuple(rule for rule in self.rules if trigger in rule.when)


class AlertRulesError(ValueError):
    """The rules file is missing, not YAML, or breaks the rule schema; the text names the file."""


def load_rules(path: Path) -> AlertRules:
    """Read and validate the rules file; every problem is reported at once, naming the file."""
    try:
        data: Any = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise AlertRulesError(f"{path}: cannot read alert rules: {exc}") from exc
    try:
        return AlertRules.model_validate(data)
    except ValidationError as exc:
        raise AlertRulesError(f"{path}: invalid alert rules:\n{exc}") from exc

