"""Label association rules met on unseen forms: clipped labels, side-by-side boxes, qualifiers, day-first hints."""

from __future__ import annotations

import unicodedata

from fixtures.words.synth import field_values, lay_out

from loan_extractor.extraction.dates import day_first_hint, normalise_date
from loan_extractor.extraction.fields import FieldValue, extract_fields
from loan_extractor.extraction.labels import find_hits
from loan_extractor.extraction.normalise import normalise_text
from loan_extractor.extraction.reread import _choose
from loan_extractor.extraction.words import Word, build_lines, split_glued
from loan_extractor.spec import DocType


def test_a_label_cut_at_its_box_edge_still_matches() -> None:
    hits = find_hits(build_lines(lay_out([(100, [(300, "1 Wages, tips, other compe"), (436, "2 Federal")])])),
                     {"Wages, tips, other compensation": ["field:wages"]}, box_ids=True)
    assert [h.targets for h in hits] == [("field:wages",)] and hits[0].score < 1.0


def test_a_short_or_two_word_label_is_never_completed_from_a_prefix() -> None:
    lines = build_lines(lay_out([(100, [(54, "Net P"), (200, "Soc sec w")])]))
    assert find_hits(lines, {"Net Pay": ["a"], "Soc sec wages": ["b"], "Social security wages": ["c"]}) == []


def test_w2_boxes_side_by_side_and_a_whole_name_under_first_name() -> None:
    got = field_values(DocType.W2, [
        (100, [(58, "b Employer identification number (EIN)"), (310, "1 Wages, tips, other compe"),
               (436, "2 Federal income tax withh")]),
        (113, [(60, "51-3308481")]),
        (120, [(310, "USD 109,554.84"), (436, "USD 16,452.99")]),
        (134, [(58, "c Employer's name, address, and ZIP code")]),
        (140, [(310, "3 Social security wages"), (436, "4 Social security tax with")]),
        (150, [(60, "Granite State Builders")]),
        (160, [(310, "USD 113,937.03"), (436, "USD 7,064.10")]),
        (244, [(58, "e Employee's first name and initial"), (257, "Last name")]),
        (267, [(60, "Thomas H Sullivan")]),
    ])
    assert got["wages"] == "109554.84" and got["federal_income_tax_withheld"] == "16452.99"
    assert got["social_security_wages"] == "113937.03"  # not the "4" of the next box
    assert got["employer_name"] == "Granite State Builders"
    assert got["employee_name"] == "Thomas H Sullivan"


def test_a_label_beside_a_label_is_not_a_value() -> None:
    got = field_values(DocType.W2, [(244, [(58, "e Employee's first name and initial Last name")]),
                               (267, [(60, "Thomas S Prescott")])])
    assert got["employee_name"] == "Thomas S Prescott"


def test_one_name_part_alone_is_not_a_name() -> None:
    got = field_values(DocType.W2, [(244, [(58, "e Employee's first name and initial"), (257, "Last name")]),
                               (267, [(60, "Thomas")])])
    assert got["employee_name"] is None


def test_a_parenthesised_qualifier_is_part_of_the_label() -> None:
    got = field_values(DocType.LOAN_APPLICATION, [
        (50, [(54, "Residential Loan Application")]),
        (82, [(54, "Name (First, Middle, Last)")]),
        (99, [(54, "Markéta R Procházka")]),
        (120, [(54, "Loan Term (months):"), (200, "360")]),
    ])
    assert got["applicant_name"] == "Markéta R Procházka" and got["loan_term_months"] == 360


def test_a_negative_amount_in_parentheses_stays_a_value() -> None:
    got = field_values(DocType.BANK_STATEMENT, [(60, [(54, "Bank Statement")]),
                                           (100, [(54, "Total Withdrawals:"), (200, "(1,016.40)")])])
    assert got["total_withdrawals"] is not None


def test_day_first_dates_only_under_a_label_that_says_so() -> None:
    got = field_values(DocType.PAY_STUB, [
        (60, [(54, "Earnings Statement")]),
        (101, [(54, "Employee"), (300, "Payment Date (DD/MM/YYYY)")]),
        (118, [(54, "Jane Doe"), (300, "04/03/2026")]),
        (139, [(54, "Period Start"), (300, "Period End (DD/MM/YYYY)")]),
        (156, [(54, "04/03/2026"), (300, "28/02/2026")]),
    ])
    assert got["pay_date"] == "2026-03-04" and got["pay_period_end"] == "2026-02-28"
    assert got["pay_period_start"] == "2026-04-03"  # its own label gives no hint: US order


