"""tesseract in process (tools.ocr_engine) against the `tesseract` command, on a page drawn with reportlab."""

from __future__ import annotations

import threading
from pathlib import Path

import cv2
import numpy as np
import pytest
from fixtures.words import pages

from loan_extractor.errors import ToolError, ToolMissingError, ToolTimeoutError
from loan_extractor.tools import ocr_engine, tessdata, tesseract

pytestmark = pytest.mark.tesseract
DPI = 300


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("engine")
    return pages.render_png(pages.draw_pay_stub(work / "pay_stub.pdf"), DPI)


def _read(page: Path, engine: str, **kwargs: object) -> list[tesseract.OcrWord]:
    tesseract.configure(2, engine)
    try:
        return tesseract.ocr_words(page, "eng", 60, dpi=DPI, **kwargs)
    finally:
        tesseract.configure(2, "library")


def test_library_reads_what_the_command_reads(page: Path) -> None:
    library, command = _read(page, "library"), _read(page, "cli")
    assert len(library) > 20
    assert [(w.text, w.left, w.top, w.width, w.height, w.line) for w in library] == \
        [(w.text, w.left, w.top, w.width, w.height, w.line) for w in command]
    assert [w.conf for w in library] == pytest.approx([w.conf for w in command], abs=0.01)


def test_library_reads_the_same_words_from_decoded_pixels(page: Path) -> None:
    pixels = cv2.imread(str(page), cv2.IMREAD_GRAYSCALE)
    from_file = _read(page, "library")
    assert len(from_file) > 20
    assert _read(page, "library", pixels=pixels) == from_file
    blank = np.full_like(pixels, 255)
    assert _read(page, "library", pixels=blank) == []  # the pixels are read, not the file


def test_engines_are_reused_and_never_more_than_the_slots(page: Path, tmp_path: Path) -> None:
    """Eight concurrent reads through two slots load at most two engines; later reads load none."""
    models = tmp_path / "models"  # a model directory of its own, so the pool count is this test's alone
    models.mkdir()
    (models / "eng.traineddata").symlink_to(tessdata.tessdata_dir() / "eng.traineddata")
    errors: list[BaseException] = []

    def read() -> None:
        try:
            tesseract.ocr_words(page, "eng", 60, psm=6, dpi=DPI, models=models)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    tesseract.configure(2, "library")
    threads = [threading.Thread(target=read) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    loaded = ocr_engine.engines_loaded("eng", models)
    assert 1 <= loaded <= 2
    read()
    assert ocr_engine.engines_loaded("eng", models) == loaded


def test_a_blank_page_gives_no_words(tmp_path: Path) -> None:
    blank = tmp_path / "blank.png"
    cv2.imwrite(str(blank), np.full((1100, 850), 255, np.uint8))
    assert _read(blank, "library") == []


def test_failures_are_typed(page: Path, tmp_path: Path) -> None:
    tesseract.configure(2, "library")
    with pytest.raises(ToolTimeoutError, match="no answer"):
        tesseract.ocr_words(page, "eng", 0.001, dpi=DPI)
    not_an_image = tmp_path / "x.png"
    not_an_image.write_text("<html></html>")
    with pytest.raises(ToolError, match="could not read the image"):
        tesseract.ocr_words(not_an_image, "eng", 60)
    with pytest.raises(ToolMissingError, match="apt-get install tesseract-ocr tesseract-ocr-zzz"):
        tesseract.ocr_words(page, "zzz", 60)


def test_the_command_serves_when_tesserocr_is_missing(monkeypatch: pytest.MonkeyPatch, page: Path) -> None:
    monkeypatch.setattr(ocr_engine, "tesserocr", None)
    tesseract.configure(2, "library")
    try:
        assert not tesseract.models_stay_loaded()
        assert any(w.text == "Gross" for w in tesseract.ocr_words(page, "eng", 60, dpi=DPI))
    finally:
        monkeypatch.undo()
        tesseract.configure(2, "library")
    assert tesseract.models_stay_loaded()
    with pytest.raises(ValueError, match="unknown OCR engine"):
        tesseract.configure(2, "gpu")


def _own_models(tmp_path: Path) -> Path:
    models = tmp_path / "models"  # a model directory of its own, so the pool's counts are this test's alone
    models.mkdir()
    (models / "eng.traineddata").symlink_to(tessdata.tessdata_dir() / "eng.traineddata")
    return models


def test_preloaded_engines_serve_reads_and_no_more_are_loaded(page: Path, tmp_path: Path) -> None:
    """Reads started while engines are still preloading wait for them: never more engines than slots."""
    models = _own_models(tmp_path)
    tesseract.configure(2, "library")
    loader = threading.Thread(target=ocr_engine.preload, args=("eng", 2, models))
    readers = [threading.Thread(target=tesseract.ocr_words, args=(page, "eng", 60),
                                kwargs={"psm": 6, "dpi": DPI, "models": models}) for _ in range(6)]
    loader.start()
    for t in readers:
        t.start()
    for t in [loader, *readers]:
        t.join()
    assert ocr_engine.engines_loaded("eng", models) == 2
    assert ocr_engine.preload("eng", 2, models) == 0  # the pool has its two


def test_a_model_that_cannot_load_is_not_counted(tmp_path: Path) -> None:
    models = tmp_path / "empty"
    models.mkdir()
    with pytest.raises(ToolMissingError):
        ocr_engine.preload("eng", 1, models)
    assert ocr_engine.engines_loaded("eng", models) == 0
    with pytest.raises(ToolMissingError):
        ocr_engine.preload("eng", 1, models)  # tried again, not taken as loaded


def test_preload_engines_loads_installed_models_in_the_background(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[str, int]] = []
    monkeypatch.setattr(ocr_engine, "preload", lambda language, count: asked.append((language, count)) or count)
    tesseract.configure(3, "library")
    try:
        thread = tesseract.preload_engines(["eng", "", "eng", "klingon"])
        assert thread is not None
        thread.join(timeout=30)
        assert asked == [("eng", 3)]  # once per model, one per slot; none for a model not installed
        tesseract.configure(2, "cli")
        assert tesseract.preload_engines(["eng"]) is None
    finally:
        tesseract.configure(2, "library")
