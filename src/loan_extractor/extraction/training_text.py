"""Labelled training text for the type model: the sample generator's layouts, foreign papers, OCR noise.

Layouts are drawn onto a page that records words with their boxes instead of writing a PDF, then
read back into lines exactly as the extract stage reads a text layer: the model learns from the
same text it will be shown, page by page (a statement's second page is a statement page too).
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass

from reportlab.lib.pagesizes import letter
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from loan_extractor.extraction.foreign_text import TEMPLATES
from loan_extractor.extraction.words import Word, build_lines
from loan_extractor.samples.variety import CLASSIC, layouts_for
from loan_extractor.samples.draw import Page, Style, register_fonts, register_unicode_fonts, unicode_fonts_available
from loan_extractor.samples.loan import make_loan

UNKNOWN = "unknown"
TAX_YEAR = 2025  # pinned, not "last year": the corpus must not change with the calendar
NOISE_RATES = (0.0, 0.0, 0.03, 0.06, 0.1)
KEEP_LINES = 0.5  # share of lines a partial copy of a page keeps
# OCR look-alikes, both ways: what tesseract prints for what was there
CONFUSIONS = {"O": "0", "0": "O", "l": "1", "1": "l", "S": "5", "5": "S", "I": "l", "e": "c", "a": "o",
              "m": "rn", "rn": "m", "B": "8", "8": "B", "g": "q", ",": ".", ".": ",", "i": "l", "t": "f"}


@dataclass(frozen=True)
class Sample:
    """One training text and its label (a DocType value)."""

    text: str
    label: str
    source: str  # layout or template name, for per-source error reports


class RecordingPage(Page):
    """A sample `Page` that keeps each drawn word with its box instead of writing a PDF."""

    def __init__(self, style: Style) -> None:  # noqa: D107 - Page's own __init__ would open a file
        register_fonts()
        if unicode_fonts_available():
            register_unicode_fonts()  # metrics of the fonts that names with diacritics print in
        self.canvas = Canvas(io.BytesIO(), pagesize=letter, invariant=1)
        self.style = style
        self.page = 1
        self.words: list[Word] = []

    def text(self, x: float, y: float, s: str, size: float = 10.5, bold: bool = False, right: bool = False) -> None:
        """Record the words of one drawn string (boxes from the font's metrics)."""
        font = self._font(bold)
        left = x - stringWidth(s, font, size) if right else x
        offset = 0
        for token in s.split(" "):
            if token:
                x0 = left + stringWidth(s[:offset], font, size)
                x1 = x0 + stringWidth(token, font, size)
                self.words.append(Word(self.page, token, 1.0, x0, y - 0.8 * size, x1, y + 0.2 * size))
            offset += len(token) + 1

    def new_page(self) -> None:
        """Words drawn from now on belong to the next page."""
        self.page += 1

    def save(self) -> None:
        """Nothing to write."""


def page_texts(words: list[Word]) -> list[str]:
    """One text per page: its lines in reading order, one per row (as the classifier reads pages)."""
    lines = build_lines(words)
    return ["\n".join(line.text for line in lines if line.page == page) for page in sorted({w.page for w in words})]


def ocr_noise(text: str, rng: random.Random, rate: float) -> str:
    """`text` as a poor scan might read: look-alike swaps, lost letters, split and merged words."""
    if not rate:
        return text
    out: list[str] = []
    for word in text.split(" "):
        roll = rng.random()
        if roll < rate / 4:
            continue  # a word OCR did not see
        if roll < rate / 2 and len(word) > 3:
            cut = rng.randint(1, len(word) - 1)
            word = f"{word[:cut]} {word[cut:]}"
        chars = [CONFUSIONS.get(ch, ch) if rng.random() < rate else ch for ch in word]
        chars = [ch for ch in chars if rng.random() >= rate / 3]
        out.append("".join(chars))
    return " ".join(out)


def _style(rng: random.Random, doc_type: str, layout: str) -> Style:
    """A print style as the generator draws them (the first layouts know two label variants, later ones four)."""
    classic = layout in CLASSIC[doc_type]
    return Style(dates=rng.choice(("us", "long", "iso", "short") + (() if classic else ("dayfirst",))),
                 font=rng.choice(("Helvetica", "Times", "Courier")), variant=rng.randint(0, 1 if classic else 3),
                 mask=rng.choice(("XXXXXX", "****", "")), money_style=rng.choice(("plain", "dollar", "usd", "bare")),
                 parens=rng.random() < 0.5)


def supported_samples(rng: random.Random, loans: int, tax_year: int) -> list[Sample]:
    """Every training-split layout of every type for `loans` borrowers; each page a sample, and a partial copy.

    Held-out layouts (samples.variety.HELD_OUT) are never trained on: the evaluation set measures them.
    """
    samples: list[Sample] = []
    for _ in range(loans):
        for doc_type, doc in make_loan(rng, None, tax_year).items():
            for name, layout in sorted(layouts_for(doc_type, "train").items()):
                page = RecordingPage(_style(rng, doc_type, name))
                layout(page, doc)
                for text in page_texts(page.words):
                    samples.append(Sample(ocr_noise(text, rng, rng.choice(NOISE_RATES)), doc_type, name))
                    samples.append(Sample(ocr_noise(drop_lines(text, rng), rng, rng.choice(NOISE_RATES)),
                                          doc_type, name))
    return samples


def drop_lines(text: str, rng: random.Random, keep: float = KEEP_LINES) -> str:
    """`text` with lines left out at random: the model must not lean on any one line (a title, a label)."""
    return "\n".join(line for line in text.split("\n") if rng.random() < keep)


def foreign_samples(rng: random.Random, per_template: int) -> list[Sample]:
    """`per_template` papers of each foreign template, labelled unknown, noisy or clean."""
    return [
        Sample(ocr_noise("\n".join(make(rng)), rng, rng.choice(NOISE_RATES)), UNKNOWN, name)
        for name, make in sorted(TEMPLATES.items())
        for _ in range(per_template)
    ]


def training_corpus(seed: int, loans: int = 40, per_template: int = 30, tax_year: int = TAX_YEAR) -> list[Sample]:
    """The labelled corpus of one seed: the same seed and code give the same samples in the same order."""
    rng = random.Random(seed)
    return supported_samples(rng, loans, tax_year) + foreign_samples(rng, per_template)
