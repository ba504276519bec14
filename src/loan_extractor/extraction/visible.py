"""Text-layer words a reader can see: a word drawn in the paper's colour (white on white) or in the
invisible render mode leaves no contrast on the rendered page, and nobody reads it.

The check needs the page as rendered, aligned with the text layer: a page image that was deskewed (or
any other mismatch) is left unchecked, and a page where most words would go is kept whole.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from loan_extractor import imaging
from loan_extractor.extraction.words import Word

MIN_CONTRAST = 40  # grey levels between a word box's lightest and darkest pixel when anything is drawn there
MAX_HIDDEN_SHARE = 0.2  # more words than this without contrast: the image is not the page as drawn


def visible_words(words: Sequence[Word], pages: dict[int, tuple[np.ndarray, float]]) -> list[Word]:
    """The words with ink under their boxes; `pages` maps a page number to its grey pixels and pixels per point.
    Words of pages without an image are kept."""
    hidden: set[int] = set()
    for page, (gray, scale) in pages.items():
        on_page = [w for w in words if w.page == page]
        unseen = [w for w in on_page if not _inked(gray, w, scale)]
        if len(unseen) <= MAX_HIDDEN_SHARE * len(on_page):
            hidden |= {id(w) for w in unseen}
    return [w for w in words if id(w) not in hidden]


def _inked(gray: np.ndarray, word: Word, scale: float) -> bool:
    pixels = imaging.crop(gray, (word.x0 * scale, word.y0 * scale, word.x1 * scale, word.y1 * scale), pad=0)
    return pixels.size == 0 or int(pixels.max()) - int(pixels.min()) >= MIN_CONTRAST