def test_a_day_first_range() -> None:
    got = field_values(DocType.PAY_STUB, [(60, [(54, "Earnings Statement")]),
                                     (100, [(54, "Pay period (DD/MM/YYYY)"), (200, "01/02/2026 - 28/02/2026")])])
    assert (got["pay_period_start"], got["pay_period_end"]) == ("2026-02-01", "2026-02-28")


def test_day_first_hint_and_parse() -> None:
    assert day_first_hint("Date (DD/MM/YYYY)") and day_first_hint("dd.mm.yy") and day_first_hint("DD-MM-YYYY")
    assert not day_first_hint("(MM/DD/YYYY)") and not day_first_hint("ADDRESS MMA")
    assert normalise_date("04/03/2026", day_first=True).value == "2026-03-04"  # type: ignore[union-attr]
    assert normalise_date("28/02/2026", day_first=True).value == "2026-02-28"  # type: ignore[union-attr]
    assert normalise_date("02/28/2026", day_first=True) is None  # contradicts its label: not guessed
    assert normalise_date("2026-02-01", day_first=True).value == "2026-02-01"  # type: ignore[union-attr]


def test_summary_boxes_with_plain_words_for_money_in_and_out() -> None:
    got = field_values(DocType.BANK_STATEMENT, [
        (53, [(54, "First Union Savings Bank")]),
        (186, [(54, "Starting Balance"), (180, "Money In"), (300, "Money Out"), (420, "Balance at End")]),
        (204, [(54, "24022.51"), (180, "2702.32"), (300, "996.57"), (420, "25728.26")]),
    ])
    assert (got["opening_balance"], got["total_deposits"]) == ("24022.51", "2702.32")
    assert (got["total_withdrawals"], got["closing_balance"]) == ("996.57", "25728.26")


def test_a_year_glued_to_the_word_before_it_is_split() -> None:
    words = split_glued(Word(1, "Statement2025", 0.9, 100.0, 0.0, 230.0, 10.0))
    assert [w.text for w in words] == ["Statement", "2025"] and words[1].x1 == 230.0
    assert [w.text for w in split_glued(Word(1, "W2", 0.9, 0.0, 0.0, 20.0, 10.0))] == ["W2"]
    got = field_values(DocType.W2, [(300, [(54, "Form W-2 Wage and Tax Statement2025")])])
    assert got["tax_year"] == 2025


def test_text_values_are_in_composed_form() -> None:
    parsed = normalise_text(unicodedata.normalize("NFD", "Zoé Côté"))
    assert parsed is not None and parsed.value == "Zoé Côté" and len(str(parsed.value)) == 8


def test_the_script_model_replaces_a_name_only_to_add_marks() -> None:
    english = FieldValue("Irene Thornton", 0.9,
                         (Word(1, "Irene", 0.9, 10, 10, 40, 20), Word(1, "Thornton", 0.9, 45, 10, 90, 20)))
    plain = [Word(1, "Irene", 0.95, 10, 10, 40, 20), Word(1, "Thomton", 0.95, 45, 10, 90, 20)]
    assert _choose(english, plain) is None
    polish = FieldValue("Pawet Zak", 0.9, (Word(1, "Pawet", 0.9, 10, 10, 40, 20), Word(1, "Zak", 0.9, 45, 10, 60, 20)))
    chosen = _choose(polish, [Word(1, "Paweł", 0.9, 10, 10, 40, 20), Word(1, "Żak", 0.9, 45, 10, 60, 20)])
    assert chosen is not None and chosen.value == "Paweł Żak"


def test_a_misread_box_id_still_opens_the_box() -> None:
    got = field_values(DocType.W2, [(175, [(69, "¢ Employer's name, address, and ZIP code")]),
                               (190, [(66, "Maple Grove School District")])])
    assert got["employer_name"] == "Maple Grove School District"


