"""Package splitting: page verdicts grouped into logical documents; a generated package PDF end to end."""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest
from fixtures.words.synth import BANK_ROWS, PAY_STUB_ROWS, lay_out
from PIL import Image

from loan_extractor.config import PipelineConfig
from loan_extractor.extraction.foreign_text import cheque, licence
from loan_extractor.models import Document, PageImage, Status
from loan_extractor.samples.documents import LAYOUTS
from loan_extractor.samples.draw import MARGIN, Page, Style
from loan_extractor.samples.loan import make_loan
from loan_extractor.spec import DocType, fields_of
from loan_extractor.stages.intake import DuplicateIndex, check_input
from loan_extractor.stages.preprocess import preprocess_document
from loan_extractor.extraction import classify
from loan_extractor.stages import extract, split
from loan_extractor.stages.split import PageGroup, PageVerdict, extract_package, group_pages, part_of, split_words

CFG = PipelineConfig()
PAY, BANK, W2, APP, UNK = (DocType.PAY_STUB, DocType.BANK_STATEMENT, DocType.W2, DocType.LOAN_APPLICATION,
                           DocType.UNKNOWN)


def _v(page: int, doc_type: DocType, foreign: bool = False, titled: bool = False) -> PageVerdict:
    return PageVerdict(page, doc_type, 0.9, foreign, titled)


def test_group_pages_golden() -> None:
    verdicts = [
        _v(1, PAY, titled=True), _v(2, UNK, foreign=True), _v(3, BANK, titled=True), _v(4, BANK),
        _v(5, UNK),  # a blank back page: continues the statement
        _v(6, W2, titled=True), _v(7, UNK, foreign=True), _v(8, UNK, foreign=True), _v(9, APP, titled=True),
        _v(10, APP, titled=True),  # applications repeat their heading on every page
    ]
    groups = group_pages(verdicts)
    assert [(g.doc_type, g.pages) for g in groups] == [
        (PAY, (1,)), (UNK, (2,)), (BANK, (3, 4, 5)), (W2, (6,)), (UNK, (7, 8)), (APP, (9, 10))]


def test_one_page_types_start_again_at_their_title() -> None:
    groups = group_pages([_v(1, PAY, titled=True), _v(2, PAY, titled=True), _v(3, PAY), _v(4, W2, titled=True),
                          _v(5, W2, titled=True)])
    assert [g.pages for g in groups] == [(1,), (2, 3), (4,), (5,)]


def test_a_weak_first_page_is_a_document_of_its_own() -> None:
    groups = group_pages([_v(1, UNK), _v(2, BANK, titled=True)])
    assert [(g.doc_type, g.pages) for g in groups] == [(UNK, (1,)), (BANK, (2,))]


TRANSACTIONS_ROWS = [  # a statement's second page: no title, no summary labels
    (60, [(54, "Date"), (150, "Description"), (400, "Amount"), (480, "Balance")]),
    (80, [(54, "03/02/2026"), (150, "Grocery Mart"), (400, "-54.20"), (480, "945.80")]),
    (98, [(54, "03/05/2026"), (150, "Payroll Deposit"), (400, "500.00"), (480, "1,445.80")]),
    (116, [(54, "03/09/2026"), (150, "City Utilities"), (400, "-98.15"), (480, "1,347.65")]),
    (134, [(54, "03/21/2026"), (150, "Card Payment"), (400, "-120.00"), (480, "1,227.65")]),
]
W2_ROWS = [
    (60, [(54, "Form W-2 Wage and Tax Statement"), (500, "2025")]),
    (90, [(54, "a Employee's social security number"), (300, "1 Wages, tips, other compensation")]),
    (110, [(60, "XXX-XX-6789"), (306, "52,000.00")]),
    (130, [(54, "b Employer identification number (EIN)"), (300, "3 Social security wages")]),
    (150, [(60, "12-3456789"), (306, "53,040.00")]),
]
LICENCE_ROWS = [(40 + 20 * i, [(30, line)]) for i, line in enumerate(licence(random.Random(5)))]


def _package_words() -> list:
    pages = [PAY_STUB_ROWS, LICENCE_ROWS, BANK_ROWS, TRANSACTIONS_ROWS, [], W2_ROWS]
    return [w for number, rows in enumerate(pages, 1) for w in lay_out(rows, page=number)]


def test_split_words_on_laid_out_pages() -> None:
    groups = split_words(_package_words(), range(1, 7), CFG.extraction.min_type_score)
    assert [(g.doc_type, g.pages) for g in groups] == [
        (PAY, (1,)), (UNK, (2,)), (BANK, (3, 4, 5)), (W2, (6,))]
    assert all(0.35 <= g.confidence <= 1 for g in groups)


def test_a_single_document_file_is_one_group() -> None:
    words = [w for n, rows in enumerate([BANK_ROWS, TRANSACTIONS_ROWS], 1) for w in lay_out(rows, page=n)]
    assert [(g.doc_type, g.pages) for g in split_words(words, (1, 2), 0.35)] == [(BANK, (1, 2))]


