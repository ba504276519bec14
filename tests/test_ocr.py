"""tesseract wrapper and the extract stage end to end, on small pages drawn with reportlab."""

from __future__ import annotations

import subprocess
import threading
import time
from pathlib import Path

import pytest
from fixtures.words import pages
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen.canvas import Canvas

from loan_extractor.config import PipelineConfig
from loan_extractor.errors import ToolError, ToolMissingError, ToolTimeoutError
from loan_extractor.models import Document, Reason
from loan_extractor.spec import DocType
from loan_extractor.stages.extract import extract_document
from loan_extractor.tools import tesseract

CFG = PipelineConfig()
DPI = 200

TSV = (
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
    "1\t1\t0\t0\t0\t0\t0\t0\t1700\t2200\t-1\t\n"
    "5\t1\t1\t1\t1\t1\t100\t200\t120\t30\t96.5\tGross\n"
    "5\t1\t1\t1\t1\t2\t230\t200\t60\t30\t91\tPay\n"
    "5\t1\t1\t1\t2\t1\t100\t250\t60\t30\t-1\t \n"
)


def test_parse_tsv_keeps_words_with_confidence_0_to_1() -> None:
    words = tesseract.parse_tsv(TSV)
    assert [w.text for w in words] == ["Gross", "Pay"]
    assert words[0].conf == pytest.approx(0.965) and words[0].left == 100 and words[0].line == 1


