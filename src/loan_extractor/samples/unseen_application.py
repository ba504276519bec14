"""Unseen development layouts of loan applications: only the `unseen` split draws them, the type model never trains on them
(samples/variety.py).

The 2019 URLA (Form 1003) grid of Section 1a with dark section bars, citizenship and credit-type checkboxes, the
borrower's current address above the subject property's, monthly beside annual income and radio marks for the
purpose; and a mortgage broker's pre-qualification form with Borrower and Co-Borrower columns, the purchase price
and down payment beside the loan amount and the APR under the note rate; and the legacy Form 1003 (7/05) with roman
numbered sections, Borrower and Co-Borrower columns of boxes (the co-borrower's empty), the loan terms in one row,
the purpose as two rows of drawn checkboxes and the employer's name over its address in one box.
"""

from __future__ import annotations

from loan_extractor.samples.draw import HEIGHT, MARGIN, WIDTH, Page
from loan_extractor.samples.layout_application import PURPOSES, _ssn
from loan_extractor.samples.provider_pay_stub import mailing_address
from loan_extractor.samples.values import SampleDoc
from loan_extractor.samples.variety_application import checkbox
from loan_extractor.samples.variety_pay_stub import pick

URLA_NAME = ("Name (First, Middle, Last, Suffix)", "Borrower Name (First, Middle, Last, Suffix)",
             "Name (First, Middle, Last, Suffix)", "Full Legal Name")
URLA_EMPLOYER = ("Employer or Business Name", "Employer or Business Name", "Employer Name", "Current Employer")
URLA_INCOME = ("Total Annual Income", "Gross Annual Income", "Annual Base Income", "Yearly Gross Income")
URLA_RATE = ("Note Rate", "Interest Rate", "Note Rate", "Interest Rate")
URLA_TERM = ("Loan Term (months)", "Term (months)", "Amortization Term (months)", "Loan Term (months)")


def _bar(page: Page, y: float, title: str, shade: float = 0.25, height: float = 16, size: float = 10,
         inset: float = 6, baseline: float = 12) -> None:
    """A section bar across the page with its title: white on a dark bar, black on a light one."""
    c = page.canvas
    c.setFillGray(shade)
    c.rect(MARGIN, HEIGHT - y - height, WIDTH - 2 * MARGIN, height, stroke=0, fill=1)
    c.setFillGray(1 if shade < 0.5 else 0)
    page.text(MARGIN + inset, y + baseline, title, size, bold=True)
    c.setFillGray(0)


def _radio(page: Page, x: float, y: float, chosen: bool, label: str) -> float:
    """A radio circle, filled when chosen, and its label; returns the x after it."""
    c = page.canvas
    c.setLineWidth(0.8)
    c.circle(x + 4.5, HEIGHT - y + 4.5, 4.5, stroke=1, fill=0)
    if chosen:
        c.circle(x + 4.5, HEIGHT - y + 4.5, 2.6, stroke=0, fill=1)
    page.text(x + 13, y - 1, label, 9)
    return x + 13 + c.stringWidth(label, page._font(False), 9) + 14


