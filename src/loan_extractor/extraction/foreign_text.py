"""Text of papers that turn up in loan packages but are none of the four types: the `unknown` class.

Several of them share words with the supported types on purpose (a letter asking for "your most
recent pay stub", a utility bill with an account number and a previous balance, a 1099 with
boxes): the classifier has to learn what a document is, not which keyword it contains.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from loan_extractor.samples import pools

STATES = ("OHIO", "TEXAS", "COLORADO", "MAINE", "WASHINGTON", "ILLINOIS", "NORTH CAROLINA", "WISCONSIN")


def _name(rng: random.Random) -> str:
    return f"{rng.choice(pools.FIRST_NAMES)} {rng.choice(pools.INITIALS)} {rng.choice(pools.LAST_NAMES)}"


def _address(rng: random.Random) -> str:
    city, state, zip_code = rng.choice(pools.CITIES)
    return f"{rng.randint(10, 9800)} {rng.choice(pools.STREETS)}, {city}, {state} {zip_code}"


def _date(rng: random.Random) -> str:
    return f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/{rng.randint(2018, 2031)}"


def _amount(rng: random.Random, low: int = 20, high: int = 5000) -> str:
    return f"${rng.randint(low, high):,}.{rng.randint(0, 99):02d}"


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def licence(rng: random.Random) -> list[str]:
    """A driver's licence or state ID card."""
    title = rng.choice(("DRIVER LICENSE", "DRIVER'S LICENSE", "IDENTIFICATION CARD", "COMMERCIAL DRIVER LICENSE"))
    return [f"STATE OF {rng.choice(STATES)}", title, f"DL {_digits(rng, 9)}  CLASS {rng.choice('ABCDM')}",
            f"DOB {_date(rng)}  EXP {_date(rng)}", f"ISS {_date(rng)}", _name(rng).upper(), _address(rng).upper(),
            f"SEX {rng.choice('FM')}  HGT 5-{rng.randint(0, 11):02d}  EYES {rng.choice(('BRN', 'BLU', 'GRN'))}",
            "RESTR NONE  END NONE", rng.choice(("DONOR", "VETERAN", "REAL ID"))]


def cheque(rng: random.Random) -> list[str]:
    """A personal cheque with its MICR line."""
    return [_name(rng), _address(rng), f"No. {rng.randint(100, 9999)}", f"Date {_date(rng)}",
            f"Pay to the order of {rng.choice(pools.EMPLOYERS + pools.PAYEES)}  {_amount(rng)}",
            f"{rng.choice(('One', 'Two', 'Five', 'Twelve'))} hundred {rng.choice(('ten', 'forty', 'sixty'))}"
            " and 00/100 Dollars", rng.choice(pools.BANKS), f"Memo {rng.choice(('rent', 'deposit', 'invoice 17'))}",
            f"C{_digits(rng, 9)}C {_digits(rng, 10)} {rng.randint(100, 9999)}"]


def insurance(rng: random.Random) -> list[str]:
    """Homeowners or auto insurance declarations."""
    kind = rng.choice(("Homeowners Policy Declarations", "Auto Insurance Declarations Page",
                       "Certificate of Insurance", "Evidence of Property Insurance"))
    return [rng.choice(("Silverline Insurance Co", "Keystone Mutual", "Harborline Casualty")), kind,
            f"Policy Number: HO-{_digits(rng, 7)}", f"Named Insured: {_name(rng)}",
            f"Policy Period: {_date(rng)} to {_date(rng)}", f"Insured Location: {_address(rng)}",
            f"Coverage A Dwelling {_amount(rng, 150000, 900000)}", f"Coverage E Personal Liability {_amount(rng)}",
            f"Deductible: {_amount(rng, 500, 2500)}", f"Annual Premium: {_amount(rng, 600, 4000)}",
            f"Mortgagee: {rng.choice(pools.BANKS)} ISAOA", "Agent: Riverside Insurance Agency"]


def health_card(rng: random.Random) -> list[str]:
    """A health insurance member card or claim form."""
    return [rng.choice(("Member Health Plan", "Health Insurance Claim Form", "Explanation of Benefits")),
            f"Member: {_name(rng)}", f"Member ID {_digits(rng, 10)}", f"Group No. {_digits(rng, 6)}",
            f"RxBIN {_digits(rng, 6)}  RxPCN ADV", f"Copay Office {_amount(rng, 10, 50)}",
            f"Date of Service {_date(rng)}", f"Amount Billed {_amount(rng)}", f"Patient Responsibility {_amount(rng)}"]


def letter(rng: random.Random) -> list[str]:
    """A letter; some mention the supported documents in prose, which must not make them one."""
    asks = ("Please send us your most recent pay stub and two months of bank statements.",
            "We received your loan application and will review it within five business days.",
            "Your W-2 and earnings statement were not legible; please upload clearer copies.",
            "This letter confirms that the employee has worked here since 2019 in good standing.",
            "Your appointment is scheduled for Tuesday morning; please bring your insurance card.",
            "Thank you for your payment. Your account is now current and no action is needed.")
    body = rng.sample(asks, 2)
    return [rng.choice(pools.BANKS + pools.EMPLOYERS), _address(rng), _date(rng), f"Dear {_name(rng)},",
            *body, "If you have any questions, please call us at the number below.",
            rng.choice(("Sincerely,", "Kind regards,", "Best regards,")), _name(rng)]


