"""Fields of statements and application forms printed in shapes the label rules alone miss: numbered sub-labels, a
period or an account number in a sentence, a column of several accounts, a register's footer of totals, the
customer's block at the foot of the page, a purpose marked under its option."""

from __future__ import annotations

from fixtures.words.synth import field_values, lay_out

from loan_extractor.extraction.values import dates_in
from loan_extractor.spec import DocType


def test_numbered_sub_labels_above_their_values_in_cells() -> None:
    got = field_values(DocType.LOAN_APPLICATION, [
        (71, [(54, "1. BORROWER")]),
        (91, [(58, "1a. Name of Borrower"), (310, "1b. Social Security No."), (436, "1c. Date of Birth")]),
        (105, [(60, "Jane Q Doe"), (312, "XXX-XX-2215"), (438, "07/12/1976")]),
        (189, [(58, "2a. Employer Name"), (310, "2b. Position"), (411, "2c. Annual Income")]),
        (203, [(60, "Bluebird Dental Group"), (312, "Analyst"), (412, "$"), (507, "136,600.00")]),
    ])
    assert got["applicant_name"] == "Jane Q Doe"
    assert got["applicant_ssn_last4"] == "2215"
    assert got["date_of_birth"] == "1976-07-12"
    assert got["employer_name"] == "Bluebird Dental Group"
    assert got["annual_income"] == "136600.00"


def test_a_dash_between_two_dates_belongs_to_neither() -> None:
    words = lay_out([(60, [(54, "01 Mar 2026 - 31 Mar 2026")])])
    assert [d.value for d in dates_in(words)] == ["2026-03-01", "2026-03-31"]
    got = field_values(DocType.BANK_STATEMENT, [(60, [(54, "Wealth Management"), (431, "01 Mar 2026 - 31 Mar 2026")])])
    assert (got["statement_period_start"], got["statement_period_end"]) == ("2026-03-01", "2026-03-31")


def test_a_period_in_a_sentence_naming_its_year_once() -> None:
    got = field_values(DocType.BANK_STATEMENT, [(124, [(54, "This statement covers January 1 - January 31, 2026")])])
    assert (got["statement_period_start"], got["statement_period_end"]) == ("2026-01-01", "2026-01-31")


def test_an_account_number_in_a_sentence_or_a_heading() -> None:
    got = field_values(DocType.BANK_STATEMENT, [(108, [(54, "Your Everyday Checking account ending in 8693")])])
    assert got["account_number_last4"] == "8693"
    got = field_values(DocType.BANK_STATEMENT, [(108, [(54, "Premier Checking | Account no. ending 8693")])])
    assert got["account_number_last4"] == "8693"


def test_two_account_numbers_in_sentences_give_none() -> None:
    got = field_values(DocType.BANK_STATEMENT, [(108, [(54, "Your Everyday Checking account ending in 8693")]),
                                           (130, [(54, "Transfer to account ending in 1234")])])
    assert got["account_number_last4"] is None


def test_a_column_of_several_accounts_does_not_name_the_statements_own() -> None:
    rows = [(188, [(54, "Account"), (224, "Number"), (345, "Beginning value"), (481, "Ending value")]),
            (204, [(54, "Individual Brokerage"), (224, "xxxx-6266"), (374, "$184,250.37"), (491, "$188,112.90")]),
            (220, [(54, "Cash Management Account"), (224, "xxxx-2165"), (381, "$11,031.96"), (498, "$13,399.55")]),
            (236, [(54, "Traditional IRA"), (224, "xxxx-8717"), (381, "$62,301.55"), (498, "$61,884.02")])]
    assert field_values(DocType.BANK_STATEMENT, rows)["account_number_last4"] is None
    heading = [(276, [(54, "Cash Management Account xxxx-2165")])]
    assert field_values(DocType.BANK_STATEMENT, rows + heading)["account_number_last4"] == "2165"


