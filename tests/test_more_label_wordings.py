"""Label wordings of statements, W-2s, applications and pay stubs that the first layouts did not print: data in
data/labels.yaml, read by the generic rules."""

from __future__ import annotations

from fixtures.words.synth import field_values

from loan_extractor.spec import DocType


def test_label_wordings_of_savings_statements() -> None:
    got = field_values(DocType.BANK_STATEMENT, [
        (50, [(54, "Coastal Federal Savings")]),
        (80, [(54, "Jane Q Doe"), (330, "Savings Account")]),
        (94, [(330, "****1816")]),
        (130, [(54, "Balance Last Statement"), (300, "12,162.37")]),
        (145, [(54, "Deposits"), (300, "1,287.07")]),
        (160, [(54, "Withdrawals"), (300, "819.47")]),
        (175, [(54, "Balance This Statement"), (300, "12,629.97")]),
    ])
    assert (got["account_number_last4"], got["opening_balance"], got["closing_balance"]) == (
        "1816", "12162.37", "12629.97")


def test_split_name_boxes_with_other_captions_and_abbreviated_medicare_wages() -> None:
    got = field_values(DocType.W2, [
        (50, [(54, "2025 Form W-2 Wage and Tax Statement")]),
        (180, [(54, "Employee first name & MI"), (254, "Employee last name"), (454, "Suffix")]),
        (195, [(54, "Nora S"), (254, "Castillo")]),
        (230, [(54, "5 Med. wages & tips"), (300, "72,114.69")]),
    ])
    assert (got["employee_name"], got["medicare_wages"]) == ("Nora S Castillo", "72114.69")


def test_a_section_heading_is_not_the_applicant_and_amortization_months_is_the_term() -> None:
    got = field_values(DocType.LOAN_APPLICATION, [
        (84, [(54, "Applicant Information")]),
        (102, [(54, "Applicant: Olivia Abernathy"), (354, "SSN: XXX-XX-5721")]),
        (198, [(54, "Loan Type"), (200, "Purpose"), (330, "Amortization (months)"), (460, "Rate")]),
        (214, [(54, "Conventional"), (200, "Purchase"), (330, "240"), (460, "7.625%")]),
    ])
    assert (got["applicant_name"], got["loan_term_months"]) == ("Olivia Abernathy", 240)


def test_period_starting_and_from_to_label_a_pay_period() -> None:
    got = field_values(DocType.PAY_STUB, [
        (50, [(54, "Acme Widgets Inc")]),
        (80, [(54, "Period Starting:"), (200, "03/01/2026")]),
        (95, [(54, "Period Ending:"), (200, "03/15/2026")]),
    ])
    assert (got["pay_period_start"], got["pay_period_end"]) == ("2026-03-01", "2026-03-15")
    got = field_values(DocType.PAY_STUB, [
        (50, [(54, "Acme Widgets Inc")]),
        (80, [(54, "Check Date"), (150, "From"), (250, "To")]),
        (95, [(54, "03/20/2026"), (150, "03/01/2026"), (250, "03/15/2026")]),
    ])
    assert (got["pay_period_start"], got["pay_period_end"]) == ("2026-03-01", "2026-03-15")


def test_year_end_summaries_name_the_wage_bases_by_their_tax() -> None:
    for social, medicare in [("Social Security Taxable Wages", "Medicare Taxable Wages"), ("OASDI Wages", "HI Wages"),
                             ("Soc. Sec. Wages", "Medicare/HI Wages"),
                             ("FICA - Social Security Wages", "FICA - Medicare Wages"),
                             ("Wages subject to social security", "Wages subject to Medicare")]:
        got = field_values(DocType.W2, [
            (50, [(54, "2025 Form W-2 Wage and Tax Statement")]),
            (100, [(54, "Federal Taxable Wages"), (300, "61,000.00")]),
            (130, [(54, social), (300, "64,500.00")]),
            (160, [(54, medicare), (300, "64,500.50")]),
        ])
        assert (got["wages"], got["social_security_wages"], got["medicare_wages"]) == (
            "61000.00", "64500.00", "64500.50"), (social, medicare)


def test_the_word_box_before_a_box_number_and_its_caption_is_one_label() -> None:
    got = field_values(DocType.W2, [
        (50, [(54, "2025 Form W-2 Wage and Tax Statement")]),
        (100, [(54, "Box 1 Wages, tips, other compensation"), (300, "61,000.00")]),
        (130, [(54, "Box 3 Social Security Wages"), (300, "64,500.00")]),
        (160, [(54, "Box 5 Medicare Wages"), (300, "64,500.50")]),
    ])
    assert (got["wages"], got["social_security_wages"], got["medicare_wages"]) == ("61000.00", "64500.00", "64500.50")


def test_a_label_going_on_past_its_known_words_lends_them_no_value() -> None:
    # "Employer" is known, "Legal Name:" is not: the value is after the colon, never "Legal"; an unknown label
    # ending in a colon is no heading either
    for label in ("Employer Legal Name:", "Employer Name on File:", "Issued By:"):
        got = field_values(DocType.PAY_STUB, [
            (40, [(54, "EARNINGS STATEMENT")]),
            (70, [(54, "Employee Name"), (150, "Jane Q Doe")]),
            (100, [(54, label), (200, "Harbor Lights Logistics")]),
        ])
        assert got["employer_name"] == "Harbor Lights Logistics", label


