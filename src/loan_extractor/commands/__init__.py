"""One module per verb of the `loan-extractor` command; each exposes `register(verbs)`.

`register` adds the verb's sub-parser and sets `handler(args, settings) -> exit code`.
Modules are found by name, so a new verb is a new module here and nothing else.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from loan_extractor.settings import Settings

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class CommandFailed(Exception):
    """Ends a verb: `loan-extractor: <message>` on stderr and the exit code (the CLI catches it)."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code


@contextmanager
def database(settings: Settings) -> Iterator[Any]:
    """An engine on the configured database, disposed afterwards; a project error inside (a database
    behind the code, an unknown run) ends the command with exit 1, a missing tool with exit 2."""
    from loan_extractor.errors import LoanExtractorError, ToolMissingError
    from loan_extractor.lineage import open_database

    try:
        engine = open_database(settings.resolved_database_url)
        try:
            yield engine
        finally:
            engine.dispose()
    except ToolMissingError:
        raise  # a usage error (exit 2), said by the CLI
    except LoanExtractorError as exc:
        raise CommandFailed(str(exc)) from exc


def register_all(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register every verb module of this package, in name order."""
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")):
        importlib.import_module(f"{__name__}.{module}").register(verbs)
