"""Loan application layouts: a sectioned URLA-style form with a checkbox row, and a short form."""

from __future__ import annotations

from loan_extractor.samples.draw import MARGIN, WIDTH, Page
from loan_extractor.samples.values import SampleDoc

PURPOSES = (("purchase", "Purchase"), ("refinance", "Refinance"), ("cash_out_refinance", "Cash-Out Refinance"),
            ("construction", "Construction"), ("other", "Other"))


def sectioned(page: Page, doc: SampleDoc) -> None:
    """URLA-like sections: borrower, employment and income, loan and property."""
    f, s = doc.fields, page.style
    page.text(MARGIN, 64, "Uniform Residential Loan Application", 16, bold=True)
    page.rule(76)
    _section(page, 100, "Section 1: Borrower Information")
    page.pair(MARGIN, 124, "Borrower Name", str(f["applicant_name"]), 150)
    page.pair(MARGIN, 144, "Social Security Number", _ssn(page, doc), 150)
    page.pair(MARGIN, 164, "Date of Birth", s.date(str(f["date_of_birth"])), 150)
    _section(page, 200, "Section 2: Employment and Income")
    page.pair(MARGIN, 224, ("Employer Name", "Employer")[s.variant], str(f["employer_name"]), 150)
    page.pair(MARGIN, 244, "Gross Annual Income", s.money(str(f["annual_income"])), 150)
    _section(page, 280, "Section 3: Loan and Property Information")
    page.pair(MARGIN, 304, "Loan Amount", s.money(str(f["loan_amount"])), 150)
    page.text(MARGIN, 328, "Loan Purpose:", bold=True)
    boxes = "  ".join(f"[{'X' if key == f['loan_purpose'] else ' '}] {label}" for key, label in PURPOSES)
    page.text(MARGIN + 90, 328, boxes, 10)
    page.pair(MARGIN, 352, "Property Address", str(f["property_address"]), 150)
    page.pair(MARGIN, 372, "Loan Term", f"{f['loan_term_months']} months", 150)
    page.pair(MARGIN, 392, "Interest Rate", f"{f['interest_rate']}%", 150)
    page.text(MARGIN, 440, "I certify that the information provided in this application is true and correct.", 9)
    page.rule(490, MARGIN, MARGIN + 220, 0.6)
    page.text(MARGIN, 502, "Borrower Signature", 8)


def short_form(page: Page, doc: SampleDoc) -> None:
    """A one-column `Label: value` form with the purpose printed as a word."""
    f, s = doc.fields, page.style
    page.text(MARGIN, 66, "Loan Application", 18, bold=True)
    page.text(WIDTH - MARGIN, 66, "Consumer Lending", 10, right=True)
    page.rule(80)
    purpose = dict(PURPOSES)[str(f["loan_purpose"])]
    lines = [
        ("Applicant Name", str(f["applicant_name"])),
        ("SSN", _ssn(page, doc)),
        ("DOB", s.date(str(f["date_of_birth"]))),
        ("Employer", str(f["employer_name"])),
        ("Annual Income", s.money(str(f["annual_income"]))),
        ("Property Address", str(f["property_address"])),
        ("Loan Amount", s.money(str(f["loan_amount"]))),
        ("Loan Purpose", purpose),
        ("Term (months)", str(f["loan_term_months"])),
        ("Interest Rate", f"{f['interest_rate']}%"),
    ]
    for number, (label, value) in enumerate(lines):
        page.pair(MARGIN, 110 + number * 24, label, value, 140, size=11)


def _section(page: Page, y: float, title: str) -> None:
    page.text(MARGIN, y, title, 12, bold=True)
    page.rule(y + 5, width=0.5)


def _ssn(page: Page, doc: SampleDoc) -> str:
    ssn = str(doc.extras["ssn"])
    return "XXX-XX-" + ssn[-4:] if page.style.variant else ssn


LAYOUTS = {"sectioned": sectioned, "short_form": short_form}
