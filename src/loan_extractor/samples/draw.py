"""Drawing primitives over a reportlab canvas (top-left origin) and the printed value styles.

Fonts come with reportlab, never from the system. Text-layer PDFs use the standard fonts
(Helvetica, Times, Courier: not embedded). Sources of scans must embed their fonts: poppler
renders a non-embedded Helvetica with whatever the system substitutes (DejaVu Sans here), whose
wider glyphs squeezed into Helvetica's widths make tesseract split words ("J ane", "S ystems").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import reportlab
from reportlab.lib.pagesizes import letter
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

WIDTH, HEIGHT = letter
MARGIN = 54.0
# TrueType families with the full Latin script (Polish, Vietnamese...): the Type 1 fonts below stop at Latin-1.
# They are embedded as subsets, so text-layer PDFs and scans render the same everywhere.
UNICODE_FONTS = {"DejaVu": ("DejaVuSans", "DejaVuSans-Bold"), "DejaVuSerif": ("DejaVuSerif", "DejaVuSerif-Bold"),
                 "DejaVuMono": ("DejaVuSansMono", "DejaVuSansMono-Bold")}
DRAWN_UNICODE = ("DejaVu", "DejaVuSerif")
DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")
# font family -> (regular, bold); "Sans" and "Serif" are Type 1 fonts shipped in reportlab/fonts
FONTS = {
    "Helvetica": ("Helvetica", "Helvetica-Bold"),
    "Times": ("Times-Roman", "Times-Bold"),
    "Courier": ("Courier", "Courier-Bold"),
    "Sans": ("SampleSans", "SampleSans-Bold"),
    "Serif": ("SampleSerif", "SampleSerif-Bold"),
    "Mono": ("SampleMono", "SampleMono-Bold"),  # embedded Courier, for scans in a monospaced face
    **UNICODE_FONTS,
}
EMBEDDED = {"SampleSans": "_a______", "SampleSans-Bold": "_ab_____", "SampleSerif": "_er_____",
            "SampleSerif-Bold": "_eb_____", "SampleMono": "com_____", "SampleMono-Bold": "cob_____"}


def register_fonts() -> None:
    """Register the embedded families with reportlab (idempotent)."""
    folder = Path(reportlab.__file__).parent / "fonts"
    known = set(pdfmetrics.getRegisteredFontNames())
    for name, stem in EMBEDDED.items():
        if name not in known:
            face = pdfmetrics.EmbeddedType1Face(str(folder / f"{stem}.afm"), str(folder / f"{stem}.pfb"))
            pdfmetrics.registerTypeFace(face)
            pdfmetrics.registerFont(pdfmetrics.Font(name, face.name, "WinAnsiEncoding"))


def unicode_fonts_available(folder: Path = DEJAVU_DIR) -> bool:
    """Whether the DejaVu TrueType files the random draws use are installed (Debian: `fonts-dejavu-core`); the
    monospaced one only a forced face asks for."""
    return all((folder / f"{name}.ttf").is_file() for family in DRAWN_UNICODE for name in UNICODE_FONTS[family])


@lru_cache(maxsize=None)
def _characters(font: str, folder: Path = DEJAVU_DIR) -> frozenset[int]:
    from reportlab.pdfbase.ttfonts import TTFontFile

    return frozenset(TTFontFile(str(folder / f"{font}.ttf")).charToGlyph)


def covers(family: str, text: str) -> bool:
    """Whether a TrueType family has a glyph for every character of the text (DejaVu Sans Mono lacks "ễ", "ầ")."""
    return all(ord(c) in _characters(face) for face in UNICODE_FONTS[family] for c in text if not c.isspace())


def register_unicode_fonts(folder: Path = DEJAVU_DIR) -> None:
    """Register the DejaVu families (idempotent); raises FileNotFoundError when they are not installed."""
    from reportlab.pdfbase.ttfonts import TTFont

    known = set(pdfmetrics.getRegisteredFontNames())
    for regular, bold in UNICODE_FONTS.values():
        for name in (regular, bold):
            if name not in known:
                pdfmetrics.registerFont(TTFont(name, str(folder / f"{name}.ttf")))


@dataclass(frozen=True)
class Style:
    """How one document prints its values: date style, dollar sign, font, label variant, account mask."""

    dates: str = "us"  # "us" 03/15/2026, "long" March 15, 2026, "iso" 2026-03-15
    dollar: bool = True
    font: str = "Helvetica"
    variant: int = 0  # 0 or 1: which of two label synonyms a layout prints
    mask: str = "XXXXXX"  # printed before an account's last four digits; "" prints the full number
    # None keeps `dollar`; else "plain" 1,234.56, "dollar" $1,234.56, "usd" USD 1,234.56, "bare" 1234.56
    money_style: str | None = None
    parens: bool = False  # negative amounts printed as (12.00) instead of -12.00

    def date(self, iso: str) -> str:
        """An ISO date printed in this style."""
        d = date.fromisoformat(iso)
        if self.dates == "long":
            return f"{d:%B} {d.day}, {d.year}"
        if self.dates == "short":
            return f"{d.day:02d} {d:%b} {d.year}"
        if self.dates == "dayfirst":  # layouts print it only under a label that says DD/MM/YYYY
            return f"{d:%d/%m/%Y}"
        return d.isoformat() if self.dates == "iso" else f"{d:%m/%d/%Y}"

    def date_label(self, label: str) -> str:
        """A date's label, naming the order of day and month when this style prints day first."""
        return f"{label} (DD/MM/YYYY)" if self.dates == "dayfirst" else label

    def account(self, number: str) -> str:
        """An account number masked down to its last four digits (or in full when the mask is empty)."""
        return self.mask + number[-4:] if self.mask else number

    def money(self, value: str | int) -> str:
        """A contract money string (or integer cents) printed with separators, maybe a dollar sign."""
        cents = value if isinstance(value, int) else round(float(value) * 100)
        if self.money_style is None:
            sign = "-" if cents < 0 else ""
            return f"{sign}{'$' if self.dollar else ''}{abs(cents) // 100:,}.{abs(cents) % 100:02d}"
        whole = f"{abs(cents) // 100}" if self.money_style == "bare" else f"{abs(cents) // 100:,}"
        prefix = {"dollar": "$", "usd": "USD "}.get(self.money_style, "")
        amount = f"{prefix}{whole}.{abs(cents) % 100:02d}"
        if cents >= 0:
            return amount
        return f"({amount})" if self.parens else f"-{amount}"


