"""Text-layer PDFs with the characters and drawing habits of real PDF producers, for measuring text-layer reading.

A `QuirkyPage` draws a layout as usual, but its text goes through what real producers do: curly apostrophes,
non-breaking spaces and hyphens, the Unicode minus, ligatures, soft hyphens and zero-width spaces, decomposed
accents (NFD); runs split by kerning, bold simulated by drawing twice, letter-spaced headings, justified gaps,
values drawn after all the labels of a page, invisible (white or tiny) text and a vertical margin note.
The layouts' values and truth do not change: the quirks change how text is drawn, never what it says.
Only the set written here uses it; the other sample sets draw with the plain `Page`.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from pathlib import Path

from loan_extractor.samples.draw import HEIGHT, UNICODE_FONTS, Page, Style, register_unicode_fonts
from loan_extractor.samples.evaluation_set import DOC_TYPES, TRUTH_FILE
from loan_extractor.samples.names import ASCII, DIACRITICS
from loan_extractor.samples.sample_set import default_tax_year
from loan_extractor.samples.variety import as_printed, draw_style, layout_named, layouts_for, make_borrower_docs

_LIGATURES = {"ffi": "\ufb03", "ffl": "\ufb04", "fi": "\ufb01", "fl": "\ufb02", "ff": "\ufb00"}
_DASHES = ("\u2011", "\u2010", "\u2013", "\u2212")  # non-breaking hyphen, hyphen, en dash, minus


def quirky_characters(text: str, rng: random.Random) -> str:
    """The same text as a real producer may encode it: each substitution keeps what a reader sees."""
    text = text.replace("'", "\u2019")
    if rng.random() < 0.5:
        text = re.sub(r"(?<=\S) (?=\S)", lambda _: rng.choice(("\u00a0", "\u202f", " ")), text)
    text = re.sub(r"(?<=\d)-(?=\d)", lambda _: rng.choice(_DASHES), text)
    text = re.sub(r"(?<![\w])-(?=[$\d])", "\u2212", text) if rng.random() < 0.5 else text
    if rng.random() < 0.6:
        text = re.sub("ffi|ffl|fi|fl|ff", lambda m: _LIGATURES[m.group()], text)
    if rng.random() < 0.3:
        text = re.sub(r"(?<=[a-z]{3})(?=[a-z]{3})", lambda _: "\u00ad" if rng.random() < 0.15 else "", text)
    if rng.random() < 0.2:
        text = re.sub(r"(?<=[A-Za-z]{2})(?=[A-Za-z]{2})", lambda _: "\u200b" if rng.random() < 0.1 else "", text)
    return unicodedata.normalize("NFD", text) if rng.random() < 0.5 else text


class QuirkyPage(Page):
    """A page whose text is drawn the ways real producers draw it; shapes are drawn as usual."""

    def __init__(self, path: Path, style: Style, seed: int) -> None:
        super().__init__(path, style)
        self.rng = random.Random(seed)
        self._deferred: list[tuple[float, float, str, float, bool, bool]] = []

    def text(self, x: float, y: float, s: str, size: float = 10.5, bold: bool = False, right: bool = False) -> None:
        """Labels (bold or small) now, values at the end of the page half of the time: out of reading order."""
        if not bold and size >= 9 and self.rng.random() < 0.5:
            self._deferred.append((x, y, s, size, bold, right))
        else:
            self._draw(x, y, s, size, bold, right)

    def new_page(self) -> None:
        self._finish_page()
        super().new_page()

    def save(self) -> None:
        self._finish_page()
        super().save()

    def _finish_page(self) -> None:
        for item in self._deferred:
            self._draw(*item)
        self._deferred.clear()
        c = self.canvas
        c.saveState()
        c.setFillColorRGB(1, 1, 1)  # white text nobody sees
        c.setFont(self._font(False), 6)
        c.drawString(300, HEIGHT - 780, "Template rev 7 Net Pay 0.00 Account 0000")
        c.setFillColorRGB(0, 0, 0)
        c.setFont(self._font(False), 1)  # text too small to read
        c.drawString(60, HEIGHT - 20, "Employee Name Total Deposits 0.00")
        c.setFont(self._font(False), 6)  # a vertical note in the left margin
        c.translate(20, 200)
        c.rotate(90)
        c.drawString(0, 0, "Printed 01/02/2020 form 88-1 page 1 of 1")
        c.restoreState()

    def _draw(self, x: float, y: float, s: str, size: float, bold: bool, right: bool) -> None:
        rng, font = self.rng, self._font(bold)
        chars = quirky_characters(s, rng)
        left = x - self.canvas.stringWidth(chars, font, size) if right else x
        spacing = {}
        if size >= 12 and len(chars) <= 14 and rng.random() < 0.6:
            # a letter-spaced heading, its glyphs smaller so that it keeps its width and overlaps nothing
            unit = self.canvas.stringWidth(chars, font, 1)
            size = size * unit / (unit + 0.3 * (len(chars) - 1))
            spacing = {"char": size * 0.3}
        elif " " in chars and rng.random() < 0.3:
            # justified: wide gaps between words, the glyphs smaller so that the line keeps its width
            unit = self.canvas.stringWidth(chars, font, 1)
            size = size * unit / (unit + 0.6 * chars.count(" "))
            spacing = {"word": size * 0.6}
        if not spacing and len(chars) > 4 and rng.random() < 0.4:  # kerned runs: pieces with tiny shifts
            cut = rng.randint(1, len(chars) - 1)
            self._run(left, y, chars[:cut], font, size, spacing)
            after = left + self.canvas.stringWidth(chars[:cut], font, size) + 0.4
            self._run(after, y, chars[cut:], font, size, spacing)
        else:
            self._run(left, y, chars, font, size, spacing)
        if bold and rng.random() < 0.5:  # simulated bold: the same text again, shifted a little
            self._run(left + 0.3, y, chars, font, size, spacing)

    def _run(self, x: float, y: float, chars: str, font: str, size: float, spacing: dict[str, float]) -> None:
        obj = self.canvas.beginText(x, HEIGHT - y)
        obj.setFont(font, size)
        obj.setCharSpace(spacing.get("char", 0))
        obj.setWordSpace(spacing.get("word", 0))
        obj.textOut(chars)
        self.canvas.drawText(obj)


def write_quirky_set(out_dir: Path, seed: int = 41, per_layout: int = 4, tax_year: int | None = None) -> Path:
    """Every unseen layout drawn `per_layout` times as a quirky text-layer PDF; returns the truth file."""
    rng, year, truth = random.Random(seed), tax_year or default_tax_year(), {}
    register_unicode_fonts()
    for doc_type in DOC_TYPES:
        for layout in sorted(layouts_for(doc_type, "unseen")):
            for i in range(per_layout):
                script = (ASCII, DIACRITICS)[i % 2]
                docs, _ = make_borrower_docs(rng, script, year)
                doc = as_printed(docs[doc_type], layout)
                style = draw_style(rng, layout, False, "")
                style = Style(**{**style.__dict__, "font": rng.choice(sorted(UNICODE_FONTS))})
                path = Path(out_dir) / "text" / f"{doc_type}_{layout}_{i + 1:02d}.pdf"
                path.parent.mkdir(parents=True, exist_ok=True)
                page = QuirkyPage(path, style, rng.randint(0, 2**31 - 1))
                layout_named(doc_type, layout)(page, doc)
                last = page.canvas.getPageNumber()
                page.save()
                truth[str(path.relative_to(out_dir))] = {
                    "doc_type": doc_type, "fields": dict(doc.fields), "pages": list(range(1, last + 1)),
                    "meta": {"format": "pdf_text", "dpi": None, "rotation": 0, "quality_band": "text",
                             "layout_split": "unseen", "layout": layout, "name_script": script}}
    truth_path = Path(out_dir) / TRUTH_FILE
    text = json.dumps(dict(sorted(truth.items())), indent=2, ensure_ascii=False) + "\n"
    truth_path.write_text(text, encoding="utf-8")
    return truth_path