def urla_grid(page: Page, doc: SampleDoc) -> None:
    """Section 1a's grid of labelled boxes, 1b's employment with monthly and annual income, 4a's loan and
    property with radio marks for the purpose, and the loan terms in L2."""
    f, s = doc.fields, page.style
    full = WIDTH - 2 * MARGIN
    page.text(MARGIN, 48, "Uniform Residential Loan Application", 14, bold=True)
    page.text(MARGIN, 62, "Verify and complete the information on this application.", 8)
    _bar(page, 70, "Section 1: Borrower Information.")
    page.text(MARGIN, 100, "1a. Personal Information", 9, bold=True)
    page.box(MARGIN, 106, full * 0.62, 32, pick(URLA_NAME, s.variant), str(f["applicant_name"]), size=10)
    page.box(MARGIN + full * 0.62, 106, full * 0.38, 32, "Social Security Number", _ssn(page, doc), size=10)
    page.box(MARGIN, 138, full * 0.62, 32, "Alternate Names - List any names by which you are known")
    birth = "Date of Birth (mm/dd/yyyy)" if s.dates != "dayfirst" else s.date_label("Date of Birth")
    page.box(MARGIN + full * 0.62, 138, full * 0.38, 32, birth, s.date(str(f["date_of_birth"])), size=10)
    page.box(MARGIN, 170, full * 0.4, 34, "Type of Credit")
    checkbox(page, MARGIN + 6, 198, True, "Individual")
    checkbox(page, MARGIN + 100, 198, False, "Joint")
    page.box(MARGIN + full * 0.4, 170, full * 0.6, 34, "Citizenship")
    x = checkbox(page, MARGIN + full * 0.4 + 6, 198, True, "U.S. Citizen")
    checkbox(page, x, 198, False, "Permanent Resident Alien")
    street, city_line = mailing_address(str(f["applicant_name"]))
    page.box(MARGIN, 204, full, 32, "Current Address  Street, City, State, ZIP", f"{street}, {city_line}", size=10)
    page.text(MARGIN, 254, "1b. Current Employment/Self-Employment and Income", 9, bold=True)
    page.box(MARGIN, 260, full * 0.5, 32, pick(URLA_EMPLOYER, s.variant), str(f["employer_name"]), size=10)
    monthly = round(float(str(f["annual_income"])) * 100 / 12)
    page.box(MARGIN + full * 0.5, 260, full * 0.22, 32, "Base Income /month", s.money(monthly), size=10)
    page.box(MARGIN + full * 0.72, 260, full * 0.28, 32, pick(URLA_INCOME, s.variant),
             s.money(str(f["annual_income"])), size=10)
    _bar(page, 306, "Section 4: Loan and Property Information.")
    page.text(MARGIN, 336, "4a. Loan and Property Information", 9, bold=True)
    page.box(MARGIN, 342, full * 0.5, 32, "Loan Amount $", s.money(str(f["loan_amount"])), size=10)
    value = int(round(float(str(f["loan_amount"])) * 100 / 0.8, -5))
    page.box(MARGIN + full * 0.5, 342, full * 0.5, 32, "Property Value $", s.money(value), size=10)
    page.box(MARGIN, 374, full, 32, "Loan Purpose")
    x = MARGIN + 6
    for key, label in PURPOSES:
        x = _radio(page, x, 400, key == f["loan_purpose"], label)
    page.box(MARGIN, 406, full, 32, "Property Address  Street, City, State, ZIP", str(f["property_address"]), size=10)
    page.box(MARGIN, 438, full * 0.3, 32, "Number of Units", "1", size=10)
    page.box(MARGIN + full * 0.3, 438, full * 0.7, 32, "Occupancy")
    x = checkbox(page, MARGIN + full * 0.3 + 6, 464, True, "Primary Residence")
    checkbox(page, x, 464, False, "Second Home")
    _bar(page, 484, "L2. Loan Terms.")
    page.box(MARGIN, 508, full / 3, 32, f"{pick(URLA_RATE, s.variant)} %", f"{f['interest_rate']}", size=10)
    page.box(MARGIN + full / 3, 508, full / 3, 32, pick(URLA_TERM, s.variant), str(f["loan_term_months"]), size=10)
    page.box(MARGIN + 2 * full / 3, 508, full / 3, 32, "Mortgage Type Applied For", "Conventional", size=10)


BROKER_ROWS = (("Full name", "Social Security #", "Date of birth", "Current employer", "Annual income"),
               ("Name", "SSN", "DOB", "Employer", "Gross annual income"),
               ("Legal name", "Social Security No.", "Birth date", "Employer name", "Yearly income"),
               ("Borrower name", "SSN", "Date of birth", "Employed by", "Annual income"))
BROKER_PURPOSE = {"purchase": "Purchase", "refinance": "Rate/Term Refinance",
                  "cash_out_refinance": "Cash-Out Refinance", "construction": "New Construction", "other": "Other"}