def utility_bill(rng: random.Random) -> list[str]:
    """An electricity, water or phone bill."""
    return [rng.choice(("City Utilities", "Northern Power and Light", "Metro Water Authority", "Cellular One")),
            f"Account Number {_digits(rng, 10)}", f"Service Address {_address(rng)}",
            f"Billing Period {_date(rng)} - {_date(rng)}", f"Previous Balance {_amount(rng, 20, 300)}",
            f"Payment Received Thank You {_amount(rng, 20, 300)}", f"Electric Usage {rng.randint(200, 1400)} kWh",
            f"Current Charges {_amount(rng, 20, 300)}", f"Amount Due {_amount(rng, 20, 300)}",
            f"Due Date {_date(rng)}"]


def invoice(rng: random.Random) -> list[str]:
    """A trade invoice or receipt."""
    items = [f"{rng.choice(('Lumber', 'Paint', 'Labor', 'Tile', 'Fixtures'))} {rng.randint(1, 40)}"
             f" {_amount(rng, 5, 200)} {_amount(rng)}" for _ in range(rng.randint(2, 5))]
    return [rng.choice(("INVOICE", "Receipt", "Sales Receipt")), f"Invoice No. {_digits(rng, 6)}",
            f"Bill To: {_name(rng)}", _address(rng), "Description Qty Unit Price Amount", *items,
            f"Subtotal {_amount(rng)}", f"Sales Tax {_amount(rng, 5, 300)}", f"Total Due {_amount(rng)}",
            "Thank you for your business"]


def tax_1099(rng: random.Random) -> list[str]:
    """A 1099: a tax form with boxes, but not a W-2."""
    kind = rng.choice((("1099-NEC", "Nonemployee Compensation", "1 Nonemployee compensation"),
                       ("1099-INT", "Interest Income", "1 Interest income"),
                       ("1099-MISC", "Miscellaneous Information", "3 Other income")))
    return [f"Form {kind[0]}  {kind[1]}", f"PAYER'S name, street address {rng.choice(pools.EMPLOYERS)}",
            f"PAYER'S TIN {rng.randint(10, 98)}-{_digits(rng, 7)}", f"RECIPIENT'S TIN XXX-XX-{_digits(rng, 4)}",
            f"RECIPIENT'S name {_name(rng)}", f"{kind[2]} {_amount(rng)}", f"4 Federal income tax withheld {_amount(rng)}",
            "Copy B For Recipient", "This is important tax information and is being furnished to the IRS."]


def fax_cover(rng: random.Random) -> list[str]:
    """A fax or document cover sheet."""
    return ["FAX COVER SHEET", f"To: {_name(rng)}", f"From: {_name(rng)}", f"Date: {_date(rng)}",
            f"Pages: {rng.randint(2, 12)} including cover", "Re: requested documents",
            "CONFIDENTIALITY NOTICE: the documents accompanying this transmission contain confidential information."]


def lease(rng: random.Random) -> list[str]:
    """A residential lease."""
    return ["RESIDENTIAL LEASE AGREEMENT", f"This Lease is made on {_date(rng)} between {_name(rng)} (Landlord)",
            f"and {_name(rng)} (Tenant) for the premises at {_address(rng)}.",
            f"1. TERM. The term of this lease is {rng.choice((6, 12, 24))} months.",
            f"2. RENT. Tenant shall pay monthly rent of {_amount(rng, 800, 3500)} on the first day of each month.",
            f"3. SECURITY DEPOSIT. Tenant shall deposit {_amount(rng, 800, 3500)} with the Landlord.",
            "4. UTILITIES. Tenant is responsible for all utilities.", "Landlord Signature  Tenant Signature"]


DOCUMENT_NAMES = ("Pay Stub", "Earnings Statement", "Bank Statement", "Account Statement", "W-2", "Form W-2",
                  "Loan Application", "Mortgage Application", "Payroll Statement", "Wage and Tax Statement")
NOTICE_SENTENCES = (
    "We have not yet received the {doc} you mentioned on the phone.",
    "The {doc} is usually issued at the end of each month by the sender.",
    "A copy of the {doc} will be mailed to the address on file.",
    "Electronic copies of the {doc} can be downloaded from the online portal.",
    "If the {doc} is missing pages, the underwriter will ask for a complete copy.",
    "Please do not write on the {doc} before scanning it.",
    "This page was inserted in place of a {doc} that could not be found.",
    "Questions about this notice may be directed to customer service during business hours.",
)


def notice(rng: random.Random) -> list[str]:
    """A short notice headed by a document's name, about that document: prose, no figures."""
    doc = rng.choice(DOCUMENT_NAMES)
    heading = rng.choice((doc, f"Re: {doc}", f"{doc} Request", f"About your {doc}", f"Missing {doc}"))
    sentences = [line.format(doc=doc.lower() if rng.random() < 0.5 else doc) for line in NOTICE_SENTENCES]
    return [heading, *rng.sample(sentences, rng.randint(1, 3))]


TEMPLATES: dict[str, Callable[[random.Random], list[str]]] = {
    "notice": notice,
    "licence": licence, "cheque": cheque, "insurance": insurance, "health_card": health_card, "letter": letter,
    "utility_bill": utility_bill, "invoice": invoice, "tax_1099": tax_1099, "fax_cover": fax_cover, "lease": lease,
}
