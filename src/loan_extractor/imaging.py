"""Pure page-image functions on 8-bit grayscale numpy arrays (0 = black ink, 255 = white paper).

Estimates (skew, clarity, fingerprint) run on a copy scaled to `WORKING_DPI`, so they cost
a few milliseconds per page and mean the same thing whatever the scan's resolution.
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

import cv2
import numpy as np

WORKING_DPI = 100
# Common scanner resolutions: an estimate within 6% of one of them is snapped to it.
_COMMON_DPI = (72, 96, 100, 120, 150, 200, 240, 300, 400, 600, 1200)
# Immerkaer's noise kernel: the difference of two Laplacians, blind to flat and linear regions.
_NOISE_KERNEL = np.array([[1, -2, 1], [-2, 4, -2], [1, -2, 1]], dtype=np.float32)
# Tile-wise Laplacian variance at 100 dpi: ~14,000 for crisp text, ~5,600 after a 1.5-pixel Gaussian
# blur at 300 dpi, ~1,900 after 2.5, ~300 after 4; 3,000 maps these to 0.99, 0.85, 0.46, 0.10.
CLARITY_SCALE = 3000.0
# 15,000 ink pixels place a text line's profile as well as all of them do, at a third of the cost.
_MAX_SKEW_POINTS = 15_000


def working_copy(gray: np.ndarray, dpi: float) -> np.ndarray:
    """The page scaled down to `WORKING_DPI` (never up) with area averaging, for the estimates.

    Whole-number factors first: OpenCV's area resize has a fast path for them (3 ms instead of
    20 ms for a 300-DPI page), and the remaining fraction then applies to a small image.
    """
    whole = int(dpi // WORKING_DPI)
    if whole >= 2:
        gray = cv2.resize(gray, None, fx=1 / whole, fy=1 / whole, interpolation=cv2.INTER_AREA)
        dpi /= whole
    if dpi > WORKING_DPI * 1.01:
        factor = WORKING_DPI / dpi
        gray = cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    return gray


def ink_mask(gray: np.ndarray) -> np.ndarray:
    """Boolean mask of ink pixels by Otsu's threshold (capped so a blank page stays blank)."""
    threshold, _ = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    # On a blank or nearly blank page Otsu splits paper noise in two: keep only clearly dark pixels.
    return gray < min(threshold, 200)


def estimate_skew(gray: np.ndarray, max_degrees: float = 5.0) -> float:
    """Angle in degrees by which the text lines are turned counter-clockwise; `rotate(g, -a)` straightens.

    Projection-profile search: the ink pixels are projected on the vertical axis turned by each
    candidate angle; the angle whose profile is sharpest (largest sum of squared bin counts) wins.
    A coarse 0.5-degree sweep over +-max_degrees is refined in 0.05-degree steps (about 10 ms a page).
    """
    ys, xs = np.nonzero(ink_mask(gray))
    if len(xs) < 50 or len(xs) > 0.5 * gray.size:
        return 0.0  # blank, or a dark page: no text lines to align
    step = max(1, len(xs) // _MAX_SKEW_POINTS)
    xs = (xs[::step] - xs.mean()).astype(np.float32)
    ys = (ys[::step] - ys.mean()).astype(np.float32)
    best = _sharpest(xs, ys, np.arange(-max_degrees, max_degrees + 1e-6, 0.5))
    return round(_sharpest(xs, ys, np.arange(best - 0.5, best + 0.5 + 1e-6, 0.05)), 2)


def _sharpest(xs: np.ndarray, ys: np.ndarray, angles: np.ndarray) -> float:
    radians = np.deg2rad(angles).astype(np.float32)[:, None]
    # A line turned counter-clockwise by t rises to the right (y falls): y*cos(t) + x*sin(t) is constant on it.
    proj = np.rint(ys[None, :] * np.cos(radians) + xs[None, :] * np.sin(radians)).astype(np.int64)
    proj -= proj.min()
    span = int(proj.max()) + 1
    counts = np.bincount((proj + np.arange(len(angles))[:, None] * span).ravel(), minlength=span * len(angles))
    counts = counts.reshape(len(angles), span).astype(np.float64)
    return float(angles[int(np.argmax((counts**2).sum(axis=1)))])


def rotate(gray: np.ndarray, degrees: float, smooth: bool = True) -> np.ndarray:
    """The page turned counter-clockwise by `degrees` on a canvas grown to keep every corner, white-filled.

    smooth=False samples the nearest pixel: twice as fast (16 ms instead of 36 ms of CPU for a
    300-DPI page), and at 200 DPI or more its one-pixel steps are far thinner than any stroke.
    """
    height, width = gray.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), degrees, 1.0)
    cos, sin = abs(matrix[0, 0]), abs(matrix[0, 1])
    new_w, new_h = round(height * sin + width * cos), round(height * cos + width * sin)
    matrix[0, 2] += new_w / 2 - width / 2
    matrix[1, 2] += new_h / 2 - height / 2
    flags = cv2.INTER_LINEAR if smooth else cv2.INTER_NEAREST
    return cv2.warpAffine(gray, matrix, (new_w, new_h), flags=flags, borderValue=255)