def test_pay_stub_names_under_other_captions() -> None:
    # "Team Member", "Worker" or "Organization" alone are not labels: deduction lines begin with them
    # ("Team Member Discount", "Workers Comp Insurance")
    for employee, employer in [("Team Member Name", "Organization Name"), ("Paid To", "Business Name"),
                               ("Worker Name", "Employing Company")]:
        got = field_values(DocType.PAY_STUB, [
            (40, [(54, "EARNINGS STATEMENT")]),
            (70, [(54, employee), (250, employer)]),
            (84, [(54, "Jane Q Doe"), (250, "Harbor Lights Logistics")]),
        ])
        assert (got["employee_name"], got["employer_name"]) == ("Jane Q Doe", "Harbor Lights Logistics"), employee


def test_deduction_lines_and_bank_footers_are_not_name_labels() -> None:
    got = field_values(DocType.PAY_STUB, [
        (40, [(54, "Harbor Lights Logistics LLC")]),
        (150, [(54, "Jane Q Doe")]), (164, [(54, "48 Elm Street")]), (178, [(54, "Springfield, IL 62704")]),
        (260, [(54, "Team Member Discount"), (250, "12.00")]), (275, [(54, "Organization Dues"), (250, "8.00")]),
    ])
    assert (got["employee_name"], got["employer_name"]) == ("Jane Q Doe", "Harbor Lights Logistics LLC")
    got = field_values(DocType.BANK_STATEMENT, [
        (40, [(54, "First Harbor Bank"), (300, "Member FDIC")]), (60, [(300, "Client Services Center")]),
        (150, [(54, "Jane Q Doe")]), (164, [(54, "48 Elm Street")]), (178, [(54, "Springfield, IL 62704")]),
        (200, [(54, "Depositor:"), (150, "Jane Q Doe")]),
    ])
    assert got["account_holder"] == "Jane Q Doe"


def test_more_wordings_of_a_pay_period_printed_as_one_range() -> None:
    for label in ("For the period", "Work Period", "Pay Cycle:", "Dates Worked:"):
        got = field_values(DocType.PAY_STUB, [
            (40, [(54, "Harbor Lights Logistics LLC")]),
            (80, [(54, f"{label} 3/1/2026 to 3/15/2026")]),
            (100, [(54, "Check Date: 03/20/2026")]),
        ])
        assert (got["pay_period_start"], got["pay_period_end"], got["pay_date"]) == (
            "2026-03-01", "2026-03-15", "2026-03-20"), label


def test_an_employer_printed_w2_headed_by_the_company_name() -> None:
    rows = [(40, [(54, "Harbor Lights Logistics LLC")]), (54, [(54, "1200 Harbor Way, Tacoma WA 98402")]),
            (80, [(54, "Form W-2 (2025) Wage and Tax Statement")]),
            (110, [(54, "Employee's name"), (200, "Jane Q Doe")]),
            (125, [(54, "Wages, tips, other compensation"), (300, "61,000.00")])]
    got = field_values(DocType.W2, rows)
    assert (got["employer_name"], got["employee_name"], got["tax_year"]) == ("Harbor Lights Logistics LLC", "Jane Q Doe",
                                                                             2025)
    # a heading naming no company is no employer: a W-2 is read for its boxes, not its first line
    got = field_values(DocType.W2, [(40, [(54, "Annual Wage Summary")]), *rows[2:]])
    assert got["employer_name"] is None


def test_a_date_of_birth_abbreviated_with_periods_or_given_as_born() -> None:
    for printed in ("D.O.B. 04/12/1985", "Born: April 12, 1985"):
        got = field_values(DocType.LOAN_APPLICATION, [
            (40, [(54, "Uniform Residential Loan Application")]),
            (60, [(54, "Applicant Name:"), (200, "Jane Q Doe")]),
            (80, [(54, printed)]),
        ])
        assert got["date_of_birth"] == "1985-04-12", printed


def test_words_that_label_a_name_only_when_a_colon_closes_them() -> None:
    for label in ("Team Member:", "Worker:", "Team Member :"):
        got = field_values(DocType.PAY_STUB, [
            (40, [(54, "EARNINGS STATEMENT")]),
            (70, [(54, label), (150, "Jane Q Doe")]),
            (85, [(54, "Client:"), (150, "Harbor Lights Logistics")]),
            (260, [(54, "Team Member Discount"), (250, "12.00")]),
        ])
        assert (got["employee_name"], got["employer_name"]) == ("Jane Q Doe", "Harbor Lights Logistics"), label
    got = field_values(DocType.BANK_STATEMENT, [
        (40, [(54, "First Harbor Bank"), (300, "Member FDIC")]),
        (70, [(54, "Member:"), (150, "Jane Q Doe")]),
    ])
    assert got["account_holder"] == "Jane Q Doe"
