"""Field location on stored word boxes: golden word lists in, fields out (tests/fixtures/words/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixtures.words.synth import lay_out

from loan_extractor.extraction import fields
from loan_extractor.extraction.fields import extract_fields, read_value
from loan_extractor.extraction.labels import find_hits
from loan_extractor.extraction.words import (
    Word,
    bounding_box,
    build_lines,
    word_from_dict,
)
from loan_extractor.spec import DocType, FieldKind, fields_of

FIXTURES = Path(__file__).parent / "fixtures" / "words"
GOLDEN = sorted(FIXTURES.glob("*.json"))


def _load(path: Path) -> tuple[DocType, list[Word], dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return DocType(data["doc_type"]), [word_from_dict(w) for w in data["words"]], data["fields"]


def test_there_are_golden_fixtures() -> None:
    assert {p.stem for p in GOLDEN} >= {"pay_stub_ocr", "w2_ocr", "bank_statement_ocr", "loan_application_ocr"}


@pytest.mark.parametrize("path", GOLDEN, ids=[p.stem for p in GOLDEN])
def test_golden_words_give_golden_fields(path: Path) -> None:
    doc_type, words, expected = _load(path)
    found = extract_fields(doc_type, build_lines(words))
    assert set(found) == set(fields_of(doc_type))
    got = {name: (v.value if v else None) for name, v in found.items()}
    assert got == {name: expected.get(name) for name in fields_of(doc_type)}
    for name, value in found.items():
        if value is not None:
            assert 0.0 < value.conf <= 1.0, name


def test_ocr_confidence_carries_into_field_confidence() -> None:
    _, words, _ = _load(FIXTURES / "pay_stub_ocr.json")
    found = extract_fields(DocType.PAY_STUB, build_lines(words))
    assert all(v is not None and v.conf < 1.0 for v in found.values())


def test_text_layer_confidence_is_parse_confidence() -> None:
    words = lay_out([(60, [(54, "Pay Stub")]), (100, [(54, "Gross Pay:"), (200, "4210")]),
                     (120, [(54, "Net Pay:"), (200, "$3,000.00")])])
    found = extract_fields(DocType.PAY_STUB, build_lines(words))
    assert found["net_pay"] is not None and found["net_pay"].conf == 1.0
    assert found["gross_pay"] is not None and found["gross_pay"].value == "4210.00" and found["gross_pay"].conf < 1.0


def test_full_ssn_is_stored_as_last_four_only() -> None:
    _, words, _ = _load(FIXTURES / "loan_application_ocr.json")
    assert any("6789" in w.text and "123" in w.text for w in words)  # printed in full on the page
    found = extract_fields(DocType.LOAN_APPLICATION, build_lines(words))
    assert found["applicant_ssn_last4"] is not None and found["applicant_ssn_last4"].value == "6789"


def test_table_columns_decide_current_and_year_to_date() -> None:
    words = lay_out([
        (60, [(54, "Earnings Statement")]),
        (100, [(54, "Description"), (250, "Hours"), (330, "Year to Date"), (450, "Current")]),
        (120, [(54, "Gross Pay"), (250, "80.00"), (330, "$9,000.00"), (450, "$1,500.00")]),
    ])
    found = extract_fields(DocType.PAY_STUB, build_lines(words))
    assert found["gross_pay"] is not None and found["gross_pay"].value == "1500.00"
    assert found["ytd_gross"] is not None and found["ytd_gross"].value == "9000.00"


def test_a_tables_headings_are_searched_once_for_all_its_fields(monkeypatch: pytest.MonkeyPatch) -> None:
    searched: list[tuple[str, ...]] = []

    def counting(lines, vocabulary, *args, **kwargs):  # type: ignore[no-untyped-def]
        searched.append(tuple(vocabulary))
        return find_hits(lines, vocabulary, *args, **kwargs)

    monkeypatch.setattr(fields, "find_hits", counting)
    words = lay_out([
        (100, [(54, "Description"), (330, "Year to Date"), (450, "Current")]),
        (120, [(54, "Gross Pay"), (330, "$9,000.00"), (450, "$1,500.00")]),
    ])
    found = extract_fields(DocType.PAY_STUB, build_lines(words))
    assert found["gross_pay"] is not None and found["gross_pay"].value == "1500.00"
    assert len(searched) == len(set(searched))  # gross_pay and ytd_gross share one search per heading


def test_a_row_without_headers_gives_no_year_to_date() -> None:
    words = lay_out([(60, [(54, "Pay Stub")]), (100, [(54, "Gross Pay"), (250, "1,500.00"), (400, "9,000.00")])])
    found = extract_fields(DocType.PAY_STUB, build_lines(words))
    assert found["gross_pay"] is not None and found["gross_pay"].value == "1500.00"
    assert found["ytd_gross"] is None


def test_labels_tolerate_case_colons_and_ocr_noise() -> None:
    words = lay_out([
        (60, [(54, "PAY STUB")]),
        (100, [(54, "EMPLOYEE NAME"), (200, "Jane Doe")]),
        (120, [(54, "Ernployer :"), (200, "Acme Inc")]),
        (140, [(54, "Net Pav:"), (200, "$1,000.00")]),
        (160, [(54, "Check Date :"), (200, "03/20/2026")]),
        (180, [(54, "Pay Peri0d Staft:"), (200, "03/01/2026")]),
    ])
    found = extract_fields(DocType.PAY_STUB, build_lines(words))
    assert found["employee_name"].value == "Jane Doe"  # type: ignore[union-attr]
    assert found["employer_name"].value == "Acme Inc"  # type: ignore[union-attr]
    assert found["pay_date"].value == "2026-03-20"  # type: ignore[union-attr]
    assert found["pay_period_start"].value == "2026-03-01"  # type: ignore[union-attr]
    assert found["net_pay"] is None  # "Pav" is too short to be trusted as "Pay"


def test_employee_is_not_read_as_a_misprinted_employer() -> None:
    words = lay_out([(60, [(54, "Loan Application")]), (100, [(54, "Employee ID:"), (200, "E-1234")])])
    found = extract_fields(DocType.LOAN_APPLICATION, build_lines(words))
    assert found["employer_name"] is None


def test_unknown_type_has_no_fields() -> None:
    assert extract_fields(DocType.UNKNOWN, build_lines(lay_out([(60, [(54, "Hello")])]))) == {}


def test_read_value_finds_a_number_among_words() -> None:
    words = lay_out([(100, [(54, "approx. $ 4,210.55 total")])])
    value = read_value(FieldKind.MONEY, words)
    assert value is not None and value.value == "4210.55"
    assert read_value(FieldKind.DATE, words) is None


@pytest.mark.parametrize("path", GOLDEN, ids=[p.stem for p in GOLDEN])
def test_every_value_carries_the_box_of_the_words_it_was_read_from(path: Path) -> None:
    doc_type, words, _ = _load(path)
    for name, value in extract_fields(doc_type, build_lines(words)).items():
        if value is None:
            continue
        assert value.words and set(value.words) <= set(words) | _glued_parts(words), name
        page, x0, y0, x1, y1 = bounding_box(value.words)  # type: ignore[misc]
        assert page == value.words[0].page and x0 < x1 and y0 < y1, name


def _glued_parts(words: list[Word]) -> set[Word]:
    """Words split at a colon by build_lines ("Date:03/20/2026") are new words with their own boxes."""
    return {w for line in build_lines(words) for w in line.words}


def test_boxes_locate_values_in_table_columns_and_below_labels() -> None:
    words = lay_out([
        (60, [(54, "Earnings Statement")]),
        (100, [(54, "Employee Name")]),
        (114, [(54, "Jane Q Doe")]),
        (140, [(54, "Description"), (330, "Year to Date"), (450, "Current")]),
        (160, [(54, "Gross Pay"), (330, "$9,000.00"), (450, "$1,500.00")]),
    ])
    found = extract_fields(DocType.PAY_STUB, build_lines(words))
    assert bounding_box(found["gross_pay"].words) == (1, 450.0, 152.0, 499.5, 162.0)  # type: ignore[union-attr]
    assert bounding_box(found["ytd_gross"].words)[1] == 330.0  # type: ignore[index, union-attr]
    name = found["employee_name"]
    assert name is not None and name.value == "Jane Q Doe" and bounding_box(name.words)[1:3] == (54.0, 106.0)
