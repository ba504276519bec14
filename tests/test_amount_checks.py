"""Amounts checked against each other with rules real W-2s and pay stubs obey: a reading breaking one is dropped
(the less confident when either could be the misread), and an address read in place of a name is no name."""

from __future__ import annotations

from fixtures.words.synth import lay_out

from loan_extractor.extraction.amount_checks import check_amounts
from loan_extractor.extraction.fields import extract_fields
from loan_extractor.extraction.values import FieldValue
from loan_extractor.extraction.words import Word, build_lines
from loan_extractor.spec import DocType


def _fields(doc_type: DocType, rows: list, doubtful: str = "") -> dict[str, object]:
    """Fields of the laid-out rows; the word `doubtful` is given a low OCR confidence."""
    words = [Word(w.page, w.text, 0.4 if w.text == doubtful else w.conf, w.x0, w.y0, w.x1, w.y1)
             for w in lay_out(rows)]
    found = extract_fields(doc_type, build_lines(words))
    return {name: v.value if v else None for name, v in found.items()}


def _w2(social: str, medicare: str = "105,253.39", wages: str = "103,189.60", withheld: str = "8,690.80",
        doubtful: str = "") -> dict[str, object]:
    return _fields(DocType.W2, [
        (60, [(60, "Form W-2 Wage and Tax Statement 2025")]),
        (80, [(60, "1 Wages, tips, other compensation"), (320, wages)]),
        (95, [(60, "2 Federal income tax withheld"), (320, withheld)]),
        (110, [(60, "3 Social security wages"), (320, social)]),
        (125, [(60, "5 Medicare wages and tips"), (320, medicare)]),
    ], doubtful)


def test_social_security_wages_above_medicare_wages_drop_the_less_confident_reading() -> None:
    got = _w2("4105253.39", doubtful="4105253.39")
    assert got["social_security_wages"] is None and got["medicare_wages"] == "105253.39"


def test_social_security_wages_above_the_years_wage_base_are_dropped() -> None:
    got = _w2("190,000.00", medicare="190,000.00", wages="188,000.00")
    assert got["social_security_wages"] is None and got["medicare_wages"] == "190000.00"
    assert _w2("176,100.00", medicare="190,000.00", wages="188,000.00")["social_security_wages"] == "176100.00"


def test_federal_tax_withheld_above_wages_drops_the_doubtful_one() -> None:
    got = _w2("105,253.39", withheld="86,908.00", wages="8,690.80", doubtful="8,690.80")
    assert got["wages"] is None and got["federal_income_tax_withheld"] == "86908.00"


def test_amounts_in_order_are_all_kept() -> None:
    got = _w2("105,253.39")
    assert (got["wages"], got["federal_income_tax_withheld"]) == ("103189.60", "8690.80")
    assert (got["social_security_wages"], got["medicare_wages"]) == ("105253.39", "105253.39")


def _stub(gross: str, net: str, ytd: str, doubtful: str = "") -> dict[str, object]:
    return _fields(DocType.PAY_STUB, [
        (40, [(54, "Acme Widgets Inc")]),
        (80, [(54, "Gross Pay"), (300, gross)]),
        (95, [(54, "Net Pay"), (300, net)]),
        (110, [(54, "YTD Gross"), (300, ytd)]),
    ], doubtful)


def test_net_pay_above_gross_pay_drops_the_less_confident() -> None:
    got = _stub("2,150.00", "71,750.00", "25,800.00", doubtful="71,750.00")
    assert got["net_pay"] is None and got["gross_pay"] == "2150.00"


def test_gross_pay_above_year_to_date_gross_drops_the_less_confident() -> None:
    got = _stub("21,500.00", "1,750.00", "2,580.00", doubtful="2,580.00")
    assert got["ytd_gross"] is None and got["gross_pay"] == "21500.00"
    assert _stub("2,150.00", "1,750.00", "2,150.00")["ytd_gross"] == "2150.00"  # the first pay of the year


def test_a_street_address_is_not_an_employer_name() -> None:
    rows = [(100, [(60, "c Employer's name, address, and ZIP code")]), (115, [(60, "1016 Sycamore Boulevard")])]
    assert _fields(DocType.W2, rows)["employer_name"] is None
    rows = [(100, [(60, "c Employer's name, address, and ZIP code")]), (115, [(60, "3M Company")])]
    assert _fields(DocType.W2, rows)["employer_name"] == "3M Company"


def _read(text: str, value: str) -> FieldValue:
    return FieldValue(value, 0.9, (Word(1, text, 0.9, 0, 0, 10, 10),))


def _statement(opening: tuple[str, str]) -> dict[str, FieldValue | None]:
    return {"opening_balance": _read(*opening), "total_deposits": _read("4306.57", "4306.57"),
            "total_withdrawals": _read("896.85", "896.85"), "closing_balance": _read("18928.93", "18928.93")}


def test_a_statement_amount_that_lost_its_point_gets_it_back_from_the_balance() -> None:
    found = _statement(("1551921", "1551921.00"))
    check_amounts("bank_statement", found)
    assert found["opening_balance"].value == "15519.21" and found["opening_balance"].conf < 0.9  # type: ignore[union-attr]


def test_a_point_that_would_not_balance_is_not_restored() -> None:
    found = _statement(("1551922", "1551922.00"))
    check_amounts("bank_statement", found)
    assert found["opening_balance"].value == "1551922.00"  # type: ignore[union-attr]
    whole = _statement(("15519.21", "15519.21"))
    check_amounts("bank_statement", whole)
    assert whole["opening_balance"].value == "15519.21"  # type: ignore[union-attr]
