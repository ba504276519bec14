"""Which words beside a label are its value, on layouts the sample generator does not draw: summary grids,
right-aligned columns, qualified labels, glued periods and box-number captions."""

from __future__ import annotations

from fixtures.words.synth import CHAR, field_values, lay_out

from loan_extractor.extraction.fields import extract_fields
from loan_extractor.extraction.plausible import date_indexes, has_cents, shared_year_range, split_date_ranges
from loan_extractor.extraction.words import build_lines
from loan_extractor.spec import DocType


def _right(x_end: float, text: str, size: float = 10.0) -> tuple[float, str]:
    """A cell right-aligned at x_end, as amounts print in columns."""
    return x_end - len(text) * CHAR * size, text


def test_right_aligned_amounts_under_column_headers_belong_to_their_column() -> None:
    got = field_values(DocType.BANK_STATEMENT, [
        (50, [(54, "First Coastal Bank")]),
        (120, [(60, "Beginning Balance"), (180, "Deposits"), (260, "Withdrawals"), (360, "Ending Balance")]),
        (135, [_right(140, "12,345.67"), _right(230, "112,000.00"), _right(320, "111,111.11"),
               _right(440, "13,234.56")]),
    ])
    assert (got["opening_balance"], got["total_deposits"]) == ("12345.67", "112000.00")
    assert (got["total_withdrawals"], got["closing_balance"]) == ("111111.11", "13234.56")


def test_a_pay_summary_grid_reads_current_and_year_to_date_rows() -> None:
    got = field_values(DocType.PAY_STUB, [
        (40, [(54, "Acme Widgets Inc"), (400, "Earnings Statement")]),
        (60, [(54, "Name: John Q Public"), (300, "Check Date: 04/05/2026")]),
        (110, [(150, "Gross"), (220, "Taxes"), (300, "Deductions"), (400, "Net Pay")]),
        (125, [(54, "Current"), _right(180, "2,150.00"), _right(250, "300.00"), _right(350, "100.00"),
               _right(440, "1,750.00")]),
        (140, [(54, "YTD"), _right(180, "25,800.00"), _right(250, "3,600.00"), _right(350, "1,200.00"),
               _right(440, "21,000.00")]),
    ])
    assert (got["gross_pay"], got["net_pay"], got["ytd_gross"]) == ("2150.00", "1750.00", "25800.00")
    assert got["employee_name"] == "John Q Public" and got["pay_date"] == "2026-04-05"


def test_a_date_qualifying_a_balance_label_is_not_its_amount() -> None:
    got = field_values(DocType.BANK_STATEMENT, [
        (50, [(54, "First Coastal Bank")]),
        (120, [(54, "Beginning Balance on March 1, 2026"), (400, "$1,234.56")]),
        (135, [(54, "Ending Balance as of 03/31/2026 $2,234.56")]),
    ])
    assert (got["opening_balance"], got["closing_balance"]) == ("1234.56", "2234.56")


def test_a_bare_count_before_an_amount_with_cents_is_not_the_amount() -> None:
    got = field_values(DocType.PAY_STUB, [(40, [(54, "Acme Widgets Inc")]),
                                     (100, [(54, "Gross Pay"), (200, "80 hrs"), (300, "$2,150.00")])])
    assert got["gross_pay"] == "2150.00"


def test_a_lone_bare_amount_is_still_read() -> None:
    got = field_values(DocType.PAY_STUB, [(40, [(54, "Acme Widgets Inc")]), (100, [(54, "Net Pay:"), (200, "1750")])])
    assert got["net_pay"] == "1750.00"


def test_a_period_printed_as_one_word_gives_both_dates() -> None:
    got = field_values(DocType.BANK_STATEMENT, [(50, [(54, "First Coastal Bank")]),
                                           (90, [(54, "Statement Period: 03/01/2026-03/31/2026")])])
    assert (got["statement_period_start"], got["statement_period_end"]) == ("2026-03-01", "2026-03-31")
    words = split_date_ranges(lay_out([(90, [(54, "2026-03-01–2026-03-31")])]))
    assert [w.text for w in words] == ["2026-03-01", "2026-03-31"] and words[0].x1 < words[1].x0