def broker_prequal(page: Page, doc: SampleDoc) -> None:
    """A broker's letterhead with an NMLS number, a Borrower / Co-Borrower table whose co-borrower column is
    empty, and the loan request as label and value rows beside the price, down payment and APR."""
    f, s = doc.fields, page.style
    page.text(MARGIN, 52, "Keystone Home Lending Partners", 13, bold=True)
    page.text(MARGIN, 65, "Mortgage Broker  |  Company NMLS #1847263", 8)
    page.text(WIDTH - MARGIN, 52, pick(("Pre-Qualification Request", "Prequalification Form", "Pre-Qualification "
                                        "Request", "Borrower Pre-Qualification"), s.variant), 13, bold=True, right=True)
    page.rule(74, width=1.0)
    page.text(MARGIN, 96, "BORROWER INFORMATION", 10, bold=True)
    labels = BROKER_ROWS[s.variant]
    dob_label = s.date_label(labels[2])
    values = (str(f["applicant_name"]), _ssn(page, doc), s.date(str(f["date_of_birth"])), str(f["employer_name"]),
              s.money(str(f["annual_income"])))
    page.text(MARGIN + 150, 114, "Borrower", 9, bold=True)
    page.text(MARGIN + 360, 114, "Co-Borrower", 9, bold=True)
    page.rule(118, width=0.5)
    for row, (label, value) in enumerate(zip((*labels[:2], dob_label, *labels[3:]), values)):
        y = 134 + row * 17
        page.text(MARGIN, y, label, 9)
        page.text(MARGIN + 150, y, value, 10)
        page.text(MARGIN + 360, y, "-", 10)
    page.text(MARGIN, 244, "LOAN REQUEST", 10, bold=True)
    page.rule(248, width=0.5)
    price = int(round(float(str(f["loan_amount"])) * 100 / 0.8, -5))
    purpose = BROKER_PURPOSE[str(f["loan_purpose"])]
    left = (("Subject property", str(f["property_address"])), ("Transaction type", purpose),
            ("Purchase price / value", s.money(price)), ("Loan amount requested", s.money(str(f["loan_amount"]))),
            ("Down payment", s.money(price - round(float(str(f["loan_amount"])) * 100))))
    for row, (label, value) in enumerate(left):
        page.text(MARGIN, 266 + row * 17, label, 9)
        page.text(MARGIN + 150, 266 + row * 17, value, 10)
    years = int(f["loan_term_months"]) // 12
    rate = float(str(f["interest_rate"]))
    right = (("Loan program", f"{years}-Year Fixed"), ("Term (months)", str(f["loan_term_months"])),
             ("Quoted rate", f"{f['interest_rate']}%"), ("Est. APR", f"{rate + 0.137:.3f}%"))
    for row, (label, value) in enumerate(right):
        page.text(MARGIN + 300, 300 + row * 17, label, 9)
        page.text(MARGIN + 400, 300 + row * 17, value, 10)
    page.text(MARGIN, 392, "This is not a commitment to lend. Rates are subject to change without notice.", 8)
    page.rule(440, MARGIN, MARGIN + 220, 0.6)
    page.text(MARGIN, 452, "Loan Officer Signature / Date", 8)


LEGACY_INCOME = ("Borrower's Gross Annual Income", "Gross Annual Income", "Total Annual Income", "Annual Income")


def _legacy_bar(page: Page, y: float, title: str) -> None:
    """A light section band with its roman-numbered title."""
    _bar(page, y, title, shade=0.85, height=13, size=8.5, inset=4, baseline=10)


