"""Names with diacritics re-read by the script model, and pages turned upright, with real tesseract."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import cv2
import numpy as np
import pytest
from fixtures.words import pages
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from loan_extractor import imaging
from loan_extractor.config import PipelineConfig
from loan_extractor.errors import ToolMissingError
from loan_extractor.extraction import reread
from loan_extractor.models import Document
from loan_extractor.spec import DocType
from loan_extractor.stages.extract import extract_document
from loan_extractor.tools import ocr_engine, tessdata, tesseract

DPI = 200
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # reportlab's base fonts lack Ł, ß, ễ
CFG = PipelineConfig()
NAMES = ["Zbigniew Łukasiewicz", "José Ángel Muñoz", "Jürgen Müller-Weiß", "François Lefèvre"]


def _needs(language: str) -> None:
    """Skip (outside CI) when a model is missing; in CI the model is part of the setup, so fail."""
    if not FONT.exists():
        pytest.skip(f"{FONT} not installed (apt-get install fonts-dejavu-core)")
    if not tesseract.has_languages(language):
        if os.environ.get("CI") == "true":
            pytest.fail(f"tesseract model {language} missing in CI (make setup installs tesseract-ocr-script-latn)")
        pytest.skip(f"tesseract model {language} not installed (apt-get install tesseract-ocr-script-latn)")


def _pay_stub(path: Path, name: str) -> Path:
    pdfmetrics.registerFont(TTFont("DejaVu", str(FONT)))
    c = Canvas(str(path))
    c.setFont("DejaVu", 18)
    c.drawString(72, 720, "Earnings Statement")
    c.setFont("DejaVu", 11)
    rows = [("Employer:", "Acme Widgets Inc"), ("Employee Name:", name), ("Pay Date:", "03/20/2026"),
            ("Gross Pay:", "$4,210.55"), ("Net Pay:", "$3,105.20")]
    for y, (label, value) in zip(range(680, 500, -22), rows):
        c.drawString(72, y, label)
        c.drawString(200, y, value)
    c.save()
    return pages.render_png(path, DPI)


def _doc(png: Path) -> Document:
    return pages.ocr_document(png, DPI)


@pytest.mark.tesseract
@pytest.mark.parametrize("name", NAMES)
def test_a_name_with_diacritics_is_re_read_from_its_region(tmp_path: Path, name: str) -> None:
    _needs(CFG.ocr.name_model)
    png = _pay_stub(tmp_path / "stub.pdf", name)
    plain = extract_document(_doc(png), CFG.model_copy(update={"ocr": CFG.ocr.model_copy(update={"name_model": ""})}))
    assert plain.fields["employee_name"] != name  # the English model alone loses the marks
    out = extract_document(_doc(png), CFG)
    assert out.doc_type is DocType.PAY_STUB
    assert out.fields["employee_name"] == name
    assert out.confidence["employee_name"] >= CFG.extraction.min_field_confidence
    page, x0, y0, x1, y1 = out.boxes["employee_name"]
    assert page == 1 and 190 < x0 < 210 and 160 < y0 < y1 < 200 and x1 > x0 + 60  # printed at x=200, y=792-680-22
    assert out.fields["gross_pay"] == "4210.55"
    assert not list(tmp_path.glob("*-names.png"))  # the stacked crops are not left behind


@pytest.mark.tesseract
def test_a_plain_name_read_confidently_is_not_re_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    png = _pay_stub(tmp_path / "stub.pdf", "Peter E Harper")
    monkeypatch.setattr(reread, "reread_names", lambda *a, **k: pytest.fail("re-read a confident ASCII name"))
    assert extract_document(_doc(png), CFG).fields["employee_name"] == "Peter E Harper"


@pytest.mark.tesseract
def test_a_missing_name_model_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    assert tesseract.check_script_model("", required=True) is False  # off
    with pytest.raises(ToolMissingError, match="tesseract-ocr-script-grek"):
        tesseract.check_script_model("Greek", required=True)
    assert tesseract.check_script_model("Greek", required=False) is False


@pytest.mark.tesseract
@pytest.mark.parametrize("degrees", [180, 90])
def test_a_turned_page_is_read_upright(tmp_path: Path, degrees: int) -> None:
    png = _pay_stub(tmp_path / "stub.pdf", "Peter E Harper")
    gray = cv2.imread(str(png), cv2.IMREAD_GRAYSCALE)
    png.write_bytes(imaging.encode_png(imaging.turn_clockwise(gray, 360 - degrees), DPI))
    out = extract_document(_doc(png), CFG)
    assert out.doc_type is DocType.PAY_STUB
    assert out.fields["employee_name"] == "Peter E Harper" and out.fields["net_pay"] == "3105.20"
    assert np.array_equal(cv2.imread(str(png), cv2.IMREAD_GRAYSCALE), gray)  # the page image is upright now


def test_ascii_fold_spells_out_letters_without_a_decomposition() -> None:
    assert reread.ascii_fold("Müller-Weiß Łukasiewicz Trần Đức") == "muller-weiss lukasiewicz tran duc"


def test_word_lists_are_left_out_of_a_model_copy(tmp_path: Path) -> None:
    """A traineddata container: a count, one offset per component (-1: absent), the components in order."""
    parts = {0: b"config", 7: b"legacy words", 17: b"network", 19: b"lstm words" * 50, 23: b"4.1"}
    offsets, body, position = [-1] * 24, b"", 4 + 8 * 24
    for number, data in parts.items():
        offsets[number], body, position = position, body + data, position + len(data)
    source = tmp_path / "Test.traineddata"
    source.write_bytes(struct.pack("<i24q", 24, *offsets) + body)
    tessdata.strip_components(source, tmp_path / "copy.traineddata")
    copy = (tmp_path / "copy.traineddata").read_bytes()
    kept = struct.unpack("<24q", copy[4:196])
    assert [n for n, offset in enumerate(kept) if offset >= 0] == [0, 17, 23]
    assert [copy[kept[n]:end] for n, end in ((0, kept[17]), (17, kept[23]), (23, len(copy)))] == [
        b"config", b"network", b"4.1"]
    source.write_bytes(b"\x00" * 16)
    with pytest.raises(ValueError, match="not a traineddata"):
        tessdata.strip_components(source, tmp_path / "bad.traineddata")


@pytest.mark.tesseract
@pytest.mark.parametrize("name", [NAMES[0], "Peter E Harper"])
def test_in_process_engines_read_every_name_once_with_the_whole_model(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """A loaded model costs nothing to load again, so no screen: the whole model reads each page's names once."""
    _needs(CFG.ocr.name_model)
    tesseract.configure(2, "library")
    calls: list[tuple[str, Path | None]] = []
    real_read = ocr_engine.read_tsv
    monkeypatch.setattr(ocr_engine, "read_tsv", lambda path, language, timeout, psm, dpi, models, pixels=None:
                        calls.append((language, models)) or real_read(path, language, timeout, psm, dpi, models, pixels))
    every_name = CFG.model_copy(update={"ocr": CFG.ocr.model_copy(update={"name_reread_below": 1.0})})
    out = extract_document(_doc(_pay_stub(tmp_path / "stub.pdf", name)), every_name)
    assert out.fields["employee_name"] == name
    assert [call for call in calls if call[0] == CFG.ocr.name_model] == [(CFG.ocr.name_model, None)]