def test_a_caption_printed_under_its_value_reads_the_value_under_the_box_id() -> None:
    got = field_values(DocType.W2, [
        (60, [(60, "EMPLOYEE COPY"), (480, "YEAR 2025")]),
        (87, [(57, "a"), (309, "b")]),
        (97, [(70, "XXX-XX-5041"), (322, "28-9856000")]),
        (111, [(57, "Employee's social security number"), (309, "Employer identification number")]),
        (121, [(57, "1"), (183, "2")]),
        (131, [(129, "120,931.53"), (260, "18,449.11")]),
        (145, [(57, "Wages, tips, other comp."), (183, "Fed. income tax withheld")]),
        (155, [(57, "3"), (183, "4")]),
        (165, [(129, "125,768.79"), (265, "7,797.66")]),
        (179, [(57, "Soc. sec. wages"), (183, "Soc. sec. tax withheld")]),
        (233, [(57, "c"), (309, "e/f")]),
        (247, [(74, "Summit Analytics Corp"), (326, "Jane Okafor")]),
        (259, [(74, "7678 Maple Avenue"), (326, "8498 Hillcrest Road")]),
        (285, [(57, "Employer's name, address, and ZIP code"), (309, "Employee's name, address, and ZIP code")]),
    ])
    assert got["wages"] == "120931.53" and got["federal_income_tax_withheld"] == "18449.11"
    assert got["social_security_wages"] == "125768.79"  # not the "5" of the box ids under its caption
    assert got["employee_ssn_last4"] == "5041"
    assert got["employer_name"] == "Summit Analytics Corp" and got["employee_name"] == "Jane Okafor"


def test_a_label_heading_its_box_never_reads_the_value_above_it() -> None:
    got = field_values(DocType.W2, [
        (100, [(58, "1 Wages, tips, other compensation")]),
        (113, [(200, "52,000.00")]),
        (126, [(58, "3 Social security wages")]),
    ])
    assert got["wages"] == "52000.00" and got["social_security_wages"] is None


def test_a_start_label_followed_by_the_whole_period_gives_its_end() -> None:
    got = field_values(DocType.PAY_STUB, [
        (60, [(54, "Pioneer Freight Systems")]),
        (100, [(54, "PERIOD FROM: .................... 25 Mar 2026 TO 31 Mar 2026")]),
        (120, [(54, "PAY DATE: .............................. 01 Apr 2026")]),
    ])
    assert (got["pay_period_start"], got["pay_period_end"]) == ("2026-03-25", "2026-03-31")
    assert got["pay_date"] == "2026-04-01"


def test_a_copy_title_beginning_with_employee_is_no_employee_label() -> None:
    got = field_values(DocType.W2, [(60, [(60, "EMPLOYEE REFERENCE COPY"), (480, "2025")]),
                               (96, [(54, "Employee Wage Statement")])])
    assert got["employee_name"] is None


def test_a_label_word_ending_a_name_under_its_label_is_part_of_the_name() -> None:
    """ "Company" is a label of the employer; closing "3M Company" under "Employer" it is the name's last word, while
    a label further along in a cell of its own still ends the value."""
    for doc_type in (DocType.PAY_STUB, DocType.W2):
        assert field_values(doc_type, [(100, [(60, "Employer")]), (115, [(60, "3M Company")])])["employer_name"] == "3M Company"
        got = field_values(doc_type, [(100, [(60, "Employer")]), (115, [(60, "Jane Roe"), (300, "Company"), (380, "Acme")])])
        assert got["employer_name"] == "Jane Roe"


