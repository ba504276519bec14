"""The error taxonomy. Expected endings are outcomes on the record; these are for the rest."""

from __future__ import annotations


class LoanExtractorError(Exception):
    """Base of the project's errors."""


class ToolMissingError(LoanExtractorError):
    """A required external binary or language pack is not installed; says how to install it."""


class ToolError(LoanExtractorError):
    """An external tool failed on an input; `stderr` holds what it said."""

    def __init__(self, tool: str, message: str, stderr: str = "") -> None:
        super().__init__(f"{tool}: {message}")
        self.tool = tool
        self.stderr = stderr


class ToolTimeoutError(ToolError):
    """An external tool did not finish within its timeout."""


class TransientError(LoanExtractorError):
    """A failure worth retrying (network, throttling, a locked database)."""
