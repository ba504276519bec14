"""Traits of statements and applications from banks, credit unions and brokers: a summary printed as one sum, an
empty co-borrower column beside an amount, a list of address parts after a label, a monthly income box beside the
employer's, a quoted rate, and the purpose marked in radio circles."""

from __future__ import annotations

import numpy as np
from fixtures.words.synth import field_values, lay_out

from loan_extractor.extraction.checkboxes import purpose_options, ticked
from loan_extractor.extraction.identifiers import normalise_last4
from loan_extractor.extraction.words import build_lines
from loan_extractor.spec import DocType


def test_a_summary_printed_as_one_sum_gives_its_four_totals() -> None:
    got = field_values(DocType.BANK_STATEMENT, [
        (56, [(54, "Harbor Point Bank")]),
        (100, [(54, "Statement period: 03/01/2026 - 03/31/2026")]),
        (130, [(54, "Beginning balance $4,139.04 + Total deposits $3,199.27 - Withdrawals $1,230.22 = "
                    "Ending balance $6,108.09")]),
        (160, [(54, "Date"), (160, "Description"), (330, "Withdrawals"), (440, "Deposits")]),
        (176, [(54, "03/02/2026"), (160, "Payroll Deposit"), (440, "1,704.27")]),
    ])
    assert (got["opening_balance"], got["total_deposits"], got["total_withdrawals"], got["closing_balance"]) == (
        "4139.04", "3199.27", "1230.22", "6108.09")


def test_label_words_inside_a_sentence_are_still_no_labels() -> None:
    """Only a label right before its amount, opening its cell or after a sign, is a term of a sum."""
    got = field_values(DocType.BANK_STATEMENT, [
        (100, [(54, "We added your deposits 1,200.00 to the balance shown here and the credits were applied")]),
    ])
    assert got["total_deposits"] is None


def test_a_dash_in_an_empty_column_beside_an_amount_is_no_minus() -> None:
    got = field_values(DocType.LOAN_APPLICATION, [
        (96, [(200, "Borrower"), (400, "Co-Borrower")]),
        (112, [(54, "Full name"), (200, "Grace E Lindqvist"), (400, "-")]),
        (128, [(54, "Annual income"), (200, "$130,800.00"), (400, "-")]),
        (144, [(54, "Loan amount requested"), (200, "521,000.00 -")]),
    ])
    assert (got["annual_income"], got["loan_amount"]) == ("130800.00", "521000.00")
    assert field_values(DocType.LOAN_APPLICATION, [(128, [(54, "Annual income"), (200, "130,800.00-")])])[
        "annual_income"] == "-130800.00"  # a sign printed on the amount stays one


def test_a_list_of_address_parts_after_a_label_is_no_value() -> None:
    got = field_values(DocType.LOAN_APPLICATION, [
        (100, [(58, "Property Address Street, City, State, ZIP")]),
        (114, [(60, "5227 Orchard Place, Austin, TX 78701")]),
    ])
    assert got["property_address"] == "5227 Orchard Place, Austin, TX 78701"


def test_a_monthly_income_box_beside_the_employer_is_no_employer() -> None:
    got = field_values(DocType.LOAN_APPLICATION, [
        (100, [(58, "Employer or Business Name"), (300, "Base Income /month"), (420, "Total Annual Income")]),
        (114, [(60, "Granite State Builders"), (300, "8,558.33"), (420, "102,700.00")]),
    ])
    assert (got["employer_name"], got["annual_income"]) == ("Granite State Builders", "102700.00")


def test_a_quoted_rate_is_the_interest_rate_and_the_apr_is_not() -> None:
    got = field_values(DocType.LOAN_APPLICATION, [
        (100, [(300, "Quoted rate"), (400, "5.375%")]),
        (116, [(300, "Est. APR"), (400, "5.512%")]),
    ])
    assert got["interest_rate"] == "5.375"


SCALE = 2.0
ROW = [(62, "Purchase"), (142, "Refinance"), (222, "Cash-Out Refinance"), (342, "Construction"), (432, "Other")]


def _radio_page(chosen: set[int]) -> np.ndarray:
    """Radio circles of 9 pt 13 pt left of each option on baseline 300 pt; the chosen ones hold a dot."""
    gray = np.full((700, 1200), 255, np.uint8)
    yy, xx = np.mgrid[0:700, 0:1200]
    for n, (x, _) in enumerate(ROW):
        cx, cy, r = (x - 8.5) * SCALE, (300 - 3.5) * SCALE, 4.5 * SCALE
        distance = np.hypot(xx - cx, yy - cy)
        gray[np.abs(distance - r) < 1.0] = 0
        if n in chosen:
            gray[distance < 2.6 * SCALE] = 0
    return gray


def test_the_filled_radio_circle_gives_its_option() -> None:
    options = purpose_options(build_lines(lay_out([(300, list(ROW))])))
    found = ticked(_radio_page({1}), SCALE, options)
    assert found is not None and found[0].code == "refinance"
    assert ticked(_radio_page(set()), SCALE, options) is None
    assert ticked(_radio_page({0, 4}), SCALE, options) is None


def test_a_rate_whose_point_ocr_read_as_a_colon() -> None:
    got = field_values(DocType.LOAN_APPLICATION, [
        (100, [(58, "Interest Rate %"), (200, "Loan Term (months)")]),
        (114, [(60, "5:375"), (200, "180")]),
    ])
    assert (got["interest_rate"], got["loan_term_months"]) == ("5.375", 180)


