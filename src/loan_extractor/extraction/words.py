"""Words from the text layer and from OCR in one shape, and lines rebuilt from their boxes.

Coordinates are PDF points (1/72 inch) from the page's top left for both sources, so
distances mean the same whatever the page came from.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

from loan_extractor.extraction.text_layer import readable_words
from loan_extractor.tools.poppler import TextWord
from loan_extractor.tools.tesseract import OcrWord

# A gap wider than this many word heights splits a line into segments (columns, label | value cells).
SEGMENT_GAP = 1.2
TALL = 2.0  # a word this many times the page's median height is a large heading (a tax year in a corner)
_GLUED_YEAR = re.compile(r"([A-Za-z]{2,}[a-z])((?:19|20)\d\d)")


@dataclass(frozen=True)
class Word:
    """One word: page, text, confidence 0..1, box in points from the top left."""

    page: int
    text: str
    conf: float
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def height(self) -> float:
        return max(self.y1 - self.y0, 0.1)

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    def to_dict(self) -> dict[str, object]:
        """Plain JSON-able form (golden fixtures)."""
        return asdict(self)


@dataclass(frozen=True)
class Line:
    """Words of one visual line, left to right, split into segments at wide gaps."""

    page: int
    words: tuple[Word, ...]
    segment_of: tuple[int, ...]  # segment number of each word

    @property
    def y0(self) -> float:
        return min(w.y0 for w in self.words)

    @property
    def y1(self) -> float:
        return max(w.y1 for w in self.words)

    @property
    def height(self) -> float:
        return statistics.median(w.height for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def from_text_layer(words: Iterable[TextWord]) -> list[Word]:
    """Text-layer words as a reader sees them (`readable_words`); their confidence is 1.0 (exact, not read)."""
    return [Word(w.page, w.text, 1.0, w.x0, w.y0, w.x1, w.y1) for w in readable_words(words)]


def from_ocr(words: Iterable[OcrWord], page: int, dpi: float) -> list[Word]:
    """OCR words of one page image, pixels scaled to points by the image's resolution."""
    k = 72.0 / (dpi or 72.0)
    return [
        Word(page, w.text, w.conf, w.left * k, w.top * k, (w.left + w.width) * k, (w.top + w.height) * k)
        for w in words
        if w.text.strip()
    ]


def bounding_box(words: Sequence[Word]) -> tuple[int, float, float, float, float] | None:
    """(page, x0, y0, x1, y1) around the words on the first of their pages, rounded to 0.1 pt; None for none."""
    if not words:
        return None
    page = min(w.page for w in words)
    on = [w for w in words if w.page == page]
    box = (min(w.x0 for w in on), min(w.y0 for w in on), max(w.x1 for w in on), max(w.y1 for w in on))
    return (page, *(round(v, 1) for v in box))  # type: ignore[return-value]


def word_from_dict(data: dict[str, object]) -> Word:
    """Inverse of Word.to_dict."""
    return Word(**data)  # type: ignore[arg-type]


def split_glued(word: Word) -> list[Word]:
    """Split "Label:Value" read as one word at the colon, and "Statement2025" before its year.

    Boxes are shared by character count. OCR glues a year to the word before it when the
    gap is narrow; a lower-case letter directly followed by a year is never one word.
    """
    match = re.fullmatch(r"([A-Za-z][^:]*:)(\S+)", word.text) or _GLUED_YEAR.fullmatch(word.text)
    if not match or re.fullmatch(r"\d{1,2}:\d{2}", word.text):
        return [word]
    head, tail = match.groups()
    cut = word.x0 + (word.x1 - word.x0) * len(head) / len(word.text)
    return [
        Word(word.page, head, word.conf, word.x0, word.y0, cut, word.y1),
        Word(word.page, tail, word.conf, cut, word.y0, word.x1, word.y1),
    ]


def build_lines(words: Sequence[Word]) -> list[Line]:
    """Group words into lines by vertical overlap (text-layer words carry no line ids), page by page."""
    lines: list[Line] = []
    for page in sorted({w.page for w in words}):
        page_words = [part for w in words if w.page == page for part in split_glued(w)]
        lines.extend(_page_lines(page, page_words))
    return lines


def _page_lines(page: int, words: list[Word]) -> list[Line]:
    typical = statistics.median(w.height for w in words) if words else 0.0
    bands: list[list[Word]] = []
    for word in sorted((w for w in words if w.height <= TALL * typical), key=lambda w: (w.cy, w.x0)):
        band = next((b for b in reversed(bands[-4:]) if _same_line(b, word)), None)
        if band is None:
            bands.append([word])
        else:
            band.append(word)
    _add_tall_words(bands, [w for w in words if w.height > TALL * typical])
    ordered = sorted(bands, key=lambda b: statistics.median(w.cy for w in b))
    return [_make_line(page, sorted(b, key=lambda w: w.x0)) for b in ordered]


def _add_tall_words(bands: list[list[Word]], tall: list[Word]) -> None:
    """Words of a large heading join the one line they stand on (the nearest baseline among the lines they span),
    or form lines of their own: spanning two lines of small print, they must not merge those lines into one."""
    own: list[list[Word]] = []
    for word in sorted(tall, key=lambda w: (w.cy, w.x0)):
        spanned = [b for b in bands if b not in own and word.y0 <= statistics.median(w.cy for w in b) <= word.y1]
        band = next((b for b in own if _same_line(b, word)), None) or min(
            spanned, key=lambda b: abs(statistics.median(w.y1 for w in b) - word.y1), default=None)
        if band is None:
            band = []
            own.append(band)
            bands.append(band)
        band.append(word)



def _same_line(band: list[Word], word: Word) -> bool:
    """The word's centre lies inside the band's core, or the band's centre inside the word."""
    y0 = statistics.median(w.y0 for w in band)
    y1 = statistics.median(w.y1 for w in band)
    core = (y1 - y0) * 0.15
    return (y0 + core <= word.cy <= y1 - core) or (word.y0 <= (y0 + y1) / 2 <= word.y1)


def _make_line(page: int, words: list[Word]) -> Line:
    height = statistics.median(w.height for w in words)
    segments, current = [], 0
    for i, word in enumerate(words):
        # between two words taller than most of the line (a heading beside small print), their own size sets the gap
        if i and word.x0 - words[i - 1].x1 > SEGMENT_GAP * max(height, min(word.height, words[i - 1].height)):
            current += 1
        segments.append(current)
    return Line(page, tuple(words), tuple(segments))
