"""Scans of a wider range of quality than the sample set's: resolution, skew, quarter turns, noise, blur
and JPEG compression, each drawn per document and recorded in its truth's `meta`."""

from __future__ import annotations

import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from loan_extractor.samples.scans import _PDF_DATE, rasterise


@dataclass(frozen=True)
class Degradation:
    """How one document is scanned; `rotation` is a quarter turn (0, 90, 180, 270) applied after skew."""

    fmt: str  # png | jpeg | tiff | pdf_scan
    dpi: int
    skew: float = 0.0
    rotation: int = 0
    noise: float = 6.0  # standard deviation of the gaussian noise, in grey levels
    blur: float = 0.6  # gaussian blur sigma in pixels (0: none)
    jpeg_quality: int = 90  # for jpeg and the JPEG-compressed pages of pdf_scan

    def meta(self) -> dict[str, object]:
        """The degradation as truth metadata (`format`, `dpi`, `skew`, `rotation`, ...)."""
        data = asdict(self)
        data["format"] = data.pop("fmt")
        return data


def degrade_page(page: Image.Image, seed: int, how: Degradation) -> Image.Image:
    """Skew, blur, noise and white-point clipping, then the quarter turn (a page fed sideways)."""
    rng = np.random.default_rng(seed)
    pixels = np.asarray(page, dtype=np.uint8)
    h, w = pixels.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), how.skew, 1.0)
    pixels = cv2.warpAffine(pixels, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)
    if how.blur > 0:
        pixels = cv2.GaussianBlur(pixels, (0, 0), how.blur)
    noisy = pixels.astype(np.float32) + rng.normal(0.0, how.noise, pixels.shape).astype(np.float32)
    # scanners clip near-white to white; without it the noise would triple the size of lossless files
    noisy[noisy > 218] = 255
    pixels = np.clip(noisy, 0, 255).astype(np.uint8)
    if how.rotation:
        pixels = np.ascontiguousarray(np.rot90(pixels, k=-how.rotation // 90))  # clockwise quarter turns
    return Image.fromarray(pixels, mode="L")


def save_pages(pages: list[Image.Image], path: Path, how: Degradation) -> Path:
    """Save the degraded pages in the planned format; single-image formats take one page only."""
    first, rest = pages[0], pages[1:]
    if how.fmt in ("png", "jpeg") and rest:
        raise ValueError(f"{path.name}: {how.fmt} holds one page, the document has {len(pages)}")
    dpi = (how.dpi, how.dpi)
    if how.fmt == "png":
        first.save(path, "PNG", dpi=dpi, optimize=True)
    elif how.fmt == "jpeg":
        first.save(path, "JPEG", dpi=dpi, quality=how.jpeg_quality)
    elif how.fmt == "tiff":
        first.save(path, "TIFF", dpi=dpi, compression="tiff_adobe_deflate", save_all=True, append_images=rest)
    elif how.fmt == "pdf_scan":
        first.save(path, "PDF", resolution=float(how.dpi), save_all=True, append_images=rest,
                   quality=how.jpeg_quality, creationDate=_PDF_DATE, modDate=_PDF_DATE)
    else:
        raise ValueError(f"unknown scan format {how.fmt!r}")
    return path


def scan_degraded(pdf: Path, path: Path, how: Degradation, seed: int) -> Path:
    """Rasterise `pdf` at the planned resolution, degrade every page and save it as planned."""
    pages = [degrade_page(page, seed + number, how) for number, page in enumerate(rasterise(pdf, how.dpi))]
    return save_pages(pages, path, how)


def scan_to(target: Path, how: Degradation, seed: int, draw) -> Path:  # type: ignore[no-untyped-def]
    """Draw a text-layer PDF with `draw(source_path)` in a scratch folder and scan it to `target`."""
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "source.pdf"
        draw(source)
        return scan_degraded(source, target, how, seed)
