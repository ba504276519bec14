"""A third group of unseen development layouts of W-2s (only the `unseen` split draws them; samples/variety.py).

Modelled on W-2s the other unseen layouts do not cover: a four-up sheet (Copies B, C, 2 and 2 in a two by two
grid cut along perforations) whose small boxes carry abbreviated captions ("Fed inc tax withheld"); and a W-2
printed as a table of box number, description and amount under the employee's name in split boxes (first name
and initial, last name, suffix).
"""

from __future__ import annotations

from loan_extractor.samples.draw import HEIGHT, MARGIN, WIDTH, Page
from loan_extractor.samples.provider_pay_stub import mailing_address
from loan_extractor.samples.unseen_w2 import _cents, _ssn, _states
from loan_extractor.samples.values import SampleDoc
from loan_extractor.samples.variety_pay_stub import pick

CONTENT = WIDTH - 2 * MARGIN
# box number, abbreviated captions (picked by the variant), the field or extra it prints
ABBREVIATED = (
    ("1", ("Wages, tips, other comp.", "Wages, tips, other comp", "Wages/tips/other comp.", "Wages, tips, oth. comp."),
     "wages"),
    ("2", ("Fed inc tax withheld", "Federal income tax w/h", "Fed. inc. tax withheld", "Fed income tax withheld"),
     "federal_income_tax_withheld"),
    ("3", ("Soc sec wages", "Social sec. wages", "SS wages", "Soc. sec. wages"), "social_security_wages"),
    ("4", ("Soc sec tax withheld", "Social sec. tax w/h", "SS tax withheld", "Soc. sec. tax w/h"), "ss_tax"),
    ("5", ("Medicare wages & tips", "Medicare wages/tips", "Medicare wages", "Med. wages & tips"), "medicare_wages"),
    ("6", ("Medicare tax withheld", "Medicare tax w/h", "Medicare tax withheld", "Med. tax withheld"),
     "medicare_tax"),
)
COPIES = ("Copy B - To Be Filed With Employee's FEDERAL Tax Return", "Copy C - For EMPLOYEE'S RECORDS",
          "Copy 2 - To Be Filed With Employee's State Income Tax Return",
          "Copy 2 - To Be Filed With Employee's City or Local Income Tax Return")


def _small_box(page: Page, x: float, y: float, w: float, h: float, caption: str, value: str = "",
               right: bool = True, size: float = 8.5) -> None:
    """A box with its caption in 5.5 point type at the top left and the value low in the box."""
    page.canvas.setLineWidth(0.5)
    page.canvas.rect(x, HEIGHT - y - h, w, h)
    page.text(x + 2, y + 7, caption, 5.5)
    if value:
        page.text(x + w - 4 if right else x + 4, y + h - 4, value, size, right=right)


def _quarter(page: Page, doc: SampleDoc, left: float, top: float, width: float, caption: str) -> None:
    f, s, x = doc.fields, page.style, doc.extras
    half = width / 2
    _small_box(page, left, top, half, 22, "a Employee's SSN", _ssn(page, doc), right=False)
    _small_box(page, left + half, top, half, 22, "OMB No. 1545-0008")
    _small_box(page, left, top + 22, width, 22, "b Employer ID number (EIN)", str(f["employer_ein"]), right=False)
    employer = x["employer"]
    _small_box(page, left, top + 44, width, 46, "c Employer's name, address, and ZIP code")
    for row, line in enumerate((str(f["employer_name"]), employer.street, employer.city_line)):
        page.text(left + 4, top + 60 + row * 10, line, 8 if row else 8.5)
    _small_box(page, left, top + 90, width, 46, "e/f Employee's name, address, and ZIP code")
    street, city_line = mailing_address(str(f["employee_name"]))
    for row, line in enumerate((str(f["employee_name"]), street, city_line)):
        page.text(left + 4, top + 106 + row * 10, line, 8 if row else 8.5)
    for row in range(3):
        for column in range(2):
            number, captions, key = ABBREVIATED[2 * row + column]
            _small_box(page, left + column * half, top + 136 + row * 24, half, 24,
                       f"{number} {pick(captions, s.variant)}", s.money(_cents(doc, key)))
    state = _states(page, doc)[0]
    _small_box(page, left, top + 208, half, 22, "15 State  Employer's state ID", f"{state[0]}  {state[1]}",
               right=False)
    _small_box(page, left + half, top + 208, half, 22, "16 State wages, tips, etc.", state[2])
    page.text(left, top + 244, "W-2", 13, bold=True)
    page.text(left + 30, top + 242, "Wage and Tax Statement", 7.5)
    page.text(left + width, top + 244, str(f["tax_year"]), 13, bold=True, right=True)
    page.text(left, top + 256, caption, 5.5)


