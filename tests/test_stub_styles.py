"""Pay stub habits of deposit advices, captioned header grids, hourly retail stubs, small firms' stubs and public
payslips: an earnings table's Total row as the gross, a caption's value under it rather than beside the next
caption, begin/end and "to date" wordings, titles that are no labels, and day-first hints OCR misread."""

from __future__ import annotations

from fixtures.words.synth import CHAR, lay_out

from loan_extractor.extraction.dates import day_first_hint
from loan_extractor.extraction.fields import extract_fields
from loan_extractor.extraction.words import build_lines
from loan_extractor.samples.unseen_stub_styles import LAYOUTS
from loan_extractor.spec import DocType


def _fields(*groups: tuple[float, list]) -> dict[str, object]:
    words = [w for size, rows in groups for w in lay_out(rows, size=size)]
    found = extract_fields(DocType.PAY_STUB, build_lines(words))
    return {name: v.value if v else None for name, v in found.items()}


def _right(x_end: float, text: str, size: float = 9.0) -> tuple[float, str]:
    return x_end - len(text) * CHAR * size, text


def _amounts(y: float, label: str, *cells: tuple[float, str]) -> tuple[float, list]:
    return y, [(54, label), *(_right(x, text) for x, text in cells)]


EARNINGS = [
    _amounts(134, "Earnings", (260, "Hours"), (400, "Current"), (504, "YTD")),
    _amounts(148, "Regular", (260, "80.00"), (400, "1,435.00"), (504, "12,915.00")),
    _amounts(162, "Overtime", (260, "6.00"), (400, "161.44"), (504, "1,452.96")),
    _amounts(176, "Holiday", (260, "8.00"), (400, "143.50"), (504, "1,291.50")),
]


def test_the_total_row_of_an_earnings_table_is_the_gross_pay() -> None:
    got = _fields((9.0, [*EARNINGS, _amounts(190, "Total", (260, "94.00"), (400, "1,739.94"), (504, "15,659.46"))]))
    assert (got["gross_pay"], got["ytd_gross"]) == ("1739.94", "15659.46")


def test_a_total_row_of_another_table_or_of_more_words_is_no_gross() -> None:
    deductions = [_amounts(134, "Taxes/Deductions", (400, "Current"), (504, "YTD")),
                  _amounts(148, "Federal Income Tax", (400, "221.00"), (504, "1,989.00")),
                  _amounts(162, "Total", (400, "221.00"), (504, "1,989.00"))]
    got = _fields((9.0, deductions))
    assert (got["gross_pay"], got["ytd_gross"]) == (None, None)
    got = _fields((9.0, [*EARNINGS, _amounts(190, "Total Hours", (260, "94.00"), (400, "1,739.94"))]))
    assert got["gross_pay"] is None


def test_a_caption_over_its_value_is_not_read_beside_the_next_caption() -> None:
    # OCR measures the caption as tall as its value, the two lines nearly touching
    got = _fields((9.0, [(82, [(54, "Company"), (306, "Employee")]),
                         (93, [(54, "Pioneer Freight Systems"), (306, "Mareike A Muller")])]))
    assert (got["employer_name"], got["employee_name"]) == ("Pioneer Freight Systems", "Mareike A Muller")


def test_begin_and_end_wordings_and_a_to_date_column() -> None:
    got = _fields((9.0, [
        (60, [(54, "Beginning Date"), (180, "02/20/2026")]), (72, [(54, "Ending Date"), (180, "03/05/2026")]),
        (100, [(54, "Paid To: Ana M Perez"), (330, "Date Paid: 03/06/2026")]),
        _amounts(130, "", (380, "This Pay"), (480, "To Date")),
        _amounts(146, "Gross", (380, "2,700.00"), (480, "13,500.00")),
        _amounts(160, "Net", (380, "2,213.05"), (480, "11,065.25")),
    ]))
    assert (got["pay_period_start"], got["pay_period_end"], got["employee_name"]) == (
        "2026-02-20", "2026-03-05", "Ana M Perez")
    assert (got["gross_pay"], got["net_pay"], got["ytd_gross"]) == ("2700.00", "2213.05", "13500.00")
    got = _fields((9.0, [(60, [(54, "Pay Begin Date"), (180, "02/20/2026")]),
                         (72, [(54, "Pay End Date"), (180, "03/05/2026")]),
                         (92, [(54, "For the period ending 03/05/2026")]), (106, [(54, "Period Beg: 02/20/2026")])]))
    assert (got["pay_period_start"], got["pay_period_end"]) == ("2026-02-20", "2026-03-05")


def test_a_payslip_title_is_no_employee_label() -> None:
    got = _fields((9.0, [(56, [(200, "Maple Grove School District")]), (68, [(200, "Employee Pay Stub")]),
                         (92, [(54, "Period: March 16, 2026 - March 31, 2026")])]))
    assert got["employee_name"] is None
    got = _fields((9.0, [(56, [(100, "NORTHWIND LOGISTICS LLC")]), (68, [(100, "PAYROLL SERVICES - EMPLOYEE PAYSLIP")]),
                         (102, [(54, "EMPLOYEE NAME")]), (114, [(54, "DANIEL P OKAFOR")]),
                         _amounts(214, "", (320, "CURRENT"), (450, "CALENDAR YTD")),
                         _amounts(229, "GROSS PAY", (320, "8,433.33"), (450, "16,866.66"))]))
    assert (got["employee_name"], got["ytd_gross"]) == ("DANIEL P OKAFOR", "16866.66")


def test_a_day_first_hint_with_one_m_misread_still_says_day_first() -> None:
    assert day_first_hint("PAY PERIOD END (DD/MW/YYYY)") and day_first_hint("(DD/NM/YYYY)")
    assert not day_first_hint("(MM/DD/YYYY)") and not day_first_hint("ADD/MWX")


def test_every_new_layout_draws_one_page(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import random
    from dataclasses import replace

    from loan_extractor.samples.draw import Page, Style
    from loan_extractor.samples.variety import make_borrower_docs

    docs, _ = make_borrower_docs(random.Random(5), "ascii", 2025)
    for variant, (name, draw) in enumerate(LAYOUTS.items()):
        page = Page(tmp_path / f"{name}.pdf", replace(Style(), variant=variant % 4, dates="dayfirst"))
        draw(page, docs["pay_stub"])
        assert page.canvas.getPageNumber() == 1
        page.save()
