"""More loan application layouts: a boxed form with drawn checkboxes (used by tests), a table (held out)."""

from __future__ import annotations

from loan_extractor.samples.draw import HEIGHT, MARGIN, WIDTH, Page
from loan_extractor.samples.layout_application import PURPOSES, _ssn
from loan_extractor.samples.values import SampleDoc
from loan_extractor.samples.variety_pay_stub import pick

NAME = ("Name (First, Middle, Last)", "Borrower", "Applicant", "Full Name")
INCOME = ("Annual Base Income", "Yearly Income", "Total Annual Income", "Income (per year)")
EMPLOYER = ("Current Employer", "Employed by", "Employer Name", "Name of Employer")


def checkbox(page: Page, x: float, y: float, ticked: bool, label: str) -> float:
    """A drawn square, crossed when ticked, and its label; returns the x after it."""
    c = page.canvas
    c.setLineWidth(0.8)
    c.rect(x, HEIGHT - y, 9, 9)
    if ticked:
        c.line(x + 1.5, HEIGHT - y + 1.5, x + 7.5, HEIGHT - y + 7.5)
        c.line(x + 1.5, HEIGHT - y + 7.5, x + 7.5, HEIGHT - y + 1.5)
    page.text(x + 13, y - 1, label, 9.5)
    return x + 13 + c.stringWidth(label, page._font(False), 9.5) + 16


def checkbox_form(page: Page, doc: SampleDoc) -> None:
    """Boxes in rows; the purpose as a row of drawn checkboxes inside one box."""
    f, s = doc.fields, page.style
    page.text(MARGIN, 60, "Residential Loan Application", 16, bold=True)
    full = WIDTH - 2 * MARGIN
    third = full / 3
    page.box(MARGIN, 76, full, 38, pick(NAME, s.variant), str(f["applicant_name"]))
    page.box(MARGIN, 114, third, 38, "Social Security Number", _ssn(page, doc))
    page.box(MARGIN + third, 114, third, 38, s.date_label("Date of Birth"), s.date(str(f["date_of_birth"])))
    page.box(MARGIN + 2 * third, 114, third, 38, pick(INCOME, s.variant), s.money(str(f["annual_income"])))
    page.box(MARGIN, 152, full, 38, pick(EMPLOYER, s.variant), str(f["employer_name"]))
    page.box(MARGIN, 190, full, 38, "Subject Property Address", str(f["property_address"]))
    page.box(MARGIN, 228, third, 38, "Loan Amount", s.money(str(f["loan_amount"])))
    page.box(MARGIN + third, 228, third, 38, "Amortization Term (months)", str(f["loan_term_months"]))
    page.box(MARGIN + 2 * third, 228, third, 38, "Note Rate (%)", str(f["interest_rate"]))
    page.box(MARGIN, 266, full, 40, "Loan Purpose")
    x = MARGIN + 8
    for key, label in PURPOSES:
        x = checkbox(page, x, 296, key == f["loan_purpose"], label)


def request_table(page: Page, doc: SampleDoc) -> None:
    """A two-column request table; the term in years and months, the purpose as a word."""
    f, s = doc.fields, page.style
    page.text(MARGIN, 64, "Mortgage Loan Request", 18, bold=True)
    page.rule(76, width=1.2)
    months = int(str(f["loan_term_months"]))
    rows = [["Item", "Details"],
            [pick(NAME, s.variant + 1), str(f["applicant_name"])],
            ["Taxpayer ID", _ssn(page, doc)],
            [s.date_label("Birth Date"), s.date(str(f["date_of_birth"]))],
            [pick(EMPLOYER, s.variant + 1), str(f["employer_name"])],
            [pick(INCOME, s.variant + 1), s.money(str(f["annual_income"]))],
            ["Requested Amount", s.money(str(f["loan_amount"]))],
            ["Purpose of Loan", dict(PURPOSES)[str(f["loan_purpose"])]],
            ["Term", f"{months // 12} years ({months} months)"],
            ["Rate", f"{f['interest_rate']} %"],
            ["Property", str(f["property_address"])]]
    page.table(MARGIN, 104, [170, 330], rows, line=22, left_cols=2)


TRAIN = {"checkbox_form": checkbox_form}
HELD_OUT = {"request_table": request_table}
