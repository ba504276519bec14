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
_IDLE: dict[tuple[str, str], list[Any]] = {}


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
        with _LOCK:
            _IDLE[key].append(engine)


def engines_loaded(language: str, models: Path | None = None) -> int:
    """How many idle engines of `language` (from `models`, default the installed ones) the pool holds."""
    with _LOCK:
        return len(_IDLE.get((str(models or _installed_models()), language), []))


def _take(key: tuple[str, str]) -> Any:
    with _LOCK:
        idle = _IDLE.setdefault(key, [])
        if idle:
            return idle.pop()
    models, language = key
    try:
        return tesserocr.PyTessBaseAPI(path=models.rstrip("/") + "/", lang=language)
    except RuntimeError as exc:
        raise ToolMissingError(f"tesseract model {language} could not be loaded from {models}: {exc}") from exc


@functools.cache
def _installed_models() -> Path:
    """The command line's model directory: tesserocr's wheel was built with another default."""
    return tessdata.tessdata_dir()
