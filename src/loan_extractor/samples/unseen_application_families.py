"""More unseen development layouts of loan applications: only the `unseen` split draws them (samples/variety.py).

A lender's numbered form whose sub-labels ("1a. Borrower Name") sit above the values in ruled cells, the dollar
sign in a cell of its own and the purpose as filled squares; an online application's printout with "Field: value"
lines in two columns under a browser header and footer; and a credit union's grid whose label row sits above a
row of values, the purpose marked by an X in the chosen cell of a row of choices.
"""

from __future__ import annotations

from loan_extractor.samples.draw import HEIGHT, MARGIN, WIDTH, Page
from loan_extractor.samples.layout_application import PURPOSES, _ssn
from loan_extractor.samples.provider_pay_stub import mailing_address
from loan_extractor.samples.values import SampleDoc
from loan_extractor.samples.variety_pay_stub import pick


def _square(page: Page, x: float, y: float, chosen: bool, label: str, size: float = 9) -> float:
    """A drawn square, filled when chosen, and its label; returns the x after it."""
    c = page.canvas
    c.setLineWidth(0.8)
    c.rect(x, HEIGHT - y, 8.5, 8.5, stroke=1, fill=1 if chosen else 0)
    page.text(x + 13, y - 0.5, label, size)
    return x + 13 + c.stringWidth(label, page._font(False), size) + 16


def _cell(page: Page, x: float, y: float, w: float, label: str, value: str = "", h: float = 34) -> None:
    """A ruled cell: a numbered sub-label at its top and the value under it."""
    page.canvas.setLineWidth(0.6)
    page.canvas.rect(x, HEIGHT - y - h, w, h)
    page.text(x + 4, y + 10, label, 7.5)
    if value:
        page.text(x + 6, y + h - 8, value, 10)


def _money_cell(page: Page, x: float, y: float, w: float, label: str, cents: str, h: float = 34) -> None:
    """A cell whose amount stands right-aligned after a dollar sign ruled off in a narrow cell of its own."""
    _cell(page, x, y, w, label, h=h)
    page.canvas.line(x + 16, HEIGHT - y - h, x + 16, HEIGHT - y - h + 16)
    page.text(x + 5, y + h - 5, "$", 10)
    plain = page.style.money(cents).replace("$", "").replace("USD ", "")
    page.text(x + w - 6, y + h - 5, plain, 10, right=True)


NUMBERED_NAME = ("1a. Borrower Name", "1a. Applicant's Full Name", "1a. Name of Borrower", "1a. Borrower Name")
NUMBERED_INCOME = ("2c. Gross Annual Income", "2c. Annual Income", "2c. Total Yearly Income", "2c. Base Annual Salary")
NUMBERED_EMPLOYER = ("2a. Employer Name", "2a. Name of Employer", "2a. Current Employer", "2a. Employer")


