"""Page images decoded once: OCR and the re-reads that crop the same page share its pixels.

A 300-DPI page PNG takes ~25 ms to decode; OCR, the name re-read, the dropped-value strips and the
purpose checkboxes each decoded it again. The last few pages decoded are kept (bounded: a letter page at
300 DPI is 8.4 MB), keyed by path, size and modification time, so a page turned upright and written back
is decoded anew. Callers must not modify the array they get.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path

import cv2
import numpy as np

KEPT_PAGES = 8  # pages in flight: task workers x OCR threads per document

_LOCK = threading.Lock()
_KEPT: OrderedDict[tuple[str, int, int], np.ndarray] = OrderedDict()


def read_gray(path: Path | str) -> np.ndarray | None:
    """The page image as 8-bit grey pixels (read-only), or None when it cannot be read."""
    try:
        stat = Path(path).stat()
    except OSError:
        return None
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    with _LOCK:
        if key in _KEPT:
            _KEPT.move_to_end(key)
            return _KEPT[key]
    gray = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
    if gray is None:
        return None
    gray.setflags(write=False)
    with _LOCK:
        _KEPT[key] = gray
        while len(_KEPT) > KEPT_PAGES:
            _KEPT.popitem(last=False)
    return gray


def forget() -> None:
    """Drop every kept page (the end of a run's work folder)."""
    with _LOCK:
        _KEPT.clear()
