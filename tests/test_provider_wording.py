"""Labels and geometry of payroll providers' and reprinted forms: abbreviated label words, combined box ids,
labels missing their connecting words, a form printed several times on one page, headings beside small print."""

from __future__ import annotations

from fixtures.words.synth import lay_out

from loan_extractor.extraction.dates import day_first_hint
from loan_extractor.extraction.fields import extract_fields
from loan_extractor.extraction.identifiers import normalise_last4
from loan_extractor.extraction.labels import tokens
from loan_extractor.extraction.repair import REPAIR_COST, Parsed
from loan_extractor.extraction.words import build_lines
from loan_extractor.spec import DocType


def _fields(doc_type: DocType, words: list) -> dict[str, object]:
    found = extract_fields(doc_type, build_lines(words))
    return {name: v.value if v else None for name, v in found.items()}


def test_abbreviated_label_words_are_spelt_out() -> None:
    assert tokens("Employee's soc. sec. no.") == ["employees", "social", "security", "number"]
    assert tokens("Fed. ID Num") == ["federal", "id", "number"]
    assert tokens("Notes") == ["notes"]  # only whole words are abbreviations


def test_a_w2_summary_with_abbreviated_id_labels() -> None:
    got = _fields(DocType.W2, lay_out([
        (60, [(54, "2025 W-2 and EARNINGS SUMMARY")]),
        (100, [(54, "1"), (84, "Wages, tips, other comp."), (400, "96,152.14")]),
        (140, [(54, "Employer's federal ID no.:"), (214, "59-8265003")]),
        (156, [(54, "Employee's social security no.: XXX-XX-0395")]),
        (180, [(54, "Employee's SSA number:"), (214, "XXX-XX-0395")]),
    ]))
    assert (got["employer_ein"], got["employee_ssn_last4"], got["wages"]) == ("59-8265003", "0395", "96152.14")


def test_combined_box_ids_and_labels_without_their_connecting_words() -> None:
    got = _fields(DocType.W2, lay_out([
        (60, [(40, "c Employer's name, address, ZIP"), (200, "2 Federal income tax withheld")]),
        (72, [(42, "Maple Grove School District"), (202, "10962.86")]),
        (84, [(42, "2253 Sycamore Boulevard")]),
        (120, [(40, "e/f Employee's name, address, ZIP"), (200, "4 Social security tax withheld")]),
        (132, [(42, "Marcus C Abernathy"), (202, "5537.90")]),
    ], size=7))
    assert got["employer_name"] == "Maple Grove School District"
    assert got["employee_name"] == "Marcus C Abernathy"


def test_a_value_under_a_label_is_not_read_from_the_copy_beside_it() -> None:
    """Four-up W-2 sheets: the employer's city line of the copy to the right sits between a box label and its
    amount; it starts far right of the label's end, so it is not under the label."""
    got = _fields(DocType.W2, lay_out([
        (117, [(170, "3 Social security wages"), (450, "3 Social security wages")]),
        (123, [(41, "Austin, TX 78701"), (311, "Austin, TX 78701")]),
        (128, [(172, "$121,525.61"), (452, "$121,525.61")]),
    ], size=6))
    assert got["social_security_wages"] == "121525.61"


def test_a_large_heading_beside_small_print_stays_one_cell() -> None:
    """A monospaced 16-point name has word gaps wider than the small print's line height: it is still one cell."""
    heading = lay_out([(58, [(54, "Coastal"), (54 + 7 * 8.8 + 12, "Federal"), (54 + 14 * 8.8 + 24, "Savings")])],
                      size=16)
    small = lay_out([(58, [(330, "Statement Period: 01/01/2026 - 01/31/2026")])], size=8)
    lines = build_lines(heading + small)
    assert len(set(lines[0].segment_of[:3])) == 1
    holder = lay_out([(100, [(54, "Statement For:"), (160, "Jane Doe")])])
    got = _fields(DocType.BANK_STATEMENT, heading + small + holder)
    assert got["bank_name"] == "Coastal Federal Savings"
    assert (got["statement_period_start"], got["statement_period_end"]) == ("2026-01-01", "2026-01-31")


def test_an_advice_slip_names_the_employee_under_deposited_to_the_account_of() -> None:
    got = _fields(DocType.PAY_STUB, lay_out([
        (60, [(54, "Silverline Insurance Co"), (400, "Earnings Statement")]),
        (80, [(360, "Pay Date:"), (455, "03/27/2026")]),
        (100, [(360, "ROBERT N THORNTON")]),
        (300, [(54, "Deposited to the account of"), (300, "account number"), (390, "transit ABA"), (520, "amount")]),
        (314, [(54, "Robert N Thornton"), (300, "xxxxxx4821"), (390, "xxxx xxxx"), (500, "$743.53")]),
    ], size=8))
    assert got["employee_name"] == "Robert N Thornton"


def test_urla_employment_box_labels() -> None:
    got = _fields(DocType.LOAN_APPLICATION, lay_out([
        (60, [(58, "Employer or Business Name"), (340, "Base Income (Annual)")]),
        (74, [(60, "Cedar Ridge Manufacturing Inc"), (342, "USD 98,300.00")]),
    ]))
    assert (got["employer_name"], got["annual_income"]) == ("Cedar Ridge Manufacturing Inc", "98300.00")


def test_a_label_word_inside_a_compound_value_is_no_label() -> None:
    """"Rate/term refinance" holds the labels Rate and Term: as parts of one word they are the purpose's value."""
    got = _fields(DocType.LOAN_APPLICATION, lay_out([
        (100, [(54, "Term:"), (174, "30 years"), (350, "Rate:"), (450, "6.875% APR")]),
        (120, [(54, "Employer:"), (174, "Bluebird Dental Group"), (350, "Purpose:"), (450, "Rate/term refinance")]),
    ]))
    assert (got["loan_purpose"], got["loan_term_months"], got["interest_rate"]) == ("refinance", 360, "6.875")


