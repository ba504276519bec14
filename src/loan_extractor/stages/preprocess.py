"""Stage 3: page images for OCR and quality figures for every page.

Each page ends as `<work_dir>/<doc_id>/page-NNN.png` (deskewed, lightly denoised when noisy) with
a PageImage. What `PageImage.dpi` means depends on where the page came from:
- image files: the scan resolution (the file's DPI when plausible, else estimated from its width);
- PDFs read through OCR: rendered at `ocr.render_dpi`; `dpi` is the embedded scan's resolution when
  it is lower (an upscaled 150-ppi scan is still a 150-ppi scan), else the render DPI;
- PDFs with a usable text layer: no OCR render is needed, so pages are rendered at `PREVIEW_DPI`
  only for the figures; `dpi` is that preview resolution, not a property of the document.
The PNG's own pixel density (pHYs) is always its true one, which is what tesseract reads.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageOps

from loan_extractor import formats, imaging, page_pixels
from loan_extractor.config import PipelineConfig
from loan_extractor.errors import ToolError
from loan_extractor.models import Document, PageImage, Reason
from loan_extractor.tools import poppler

STAGE = "preprocess"
PREVIEW_DPI = imaging.WORKING_DPI
_RENDER_CHUNK = 4  # pages rendered per pdftoppm call: amortises start-up, bounds the scratch disk
MIN_DESKEW_DEGREES = 0.2  # below this, rotating costs more sharpness than it gains
_NEAREST_ROTATE_DPI = 200  # from here nearest-pixel rotation is as good for OCR and twice as fast
_NOISE_SIGMA = 4.0  # Immerkaer estimate; reads ~0.6 sigma on white paper clipped at 255, so ~7 gray levels
_SPECKLE_SHARE = 0.001
_GRAIN_SIGMA = 1.0  # at or above, the page is a grainy scan that zlib cannot shrink quickly
_MIN_DENOISE_DPI = 150  # under this a 3x3 median eats thin strokes
_BLANK_INK_SHARE = 0.002  # a page without text-layer words but with more ink than this is a scan
LEADER = re.compile(r"[.·_…-]{3,}")  # a dotted or ruled leader between a label and its value


def preprocess_document(doc: Document, cfg: PipelineConfig, work_dir: Path) -> Document:
    """Write every page as a cleaned PNG with its figures; decide text layer or OCR for PDFs."""
    if doc.is_terminal:
        return doc
    path = Path(doc.local_path)
    out_dir = work_dir / doc.doc_id
    out_dir.mkdir(parents=True, exist_ok=True)
    media_type = doc.media_type or formats.sniff_file(path).media_type
    if media_type == formats.PDF:
        return _preprocess_pdf(doc, path, cfg, out_dir)
    try:
        pages = [prepare_page(gray, n, dpi, dpi, out_dir) for n, gray, dpi in image_frames(path)]
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        message = f"{doc.source} could not be decoded ({exc}): scan or export it again."
        return doc.with_issue(STAGE, Reason.CORRUPT, message)
    return _with_pages(doc, pages, text_source="ocr")


def prepare_page(gray: np.ndarray, number: int, pixel_dpi: float, source_dpi: float, out_dir: Path) -> PageImage:
    """Denoise when noisy, measure, deskew, fingerprint and write one page; `gray` is at `pixel_dpi`."""
    noise = imaging.noise_level(gray)
    if pixel_dpi >= _MIN_DENOISE_DPI and (noise > _NOISE_SIGMA or imaging.speckle_fraction(gray) > _SPECKLE_SHARE):
        gray = imaging.denoise(gray)
    small = imaging.working_copy(gray, pixel_dpi)
    clarity = imaging.clarity_score(small)  # before rotating: interpolation would blur what we measure
    skew = imaging.estimate_skew(small)
    rotated = abs(skew) > MIN_DESKEW_DEGREES
    if rotated:
        gray = imaging.rotate(gray, -skew, smooth=pixel_dpi < _NEAREST_ROTATE_DPI)
        small = imaging.rotate(small, -skew)
    path = out_dir / f"page-{number:03d}.png"
    # Only clean, unrotated pages (renders) compress fast; grain and interpolated edges cost zlib 2-10x more.
    imaging.write_png(path, gray, pixel_dpi, compress=noise < _GRAIN_SIGMA and not rotated)
    page_pixels.keep(path, gray)  # OCR reads these very pixels next: spare it decoding the file
    return PageImage(
        number=number,
        path=str(path),
        width=gray.shape[1],
        height=gray.shape[0],
        dpi=source_dpi,
        clarity=round(clarity, 4),
        skew_degrees=skew,
        dhash=imaging.dhash(small),
    )


def _preprocess_pdf(doc: Document, path: Path, cfg: PipelineConfig, out_dir: Path) -> Document:
    page_count = doc.page_count or poppler.pdf_info(path).pages
    timeout = cfg.ocr.page_timeout_seconds
    words_per_page = _text_layer_counts(path, cfg.ocr.min_text_layer_words)
    if words_per_page is not None:
        pages, inked_without_text = [], False
        with closing(_render(path, page_count, PREVIEW_DPI, out_dir, timeout)) as rendered:  # cleans up on break
            for number, gray in rendered:
                if not words_per_page[number] and imaging.ink_mask(gray).mean() > _BLANK_INK_SHARE:
                    inked_without_text = True  # a scanned page among text pages: OCR the whole document
                    break
                pages.append(prepare_page(gray, number, PREVIEW_DPI, PREVIEW_DPI, out_dir))
        if not inked_without_text:
            return _with_pages(doc, pages, text_source="text_layer")
    dpi = cfg.ocr.render_dpi
    ppi = poppler.image_resolutions(path, timeout)
    pages = [
        prepare_page(gray, number, dpi, min(ppi.get(number, dpi), dpi), out_dir)
        for number, gray in _render(path, page_count, dpi, out_dir, timeout)
    ]
    return _with_pages(doc, pages, text_source="ocr")


def _text_layer_counts(path: Path, min_words: int) -> Counter[int] | None:
    """Words per page when the text layer is usable, None when the PDF has to be OCR'd."""
    try:
        words = poppler.text_words(path)
    except ET.ParseError:
        return None  # pdftotext wrote control characters from a broken font encoding: garbage text
    return Counter(word.page for word in words) if sane_text_layer(words, min_words) else None