def legacy_1003(page: Page, doc: SampleDoc) -> None:
    """Sections I to V of the legacy Uniform Residential Loan Application."""
    f, s = doc.fields, page.style
    full = WIDTH - 2 * MARGIN
    half = full / 2
    page.text(MARGIN, 46, "Uniform Residential Loan Application", 13, bold=True)
    page.text(WIDTH - MARGIN, 46, "Fannie Mae Form 1003 7/05", 7, right=True)
    _legacy_bar(page, 56, "I. TYPE OF MORTGAGE AND TERMS OF LOAN")
    page.box(MARGIN, 69, full * 0.25, 30, "Amount", s.money(str(f["loan_amount"])), size=9.5)
    page.box(MARGIN + full * 0.25, 69, full * 0.2, 30, "Interest Rate", f"{f['interest_rate']} %", size=9.5)
    page.box(MARGIN + full * 0.45, 69, full * 0.2, 30, "No. of Months", str(f["loan_term_months"]), size=9.5)
    page.box(MARGIN + full * 0.65, 69, full * 0.35, 30, "Amortization Type:")
    x = checkbox(page, MARGIN + full * 0.65 + 6, 94, True, "Fixed Rate")
    checkbox(page, x, 94, False, "ARM (type):")
    _legacy_bar(page, 105, "II. PROPERTY INFORMATION AND PURPOSE OF LOAN")
    page.box(MARGIN, 118, full * 0.8, 30, "Subject Property Address (street, city, state & ZIP)",
             str(f["property_address"]), size=9.5)
    page.box(MARGIN + full * 0.8, 118, full * 0.2, 30, "No. of Units", "1", size=9.5)
    page.box(MARGIN, 148, full, 40, "Purpose of Loan")
    x = MARGIN + 8
    for key, label in PURPOSES[:3]:
        x = checkbox(page, x, 170, key == f["loan_purpose"], label)
    x = MARGIN + 8
    for key, label in PURPOSES[3:]:
        x = checkbox(page, x, 183, key == f["loan_purpose"], label)
    _legacy_bar(page, 194, "III. BORROWER INFORMATION")
    page.text(MARGIN + half / 2, 219, "Borrower", 9, bold=True)
    page.text(MARGIN + half + half / 2, 219, "Co-Borrower", 9, bold=True)
    for column, who in enumerate(("Borrower", "Co-Borrower")):
        left = MARGIN + column * half
        mine = column == 0
        page.box(left, 224, half, 30, f"{who}'s Name (incl. Jr. or Sr.)", str(f["applicant_name"]) if mine else "",
                 size=9.5)
        page.box(left, 254, half * 0.45, 30, "Social Security No.", _ssn(page, doc) if mine else "", size=9)
        birth = "DOB (mm/dd/yyyy)" if s.dates != "dayfirst" else s.date_label("DOB")
        page.box(left + half * 0.45, 254, half * 0.55, 30, birth, s.date(str(f["date_of_birth"])) if mine else "",
                 size=9)
    _legacy_bar(page, 294, "IV. EMPLOYMENT INFORMATION")
    street, city_line = mailing_address(str(f["employer_name"]))
    page.box(MARGIN, 307, half, 52, "Name & Address of Employer")
    for row, text in enumerate((str(f["employer_name"]), street, city_line)):
        page.text(MARGIN + 6, 330 + row * 11, text, 9.5 if row == 0 else 8.5)
    page.box(MARGIN + half, 307, half * 0.4, 52, "Yrs. on this job", "6", size=9.5)
    page.box(MARGIN + half * 1.4, 307, half * 0.6, 52, "Position/Title", "Analyst", size=9.5)
    _legacy_bar(page, 369, "V. MONTHLY INCOME AND COMBINED HOUSING EXPENSE INFORMATION")
    monthly = round(float(str(f["annual_income"])) * 100 / 12)
    rows = [["Gross Monthly Income", "Borrower", "Co-Borrower", "Total"],
            ["Base Empl. Income*", s.money(monthly), s.money(0), s.money(monthly)],
            ["Overtime", s.money(0), s.money(0), s.money(0)]]
    for number, row in enumerate(rows):
        y = 398 + number * 15
        page.text(MARGIN + 4, y, row[0], 8.5, bold=number == 0)
        for column, cell in enumerate(row[1:]):
            page.text(MARGIN + 250 + column * 100, y, cell, 8.5, bold=number == 0, right=True)
    page.text(MARGIN + 4, 452, f"{pick(LEGACY_INCOME, s.variant)}:", 9, bold=True)
    page.text(MARGIN + 250, 452, s.money(str(f["annual_income"])), 9, right=True)
    page.text(MARGIN, 478, "* Self Employed Borrower(s) may be required to provide additional documentation such "
                           "as tax returns.", 7)


LAYOUTS = {"urla_grid": urla_grid, "broker_prequal": broker_prequal, "legacy_1003": legacy_1003}
