"""W-2 style box forms read through OCR noise: labels broken up or clipped, box numbers beside amounts,
a label's tail on the line under another box and a year cut in two must never become values."""

from __future__ import annotations

from fixtures.words.synth import lay_out

from loan_extractor.extraction.fields import extract_fields
from loan_extractor.extraction.identifiers import normalise_year
from loan_extractor.extraction.normalise import normalise_text
from loan_extractor.extraction.words import build_lines
from loan_extractor.spec import DocType


def _w2(rows: list) -> dict[str, object]:
    found = extract_fields(DocType.W2, build_lines(lay_out(rows)))
    return {name: v.value if v else None for name, v in found.items()}


def test_a_label_word_in_a_broken_label_ranks_below_the_clipped_label_of_the_box() -> None:
    got = _w2([
        (100, [(60, "1 Wages, tips, other compe"), (300, "2 Federal income tax withh")]),
        (115, [(60, "66,692.98"), (300, "10,237.91")]),
        (140, [(60, "3 Social ' security 5 wages 4 Social , security 7 tax with ;")]),
    ])
    assert got["wages"] == "66692.98"
    assert got["federal_income_tax_withheld"] == "10237.91"


def test_a_box_number_before_a_label_word_is_not_an_amount() -> None:
    got = _w2([(100, [(60, "Wages 4 Social , security 7 tax with ;")])])
    assert got["wages"] is None


def test_a_bare_amount_not_followed_by_a_label_word_is_still_read() -> None:
    got = _w2([(100, [(60, "Wages 66693")])])
    assert got["wages"] == "66693.00"


def test_words_of_another_label_are_not_a_name() -> None:
    got = _w2([
        (100, [(60, "c Employer's name, address, and ZIP code"), (330, "security wages")]),
        (115, [(60, "3 Social ' security 5")]),
    ])
    assert got["employer_name"] is None


def test_a_name_made_of_label_words_out_of_order_is_kept() -> None:
    got = _w2([(100, [(60, "c Employer's name, address, and ZIP code")]), (115, [(60, "First Coastal Bank")])])
    assert got["employer_name"] == "First Coastal Bank"


def test_the_tail_of_a_label_under_a_box_is_not_its_value() -> None:
    got = _w2([
        (100, [(60, "e Employee's first name and initial"), (300, "Last name")]),
        (115, [(60, "Soren Aberg")]),
        (135, [(178, "Form W-2 Wage and Tax Statement 2025"), (560, "Department of the Treasury")]),
    ])
    assert got["employee_name"] == "Soren Aberg"
    assert got["tax_year"] == 2025


def test_a_year_cut_in_two_is_joined_at_a_cost() -> None:
    got = _w2([(100, [(60, "Form W-2 Wage and Tax Statement 202 5"), (420, "Department of the Treasury")])])
    assert got["tax_year"] == 2025
    parsed = normalise_year("202 5")
    assert parsed is not None and parsed.value == 2025 and parsed.conf < 1.0
    assert normalise_year("20 255") is None


def test_a_year_cut_in_three_is_joined_too() -> None:
    got = _w2([(100, [(60, "Form W-2 Wage and Tax Statement 2 02 5"), (420, "Department of the Treasury")])])
    assert got["tax_year"] == 2025


def test_an_l_read_as_an_exclamation_mark_ending_a_word_is_repaired_at_a_cost() -> None:
    parsed = normalise_text("Maple Grove Schoo! District")
    assert parsed is not None and parsed.value == "Maple Grove School District" and parsed.conf < 1.0
    assert normalise_text("Maple Grove School District").conf == 1.0


def test_a_box_number_after_label_words_is_not_an_amount_either() -> None:
    got = _w2([(100, [(60, "3 Social security wages"), (200, "4 Social security 7 tax with 7")])])
    assert got["social_security_wages"] is None


def test_a_year_cut_in_three_inside_a_long_footer_is_found_on_its_own() -> None:
    got = _w2([(100, [(60, "Form W-2 Wage and Tax Statement 2 02 5 Department of the Treasury - Internal "
                           "Revenue Service")])])
    assert got["tax_year"] == 2025


def test_a_currency_word_opening_the_next_amount_does_not_hide_this_ones_cents() -> None:
    got = _w2([(100, [(60, "3 Social security wages")]), (115, [(60, "USD 83,913.00"), (180, "USD 5,202.61")])])
    assert got["social_security_wages"] == "83913.00"


def test_an_i_read_as_an_exclamation_mark_after_a_capital_is_repaired() -> None:
    parsed = normalise_text("3439 Birch Way, Madison, W! 53703")
    assert parsed is not None and parsed.value == "3439 Birch Way, Madison, WI 53703" and parsed.conf < 1.0
