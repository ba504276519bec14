"""The one place that starts external processes, so tests can patch a single `run()`; and stops long-running ones."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Sequence

from loan_extractor.errors import ToolError, ToolMissingError, ToolTimeoutError

# tesseract's OpenMP threads fight each other when several pages run in parallel:
# one page took 9.9 s with them and 1.2 s without on 2 cores.
_CHILD_ENV = {"OMP_THREAD_LIMIT": "1"}


def run(args: Sequence[str], *, timeout: float, input_bytes: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run an argument list (never a shell string) with a timeout; typed errors for every failure."""
    tool = os.path.basename(args[0])
    try:
        result = subprocess.run(
            list(args),
            input=input_bytes,
            capture_output=True,
            timeout=timeout,
            env={**os.environ, **_CHILD_ENV},
            check=False,
        )
    except FileNotFoundError as exc:
        raise ToolMissingError(f"{tool} is not installed") from exc
    except subprocess.TimeoutExpired as exc:
        raise ToolTimeoutError(tool, f"no answer within {timeout:.0f} s", _text(exc.stderr)) from exc
    if result.returncode != 0:
        raise ToolError(tool, f"exit code {result.returncode}", _text(result.stderr))
    return result


def _text(raw: bytes | str | None) -> str:
    if raw is None:
        return ""
    return raw if isinstance(raw, str) else raw.decode("utf-8", "replace")


def stop_group(proc: subprocess.Popen, interrupts: int = 2, wait: float = 10) -> None:
    """Stop a process started with `start_new_session=True` and its children: SIGINT (twice by default:
    a Prefect worker ignores the first while it shuts down), then SIGKILL to the whole group."""
    for _ in range(interrupts):
        if proc.poll() is not None:
            return
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
