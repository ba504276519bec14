"""Random but valid values of one borrower's documents: people, employers, pay stubs, statements.

Amounts are kept in integer cents so that every printed sum adds up to the cent.
"""

from __future__ import annotations

import calendar
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from loan_extractor.samples import pools

# pay periods per year and the length of one period in days (semi-monthly and monthly vary by month)
PERIODS = {"weekly": 52, "biweekly": 26, "semimonthly": 24, "monthly": 12}


@dataclass(frozen=True)
class Person:
    first: str
    initial: str
    last: str
    ssn: str  # full, fictitious (area 9xx is never issued); printed only, truth keeps the last four
    dob: date

    @property
    def name(self) -> str:
        """The name as every document of the loan prints it."""
        return " ".join(p for p in (self.first, self.initial, self.last) if p)


@dataclass(frozen=True)
class Employer:
    name: str
    street: str
    city_line: str
    ein: str


@dataclass
class SampleDoc:
    """One generated document: its type, the contract's normalised fields and print-only extras."""

    doc_type: str
    fields: dict[str, object]
    extras: dict[str, object] = field(default_factory=dict)


def money(cents: int) -> str:
    """Cents as the contract's money string: two decimals, no sign or separators."""
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"


def make_person(rng: random.Random, tax_year: int) -> Person:
    """A fictitious adult with an SSN and a date of birth (aged about 24 to 64)."""
    initial = rng.choice(pools.INITIALS) if rng.random() < 0.6 else ""
    ssn = f"9{rng.randint(0, 99):02d}-{rng.randint(10, 99)}-{rng.randint(1, 9999):04d}"
    dob = date(tax_year - rng.randint(23, 63), rng.randint(1, 12), rng.randint(1, 28))
    return Person(rng.choice(pools.FIRST_NAMES), initial, rng.choice(pools.LAST_NAMES), ssn, dob)


def make_employer(rng: random.Random, exclude: str = "") -> Employer:
    """A fictitious employer with an address and an EIN (NN-NNNNNNN)."""
    name = rng.choice([e for e in pools.EMPLOYERS if e != exclude])
    city, state, zip_code = rng.choice(pools.CITIES)
    street = f"{rng.randint(10, 9800)} {rng.choice(pools.STREETS)}"
    ein = f"{rng.randint(10, 98)}-{rng.randint(1000000, 9999999)}"
    return Employer(name, street, f"{city}, {state} {zip_code}", ein)


def pay_period(rng: random.Random, frequency: str, year: int) -> tuple[date, date, int]:
    """A period ending in February or March of `year`, and its number within the year (for YTD)."""
    month = rng.choice((2, 3))
    last_day = calendar.monthrange(year, month)[1]
    if frequency == "monthly":
        return date(year, month, 1), date(year, month, last_day), month
    if frequency == "semimonthly":
        # February's second half is 13 days long and would read as a biweekly period
        if month == 3 and rng.random() < 0.5:
            return date(year, 3, 16), date(year, 3, 31), 6
        return date(year, month, 1), date(year, month, 15), 2 * month - 1
    length = 7 if frequency == "weekly" else 14
    end = date(year, month, rng.randint(1, last_day))
    return end - timedelta(days=length - 1), end, -(-end.timetuple().tm_yday // length)


def make_pay_stub(rng: random.Random, name: str, employer: Employer, salary_cents: int, year: int) -> SampleDoc:
    """A pay stub whose gross pay annualises to `salary_cents`; deductions add up to gross - net."""
    frequency = rng.choice(tuple(PERIODS))
    start, end, number = pay_period(rng, frequency, year)
    gross = round(salary_cents / PERIODS[frequency])
    rates = {"Federal Income Tax": rng.uniform(0.08, 0.16), "Social Security": 0.062, "Medicare": 0.0145,
             "State Income Tax": rng.uniform(0.02, 0.05), "401(k)": rng.choice((0.0, 0.03, 0.05))}
    deductions = {k: round(gross * r) for k, r in rates.items() if r}
    net = gross - sum(deductions.values())
    fields = {
        "employee_name": name, "employer_name": employer.name,
        "pay_period_start": start.isoformat(), "pay_period_end": end.isoformat(),
        "pay_date": (end + timedelta(days=rng.randint(0, 6))).isoformat(),
        "gross_pay": money(gross), "net_pay": money(net), "ytd_gross": money(gross * number),
    }
    extras = {"frequency": frequency, "periods_to_date": number, "deductions": deductions, "employer": employer}
    return SampleDoc("pay_stub", fields, extras)


def make_bank_statement(rng: random.Random, name: str, net_pay_cents: int, year: int) -> SampleDoc:
    """A one-month statement whose opening + deposits - withdrawals equals the closing balance."""
    month = rng.choice((1, 2, 3))
    last_day = calendar.monthrange(year, month)[1]
    credits = [(date(year, month, d), "Payroll Deposit", net_pay_cents) for d in (1, 15)[: rng.randint(1, 2)]]
    if rng.random() < 0.5:
        credits.append((date(year, month, rng.randint(2, last_day)), "Transfer from Savings", rng.randint(200, 1500) * 100))
    debits = [(date(year, month, rng.randint(1, last_day)), payee, -rng.randint(1500, 45000))
              for payee in rng.sample(pools.PAYEES, rng.randint(4, 7))]
    transactions = sorted(credits + debits, key=lambda t: (t[0], t[1]))
    deposits = sum(a for _, _, a in transactions if a > 0)
    withdrawals = -sum(a for _, _, a in transactions if a < 0)
    opening = rng.randint(1500, 25000) * 100 + rng.randint(0, 99) + max(0, withdrawals - deposits)
    account = "".join(str(rng.randint(0, 9)) for _ in range(rng.choice((10, 12))))
    fields = {
        "account_holder": name, "bank_name": rng.choice(pools.BANKS), "account_number_last4": account[-4:],
        "statement_period_start": date(year, month, 1).isoformat(),
        "statement_period_end": date(year, month, last_day).isoformat(),
        "opening_balance": money(opening), "closing_balance": money(opening + deposits - withdrawals),
        "total_deposits": money(deposits), "total_withdrawals": money(withdrawals),
    }
    extras = {"account_number": account, "transactions": transactions, "opening_cents": opening}
    return SampleDoc("bank_statement", fields, extras)
