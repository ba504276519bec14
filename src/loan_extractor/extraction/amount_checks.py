"""Amounts of one document checked against each other with rules real documents obey; a reading that breaks one
is dropped (the less confident of the two when either could be the misread), since a wrong value is worse than none.

W-2: box 2 (federal tax withheld) is below box 1 (wages); box 3 (social security wages) never exceeds the year's
social security wage base nor box 5 (Medicare wages, which has no cap). Pay stub: net pay is at most gross pay, and
this period's gross at most the year-to-date gross that includes it. A name is never a street address. A statement's
balance equation gives back the one decimal point OCR lost.
"""

from __future__ import annotations

import re
from decimal import Decimal

from loan_extractor.analysis.parse import to_decimal
from loan_extractor.extraction.values import FieldValue

# the social security wage base by tax year (SSA); a year not listed is judged by the highest one
WAGE_BASE = {2019: 132_900, 2020: 137_700, 2021: 142_800, 2022: 147_000, 2023: 160_200, 2024: 168_600,
             2025: 176_100, 2026: 184_500}
# (smaller, larger): the first may equal the second but never exceed it
_ORDERED = {
    "w2": [("federal_income_tax_withheld", "wages"), ("social_security_wages", "medicare_wages")],
    "pay_stub": [("net_pay", "gross_pay"), ("gross_pay", "ytd_gross")],
}
_BALANCE = ("opening_balance", "total_deposits", "total_withdrawals", "closing_balance")
LOST_POINT_COST = 0.8  # an amount given back the decimal point OCR lost
STREET_ADDRESS = re.compile(r"^\d+[A-Za-z]?\s+(?:\S+\s+){0,3}(?:street|st|road|rd|avenue|ave|boulevard|blvd|lane|ln|drive|dr|"
                      r"court|ct|way|place|pl|parkway|pkwy|highway|hwy|circle|cir|terrace|trail)\b\.?", re.IGNORECASE)


def check_amounts(doc_type: str, found: dict[str, FieldValue | None]) -> None:
    """Drop, in place, readings that break the document type's rules."""
    for name in [n for n in found if n.endswith("_name") or n == "account_holder"]:
        value = found[name]
        if value is not None and STREET_ADDRESS.match(str(value.value)):
            found[name] = None  # the name's line was lost and the address under it read instead
    if doc_type == "w2":
        _cap_social_security(found)
    if doc_type == "bank_statement":
        _restore_lost_point(found)
    for smaller, larger in _ORDERED.get(doc_type, []):
        low, high = _amount(found.get(smaller)), _amount(found.get(larger))
        if low is not None and high is not None and low > high:
            worse = smaller if found[smaller].conf <= found[larger].conf else larger
            found[worse] = None


def _restore_lost_point(found: dict[str, FieldValue | None]) -> None:
    """A statement amount OCR read without its decimal point ("1551921" for "15519.21") takes it back only when
    it is the one amount printed without a point and that point alone balances opening + deposits - withdrawals
    = closing to the cent."""
    amounts = {name: _amount(found.get(name)) for name in _BALANCE}
    if any(a is None for a in amounts.values()) or _balance(amounts) == 0:
        return
    pointless = [n for n in _BALANCE if not any(c in w.text for w in found[n].words for c in ".,")]  # type: ignore[union-attr]
    if len(pointless) != 1:
        return
    name = pointless[0]
    repaired = {**amounts, name: amounts[name] / 100}  # type: ignore[operator]
    if _balance(repaired) == 0:
        value = found[name]
        found[name] = FieldValue(f"{repaired[name]:.2f}", round(value.conf * LOST_POINT_COST, 3), value.words)  # type: ignore[union-attr]


def _balance(amounts: dict[str, Decimal | None]) -> Decimal:
    opening, deposits, withdrawals, closing = (amounts[n] for n in _BALANCE)
    return opening + deposits - withdrawals - closing  # type: ignore[operator]


def _cap_social_security(found: dict[str, FieldValue | None]) -> None:
    amount = _amount(found.get("social_security_wages"))
    year = found.get("tax_year")
    base = WAGE_BASE.get(year.value if year else 0, max(WAGE_BASE.values()))  # type: ignore[arg-type]
    if amount is not None and amount > base:
        found["social_security_wages"] = None


def _amount(value: FieldValue | None) -> Decimal | None:
    return None if value is None else to_decimal(value.value)
