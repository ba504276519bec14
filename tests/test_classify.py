"""Classification: keywords blended with the text model; foreign papers and lone keywords come out unknown."""

from __future__ import annotations

import random

import pytest
from fixtures.words.synth import BANK_ROWS as BANK
from fixtures.words.synth import PAY_STUB_ROWS as PAY_STUB
from fixtures.words.synth import lay_out

from loan_extractor.config import PipelineConfig
from loan_extractor.extraction.classify import MODEL_WEIGHT, blended_scores, classify, model_scores, type_scores
from loan_extractor.extraction.training_text import ocr_noise
from loan_extractor.extraction.words import build_lines
from loan_extractor.models import Document, Reason
from loan_extractor.spec import DocType
from loan_extractor.stages.extract import extract_from_words

THRESHOLD = 0.35

W2 = [
    (60, [(54, "Form W-2 Wage and Tax Statement"), (500, "2025")]),
    (90, [(54, "a Employee's social security number"), (300, "1 Wages, tips, other compensation")]),
    (110, [(60, "XXX-XX-6789"), (306, "52,000.00")]),
    (130, [(54, "b Employer identification number (EIN)"), (300, "3 Social security wages")]),
]
APPLICATION = [
    (60, [(54, "Uniform Residential Loan Application")]),
    (100, [(54, "Borrower Name:"), (200, "Jane Q Doe")]),
    (120, [(54, "Loan Amount:"), (200, "$250,000.00")]),
    (140, [(54, "Loan Purpose:"), (200, "[X] Purchase [ ] Refinance")]),
]
DRIVER_LICENCE = [
    (40, [(30, "STATE OF OHIO")]),
    (60, [(30, "DRIVER LICENSE")]),
    (80, [(30, "DL 123456789"), (200, "CLASS D")]),
    (100, [(30, "DOB 01/02/1980"), (200, "EXP 01/02/2030")]),
    (120, [(30, "Name: JANE Q DOE")]),
    (140, [(30, "Address: 12 Main St, Dayton, OH")]),
]
LETTER = [
    (60, [(54, "Harbor Point Bank")]),
    (100, [(54, "Dear Ms. Doe,")]),
    (120, [(54, "Thank you for your loan application. The loan amount of $250,000.00 and the")]),
    (134, [(54, "interest rate of 6.875% quoted in your pay stub review are estimates only.")]),
    (160, [(54, "Sincerely,")]),
    (180, [(54, "Loan Department")]),
]
CHEQUE = [
    (40, [(30, "Jane Q Doe"), (400, "No. 1042")]),
    (60, [(400, "Date: 03/20/2026")]),
    (90, [(30, "Pay to the order of"), (150, "Acme Widgets Inc"), (420, "$ 1,250.00")]),
    (110, [(30, "One thousand two hundred fifty and 00/100"), (420, "Dollars")]),
    (140, [(30, "Harbor Point Bank")]),
    (160, [(30, "Memo: rent"), (300, "Account Number: 000123456789")]),
]
INSURANCE = [
    (50, [(54, "Homeowners Policy Declarations")]),
    (80, [(54, "Policy Number:"), (200, "HO-3349921")]),
    (100, [(54, "Named Insured:"), (200, "Jane Q Doe")]),
    (120, [(54, "Property Address:"), (200, "12 Main St, Dayton, OH")]),
    (140, [(54, "Premium:"), (200, "$1,204.00")]),
    (160, [(54, "Deductible:"), (200, "$1,000.00")]),
]


def _classify(rows: list) -> tuple[DocType, float]:
    return classify(build_lines(lay_out(rows)), THRESHOLD)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [(PAY_STUB, DocType.PAY_STUB), (BANK, DocType.BANK_STATEMENT), (W2, DocType.W2),
     (APPLICATION, DocType.LOAN_APPLICATION)],
)
def test_supported_types(rows: list, expected: DocType) -> None:
    doc_type, score = _classify(rows)
    assert doc_type is expected
    assert THRESHOLD <= score <= 1.0


@pytest.mark.parametrize("rows", [DRIVER_LICENCE, LETTER, CHEQUE, INSURANCE], ids=["licence", "letter", "cheque",
                                                                                      "insurance"])
def test_foreign_documents_are_unknown(rows: list) -> None:
    doc_type, confidence = _classify(rows)
    assert doc_type is DocType.UNKNOWN
    assert 0.0 <= confidence <= 1.0


def test_a_single_keyword_does_not_decide() -> None:
    for title in ("Earnings Statement", "Wage and Tax Statement", "Loan Application", "Account Statement"):
        assert max(type_scores(build_lines(lay_out([(60, [(54, title)])]))).values()) < THRESHOLD


def test_labels_inside_prose_do_not_count() -> None:
    prose = [(100, [(54, "Your Gross Pay and Net Pay and Pay Date and Loan Amount are shown on the other side.")])]
    assert max(type_scores(build_lines(lay_out(prose))).values()) == 0.0


def test_ocr_noise_in_labels_is_tolerated() -> None:
    noisy = [
        (60, [(54, "Eamings Staternent")]),
        (100, [(54, "Gross Pav"), (300, "$4,210.55")]),
        (120, [(54, "Net Pay:"), (300, "$3,105.20")]),
        (140, [(54, "P ay Date:"), (300, "03/20/2026")]),
    ]
    assert _classify(noisy)[0] is DocType.PAY_STUB


