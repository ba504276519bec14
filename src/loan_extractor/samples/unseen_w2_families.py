"""More unseen development layouts of W-2s (only the `unseen` split draws them; samples/variety.py).

Modelled on W-2s the layouts of unseen_w2.py do not cover: a two-up sheet with Copy B and Copy 2 side by side in
narrow columns, a laser form whose boxes print only their numbers above the value and their captions in tiny type
below it (the year in a band at the top, the title at the bottom), and an employer's substitute statement of
label/value lines with the box number after the label and a box 12 grid of codes.
"""

from __future__ import annotations

from loan_extractor.samples.draw import HEIGHT, MARGIN, WIDTH, Page
from loan_extractor.samples.layout_w2 import _amount
from loan_extractor.samples.provider_pay_stub import mailing_address
from loan_extractor.samples.unseen_w2 import BOXES, OMB, _box12, _cell, _control, _fitted, _seed, _ssn, _states
from loan_extractor.samples.values import SampleDoc
from loan_extractor.samples.variety_pay_stub import pick

CONTENT = WIDTH - 2 * MARGIN
SHORT = {"wages": "Wages, tips, other comp.", "federal_income_tax_withheld": "Federal income tax withheld",
         "social_security_wages": "Social security wages", "ss_tax": "Social security tax withheld",
         "medicare_wages": "Medicare wages and tips", "medicare_tax": "Medicare tax withheld"}


def side_by_side_copies(page: Page, doc: SampleDoc) -> None:
    """A two-up sheet: Copy B (federal) and Copy 2 (state) side by side, each a narrow column of small boxes under
    its own title and year, the amounts in pairs of boxes (1 and 2, 3 and 4, 5 and 6)."""
    gap = 14.0
    width = (CONTENT - gap) / 2
    for number, caption in enumerate(("Copy B To Be Filed With Employee's FEDERAL Tax Return",
                                      "Copy 2 To Be Filed With Employee's State, City, or Local Income Tax Return")):
        _narrow_copy(page, doc, MARGIN + number * (width + gap), width, caption)
    page.canvas.setDash(2, 3)
    page.canvas.line(WIDTH / 2, 60, WIDTH / 2, 700)
    page.canvas.setDash()


def _narrow_copy(page: Page, doc: SampleDoc, left: float, width: float, caption: str) -> None:
    f, s, x = doc.fields, page.style, doc.extras
    page.text(left, 58, "W-2", 14, bold=True)
    page.text(left + 34, 52, pick(("Wage and Tax Statement", "Wage and Tax Statement", "Wage & Tax Statement",
                                   "Wage and Tax Stmt"), s.variant), 7.5, bold=True)
    page.text(left + 34, 61, OMB, 6)
    page.text(left + width, 58, str(f["tax_year"]), 13, bold=True, right=True)
    page.text(left, 72, caption, _fitted(page, caption, width, 5.5))
    half = width / 2
    top = 80.0
    _cell(page, left, top, half, 24, "a", "Employee's SSN", _ssn(page, doc), right=False, size=8.5)
    _cell(page, left + half, top, half, 24, "b", "Employer ID number", str(f["employer_ein"]), right=False, size=8.5)
    top += 24
    page.box(left, top, width, 52, "")
    page.text(left + 3, top + 8, "c  Employer's name, address, and ZIP code", 5.5)
    employer = x["employer"]
    for row, line in enumerate((str(f["employer_name"]), employer.street, employer.city_line)):
        page.text(left + 6, top + 20 + row * 10, line, 8.5)
    top += 52
    page.box(left, top, width, 52, "")
    page.text(left + 3, top + 8, "e/f  Employee's name, address, and ZIP code", 5.5)
    street, city_line = mailing_address(str(f["employee_name"]))
    for row, line in enumerate((str(f["employee_name"]), street, city_line)):
        page.text(left + 6, top + 20 + row * 10, line, 8.5)
    top += 52
    for row in range(3):
        for column in range(2):
            box, labels, key = BOXES[row * 2 + column]
            label = SHORT[key] if s.variant % 2 else labels[1]
            _cell(page, left + column * half, top, half, 24, box, label, _amount(page, doc, key), size=8.5)
        top += 24
    codes = _box12(page, doc)
    _cell(page, left, top, half, 24, "12a", "Code", f"{codes[0][0]}  {codes[0][1]}", size=8.5)
    _cell(page, left + half, top, half, 24, "14", "Other", f"SDI {s.money(_seed(doc) % 30_000 + 4_000)}",
          right=False, size=8)
    top += 24
    state = _states(page, doc)[0]
    _cell(page, left, top, half, 24, "15", "State / ID no.", f"{state[0]} {state[1]}", right=False, size=8)
    _cell(page, left + half, top, half, 24, "16", "State wages, tips", state[2], size=8.5)
    _cell(page, left, top + 24, half, 24, "17", "State income tax", state[3], size=8.5)
    _cell(page, left + half, top + 24, half, 24, "d", "Control number", _control(doc), right=False, size=8)


