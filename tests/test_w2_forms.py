"""W-2s printed as forms and reprints: right-aligned amounts far from short box labels, box numbers in a column of
their own, box 12 codes beside a name box, a name followed by its street on one line."""

from __future__ import annotations

from fixtures.words.synth import lay_out

from loan_extractor.extraction import headings
from loan_extractor.extraction.fields import extract_fields
from loan_extractor.extraction.identifiers import normalise_last4
from loan_extractor.extraction.normalise import normalise_money
from loan_extractor.extraction.repair import Parsed
from loan_extractor.extraction.words import build_lines
from loan_extractor.spec import DocType


def _fields(words: list) -> dict[str, object]:
    found = extract_fields(DocType.W2, build_lines(words))
    return {name: v.value if v else None for name, v in found.items()}


def test_a_right_aligned_amount_far_from_a_short_box_label_is_its_value() -> None:
    """Wide boxes with abbreviated labels: the amount sits at the box's right edge, far right of the label's end,
    and the next row of labels closes the box."""
    got = _fields(lay_out([
        (100, [(40, "a Employee SSN"), (222, "1 Wages,tips,other comp."), (393, "2 Fed income tax withheld")]),
        (110, [(42, "987-73-4764"), (343, "77028.15"), (511, "11385.85")]),
        (126, [(40, "b Employer ID no."), (222, "3 Soc sec wages"), (393, "4 Soc sec tax withheld")]),
        (136, [(42, "85-3084253"), (343, "77028.15"), (518, "4775.75")]),
    ], size=6))
    assert (got["wages"], got["federal_income_tax_withheld"], got["social_security_wages"]) == (
        "77028.15", "11385.85", "77028.15")


def test_words_of_a_box_beside_are_still_not_taken_when_the_value_is_under_the_label() -> None:
    """The four-up sheet's case stays as it was: the nearer line under the label holds the amount."""
    got = _fields(lay_out([
        (117, [(170, "3 Social security wages"), (450, "3 Social security wages")]),
        (123, [(41, "Austin, TX 78701"), (311, "Austin, TX 78701")]),
        (128, [(172, "$121,525.61"), (452, "$121,525.61")]),
    ], size=6))
    assert got["social_security_wages"] == "121525.61"


def test_a_far_value_is_not_taken_past_another_label() -> None:
    """A label between the short label and the far words claims them: the box has no value of its own."""
    got = _fields(lay_out([
        (100, [(40, "1 Wages"), (300, "16 State wages, tips, etc.")]),
        (110, [(330, "52,000.00")]),
    ], size=6))
    assert got["wages"] is None


def test_box_numbers_in_a_column_of_their_own_start_their_boxes() -> None:
    """"a | Employee's SSN | 946-72-8093 | 2 | Federal income tax withheld": the 2 is the next box's number, so it
    never joins the SSN ("...80932"), and "c | Employer | e | Employee" never gives the employer as "e"."""
    got = _fields(lay_out([
        (110, [(54, "c"), (66, "Employer"), (320, "e"), (332, "Employee")]),
        (124, [(54, "Riverbend Medical Center"), (320, "Zoe Theriault")]),
        (180, [(54, "a"), (74, "Employee's SSN"), (230, "946-72-8093"), (320, "2"), (340, "Federal income tax withheld"),
               (520, "16,558.39")]),
    ], size=9))
    assert (got["employee_ssn_last4"], got["employer_name"], got["employee_name"]) == (
        "8093", "Riverbend Medical Center", "Zoe Theriault")
    assert got["federal_income_tax_withheld"] == "16558.39"


def test_a_box_12_code_beside_the_name_box_is_not_the_name() -> None:
    got = _fields(lay_out([
        (100, [(40, "e Employee name"), (222, "12a Code DD"), (393, "16 NJ State wages")]),
        (110, [(42, "Daniel Prescott"), (343, "12846.87"), (511, "28500.42")]),
    ], size=6))
    assert got["employee_name"] == "Daniel Prescott"


def test_a_name_followed_by_its_street_on_one_line_is_the_name() -> None:
    got = _fields(lay_out([
        (100, [(40, "c Employer's name, address, and ZIP code")]),
        (112, [(46, "Pioneer Freight Systems, 6357 Birch Way")]),
        (124, [(46, "Springfield, IL 62704")]),
    ], size=8))
    assert got["employer_name"] == "Pioneer Freight Systems"


def test_a_speck_between_a_box_id_and_its_label_keeps_the_label() -> None:
    """OCR read a box rule as a word: "a _ Employee's SSN", "2 ~~ 'Federal income tax withheld"."""
    got = _fields(lay_out([
        (180, [(54, "a _ Employee's SSN"), (230, "910-24-0707"), (320, "2 ~~ ‘Federal income tax withheld"),
               (520, "11617.65")]),
    ], size=9))
    assert (got["employee_ssn_last4"], got["federal_income_tax_withheld"]) == ("0707", "11617.65")


