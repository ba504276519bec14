"""A loan application in the sections of the 2019 Uniform Residential Loan Application: numbered sub-sections,
boxes whose labels carry a format or a unit, the purpose as a row of marks, the loan terms in the lender's section."""

from __future__ import annotations

from loan_extractor.samples.draw import MARGIN, WIDTH, Page
from loan_extractor.samples.layout_application import PURPOSES, _ssn
from loan_extractor.samples.provider_pay_stub import fitted_pair
from loan_extractor.samples.values import SampleDoc
from loan_extractor.samples.variety_pay_stub import pick

NAME = ("Name (First, Middle, Last, Suffix)", "Borrower Name", "Name", "Full Name (First, Middle, Last)")
EMPLOYER = ("Employer or Business Name", "Employer Name", "Employer or Business Name", "Name of Employer")
INCOME = ("Base Income (Annual)", "Annual Base Income", "Total Annual Income", "Gross Annual Income")


def urla_sections(page: Page, doc: SampleDoc) -> None:
    """Sections 1a, 1b, 4a and L4, each a heading and a row of boxes."""
    f, s = doc.fields, page.style
    full = WIDTH - 2 * MARGIN
    page.text(MARGIN, 52, "Uniform Residential Loan Application", 15, bold=True)
    page.text(WIDTH - MARGIN, 52, "Freddie Mac Form 65 - Fannie Mae Form 1003", 7, right=True)
    _heading(page, 76, "Section 1: Borrower Information.")
    page.text(MARGIN, 92, "1a. Personal Information", 9, bold=True)
    page.box(MARGIN, 98, full * 0.6, 34, pick(NAME, s.variant), str(f["applicant_name"]))
    page.box(MARGIN + full * 0.6, 98, full * 0.4, 34, "Social Security Number", _ssn(page, doc))
    page.box(MARGIN, 132, full * 0.3, 34, "Date of Birth (mm/dd/yyyy)" if s.dates != "dayfirst" else
             s.date_label("Date of Birth"), s.date(str(f["date_of_birth"])))
    page.box(MARGIN + full * 0.3, 132, full * 0.7, 34, "Citizenship", "U.S. Citizen")
    page.text(MARGIN, 184, "1b. Current Employment/Self-Employment and Income", 9, bold=True)
    page.box(MARGIN, 190, full * 0.6, 34, pick(EMPLOYER, s.variant), str(f["employer_name"]))
    page.box(MARGIN + full * 0.6, 190, full * 0.4, 34, pick(INCOME, s.variant), s.money(str(f["annual_income"])))
    _heading(page, 250, "Section 4: Loan and Property Information.")
    page.text(MARGIN, 266, "4a. Loan and Property Information", 9, bold=True)
    page.box(MARGIN, 272, full * 0.3, 34, "Loan Amount", s.money(str(f["loan_amount"])))
    page.box(MARGIN + full * 0.3, 272, full * 0.7, 34, "Loan Purpose")
    marks = "   ".join(f"{'[X]' if key == f['loan_purpose'] else '[ ]'} {label}" for key, label in PURPOSES)
    page.text(MARGIN + full * 0.3 + 6, 298, marks, 9)
    page.box(MARGIN, 306, full, 34, "Property Address (Street, City, State, ZIP)", str(f["property_address"]))
    _heading(page, 366, "L4. Qualifying the Borrower - Minimum Required Funds or Cash Back")
    page.box(MARGIN, 374, full / 3, 34, "Note Rate", f"{f['interest_rate']} %")
    page.box(MARGIN + full / 3, 374, full / 3, 34, "Loan Term", f"{f['loan_term_months']} (months)")
    page.box(MARGIN + 2 * full / 3, 374, full / 3, 34, "Mortgage Type", "Conventional")


def _heading(page: Page, y: float, title: str) -> None:
    page.text(MARGIN, y, title, 11, bold=True)
    page.rule(y + 4, width=1.2)