def numbered_cells(page: Page, doc: SampleDoc) -> None:
    """Sections 1 to 3 with numbered sub-labels above their values, amounts after a ruled-off dollar sign."""
    f, s = doc.fields, page.style
    v, full = s.variant, WIDTH - 2 * MARGIN
    page.text(MARGIN, 50, "Home Loan Application", 15, bold=True)
    page.text(WIDTH - MARGIN, 50, "Lakeshore Savings & Loan", 10, right=True)
    page.text(MARGIN, 78, "1. BORROWER", 10, bold=True)
    page.rule(82, width=1.0)
    _cell(page, MARGIN, 86, full * 0.5, pick(NUMBERED_NAME, v), str(f["applicant_name"]))
    _cell(page, MARGIN + full * 0.5, 86, full * 0.25, "1b. Social Security No.", _ssn(page, doc))
    _cell(page, MARGIN + full * 0.75, 86, full * 0.25, s.date_label("1c. Date of Birth"),
          s.date(str(f["date_of_birth"])))
    street, city_line = mailing_address(str(f["applicant_name"]))
    _cell(page, MARGIN, 120, full, "1d. Present Address", f"{street}, {city_line}")
    page.text(MARGIN, 176, "2. EMPLOYMENT AND INCOME", 10, bold=True)
    page.rule(180, width=1.0)
    _cell(page, MARGIN, 184, full * 0.5, pick(NUMBERED_EMPLOYER, v), str(f["employer_name"]))
    _cell(page, MARGIN + full * 0.5, 184, full * 0.2, "2b. Years Employed", "4")
    _money_cell(page, MARGIN + full * 0.7, 184, full * 0.3, pick(NUMBERED_INCOME, v), str(f["annual_income"]))
    page.text(MARGIN, 240, "3. LOAN REQUEST", 10, bold=True)
    page.rule(244, width=1.0)
    _money_cell(page, MARGIN, 248, full * 0.3, "3a. Loan Amount", str(f["loan_amount"]))
    _cell(page, MARGIN + full * 0.3, 248, full * 0.2, "3b. Term (months)", str(f["loan_term_months"]))
    _cell(page, MARGIN + full * 0.5, 248, full * 0.2, "3c. Interest Rate (%)", str(f["interest_rate"]))
    _cell(page, MARGIN + full * 0.7, 248, full * 0.3, "3d. Occupancy", "Primary residence")
    _cell(page, MARGIN, 282, full, "3e. Purpose of Loan", h=36)
    x = MARGIN + 8
    for key, label in PURPOSES:
        x = _square(page, x, 309, key == f["loan_purpose"], label)
    _cell(page, MARGIN, 318, full, "3f. Address of Property to be Mortgaged", str(f["property_address"]))
    page.text(MARGIN, 380, "By signing below you certify that the information on this application is true.", 8)
    page.rule(420, MARGIN, MARGIN + 220, 0.6)
    page.text(MARGIN, 432, "Signature of Borrower / Date", 8)


ONLINE_LEFT = (("Full name", "SSN", "Date of birth", "Employer", "Annual income"),
               ("Name", "Social Security number", "Birth date", "Employer name", "Gross annual income"),
               ("Applicant", "SSN", "DOB", "Current employer", "Yearly income"),
               ("Legal name", "Tax ID (SSN)", "Date of birth", "Employer", "Annual gross income"))
ONLINE_RIGHT = (("Loan amount", "Loan purpose", "Term", "Rate", "Property address"),
                ("Requested amount", "Purpose", "Loan term", "Interest rate", "Property"),
                ("Amount requested", "Loan purpose", "Term (months)", "Rate (%)", "Subject property"),
                ("Loan amount", "Purpose of loan", "Loan term", "Interest rate", "Property address"))
ONLINE_PURPOSE = {"purchase": "Home purchase", "refinance": "Refinance", "cash_out_refinance": "Cash-out refinance",
                  "construction": "Construction", "other": "Other"}


def online_printout(page: Page, doc: SampleDoc) -> None:
    """A browser's print of a submitted online application: page title and address lines, a submission time,
    "Field: value" lines in two columns, the property address alone on the last line of the right column."""
    f, s = doc.fields, page.style
    v = s.variant
    page.text(MARGIN - 20, 24, "11/28/26, 10:42 AM", 7)
    page.text(WIDTH / 2, 24, "Application Summary | Online Mortgage Center", 7)
    page.text(MARGIN, 62, "Your application has been submitted", 14, bold=True)
    page.text(MARGIN, 78, "Application ID: WEB-58213947   Status: Received", 9)
    page.rule(88, width=0.5)
    page.text(MARGIN, 108, "About you", 11, bold=True)
    page.text(MARGIN + 270, 108, "Your loan", 11, bold=True)
    months = str(f["loan_term_months"])
    left = (str(f["applicant_name"]), _ssn(page, doc), s.date(str(f["date_of_birth"])), str(f["employer_name"]),
            s.money(str(f["annual_income"])))
    right = (s.money(str(f["loan_amount"])), ONLINE_PURPOSE[str(f["loan_purpose"])],
             months if "months" in ONLINE_RIGHT[v][2] else f"{months} months",
             f"{f['interest_rate']}" if "%" in ONLINE_RIGHT[v][3] else f"{f['interest_rate']}%")
    labels = list(ONLINE_LEFT[v])
    labels[2] = s.date_label(labels[2])
    for row, (label, value) in enumerate(zip(labels, left)):
        page.text(MARGIN, 128 + row * 16, f"{label}: {value}", 9.5)
    for row, (label, value) in enumerate(zip(ONLINE_RIGHT[v], right)):
        page.text(MARGIN + 270, 128 + row * 16, f"{label}: {value}", 9.5)
    page.text(MARGIN, 224, f"{ONLINE_RIGHT[v][4]}: {f['property_address']}", 9.5)
    page.text(MARGIN, 252, "What happens next", 11, bold=True)
    page.text(MARGIN, 268, "A loan officer will contact you within one business day to discuss your options.", 9)
    page.text(MARGIN - 20, HEIGHT - 24, "https://apply.example-lender.com/application/summary", 7)
    page.text(WIDTH - MARGIN + 20, HEIGHT - 24, "1/1", 7, right=True)


