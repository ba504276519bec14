"""Field values in their normal form (the contract's strings) read back as numbers and dates.

Kept apart from the pandera schemas so that the anomaly rules and the flow's start do not import
pandera and pandas (about 0.7 s before every deployed flow run could begin).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any


def to_decimal(value: Any) -> Decimal | None:
    """A money or percent string as a Decimal; None when null or unreadable."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def to_date(value: Any) -> date | None:
    """An ISO date string as a date; None when null or unreadable."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value is not None else None
    except ValueError:
        return None


def age_on(born: date | None, today: date) -> int | None:
    """Whole years of age on `today`; None without a birth date."""
    if born is None:
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