def _caption_below_rows(employer_id: str, employee_id: str, wages_id: str, state_ids: str) -> list:
    """A laser W-2 whose values are printed at 10 pt, its box ids at 7.5 pt and its captions at 5 pt under them."""
    values = lay_out([
        (97, [(70, "XXX-XX-5041"), (322, "28-9856000")]),
        (131, [(129, "120,931.53"), (260, "18,449.11")]),
        (165, [(129, "125,768.79"), (265, "7,797.66")]),
        (199, [(325, "SDI 322.89")]),
        (247, [(74, "Summit Analytics Corp"), (326, "Jane Okafor")]),
        (259, [(74, "7678 Maple Avenue"), (326, "8498 Hillcrest Road")]),
    ])
    ids = lay_out([(87, [(57, "a"), (309, "b")]), (121, [(57, wages_id), (183, "2")]), (155, [(57, "3"), (183, "4")]),
                   (189, [(309, "14")]), (237, [(57, employer_id), (309, employee_id)]), (302, [(57, state_ids)])],
                  size=7.5)
    captions = lay_out([
        (111, [(57, "Employee's social security number"), (309, "Employer identification number")]),
        (145, [(57, "Wages, tips, other comp."), (183, "Fed. income tax withheld")]),
        (179, [(57, "Soc. sec. wages"), (183, "Soc. sec. tax withheld")]),
        (213, [(309, "Other")]),
        (285, [(57, "Employer's name, address, and ZIP code"), (309, "Employee's name, address, and ZIP code")]),
    ], size=5)
    return values + [w for w in ids if w.text] + captions


def test_a_caption_under_its_value_whose_box_id_ocr_misread_or_dropped_still_reads_the_value() -> None:
    # "L" for the "1" of wages, "elf" for "e/f", the employer's "c" dropped, "1s" for 15 in the row under a caption
    found = extract_fields(DocType.W2, build_lines(_caption_below_rows("", "elf", "L", "1s  16  17")))
    got = {name: v.value if v else None for name, v in found.items()}
    assert got["wages"] == "120931.53" and got["federal_income_tax_withheld"] == "18449.11"
    assert got["employer_name"] == "Summit Analytics Corp" and got["employee_name"] == "Jane Okafor"
    # the misread id read on one line with the value beside it
    words = [w for w in _caption_below_rows("", "", "1", "15  16  17") if w.text not in ("Jane", "Okafor")]
    words += lay_out([(247, [(309, "ef"), (326, "Jane Okafor")])])
    assert extract_fields(DocType.W2, build_lines(words))["employee_name"].value == "Jane Okafor"


def test_a_caption_the_same_size_as_the_line_above_it_heads_its_box() -> None:
    # labels above their values, the employee's box empty: never the employer's name above the employee's label
    got = field_values(DocType.W2, [
        (60, [(60, "EMPLOYEE COPY"), (480, "2025")]),
        (87, [(57, "a Employee's social security number")]), (97, [(70, "XXX-XX-5041")]),
        (111, [(57, "1 Wages, tips, other comp.")]), (121, [(129, "120,931.53")]),
        (233, [(57, "Employer's name, address, and ZIP code")]),
        (247, [(74, "Summit Analytics Corp")]),
        (259, [(57, "Employee's name, address, and ZIP code")]),
    ])
    assert got["employer_name"] == "Summit Analytics Corp" and got["employee_name"] is None


def test_a_document_title_is_never_a_persons_name() -> None:
    # "Employee" is a label of the employee's name; the words after it in a title are label words, not a name
    got = field_values(DocType.W2, [
        (56, [(54, "Employee Annual Wage Summary")]), (96, [(54, "Tax Year: 2025")]),
        (122, [(54, "Company:"), (184, "Pioneer Freight Systems")]),
        (137, [(54, "Worker:"), (184, "Irene Thornton")]),
        (230, [(54, "Wages, tips, other comp. (Box 1)"), (400, "87,671.29")])])
    assert got["employee_name"] is None and got["employer_name"] == "Pioneer Freight Systems"
    stub = field_values(DocType.PAY_STUB, [
        (50, [(200, "RIVERBEND MEDICAL CENTER")]), (80, [(54, "EMPLOYEE PAY STATEMENT")]), (96, [(54, "EMPLOYEES")]),
        (130, [(54, "GROSS PAY:"), (330, "1,236.54")])])
    assert stub["employee_name"] is None


def test_a_substitute_statement_names_its_employee_the_recipient() -> None:
    got = field_values(DocType.W2, [
        (56, [(54, "Employee Wage Statement")]), (96, [(54, "Tax Year: 2025")]),
        (122, [(54, "Company:"), (184, "Pioneer Freight Systems")]),
        (137, [(54, "Recipient:"), (184, "Irene Thornton")]),
        (230, [(54, "Wages, tips, other comp. (Box 1)"), (400, "87,671.29")])])
    assert got["employee_name"] == "Irene Thornton"
