"""Flow state hooks: alert when a flow run fails before its end-of-run checks, or crashes.

Pass them to the flow decorator: `on_failure=[alert_on_failure], on_crashed=[alert_on_crash]`.
They evaluate the rules whose `when` lists `failure` or `crash` (metrics `run_failed`,
`run_crashed`) and send through the same channels as the end-of-run alerts. They never raise:
Prefect would only log it, and the run's state is already decided.
"""

from __future__ import annotations

from typing import Any

import structlog
from prefect import Flow
from prefect.client.schemas.objects import FlowRun
from prefect.states import State

from loan_extractor.alerts import (
    AlertSettings,
    Trigger,
    load_rules,
    raise_alerts,
    state_metrics,
)
from tasks.alerts import alert_context, channel_senders

log = structlog.get_logger("loan_extractor.alerts")


def alert_on_failure(flow: Flow[..., Any], flow_run: FlowRun, state: State[Any]) -> None:
    """on_failure hook: alert unless the run reached its end-of-run checks and decided to fail.

    The pipeline returns a Failed state carrying its result when documents failed; the
    end-of-run rules have reported that already. A failure that carries an exception (or
    whose result cannot be read) ended the run early, so the failure rules fire.
    """
    if _decided_failure(state):
        log.info("run failed after its end-of-run alerts; no failure alert", run_id=str(flow_run.id))
        return
    _alert(flow, flow_run, state, Trigger.FAILURE)


def alert_on_crash(flow: Flow[..., Any], flow_run: FlowRun, state: State[Any]) -> None:
    """on_crashed hook: the run was interrupted (killed, out of memory, infrastructure); always alert."""
    _alert(flow, flow_run, state, Trigger.CRASH)


def _decided_failure(state: State[Any]) -> bool:
    try:
        result = state.result(raise_on_failure=False)
    except Exception:  # noqa: BLE001 - an unreadable result: better a second alert than none
        return False
    return not isinstance(result, BaseException)


def _alert(flow: Flow[..., Any], flow_run: FlowRun, state: State[Any], trigger: Trigger) -> None:
    # the state's message is never used: it holds the exception text, which may carry personal data
    try:
        settings = AlertSettings()
        rules = load_rules(settings.alert_rules_file)
        metrics = state_metrics(crashed=trigger is Trigger.CRASH)
        context = alert_context(str(flow_run.id), metrics, flow_name=flow.name, state=state.type.value.title())
        params = flow_run.parameters or {}
        senders = channel_senders(settings, params.get("slack_block"), params.get("email_block"))
        raise_alerts(rules, trigger, context, senders)
    except Exception as exc:  # noqa: BLE001 - a hook that raises changes nothing but hides the cause
        log.error("state-hook alerts not sent", run_id=str(flow_run.id), trigger=trigger.value, error=type(exc).__name__)


def release_queue_claims(flow: Flow[..., Any], flow_run: FlowRun, state: State[Any]) -> None:
    """on_failure/on_crashed hook: a run over the `db` queue that ended early gives its claimed rows back."""
    if (flow_run.parameters or {}).get("source") != "db" or _decided_failure(state):
        return
    try:
        from loan_extractor.settings import Settings
        from loan_extractor.sources.db import release_claims
        from tasks.storage import engine_for

        released = release_claims(engine_for(Settings()), str(flow_run.id))
        log.warning("queue rows released after the run ended early", run_id=str(flow_run.id), rows=released)
    except Exception as exc:  # noqa: BLE001 - a hook never raises; stale claims are requeued later
        log.error("could not release queue rows", run_id=str(flow_run.id), error=type(exc).__name__)
