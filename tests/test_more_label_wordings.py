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