def test_a_w2_summary_list_with_box_numbers_and_plain_captions() -> None:
    got = field_values(DocType.W2, [
        (50, [(54, "W-2 Summary"), (300, "Tax Year 2025")]),
        (80, [(54, "Employee:"), (300, "John Q Public")]),
        (95, [(54, "Employer ID:"), (300, "12-3456789")]),
        (140, [(54, "Box 1"), (400, "52,000.00")]),
        (155, [(54, "Box 2"), (400, "6,000.00")]),
        (170, [(54, "Box 3"), (400, "53,000.00")]),
        (185, [(54, "Box 5"), (400, "54,000.00")]),
    ])
    assert got["employee_name"] == "John Q Public" and got["employer_ein"] == "12-3456789"
    assert [got[f] for f in ("wages", "federal_income_tax_withheld", "social_security_wages", "medicare_wages")] == [
        "52000.00", "6000.00", "53000.00", "54000.00"]


def test_a_direct_deposit_bank_name_is_not_the_employee() -> None:
    got = field_values(DocType.PAY_STUB, [(40, [(54, "Acme Widgets Inc")]),
                                     (100, [(54, "Direct Deposit")]), (115, [(54, "Bank Name: First Coastal Bank")])])
    assert got["employee_name"] is None


def test_plausibility_helpers() -> None:
    words = lay_out([(100, [(54, "on March 1, 2026 $1,234.56 2026")])])
    assert date_indexes(words) == {1, 2, 3}  # a year alone may be an amount; with its day and month it is a date
    assert has_cents("1,234.56") and has_cents("(12.00)") and not has_cents("1234") and not has_cents("80")


def test_an_address_cell_ending_in_a_comma_goes_on_in_the_next_cell() -> None:
    got = field_values(DocType.LOAN_APPLICATION, [
        (50, [(54, "Loan Application")]),
        (100, [(54, "Property Address:"), (200, "6595 Hillcrest Road, Raleigh,"), (377, "NC 27601")]),
        (120, [(54, "Employer:"), (200, "Acme Widgets"), (377, "Pay Date")]),
    ])
    assert got["property_address"] == "6595 Hillcrest Road, Raleigh, NC 27601"
    assert got["employer_name"] == "Acme Widgets"  # no comma: the next cell is not part of it


def test_a_term_under_a_label_in_years_is_given_in_months() -> None:
    rows = [(50, [(54, "Loan Application")]), (100, [(54, "Loan Term (Years):"), (200, "30")]),
            (120, [(54, "Requested Amount:"), (200, "$250,000.00")])]
    found = extract_fields(DocType.LOAN_APPLICATION, build_lines(lay_out(rows)))
    assert found["loan_term_months"] is not None and found["loan_term_months"].value == 360
    assert found["loan_term_months"].conf < 1.0 and found["loan_amount"].value == "250000.00"  # type: ignore[union-attr]
    for label, printed in (("Loan Term (Years):", "30 years"), ("Loan Term (months):", "360")):
        got = field_values(DocType.LOAN_APPLICATION, [(100, [(54, label), (200, printed)])])
        assert got["loan_term_months"] == 360, label


def test_a_w2_list_of_box_numbers_in_their_own_cells() -> None:
    rows = [(50, [(54, "2025 Form W-2 Summary")])]
    for i, (box, caption, value) in enumerate([
            ("Box 1", "Wages, tips, other compensation", "88,450.12"), ("Box 2", "Federal income tax withheld", "12,004.55"),
            ("Box 3", "Social security wages", "90,100.00"), ("Box 4", "Social security tax withheld", "5,586.20"),
            ("Box 5", "Medicare wages and tips", "90,200.00"), ("Box 6", "Medicare tax withheld", "1,306.45")]):
        rows.append((160 + 16 * i, [(54, box), (100, caption), _right(480, value)]))
    got = field_values(DocType.W2, rows)
    assert [got[f] for f in ("wages", "federal_income_tax_withheld", "social_security_wages", "medicare_wages")] == [
        "88450.12", "12004.55", "90100.00", "90200.00"]  # never the "4" or "6" of the box below


def test_a_two_column_summary_with_ampersands_signs_and_a_period_naming_its_year_once() -> None:
    got = field_values(DocType.BANK_STATEMENT, [
        (40, [(54, "Harbor Point Bank")]),
        (95, [(54, "Statement Period"), (200, "March 1 - March 31, 2026")]),
        (130, [(54, "Description"), _right(400, "Amount")]),
        (145, [(54, "Beginning Balance"), _right(400, "$4,210.55")]),
        (160, [(54, "Deposits & Credits (4)"), _right(400, "$6,100.00")]),
        (175, [(54, "Checks & Debits (12)"), _right(400, "-$3,995.12")]),
        (190, [(54, "Ending Balance"), _right(400, "$6,315.43")]),
    ])
    assert (got["statement_period_start"], got["statement_period_end"]) == ("2026-03-01", "2026-03-31")
    assert (got["total_deposits"], got["total_withdrawals"]) == ("6100.00", "3995.12")  # debits printed negative
    assert shared_year_range("December 15 - January 14, 2026") == ("2025-12-15", "2026-01-14")
    assert shared_year_range("03/01/2026 - 03/31/2026") is None


