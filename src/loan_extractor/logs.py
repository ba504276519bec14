"""structlog through the standard library, so lines reach Prefect's run logs too.

Prefect shows a library's lines only when the logger goes through `logging`, its name is in
PREFECT_LOGGING_EXTRA_LOGGERS and its level is set; missing one, lines vanish without an error.
"""

from __future__ import annotations

import logging
import os
import re
from typing import Any

import structlog

LOGGER_NAME = "loan_extractor"

# A safety net behind the extraction stage's own redaction: nothing shaped like a full SSN or
# account number reaches a log line, whatever a message or an exception text carries.
_SSN = re.compile(r"\b\d{3}[- ]?\d{2}[- ]?(\d{4})\b")
_LONG_NUMBER = re.compile(r"\b\d{4,}(\d{4})\b")


def mask_numbers(text: str) -> str:
    """Mask SSN-shaped numbers and digit runs of 8 or more, keeping the last four digits."""
    return _LONG_NUMBER.sub(lambda m: "*" * (len(m.group(0)) - 4) + m.group(1), _SSN.sub(r"***-**-\1", text))


def _redact(_: Any, __: str, event: dict[str, Any]) -> dict[str, Any]:
    return {k: mask_numbers(v) if isinstance(v, str) else v for k, v in event.items()}


def prefect_env() -> None:
    """Prefect settings this project needs; call before Prefect is imported.

    Forwards this project's loggers to run logs, and gives the temporary server that Prefect
    starts when PREFECT_API_URL is unset more than its default 20 s on a busy 2-core machine.
    """
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    extra = os.environ.get("PREFECT_LOGGING_EXTRA_LOGGERS", "")
    if LOGGER_NAME not in extra.split(","):
        os.environ["PREFECT_LOGGING_EXTRA_LOGGERS"] = ",".join(filter(None, [extra, LOGGER_NAME]))


def configure_logging(fmt: str = "console", level: str = "INFO", attach_handler: bool = True) -> None:
    """structlog lines rendered as console text or JSON, PII-masked, handed to `logging`.

    Inside a Prefect run, Prefect attaches its own console and API handlers to this logger
    (PREFECT_LOGGING_EXTRA_LOGGERS): pass `attach_handler=False` there to avoid printing twice.
    """
    renderer = structlog.processors.JSONRenderer() if fmt == "json" else structlog.dev.ConsoleRenderer(colors=False)
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.stdlib.add_log_level,
            structlog.processors.TimeStamper(fmt="iso"),
            structlog.processors.format_exc_info,
            _redact,
            renderer,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    logger = logging.getLogger(LOGGER_NAME)
    logger.setLevel(level.upper())
    if attach_handler and not any(getattr(h, "_loan_extractor", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(message)s"))
        handler._loan_extractor = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
