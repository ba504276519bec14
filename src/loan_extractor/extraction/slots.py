"""Values OCR dropped beside their label: a short number alone at the right of a label ("Days in Period:" and
no "31") is sometimes left out of tesseract's page layout. The strip right of a label that ends its line is
cropped and read on its own, once per page for all such labels."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from loan_extractor import page_pixels
from loan_extractor.extraction.reread import PageScan, crops, read_stacked
from loan_extractor.extraction.words import Line, Word

SLOT_HEIGHTS = 12  # how far right of the label its value is looked for, in the label's heights
STRIP_GAP = 8  # white pixels between stacked strips


def empty_slots(lines: Sequence[Line]) -> list[Word]:
    """The words that end a label with a colon at the end of their line: nothing was read after them."""
    return [line.words[-1] for line in lines if line.words and line.words[-1].text.endswith(":")]


def reread_slots(labels: Sequence[Word], scans: Mapping[int, PageScan], language: str, timeout: float) -> list[Word]:
    """Words read in the strips right of the labels (page coordinates); none where the strips are blank."""
    found: list[Word] = []
    for page, scan in scans.items():
        on_page = [w for w in labels if w.page == page]
        if on_page:
            found += [Word(page, w.text, w.conf, w.x0, w.y0, w.x1, w.y1)
                      for w in _read_strips(scan, on_page, language, timeout)]
    return found


def _read_strips(scan: PageScan, labels: list[Word], language: str, timeout: float) -> list[Word]:
    gray = page_pixels.read_gray(scan.path)
    if gray is None:
        return []
    k = scan.dpi / 72.0
    pad = [0.3 * w.height * k for w in labels]
    boxes = [((w.x1 + w.height * 0.5) * k, w.y0 * k, (w.x1 + SLOT_HEIGHTS * w.height) * k, w.y1 * k) for w in labels]
    strips, origins = crops(gray, boxes, pad)
    return [w for words in read_stacked(strips, origins, STRIP_GAP, scan, "slots", language, timeout) for w in words]
