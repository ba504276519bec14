"""tesseract inside this process (tesserocr): a model loads once and then reads page after page.

The command line loads its model for every page: on a 300-DPI scan here that is ~0.16 of its ~0.5 CPU
seconds, and ~0.5 s for the Latin-script model names are re-read with. Engines are pooled per (model
directory, language) and taken only inside tesseract's process slots (tools.tesseract), so no model has
more engines than there are slots. tesserocr releases the GIL while tesseract works, so threads read
pages in parallel. Its wheel carries libtesseract 5.3.4; it read the same words, boxes and confidences
as Debian's `tesseract` 5.3.0 command on the samples.
"""

from __future__ import annotations

import functools
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

from loan_extractor.errors import ToolError, ToolMissingError, ToolTimeoutError
from loan_extractor.tools import tessdata

try:
    import tesserocr
except ImportError:  # the command line serves instead (tools.tesseract)
    tesserocr = None

_LOCK = threading.Lock()
_RETURNED = threading.Condition(_LOCK)  # an engine went idle, or a preloaded one is ready or failed
_IDLE: dict[tuple[str, str], list[Any]] = {}
_LOADED: dict[tuple[str, str], int] = {}  # engines made per key, idle or in use
_LOADING: dict[tuple[str, str], int] = {}  # engines being preloaded per key


def available() -> bool:
    """Whether tesserocr is installed."""
    return tesserocr is not None


def read_tsv(image_path: Path, language: str, timeout: float, psm: int, dpi: float | None,
             models: Path | None, pixels: np.ndarray | None = None) -> str:
    """tesseract's TSV rows (no header line) for one image, read by a pooled engine of `language`.

    `pixels`: the image already decoded (8-bit grey, as `image_path` holds it), handed over without
    decoding the file again; tesseract reads the same words from them as from the file.
    """
    key = (str(models or _installed_models()), language)
    engine = _take(key)
    try:
        engine.SetPageSegMode(psm)
        engine.SetVariable("user_defined_dpi", str(round(dpi)) if dpi else "0")
        started = time.monotonic()
        if pixels is None:
            engine.SetImageFile(str(image_path))
        else:
            height, width = pixels.shape
            engine.SetImageBytes(np.ascontiguousarray(pixels).tobytes(), width, height, 1, width)
        if not engine.Recognize(timeout=max(1, int(timeout * 1000))):
            if time.monotonic() - started >= timeout:
                raise ToolTimeoutError("tesseract", f"no answer within {timeout:.0f} s")
            raise ToolError("tesseract", "recognition failed", image_path.name)
        return engine.GetTSVText(0)
    except (OSError, RuntimeError, ValueError) as exc:  # unreadable image (PIL's errors are OSErrors)
        raise ToolError("tesseract", "could not read the image", f"{image_path.name}: {exc}") from exc
    finally:
        engine.Clear()
        with _RETURNED:
            _IDLE[key].append(engine)
            _RETURNED.notify()


def engines_loaded(language: str, models: Path | None = None) -> int:
    """How many idle engines of `language` (from `models`, default the installed ones) the pool holds."""
    with _LOCK:
        return len(_IDLE.get((str(models or _installed_models()), language), []))


def preload(language: str, count: int, models: Path | None = None) -> int:
    """Load engines of `language` until the pool has made `count` of them; returns how many this call loaded.

    Run before pages arrive (a run's start works on one core for a second), so that reads find the models
    loaded (eng ~0.13 s, Latin+vie ~0.5-0.7 s per engine). A read that finds no idle engine while one is
    being preloaded waits for it rather than loading one more.
    """
    key = (str(models or _installed_models()), language)
    with _LOCK:
        missing = max(0, count - _LOADED.get(key, 0))
        _LOADED[key] = _LOADED.get(key, 0) + missing
        _LOADING[key] = _LOADING.get(key, 0) + missing
        _IDLE.setdefault(key, [])
    loaded = 0
    for _ in range(missing):
        engine = None
        try:
            engine = _load(key)
            loaded += 1
        finally:
            with _RETURNED:
                _LOADING[key] -= 1
                if engine is None:
                    _LOADED[key] -= 1
                else:
                    _IDLE[key].append(engine)
                _RETURNED.notify_all()
    return loaded


def _take(key: tuple[str, str]) -> Any:
    with _RETURNED:
        idle = _IDLE.setdefault(key, [])
        while not idle and _LOADING.get(key, 0):
            _RETURNED.wait()
        if idle:
            return idle.pop()
        _LOADED[key] = _LOADED.get(key, 0) + 1
    try:
        return _load(key)
    except BaseException:
        with _LOCK:
            _LOADED[key] -= 1
        raise


def _load(key: tuple[str, str]) -> Any:
    models, language = key
    try:
        return tesserocr.PyTessBaseAPI(path=models.rstrip("/") + "/", lang=language)
    except RuntimeError as exc:
        raise ToolMissingError(f"tesseract model {language} could not be loaded from {models}: {exc}") from exc


@functools.cache
def _installed_models() -> Path:
    """The command line's model directory: tesserocr's wheel was built with another default."""
    return tessdata.tessdata_dir()
