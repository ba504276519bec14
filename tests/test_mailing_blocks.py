"""Values printed without a label beside them: a person's name as the first line of a mailing address, a
statement period printed as its closing date and its number of days, a W-2's tax year printed large in a corner,
and a questionnaire's answers under their numbered questions."""

from __future__ import annotations

from fixtures.words.synth import lay_out

from loan_extractor.extraction.fields import extract_fields
from loan_extractor.extraction.words import Word, build_lines
from loan_extractor.spec import DocType


def _fields(doc_type: DocType, words: list) -> dict[str, object]:
    found = extract_fields(doc_type, build_lines(words))
    return {name: v.value if v else None for name, v in found.items()}


EMPLOYER_BLOCK = [
    (56, [(54, "Northwind Logistics"), (430, "Pay Statement")]),
    (69, [(54, "4410 Ridge Road")]),
    (81, [(54, "Tacoma, WA 98402")]),
]


def test_an_employee_address_window_without_a_label_gives_the_name() -> None:
    got = _fields(DocType.PAY_STUB, lay_out([
        *EMPLOYER_BLOCK,
        (120, [(340, "Check Date:"), (430, "03/20/2026")]),
        (132, [(78, "Agnieszka C Żak"), (340, "Period Start:"), (430, "03/01/2026")]),
        (145, [(78, "1234 Maple Avenue"), (340, "Period End:"), (430, "03/15/2026")]),
        (158, [(78, "Springfield, IL 62704")]),
    ]))
    assert got["employee_name"] == "Agnieszka C Żak"
    assert got["employer_name"] == "Northwind Logistics"  # the return address is the sender's, not the employee's
    assert (got["pay_period_start"], got["pay_period_end"]) == ("2026-03-01", "2026-03-15")


def test_two_unlabelled_addressees_or_a_company_give_no_name() -> None:
    second = [(170, [(78, "Thomas H Sullivan")]), (183, [(78, "PO Box 18")]), (196, [(78, "Austin, TX 78701")])]
    window = [(132, [(78, "Agnieszka C Żak")]), (145, [(78, "1234 Maple Avenue")]),
              (158, [(78, "Springfield, IL 62704")])]
    assert _fields(DocType.PAY_STUB, lay_out([*EMPLOYER_BLOCK, *window, *second]))["employee_name"] is None
    company = [(132, [(78, "Acme Payroll Services Inc")]), (145, [(78, "1234 Maple Avenue")]),
               (158, [(78, "Springfield, IL 62704")])]
    assert _fields(DocType.PAY_STUB, lay_out([*EMPLOYER_BLOCK, *company]))["employee_name"] is None


def test_a_name_without_a_street_and_city_under_it_is_not_an_addressee() -> None:
    got = _fields(DocType.PAY_STUB, lay_out([
        *EMPLOYER_BLOCK,
        (132, [(78, "Agnieszka C Żak")]),
        (145, [(78, "Filing Status Single")]),
        (158, [(78, "Springfield, IL 62704")]),
    ]))
    assert got["employee_name"] is None


def test_a_credit_union_statement_dated_with_its_days_in_period() -> None:
    got = _fields(DocType.BANK_STATEMENT, lay_out([
        (56, [(54, "Lakeside Credit Union")]),
        (70, [(54, "PO Box 2270")]),
        (82, [(54, "Member Service Center 1-888-555-0190")]),
        (112, [(350, "Statement Date:"), (445, "03/31/2026")]),
        (126, [(350, "Days in Period:"), (445, "31")]),
        (128, [(74, "SØREN SØRENSEN")]),
        (141, [(74, "2215 Willow Lane")]),
        (154, [(74, "Madison, WI 53703")]),
        (196, [(54, "SHARE DRAFT CHECKING")]),
        (218, [(54, "Previous Balance"), (300, "1,204.10")]),
    ]))
    assert got["account_holder"] == "SØREN SØRENSEN"
    assert got["bank_name"] == "Lakeside Credit Union"
    assert (got["statement_period_start"], got["statement_period_end"]) == ("2026-03-01", "2026-03-31")


def test_a_period_label_wins_over_the_statement_date() -> None:
    got = _fields(DocType.BANK_STATEMENT, lay_out([
        (56, [(54, "Harbor Point Bank")]),
        (90, [(54, "Statement Period:"), (200, "03/01/2026 - 03/31/2026")]),
        (104, [(54, "Statement Date:"), (200, "04/02/2026")]),
        (118, [(54, "Days in Period:"), (200, "31")]),
    ]))
    assert (got["statement_period_start"], got["statement_period_end"]) == ("2026-03-01", "2026-03-31")


def test_a_letter_read_as_a_digit_inside_a_name_word_keeps_the_addressee() -> None:
    """"Võ" read "V6": the name is kept for the script model's re-reading; a word of digits is a street line."""
    got = _fields(DocType.BANK_STATEMENT, lay_out([
        (56, [(54, "Prairie National Bank")]),
        (128, [(74, "Quéc Bao L V6")]),
        (141, [(74, "843 Ridge Road")]),
        (154, [(74, "Tacoma, WA 98402")]),
    ]))
    assert got["account_holder"] == "Quéc Bao L V6"


def _corner_year_w2(year: list[Word]) -> list[Word]:
    return [*lay_out([
        (46, [(54, "Employer")]),
        (58, [(54, "Silverline Insurance Co")]),
        (70, [(54, "1004 Chestnut Court")]),
        (82, [(54, "Columbus, OH 43215")]),
        (100, [(54, "Employee's SSN:"), (220, "XXX-XX-3936")]),
        (120, [(54, "1 Wages, tips, other comp."), (280, "71,482.82")]),
    ]), *year]


