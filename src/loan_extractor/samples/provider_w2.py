"""W-2s as payroll providers reprint them: an earnings summary with a box table and the provider's own label
wording, and the four-up sheet (copies B, C, 2, 2) with small boxes and abbreviated labels."""

from __future__ import annotations

from loan_extractor.samples.draw import HEIGHT, MARGIN, WIDTH, Page
from loan_extractor.samples.layout_w2 import _amount, _ssn
from loan_extractor.samples.provider_pay_stub import fitted_pair, mailing_address
from loan_extractor.samples.values import SampleDoc
from loan_extractor.samples.variety_pay_stub import pick

EIN = ("Employer's FED ID number", "Employer ID number (EIN)", "Federal EIN", "Employer's federal ID no.")
SSN = ("Employee's SSA number", "Employee's social security no.", "SSN", "Employee SSN")
BOXES = (("1", "Wages, tips, other comp.", "wages"), ("2", "Federal income tax withheld", "federal_income_tax_withheld"),
         ("3", "Social security wages", "social_security_wages"), ("4", "Social security tax withheld", "ss_tax"),
         ("5", "Medicare wages and tips", "medicare_wages"), ("6", "Medicare tax withheld", "medicare_tax"))


def earnings_summary(page: Page, doc: SampleDoc) -> None:
    """The year glued in the title, a gross-to-W-2 reconciliation above a table of boxes with their numbers in
    their own column, the employer and employee blocks at the bottom."""
    f, s, x = doc.fields, page.style, doc.extras
    year = str(f["tax_year"])
    page.text(MARGIN, 60, f"{year} W-2 and EARNINGS SUMMARY", 15, bold=True)
    page.text(WIDTH - MARGIN, 60, "Employee Reference Copy", 9, right=True)
    page.text(MARGIN, 76, "This blue section is your Earnings Summary which provides more detailed information.", 8)
    deferral = round(float(str(f["medicare_wages"])) * 100) - round(float(str(f["wages"])) * 100)
    rows = [["", "", "Amount"], ["", "Gross Pay", s.money(str(f["medicare_wages"]))],
            ["", "Less 401(k)", s.money(-deferral)], ["", "Reported W-2 Wages", s.money(str(f["wages"]))]]
    page.table(MARGIN, 100, [30, 260, 150], rows, line=15, left_cols=2)
    page.text(MARGIN, 172, "Wage and Tax Statement", 12, bold=True)
    rows = [["Box", "Description", "Amount"]] + [[n, label, _amount(page, doc, key)] for n, label, key in BOXES]
    page.table(MARGIN, 192, [30, 260, 150], rows, line=16, left_cols=2)
    fitted_pair(page, MARGIN, 316, pick(EIN, s.variant), str(f["employer_ein"]), 160, size=9.5)
    fitted_pair(page, MARGIN, 332, pick(SSN, s.variant), _ssn(page, doc), 160, size=9.5)
    page.text(MARGIN, 360, "Employer's name, address, and ZIP code", 8)
    page.text(320, 360, "Employee's name, address, and ZIP code", 8)
    employer = x["employer"]
    for number, line in enumerate((str(f["employer_name"]), employer.street, employer.city_line)):
        page.text(MARGIN, 374 + number * 13, line, 10)
    for number, line in enumerate((str(f["employee_name"]), "1200 Elm Court, Apt 4", employer.city_line)):
        page.text(320, 374 + number * 13, line, 10)
    page.text(MARGIN, HEIGHT - 60, f"Form W-2 Wage and Tax Statement {year}  Copy C for employee's records", 8)