REGISTER = [(96, [(54, "Date"), (162, "Description"), (363, "Debits"), (439, "Credits"), (522, "Balance")]),
            (111, [(54, "02/01/2026"), (162, "Opening balance"), (511, "$21,137.79")]),
            (126, [(54, "02/01/2026"), (162, "Payroll Deposit"), (430, "$1,634.51"), (511, "$22,772.30")]),
            (141, [(54, "02/02/2026"), (162, "Pharmacy Plus"), (363, "$73.59"), (511, "$22,698.71")]),
            (156, [(54, "02/15/2026"), (162, "Payroll Deposit"), (430, "$1,634.51"), (511, "$24,333.22")]),
            (171, [(54, "02/28/2026"), (162, "Closing balance"), (511, "$24,333.22")]),
            (188, [(234, "Period totals"), (354, "$73.59"), (434, "$3,269.02")])]


def test_a_registers_footer_of_totals_under_its_debit_and_credit_columns() -> None:
    got = field_values(DocType.BANK_STATEMENT, REGISTER)
    assert (got["total_deposits"], got["total_withdrawals"]) == ("3269.02", "73.59")
    assert (got["opening_balance"], got["closing_balance"]) == ("21137.79", "24333.22")


def test_the_customers_block_at_the_foot_of_the_page() -> None:
    foot = [(612, [(54, "Please detach and keep this portion for your records.")]),
            (653, [(70, "Daniel T Okafor")]), (666, [(70, "849 Birch Way")]), (679, [(70, "Boulder, CO 80302")])]
    top = [(44, [(54, "First Union Savings Bank")])]
    padding = [(300 + 15 * i, [(54, f"Note {i}: fees may apply")]) for i in range(16)]
    assert field_values(DocType.BANK_STATEMENT, top + REGISTER + padding + foot)["account_holder"] == "Daniel T Okafor"
    assert field_values(DocType.BANK_STATEMENT, top + REGISTER + padding)["account_holder"] is None


PURPOSES = (254, [(54, "Purchase"), (155, "Refinance"), (256, "Cash-Out Refinance"), (356, "Construction"),
                  (457, "Other")])


def test_a_purpose_marked_by_an_x_under_its_option() -> None:
    got = field_values(DocType.LOAN_APPLICATION, [(240, [(54, "Purpose (mark one)")]), PURPOSES, (272, [(360, "X")])])
    assert got["loan_purpose"] == "construction"


def test_no_mark_or_two_marks_under_the_options_give_no_purpose() -> None:
    assert field_values(DocType.LOAN_APPLICATION, [PURPOSES, (272, [(60, "X"), (360, "X")])])["loan_purpose"] is None
    assert field_values(DocType.LOAN_APPLICATION, [PURPOSES, (272, [(60, "Jane Doe")])])["loan_purpose"] is None


def test_a_sub_labels_number_misread_as_letters_still_numbers_it() -> None:
    got = field_values(DocType.LOAN_APPLICATION, [
        (71, [(54, "1. BORROWER")]),
        (91, [(58, "la. Name of Borrower"), (310, "lb. Social Security No.")]),
        (105, [(60, "Jane Q Doe"), (312, "XXX-XX-2215")]),
    ])
    assert (got["applicant_name"], got["applicant_ssn_last4"]) == ("Jane Q Doe", "2215")


def test_a_name_label_running_on_in_a_sentence_takes_no_value_from_below() -> None:
    got = field_values(DocType.BANK_STATEMENT, [
        (108, [(54, "Statement for account xxxx-xxxx-9744")]),
        (124, [(54, "This statement covers January 1 - January 31, 2026")]),
    ])
    assert got["account_holder"] is None and got["account_number_last4"] == "9744"



def test_a_mark_read_twice_over_under_its_option() -> None:
    got = field_values(DocType.LOAN_APPLICATION, [PURPOSES, (272, [(360, "xX")])])
    assert got["loan_purpose"] == "construction"


def test_a_balance_carried_forward_closes_the_register() -> None:
    rows = [(96, [(54, "Date"), (162, "Description"), (522, "Balance")]),
            (111, [(54, "01/31/2026"), (162, "Balance carried forward"), (511, "$25,139.96")])]
    assert field_values(DocType.BANK_STATEMENT, rows)["closing_balance"] == "25139.96"


