"""Labels and values OCR reads with a stray word, a lost space or a letter-spaced heading."""

from __future__ import annotations

from fixtures.words.synth import field_values, lay_out

from loan_extractor.extraction.dates import normalise_date
from loan_extractor.extraction.identifiers import normalise_last4, normalise_year
from loan_extractor.extraction.labels import find_hits
from loan_extractor.extraction.words import build_lines
from loan_extractor.spec import DocType


def test_a_stray_word_inside_a_long_label_is_skipped_once() -> None:
    lines = build_lines(lay_out([(100, [(310, "3 Social security ywas wages")])]))
    hits = find_hits(lines, {"Social security wages": ["field:ss"]}, box_ids=True)
    assert [h.targets for h in hits] == [("field:ss",)] and hits[0].score < 1.0


def test_a_value_or_a_label_word_inside_a_label_is_not_skipped() -> None:
    vocabulary = {"Loan Term months": ["term"], "Social security wages": ["ss"]}
    lines = build_lines(lay_out([(100, [(54, "Loan Term: 180 months")]), (120, [(54, "Social security tax wages")])]))
    assert find_hits(lines, vocabulary, lexicon=frozenset({"tax"})) == []


def test_a_w2_box_whose_caption_ocr_garbled_still_closes_the_box_beside_it() -> None:
    got = field_values(DocType.W2, [
        (134, [(58, "c Employer's name, address, and ZIP code")]),
        (140, [(310, "3 Social security ywas wages"), (480, "4 Social security tax with")]),
        (150, [(60, "Pioneer Freight Systems")]),
        (160, [(60, "6554 Maple Avenue"), (310, "$120,244.97"), (480, "$7,455.19")]),
    ])
    assert got["employer_name"] == "Pioneer Freight Systems" and got["social_security_wages"] == "120244.97"


def test_a_letter_spaced_heading_year_is_the_tax_year() -> None:
    got = field_values(DocType.W2, [(298, [(54, "Form W-2 Wage and Tax Statement 2 O 2 5 Department of the Treasury "
                                            "- Internal Revenue Service")])])
    assert got["tax_year"] == 2025
    parsed = normalise_year("2 0 2 5")
    assert parsed is not None and parsed.value == 2025 and parsed.conf < 1.0
    assert normalise_year("2 0 2") is None and normalise_year("12 0 2 5") is None


def test_a_day_glued_to_its_month_and_a_stray_letter_in_a_mask() -> None:
    for printed in ("28Feb 2026", "Feb28, 2026"):
        parsed = normalise_date(printed)
        assert parsed is not None and parsed.value == "2026-02-28" and parsed.conf < 1.0
    parsed = normalise_last4("XXXXXXK1723")
    assert parsed is not None and parsed.value == "1723" and parsed.conf < 1.0
    assert normalise_last4("ACCT1723") is None and normalise_date("Feb 2026") is None


def test_a_box_id_ocr_misread_still_opens_its_label_on_a_form_printed_twice() -> None:
    # "e/f" read "eff" and "‘eff" on two copies side by side: each copy's label is a label, its box ends at the next
    got = field_values(DocType.W2, [
        (60, [(54, "W-2 Wage and Tax Statement 2025"), (320, "W-2 Wage and Tax Statement 2025")]),
        (100, [(54, "eff Employee's name, address, and ZIP code"),
               (320, "‘eff Employee's name, address, and ZIP code")]),
        (113, [(70, "Thomas Thornton"), (336, "Thomas Thornton")]),
        (125, [(70, "6954 Willow Lane"), (336, "6954 Willow Lane")]),
    ])
    assert got["employee_name"] == "Thomas Thornton"


def test_specks_read_as_marks_after_a_value_are_not_part_of_it() -> None:
    got = field_values(DocType.W2, [
        (60, [(54, "W-2 Wage and Tax Statement 2025")]),
        (100, [(54, "c Employer's name, address, and ZIP code")]),
        (113, [(70, "Northwind Logistics LLC ‘ |")]),
        (125, [(70, "5299 Chestnut Court")]),
    ])
    assert got["employer_name"] == "Northwind Logistics LLC"
