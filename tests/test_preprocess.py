"""Stage 3 on small generated inputs: text-layer and image-only PDFs (poppler), image files (no binaries)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas
from test_imaging import text_page

from loan_extractor import formats, imaging, page_pixels
from loan_extractor.config import PipelineConfig
from loan_extractor.errors import ToolError
from loan_extractor.tools import poppler
from loan_extractor.models import Document, Reason, Status
from loan_extractor.stages import preprocess
from loan_extractor.tools.poppler import TextWord

CFG = PipelineConfig(ocr={"render_dpi": 200, "min_text_layer_words": 20})
SENTENCE = "Earnings Statement Employee Name Jane Doe Pay Period Ending 03/31/2026 Gross Pay 4,210.55 Net Pay 3,100.20"


def _doc(path: Path, media_type: str, pages: int = 1) -> Document:
    return Document(
        doc_id="doc-1",
        source=path.name,
        local_path=str(path),
        media_type=media_type,
        page_count=pages,
        pages=tuple(range(1, pages + 1)),
    )


def _text_pdf(path: Path, lines: list[str], pages: int = 1) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=letter)
    for _ in range(pages):
        for row, line in enumerate(lines):
            pdf.drawString(72, 720 - 16 * row, line)
        pdf.showPage()
    pdf.save()
    return path


def _scan_pdf(path: Path, scan: np.ndarray, text_first_page: bool = False) -> Path:
    """A PDF whose page is a 150-DPI picture of text (optionally after a text page)."""
    pdf = canvas.Canvas(str(path), pagesize=letter)
    if text_first_page:
        for row in range(6):
            pdf.drawString(72, 720 - 16 * row, SENTENCE)
        pdf.showPage()
    pdf.drawImage(ImageReader(Image.fromarray(scan)), 0, 0, width=612, height=792)
    pdf.showPage()
    pdf.save()
    return path


def _assert_pages_written(doc: Document, work_dir: Path) -> None:
    folder = work_dir / doc.doc_id
    assert sorted(p.name for p in folder.iterdir()) == [f"page-{n:03d}.png" for n in doc.pages]
    for page in doc.page_images:
        with Image.open(page.path) as image:
            assert image.size == (page.width, page.height) and image.mode == "L"
        assert 0.0 <= page.clarity <= 1.0 and len(page.dhash) == 64


@pytest.mark.tesseract
def test_text_layer_pdf_keeps_its_text_and_gets_preview_figures(tmp_path: Path) -> None:
    path = _text_pdf(tmp_path / "stub.pdf", [SENTENCE] * 5, pages=2)
    doc = preprocess.preprocess_document(_doc(path, formats.PDF, 2), CFG, tmp_path / "work")
    assert doc.text_source == "text_layer"
    assert doc.pages == (1, 2) and doc.page_count == 2
    assert [p.dpi for p in doc.page_images] == [preprocess.PREVIEW_DPI] * 2
    assert doc.page_images[0].width == 850  # 8.5 inches at the preview resolution
    _assert_pages_written(doc, tmp_path / "work")  # and no render scratch left behind


@pytest.mark.tesseract
def test_image_only_pdf_is_rendered_for_ocr_with_the_scan_resolution(tmp_path: Path) -> None:
    scan = imaging.rotate(text_page(dpi=150), 1.5)[:1650, :1275]
    path = _scan_pdf(tmp_path / "scan.pdf", scan)
    doc = preprocess.preprocess_document(_doc(path, formats.PDF), CFG, tmp_path / "work")
    assert doc.text_source == "ocr"
    page = doc.page_images[0]
    assert page.dpi == pytest.approx(150, abs=1)  # the embedded scan's, below the 200-DPI render
    assert page.width >= 1700  # rendered at 200 DPI, grown a little by the deskew
    assert abs(page.skew_degrees - 1.5) < 0.3
    _assert_pages_written(doc, tmp_path / "work")


@pytest.mark.tesseract
def test_a_scanned_page_among_text_pages_sends_the_whole_pdf_to_ocr(tmp_path: Path) -> None:
    path = _scan_pdf(tmp_path / "mixed.pdf", text_page(dpi=150)[:1650, :1275], text_first_page=True)
    doc = preprocess.preprocess_document(_doc(path, formats.PDF, 2), CFG, tmp_path / "work")
    assert doc.text_source == "ocr" and doc.pages == (1, 2)
    assert doc.page_images[0].dpi == 200  # no image on the text page: the render's resolution


@pytest.mark.tesseract
def test_garbage_text_layer_is_ocrd(tmp_path: Path) -> None:
    path = _text_pdf(tmp_path / "broken-font.pdf", ["#$% &*( )+! ~^{ }|< >?/ =#$ %&*"] * 12)
    doc = preprocess.preprocess_document(_doc(path, formats.PDF), CFG, tmp_path / "work")
    assert doc.text_source == "ocr"


def test_text_layer_sanity_rules() -> None:
    def words(texts: list[str]) -> list[TextWord]:
        return [TextWord(1, text, 0, 0, 1, 1) for text in texts]

    assert preprocess.sane_text_layer(words(SENTENCE.split() * 2), 20)
    assert not preprocess.sane_text_layer(words(SENTENCE.split()), 20)  # too few words
    assert not preprocess.sane_text_layer(words(["\ufffd\ufffd", "Ã¿Ã¾Ã½"] * 20), 20)
    assert not preprocess.sane_text_layer(words(["#$%", "&*(", "Gross"] * 10), 20)


def test_a_text_layer_of_dotted_leaders_is_sane() -> None:
    lines = [["GROSS", "PAY:", "." * 60, "$1,163.46"], ["NET", "PAY:", "." * 64, "$831.99"],
             ["PAY", "DATE:", "." * 70, "01", "Apr", "2026"]] * 3
    words = [TextWord(1, text, 0, 0, 1, 1) for line in lines for text in line]
    assert preprocess.sane_text_layer(words, 20)


def test_skewed_png_is_straightened_and_keeps_its_declared_dpi(tmp_path: Path) -> None:
    path = tmp_path / "paystub.png"
    Image.fromarray(imaging.rotate(text_page(dpi=200), -2.0)).save(path, dpi=(200, 200))
    doc = preprocess.preprocess_document(_doc(path, formats.PNG), CFG, tmp_path / "work")
    page = doc.page_images[0]
    assert doc.text_source == "ocr" and page.dpi == 200
    assert abs(page.skew_degrees + 2.0) < 0.3
    with Image.open(page.path) as written:
        straightened = np.asarray(written)
    assert abs(imaging.estimate_skew(imaging.working_copy(straightened, 200))) < 0.3
    _assert_pages_written(doc, tmp_path / "work")


def test_multipage_tiff_gives_a_page_per_frame(tmp_path: Path) -> None:
    path = tmp_path / "statement.tif"
    frames = [Image.fromarray(text_page(dpi=100, seed=seed)) for seed in range(3)]
    frames[0].save(path, "TIFF", save_all=True, append_images=frames[1:], dpi=(100, 100))
    doc = preprocess.preprocess_document(_doc(path, formats.TIFF, 3), CFG, tmp_path / "work")
    assert doc.pages == (1, 2, 3)
    assert len({page.dhash for page in doc.page_images}) == 3
    _assert_pages_written(doc, tmp_path / "work")


def test_transparent_png_becomes_white_paper(tmp_path: Path) -> None:
    path = tmp_path / "export.png"
    rgba = np.zeros((1100, 850, 4), np.uint8)  # transparent black everywhere...
    rgba[500:520, 100:700] = (0, 0, 0, 255)  # ...but one opaque black bar
    Image.fromarray(rgba, "RGBA").save(path)
    doc = preprocess.preprocess_document(_doc(path, formats.PNG), CFG, tmp_path / "work")
    with Image.open(doc.page_images[0].path) as written:
        gray = np.asarray(written)
    assert gray.mean() > 240 and gray[510, 400] < 20


def test_image_damaged_past_the_header_is_rejected_as_corrupt(tmp_path: Path) -> None:
    whole = tmp_path / "whole.png"
    Image.fromarray(text_page(dpi=100)).save(whole)
    path = tmp_path / "cut.png"
    path.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    doc = preprocess.preprocess_document(_doc(path, formats.PNG), CFG, tmp_path / "work")
    assert (doc.status, doc.reason) == (Status.REJECTED, Reason.CORRUPT)
    assert "cut.png" in doc.issues[0].message


def test_terminal_documents_are_skipped(tmp_path: Path) -> None:
    rejected = _doc(tmp_path / "x.png", formats.PNG).with_issue("validate-input", Reason.UNSUPPORTED_FORMAT, "x.png is empty")
    assert preprocess.preprocess_document(rejected, CFG, tmp_path / "work") == rejected
    assert not (tmp_path / "work").exists()


def test_embedded_image_resolution_from_pdfimages(monkeypatch: pytest.MonkeyPatch) -> None:
    listing = (
        "page   num  type   width height color comp bpc  enc interp  object ID x-ppi y-ppi size ratio\n"
        "--------------------------------------------------------------------------------------------\n"
        "   1     0 image    1275  1650  gray    1   8  image  no         9  0   150   150  156K 7.6%\n"
        "   1     1 image     300   100  rgb     3   8  jpeg   no        10  0   600   600   20K 2.0%\n"
        "   2     2 smask    1700  2200  gray    1   8  image  no        11  0   200   200   10K 1.0%\n"
    )

    class Done:
        stdout = listing.encode()

    monkeypatch.setattr(poppler, "run", lambda args, timeout: Done())
    assert poppler.image_resolutions(Path("x.pdf"), 10) == {1: 150.0}

    def broken(args: list[str], timeout: float) -> None:
        raise ToolError("pdfimages", "exit code 1", "Syntax Error")

    monkeypatch.setattr(poppler, "run", broken)
    assert poppler.image_resolutions(Path("x.pdf"), 10) == {}


def test_written_pages_are_handed_to_ocr_without_decoding_them_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "paystub.png"
    Image.fromarray(imaging.rotate(text_page(dpi=200), -2.0)).save(path, dpi=(200, 200))
    page_pixels.forget()
    doc = preprocess.preprocess_document(_doc(path, formats.PNG), CFG, tmp_path / "work")
    page = doc.page_images[0]
    with Image.open(page.path) as written:
        on_disk = np.asarray(written)
    monkeypatch.setattr(page_pixels.cv2, "imread", lambda *args: pytest.fail("the written page was decoded again"))
    kept = page_pixels.read_gray(page.path)
    assert kept is not None and np.array_equal(kept, on_disk)
