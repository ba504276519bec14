"""W-2 layouts, both boxed forms: a two-column grid, and stacked boxes with split name boxes."""

from __future__ import annotations

from loan_extractor.samples.draw import MARGIN, WIDTH, Page
from loan_extractor.samples.values import SampleDoc

BOX_A = "a Employee's social security number"
BOX_B = "b Employer identification number (EIN)"
BOX_C = "c Employer's name, address, and ZIP code"
MONEY_BOXES = (
    ("1 Wages, tips, other compensation", "wages"),
    ("2 Federal income tax withheld", "federal_income_tax_withheld"),
    ("3 Social security wages", "social_security_wages"),
    ("4 Social security tax withheld", "ss_tax"),
    ("5 Medicare wages and tips", "medicare_wages"),
    ("6 Medicare tax withheld", "medicare_tax"),
)


def grid(page: Page, doc: SampleDoc) -> None:
    """Left column boxes a, b, c, e; right column boxes 1 to 6; values below the labels."""
    f = doc.fields
    _title(page, doc, 60)
    left_w = 250.0
    right_x, right_w = MARGIN + left_w, WIDTH - 2 * MARGIN - left_w
    page.box(MARGIN, 80, left_w, 40, BOX_A, _ssn(page, doc))
    page.box(MARGIN, 120, left_w, 40, BOX_B, str(f["employer_ein"]))
    _employer_box(page, doc, MARGIN, 160, left_w, 80)
    page.box(MARGIN, 240, left_w, 40, "e Employee's name", str(f["employee_name"]))
    for number, (label, key) in enumerate(MONEY_BOXES):
        page.box(right_x, 80 + number * 40, right_w, 40, label, _amount(page, doc, key))
    page.box(MARGIN, 320, WIDTH - 2 * MARGIN, 34, "12a See instructions for box 12", "")
    page.text(MARGIN, 372, "Copy C - For EMPLOYEE'S RECORDS", 8)


def stacked(page: Page, doc: SampleDoc) -> None:
    """Full-width boxes, value to the right of each label; the employee's name in two boxes."""
    f = doc.fields
    _title(page, doc, 64)
    rows = [
        (BOX_A, _ssn(page, doc)),
        (BOX_B, str(f["employer_ein"])),
        ("e Employee's first name and initial", str(doc.extras["first"])),
        ("Last name", str(doc.extras["last"])),
    ]
    rows += [(label, _amount(page, doc, key)) for label, key in MONEY_BOXES]
    y = 84.0
    for label, value in rows:
        _wide_box(page, y, label, value)
        y += 30
    _employer_box(page, doc, MARGIN, y + 6, WIDTH - 2 * MARGIN, 70)


def _title(page: Page, doc: SampleDoc, y: float) -> None:
    page.text(MARGIN, y, "Form W-2 Wage and Tax Statement", 15, bold=True)
    page.text(WIDTH - MARGIN, y, str(doc.fields["tax_year"]), 18, bold=True, right=True)


def _wide_box(page: Page, y: float, label: str, value: str) -> None:
    page.canvas.setLineWidth(0.8)
    page.box(MARGIN, y, WIDTH - 2 * MARGIN, 30, "")
    page.text(MARGIN + 6, y + 19, label, 10)
    page.text(MARGIN + 300, y + 19, value, 11)


def _employer_box(page: Page, doc: SampleDoc, x: float, y: float, w: float, h: float) -> None:
    employer = doc.extras["employer"]
    page.box(x, y, w, h, BOX_C)
    for number, line in enumerate((str(doc.fields["employer_name"]), employer.street, employer.city_line)):
        page.text(x + 6, y + 26 + number * 15, line, 10.5)


def _ssn(page: Page, doc: SampleDoc) -> str:
    ssn = str(doc.extras["ssn"])
    return "XXX-XX-" + ssn[-4:] if page.style.variant else ssn


def _amount(page: Page, doc: SampleDoc, key: str) -> str:
    value = doc.fields.get(key)
    return page.style.money(str(value) if value is not None else int(doc.extras[key]))


LAYOUTS = {"grid": grid, "stacked": stacked}