def test_a_large_year_in_the_corner_merges_no_lines_and_joins_no_value() -> None:
    """The year spans the employer's name and street lines: it stands on the street line's baseline, and the
    name under the label stays the name alone."""
    year = lay_out([(72, [(450, "2025")])], size=34)
    lines = build_lines(_corner_year_w2(year))
    assert [line.text for line in lines[1:3]] == ["Silverline Insurance Co", "1004 Chestnut Court 2025"]
    got = _fields(DocType.W2, _corner_year_w2(year))
    assert (got["employer_name"], got["tax_year"]) == ("Silverline Insurance Co", 2025)


def test_a_letter_spaced_year_with_a_stray_mark_beside_a_digit() -> None:
    year = lay_out([(72, [(420, "2"), (445, "0)"), (470, "2"), (495, "5")])], size=34)
    assert _fields(DocType.W2, _corner_year_w2(year))["tax_year"] == 2025


def test_a_question_number_before_a_label_is_never_the_value_of_the_label_before_it() -> None:
    """Two columns of numbered questions, each answered on the line under it: "9." opens the next question."""
    got = _fields(DocType.LOAN_APPLICATION, lay_out([
        (56, [(54, "Borrower Questionnaire")]),
        (92, [(54, "1. Applicant's full name"), (320, "6. Amount requested")]),
        (106, [(68, "Samuel Kowalski"), (334, "468,000.00")]),
        (194, [(54, "4. Name of employer"), (320, "9. Property address")]),
        (208, [(68, "Evergreen Software Inc"), (334, "7705 Sycamore Boulevard, Columbus, OH 43215")]),
    ]))
    assert (got["applicant_name"], got["employer_name"]) == ("Samuel Kowalski", "Evergreen Software Inc")
    assert got["property_address"] == "7705 Sycamore Boulevard, Columbus, OH 43215"
    assert got["loan_amount"] == "468000.00"


def _purpose_rows(second: str) -> list[Word]:
    return lay_out([
        (92, [(54, "9. Interest rate quoted"), (320, "10. Purpose of loan")]),
        (106, [(68, "6.125%"), (334, "[ ] Purchase"), (444, "[ ] Refinance")]),
        (119, [(334, second)]),
        (160, [(54, "Declarations")]),
    ])


def test_a_row_of_purposes_wrapped_onto_a_second_line_under_its_question() -> None:
    got = _fields(DocType.LOAN_APPLICATION, _purpose_rows("[ ] Cash-Out Refinance   [X] Construction"))
    assert got["loan_purpose"] == "construction"
    assert _fields(DocType.LOAN_APPLICATION, _purpose_rows("[ ] Cash-Out Refinance   [ ] Construction"))[
        "loan_purpose"] is None


def _titled_w2(title: str, *others: tuple[int, str]) -> list[Word]:
    return _corner_year_w2(lay_out([(350, [(54, "Form W-2 Wage and Tax"), (180, title), *others])], size=13))


def test_a_year_ocr_joined_to_the_title_before_it() -> None:
    assert _fields(DocType.W2, _titled_w2("Statement2O25"))["tax_year"] == 2025
    # the century misread in the join ("2" taken for "0"): a tax year is 20xx, its last two digits are true
    assert _fields(DocType.W2, _titled_w2("Statement0O25"))["tax_year"] == 2025
    assert _fields(DocType.W2, _titled_w2("Statement00S5"))["tax_year"] is None  # last two digits not both true
    assert _fields(DocType.W2, _titled_w2("StatementOO25"))["tax_year"] is None  # too few true digits
    # another year on the page contradicts it: no year at all
    assert _fields(DocType.W2, _titled_w2("Statement2O25", (420, "2024")))["tax_year"] is None


ADDRESSEE = [(84, [(54, "Jane Q Doe")]), (97, [(54, "48 Elm Street")]), (110, [(54, "Springfield, IL 62704")])]
PAY = [(220, [(54, "Pay Date"), (150, "03/20/2026")]), (240, [(54, "Gross Pay"), (250, "$4,210.55")])]


def test_the_one_window_address_under_a_title_is_the_employee_not_the_employer() -> None:
    got = _fields(DocType.PAY_STUB, lay_out([(56, [(54, "EARNINGS STATEMENT")]), *ADDRESSEE, *PAY]))
    assert (got["employee_name"], got["employer_name"]) == ("Jane Q Doe", None)


def test_a_lone_address_block_still_heads_the_stub_as_its_employer() -> None:
    # the block opening the page is the sender's letterhead, and so is one printed larger than the text round it
    got = _fields(DocType.PAY_STUB, lay_out([*EMPLOYER_BLOCK, *PAY]))
    assert (got["employee_name"], got["employer_name"]) == (None, "Northwind Logistics")
    large = lay_out([(60, [(54, "Northwind Logistics")])], size=14) + lay_out(
        [(30, [(54, "Pay Statement")]), (74, [(54, "4410 Ridge Road")]), (87, [(54, "Tacoma, WA 98402")]), *PAY])
    got = _fields(DocType.PAY_STUB, large)
    assert (got["employee_name"], got["employer_name"]) == (None, "Northwind Logistics")


def test_a_value_read_by_its_label_is_never_the_heading_of_another_field() -> None:
    got = _fields(DocType.PAY_STUB, lay_out([(50, [(54, "EARNINGS STATEMENT")]), (65, [(54, "Name:"), (120, "Jane Q Doe")]),
                                            *PAY]))
    assert (got["employee_name"], got["employer_name"]) == ("Jane Q Doe", None)