def test_empty_page_is_unknown() -> None:
    assert classify([], THRESHOLD)[0] is DocType.UNKNOWN


# --- keywords blended with the text model ---

UTILITY_BILL = [
    (50, [(54, "City Utilities")]),
    (80, [(54, "Account Number"), (200, "4417 2290 31")]),
    (100, [(54, "Service Address"), (200, "12 Main St, Dayton, OH")]),
    (120, [(54, "Billing Period"), (200, "03/01/2026 - 03/31/2026")]),
    (140, [(54, "Previous Balance"), (300, "$112.40")]),
    (160, [(54, "Payment Received - Thank You"), (300, "-$112.40")]),
    (180, [(54, "Amount Due"), (300, "$98.15")]),
]
PAY_STUB_LETTER = [
    (60, [(54, "Northwind Logistics LLC")]),
    (90, [(54, "Re: Pay Stub")]),
    (110, [(54, "Dear Mr. Harper,")]),
    (130, [(54, "As requested, we confirm that your pay stub for March was mailed to your home address.")]),
    (150, [(54, "Please contact payroll if it does not arrive within a week.")]),
    (180, [(54, "Sincerely,")]),
    (200, [(54, "Payroll Office")]),
]


def _noisy(rows: list, seed: int, rate: float) -> list:
    rng = random.Random(seed)
    return [(y, [(x, ocr_noise(text, rng, rate)) for x, text in cells]) for y, cells in rows]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [(PAY_STUB, DocType.PAY_STUB), (BANK, DocType.BANK_STATEMENT), (W2, DocType.W2),
     (APPLICATION, DocType.LOAN_APPLICATION)],
)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_supported_types_survive_ocr_noise(rows: list, expected: DocType, seed: int) -> None:
    assert _classify(_noisy(rows, seed, 0.08))[0] is expected


def test_the_text_model_carries_a_page_whose_keywords_are_mangled() -> None:
    mangled = [
        (60, [(54, "Acme Widgets Inc"), (400, "Eamlngs 5tatemenf")]),
        (100, [(54, "Ernployee Narne:"), (180, "Jane Q Doe"), (330, "Pav Dafe:"), (420, "03/20/2026")]),
        (160, [(54, "Eamings"), (300, "Curent"), (420, "Year fo Dafe")]),
        (180, [(54, "Gros5 Pav"), (300, "$4,210.55"), (420, "$25,263.30")]),
        (200, [(54, "Federal lncome Tax"), (300, "$421.05"), (420, "$2,526.30")]),
        (220, [(54, "Nef Pav"), (300, "$3,105.20")]),
    ]
    lines = build_lines(lay_out(mangled))
    assert max(type_scores(lines).values()) < THRESHOLD  # the keywords alone would call it unknown
    assert classify(lines, THRESHOLD)[0] is DocType.PAY_STUB


@pytest.mark.parametrize("rows", [UTILITY_BILL, PAY_STUB_LETTER], ids=["utility_bill", "pay_stub_letter"])
def test_papers_that_share_words_with_supported_types_are_unknown(rows: list) -> None:
    assert _classify(rows)[0] is DocType.UNKNOWN


def test_a_title_with_prose_is_not_enough() -> None:
    rows = [(60, [(54, "Pay Stub")]),
            (100, [(54, "Your employer will send the pay stub by mail. Keep this notice with your records.")])]
    assert _classify(rows)[0] is DocType.UNKNOWN


@pytest.mark.parametrize("rows", [DRIVER_LICENCE, CHEQUE, INSURANCE], ids=["licence", "cheque", "insurance"])
def test_foreign_documents_get_no_fields(rows: list) -> None:
    doc = Document(doc_id="d", source="foreign.png", local_path="/nonexistent", text_source="ocr")
    out = extract_from_words(doc, lay_out(rows), PipelineConfig())
    assert out.doc_type is DocType.UNKNOWN
    assert out.fields == {} and out.to_output()["fields"] == {}
    assert [issue.reason for issue in out.issues] == [Reason.UNKNOWN_TYPE]


def test_blended_score_weighs_keywords_and_model() -> None:
    lines = build_lines(lay_out(BANK))
    keywords, model = type_scores(lines), model_scores(lines)
    blended = blended_scores(lines)
    for doc_type, score in blended.items():
        expected = (1 - MODEL_WEIGHT) * keywords[doc_type] + MODEL_WEIGHT * model.get(doc_type.value, 0.0)
        if model["unknown"] > model.get(doc_type.value, 0.0):
            expected = min(expected, keywords[doc_type])
        assert score == pytest.approx(expected, abs=1e-3)
    assert blended[DocType.BANK_STATEMENT] > keywords[DocType.BANK_STATEMENT]


def test_keywords_must_carry_a_type_the_model_holds_foreign() -> None:
    rows = [(60, [(54, "Pay Stub")]),
            (100, [(54, "Your employer will send the pay stub by mail. Keep this notice with your records.")])]
    lines = build_lines(lay_out(rows))
    model = model_scores(lines)
    assert model["unknown"] > model["pay_stub"]
    assert blended_scores(lines)[DocType.PAY_STUB] <= type_scores(lines)[DocType.PAY_STUB] < THRESHOLD