class Page:
    """A reportlab canvas addressed from the top left, with the few shapes the layouts need."""

    def __init__(self, path: Path, style: Style, encrypt: str | None = None) -> None:
        register_fonts()
        if style.font in UNICODE_FONTS:
            register_unicode_fonts()
        self.canvas = Canvas(str(path), pagesize=letter, invariant=1, encrypt=encrypt, pageCompression=1)
        self.style = style

    def text(self, x: float, y: float, s: str, size: float = 10.5, bold: bool = False, right: bool = False) -> None:
        """Draw one line of text with its baseline `y` points below the page top."""
        self.canvas.setFont(self._font(bold), size)
        draw = self.canvas.drawRightString if right else self.canvas.drawString
        draw(x, HEIGHT - y, s)

    def pair(self, x: float, y: float, label: str, value: str, gap: float = 150, size: float = 10.5) -> None:
        """A `Label:` followed by its value on the same line."""
        self.text(x, y, f"{label}:", size, bold=True)
        self.text(x + gap, y, value, size)

    def box(self, x: float, y: float, w: float, h: float, label: str, value: str = "", size: float = 10.5) -> None:
        """A form box: small label at its top left, the value below it."""
        self.canvas.setLineWidth(0.8)
        self.canvas.rect(x, HEIGHT - y - h, w, h)
        self.text(x + 4, y + 11, label, size=8.5)
        if value:
            self.text(x + 6, y + h - 8, value, size)

    def rule(self, y: float, x0: float = MARGIN, x1: float = WIDTH - MARGIN, width: float = 0.8) -> None:
        """A horizontal line across the page."""
        self.canvas.setLineWidth(width)
        self.canvas.line(x0, HEIGHT - y, x1, HEIGHT - y)

    def table(self, x: float, y: float, widths: list[float], rows: list[list[str]], line: float = 16,
              left_cols: int = 1, size: float = 10.5, inset: float = 0.0) -> float:
        """Rows of cells, the first row a bold header; amounts (after `left_cols`) right-aligned `inset` points in
        from their cell's right edge. Returns next y."""
        for number, row in enumerate(rows):
            left = x
            for col, (cell, w) in enumerate(zip(row, widths)):
                if col < left_cols:
                    self.text(left, y, cell, size, bold=number == 0)
                else:
                    self.text(left + w - inset, y, cell, size, bold=number == 0, right=True)
                left += w
            if number == 0:
                self.rule(y + 4, x, x + sum(widths), 0.6)
            y += line
        return y

    def new_page(self) -> None:
        """Finish the current page and start another."""
        self.canvas.showPage()

    def save(self) -> None:
        """Write the PDF."""
        self.canvas.showPage()
        self.canvas.save()

    def _font(self, bold: bool) -> str:
        return FONTS[self.style.font][1 if bold else 0]
