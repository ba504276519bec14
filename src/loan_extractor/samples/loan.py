"""The four documents of one loan, consistent or with one planted inconsistency."""

from __future__ import annotations

import random
from dataclasses import replace

from loan_extractor.samples import pools
from loan_extractor.samples.values import (
    Employer,
    Person,
    SampleDoc,
    make_bank_statement,
    make_employer,
    make_pay_stub,
    make_person,
    money,
)

PLANTED_KINDS = ("income_mismatch", "name_mismatch", "employer_mismatch", "ssn_mismatch")

# which documents a planted inconsistency flags (the cross-document conventions)
FLAGGED = {
    "income_mismatch": ("loan_application", "w2", "pay_stub"),
    "name_mismatch": ("loan_application", "pay_stub"),
    "employer_mismatch": ("loan_application", "pay_stub", "w2"),
    "ssn_mismatch": ("loan_application", "w2"),
}


def make_w2(rng: random.Random, person: Person, employer: Employer, wages_cents: int, tax_year: int) -> SampleDoc:
    """A W-2: box 1 wages; boxes 3 and 5 add back a pre-tax deferral; box 2 below box 1."""
    deferral = round(wages_cents * rng.choice((0.0, 0.02, 0.04, 0.06)))
    medicare = wages_cents + deferral
    social = min(medicare, 16_860_000)  # below every recent social security wage base
    withheld = round(wages_cents * rng.uniform(0.08, 0.18))
    fields = {
        "employee_name": person.name, "employer_name": employer.name, "employer_ein": employer.ein,
        "employee_ssn_last4": person.ssn[-4:], "tax_year": tax_year, "wages": money(wages_cents),
        "federal_income_tax_withheld": money(withheld), "social_security_wages": money(social),
        "medicare_wages": money(medicare),
    }
    extras = {"ssn": person.ssn, "employer": employer, "first": f"{person.first} {person.initial}".strip(),
              "last": person.last, "ss_tax": round(social * 0.062), "medicare_tax": round(medicare * 0.0145)}
    return SampleDoc("w2", fields, extras)


def make_application(rng: random.Random, person: Person, employer: Employer, income_cents: int,
                     salary_cents: int) -> SampleDoc:
    """A loan application: an amount of 2.5 to 4.5 times the salary, a purpose, a term, a rate."""
    city, state, zip_code = rng.choice(pools.CITIES)
    address = f"{rng.randint(10, 9800)} {rng.choice(pools.STREETS)}, {city}, {state} {zip_code}"
    rate = f"{rng.randint(4, 8)}.{rng.choice(('125', '375', '625', '875'))}"
    fields = {
        "applicant_name": person.name, "applicant_ssn_last4": person.ssn[-4:],
        "date_of_birth": person.dob.isoformat(), "property_address": address,
        "loan_amount": money(int(round(salary_cents * rng.uniform(2.5, 4.5), -5))),
        "loan_purpose": rng.choice(("purchase", "purchase", "refinance", "cash_out_refinance", "construction")),
        "loan_term_months": rng.choice((120, 180, 240, 360)), "interest_rate": rate,
        "annual_income": money(income_cents), "employer_name": employer.name,
    }
    return SampleDoc("loan_application", fields, {"ssn": person.ssn})


def make_loan(rng: random.Random, planted: str | None, tax_year: int) -> dict[str, SampleDoc]:
    """The four documents of one loan; `planted` names one inconsistency (or None for a clean loan)."""
    person = make_person(rng, tax_year)
    employer = make_employer(rng)
    salary = rng.randint(420, 1500) * 100_00  # whole hundreds of dollars
    wages = round(salary * rng.uniform(0.985, 1.0))  # last year's box 1: within 1.5 % of today's salary
    stub_name = _other_person(rng, person, tax_year).name if planted == "name_mismatch" else person.name
    w2_person = _other_ssn(rng, person) if planted == "ssn_mismatch" else person
    w2_employer = make_employer(rng, exclude=employer.name) if planted == "employer_mismatch" else employer
    income = int(round(salary * rng.uniform(1.5, 1.9), -4)) if planted == "income_mismatch" else salary
    stub = make_pay_stub(rng, stub_name, employer, salary, tax_year + 1)
    return {
        "pay_stub": stub,
        "bank_statement": make_bank_statement(rng, person.name, _net_cents(stub), tax_year + 1),
        "w2": make_w2(rng, w2_person, w2_employer, wages, tax_year),
        "loan_application": make_application(rng, person, employer, income, salary),
    }


def _other_person(rng: random.Random, person: Person, tax_year: int) -> Person:
    while True:
        other = make_person(rng, tax_year)
        if other.first != person.first and other.last != person.last:
            return other


def _other_ssn(rng: random.Random, person: Person) -> Person:
    while True:
        last4 = f"{rng.randint(1, 9999):04d}"
        if last4 != person.ssn[-4:]:
            return replace(person, ssn=person.ssn[:-4] + last4)


def _net_cents(stub: SampleDoc) -> int:
    whole, cents = str(stub.fields["net_pay"]).split(".")
    return int(whole) * 100 + int(cents)
