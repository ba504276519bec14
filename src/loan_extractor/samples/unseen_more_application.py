"""A third group of unseen development layouts of loan applications (only the `unseen` split draws them;
samples/variety.py).

Modelled on applications the other unseen layouts do not cover: a lender's application summary whose loan amount
and income sit in a table of amounts among others (price, down payment, monthly income and payment) under a row
of loan-term headings with their values below; and a continuation-sheet style printout listing every answer as a
row of section, item and response.
"""

from __future__ import annotations

from loan_extractor.samples.draw import MARGIN, WIDTH, Page
from loan_extractor.samples.layout_application import PURPOSES, _ssn
from loan_extractor.samples.unseen_pay_stub import _cents
from loan_extractor.samples.values import SampleDoc
from loan_extractor.samples.variety_pay_stub import pick

CONTENT = WIDTH - 2 * MARGIN
AMOUNT_ROWS = (("Purchase Price / Estimated Value", "Loan Amount", "Down Payment / Equity",
                "Monthly Principal & Interest", "Gross Monthly Income", "Annual Income"),
               ("Sales Price", "Base Loan Amount", "Cash from Borrower", "Est. Monthly Payment", "Monthly Income",
                "Total Annual Income"),
               ("Estimated Property Value", "Requested Loan Amount", "Down Payment", "Monthly Payment (P&I)",
                "Base Monthly Income", "Gross Annual Income"),
               ("Purchase Price", "Loan Amount Requested", "Down Payment", "Principal & Interest",
                "Monthly Gross Income", "Yearly Income"))


def _payment(amount_cents: int, rate: str, months: int) -> int:
    monthly = float(rate) / 1200
    return round(amount_cents * monthly / (1 - (1 + monthly) ** -months))


