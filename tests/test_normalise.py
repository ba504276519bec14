"""Normalisers: printed values to the contract's forms, OCR confusions repaired only where safe."""

from __future__ import annotations

import pytest

from loan_extractor.extraction.dates import normalise_date
from loan_extractor.extraction.identifiers import normalise_ein, normalise_int, normalise_last4, normalise_year
from loan_extractor.extraction.normalise import (
    looks_misread,
    normalise,
    normalise_loan_purpose,
    normalise_money,
    normalise_percent,
    normalise_text,
)
from loan_extractor.spec import FieldKind


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("$4,210.55", "4210.55"),
        ("4,210.55", "4210.55"),
        ("USD 4210.55", "4210.55"),
        ("$ 1,234,567.89", "1234567.89"),
        ("(12.00)", "-12.00"),
        ("-$12.00", "-12.00"),
        ("0.07", "0.07"),
    ],
)
def test_money_printed_styles(printed: str, value: str) -> None:
    parsed = normalise_money(printed)
    assert parsed is not None and parsed.value == value and parsed.conf == 1.0


@pytest.mark.parametrize(
    ("ocr", "value"),
    [("4,21O.55", "4210.55"), ("$l,500.00", "1500.00"), ("4, 210.55", "4210.55"), ("4.210.55", "4210.55"),
     ("§583.33", "5583.33"), ("20544,21", "20544.21"), ("1,234,56", "1234.56"),
     ("5,71250", "5712.50"), ("76559,.77", "76559.77"), ("935:42", "935.42"), ("1,236:54", "1236.54")],
)
def test_money_ocr_confusions_are_repaired_at_lower_confidence(ocr: str, value: str) -> None:
    parsed = normalise_money(ocr)
    assert parsed is not None and parsed.value == value and parsed.conf < 1.0


@pytest.mark.parametrize("junk", ["", "Net Pay", "4,21", "12.3.4.5.6", "$", "1,2345.00", "ABC.DE", "10:30"])
def test_money_refuses_what_is_not_an_amount(junk: str) -> None:
    assert normalise_money(junk) is None


def test_money_without_cents_is_less_certain() -> None:
    parsed = normalise_money("4210")
    assert parsed is not None and parsed.value == "4210.00" and parsed.conf < 1.0


@pytest.mark.parametrize(
    ("printed", "iso"),
    [
        ("03/15/2026", "2026-03-15"),
        ("3/5/2026", "2026-03-05"),
        ("03-15-2026", "2026-03-15"),
        ("2026-03-15", "2026-03-15"),
        ("March 15, 2026", "2026-03-15"),
        ("Mar. 15, 2026", "2026-03-15"),
        ("Sept 1, 2026", "2026-09-01"),
        ("15 March 2026", "2026-03-15"),
    ],
)
def test_dates(printed: str, iso: str) -> None:
    parsed = normalise_date(printed)
    assert parsed is not None and parsed.value == iso


@pytest.mark.parametrize(("ocr", "iso"), [("O3/l5/2026", "2026-03-15"), ("J anuary 28, 2026", "2026-01-28"),
                                          ("March l5, 2O26", "2026-03-15")])
def test_dates_with_ocr_confusions(ocr: str, iso: str) -> None:
    parsed = normalise_date(ocr)
    assert parsed is not None and parsed.value == iso


@pytest.mark.parametrize("bad", ["13/45/2026", "02/30/2026", "Smarch 15, 2026", "2026", "03/15", "hello"])
def test_impossible_dates_are_none(bad: str) -> None:
    assert normalise_date(bad) is None


def test_two_digit_year_costs_confidence() -> None:
    parsed = normalise_date("03/15/26")
    assert parsed is not None and parsed.value == "2026-03-15" and parsed.conf < 1.0


@pytest.mark.parametrize(
    ("printed", "last4"),
    [("123-45-6789", "6789"), ("XXX-XX-6789", "6789"), ("***-**-6789", "6789"), ("XXXXXX1234", "1234"),
     ("****1234", "1234"), ("1234567890", "7890"), ("0042", "0042"), ("XXXXXXl234", "1234")],
)
def test_last4(printed: str, last4: str) -> None:
    parsed = normalise_last4(printed)
    assert parsed is not None and parsed.value == last4


@pytest.mark.parametrize("bad", ["HQ 693", "12", "XXX-XX-", "six", "XXXX12"])
def test_last4_never_guesses(bad: str) -> None:
    assert normalise_last4(bad) is None


@pytest.mark.parametrize(("printed", "value"), [("360", 360), ("360 months", 360), ("30 years", 360), ("3S0", 350)])
def test_int(printed: str, value: int) -> None:
    parsed = normalise_int(printed)
    assert parsed is not None and parsed.value == value


def test_int_refuses_other_words() -> None:
    assert normalise_int("360 days") is None
    assert normalise_int("abc") is None


def test_year() -> None:
    assert normalise_year("2025").value == 2025  # type: ignore[union-attr]
    assert normalise_year("1545") is None
    assert normalise_year("20250") is None
    assert normalise_year("(2025)").value == 2025  # type: ignore[union-attr]  # "Form W-2 (2025)"
    assert normalise_year("(2025") is None


