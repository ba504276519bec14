"""W-2 data as statements other than the form print it: an IRS wage and income transcript (a heading label over
labelled identification lines, then the name), a payroll portal's wordings ("Taxable wages") beside a state's
wages, a tax program's worksheet with dotted leaders OCR read as junk letters before a name."""

from __future__ import annotations

from fixtures.words.synth import field_values

from loan_extractor.spec import DocType

TRANSCRIPT = [
    (100, [(54, "Tax Period Requested:"), (194, "December, 2025")]),
    (130, [(54, "Form W-2 Wage and Tax Statement")]),
    (150, [(54, "Employer:")]),
    (162, [(54, "Employer Identification Number (EIN):XXXXX5361")]),
    (174, [(54, "CEDAR RIDGE MANUFACTURING INC")]),
    (186, [(54, "1667 RIDGE ROAD")]),
    (198, [(54, "BOULDER, CO 80302")]),
    (222, [(54, "Employee:")]),
    (234, [(54, "Employee's Social Security Number: XXX-XX-0470")]),
    (246, [(54, "ALICE WHITFIELD")]),
    (258, [(54, "4216 ORCHARD PLACE")]),
    (290, [(54, "Wages, Tips and Other Compensation:"), (374, "$103,205.38")]),
]


def test_a_transcript_names_the_employer_and_employee_past_their_identification_lines() -> None:
    got = field_values(DocType.W2, TRANSCRIPT)
    assert (got["employer_name"], got["employee_name"]) == ("CEDAR RIDGE MANUFACTURING INC", "ALICE WHITFIELD")
    assert got["employer_ein"] is None  # masked: never completed from anything else
    assert (got["employee_ssn_last4"], got["wages"]) == ("0470", "103205.38")


def test_a_heading_over_another_heading_takes_no_name_from_the_second_block() -> None:
    """"Employer:" with no block of its own, "Employee:" under it: the employee's lines are not the employer's."""
    got = field_values(DocType.W2, [
        (150, [(54, "Employer:")]),
        (162, [(54, "Employee:")]),
        (174, [(54, "Employee's Social Security Number: XXX-XX-0470")]),
        (186, [(54, "ALICE WHITFIELD")]),
    ])
    assert got["employer_name"] is None


def test_a_portals_taxable_wages_is_box_1_and_a_states_wages_never_are() -> None:
    got = field_values(DocType.W2, [
        (100, [(54, "Description"), (330, "Amount"), (520, "Box")]),
        (120, [(54, "State wages (PA)"), (330, "$33,467.77"), (520, "16")]),
        (140, [(54, "Taxable wages"), (330, "$53,123.44"), (520, "1")]),
        (160, [(54, "Social Security taxable wages"), (330, "$54,185.91"), (520, "3")]),
        (180, [(54, "Medicare taxable wages"), (330, "$54,185.92"), (520, "5")]),
    ])
    assert (got["wages"], got["social_security_wages"], got["medicare_wages"]) == (
        "53123.44", "54185.91", "54185.92")


def test_a_state_wages_line_alone_lends_nothing_to_box_1() -> None:
    got = field_values(DocType.W2, [(120, [(54, "State wages (PA)"), (330, "$33,467.77"), (520, "16")])])
    assert got["wages"] is None


def test_a_dotted_leader_read_as_junk_letters_is_passed_to_the_name_in_the_next_cell() -> None:
    got = field_values(DocType.W2, [
        (100, [(54, "Box c"), (102, "Employer name"), (190, "ee eens"), (400, "Maple Grove School District")]),
        (130, [(54, "Box e"), (102, "Employee name..........."), (230, "2... eee"), (290, "ee ee eee"),
               (400, "Olivia B Nakamura")]),
    ])
    assert (got["employer_name"], got["employee_name"]) == ("Maple Grove School District", "Olivia B Nakamura")


def test_a_leader_read_as_figures_and_dots_is_junk_before_a_name_too() -> None:
    got = field_values(DocType.W2, [(130, [(54, "Box e"), (102, "Employee name..."), (190, "1.2.0..."), (260, "ee ee"),
                                           (400, "Thomas R Bennett")])])
    assert got["employee_name"] == "Thomas R Bennett"


def test_a_lower_case_cell_with_nothing_after_it_stays_what_it_was() -> None:
    """No capitalised cell follows: nothing to prefer, the first cell is judged as before."""
    got = field_values(DocType.W2, [(100, [(54, "Employer name"), (190, "ee eens")]),
                                    (130, [(54, "Employee name"), (190, "Olivia B Nakamura")])])
    assert got["employee_name"] == "Olivia B Nakamura"