def four_up(page: Page, doc: SampleDoc) -> None:
    """Four copies of the form in the quarters of the page, each with small boxes and its copy's caption."""
    captions = ("Copy B To Be Filed With Employee's FEDERAL Tax Return", "Copy C For EMPLOYEE'S RECORDS",
                "Copy 2 To Be Filed With Employee's State Tax Return", "Copy 2 To Be Filed With Employee's City Return")
    half_w, half_h = (WIDTH - 2 * 36) / 2, (HEIGHT - 2 * 36) / 2
    for number, caption in enumerate(captions):
        _copy(page, doc, 36 + (number % 2) * half_w, 36 + (number // 2) * half_h, half_w - 8, caption)


def _copy(page: Page, doc: SampleDoc, x: float, y: float, w: float, caption: str) -> None:
    f = doc.fields
    half = w / 2
    _small_box(page, x, y, half, "a Employee's soc. sec. no.", _ssn(page, doc))
    _small_box(page, x + half, y, half, "OMB No. 1545-0008", "")
    _small_box(page, x, y + 26, half, "b Employer ID number", str(f["employer_ein"]))
    for number, (box, label, key) in enumerate(BOXES):
        _small_box(page, x + half, y + 26 + number * 26, half, f"{box} {label}", _amount(page, doc, key))
    page.box(x, y + 52, half, 52, "")
    page.text(x + 3, y + 59, "c Employer's name, address, ZIP", 6)
    employer = doc.extras["employer"]
    for number, line in enumerate((str(f["employer_name"]), employer.street, employer.city_line)):
        page.text(x + 5, y + 72 + number * 10, line, 7.5)
    _small_box(page, x, y + 104, half, "e/f Employee's name, address, ZIP", str(f["employee_name"]))
    page.text(x, y + 200, f"W-2 Wage and Tax Statement {f['tax_year']}", 8, bold=True)
    page.text(x, y + 211, caption, 6)


def _small_box(page: Page, x: float, y: float, w: float, label: str, value: str) -> None:
    """A box of the four-up sheet: its label in 6-point type, the value in 8."""
    page.box(x, y, w, 26, "")
    page.text(x + 3, y + 7, label, 6)
    if value:
        page.text(x + 5, y + 20, value, 8)


def full_form(page: Page, doc: SampleDoc) -> None:
    """Every box of the form: 7 to 14 beside and under the employee's name boxes, box 12a with its code, and the
    state and local row (15 to 20) at the bottom; the year between the title and the agency's name."""
    f, x = doc.fields, doc.extras
    full = WIDTH - 2 * MARGIN
    half, quarter = full / 2, full / 4
    deferral = round(float(str(f["medicare_wages"])) * 100) - round(float(str(f["wages"])) * 100)
    _box(page, MARGIN, 50, half, 30, "a Employee's social security number", _ssn(page, doc))
    _box(page, MARGIN + half, 50, half, 30, "OMB No. 1545-0029", "")
    _box(page, MARGIN, 80, half, 30, "b Employer identification number (EIN)", str(f["employer_ein"]))
    right = [("1 Wages, tips, other compensation", "wages"),
             ("2 Federal income tax withheld", "federal_income_tax_withheld"),
             ("3 Social security wages", "social_security_wages"), ("4 Social security tax withheld", "ss_tax"),
             ("5 Medicare wages and tips", "medicare_wages"), ("6 Medicare tax withheld", "medicare_tax")]
    for number, (label, key) in enumerate(right):
        _box(page, MARGIN + half + (number % 2) * quarter, 80 + (number // 2) * 30, quarter, 30, label,
             _amount(page, doc, key))
    _box(page, MARGIN + half, 170, quarter, 30, "7 Social security tips", "")
    _box(page, MARGIN + half + quarter, 170, quarter, 30, "8 Allocated tips", "")
    page.box(MARGIN, 110, half, 90, "")
    page.text(MARGIN + 3, 118, "c Employer's name, address, and ZIP code", 6.5)
    employer = x["employer"]
    for number, line in enumerate((str(f["employer_name"]), employer.street, employer.city_line)):
        page.text(MARGIN + 6, 136 + number * 14, line, 10)
    _box(page, MARGIN, 200, half, 30, "d Control number", "A1043")
    _box(page, MARGIN + half, 200, quarter, 30, "9", "")
    _box(page, MARGIN + half + quarter, 200, quarter, 30, "10 Dependent care benefits", "")
    _box(page, MARGIN, 230, half * 0.55, 30, "e Employee's first name and initial", str(x["first"]))
    _box(page, MARGIN + half * 0.55, 230, half * 0.35, 30, "Last name", str(x["last"]))
    _box(page, MARGIN + half * 0.9, 230, half * 0.1, 30, "Suff.", "")
    _box(page, MARGIN + half, 230, quarter, 30, "11 Nonqualified plans", "")
    _box(page, MARGIN + half + quarter, 230, quarter, 30, "12a See instructions for box 12",
         f"D  {page.style.money(deferral)}" if deferral else "")
    _box(page, MARGIN, 260, half, 30, "f Employee's address and ZIP code", "1200 Elm Court, Apt 4")
    _box(page, MARGIN + half, 260, quarter, 30, "14 Other", "")
    _box(page, MARGIN + half + quarter, 260, quarter, 30, "12b", "")
    bottom = [("15 State", employer.city_line.split(", ")[1][:2]), ("Employer's state ID number", "4410-2291"),
              ("16 State wages, tips, etc.", _amount(page, doc, "wages")),
              ("17 State income tax", page.style.money(round(float(str(f["wages"])) * 4))), ("18 Local wages", ""),
              ("19 Local income tax", ""), ("20 Locality name", "")]
    widths = (40, 90, 100, 80, 60, 60, full - 430)
    left = MARGIN
    for (label, value), width in zip(bottom, widths):
        _box(page, left, 300, width, 30, label, value)
        left += width
    title = "Form W-2 Wage and Tax Statement"
    page.text(MARGIN, 350, title, 13, bold=True)
    # the DejaVu faces set the title wider than 250 points: the year goes after it, never over its last letters
    page.text(MARGIN + max(250, page.canvas.stringWidth(title, page._font(True), 13) + 16), 350,
              str(f["tax_year"]), 16, bold=True)
    page.text(WIDTH - MARGIN, 350, "Department of the Treasury - Internal Revenue Service", 7, right=True)
    page.text(MARGIN, 364, "Copy B - To Be Filed With Employee's FEDERAL Tax Return.", 7)


def _box(page: Page, x: float, y: float, w: float, h: float, label: str, value: str) -> None:
    """A box of the full form: its label in 6.5-point type as the printed form has it, the value in 9."""
    page.box(x, y, w, h, "")
    page.text(x + 3, y + 8, label, 6.5)
    if value:
        page.text(x + 5, y + h - 7, value, 9)


def dotted_copy(page: Page, doc: SampleDoc) -> None:
    """An employee's copy printed by an HR system: "Box N description ...... amount" lines joined by dot leaders,
    the identifiers in a block above, the tax year in a "Tax Year:" line."""
    f, s = doc.fields, page.style
    page.text(MARGIN, 58, "W-2 Employee Copy", 15, bold=True)
    fitted_pair(page, WIDTH - 190, 58, "Tax Year", str(f["tax_year"]), 60, size=11)
    fitted_pair(page, MARGIN, 92, "Employee", str(f["employee_name"]), 130, size=10)
    fitted_pair(page, MARGIN, 108, pick(SSN, s.variant), _ssn(page, doc), 130, size=10)
    fitted_pair(page, MARGIN, 124, "Employer", str(f["employer_name"]), 130, size=10)
    fitted_pair(page, MARGIN, 140, pick(EIN, s.variant), str(f["employer_ein"]), 130, size=10)
    for row, (box, label, key) in enumerate(BOXES):
        y = 176 + row * 18
        text = f"Box {box} {label} "
        page.text(MARGIN, y, text + "." * max(3, 62 - len(text)), 10)
        page.text(WIDTH - MARGIN - 40, y, _amount(page, doc, key), 10, right=True)


def corner_year(page: Page, doc: SampleDoc) -> None:
    """A W-2 mailed in a window envelope: the employer's return address under a small caption, the employee's
    name and address with no label under it, the tax year printed large in the top right corner, a starred SSN, the boxes as lines."""
    f, s, x = doc.fields, page.style, doc.extras
    employer = x["employer"]
    page.text(MARGIN, 46, pick(("Employer", "Employer name and address", "EMPLOYER", "Payer"), s.variant), 7, bold=True)
    for row, text in enumerate((str(f["employer_name"]), employer.street, employer.city_line)):
        page.text(MARGIN, 58 + row * 12, text, 10 if row else 11, bold=not row)
    page.text(WIDTH - MARGIN, 70, str(f["tax_year"]), 34, bold=True, right=True)
    page.text(WIDTH - MARGIN, 86, "Form W-2 Wage and Tax Statement", 9, right=True)
    page.text(WIDTH - MARGIN, 97, "Copy B, C and 2 enclosed", 7, right=True)
    name = str(f["employee_name"])
    street, city_line = mailing_address(name)
    for row, text in enumerate((name.upper() if s.variant % 2 else name, street, city_line)):
        page.text(MARGIN + 24, 140 + row * 13, text, 10)
    ssn = str(x["ssn"])
    fitted_pair(page, MARGIN, 214, pick(SSN, s.variant), f"***-**-{ssn[-4:]}", 170, size=9.5)
    fitted_pair(page, MARGIN, 230, pick(EIN, s.variant), str(f["employer_ein"]), 170, size=9.5)
    page.rule(242)
    for row, (box, label, key) in enumerate(BOXES):
        y = 262 + (row // 2) * 22
        left = MARGIN + (row % 2) * 260
        page.text(left, y, f"{box} {label}", 7.5)
        page.text(left + 240, y, _amount(page, doc, key), 10, right=True)


LAYOUTS = {"earnings_summary": earnings_summary, "four_up": four_up, "full_form": full_form,
           "dotted_copy": dotted_copy, "corner_year": corner_year}