GRID_HEAD = (("Applicant name", "SSN", "Birth date"), ("Member name", "Social Security #", "Date of birth"),
             ("Borrower", "SSN", "DOB"), ("Name of applicant", "SSN", "Date of birth"))
GRID_MONEY = (("Employer", "Annual income"), ("Employer name", "Yearly income"), ("Employed by", "Gross income / yr"),
              ("Employer", "Annual salary"))


def _label_row(page: Page, y: float, widths: list[float], labels: list[str], values: list[str]) -> None:
    """A shaded row of labels above a row of values, both ruled."""
    x, c = MARGIN, page.canvas
    for width, label, value in zip(widths, labels, values):
        c.setFillGray(0.88)
        c.rect(x, HEIGHT - y - 14, width, 14, stroke=1, fill=1)
        c.setFillGray(0)
        c.rect(x, HEIGHT - y - 34, width, 20, stroke=1, fill=0)
        page.text(x + 4, y + 10, label, 8, bold=True)
        page.text(x + 5, y + 28, value, 10)
        x += width


def credit_union_grid(page: Page, doc: SampleDoc) -> None:
    """Rows of shaded label cells above rows of value cells; the purpose as an X under its column of choices."""
    f, s = doc.fields, page.style
    v, full = s.variant, WIDTH - 2 * MARGIN
    page.text(MARGIN, 54, "Real Estate Loan Application", 14, bold=True)
    page.text(WIDTH - MARGIN, 54, "Summit Ridge Credit Union", 10, bold=True, right=True)
    page.text(MARGIN, 86, "APPLICANT", 9, bold=True)
    head = list(GRID_HEAD[v])
    head[2] = s.date_label(head[2])
    _label_row(page, 90, [full * 0.5, full * 0.22, full * 0.28], head,
               [str(f["applicant_name"]), _ssn(page, doc), s.date(str(f["date_of_birth"]))])
    page.text(MARGIN, 142, "EMPLOYMENT", 9, bold=True)
    _label_row(page, 146, [full * 0.6, full * 0.4], list(GRID_MONEY[v]),
               [str(f["employer_name"]), s.money(str(f["annual_income"]))])
    page.text(MARGIN, 198, "LOAN", 9, bold=True)
    _label_row(page, 202, [full * 0.34, full * 0.22, full * 0.22, full * 0.22],
               ["Amount requested", "Term (months)", "Rate (%)", "Lien position"],
               [s.money(str(f["loan_amount"])), str(f["loan_term_months"]), str(f["interest_rate"]), "First"])
    width = full / len(PURPOSES)
    labels = [label for _, label in PURPOSES]
    marks = ["X" if key == f["loan_purpose"] else "" for key, _ in PURPOSES]
    page.text(MARGIN, 254, "Purpose (mark one)", 9, bold=True)
    _label_row(page, 258, [width] * len(PURPOSES), labels, marks)
    _label_row(page, 310, [full], ["Property address"], [str(f["property_address"])])
    page.text(MARGIN, 372, "Applicant signature ____________________________   Date ______________", 9)


LAYOUTS = {"numbered_cells": numbered_cells, "online_printout": online_printout,
           "credit_union_grid": credit_union_grid}
