"""Documents of none of the four types that still carry names, dates and amounts: a driver's licence,
a cheque and an insurance form. The extractor must call them `unknown` and invent no field from them."""

from __future__ import annotations

import random
from datetime import date, timedelta

from loan_extractor.samples import pools
from loan_extractor.samples.draw import MARGIN, WIDTH, Page
from loan_extractor.samples.values import SampleDoc

KINDS = ("drivers_licence", "cheque", "insurance_form")


def make_foreign(rng: random.Random, kind: str, name: str, year: int) -> SampleDoc:
    """A foreign document's printed values; its truth is `unknown` with no fields."""
    city, state, zip_code = rng.choice(pools.CITIES)
    extras = {
        "kind": kind, "name": name, "address": f"{rng.randint(10, 9800)} {rng.choice(pools.STREETS)}",
        "city_line": f"{city}, {state} {zip_code}", "state": state,
        "dob": date(year - rng.randint(25, 60), rng.randint(1, 12), rng.randint(1, 28)),
        "issued": date(year - rng.randint(0, 4), rng.randint(1, 12), rng.randint(1, 28)),
        "number": f"{rng.choice('ABDFKMS')}{rng.randint(1000000, 9999999)}",
        "amount_cents": rng.randint(2000, 250000), "payee": rng.choice(pools.EMPLOYERS),
        "bank": rng.choice(pools.BANKS),
    }
    return SampleDoc("unknown", {}, extras)


def drivers_licence(page: Page, doc: SampleDoc) -> None:
    """A licence card drawn large: state header, number, name, address, dates of birth and expiry."""
    x, s = doc.extras, page.style
    page.box(MARGIN, 60, 380, 240, "")
    page.text(MARGIN + 14, 86, f"{x['state']} DRIVER LICENSE", 16, bold=True)
    issued: date = x["issued"]  # type: ignore[assignment]
    rows = (("DL", str(x["number"])), ("NAME", str(x["name"])), ("ADDRESS", str(x["address"])),
            ("", str(x["city_line"])), ("DOB", s.date(x["dob"].isoformat())),  # type: ignore[attr-defined]
            ("ISS", s.date(issued.isoformat())), ("EXP", s.date(issued.replace(year=issued.year + 8).isoformat())),
            ("CLASS", "C    SEX F    HGT 5-06"))
    for number, (label, value) in enumerate(rows):
        page.text(MARGIN + 14, 116 + number * 22, label, 8, bold=True)
        page.text(MARGIN + 80, 116 + number * 22, value, 11)


def cheque(page: Page, doc: SampleDoc) -> None:
    """A personal cheque: drawer, date, payee, amount in figures and words, bank, memo."""
    x, s = doc.extras, page.style
    page.box(MARGIN, 60, WIDTH - 2 * MARGIN, 200, "")
    page.text(MARGIN + 12, 84, str(x["name"]), 11, bold=True)
    page.text(MARGIN + 12, 98, f"{x['address']}, {x['city_line']}", 8.5)
    page.text(WIDTH - MARGIN - 12, 84, f"No. {int(x['amount_cents']) % 9000 + 1000}", 10, right=True)
    page.text(WIDTH - MARGIN - 170, 118, f"Date {s.date(x['issued'].isoformat())}", 10.5)  # type: ignore[attr-defined]
    page.text(MARGIN + 12, 150, f"Pay to the order of  {x['payee']}", 11)
    page.text(WIDTH - MARGIN - 12, 150, s.money(int(x["amount_cents"])), 12, bold=True, right=True)
    dollars, cents = divmod(int(x["amount_cents"]), 100)
    page.text(MARGIN + 12, 176, f"{dollars:,} dollars and {cents:02d}/100", 10.5)
    page.text(MARGIN + 12, 206, str(x["bank"]), 9.5, bold=True)
    page.text(MARGIN + 12, 236, "Memo  rent", 9.5)
    page.text(WIDTH - MARGIN - 200, 236, "Signature ____________________", 9.5)


def insurance_form(page: Page, doc: SampleDoc) -> None:
    """An auto insurance declarations page: insured, policy number, period, premium, vehicle."""
    x, s = doc.extras, page.style
    issued: date = x["issued"]  # type: ignore[assignment]
    page.text(MARGIN, 66, "Automobile Insurance Declarations", 16, bold=True)
    page.rule(78)
    lines = (("Named Insured", str(x["name"])), ("Mailing Address", f"{x['address']}, {x['city_line']}"),
             ("Policy Number", f"AUT-{x['number']}"), ("Policy Period", f"{s.date(issued.isoformat())} - "
              f"{s.date((issued + timedelta(days=182)).isoformat())}"),
             ("Date of Birth", s.date(x["dob"].isoformat())),  # type: ignore[attr-defined]
             ("Six-Month Premium", s.money(int(x["amount_cents"]))), ("Deductible", s.money(50000)),
             ("Vehicle", "2019 Compact Sedan  VIN 1HGCM82633A004352"), ("Agent", str(x["payee"])))
    for number, (label, value) in enumerate(lines):
        page.pair(MARGIN, 106 + number * 22, label, value, 150)


LAYOUTS = {"drivers_licence": drivers_licence, "cheque": cheque, "insurance_form": insurance_form}