def test_a_summary_box_with_counts_and_currency_words() -> None:
    """A count between a label's last words and its amount; terms of a sum with "USD" before each amount."""
    got = field_values(DocType.BANK_STATEMENT, [
        (100, [(300, "Total Deposits and Additions"), (470, "3"), (520, "8,184.00")]),
        (130, [(54, "Previous balance USD 17,974.64 + Credits USD 15,493.58 - Debits USD 793.18 = "
                    "New balance USD 32,675.04")]),
    ])
    assert got["total_deposits"] == "8184.00"
    assert (got["opening_balance"], got["total_withdrawals"], got["closing_balance"]) == (
        "17974.64", "793.18", "32675.04")


def test_a_number_sign_in_a_label_reads_as_number() -> None:
    got = field_values(DocType.BANK_STATEMENT, [(92, [(366, "Member #: 806326808585")])])
    assert got["account_number_last4"] == "8585"


def test_a_mark_ocr_read_as_round_glyphs_is_no_word_before_its_option() -> None:
    row = [(62, "O Purchase"), (150, "(Oj Cash-Out Refinance"), (300, "oO Other"), (380, "(DD Construction")]
    options = purpose_options(build_lines(lay_out([(300, row)])))
    assert [o.code for o in options] == ["purchase", "cash_out_refinance", "other", "construction"]
    assert options[1].left < 150 and options[2].left < 300 and options[3].left < 380  # the glyphs are its mark


def test_the_legacy_1003_employer_box_and_the_units_box_beside_the_property() -> None:
    got = field_values(DocType.LOAN_APPLICATION, [
        (100, [(58, "Subject Property Address (street, city, state & ZIP)"), (470, "No. of Units")]),
        (114, [(60, "5859 Birch Way, Tacoma, WA 98402"), (470, "1")]),
        (140, [(58, "Name & Address of Employer"), (310, "Yrs. on this job")]),
        (154, [(60, "Pioneer Freight Systems")]),
        (166, [(60, "5193 Ridge Road"), (310, "6")]),
    ])
    assert (got["property_address"], got["employer_name"]) == ("5859 Birch Way, Tacoma, WA 98402",
                                                               "Pioneer Freight Systems")


def test_a_mark_ocr_glued_to_its_option_word() -> None:
    """A filled circle read as "@" joined to "Refinance": the option is still offered and its mark measured."""
    row = [(62, "O Purchase"), (135, "@Refinance"), (222, "O Cash-Out Refinance"), (342, "O Construction"),
           (432, "O Other")]
    options = purpose_options(build_lines(lay_out([(300, row)])))
    assert [o.code for o in options] == ["purchase", "refinance", "cash_out_refinance", "construction", "other"]
    refinance = options[1].word
    assert refinance.text == "Refinance" and refinance.x0 > 135  # the box starts after the glued mark


def test_a_mask_group_ocr_read_a_character_longer() -> None:
    assert normalise_last4("XXX-XXK-2374") is not None and normalise_last4("XXX-XXK-2374").value == "2374"
    assert normalise_last4("ABCD-EF-1234") is None  # no mask character left: not a mask


def test_a_radio_row_on_a_box_rule_with_one_word_boxed_too_tall() -> None:
    """The purpose box's bottom rule runs just under the row, and OCR boxed one option with the mark glued above it."""
    gray = _radio_page({2})
    gray[int(303 * SCALE), :] = 0  # the box's rule
    words = lay_out([(300, list(ROW))])
    tall = next(i for i, w in enumerate(words) if w.text == "Refinance")
    w = words[tall]
    words[tall] = type(w)(w.page, w.text, w.conf, w.x0, w.y0 - 6, w.x1, w.y1)
    found = ticked(gray, SCALE, purpose_options(build_lines(words)))
    assert found is not None and found[0].code == "cash_out_refinance"


def test_the_first_of_the_month_read_with_a_stroke_for_its_one() -> None:
    got = field_values(DocType.BANK_STATEMENT, [(56, [(54, "Harbor Point Bank"), (330, "January |, 2026 through January 31, 2026")])])
    assert (got["statement_period_start"], got["statement_period_end"]) == ("2026-01-01", "2026-01-31")


def test_a_mailing_block_whose_street_line_ocr_split_after_the_house_number() -> None:
    got = field_values(DocType.BANK_STATEMENT, [
        (56, [(54, "Harbor Point Bank"), (330, "2026-01-01 through 2026-01-31")]),
        (120, [(64, "LAURA T DELGADO")]),
        (133, [(64, "479"), (120, "way")]),
        (146, [(64, "Madison, WI 53703")]),
    ])
    assert got["account_holder"] == "LAURA T DELGADO"


def test_a_starred_mask_read_as_letters_with_a_4_read_as_an_a() -> None:
    parsed = normalise_last4("*AK KK _ A572")  # "***-**-4572" in a monospaced face at 300 DPI
    assert parsed is not None and parsed.value == "4572" and parsed.conf < 1.0
    for text in ("*AKKK_AS72", "*AKKK_A5A2", "KK_ASTI", "A572"):  # two letters, or no mask: no value
        assert normalise_last4(text) is None, text