@pytest.mark.tesseract
@pytest.mark.usefixtures("command_engine")
@pytest.mark.parametrize(("name", "reads"), [(NAMES[0], ["quick", "whole"]), ("Peter E Harper", ["quick"])])
def test_the_quick_model_screens_and_the_whole_model_reads_marked_names(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, reads: list[str]) -> None:
    """Every OCR'd name is screened by the model without its word list; only a name with marks is read again."""
    _needs(CFG.ocr.name_model)
    models = tessdata.without_word_lists(CFG.ocr.name_model)
    assert models is not None and (models / "configs" / "tsv").is_file()
    script = CFG.ocr.name_model.split("+")[0]  # Latin: its word list is nearly all of it
    installed = tessdata.tessdata_dir() / f"{script}.traineddata"
    assert (models / f"{script}.traineddata").stat().st_size < installed.stat().st_size / 10
    calls: list[list[str]] = []
    real_run = tesseract.run
    monkeypatch.setattr(tesseract, "run",
                        lambda args, timeout: calls.append(list(args)) or real_run(args, timeout=timeout))
    every_name = CFG.model_copy(update={"ocr": CFG.ocr.model_copy(update={"name_reread_below": 1.0})})
    out = extract_document(_doc(_pay_stub(tmp_path / "stub.pdf", name)), every_name)
    assert out.fields["employee_name"] == name
    name_reads = [args for args in calls if CFG.ocr.name_model in args]
    assert [("quick" if "--tessdata-dir" in args else "whole") for args in name_reads] == reads
    assert name_reads[0][name_reads[0].index("--tessdata-dir") + 1] == str(models)