def quad_copies(page: Page, doc: SampleDoc) -> None:
    """Four copies of the same W-2 in a two by two grid, dashed perforations between them."""
    gap = 16.0
    width = (CONTENT - gap) / 2
    for number, caption in enumerate(COPIES):
        row, column = divmod(number, 2)
        _quarter(page, doc, MARGIN + column * (width + gap), 48 + row * 300, width, caption)
    page.canvas.setDash(3, 3)
    page.canvas.line(WIDTH / 2, HEIGHT - 40, WIDTH / 2, HEIGHT - 640)
    page.rule(334, width=0.5)
    page.canvas.setDash()


SPLIT_CAPTIONS = (("Employee's first name and initial", "Last name", "Suff."),
                  ("First name and initial", "Last name", "Suffix"),
                  ("Employee first name & MI", "Employee last name", "Sfx"),
                  ("Employee's first name and initial", "Last name", "Suff."))


def box_table(page: Page, doc: SampleDoc) -> None:
    """A W-2 printed as a table: the employer and the employee (name in split boxes) in a header, then one row per
    box with its number, the form's description and the amount, state rows at the end."""
    f, s, x = doc.fields, page.style, doc.extras
    page.text(MARGIN, 56, f"{f['tax_year']} Form W-2", 16, bold=True)
    page.text(MARGIN, 70, pick(("Wage and Tax Statement", "Wage and Tax Statement - Employee Copy",
                                "Wage & Tax Statement", "Wage and Tax Statement (Copy C)"), s.variant), 10)
    page.text(WIDTH - MARGIN, 56, "Department of the Treasury - Internal Revenue Service", 7.5, right=True)
    employer = x["employer"]
    page.text(MARGIN, 100, pick(("Employer", "Employer's name and address", "Payer", "Employer"), s.variant), 8,
              bold=True)
    for row, line in enumerate((str(f["employer_name"]), employer.street, employer.city_line)):
        page.text(MARGIN, 114 + row * 12, line, 10)
    page.text(MARGIN + 300, 100, pick(("Employer identification number (EIN)", "Federal EIN", "Employer ID (EIN)",
                                       "EIN"), s.variant), 8, bold=True)
    page.text(MARGIN + 300, 114, str(f["employer_ein"]), 10)
    page.text(MARGIN + 300, 134, "Employee's social security number", 8, bold=True)
    page.text(MARGIN + 300, 148, _ssn(page, doc), 10)
    first, last, suffix = SPLIT_CAPTIONS[s.variant % len(SPLIT_CAPTIONS)]
    widths = (200.0, 200.0, 60.0)
    left = MARGIN
    for caption, value, w in zip((first, last, suffix), (str(x["first"]), str(x["last"]), ""), widths):
        page.canvas.setLineWidth(0.6)
        page.canvas.rect(left, HEIGHT - 210, w, 34)
        page.text(left + 3, 185, caption, 7)
        if value:
            page.text(left + 5, 203, value, 10.5)
        left += w
    street, city_line = mailing_address(str(f["employee_name"]))
    page.text(MARGIN, 224, f"{street}, {city_line}", 9)
    rows: list[tuple[str, str, str]] = [("Box", "Description", "Amount")]
    rows += [(number, captions[0] if s.variant < 2 else captions[2], s.money(_cents(doc, key)))
             for number, captions, key in ABBREVIATED]
    deferral = _cents(doc, "medicare_wages") - _cents(doc, "wages")
    if deferral:
        rows.append(("12a", "D - Elective deferrals to a 401(k)", s.money(deferral)))
    state = _states(page, doc)[0]
    rows += [("15", "State / Employer's state ID number", f"{state[0]} {state[1]}"),
             ("16", "State wages, tips, etc.", state[2]), ("17", "State income tax", state[3])]
    y = 260.0
    for number, (box, description, amount) in enumerate(rows):
        bold = number == 0
        page.text(MARGIN + 4, y, box, 9.5, bold=bold)
        page.text(MARGIN + 60, y, description, 9.5, bold=bold)
        page.text(WIDTH - MARGIN - 4, y, amount, 9.5, bold=bold, right=True)
        page.rule(y + 5, width=0.6 if bold else 0.3)
        y += 18


LAYOUTS = {"quad_copies": quad_copies, "box_table": box_table}
