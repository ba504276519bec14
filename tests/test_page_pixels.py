"""Pages decoded once and shared; a page written again is decoded anew."""

import os

import numpy as np
import pytest

from loan_extractor import imaging, page_pixels


def _page(path, shade: int) -> None:
    gray = np.full((40, 60), 255, np.uint8)
    gray[10:30, 10:50] = shade
    path.write_bytes(imaging.encode_png(gray, 300))


def test_a_page_is_decoded_once_and_shared_read_only(tmp_path):
    path = tmp_path / "p.png"
    _page(path, 0)
    first = page_pixels.read_gray(path)
    assert first is page_pixels.read_gray(path)
    assert first[20, 20] == 0 and first[0, 0] == 255
    with pytest.raises(ValueError):
        first[0, 0] = 1


def test_a_page_written_again_is_decoded_again(tmp_path):
    path = tmp_path / "p.png"
    _page(path, 0)
    before = page_pixels.read_gray(path)
    _page(path, 128)
    os.utime(path, ns=(0, path.stat().st_mtime_ns + 1_000_000))
    assert page_pixels.read_gray(path)[20, 20] == 128
    assert before[20, 20] == 0


def test_only_the_last_pages_are_kept_and_unreadable_files_are_none(tmp_path, monkeypatch):
    monkeypatch.setattr(page_pixels, "KEPT_BYTES", 3 * 40 * 60)  # three of these pages
    paths = [tmp_path / f"p{i}.png" for i in range(4)]
    for path in paths:
        _page(path, 0)
    first = page_pixels.read_gray(paths[0])
    for path in paths[1:]:
        page_pixels.read_gray(path)
    assert page_pixels.read_gray(paths[0]) is not first  # evicted, decoded again
    (tmp_path / "bad.png").write_bytes(b"not an image")
    assert page_pixels.read_gray(tmp_path / "bad.png") is None
    assert page_pixels.read_gray(tmp_path / "missing.png") is None
    page_pixels.forget()
    assert page_pixels.read_gray(paths[1]) is not None



def test_pixels_kept_at_writing_are_read_without_decoding(tmp_path, monkeypatch):
    path = tmp_path / "p.png"
    gray = np.full((40, 60), 255, np.uint8)
    gray[10:30, 10:50] = 0
    imaging.write_png(path, gray, 300)
    page_pixels.keep(path, gray)
    monkeypatch.setattr(page_pixels.cv2, "imread", lambda *args: pytest.fail("decoded again"))
    assert page_pixels.read_gray(path) is gray
    with pytest.raises(ValueError):
        gray[0, 0] = 1
    page_pixels.keep(tmp_path / "missing.png", gray)  # nothing written there: nothing kept
    assert page_pixels.read_gray(tmp_path / "missing.png") is None
