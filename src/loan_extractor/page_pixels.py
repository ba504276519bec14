"""Page images decoded once: OCR and the re-reads that crop the same page share its pixels.

A 300-DPI page PNG takes 5-25 ms to decode; OCR, the name re-read, the dropped-value strips and the
purpose checkboxes each decoded it again. Pages are kept keyed by path, size and modification time, so
a page turned upright and written back is decoded anew. Preprocessing hands over the pixels it has just
written (`keep`), so OCR does not decode them at all. The kept pages are bounded in bytes: a flow
preprocesses a chunk or two ahead of OCR (up to 16 documents each), and a letter page at 300 DPI is
8.4 MB. Callers must not modify the array they get.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path

import cv2
import numpy as np

from loan_extractor.tools import tesseract

KEPT_BYTES = 400 * 2**20  # ~48 letter pages at 300 DPI: the pages between preprocessing and OCR in a flow

_LOCK = threading.Lock()
_KEPT: OrderedDict[tuple[str, int, int], np.ndarray] = OrderedDict()


def read_gray(path: Path | str) -> np.ndarray | None:
    """The page image as 8-bit grey pixels (read-only), or None when it cannot be read."""
    key = _key(path)
    if key is None:
        return None
    with _LOCK:
        if key in _KEPT:
            _KEPT.move_to_end(key)
            return _KEPT[key]
    gray = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
    if gray is None:
        return None
    _remember(key, gray)
    return gray


def for_ocr(path: Path | str) -> np.ndarray | None:
    """The page's pixels to hand to OCR: read once for the in-process engine, None for the command (which reads
    the file itself)."""
    return read_gray(path) if tesseract.models_stay_loaded() else None


def keep(path: Path | str, gray: np.ndarray) -> None:
    """Remember `gray` as the pixels of the page image just written to `path` (losslessly: a PNG).

    `gray` is made read-only: the caller must not change it afterwards.
    """
    key = _key(path)
    if key is not None:
        _remember(key, np.ascontiguousarray(gray))


def forget() -> None:
    """Drop every kept page (the end of a run's work folder)."""
    with _LOCK:
        _KEPT.clear()


def _key(path: Path | str) -> tuple[str, int, int] | None:
    try:
        stat = Path(path).stat()
    except OSError:
        return None
    return (str(path), stat.st_size, stat.st_mtime_ns)


def _remember(key: tuple[str, int, int], gray: np.ndarray) -> None:
    gray.setflags(write=False)
    with _LOCK:
        _KEPT[key] = gray
        _KEPT.move_to_end(key)
        total = sum(kept.nbytes for kept in _KEPT.values())
        while len(_KEPT) > 1 and total > KEPT_BYTES:
            _, dropped = _KEPT.popitem(last=False)
            total -= dropped.nbytes
