"""A check's amount in words, taken as the net pay only when the same amount is printed in figures."""

from __future__ import annotations

from fixtures.words.synth import lay_out

from loan_extractor.extraction.fields import extract_fields
from loan_extractor.extraction.words import build_lines
from loan_extractor.extraction.written_amount import amount_in_words, written_amount
from loan_extractor.spec import DocType

STUB = [
    (50, [(54, "Silverline Insurance Co"), (460, "Thomas Delgado")]),
    (80, [(54, "Pay Period: 03/22/2026 - 03/28/2026")]),
    (110, [(54, "Earnings"), (150, "Hours"), (210, "Rate"), (260, "Amount")]),
    (125, [(54, "Regular"), (150, "40.00"), (210, "27.50"), (260, "1,100.00")]),
    (150, [(54, "Total Earnings"), (260, "1,100.00"), (320, "Total Deductions"), (520, "302.99")]),
    (442, [(54, "Silverline Insurance Co"), (385, "Date"), (500, "04/01/2026")]),
]


def _net_pay(rows: list) -> object:
    value = extract_fields(DocType.PAY_STUB, build_lines(lay_out(rows)))["net_pay"]
    return value.value if value else None


def test_number_words_make_whole_dollars() -> None:
    assert amount_in_words("Seven Hundred Ninety-Seven".split()) == 797
    assert amount_in_words("Six Thousand One Hundred Forty-Three".split()) == 6143
    assert amount_in_words("Twelve Thousand Five".split()) == 12005
    assert amount_in_words("Seven Dollars".split()) is None


def test_a_checks_written_amount_confirmed_by_its_figure_is_the_net_pay() -> None:
    check = [(475, [(54, "PAY EXACTLY Seven Hundred Ninety-Seven and 01/100 Dollars ************")]),
             (509, [(395, "AMOUNT"), (493, "***797.01")])]
    assert _net_pay(STUB + check) == "797.01"


def test_a_written_amount_without_its_figure_is_not_read() -> None:
    check = [(475, [(54, "PAY EXACTLY Seven Hundred Ninety-Seven and 01/100 Dollars")]),
             (509, [(395, "AMOUNT"), (493, "***798.01")])]
    assert _net_pay(STUB + check) is None
    assert written_amount(build_lines(lay_out(check))) is None


def test_a_checks_payee_line_and_date_are_read() -> None:
    rows = STUB + [(503, [(54, "TO THE ORDER OF"), (134, "Thomas Delgado")]), (515, [(134, "590 Maple Avenue")])]
    found = extract_fields(DocType.PAY_STUB, build_lines(lay_out(rows)))
    assert found["employee_name"].value == "Thomas Delgado" and found["pay_date"].value == "2026-04-01"


def test_a_checks_figure_behind_protecting_marks_ocr_misread_still_confirms_it() -> None:
    # "***$2,254.28" read "*#*G2,254.28", "**2,712.17" read "882,712.17", "/100" read "/L00"
    stub = [(y, [(x, text.replace("1,100.00", "4,100.00")) for x, text in cells]) for y, cells in STUB]
    for words, figure, net in (("Two Thousand Two Hundred Fifty-Four and 28/100 Dollars", "*#*G2,254.28", "2254.28"),
                               ("Two Thousand Seven Hundred Twelve and 17/L00 Dollars", "882,712.17", "2712.17")):
        check = [(475, [(54, f"PAY EXACTLY {words} ##RHRRRRRE")]), (509, [(395, "AMOUNT"), (493, figure)])]
        assert _net_pay(stub + check) == net
    check = [(475, [(54, "PAY EXACTLY Seven Hundred Ninety-Seven and 01/100 Dollars")]),
             (509, [(395, "AMOUNT"), (493, "1797.01")])]
    assert _net_pay(STUB + check) is None  # below a thousand, a digit before the figure makes it another amount