def _render(path: Path, page_count: int, dpi: int, out_dir: Path, timeout: float) -> Iterator[tuple[int, np.ndarray]]:
    """Pages rendered a few at a time to grayscale PGM, read back and deleted at once."""
    scratch = out_dir / ".render"
    shutil.rmtree(scratch, ignore_errors=True)
    try:
        for first in range(1, page_count + 1, _RENDER_CHUNK):
            last = min(page_count, first + _RENDER_CHUNK - 1)
            files = poppler.render_pages(path, scratch, dpi, first, last, timeout * (last - first + 1))
            if len(files) != last - first + 1:
                raise ToolError("pdftoppm", f"rendered {len(files)} files for pages {first}-{last} of {path.name}")
            for file in files:
                gray = cv2.imread(str(file), cv2.IMREAD_GRAYSCALE)
                file.unlink()
                if gray is None:
                    raise ToolError("pdftoppm", f"wrote an unreadable page image {file.name}")
                yield int(file.stem.rsplit("-", 1)[1]), gray
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _with_pages(doc: Document, pages: list[PageImage], text_source: str) -> Document:
    numbers = tuple(page.number for page in pages)
    return doc.update(page_images=tuple(pages), page_count=len(pages), pages=numbers, text_source=text_source)


def sane_text_layer(words: list[poppler.TextWord], min_words: int) -> bool:
    """Enough words, mostly printable ASCII, mostly holding a letter or digit: not a broken font's garbage.

    Dotted leaders ("Gross Pay ........ 2,345.67") are left out of the ratios: a statement of such lines is
    mostly dots and still a sane text layer."""
    texts = [word.text for word in words if word.text.strip() and not LEADER.fullmatch(word.text)]
    if len(texts) < max(1, min_words):
        return False
    chars = "".join(texts)
    printable = sum(ch.isascii() and ch.isprintable() for ch in chars)
    alnum = sum(ch.isalnum() for ch in chars)
    wordy = sum(any(ch.isalnum() for ch in text) for text in texts)
    return printable >= 0.85 * len(chars) and alnum >= 0.5 * len(chars) and wordy >= 0.6 * len(texts)


def image_frames(path: Path) -> Iterator[tuple[int, np.ndarray, float]]:
    """Each page of an image file (every TIFF frame) as grayscale, upright per EXIF, with its DPI."""
    with Image.open(path) as image:
        frames = getattr(image, "n_frames", 1) if image.format == "TIFF" else 1
        for index in range(frames):
            image.seek(index)
            if image.format == "JPEG":
                image.draft("L", image.size)  # let libjpeg emit grayscale: skips a colour conversion
            # Phone photos are stored sideways with an EXIF orientation tag; honour it (copies only then).
            upright = image.getexif().get(0x0112, 1) not in (1, None)
            gray = _to_gray(ImageOps.exif_transpose(image) if upright else image)
            declared = image.info.get("dpi")
            dpi = imaging.estimate_dpi(gray.shape[1], gray.shape[0], float(declared[0]) if declared else None)
            yield index + 1, gray, dpi


def _to_gray(frame: Image.Image) -> np.ndarray:
    """8-bit grayscale; transparency becomes white paper and 16-bit samples are scaled, not clipped."""
    if frame.mode.startswith("I"):
        values = np.asarray(frame).astype(np.float32)
        scale = 257.0 if values.max() > 255 else 1.0
        return np.clip(values / scale, 0, 255).astype(np.uint8)
    if "A" in frame.getbands() or "transparency" in frame.info:
        rgba = frame.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return np.asarray(Image.alpha_composite(white, rgba).convert("L"))
    if frame.mode == "L":
        return np.asarray(frame)
    return np.asarray(frame.convert("L"))