def test_balances_labelled_by_the_periods_first_and_last_days() -> None:
    got = field_values(DocType.BANK_STATEMENT, [
        (124, [(54, "For the period January 1 through January 31, 2026")]),
        (205, [(59, "Balance on January 1"), (185, "Money in"), (311, "Money out"), (437, "Balance on January 31")]),
        (227, [(90, "USD 7,961.28"), (216, "USD 4,305.22"), (353, "USD 812.68"), (460, "USD 11,453.82")]),
    ])
    assert (got["opening_balance"], got["closing_balance"]) == ("7961.28", "11453.82")
    got = field_values(DocType.BANK_STATEMENT, [
        (100, [(54, "Statement Period: 03/01/2026 - 03/31/2026")]),
        (120, [(54, "Balance as of 02/28/2026"), (300, "$1,200.00")]),
        (140, [(54, "Balance as of 03/15/2026"), (300, "$1,500.00")]),
    ])
    assert (got["opening_balance"], got["closing_balance"]) == ("1200.00", None)


def test_a_day_read_as_look_alike_letters_and_a_first_day_read_as_a_stroke() -> None:
    got = field_values(DocType.BANK_STATEMENT, [(60, [(54, "Wealth Management"), (431, "Ol Mar 2026 - 31 Mar 2026")])])
    assert (got["statement_period_start"], got["statement_period_end"]) == ("2026-03-01", "2026-03-31")
    got = field_values(DocType.BANK_STATEMENT, [(124, [(54, "This statement covers January | - January 31, 2026")])])
    assert (got["statement_period_start"], got["statement_period_end"]) == ("2026-01-01", "2026-01-31")


def test_a_cash_accounts_opening_and_closing_balances() -> None:
    got = field_values(DocType.BANK_STATEMENT, [(315, [(68, "Opening cash balance"), (323, "20667.75")]),
                                           (360, [(68, "Closing cash balance"), (323, "23384.67")])])
    assert (got["opening_balance"], got["closing_balance"]) == ("20667.75", "23384.67")


def test_a_sub_labels_period_read_as_a_comma() -> None:
    got = field_values(DocType.LOAN_APPLICATION, [
        (196, [(69, "2a, Current Employer"), (321, "2b. Years Employed")]),
        (210, [(71, "Riverbend Medical Center"), (323, "4")]),
        (330, [(69, "3f, Address of Property to be Mortgaged")]),
        (344, [(71, "6392 Lakeview Drive, Columbus, OH 43215")]),
    ])
    assert got["employer_name"] == "Riverbend Medical Center"
    assert got["property_address"] == "6392 Lakeview Drive, Columbus, OH 43215"


def test_bare_beginning_and_ending_headings_over_a_row_of_amounts() -> None:
    got = field_values(DocType.BANK_STATEMENT, [
        (186, [(54, "Account Summary")]),
        (206, [(126, "Beginning"), (256, "Deposits"), (352, "Withdrawals"), (484, "Ending")]),
        (222, [(120, "22,440.19"), (246, "4,670.00"), (362, "1,142.22"), (470, "25,967.97")]),
    ])
    assert (got["opening_balance"], got["total_deposits"]) == ("22440.19", "4670.00")
    assert (got["total_withdrawals"], got["closing_balance"]) == ("1142.22", "25967.97")


def test_bare_beginning_or_ending_outside_a_row_of_headings_is_no_balance_label() -> None:
    got = field_values(DocType.BANK_STATEMENT, [
        (120, [(54, "Ending"), (160, "4,210.55")]),
        (140, [(54, "Beginning"), (160, "3,100.00"), (300, "Deposits"), (420, "1,110.55")]),
    ])
    assert got["opening_balance"] is None and got["closing_balance"] is None


def test_a_balance_label_ocr_split_at_a_stray_mark_stays_one_label() -> None:
    got = field_values(DocType.BANK_STATEMENT, [
        (232, [(54, "Beginning Balance"), (218, "USD 14,673.05")]),
        (247, [(54, "Ending"), (69, ";"), (83, "Balance"), (218, "USD 19,081.36")]),
    ])
    assert (got["opening_balance"], got["closing_balance"]) == ("14673.05", "19081.36")
