"""Large headings re-read on their own: tesseract's page layout sometimes garbles a word printed several times
taller than the rest ("2025" in 36-point type in a W-2's corner read as "() 5"), though the same pixels cropped
and read as one line come out right. The tall words of a page are cropped, stacked and read once per page.
A heading the page layout dropped altogether is found by reading the page again as sparse text."""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence

from loan_extractor import page_pixels
from loan_extractor.extraction.reread import PageScan, crops, read_stacked
from loan_extractor.extraction.words import Word, from_ocr
from loan_extractor.tools import tesseract

TALL_HEADING = 2.5  # a word this many times the page's median word height is a large heading
PAD_HEIGHTS = 0.3  # crop margin around a heading, in its heights
STRIP_GAP = 12  # white pixels between stacked headings
JOIN_HEIGHTS = 1.5  # tall words closer than this many heights on one line are one heading
GROW_HEIGHTS = 0.6  # a heading's box grown left and right by this many heights
SPARSE_TEXT = 11  # tesseract's page segmentation mode for text in no particular order


def tall_words(words: Sequence[Word]) -> list[Word]:
    """The words of each page much taller than that page's median word."""
    found: list[Word] = []
    for page in sorted({w.page for w in words}):
        on_page = [w for w in words if w.page == page]
        median = statistics.median(w.height for w in on_page)
        found += [w for w in on_page if w.height >= TALL_HEADING * median]
    return found


def _headings(tall: list[Word]) -> list[tuple[float, float, float, float]]:
    """Boxes of headings: tall words side by side on one line joined (OCR may cut a garbled heading in pieces),
    grown by half a height left and right where its pieces may have lost characters."""
    boxes: list[list[float]] = []
    for w in sorted(tall, key=lambda w: (w.y0, w.x0)):
        last = boxes[-1] if boxes else None
        if last and abs(w.y0 - last[1]) < 0.5 * w.height and w.x0 - last[2] < JOIN_HEIGHTS * w.height:
            last[2], last[3] = max(last[2], w.x1), max(last[3], w.y1)
        else:
            boxes.append([w.x0, w.y0, w.x1, w.y1])
    return [(x0 - GROW_HEIGHTS * (y1 - y0), y0, x1 + GROW_HEIGHTS * (y1 - y0), y1) for x0, y0, x1, y1 in boxes]


def reread_headings(words: Sequence[Word], scans: Mapping[int, PageScan], language: str,
                    timeout: float) -> list[Word]:
    """The page's words with its large headings replaced by their own reading; unchanged where there are none."""
    tall = tall_words(words)
    replaced: list[Word] = []
    for page, scan in scans.items():
        on_page = [w for w in tall if w.page == page]
        if on_page:
            replaced += [Word(page, w.text, w.conf, w.x0, w.y0, w.x1, w.y1) for w in _read(scan, on_page, language, timeout)]
    if not replaced:
        return list(words)
    dropped = {id(w) for w in tall if w.page in scans}
    return [w for w in words if id(w) not in dropped] + replaced


def _read(scan: PageScan, tall: list[Word], language: str, timeout: float) -> list[Word]:
    gray = page_pixels.read_gray(scan.path)
    if gray is None:
        return []
    k = scan.dpi / 72.0
    boxes = [(x0 * k, y0 * k, x1 * k, y1 * k) for x0, y0, x1, y1 in _headings(tall)]
    pads = [PAD_HEIGHTS * (box[3] - box[1]) for box in boxes]
    strips, origins = crops(gray, boxes, pads)
    return [w for words in read_stacked(strips, origins, STRIP_GAP, scan, "headings", language, timeout) for w in words]


def read_large_print(scan: PageScan, page: int, language: str, timeout: float) -> list[Word]:
    """The large words of a page (page coordinates) read with tesseract's sparse-text layout (psm 11), which
    keeps a lone large heading its default layout dropped."""
    found = tesseract.ocr_words(scan.path, language, timeout, psm=SPARSE_TEXT, dpi=scan.dpi,
                               pixels=page_pixels.for_ocr(scan.path))
    return [Word(page, w.text, w.conf, w.x0, w.y0, w.x1, w.y1) for w in tall_words(from_ocr(found, page, scan.dpi))]