def test_a_label_ending_in_a_colon_still_counts_inside_a_compound() -> None:
    got = _fields(DocType.PAY_STUB, lay_out([(100, [(54, "Employee/Payee:"), (180, "Jane Q Doe")])]))
    assert got["employee_name"] == "Jane Q Doe"


def test_a_statement_period_printed_in_a_sentence() -> None:
    rows = [
        (56, [(54, "First Union Savings Bank")]),
        (90, [(54, "Account Owner:"), (194, "Victor L Gallagher")]),
        (108, [(54, "Your Advantage Checking for January 1, 2026 to January 31, 2026")]),
        (176, [(54, "Beginning balance on January 1, 2026"), (350, "$20,647.16")]),
        (300, [(54, "01/05/2026"), (164, "Payroll Deposit"), (400, "$1,575.55")]),
    ]
    found = extract_fields(DocType.BANK_STATEMENT, build_lines(lay_out(rows)))
    start, end = found["statement_period_start"], found["statement_period_end"]
    assert (start.value, end.value) == ("2026-01-01", "2026-01-31")
    assert start.conf < 1.0  # read without a label


def test_two_different_unlabelled_periods_give_none() -> None:
    got = _fields(DocType.BANK_STATEMENT, lay_out([
        (56, [(54, "First Union Savings Bank")]),
        (108, [(54, "Checking for 01/01/2026 to 01/31/2026")]),
        (124, [(54, "Savings for 12/01/2025 through 12/31/2025")]),
    ]))
    assert (got["statement_period_start"], got["statement_period_end"]) == (None, None)


def test_two_level_headers_give_each_amount_its_spanning_column() -> None:
    """"Current" and "Year to Date" each over "Hours  Amount": the row's amounts go by the header spanning them."""
    got = _fields(DocType.PAY_STUB, lay_out([
        (50, [(54, "Employee:"), (130, "George Abernathy")]),
        (133, [(239, "Current"), (429, "Year to Date")]),
        (148, [(54, "Earnings"), (210, "Hours"), (300, "Amount"), (390, "Hours"), (480, "Amount")]),
        (163, [(54, "Regular"), (210, "86.67"), (300, "5,145.83"), (390, "260.01"), (480, "15,437.49")]),
        (178, [(54, "Gross Pay"), (210, "86.67"), (300, "5,145.83"), (390, "260.01"), (480, "15,437.49")]),
    ]))
    assert (got["gross_pay"], got["ytd_gross"]) == ("5145.83", "15437.49")


def test_a_tax_year_label_is_no_unit_of_years() -> None:
    """"Tax Year: 2025" names a year; only a count of months is converted from a label in years."""
    got = _fields(DocType.W2, lay_out([
        (58, [(54, "W-2 Employee Copy"), (420, "Tax Year:"), (480, "2025")]),
        (176, [(54, "Box 1 Wages, tips, other comp. ......................"), (480, "$126,491.12")]),
    ]))
    assert (got["tax_year"], got["wages"]) == (2025, "126491.12")


def test_a_compound_label_before_its_amount_is_still_a_label() -> None:
    got = _fields(DocType.BANK_STATEMENT, lay_out([
        (56, [(54, "First Union Savings Bank")]),
        (176, [(54, "Beginning Balance"), (350, "$20,647.16")]),
        (191, [(54, "Deposits/Credits"), (350, "$1,575.55")]),
        (206, [(54, "Checks/Debits $1,490.86")]),
    ]))
    assert (got["total_deposits"], got["total_withdrawals"]) == ("1575.55", "1490.86")


def test_a_qualifier_ending_in_a_colon_is_not_the_value() -> None:
    """"Statement Period (DD/MM/YYYY):" with the period in the next cell: the qualifier is part of the label."""
    got = _fields(DocType.BANK_STATEMENT, lay_out([
        (50, [(60, "Prairie National Bank")]),
        (120, [(60, "Statement Period (DD/MM/YYYY):"), (261, "01/03/2026 through 31/03/2026")]),
    ]))
    assert (got["statement_period_start"], got["statement_period_end"]) == ("2026-03-01", "2026-03-31")


def test_a_day_first_hint_read_with_a_slash_as_i() -> None:
    assert day_first_hint("Pay Date (DD/MMIYYYY):") and day_first_hint("(DDIMM/YYYY)")
    assert not day_first_hint("(MM/DD/YYYY)") and not day_first_hint("Odd/Mmm")


def test_a_starred_mask_with_hyphens_read_as_underscores() -> None:
    assert normalise_last4("***_**_6036") == Parsed("6036", 1.0)
    assert normalise_last4("+4445") is None  # a mask OCR turned into other digits stays unread


def test_a_starred_mask_whose_stars_ocr_read_as_letters() -> None:
    assert normalise_last4("*AK_AF_-7Q17") == Parsed("7017", REPAIR_COST * REPAIR_COST)
    assert normalise_last4("*AK_AF_-7Q1") is None  # the last group is not four digits
    assert normalise_last4("*A_AF_-7017") is None  # no clear 3-2-4 shape
    # every star read as a letter: letters only before four true digits still shape a mask, at a cost
    assert normalise_last4("ABC_DE_7017") == Parsed("7017", REPAIR_COST)
    assert normalise_last4("ABC_DE_7Q17") is None  # ... but only before true digits
    assert normalise_last4("*AK_AF_-7QQ7") is None  # the last group does not repair to digits
