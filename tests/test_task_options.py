"""Options every Prefect task of the project must keep."""

from __future__ import annotations

import importlib
import pkgutil

from prefect import Task

import tasks


def _project_tasks() -> list[Task]:
    found = []
    for module in pkgutil.iter_modules(tasks.__path__):
        loaded = importlib.import_module(f"tasks.{module.name}")
        found += [value for value in vars(loaded).values() if isinstance(value, Task)]
    return found


def test_no_task_carries_tags() -> None:
    """A tagged task run asks the API for the tags' concurrency slots before it starts, through one serial
    service (PrefectHQ/prefect#19367): measured here, a chunk's extract waited for every chunk's preprocess
    and the batch stages 1-2.6 s each. Stage names are in the task names instead."""
    found = _project_tasks()
    assert len(found) >= 15
    assert {t.name: sorted(t.tags) for t in found if t.tags} == {}
