"""One module per verb of the `loan-extractor` command; each exposes `register(verbs)`.

`register` adds the verb's sub-parser and sets `handler(args, settings) -> exit code`.
Modules are found by name, so a new verb is a new module here and nothing else.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def register_all(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register every verb module of this package, in name order."""
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")):
        importlib.import_module(f"{__name__}.{module}").register(verbs)
