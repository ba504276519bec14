"""Alert messages from templates, given only numbers and identifiers, masked again on the way out.

A template is a Python format string over named placeholders (`{failed} of {documents}`,
`{failed_ratio:.0%}`, `{anomalies.high}`): a dotted name is one placeholder, never attribute
access, so a template cannot reach into an object. The context accepts numbers and ids matched by
pattern; free text (file names, applicant names, exception messages) has no way in.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictFloat,
    StrictInt,
    field_validator,
)

from loan_extractor.alerts.gaps import GAP_TEXTS
from loan_extractor.alerts.metrics import COUNT_METRICS, RUN_METRICS, STATE_METRICS
from loan_extractor.logs import mask_numbers

# the bias table's widest gap (`gaps.widest_gap`): slice, metric and the groups with sizes and values
TEXT_PLACEHOLDERS = frozenset({"run_id", "run_link", "flow_name", "state", "rule", "severity", "metric", "comparison",
                               *GAP_TEXTS})
NUMBER_PLACEHOLDERS = RUN_METRICS | STATE_METRICS | {"value", "threshold"}
PLACEHOLDERS = TEXT_PLACEHOLDERS | NUMBER_PLACEHOLDERS
NO_VALUE = "n/a"
NO_LINK = "(no link: PREFECT_UI_URL or PREFECT_API_URL not set)"
# Stand-ins for the run id and link while a message is masked: a UUID can hold a run of eight
# digits, which the safety net would otherwise mask, breaking the id and the link
_STAND_INS = ("\x00run-id\x00", "\x00run-link\x00")
_GAP_NAME = r"^[A-Za-z0-9_.:?-]{1,64}$"


class AlertContext(BaseModel):
    """What a message may show about a run: its id and link, a few names, and numbers."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    run_id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
    run_link: str | None = Field(None, pattern=r"^https?://[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]+$")
    flow_name: str | None = Field(None, pattern=r"^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$")
    state: str | None = Field(None, pattern=r"^[A-Za-z]{1,20}$")
    metrics: dict[str, StrictInt | StrictFloat | None] = Field(default_factory=dict)
    bias_slice: str | None = Field(None, pattern=_GAP_NAME)
    bias_metric: str | None = Field(None, pattern=_GAP_NAME)
    bias_groups: str | None = Field(None, pattern=r"^[A-Za-z0-9 _.,:;()<>=+%/?-]{1,200}$")

    @field_validator("metrics")
    @classmethod
    def _known_metrics(cls, metrics: dict[str, Any]) -> dict[str, Any]:
        unknown = sorted(set(metrics) - RUN_METRICS - STATE_METRICS)
        if unknown:
            raise ValueError(f"unknown metrics in alert context: {', '.join(unknown)}")
        return metrics


class _WholeNameFormatter(string.Formatter):
    """Looks a placeholder up by its whole name; an unknown value (None) renders as n/a."""

    def get_field(self, field_name: str, args: Any, kwargs: Mapping[str, Any]) -> tuple[Any, str]:
        return kwargs[field_name], field_name

    def format_field(self, value: Any, format_spec: str) -> str:
        return NO_VALUE if value is None else super().format_field(value, format_spec)


_FORMATTER = _WholeNameFormatter()


def placeholders(template: str) -> set[str]:
    """The placeholder names a template uses."""
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def check_template(template: str) -> None:
    """Raise ValueError when the template uses an unknown placeholder or a format that cannot render."""
    try:
        names = placeholders(template)
    except ValueError as exc:
        raise ValueError(f"message template does not parse: {exc}") from exc
    unknown = sorted(names - PLACEHOLDERS)
    if unknown:
        raise ValueError(f"unknown placeholders {', '.join(unknown)}; known: {', '.join(sorted(PLACEHOLDERS))}")
    sample = {name: 1 if name in COUNT_METRICS else 0.5 for name in NUMBER_PLACEHOLDERS}
    sample |= {name: "x" for name in TEXT_PLACEHOLDERS}
    try:
        _FORMATTER.vformat(template, (), sample)
    except (ValueError, TypeError, IndexError) as exc:
        raise ValueError(f"message template cannot render: {exc}") from exc


def render_message(template: str, context: AlertContext, rule: Mapping[str, str | float | None]) -> str:
    """The template filled from the context and the rule's own figures, numbers masked as a safety net.

    `rule` carries `rule`, `severity`, `metric`, `comparison` (texts checked at load) and `value`,
    `threshold` (numbers).
    """
    values: dict[str, Any] = {name: None for name in PLACEHOLDERS} | dict(context.metrics) | dict(rule)
    values |= {"flow_name": context.flow_name, "state": context.state}
    values |= {name: getattr(context, name) for name in GAP_TEXTS}
    values |= {"run_id": context.run_id, "run_link": context.run_link or NO_LINK}
    return mask_keeping_ids(_FORMATTER.vformat(template, (), values), context)


def mask_keeping_ids(text: str, context: AlertContext) -> str:
    """`mask_numbers` over the text, except the run id and link, which stay exactly as they are."""
    pairs = [(value, stand_in) for value, stand_in in zip((context.run_id, context.run_link), _STAND_INS) if value]
    for value, stand_in in pairs:
        text = text.replace(value, stand_in)
    text = mask_numbers(text)
    for value, stand_in in pairs:
        text = text.replace(stand_in, value)
    return text
