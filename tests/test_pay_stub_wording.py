"""Pay stubs of payroll software, government agencies and HR suites: earnings and deductions tables side by side,
an agency as the employer, a voucher check's "Pay to the order of", labels opened by an abbreviation, and an ID
number beside a label word of the employee's name."""

from __future__ import annotations

from fixtures.words.synth import lay_out

from loan_extractor.extraction.dates import day_first_hint
from loan_extractor.extraction.fields import extract_fields
from loan_extractor.extraction.labels import find_hits
from loan_extractor.extraction.words import build_lines
from loan_extractor.spec import DocType


def _fields(words: list) -> dict[str, object]:
    found = extract_fields(DocType.PAY_STUB, build_lines(words))
    return {name: v.value if v else None for name, v in found.items()}


def test_side_by_side_tables_give_the_row_its_own_tables_columns() -> None:
    """"Current" and "YTD" printed twice on one header line, once per table: the gross row reads the earnings
    table's columns, not the deductions table's further right (nor the hours beside its label)."""
    got = _fields(lay_out([
        (60, [(54, "Riverbend Medical Center")]),
        (200, [(54, "Description"), (150, "Rate"), (190, "Hours"), (250, "Current"), (340, "YTD"),
               (384, "Description"), (456, "Current"), (535, "YTD")]),
        (213, [(54, "Regular"), (147, "69.66"), (191, "80.00"), (250, "5,573.08"), (320, "39,011.56"),
               (384, "Fed W/H"), (456, "596.84"), (520, "4,177.88")]),
        (226, [(54, "Total Earnings"), (191, "80.00"), (250, "5,573.08"), (320, "39,011.56"),
               (384, "Medicare"), (460, "80.81"), (525, "565.67")]),
    ], size=8.5))
    assert (got["gross_pay"], got["ytd_gross"]) == ("5573.08", "39011.56")


def test_an_agency_is_the_employer_of_a_government_statement() -> None:
    got = _fields(lay_out([
        (50, [(54, "EARNINGS AND LEAVE STATEMENT")]),
        (80, [(58, "EMPLOYING AGENCY"), (310, "PAY PERIOD")]),
        (98, [(60, "MAPLE GROVE SCHOOL DISTRICT"), (312, "PP 05/2026")]),
    ]))
    assert got["employer_name"] == "MAPLE GROVE SCHOOL DISTRICT"


def test_a_label_opened_by_an_abbreviation_owns_the_value_under_the_abbreviation() -> None:
    """"PP BEGIN DATE" over "01 Mar 2026": the date starts under "PP", left of the label's known words."""
    got = _fields(lay_out([
        (150, [(58, "PP BEGIN DATE"), (310, "PP END DATE")]),
        (166, [(60, "01 Mar 2026"), (312, "31 Mar 2026")]),
    ], size=9))
    assert (got["pay_period_start"], got["pay_period_end"]) == ("2026-03-01", "2026-03-31")


def test_a_label_ocr_read_as_one_word_is_still_found() -> None:
    """Small capitals printed close: "PAY TO THE ORDER OF" read as "PAYTOTHEORDEROF"."""
    lines = build_lines(lay_out([(128, [(71, "PAYTOTHEORDEROF"), (181, "Laura Whitfield")])]))
    hits = find_hits(lines, {"Pay to the Order of": ["field:employee_name"]})
    assert [(h.start, h.end, h.ntokens) for h in hits] == [(0, 1, 5)]


def test_an_id_number_beside_a_name_label_word_is_not_the_name() -> None:
    """"Employee ID: 077433" with "ID" misread: the label "Employee" is left for the check's payee."""
    got = _fields(lay_out([
        (128, [(71, "PAYTOTHEORDEROF"), (181, "Laura Whitfield"), (501, "**$1,415.58**")]),
        (246, [(71, "Laura Whitfield"), (337, "Pay Date:"), (407, "02/23/2026")]),
        (259, [(71, "Employee {D: 077433")]),
    ], size=8.5))
    assert got["employee_name"] == "Laura Whitfield"


def test_payroll_software_totals_named_total_pay_and_check_amount() -> None:
    got = _fields(lay_out([
        (292, [(54, "Pay"), (262, "Hours"), (349, "Rate"), (436, "Current"), (554, "YTD")]),
        (306, [(54, "Salary"), (266, "80.00"), (346, "25.34"), (428, "2,026.92"), (532, "8,107.68")]),
        (320, [(54, "Total Pay"), (428, "2,026.92"), (532, "8,107.68")]),
        (400, [(54, "Check Amount"), (427, "1,415.58")]),
    ], size=9))
    assert (got["gross_pay"], got["ytd_gross"], got["net_pay"]) == ("2026.92", "8107.68", "1415.58")


def test_a_union_stub_names_the_contractor_as_employer() -> None:
    got = _fields(lay_out([
        (56, [(54, "CONTRACTOR:"), (144, "SUMMIT ANALYTICS CORP"), (520, "LOCAL 172")]),
        (98, [(54, "EMPLOYEE:"), (144, "SAMUEL P CASTILLO")]),
    ]))
    assert (got["employer_name"], got["employee_name"]) == ("SUMMIT ANALYTICS CORP", "SAMUEL P CASTILLO")


def test_an_unknown_label_with_its_value_is_no_heading() -> None:
    """A cell opened by a word ending in a colon is a label the rules do not know: never the employer's name."""
    got = _fields(lay_out([
        (56, [(54, "FOREMAN: RIDGE CREW")]),
        (98, [(54, "Pay Date:"), (144, "03/20/2026")]),
    ]))
    assert got["employer_name"] is None


def test_a_day_first_hint_with_a_d_read_as_o() -> None:
    assert day_first_hint("Pay day (OD/MM/YYYY)") and day_first_hint("(D0/MM/YYYY)")
    assert not day_first_hint("Odd/Mmm") and not day_first_hint("(MM/DD/YYYY)")