def test_a_header_row_over_its_values_with_an_ordinal_date() -> None:
    got = field_values(DocType.PAY_STUB, [
        (40, [(54, "Acme Widgets Inc")]),
        (100, [(54, "Period Start"), (150, "Period End"), (250, "Pay Date"), (350, "Net Pay")]),
        (115, [(54, "03/16/2026"), (150, "03/31/2026"), (250, "April 5th, 2026"), _right(420, "$1,801.70")]),
    ])
    assert [got[f] for f in ("pay_period_start", "pay_period_end", "pay_date", "net_pay")] == [
        "2026-03-16", "2026-03-31", "2026-04-05", "1801.70"]


def test_credit_union_wording_for_the_holder_and_the_account() -> None:
    got = field_values(DocType.BANK_STATEMENT, [
        (50, [(54, "Prairie State Credit Union"), (400, "Member FDIC")]),
        (80, [(54, "Member Name: Olivia K Brandt"), (340, "Member Number: 000-77-4411")]),
    ])
    assert (got["account_holder"], got["account_number_last4"]) == ("Olivia K Brandt", "4411")


def test_a_w2_list_in_plain_words_never_takes_state_wages_for_wages() -> None:
    got = field_values(DocType.W2, [
        (50, [(54, "W-2 Summary 2025")]), (80, [(54, "State wages, tips, etc. 51,000.00")]),
        (95, [(54, "Wages: 52,000.00")]), (110, [(54, "Social security wages: 53,000.00")]),
        (125, [(54, "Medicare wages: 54,000.00")]), (140, [(54, "Fed. income tax: 6,000.00")]),
    ])
    assert [got[f] for f in ("wages", "federal_income_tax_withheld", "social_security_wages", "medicare_wages")] == [
        "52000.00", "6000.00", "53000.00", "54000.00"]


def test_column_headings_with_qualifiers_read_as_one_cell_are_each_a_label() -> None:
    # OCR joined two headings with their date formats and a rule between them into one cell
    got = field_values(DocType.PAY_STUB, [
        (50, [(54, "Evergreen Software Inc")]),
        (120, [(54, "Check Date (DD/MM/YYYY)"), (190, "Period Beginning (DD/MM/YYYY) _ Period Ending (DD/MM/YYYY)")]),
        (135, [(54, "10/03/2026"), (190, "24/02/2026"), (365, "09/03/2026")]),
    ])
    assert (got["pay_period_start"], got["pay_period_end"]) == ("2026-02-24", "2026-03-09")


def test_a_date_format_in_its_own_cell_between_the_label_and_the_date_is_skipped() -> None:
    # a monospaced face's wide spaces split "Pay Date: (DD/MM/YYYY)" into two cells before the date's own cell
    got = field_values(DocType.PAY_STUB, [
        (50, [(54, "Evergreen Software Inc")]),
        (100, [(300, "Period Start:"), (390, "(DD/MM/YYYY)"), (500, "16/03/2026")]),
        (115, [(300, "Period End:"), (390, "(DD/MM/YYYY)"), (500, "31/03/2026")]),
        (130, [(300, "Check Date:"), (390, "(DD/MM/YYYY)"), (500, "01/04/2026")]),
    ])
    assert (got["pay_period_start"], got["pay_period_end"], got["pay_date"]) == (
        "2026-03-16", "2026-03-31", "2026-04-01")


def test_the_parts_a_form_asks_for_in_their_own_cell_are_not_the_value() -> None:
    # wide spaces put "Street, City, State, ZIP" in a cell of its own; the address is printed under the label
    got = field_values(DocType.LOAN_APPLICATION, [
        (50, [(54, "Uniform Residential Loan Application")]),
        (100, [(54, "Property Address"), (170, "Street, City, State, ZIP")]),
        (115, [(54, "1761 Oak Street, Madison, WI 53703")]),
    ])
    assert got["property_address"] == "1761 Oak Street, Madison, WI 53703"