def lender_worksheet(page: Page, doc: SampleDoc) -> None:
    """A lender's intake worksheet: two label/value columns, the term in years, the rate with "APR", the SSN
    masked with stars, the purpose as a phrase."""
    f, s = doc.fields, page.style
    purpose = {"purchase": "Purchase of primary residence", "refinance": "Rate/term refinance",
               "cash_out_refinance": "Cash-out refinance", "construction": "Construction-to-permanent",
               "other": "Other"}[str(f["loan_purpose"])]
    page.text(MARGIN, 58, "Mortgage Pre-Qualification Worksheet", 15, bold=True)
    page.rule(68)
    ssn = "***-**-" + str(doc.extras["ssn"])[-4:]
    name = pick(("Borrower Name", "Applicant", "Name", "Borrower"), s.variant)
    left = [(name, str(f["applicant_name"])), ("SSN", ssn),
            (s.date_label("Date of Birth"), s.date(str(f["date_of_birth"]))), ("Employer", str(f["employer_name"])),
            ("Annual Income", s.money(str(f["annual_income"])))]
    for row, (label, value) in enumerate(left):
        fitted_pair(page, MARGIN, 94 + row * 20, label, value, 120, size=10)
    years = int(f["loan_term_months"]) // 12
    right = [("Requested Amount", s.money(str(f["loan_amount"]))), ("Term", f"{years} years"),
             ("Rate", f"{f['interest_rate']}% APR"), ("Purpose", purpose)]
    for row, (label, value) in enumerate(right):
        fitted_pair(page, 350, 94 + row * 20, label, value, 100, size=10)
    fitted_pair(page, MARGIN, 210, "Subject Property", str(f["property_address"]), 120, size=10)


DECLARATIONS = ("Will you occupy the property as your primary residence?", "Are there any outstanding judgments "
                "against you?", "Have you declared bankruptcy within the past 7 years?",
                "Are you a co-maker or endorser on a note?", "Is any part of the down payment borrowed?",
                "Are you a U.S. citizen or permanent resident alien?")


def questionnaire(page: Page, doc: SampleDoc) -> None:
    """Numbered questions in two columns, each answer on the line under its question, the purpose as marks
    under its question, and a declarations section of Yes/No boxes."""
    f, s = doc.fields, page.style
    page.text(MARGIN, 56, pick(("Borrower Questionnaire", "Loan Application Questionnaire", "Borrower Questionnaire",
                                "Mortgage Application Questionnaire"), s.variant), 15, bold=True)
    page.rule(66)
    left = [("Applicant's full name", str(f["applicant_name"])), ("Social Security Number", _ssn(page, doc)),
            (s.date_label("Date of birth"), s.date(str(f["date_of_birth"]))),
            ("Name of employer", str(f["employer_name"])), ("Gross annual income", s.money(str(f["annual_income"])))]
    right = [("Amount requested", s.money(str(f["loan_amount"]))), ("Term in months", str(f["loan_term_months"])),
             ("Interest rate quoted", f"{f['interest_rate']}%"), ("Property address", str(f["property_address"]))]
    for column, (x, questions) in enumerate(((MARGIN, left), (320, right))):
        for row, (question, answer) in enumerate(questions):
            y = 92 + row * 34
            page.text(x, y, f"{row + 1 + column * len(left)}. {question}", 9, bold=True)
            page.text(x + 14, y + 14, answer, 10)
    y = 92 + len(right) * 34
    page.text(320, y, f"{len(left) + len(right) + 1}. Purpose of loan", 9, bold=True)
    for number, (key, label) in enumerate(PURPOSES[:4]):
        page.text(334 + (number % 2) * 110, y + 14 + (number // 2) * 13,
                  f"{'[X]' if key == f['loan_purpose'] else '[ ]'} {label}", 9)
    if f["loan_purpose"] == "other":
        page.text(334, y + 40, "[X] Other", 9)
    page.text(MARGIN, 300, "Declarations", 11, bold=True)
    page.rule(305)
    for row, question in enumerate(DECLARATIONS):
        yes = row in (0, 5)
        page.text(MARGIN, 322 + row * 16, question, 9)
        page.text(WIDTH - MARGIN - 90, 322 + row * 16, f"{'[X]' if yes else '[ ]'} Yes   {'[ ]' if yes else '[X]'} No", 9)


LAYOUTS = {"urla_sections": urla_sections, "lender_worksheet": lender_worksheet, "questionnaire": questionnaire}