def test_a_one_page_file_is_classified_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing to split on one page: no page verdicts, field extraction classifies the file once."""
    words = lay_out(BANK_ROWS, page=1)
    doc = _doc((1,)).update(text_source="ocr", page_images=())
    calls = []
    real = classify.blended_scores
    counted = lambda lines: calls.append(1) or real(lines)  # noqa: E731
    monkeypatch.setattr(classify, "blended_scores", counted)
    monkeypatch.setattr(split, "blended_scores", counted)
    monkeypatch.setattr(split, "read_words", lambda d, cfg: words)
    monkeypatch.setattr(extract, "reread_names", lambda d, t, values, cfg: values)
    [part] = extract_package(doc, CFG)
    assert (part.doc_id, part.doc_type, len(calls)) == ("abc", BANK, 1)
    assert split.split_document(doc, CFG, words) == [doc]


def _doc(pages: tuple[int, ...]) -> Document:
    images = tuple(PageImage(number=n, path=f"/w/page-{n:03d}.png", width=10, height=10, dpi=300, clarity=1.0)
                   for n in pages)
    return Document(doc_id="abc", source="L1/package.pdf", local_path="/w/package.pdf", loan_id="L1",
                    sha256="f" * 64, pages=pages, page_images=images, page_count=len(pages))


def test_part_of_names_and_restricts_its_pages() -> None:
    doc = _doc((1, 2, 3, 4))
    part = part_of(doc, PageGroup(BANK, (2, 3), 0.8), whole=False)
    assert (part.doc_id, part.pages, [p.number for p in part.page_images]) == ("abc-p2-3", (2, 3), [2, 3])
    assert (part.source, part.sha256, part.loan_id, part.doc_type, part.type_confidence) == (
        doc.source, doc.sha256, "L1", BANK, 0.8)
    assert part_of(doc, PageGroup(UNK, (4,), 0.9), whole=False).doc_id == "abc-p4"
    assert part_of(doc, PageGroup(BANK, (1, 2, 3, 4), 0.8), whole=True) == doc


# --- a generated package PDF, end to end through intake, preprocess and extraction ---

PLAN = (("pay_stub", "earnings_table"), licence, ("bank_statement", "ledger"), ("w2", "grid"), cheque,
        ("loan_application", "sectioned"))
EXPECTED = [(PAY, [1]), (UNK, [2]), (BANK, [3, 4]), (W2, [5]), (UNK, [6]), (APP, [7])]


def write_package(path: Path, plan: tuple = PLAN, font: str = "Helvetica") -> dict:
    """A loan package PDF: documents in the generator's layouts, foreign papers between them."""
    docs = make_loan(random.Random(11), None, 2025)
    page = Page(path, Style(font=font))
    for number, item in enumerate(plan):
        if number:
            page.new_page()
        if isinstance(item, tuple):
            LAYOUTS[item[0]][item[1]](page, docs[item[0]])
        else:
            for row, line in enumerate(item(random.Random(number))):
                page.text(MARGIN, 80 + 22 * row, line, 16 if row == 1 else 12, bold=row == 1)
    page.save()
    return docs


def _run_package(path: Path, work: Path, cfg: PipelineConfig = CFG) -> list[Document]:
    doc = Document(doc_id="pkg", source=path.name, local_path=str(path), loan_id="L9")
    doc = preprocess_document(check_input(doc, cfg.limits, DuplicateIndex()), cfg, work)
    return [part.finalised() for part in extract_package(doc, cfg)]


def _check_package(parts: list[Document], expected: list, docs: dict) -> None:
    assert [(p.doc_type, p.to_output()["pages"]) for p in parts] == expected
    for part in parts:
        if part.doc_type is UNK:
            assert part.fields == {} and part.status is Status.NEEDS_REVIEW
        else:
            truth = docs[part.doc_type.value].fields
            read = {name: part.fields.get(name) for name in fields_of(part.doc_type)}
            assert sum(read[n] == truth[n] for n in read) >= 0.8 * len(read), (part.doc_type, read)
        assert part.source == "package.pdf" and part.loan_id == "L9" and part.sha256


@pytest.mark.tesseract
def test_text_layer_package_splits_into_its_documents(tmp_path: Path) -> None:
    docs = write_package(tmp_path / "package.pdf")
    parts = _run_package(tmp_path / "package.pdf", tmp_path / "work")
    _check_package(parts, EXPECTED, docs)
    assert len({p.doc_id for p in parts}) == len(parts)


@pytest.mark.tesseract
def test_scanned_package_splits_into_its_documents(tmp_path: Path) -> None:
    plan = (("bank_statement", "ledger"), licence, ("pay_stub", "label_lines"))
    docs = write_package(tmp_path / "source.pdf", plan, font="Sans")
    subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", str(tmp_path / "source.pdf"), str(tmp_path / "p")],
                   check=True, timeout=60)
    images = [Image.open(p) for p in sorted(tmp_path.glob("p-*.png"))]
    images[0].save(tmp_path / "package.pdf", save_all=True, append_images=images[1:], resolution=150)
    parts = _run_package(tmp_path / "package.pdf", tmp_path / "work", CFG.model_copy(
        update={"ocr": CFG.ocr.model_copy(update={"render_dpi": 200})}))
    assert all(p.text_source == "ocr" for p in parts)
    _check_package(parts, [(BANK, [1, 2]), (UNK, [3]), (PAY, [4])], docs)