OVER_CAPTIONS = [
    (78, [(58, "XXX-XX-6048"), (310, "14-9038323")]),
    (96, [(57, "a Employee's social security number"), (306, "b Employer identification number (EIN)")]),
    (108, [(58, "USD 109,792.41"), (180, "USD 18,812.86"), (310, "DD USD 9,235.58")]),
    (126, [(57, "1 Wages, tips, other compensation"), (180, "2 Federal income tax withheld"), (306, "12a Code")]),
    (138, [(58, "USD 111,792.41"), (180, "USD 6,807.13")]),
    (156, [(57, "3 Social security wages"), (180, "4 Social security tax withheld"), (306, "14 Other")]),
    (168, [(58, "USD 111,792.42"), (180, "USD 1,591.99")]),
    (186, [(57, "5 Medicare wages and tips"), (180, "6 Medicare tax withheld"), (306, "13 Retirement plan")]),
    (198, [(58, "Cedar Ridge Manufacturing Inc"), (310, "Tomas C Novotna")]),
    (210, [(58, "5045 Birch Way"), (310, "1044 Willow Lane")]),
    (222, [(58, "Springfield, IL 62704"), (310, "Columbus, OH 43215")]),
    (242, [(57, "c Employer's name, address, and ZIP code"), (306, "e/f Employee's name, address, and ZIP code")]),
    (254, [(58, "PA 558-9558-8"), (180, "USD 69,169.22")]),
    (272, [(57, "15 State / Employer's state ID no."), (180, "16 State wages, tips, etc.")]),
]


def test_a_form_printing_values_over_captions_reads_each_value_above_its_caption() -> None:
    """The SSN and the EIN sit over their captions and nothing of theirs under them: every caption with its own
    box id takes the block above it, not the next box's value below."""
    got = field_values(DocType.W2, OVER_CAPTIONS)
    assert (got["employer_ein"], got["employee_ssn_last4"]) == ("14-9038323", "6048")
    assert (got["wages"], got["federal_income_tax_withheld"], got["social_security_wages"], got["medicare_wages"]) == (
        "109792.41", "18812.86", "111792.41", "111792.42")
    assert (got["employer_name"], got["employee_name"]) == ("Cedar Ridge Manufacturing Inc", "Tomas C Novotna")


def test_a_form_with_identifiers_under_their_captions_keeps_reading_values_below() -> None:
    """The same captions over their values: the block above a caption is the box above's, never taken."""
    got = field_values(DocType.W2, [
        (96, [(57, "a Employee's social security number"), (306, "b Employer identification number (EIN)")]),
        (108, [(58, "XXX-XX-6048"), (310, "14-9038323")]),
        (126, [(57, "1 Wages, tips, other compensation"), (180, "2 Federal income tax withheld")]),
        (138, [(58, "USD 109,792.41"), (180, "USD 18,812.86")]),
        (156, [(57, "3 Social security wages"), (180, "4 Social security tax withheld")]),
        (168, [(58, "USD 111,792.41"), (180, "USD 6,930.13")]),
    ])
    assert (got["wages"], got["federal_income_tax_withheld"], got["social_security_wages"]) == (
        "109792.41", "18812.86", "111792.41")


def test_words_run_across_a_box_rule_are_no_employer_name() -> None:
    """OCR read a grey box's top rule into a caption's line ("———SS*d"): what follows the label is no name, the
    line under it is."""
    got = field_values(DocType.W2, [
        (115, [(73, "Employers name, address and ZIP code SR ges, taps thier compensation ———SS*d 2 Federal")]),
        (135, [(83, "RIVERBEND MEDICAL CENTER")]),
    ])
    assert got["employer_name"] == "RIVERBEND MEDICAL CENTER"


def test_a_caption_at_the_foot_of_a_tall_box_with_its_box_id_misread_still_takes_the_block_above() -> None:
    """The name's caption stands two lines under the address's last line, its "c" read "c¢"."""
    rows = [row for row in OVER_CAPTIONS if row[0] < 242] + [
        (252, [(57, "c¢ Employer's name, address, and ZIP code"), (306, "e/f Employee's name, address, and ZIP code")]),
        (266, [(58, "PA 558-9558-8"), (180, "USD 69,169.22")]),
        (284, [(57, "15 State / Employer's state ID no."), (180, "16 State wages, tips, etc.")])]
    got = field_values(DocType.W2, rows)
    assert (got["employer_name"], got["employee_name"]) == ("Cedar Ridge Manufacturing Inc", "Tomas C Novotna")
