"""The batch stages' heavy imports, started in a background thread when a run starts.

The bias table imports fairlearn (with scikit-learn and SciPy, ~1.2-1.9 s here) and the HTML report
matplotlib (~0.5-0.7 s). Imported where those stages start, that time is spent at the end of a run while
one core works alone; imported in a thread from the start, it overlaps acquisition and preprocessing.
Python's per-module import locks make a stage that gets there first wait for the thread's import to end.
"""

from __future__ import annotations

import importlib
import threading

BATCH_MODULES = ("pandas", "fairlearn.metrics", "matplotlib.figure", "matplotlib.backends.backend_svg")


def warm_imports(modules: tuple[str, ...] = BATCH_MODULES) -> threading.Thread:
    """Import `modules` in a daemon thread; returns the started thread."""

    def run() -> None:
        for name in modules:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - the stage that needs the module reports its own import error
                continue

    thread = threading.Thread(target=run, name="warm-imports", daemon=True)
    thread.start()
    return thread