def test_tall_words_side_by_side_are_one_heading_box() -> None:
    """A 36-point year OCR cut in pieces ("()" and "5") is re-read as one box grown to its lost characters."""
    words = lay_out([(78, [(54, "() 5")])], size=30) + lay_out([(60, [(166, "W-2")]), (76, [(166, "Wage and Tax")]),
                                                               (88, [(166, "OMB No. 1545-0008")])], size=9)
    tall = headings.tall_words(words)
    assert [w.text for w in tall] == ["()", "5"]
    (box,) = headings._headings(tall)
    assert box[0] < tall[0].x0 and box[2] > tall[1].x1


def test_amounts_of_boxes_beside_a_name_are_not_part_of_it() -> None:
    """A skewed scan put the amounts of two taller boxes to the right on the name's line and in its cell."""
    got = _fields(lay_out([
        (100, [(40, "e Employee's name (first, initial, last)")]),
        (112, [(46, "Nora Delgado $2,285.69 $125,269.26")]),
    ], size=8))
    assert got["employee_name"] == "Nora Delgado"


def test_a_house_number_is_not_a_standalone_tax_year() -> None:
    """"2089 Hillcrest Road" in an address block never contradicts the year printed large in the corner."""
    got = _fields(lay_out([
        (60, [(54, "2025")]),
        (112, [(54, "c Employer"), (320, "e Employee")]),
        (124, [(54, "Riverbend Medical Center"), (320, "Soren Lindstrom")]),
        (136, [(54, "2089 Hillcrest Road"), (320, "7033 Ridge Road")]),
    ], size=9))
    assert got["tax_year"] == 2025


def test_the_one_ein_shaped_number_of_a_page_whose_label_ocr_garbled() -> None:
    rows = [(200, [(54, "b — Employer {D (EIN)"), (230, "67-6441153")]),
            (240, [(54, "15 State ID no."), (230, "PA 588-6888-2")])]
    assert _fields(lay_out(rows, size=9))["employer_ein"] == "67-6441153"
    rows.append((260, [(54, "NJ ID"), (230, "22-1234567")]))  # a second such number: no guess
    assert _fields(lay_out(rows, size=9))["employer_ein"] is None


def test_an_amount_whose_point_ocr_read_as_a_comma() -> None:
    assert normalise_money("112032,94") == Parsed("112032.94", 0.8)
    assert normalise_money("4,21") is None  # short: a clipped "4,210" as likely


def test_starred_ssn_masks_read_as_letters() -> None:
    assert normalise_last4("EK _AK_3793").value == "3793"  # every star a letter, one lost
    assert normalise_last4("rt 4%-3296").value == "3296"  # the first hyphen lost too
    assert normalise_last4("AB-CD-12E4") is None  # the last group must be four true digits
    assert normalise_last4("4%-3296") is None  # too short for a mask


def test_a_qualifier_ocr_closed_with_a_brace_and_amounts_in_dollars_beside_the_name() -> None:
    got = _fields(lay_out([
        (100, [(40, "e Employee's name (first, initial, ast}")]),
        (112, [(46, "Samuel F Reyes USD 1,906.16 USD 98,555.55")]),
    ], size=8))
    assert got["employee_name"] == "Samuel F Reyes"


def test_a_far_value_survives_a_misread_box_id_on_the_next_label_line() -> None:
    """The box below's id read as "@": the line under the value still closes the box, it does not erase it."""
    got = _fields(lay_out([
        (100, [(70, "c Employer's name, address, and ZIP code"), (320, "3 Soc. sec. wages")]),
        (112, [(72, "Summit Analytics Corp"), (487, "USD 121,711.07")]),
        (124, [(72, "5165 Oak Street"), (321, "@ Soc. sec. tax withheld")]),
        (136, [(72, "Austin, TX 78701"), (499, "USD 7,546.09")]),
    ], size=6))
    assert got["social_security_wages"] == "121711.07"


def test_a_box_id_read_with_a_period_still_opens_its_box() -> None:
    got = _fields(lay_out([
        (100, [(70, "c Employer's name, address, and ZIP code"), (320, "12a. See instructions for box 12")]),
        (112, [(72, "Granite State Builders"), (396, "D 1,661.65")]),
    ], size=6))
    assert got["employer_name"] == "Granite State Builders"


def test_a_lettered_box_beside_the_name_box_is_never_its_value() -> None:
    """OCR glued the box 12 code to its label ("12a Coded"): still a box's label, not the employee's name."""
    got = _fields(lay_out([
        (100, [(40, "e Employee name"), (222, "12a Coded"), (393, "16 NJ State wages")]),
        (110, [(42, "Alice D Nakamura"), (343, "6,679.32"), (511, "41,189.16")]),
    ], size=6))
    assert got["employee_name"] == "Alice D Nakamura"
