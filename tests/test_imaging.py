"""Pure page-image functions on synthetic arrays: no files, no binaries."""

from __future__ import annotations

import io
from pathlib import Path
import random

import cv2
import numpy as np
import pytest
from PIL import Image

from loan_extractor import imaging

WORDS = "Gross Pay Net Earnings Statement Employee Name Period Ending 4,210.55 Harbor Point Bank W-2".split()


def text_page(dpi: int = 200, seed: int = 0, width_in: float = 8.5, height_in: float = 11.0) -> np.ndarray:
    """A white page with lines of dark words, roughly 11-point text at `dpi`."""
    rng = random.Random(seed)
    scale = dpi / 300
    page = np.full((round(height_in * dpi), round(width_in * dpi)), 255, np.uint8)
    thickness = max(1, round(3 * scale))
    y = round(300 * scale)
    while y < page.shape[0] - 300 * scale:
        x = round(250 * scale)
        while True:
            word = rng.choice(WORDS)
            (w, _), _ = cv2.getTextSize(word, cv2.FONT_HERSHEY_SIMPLEX, 1.6 * scale, thickness)
            if x + w > page.shape[1] - 250 * scale:
                break
            cv2.putText(page, word, (x, y), cv2.FONT_HERSHEY_SIMPLEX, 1.6 * scale, 0, thickness, cv2.LINE_AA)
            x += w + round(30 * scale)
        y += round(rng.choice((70, 80, 95)) * scale)
    return page


@pytest.fixture(scope="module")
def page() -> np.ndarray:
    return text_page()


def _noisy(gray: np.ndarray, sigma: float, seed: int = 1) -> np.ndarray:
    noise = np.random.default_rng(seed).normal(0, sigma, gray.shape)
    return np.clip(gray.astype(np.float32) + noise, 0, 255).astype(np.uint8)


@pytest.mark.parametrize("angle", [-4.2, -1.3, 0.6, 2.5])
def test_skew_of_a_rotated_page_is_found_within_a_third_of_a_degree(page: np.ndarray, angle: float) -> None:
    turned = imaging.rotate(page, angle)
    estimate = imaging.estimate_skew(imaging.working_copy(turned, 200))
    assert abs(estimate - angle) < 0.3
    straightened = imaging.rotate(turned, -estimate)
    assert abs(imaging.estimate_skew(imaging.working_copy(straightened, 200))) < 0.3


def test_straight_and_blank_pages_have_no_skew(page: np.ndarray) -> None:
    assert abs(imaging.estimate_skew(imaging.working_copy(page, 200))) < 0.2
    assert imaging.estimate_skew(np.full((1100, 850), 255, np.uint8)) == 0.0


def test_rotate_keeps_every_corner_on_a_white_canvas(page: np.ndarray) -> None:
    turned = imaging.rotate(page, 3.0)
    assert turned.shape[0] > page.shape[0] and turned.shape[1] > page.shape[1]
    assert turned[0, 0] == 255 and turned[-1, -1] == 255
    assert imaging.ink_mask(turned).sum() == pytest.approx(imaging.ink_mask(page).sum(), rel=0.05)


def test_clarity_drops_with_blur_and_stays_in_range(page: np.ndarray) -> None:
    scores = [
        imaging.clarity_score(imaging.working_copy(cv2.GaussianBlur(page, (0, 0), sigma) if sigma else page, 200))
        for sigma in (0, 1.5, 3.0)
    ]
    assert scores[0] > 0.9
    assert scores[0] > scores[1] > scores[2]
    assert all(0.0 <= score <= 1.0 for score in scores)
    assert imaging.clarity_score(np.full((500, 500), 255, np.uint8)) == 0.0


def test_clarity_does_not_depend_on_how_much_text_is_on_the_page(page: np.ndarray) -> None:
    sparse = np.full_like(page, 255)
    sparse[:400] = page[:400]
    full, few = (imaging.clarity_score(imaging.working_copy(p, 200)) for p in (page, sparse))
    assert few == pytest.approx(full, abs=0.05)


def test_dhash_is_stable_under_noise_and_tells_pages_apart(page: np.ndarray) -> None:
    small = imaging.working_copy(page, 200)
    fingerprint = imaging.dhash(small)
    assert len(fingerprint) == 64 and fingerprint == imaging.dhash(small.copy())
    assert imaging.hamming(fingerprint, imaging.dhash(imaging.working_copy(_noisy(page, 12), 200))) <= 20
    other = imaging.dhash(imaging.working_copy(text_page(seed=9), 200))
    assert imaging.hamming(fingerprint, other) > 40


def test_noise_and_speckle_estimates(page: np.ndarray) -> None:
    assert imaging.noise_level(page) < 1.0
    assert imaging.noise_level(_noisy(page, 12)) > 4.0
    assert imaging.speckle_fraction(page) < 0.0005
    peppered = page.copy()
    peppered[np.random.default_rng(2).random(page.shape) < 0.005] = 0
    assert imaging.speckle_fraction(peppered) > 0.003
    assert imaging.speckle_fraction(imaging.denoise(peppered)) < 0.0005


@pytest.mark.parametrize(
    ("width", "height", "declared", "expected"),
    [
        (2550, 3300, 300.0, 300.0),  # letter at 300, declared
        (2550, 3300, 72.0, 300.0),  # a screenshot tool's 72: a 35-inch page is not plausible
        (2480, 3508, None, 300.0),  # A4 at 300, nothing declared
        (1700, 2200, 199.9996, 200.0),  # PNG's pixels-per-metre rounding
        (1000, 600, 250.0, 250.0),  # a receipt-sized scan keeps its declared DPI
        (1275, 1650, None, 150.0),
    ],
)
def test_estimate_dpi(width: int, height: int, declared: float | None, expected: float) -> None:
    assert imaging.estimate_dpi(width, height, declared) == expected


def test_working_copy_is_at_the_working_resolution(page: np.ndarray) -> None:
    assert imaging.working_copy(page, 200).shape == (1100, 850)
    at_240 = text_page(dpi=240)
    assert imaging.working_copy(at_240, 240).shape == pytest.approx((1100, 850), abs=2)
    low = page[:300, :300]
    assert imaging.working_copy(low, 90) is low  # never scaled up


@pytest.mark.parametrize("compress", [True, False])
def test_encode_png_round_trips_with_its_pixel_density(page: np.ndarray, compress: bool) -> None:
    data = imaging.encode_png(page, 200, compress=compress)
    with Image.open(io.BytesIO(data)) as decoded:
        assert decoded.info["dpi"] == pytest.approx((200, 200), abs=0.01)
        assert np.array_equal(np.asarray(decoded), page)


@pytest.mark.parametrize("compress", [True, False])
def test_write_png_writes_what_encode_png_encodes(page: np.ndarray, compress: bool, tmp_path: Path) -> None:
    imaging.write_png(tmp_path / "page.png", page, 300, compress=compress)
    assert (tmp_path / "page.png").read_bytes() == imaging.encode_png(page, 300, compress=compress)
