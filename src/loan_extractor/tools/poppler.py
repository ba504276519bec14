"""poppler: PDF facts (pdfinfo), the text layer with word boxes (pdftotext -bbox), page rendering (pdf2image)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pdf2image
import pdf2image.exceptions

from loan_extractor.errors import ToolError, ToolTimeoutError
from loan_extractor.tools._run import run


_PAGE_SIZE = re.compile(r"^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts", re.MULTILINE)


@dataclass(frozen=True)
class PdfInfo:
    pages: int
    encrypted: bool
    needs_password: bool
    page_width_pt: float
    page_height_pt: float


@dataclass(frozen=True)
class TextWord:
    """A word of the text layer; coordinates in PDF points from the page's top left."""

    page: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def pdf_info(path: Path, timeout: float = 30) -> PdfInfo:
    """Page count, encryption and page size. A PDF that needs a password gives `needs_password`."""
    try:
        out = run(["pdfinfo", str(path)], timeout=timeout).stdout.decode("utf-8", "replace")
    except ToolTimeoutError:
        raise
    except ToolError as exc:
        if "Incorrect password" in exc.stderr:
            return PdfInfo(pages=0, encrypted=True, needs_password=True, page_width_pt=0, page_height_pt=0)
        raise
    pages = int(_field(out, "Pages") or 0)
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", out)
    width, height = (float(size.group(1)), float(size.group(2))) if size else (612.0, 792.0)
    encrypted = (_field(out, "Encrypted") or "no").startswith("yes")
    return PdfInfo(pages=pages, encrypted=encrypted, needs_password=False, page_width_pt=width, page_height_pt=height)


def text_words(path: Path, first_page: int = 1, last_page: int | None = None, timeout: float = 60) -> list[TextWord]:
    """Words of the PDF's text layer with their boxes, in reading order per page."""
    args = ["pdftotext", "-bbox", "-f", str(first_page)]
    if last_page is not None:
        args += ["-l", str(last_page)]
    xhtml = run([*args, str(path), "-"], timeout=timeout).stdout
    root = ET.fromstring(xhtml)
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    words: list[TextWord] = []
    for number, page in enumerate(root.iterfind(".//x:page", ns), start=first_page):
        for word in page.iterfind("x:word", ns):
            box = [float(word.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax")]
            words.append(TextWord(number, word.text or "", *box))
    return words


def render_pages(path: Path, out_dir: Path, dpi: int, first_page: int, last_page: int, timeout: float) -> list[Path]:
    """Render pages to grayscale PGM files in `out_dir` (PPM output is ~8x faster than PNG here)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        paths = pdf2image.convert_from_path(
            path,
            dpi=dpi,
            first_page=first_page,
            last_page=last_page,
            grayscale=True,
            fmt="ppm",
            output_folder=out_dir,
            output_file="render",
            paths_only=True,
            timeout=timeout,
        )
    except pdf2image.exceptions.PDFPopplerTimeoutError as exc:
        raise ToolTimeoutError("pdftoppm", f"rendering took longer than {timeout:.0f} s") from exc
    except (pdf2image.exceptions.PDFPageCountError, pdf2image.exceptions.PDFSyntaxError) as exc:
        raise ToolError("pdftoppm", "could not render the PDF", str(exc)) from exc
    return [Path(p) for p in sorted(paths)]


def page_sizes(path: Path, info: PdfInfo, timeout: float = 30) -> list[tuple[float, float]]:
    """Every page's size in points; `pdf_info` reports the first page only, and a later page can be the bomb."""
    if info.pages == 1:
        return [(info.page_width_pt, info.page_height_pt)]
    out = run(["pdfinfo", "-f", "1", "-l", str(info.pages), str(path)], timeout=timeout).stdout.decode("utf-8", "replace")
    sizes = [(float(w), float(h)) for _, w, h in _PAGE_SIZE.findall(out)]
    return sizes or [(info.page_width_pt, info.page_height_pt)]


def image_resolutions(path: Path, timeout: float) -> dict[int, float]:
    """The lowest resolution of the images on each page (pdfimages -list), for image-only PDFs."""
    try:
        out = run(["pdfimages", "-list", str(path)], timeout=timeout).stdout.decode("utf-8", "replace")
    except ToolError:
        return {}  # an optional figure: the render decides whether the PDF is readable
    ppi: dict[int, float] = {}
    for line in out.splitlines()[2:]:
        parts = line.split()
        if len(parts) >= 14 and parts[2] == "image" and parts[0].isdigit():
            try:
                resolution = min(float(parts[12]), float(parts[13]))
            except ValueError:
                continue
            page = int(parts[0])
            # Strips of one scan share a resolution; a small logo at high ppi must not hide a coarse scan.
            ppi[page] = min(ppi.get(page, resolution), resolution)
    return {page: value for page, value in ppi.items() if value > 0}



def _field(pdfinfo_out: str, name: str) -> str | None:
    match = re.search(rf"^{name}:\s*(.*)$", pdfinfo_out, re.MULTILINE)
    return match.group(1).strip() if match else None