def turn_clockwise(gray: np.ndarray, degrees: int) -> np.ndarray:
    """The page turned clockwise by a multiple of 90 degrees (lossless: whole pixels move)."""
    return np.ascontiguousarray(np.rot90(gray, -(degrees // 90) % 4))


def noise_level(gray: np.ndarray, crop: int = 512) -> float:
    """Gaussian noise sigma in gray levels (Immerkaer's estimator, median-based so text edges barely count).

    Measured on a central crop at full resolution: scaling down would average the noise away.
    """
    patch = _center_crop(gray, crop).astype(np.float32)
    if min(patch.shape) < 3:
        return 0.0
    response = cv2.filter2D(patch, -1, _NOISE_KERNEL)[1:-1, 1:-1]
    # For pure Gaussian noise the response has sigma 6*s and a median absolute value of 0.6745 * 6*s.
    return float(np.median(np.abs(response)) / (0.6745 * 6.0))


def speckle_fraction(gray: np.ndarray, crop: int = 512) -> float:
    """Share of pixels that are isolated dark specks (at most one dark neighbour), on a central crop."""
    dark = (_center_crop(gray, crop) < 128).astype(np.uint8)
    if dark.size == 0:
        return 0.0
    neighbours = cv2.boxFilter(dark, cv2.CV_16U, (3, 3), normalize=False, borderType=cv2.BORDER_CONSTANT)
    return float(np.count_nonzero((dark == 1) & (neighbours <= 2)) / dark.size)


def denoise(gray: np.ndarray) -> np.ndarray:
    """A light 3x3 median filter: removes specks and grain without eating strokes at scanning resolutions."""
    return cv2.medianBlur(gray, 3)


def clarity_score(gray: np.ndarray) -> float:
    """Sharpness in 0..1 of a page at `WORKING_DPI`: 1 - exp(-v / CLARITY_SCALE).

    v is the median, over 32x32 tiles that hold ink, of the variance of the Laplacian: measuring only
    where there is text keeps a sparse page from looking blurred. A blank page scores 0 (nothing to judge).
    """
    lap = cv2.Laplacian(gray, cv2.CV_32F)
    tiles_h, tiles_w = gray.shape[0] // 32, gray.shape[1] // 32
    if tiles_h == 0 or tiles_w == 0:
        return 0.0
    shape = (tiles_h, 32, tiles_w, 32)
    pixels = gray[: tiles_h * 32, : tiles_w * 32].reshape(shape)
    inked = (pixels.max(axis=(1, 3)).astype(np.int16) - pixels.min(axis=(1, 3))) > 64
    if not inked.any():
        return 0.0
    variances = lap[: tiles_h * 32, : tiles_w * 32].reshape(shape).var(axis=(1, 3))
    return float(1.0 - math.exp(-float(np.median(variances[inked])) / CLARITY_SCALE))


def dhash(gray: np.ndarray, size: int = 16) -> str:
    """Difference hash: size x size bits (is each cell brighter than its right neighbour), as hex."""
    small = cv2.resize(gray, (size + 1, size), interpolation=cv2.INTER_AREA).astype(np.int16)
    bits = (small[:, 1:] > small[:, :-1]).ravel()
    return np.packbits(bits).tobytes().hex()


def hamming(a: str, b: str) -> int:
    """Number of differing bits between two hex fingerprints of the same length."""
    if len(a) != len(b):
        raise ValueError("fingerprints of different lengths")
    return bin(int(a, 16) ^ int(b, 16)).count("1")


def estimate_dpi(width: int, height: int, metadata_dpi: float | None = None) -> float:
    """The file's DPI when plausible for a document page, else the short side taken as 8.5 inches.

    Plausible: 50-1200 DPI giving a short side of 2-17 inches (a receipt up to a tabloid page);
    scanners and screenshot tools often write 72 or 96 regardless of the real resolution.
    """
    short = min(width, height)
    if metadata_dpi and 50 <= metadata_dpi <= 1200 and 2.0 <= short / metadata_dpi <= 17.0:
        return _snap(metadata_dpi, 0.01)  # PNG stores pixels per metre: 300 DPI reads back as 299.9994
    # US letter is 8.5 in wide, A4 8.27 in: either way within 3%.
    return _snap(short / 8.5, 0.06)


def _snap(dpi: float, tolerance: float) -> float:
    nearest = min(_COMMON_DPI, key=lambda common: abs(common - dpi))
    return float(nearest) if abs(nearest - dpi) <= tolerance * nearest else round(dpi, 1)


def encode_png(gray: np.ndarray, dpi: float, compress: bool = True) -> bytes:
    """PNG bytes written for speed, with a pHYs chunk so tesseract and viewers know the pixel density.

    compress: zlib level 1 without row filters (~20 ms and ~350 KiB for a clean 300-DPI page).
    Grainy scans do not compress (~200-350 ms for little gain): they are stored (level 0, ~8 MiB, ~12 ms).
    """
    return b"".join(_png_parts(gray, dpi, compress))


def write_png(path: Path, gray: np.ndarray, dpi: float, compress: bool = True) -> None:
    """`encode_png` written to `path` piece by piece: a stored page is not copied once more to be joined."""
    with path.open("wb") as f:
        f.writelines(_png_parts(gray, dpi, compress))


def _png_parts(gray: np.ndarray, dpi: float, compress: bool) -> tuple[memoryview, bytes, memoryview]:
    level = 1 if compress else 0
    params = [cv2.IMWRITE_PNG_COMPRESSION, level, cv2.IMWRITE_PNG_FILTER, cv2.IMWRITE_PNG_FILTER_NONE]
    ok, buffer = cv2.imencode(".png", gray, params)
    if not ok:
        raise ValueError("OpenCV could not encode the page as PNG")
    per_metre = round(dpi / 0.0254)
    body = b"pHYs" + struct.pack(">IIB", per_metre, per_metre, 1)
    chunk = struct.pack(">I", 9) + body + struct.pack(">I", zlib.crc32(body))
    data = memoryview(buffer)
    return data[:33], chunk, data[33:]  # the pHYs chunk goes after the 8-byte signature and the 25-byte IHDR


def crop(gray: np.ndarray, box: tuple[float, float, float, float], pad: float) -> np.ndarray:
    """The pixels of box (x0, y0, x1, y1) grown by `pad` pixels on every side, clipped to the page."""
    height, width = gray.shape
    x0, y0 = max(0, int(box[0] - pad)), max(0, int(box[1] - pad))
    x1, y1 = min(width, math.ceil(box[2] + pad)), min(height, math.ceil(box[3] + pad))
    return gray[y0:y1, x0:x1]


def stack_strips(strips: list[np.ndarray], gap: int) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """Strips one under another on white paper, `gap` pixels apart and around; each strip's (top, bottom).

    One image of every region to re-read costs one tesseract start (its model load dominates
    a small image's time) instead of one per region.
    """
    width = max((s.shape[1] for s in strips), default=0) + 2 * gap
    height = sum(s.shape[0] + gap for s in strips) + gap
    sheet = np.full((height, width), 255, np.uint8)
    spans, top = [], gap
    for strip in strips:
        sheet[top : top + strip.shape[0], gap : gap + strip.shape[1]] = strip
        spans.append((top, top + strip.shape[0]))
        top += strip.shape[0] + gap
    return sheet, spans


def _center_crop(gray: np.ndarray, size: int) -> np.ndarray:
    height, width = gray.shape
    top, left = max(0, (height - size) // 2), max(0, (width - size) // 2)
    return gray[top : top + size, left : left + size]
