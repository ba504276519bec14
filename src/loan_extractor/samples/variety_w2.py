"""More W-2 layouts: the official arrangement of boxes (used by tests) and an abbreviated list (held out)."""

from __future__ import annotations

from loan_extractor.samples.draw import MARGIN, WIDTH, Page
from loan_extractor.samples.layout_w2 import BOX_A, BOX_B, BOX_C, MONEY_BOXES, _amount, _ssn
from loan_extractor.samples.values import SampleDoc


def official(page: Page, doc: SampleDoc) -> None:
    """Box a on top, b/c/d/e down the left, boxes 1-6 in pairs down the right, the year at the bottom."""
    f = doc.fields
    full = WIDTH - 2 * MARGIN
    half = full / 2
    page.box(MARGIN + 120, 60, 200, 34, BOX_A, _ssn(page, doc))
    page.box(MARGIN, 94, half, 34, BOX_B, str(f["employer_ein"]))
    employer = doc.extras["employer"]
    page.box(MARGIN, 128, half, 80, BOX_C)
    for number, line in enumerate((str(f["employer_name"]), employer.street, employer.city_line)):
        page.text(MARGIN + 6, 152 + number * 15, line, 10)
    page.box(MARGIN, 208, half, 30, "d Control number", "")
    page.box(MARGIN, 238, half, 44, "e Employee's first name and initial    Last name", str(f["employee_name"]))
    quarter = half / 2
    for number, (label, key) in enumerate(MONEY_BOXES):
        x = MARGIN + half + (number % 2) * quarter
        page.box(x, 94 + (number // 2) * 40, quarter, 40, label[:26], _amount(page, doc, key), size=10)
    page.text(MARGIN, 310, "Form W-2 Wage and Tax Statement", 13, bold=True)
    page.text(MARGIN + 260, 310, str(f["tax_year"]), 16, bold=True)
    page.text(WIDTH - MARGIN, 310, "Department of the Treasury - Internal Revenue Service", 7, right=True)


def summary_list(page: Page, doc: SampleDoc) -> None:
    """A payroll provider's W-2 summary: abbreviated labels, one per line, the tax year labelled."""
    f, s = doc.fields, page.style
    page.text(MARGIN, 64, "W-2 Summary", 18, bold=True)
    page.text(WIDTH - MARGIN, 64, "Annual Wage Report", 10, right=True)
    page.rule(76)
    lines = [
        ("Tax Year", str(f["tax_year"])),
        ("Employer", str(f["employer_name"])),
        ("Employer ID (EIN)", str(f["employer_ein"])),
        ("Employee", str(f["employee_name"])),
        ("Employee SSN", _ssn(page, doc)),
        ("Box 1 Wages", s.money(str(f["wages"]))),
        ("Box 2 Fed. income tax", s.money(str(f["federal_income_tax_withheld"]))),
        ("Box 3 SS wages", s.money(str(f["social_security_wages"]))),
        ("Box 4 SS tax", s.money(int(doc.extras["ss_tax"]))),
        ("Box 5 Medicare wages", s.money(str(f["medicare_wages"]))),
        ("Box 6 Medicare tax", s.money(int(doc.extras["medicare_tax"]))),
    ]
    for number, (label, value) in enumerate(lines):
        page.pair(MARGIN, 104 + number * 21, label, value, 170)


TRAIN = {"official": official}
HELD_OUT = {"summary_list": summary_list}