def amounts_summary(page: Page, doc: SampleDoc) -> None:
    """The applicant's particulars as several label: value pairs per line, a row of loan-term headings (type,
    purpose, term, rate) with the values under them, and a table of amounts holding the loan amount and the annual
    income among the price, the down payment and monthly figures."""
    f, s = doc.fields, page.style
    v = s.variant
    page.text(MARGIN, 56, pick(("Mortgage Application Summary", "Loan Application Summary", "Application Summary",
                                "Residential Mortgage Application"), v), 15, bold=True)
    page.text(WIDTH - MARGIN, 56, f"Application No. {_cents(f['loan_amount']) % 9_000_000 + 1_000_000}", 8, right=True)
    page.rule(64)
    page.text(MARGIN, 84, "Applicant Information", 10.5, bold=True)
    page.text(MARGIN, 102, f"Applicant: {f['applicant_name']}", 10)
    page.text(MARGIN + 300, 102, f"SSN: {_ssn(page, doc)}", 10)
    page.text(MARGIN, 118, f"{s.date_label('Date of Birth')}: {s.date(str(f['date_of_birth']))}", 10)
    page.text(MARGIN + 300, 118, "Marital Status: Unmarried", 10)
    page.text(MARGIN, 134, f"{pick(('Employer', 'Employed by', 'Current Employer', 'Employer'), v)}: "
                           f"{f['employer_name']}", 10)
    page.text(MARGIN, 150, f"Subject Property: {f['property_address']}", 10)
    page.text(MARGIN, 180, "Loan Terms", 10.5, bold=True)
    headings = ("Loan Type", pick(("Loan Purpose", "Purpose", "Purpose of Loan", "Purpose"), v),
                pick(("Term (months)", "Loan Term (months)", "Amortization (months)", "Term (months)"), v),
                pick(("Interest Rate", "Note Rate", "Rate", "Interest Rate"), v))
    values = ("Conventional", dict(PURPOSES)[str(f["loan_purpose"])], str(f["loan_term_months"]),
              f"{f['interest_rate']}%")
    width = CONTENT / 4
    for column, (heading, value) in enumerate(zip(headings, values)):
        page.text(MARGIN + column * width, 198, heading, 8.5, bold=True)
        page.text(MARGIN + column * width, 214, value, 10)
    page.rule(220, width=0.4)
    loan, income = _cents(f["loan_amount"]), _cents(f["annual_income"])
    price = -(-loan * 100 // (80 if v % 2 == 0 else 90) // 100_000) * 100_000
    amounts = (price, loan, price - loan, _payment(loan, str(f["interest_rate"]), int(f["loan_term_months"])),
               income // 12, income)
    page.text(MARGIN, 248, pick(("Amounts", "Financial Summary", "Loan and Income Summary", "Amounts"), v), 10.5,
              bold=True)
    page.text(MARGIN, 266, "Description", 8.5, bold=True)
    page.text(MARGIN + 330, 266, "Amount", 8.5, bold=True, right=True)
    page.rule(270, MARGIN, MARGIN + 330, 0.5)
    for row, (label, cents) in enumerate(zip(AMOUNT_ROWS[v], amounts)):
        page.text(MARGIN, 284 + row * 15, label, 9.5)
        page.text(MARGIN + 330, 284 + row * 15, s.money(cents), 9.5, right=True)


CONTINUATION_ITEMS = (("Borrower Name", "Name", "Borrower's Name", "Full Name"),
                      ("Social Security Number", "SSN", "Social Security Number", "Social Security No."),
                      ("Date of Birth", "Birth Date", "Date of Birth", "DOB"),
                      ("Employer or Business Name", "Employer Name", "Employer", "Name of Employer"),
                      ("Gross Annual Income", "Annual Income", "Total Annual Income", "Yearly Income"),
                      ("Loan Amount", "Loan Amount", "Amount of Loan", "Loan Amount"),
                      ("Loan Purpose", "Purpose of Loan", "Loan Purpose", "Purpose"),
                      ("Loan Term (months)", "Term in Months", "Loan Term (months)", "No. of Months"),
                      ("Interest Rate", "Note Rate", "Interest Rate", "Rate"),
                      ("Property Address", "Subject Property Address", "Property Address", "Property Address"))


def continuation_rows(page: Page, doc: SampleDoc) -> None:
    """A continuation-sheet printout: three columns (section, item, response) with one row per answer, the
    borrower named again in the sheet's header line."""
    f, s = doc.fields, page.style
    v = s.variant
    page.text(MARGIN, 54, "Uniform Residential Loan Application", 9)
    page.text(MARGIN, 72, pick(("Continuation Sheet", "Continuation Sheet - Application Data",
                                "Application Continuation Sheet", "Continuation Sheet"), v), 14, bold=True)
    page.text(MARGIN, 90, "Use this continuation sheet if you need more space to complete the application.", 8)
    if v % 2:
        page.text(MARGIN, 110, f"Borrower: {f['applicant_name']}", 9.5)
    purpose = dict(PURPOSES)[str(f["loan_purpose"])]
    responses = (str(f["applicant_name"]), _ssn(page, doc), s.date(str(f["date_of_birth"])), str(f["employer_name"]),
                 s.money(str(f["annual_income"])), s.money(str(f["loan_amount"])), purpose,
                 str(f["loan_term_months"]), f"{f['interest_rate']}%", str(f["property_address"]))
    sections = ("1a", "1a", "1a", "1b", "1b", "4a", "4a", "4a", "4a", "4a")
    y = 140.0
    page.text(MARGIN + 4, y, "Section", 9, bold=True)
    page.text(MARGIN + 60, y, "Item", 9, bold=True)
    page.text(MARGIN + 230, y, "Response", 9, bold=True)
    page.rule(y + 5, width=0.8)
    for row, (section, items, response) in enumerate(zip(sections, CONTINUATION_ITEMS, responses)):
        y += 20
        item = pick(items, v)
        page.text(MARGIN + 4, y, section, 9.5)
        page.text(MARGIN + 60, y, s.date_label(item) if row == 2 else item, 9.5)
        page.text(MARGIN + 230, y, response, 9.5)
        page.rule(y + 6, width=0.3)
    page.text(MARGIN, y + 40, "Borrower Signature ______________________________   Date ____________", 9)


LAYOUTS = {"amounts_summary": amounts_summary, "continuation_rows": continuation_rows}