def _captioned(page: Page, x: float, y: float, w: float, number: str, caption: str, value: str,
               right: bool = True, size: float = 10) -> None:
    """A laser-form box: only its number at the top left, the value in the middle, the caption tiny below it."""
    page.box(x, y, w, 34, "")
    page.text(x + 3, y + 8, number, 7.5, bold=True)
    if value:
        if right:
            page.text(x + w - 6, y + 20, value, size, right=True)
        else:
            page.text(x + 16, y + 20, value, size)
    page.text(x + 3, y + 30, caption, _fitted(page, caption, w - 6, 5))


def caption_below(page: Page, doc: SampleDoc) -> None:
    """A laser-printed W-2: a band at the top with the tax year and "Employee Reporting Copy", boxes that print
    only their numbers above the values and their captions in tiny type below them, the employer and employee
    blocks captioned the same way, and the form's title at the foot of the page far from the year."""
    f, s, x = doc.fields, page.style, doc.extras
    page.canvas.setFillGray(0.85)
    page.canvas.rect(MARGIN, HEIGHT - 70, CONTENT, 24, stroke=0, fill=1)
    page.canvas.setFillGray(0)
    band = pick(("EMPLOYEE REPORTING COPY", "EMPLOYEE COPY", "EMPLOYEE REFERENCE COPY", "EMPLOYEE COPY"), s.variant)
    page.text(MARGIN + 6, 63, band, 10, bold=True)
    page.text(WIDTH - MARGIN - 6, 64, pick((f"TAX YEAR {f['tax_year']}", str(f["tax_year"]), f"{f['tax_year']}",
                                            f"YEAR {f['tax_year']}"), s.variant), 12, bold=True, right=True)
    half, quarter = CONTENT / 2, CONTENT / 4
    top = 84.0
    _captioned(page, MARGIN, top, half, "a", "Employee's social security number", _ssn(page, doc), right=False)
    _captioned(page, MARGIN + half, top, half, "b", "Employer identification number", str(f["employer_ein"]),
               right=False)
    top += 34
    for row in range(3):
        for column in range(2):
            box, labels, key = BOXES[row * 2 + column]
            _captioned(page, MARGIN + column * quarter, top, quarter, box, pick(labels, s.variant),
                       _amount(page, doc, key))
        top += 34
    codes = _box12(page, doc) + [("", "")]
    for row in range(2):
        code, amount = codes[row]
        _captioned(page, MARGIN + half, 118 + row * 34, quarter, f"12{'ab'[row]}", "Code / amount",
                   f"{code}  {amount}" if code else "")
    _captioned(page, MARGIN + half + quarter, 118, quarter, "d", "Control number", _control(doc), right=False,
               size=8.5)
    _captioned(page, MARGIN + half + quarter, 152, quarter, "13", "Retirement plan", "X", right=False)
    _captioned(page, MARGIN + half, 186, half, "14", "Other", f"SDI  {s.money(_seed(doc) % 30_000 + 4_000)}",
               right=False, size=9)
    employer = x["employer"]
    street, city_line = mailing_address(str(f["employee_name"]))
    blocks = ((MARGIN, "c", "Employer's name, address, and ZIP code",
               (str(f["employer_name"]), employer.street, employer.city_line)),
              (MARGIN + half, "e/f", "Employee's name, address, and ZIP code",
               (str(f["employee_name"]), street, city_line)))
    for left, number, caption, lines in blocks:
        page.box(left, top + 10, half, 62, "")
        page.text(left + 3, top + 18, number, 7.5, bold=True)
        for row, line in enumerate(lines):
            page.text(left + 20, top + 24 + row * 12, line, 9.5)
        page.text(left + 3, top + 68, caption, 5)
    state = _states(page, doc)[0]
    top += 82
    for column, (number, caption, value) in enumerate((("15", "State  Employer's state ID", f"{state[0]} {state[1]}"),
                                                       ("16", "State wages, tips, etc.", state[2]),
                                                       ("17", "State income tax", state[3]))):
        _captioned(page, MARGIN + column * CONTENT / 3, top, CONTENT / 3, number, caption, value, right=column > 0)
    page.text(MARGIN, top + 64, f"Form W-2  {pick(('Wage and Tax Statement', 'Wage & Tax Statement'), s.variant)}",
              11, bold=True)
    page.text(WIDTH - MARGIN, top + 64, "Dept. of the Treasury - IRS", 7, right=True)