@pytest.mark.parametrize("printed", ["03/15/3026", "03/15/0026", "2926-03-15", "March 15, 5026"])
def test_a_date_whose_year_ocr_misread_far_off_is_no_date(printed: str) -> None:
    assert normalise_date(printed) is None


@pytest.mark.parametrize(("printed", "value"), [("6.875%", "6.875"), ("6.875 %", "6.875"), ("7%", "7")])
def test_percent(printed: str, value: str) -> None:
    parsed = normalise_percent(printed)
    assert parsed is not None and parsed.value == value and parsed.conf == 1.0


def test_percent_without_sign_is_less_certain_and_nonsense_is_none() -> None:
    assert normalise_percent("6.875").conf < 1.0  # type: ignore[union-attr]
    assert normalise_percent("six") is None
    assert normalise_percent("650%") is None


def test_ein() -> None:
    assert normalise_ein("12-3456789").value == "12-3456789"  # type: ignore[union-attr]
    assert normalise_ein("12 - 3456789").value == "12-3456789"  # type: ignore[union-attr]
    nine = normalise_ein("123456789")
    assert nine is not None and nine.value == "12-3456789" and nine.conf < 1.0
    assert normalise_ein("12-345678") is None


@pytest.mark.parametrize(
    ("printed", "code"),
    [
        ("[X] Purchase  [ ] Refinance  [ ] Cash-Out Refinance  [ ] Construction  [ ] Other", "purchase"),
        ("[ ] Purchase  [ ] Refinance  [X] Cash-Out Refinance  [ ] Construction  [ ] Other", "cash_out_refinance"),
        ("[ ] Purchase [x] Refinance [ ] Cash-Out Refinance", "refinance"),
        ("☐ Purchase ☒ Construction ☐ Other", "construction"),
        ("X Purchase", "purchase"),
        ("Purchase", "purchase"),
        ("Cash-Out Refinance", "cash_out_refinance"),
        ("[] Purchase [X] Other", "other"),
    ],
)
def test_loan_purpose(printed: str, code: str) -> None:
    parsed = normalise_loan_purpose(printed)
    assert parsed is not None and parsed.value == code


@pytest.mark.parametrize(
    "unreadable",
    ["[ ] Purchase [ ] Refinance [ ] Other", "[X] Purchase [X] Refinance", "Purchase Refinance", "Vacation"],
)
def test_loan_purpose_not_guessed(unreadable: str) -> None:
    assert normalise_loan_purpose(unreadable) is None


def test_text_folds_whitespace_and_strips_rules() -> None:
    assert normalise_text("  Jane   Q\tDoe |").value == "Jane Q Doe"  # type: ignore[union-attr]
    assert normalise_text(" | : ") is None
    assert normalise_text("'Märta H Åberg").value == "Märta H Åberg"  # type: ignore[union-attr]
    assert normalise_text("= SILVERLINE INSURANCE CO").value == "SILVERLINE INSURANCE CO"  # type: ignore[union-attr]


def test_text_joins_a_capital_cut_off_by_ocr_at_lower_confidence() -> None:
    parsed = normalise_text("Pioneer Freight S ystems")
    assert parsed is not None and parsed.value == "Pioneer Freight Systems" and parsed.conf < 1.0


def test_text_with_stray_glyphs_is_less_certain() -> None:
    parsed = normalise_text("Helen | Delgado")
    assert parsed is not None and parsed.conf < 0.8


def test_dispatch_by_kind() -> None:
    assert normalise(FieldKind.MONEY, "$1.00").value == "1.00"  # type: ignore[union-attr]
    assert normalise(FieldKind.LOAN_PURPOSE, "Refinance").value == "refinance"  # type: ignore[union-attr]


def test_money_with_a_space_for_the_thousands_comma() -> None:
    parsed = normalise_money("4 210.55")
    assert parsed is not None and parsed.value == "4210.55" and 0.8 < parsed.conf < 1.0
    assert normalise_money("360 12") is None  # two numbers, not one


def test_a_long_bare_amount_may_have_lost_its_point_and_goes_below_the_threshold() -> None:
    lost = normalise_money("421055")  # printed 4,210.55
    assert lost is not None and lost.conf < 0.6
    grouped = normalise_money("421,055")
    assert grouped is not None and grouped.value == "421055.00" and grouped.conf >= 0.8


@pytest.mark.parametrize("name", ["Nguyễn Thị Hương", "Zbigniew Łukasiewicz", "Jürgen Müller-Weiß", "Søren Kierkegård"])
def test_names_in_any_latin_script_are_plain_text(name: str) -> None:
    parsed = normalise_text(name)
    assert parsed is not None and parsed.value == name and parsed.conf == 1.0


@pytest.mark.parametrize(("reading", "doubtful"), [
    ("Peter E Harper", False), ("Ludwig van Beethoven", False), ("Mary-Ann O'Neil", False),
    ("Zbigniew tukasiewicz", True),  # "Ł" read as "t"
    ("Jurgen Muller-Weif&", True),  # "ß" read as "f&"
    ("Francois Lefévre", True),  # the English model emits some accents, wrongly
    ("Helen | Delgado", True),
])
def test_a_name_reading_that_looks_misread(reading: str, doubtful: bool) -> None:
    assert looks_misread(reading) is doubtful
