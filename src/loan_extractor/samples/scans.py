"""Turn a text-layer PDF into a plausible scan: rasterise with poppler, degrade, save as an image format."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from loan_extractor.tools.poppler import pdf_info, render_pages

# scan formats and the file extension each is saved with
EXTENSIONS = {"png": ".png", "jpeg": ".jpg", "tiff": ".tif", "pdf_scan": ".pdf"}
# a fixed date keeps image-only PDFs byte-identical from run to run
_PDF_DATE = time.gmtime(1767225600)  # 2026-01-01T00:00:00Z (Pillow wants a struct_time)


def rasterise(pdf: Path, dpi: int) -> list[Image.Image]:
    """Every page of `pdf` as a grayscale image at `dpi`."""
    pages = pdf_info(pdf).pages
    with tempfile.TemporaryDirectory() as work:
        paths = render_pages(pdf, Path(work), dpi, 1, pages, timeout=120)
        return [Image.open(p).convert("L") for p in paths]


def degrade(page: Image.Image, seed: int, angle: float) -> Image.Image:
    """Slight skew, slight blur, mild gaussian noise; the scanner's white point flattens the paper."""
    rng = np.random.default_rng(seed)
    pixels = np.asarray(page, dtype=np.uint8)
    h, w = pixels.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    pixels = cv2.warpAffine(pixels, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)
    pixels = cv2.GaussianBlur(pixels, (3, 3), 0.6).astype(np.float32)
    pixels += rng.normal(0.0, 7.0, pixels.shape).astype(np.float32)
    # scanners clip near-white to white; without it the noise would triple the size of lossless files
    pixels[pixels > 218] = 255
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), mode="L")


def save_scan(pages: list[Image.Image], path: Path, fmt: str, dpi: int) -> Path:
    """Save degraded pages as `fmt` (png, jpeg: one page; tiff, pdf_scan: every page)."""
    first, rest = pages[0], pages[1:]
    if fmt == "png":
        first.save(path, "PNG", dpi=(dpi, dpi), optimize=True)
    elif fmt == "jpeg":
        first.save(path, "JPEG", dpi=(dpi, dpi), quality=90)
    elif fmt == "tiff":
        first.save(path, "TIFF", dpi=(dpi, dpi), compression="tiff_adobe_deflate", save_all=True, append_images=rest)
    elif fmt == "pdf_scan":
        first.save(path, "PDF", resolution=float(dpi), save_all=True, append_images=rest, quality=90,
                   creationDate=_PDF_DATE, modDate=_PDF_DATE)
    else:
        raise ValueError(f"unknown scan format {fmt!r}")
    return path


def scan_pdf(pdf: Path, path: Path, fmt: str, dpi: int, seed: int, angle: float) -> Path:
    """Rasterise `pdf`, degrade each page (skew `angle` degrees, noise from `seed`) and save it as `fmt`."""
    pages = [degrade(page, seed + number, angle) for number, page in enumerate(rasterise(pdf, dpi))]
    return save_scan(pages, path, fmt, dpi)