def substitute_statement(page: Page, doc: SampleDoc) -> None:
    """An employer's substitute W-2: the tax year in a heading line of its own, employer and employee as label /
    value lines, the amounts as `label (Box N)` lines with the value at the right, and box 12 as a grid of codes
    and amounts."""
    f, s, x = doc.fields, page.style, doc.extras
    page.text(MARGIN, 56, pick(("Substitute Form W-2", "Statement of Wages and Tax Withheld", "Substitute W-2",
                                "Employee Wage Statement"), s.variant), 14, bold=True)
    page.text(MARGIN, 72, "This substitute statement is furnished in place of Form W-2 Wage and Tax Statement.", 8)
    page.text(MARGIN, 96, pick(("Tax Year", "Calendar Year", "Year", "Tax Year"), s.variant) + f": {f['tax_year']}",
              11, bold=True)
    page.rule(104, width=0.5)
    employer = x["employer"]
    ssn = _ssn(page, doc)
    lines = [(pick(("Employer", "Employer Name", "Employer", "Company"), s.variant), str(f["employer_name"])),
             ("Address", f"{employer.street}, {employer.city_line}"),
             (pick(("Federal EIN", "Employer ID Number", "EIN", "Employer FEIN"), s.variant), str(f["employer_ein"])),
             (pick(("Employee", "Employee Name", "Employee", "Recipient"), s.variant), str(f["employee_name"])),
             (pick(("SSN", "Social Security No.", "Employee SSN", "SSN"), s.variant), ssn)]
    for row, (label, value) in enumerate(lines):
        page.text(MARGIN, 122 + row * 15, f"{label}:", 9.5, bold=True)
        page.text(MARGIN + 130, 122 + row * 15, value, 9.5)
    top = 215.0
    page.text(MARGIN, top, "Federal", 10, bold=True)
    page.rule(top + 5, width=0.5)
    for row, (box, labels, key) in enumerate(BOXES):
        y = top + 20 + row * 15
        page.text(MARGIN, y, f"{pick(labels, s.variant)} (Box {box})", 9.5)
        page.text(MARGIN + 400, y, _amount(page, doc, key), 9.5, right=True)
    top += 20 + len(BOXES) * 15 + 14
    page.text(MARGIN, top, "Box 12", 10, bold=True)
    rows = [("12a", *_box12(page, doc)[0])] + [(f"12{'bcd'[n]}", *c) for n, c in enumerate(_box12(page, doc)[1:])]
    page.text(MARGIN, top + 16, "Box", 8, bold=True)
    page.text(MARGIN + 50, top + 16, "Code", 8, bold=True)
    page.text(MARGIN + 200, top + 16, "Amount", 8, bold=True, right=True)
    for row, (box, code, amount) in enumerate(rows):
        page.text(MARGIN, top + 30 + row * 13, box, 8.5)
        page.text(MARGIN + 50, top + 30 + row * 13, code, 8.5)
        page.text(MARGIN + 200, top + 30 + row * 13, amount, 8.5, right=True)
    top += 30 + len(rows) * 13 + 16
    state = _states(page, doc)[0]
    page.text(MARGIN, top, "State and Local", 10, bold=True)
    page.rule(top + 5, width=0.5)
    for row, (label, value) in enumerate(((f"State ({state[0]}) ID (Box 15)", state[1]),
                                          ("State wages, tips, etc. (Box 16)", state[2]),
                                          ("State income tax (Box 17)", state[3]))):
        page.text(MARGIN, top + 20 + row * 15, label, 9.5)
        page.text(MARGIN + 400, top + 20 + row * 15, value, 9.5, right=True)


LAYOUTS = {"side_by_side_copies": side_by_side_copies, "caption_below": caption_below,
           "substitute_statement": substitute_statement}