@pytest.mark.usefixtures("command_engine")
def test_concurrent_processes_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    running, peak, lock = [0], [0], threading.Lock()

    def fake_run(args, timeout):  # noqa: ANN001, ANN202
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.05)
        with lock:
            running[0] -= 1
        return subprocess.CompletedProcess(args, 0, TSV.encode(), b"")

    monkeypatch.setattr(tesseract, "run", fake_run)
    threads = [threading.Thread(target=tesseract.ocr_words, args=(Path("x.png"), "eng", 5)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert peak[0] == 2


@pytest.mark.usefixtures("command_engine")
def test_empty_page_failure_is_an_empty_result_and_others_raise(monkeypatch: pytest.MonkeyPatch) -> None:
    def empty(args, timeout):  # noqa: ANN001, ANN202
        raise ToolError("tesseract", "exit code 1", "Empty page!!\n")

    monkeypatch.setattr(tesseract, "run", empty)
    assert tesseract.ocr_words(Path("x.png"), "eng", 5) == []

    def slow(args, timeout):  # noqa: ANN001, ANN202
        raise ToolTimeoutError("tesseract", "no answer within 5 s")

    monkeypatch.setattr(tesseract, "run", slow)
    with pytest.raises(ToolTimeoutError):
        tesseract.ocr_words(Path("x.png"), "eng", 5)


@pytest.mark.usefixtures("command_engine")
def test_ocr_arguments_carry_language_psm_and_dpi(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []

    def record(args, timeout):  # noqa: ANN001, ANN202
        seen.append(list(args))
        return subprocess.CompletedProcess(args, 0, TSV.encode(), b"")

    monkeypatch.setattr(tesseract, "run", record)
    tesseract.ocr_words(Path("p.png"), "eng", 5, psm=6, dpi=300)
    assert seen[0] == ["tesseract", "p.png", "stdout", "-l", "eng", "--psm", "6", "--dpi", "300", "tsv"]


@pytest.mark.tesseract
def test_probe() -> None:
    assert tesseract.tesseract_version()[0].isdigit()
    assert "eng" in tesseract.available_languages()
    tesseract.check_installed("eng")
    with pytest.raises(ToolMissingError, match="apt-get install tesseract-ocr tesseract-ocr-zzz"):
        tesseract.check_installed("zzz")


def _text_doc(pdf: Path) -> Document:
    return Document(doc_id=pdf.stem, source=pdf.name, local_path=str(pdf), media_type="application/pdf",
                    pages=(1,), text_source="text_layer")


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    work = tmp_path_factory.mktemp("pages")
    return {
        "pay_stub": pages.draw_pay_stub(work / "pay_stub.pdf"),
        "w2": pages.draw_w2(work / "w2.pdf"),
        "loan_application": pages.draw_application(work / "loan_application.pdf"),
    }


@pytest.mark.tesseract
def test_blank_page_gives_no_words(tmp_path: Path) -> None:
    blank = tmp_path / "blank.pdf"
    canvas = Canvas(str(blank), pagesize=letter)
    canvas.showPage()
    canvas.save()
    assert tesseract.ocr_words(pages.render_png(blank, DPI), "eng", 60, dpi=DPI) == []


@pytest.mark.tesseract
@pytest.mark.parametrize(("name", "truth"), [("pay_stub", pages.PAY_STUB_TRUTH), ("w2", pages.W2_TRUTH),
                                             ("loan_application", pages.APPLICATION_TRUTH)])
def test_scanned_pages_give_their_fields(drawn: dict[str, Path], name: str, truth: dict) -> None:
    out = extract_document(pages.ocr_document(pages.render_png(drawn[name], DPI), DPI), CFG)
    assert out.doc_type is DocType(name)
    assert out.fields == truth
    assert 0.5 < out.ocr_confidence < 1.0  # type: ignore[operator]
    assert all(0.6 <= out.confidence[f] < 1.0 for f in truth)
    assert out.issues == ()


@pytest.mark.tesseract
@pytest.mark.parametrize(("name", "truth"), [("pay_stub", pages.PAY_STUB_TRUTH), ("w2", pages.W2_TRUTH)])
def test_text_layer_gives_the_same_fields_without_ocr(drawn: dict[str, Path], name: str, truth: dict) -> None:
    out = extract_document(_text_doc(drawn[name]), CFG)
    assert out.fields == truth and out.ocr_confidence == 1.0
    assert all(out.confidence[f] == 1.0 for f in truth)


@pytest.mark.tesseract
def test_stored_text_is_redacted(drawn: dict[str, Path]) -> None:
    out = extract_document(_text_doc(drawn["loan_application"]), CFG)
    assert "Uniform Residential Loan Application" in out.text
    assert "123-45-6789" not in out.text and "XXX-XX-6789" in out.text


@pytest.mark.tesseract
def test_missing_and_unknown_become_issues_without_values(tmp_path: Path) -> None:
    stub = tmp_path / "stub.pdf"
    c = Canvas(str(stub), pagesize=letter)
    for y, text in ((720, "Pay Stub"), (690, "Employee: Jane Doe"), (670, "SSN: 123-45-6789"),
                    (650, "Gross Pay: $2,000.00"), (630, "Pay Date: 03/20/2026")):
        c.drawString(72, y, text)
    c.save()
    out = extract_document(_text_doc(stub), CFG)
    assert out.doc_type is DocType.PAY_STUB and out.fields["net_pay"] is None and out.confidence["net_pay"] == 0.0
    missing = {i.field for i in out.issues if i.reason is Reason.MISSING_FIELD}
    assert missing == {"employer_name", "pay_period_start", "pay_period_end", "net_pay", "ytd_gross"}
    assert all("stub.pdf" in i.message and "6789" not in i.message for i in out.issues)

    letter_pdf = tmp_path / "letter.pdf"
    c = Canvas(str(letter_pdf), pagesize=letter)
    for y, text in ((720, "Dear Ms. Doe,"), (700, "Thank you for your letter about the weather."), (680, "Sincerely,")):
        c.drawString(72, y, text)
    c.save()
    out = extract_document(_text_doc(letter_pdf), CFG)
    assert out.doc_type is DocType.UNKNOWN and out.fields == {}
    assert [i.reason for i in out.issues] == [Reason.UNKNOWN_TYPE]


@pytest.mark.usefixtures("command_engine")
def test_low_confidence_fields_are_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tsv = TSV.split("\n")[0] + "\n" + "\n".join(
        f"5\t1\t1\t1\t{n}\t1\t{x}\t{y}\t{w}\t30\t{conf}\t{text}"
        for n, (x, y, w, conf, text) in enumerate([
            (100, 100, 400, 96, "Earnings"), (520, 100, 400, 96, "Statement"),
            (100, 200, 150, 96, "Net"), (260, 200, 120, 96, "Pay:"), (600, 200, 220, 30, "$1,000.00"),
            (100, 300, 150, 96, "Gross"), (260, 300, 120, 96, "Pay:"), (600, 300, 220, 95, "$2,000.00"),
        ], start=1))

    monkeypatch.setattr(tesseract, "run", lambda args, timeout: subprocess.CompletedProcess(args, 0, tsv.encode(), b""))
    png = tmp_path / "p.png"
    png.write_bytes(b"")  # never read: tesseract is replaced; the stage falls back to PageImage.dpi
    out = extract_document(pages.ocr_document(png, DPI), CFG)
    low = [i.field for i in out.issues if i.reason is Reason.LOW_CONFIDENCE]
    assert out.fields["net_pay"] == "1000.00" and low == ["net_pay"]
    assert out.confidence["gross_pay"] > CFG.extraction.min_field_confidence
