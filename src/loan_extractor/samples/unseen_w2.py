"""Unseen development layouts of W-2s: only the `unseen` split draws them, the type model never trains on them
(samples/variety.py).

They imitate W-2s the other layouts do not: the IRS Copy B grid with every box filled (two state rows, box 12
codes, a control number), a Copy C above the back page's instructions, a payroll service's two columns of
numbered lines, an ADP-style reconciliation table above the form, and a three-panel pressure-seal mailer.
"""

from __future__ import annotations

from loan_extractor.samples.draw import HEIGHT, MARGIN, WIDTH, Page
from loan_extractor.samples.layout_w2 import _amount
from loan_extractor.samples.provider_pay_stub import mailing_address
from loan_extractor.samples.values import SampleDoc
from loan_extractor.samples.variety_pay_stub import pick

TITLE = "Form W-2 Wage and Tax Statement"
OMB = "OMB No. 1545-0008"
TREASURY = "Department of the Treasury - Internal Revenue Service"
# box number, label wordings (picked by the style's variant), the field or extra it prints
BOXES = (
    ("1", ("Wages, tips, other compensation", "Wages, tips, other comp."), "wages"),
    ("2", ("Federal income tax withheld", "Fed. income tax withheld"), "federal_income_tax_withheld"),
    ("3", ("Social security wages", "Soc. sec. wages"), "social_security_wages"),
    ("4", ("Social security tax withheld", "Soc. sec. tax withheld"), "ss_tax"),
    ("5", ("Medicare wages and tips", "Medicare wages & tips"), "medicare_wages"),
    ("6", ("Medicare tax withheld", "Medicare tax withheld"), "medicare_tax"),
)


def _cents(doc: SampleDoc, key: str) -> int:
    value = doc.fields.get(key)
    return round(float(str(value)) * 100) if value is not None else int(doc.extras[key])


def _seed(doc: SampleDoc) -> int:
    """A number fixed by the employee (the sample values carry no control number or state ID)."""
    return sum(map(ord, str(doc.fields["employee_name"]))) * 7919


def _ssn(page: Page, doc: SampleDoc) -> str:
    """The SSN in full, or masked with X's or stars, by the style's variant."""
    ssn = str(doc.extras["ssn"])
    return pick((ssn, f"XXX-XX-{ssn[-4:]}", f"***-**-{ssn[-4:]}", f"XXX-XX-{ssn[-4:]}"), page.style.variant)


def _control(doc: SampleDoc) -> str:
    return f"{_seed(doc) % 10**7:07d} {pick(('PRN', 'BRL', 'ACS'), _seed(doc))}"


def _states(page: Page, doc: SampleDoc) -> list[tuple[str, str, str, str, str, str, str]]:
    """Two state rows splitting box 1 between states, the local row taxing box 5's wages: (15, state ID, 16,
    17, 18, 19, 20), none of their wages equal to box 1."""
    s, wages = page.style, _cents(doc, "wages")
    first = round(wages * 0.63)
    seed = _seed(doc)
    return [("PA", f"{seed % 900 + 100}-{seed % 9000 + 1000}-{seed % 9}", s.money(first), s.money(first * 307 // 10000),
             s.money(_cents(doc, "medicare_wages")), s.money(_cents(doc, "medicare_wages") // 100), "PHILA"),
            ("NJ", f"{seed % 89 + 10}{seed % 9000 + 1000}{seed % 997:03d}", s.money(wages - first),
             s.money((wages - first) * 45 // 1000), "", "", "")]


def _box12(page: Page, doc: SampleDoc) -> list[tuple[str, str]]:
    """Box 12 codes and amounts: the elective deferral (D) when there is one, employer health cover (DD)."""
    deferral = _cents(doc, "medicare_wages") - _cents(doc, "wages")
    codes = [("D", page.style.money(deferral))] if deferral else []
    return codes + [("DD", page.style.money(_seed(doc) % 900_000 + 420_000))]


def _cell(page: Page, x: float, y: float, w: float, h: float, number: str, label: str, value: str = "",
          right: bool = True, size: float = 9.5) -> None:
    """A box of the printed form: its number in bold and its label in small type at the top left, the value low
    in the box (right-aligned for amounts)."""
    page.box(x, y, w, h, "")
    left = x + 3
    if number:
        page.text(left, y + 8, number, 7, bold=True)
        left += page.canvas.stringWidth(number, page._font(True), 7) + 4
    page.text(left, y + 8, label, _fitted(page, label, x + w - 3 - left))
    if value:
        if right:
            page.text(x + w - 6, y + h - 6, value, size, right=True)
        else:
            page.text(x + 6, y + h - 6, value, size)


def _fitted(page: Page, label: str, room: float, size: float = 6.0) -> float:
    """The label's type size, below `size` where the font sets it wider than its box leaves room for."""
    return min(size, room / max(1.0, page.canvas.stringWidth(label, page._font(False), 1)))


def irs_copy_b(page: Page, doc: SampleDoc) -> None:
    """The IRS Copy B grid with every box: a-f down the left, 1-14 and 12a-12d down the right, two state rows
    (15-20) at the bottom, the year large between the title and the Treasury's name under them."""
    f, s = doc.fields, page.style
    full = WIDTH - 2 * MARGIN
    half, quarter = full / 2, full / 4
    top = 60.0
    _cell(page, MARGIN + 90, top, 160, 28, "a", "Employee's social security number", _ssn(page, doc), right=False)
    page.text(MARGIN + 258, top + 10, OMB, 7)
    page.text(WIDTH - MARGIN, top + 10, "Safe, accurate, FAST! Use", 7, right=True)
    page.text(WIDTH - MARGIN, top + 20, "www.irs.gov/efile", 7, right=True)
    top += 28
    _cell(page, MARGIN, top, half, 28, "b", "Employer identification number (EIN)", str(f["employer_ein"]), right=False)
    for number, (box, labels, key) in enumerate(BOXES):
        _cell(page, MARGIN + half + (number % 2) * quarter, top + (number // 2) * 28, quarter, 28, box,
              pick(labels, s.variant), _amount(page, doc, key))
    _employer_box(page, doc, top + 28, half, 84, 18, 13, 9.5)
    _cell(page, MARGIN + half, top + 84, quarter, 28, "7", "Social security tips")
    _cell(page, MARGIN + half + quarter, top + 84, quarter, 28, "8", "Allocated tips")
    top += 112
    _cell(page, MARGIN, top, half, 28, "d", "Control number", _control(doc), right=False)
    _cell(page, MARGIN + half, top, quarter, 28, "9", "")
    _cell(page, MARGIN + half + quarter, top, quarter, 28, "10", "Dependent care benefits")
    top += 28
    _employee_boxes(page, doc, top, half)
    _cell(page, MARGIN + half, top, quarter, 28, "11", "Nonqualified plans")
    _cell(page, MARGIN + half, top + 28, quarter, 28, "13", "Statutory   Retirement   Third-party")
    page.text(MARGIN + half + quarter / 2, top + 50, "X", 9, bold=True)
    _cell(page, MARGIN + half, top + 56, quarter, 28, "14", "Other", f"SUI/SDI  {s.money(_seed(doc) % 30_000 + 4_000)}",
          right=False, size=8.5)
    codes = _box12(page, doc) + [("", "")] * 4
    for row, (code, amount) in enumerate(codes[:4]):
        label = "See instructions for box 12" if row == 0 else ""
        _cell(page, MARGIN + half + quarter, top + row * 28, quarter, 28, f"12{'abcd'[row]}", label,
              f"{code}   {amount}" if code else "", size=9)
    top += 112
    _state_rows(page, doc, top, full)
    top += 92
    page.text(MARGIN, top, TITLE, 14, bold=True)
    page.text(MARGIN + max(280, page.canvas.stringWidth(TITLE, page._font(True), 14) + 30), top + 2,
              str(f["tax_year"]), 22, bold=True)
    page.text(WIDTH - MARGIN, top + 16, TREASURY, 7, right=True)
    page.text(MARGIN, top + 16, "Copy B-To Be Filed With Employee's FEDERAL Tax Return.", 7, bold=True)
    page.text(MARGIN, top + 26, "This information is being furnished to the Internal Revenue Service.", 7)


def _employee_boxes(page: Page, doc: SampleDoc, top: float, half: float) -> None:
    """Box e (first name and initial, last name, suffix) over the employee's address (box f)."""
    x = doc.extras
    _cell(page, MARGIN, top, half * 0.5, 28, "e", "Employee's first name and initial", str(x["first"]), right=False)
    _cell(page, MARGIN + half * 0.5, top, half * 0.38, 28, "", "Last name", str(x["last"]), right=False)
    _cell(page, MARGIN + half * 0.88, top, half * 0.12, 28, "", "Suff.")
    page.box(MARGIN, top + 28, half, 84, "")
    street, city_line = mailing_address(str(doc.fields["employee_name"]))
    page.text(MARGIN + 8, top + 48, street, 9.5)
    page.text(MARGIN + 8, top + 61, city_line, 9.5)
    page.text(MARGIN + 3, top + 106, "f", 7, bold=True)
    page.text(MARGIN + 11, top + 106, "Employee's address and ZIP code", 6)


def _state_rows(page: Page, doc: SampleDoc, top: float, full: float) -> None:
    """Boxes 15 to 20 with their labels on top and two rows of values."""
    labels = (("15", "State  Employer's state ID number"), ("16", "State wages, tips, etc."), ("17", "State income tax"),
              ("18", "Local wages, tips, etc."), ("19", "Local income tax"), ("20", "Locality name"))
    widths = (130, 84, 70, 84, 62, full - 430)
    rows = _states(page, doc)
    left = MARGIN
    for column, ((number, label), width) in enumerate(zip(labels, widths)):
        page.box(left, top, width, 72, "")
        page.text(left + 3, top + 8, number, 7, bold=True)
        page.text(left + 15, top + 8, label, _fitted(page, label, width - 18))
        for row, values in enumerate(rows):
            if column == 0:
                page.text(left + 6, top + 30 + row * 24, f"{values[0]}   {values[1]}", 9)
            elif column < 5:
                page.text(left + width - 5, top + 30 + row * 24, values[column + 1], 9, right=True)
            else:
                page.text(left + 6, top + 30 + row * 24, values[column + 1], 8)
        left += width


NOTICE = (
    "Instructions for Employee (See also Notice to Employee on the back of Copy B.)",
    "Box 1. Enter this amount on the wages line of your tax return.",
    "Box 2. Enter this amount on the federal income tax withheld line of your tax return.",
    "Box 5. You may be required to report this amount on Form 8959, Additional Medicare Tax.",
    "Box 6. This amount includes the 1.45% Medicare Tax withheld on all Medicare wages and tips",
    "shown in box 5, as well as the 0.9% Additional Medicare Tax on any of those Medicare wages",
    "and tips above $200,000.",
    "Box 8. This amount is not included in box 1, 3, 5, or 7.",
    "Box 12. The following list explains the codes shown in box 12. You may need this",
    "information to complete your tax return.",
    "D-Elective deferrals under a section 401(k) cash or deferred arrangement.",
    "DD-Cost of employer-sponsored health coverage. The amount reported with code DD is not taxable.",
    "Box 13. If the \"Retirement plan\" box is checked, special limits may apply to the amount of",
    "traditional IRA contributions you may deduct.",
    "Note: Keep Copy C of Form W-2 for at least 3 years after the due date for filing your",
    "income tax return.",
)


def copy_c_notice(page: Page, doc: SampleDoc) -> None:
    """Copy C on the top half under a title with the year glued to it, the back page's instructions to the
    employee (which name boxes 1, 2 and 5 and print amounts of their own) on the bottom half."""
    f, s = doc.fields, page.style
    full = WIDTH - 2 * MARGIN
    half, quarter = full / 2, full / 4
    page.text(MARGIN, 56, f"{TITLE} {f['tax_year']}", 14, bold=True)
    page.text(WIDTH - MARGIN, 52, OMB, 7, right=True)
    page.text(WIDTH - MARGIN, 65, TREASURY, 6.5, right=True)
    top = 70.0
    rows = [("a", "Employee's social security number", _ssn(page, doc)),
            ("b", "Employer identification number (EIN)", str(f["employer_ein"])),
            ("d", "Control number", _control(doc))]
    for row, (box, label, value) in enumerate(rows):
        _cell(page, MARGIN, top + row * 26, half, 26, box, label, value, right=False, size=9)
    _employer_box(page, doc, top + 78, half, 64, 14, 12, 9)
    _cell(page, MARGIN, top + 142, half, 26, "e", "Employee's name (first, initial, last)", str(f["employee_name"]),
          right=False, size=9)
    for number, (box, labels, key) in enumerate(BOXES):
        _cell(page, MARGIN + half + (number % 2) * quarter, top + (number // 2) * 26, quarter, 26, box,
              pick(labels, s.variant), _amount(page, doc, key), size=9)
    codes = _box12(page, doc) + [("", "")]
    for row, (code, amount) in enumerate(codes[:2]):
        _cell(page, MARGIN + half + row * quarter, top + 78, quarter, 26, f"12{'ab'[row]}",
              "See instructions for box 12" if row == 0 else "", f"{code}   {amount}" if code else "", size=9)
    state = _states(page, doc)[0]
    _cell(page, MARGIN + half, top + 104, quarter, 26, "15", "State  Employer's state ID no.",
          f"{state[0]}  {state[1]}", right=False, size=9)
    _cell(page, MARGIN + half + quarter, top + 104, quarter, 26, "16", "State wages, tips, etc.", state[2], size=9)
    _cell(page, MARGIN + half, top + 130, quarter, 38, "17", "State income tax", state[3], size=9)
    _cell(page, MARGIN + half + quarter, top + 130, quarter, 38, "18", "Local wages, tips, etc.", state[4], size=9)
    page.text(MARGIN, top + 184, "Copy C-For EMPLOYEE'S RECORDS (See Notice to Employee on the back of Copy B.)", 7.5,
              bold=True)
    page.rule(top + 200, width=0.4)
    for row, line in enumerate(NOTICE):
        page.text(MARGIN, top + 222 + row * 11.5, line, 7.5, bold=row == 0)


def payroll_pairs(page: Page, doc: SampleDoc) -> None:
    """A payroll service's W-2: the year large in the top left corner, the employer and employee blocks, then
    two columns of numbered boxes, each a line with its label at the left and its amount at the right."""
    f, x, s = doc.fields, doc.extras, page.style
    year = str(f["tax_year"])
    page.text(MARGIN, 78, year, 36, bold=True)
    page.text(MARGIN + 112, 60, "W-2", 16, bold=True)
    page.text(MARGIN + 112, 76, pick(("Wage and Tax Statement", "Wage & Tax Statement"), s.variant), 10)
    page.text(MARGIN + 112, 88, OMB, 7)
    page.text(WIDTH - MARGIN, 60, pick(("Employee's Copy", "Copy C For Employee's Records"), s.variant), 9,
              bold=True, right=True)
    page.text(WIDTH - MARGIN, 72, f"Processed {pick(('01/22/', '01/29/'), s.variant)}{int(year) + 1}", 7, right=True)
    employer = x["employer"]
    page.text(MARGIN, 116, pick(("c  Employer's name, address and ZIP code", "c  Employer"), s.variant), 7)
    for row, line in enumerate((str(f["employer_name"]), employer.street, employer.city_line)):
        page.text(MARGIN, 130 + row * 12, line, 9.5)
    street, city_line = mailing_address(str(f["employee_name"]))
    page.text(320, 116, pick(("e/f  Employee's name, address and ZIP code", "e  Employee"), s.variant), 7)
    for row, line in enumerate((str(f["employee_name"]), street, city_line)):
        page.text(320, 130 + row * 12, line, 9.5)
    seed = _seed(doc)
    state = _states(page, doc)[0]
    codes = _box12(page, doc)
    left = [("a", pick(("Employee's SSN", "Employee's soc. sec. no."), s.variant), _ssn(page, doc)),
            ("b", pick(("Employer ID (EIN)", "Employer's FED ID no."), s.variant), str(f["employer_ein"])),
            ("d", "Control number", _control(doc))]
    left += [(box, pick(labels, s.variant), _amount(page, doc, key)) for box, labels, key in BOXES[::2]]
    left += [("12a", f"Code {code}", amount) for code, amount in codes[:1]]
    right = [(box, pick(labels, s.variant), _amount(page, doc, key)) for box, labels, key in BOXES[1::2]]
    right += [("12b", f"Code {code}", amount) for code, amount in codes[1:2]]
    right += [("14", "Other  SDI", s.money(seed % 30_000 + 4_000)), ("15", "State  ID no.", f"{state[0]} {state[1]}"),
              ("16", "State wages, tips, etc.", state[2]), ("17", "State income tax", state[3]),
              ("18", "Local wages, tips, etc.", state[4]), ("19", "Local income tax", state[5])]
    _numbered_lines(page, MARGIN, 190, left)
    _numbered_lines(page, 320, 190, right)
    page.rule(190 + 18 * max(len(left), len(right)), width=0.4)


def _numbered_lines(page: Page, x: float, y: float, rows: list[tuple[str, str, str]]) -> None:
    """Lines of `number  label ........ value`, the value right-aligned at the column's end."""
    for row, (box, label, value) in enumerate(rows):
        page.text(x, y + row * 18, box, 8, bold=True)
        page.text(x + 20, y + row * 18, label, 8)
        page.text(x + 238, y + row * 18, value, 10, right=True)


def adp_reconciliation(page: Page, doc: SampleDoc) -> None:
    """A W-2 reprinted by a payroll provider: gross pay adjusted to each box's wages in a table whose columns are
    headed by the boxes (the gross pay row first), then Copy B as two columns of stacked boxes."""
    f, s = doc.fields, page.style
    gross = _cents(doc, "medicare_wages")
    deferral = gross - _cents(doc, "wages")
    page.text(MARGIN, 56, pick(("Employee W-2 Earnings Summary", "W-2 Reference Summary"), s.variant), 13, bold=True)
    page.text(WIDTH - MARGIN, 56, f"{f['tax_year']} Tax Year", 11, bold=True, right=True)
    page.text(MARGIN, 72, f"1. Gross Pay  {s.money(gross)}", 9)
    page.text(MARGIN, 86, "2. Your Gross Pay was adjusted as follows to produce your W-2 Statement.", 9)
    headers = (("Wages, Tips, other", "Comp. Box 1 of W-2"), ("Social Security", "Wages Box 3 of W-2"),
               ("Medicare Wages", "Box 5 of W-2"))
    left = MARGIN + 150
    for column, (one, two) in enumerate(headers):
        page.text(left + column * 120 + 110, 104, one, 7, right=True)
        page.text(left + column * 120 + 110, 113, two, 7, right=True)
    page.rule(118, MARGIN, left + 360, 0.5)
    rows = [("Gross Pay", (gross, gross, gross)), ("Less 401(k) (D-Box 12)", (-deferral, 0, 0)),
            ("Reported W-2 Wages", tuple(_cents(doc, k) for k in ("wages", "social_security_wages", "medicare_wages")))]
    for row, (name, amounts) in enumerate(rows):
        page.text(MARGIN, 132 + row * 14, name, 8.5)
        for column, cents in enumerate(amounts):
            if cents:
                page.text(left + column * 120 + 110, 132 + row * 14, s.money(cents), 8.5, right=True)
    page.rule(184, width=0.4)
    _stacked_copy(page, doc, 196)


def _stacked_copy(page: Page, doc: SampleDoc, top: float) -> None:
    """Copy B in two columns: the identifying boxes a-f stacked on the left, the amount boxes on the right."""
    f, x, s = doc.fields, doc.extras, page.style
    column = (WIDTH - 2 * MARGIN) / 2
    employer = x["employer"]
    left = [("a", "Employee's social security number", _ssn(page, doc)),
            ("b", "Employer identification number (EIN)", str(f["employer_ein"])), ("c", "", ""), ("", "", ""),
            ("", "", ""), ("d", "Control number", _control(doc)), ("e", "Employee's name", str(f["employee_name"]))]
    right = [(box, pick(labels, s.variant), _amount(page, doc, key)) for box, labels, key in BOXES]
    right += [(f"12{'ab'[row]}", "See instructions for box 12" if not row else "", f"{code}  {amount}")
              for row, (code, amount) in enumerate(_box12(page, doc))]
    state = _states(page, doc)[0]
    right += [("16", f"State wages, tips, etc. ({state[0]})", state[2]), ("17", "State income tax", state[3])]
    for row, (box, label, value) in enumerate(left):
        if label:
            _cell(page, MARGIN, top + row * 28, column - 6, 28, box, label, value, right=False, size=9.5)
    _cell(page, MARGIN, top + 56, column - 6, 84, "c", "Employer's name, address, and ZIP code")
    for row, line in enumerate((str(f["employer_name"]), employer.street, employer.city_line)):
        page.text(MARGIN + 6, top + 78 + row * 14, line, 9.5)
    for row, (box, label, value) in enumerate(right):
        _cell(page, MARGIN + column, top + row * 28, column, 28, box, label, value, size=9.5)
    bottom = top + 28 * len(right) + 18
    page.text(MARGIN, bottom, TITLE, 11, bold=True)
    page.text(MARGIN + 230, bottom, str(f["tax_year"]), 14, bold=True)
    page.text(WIDTH - MARGIN, bottom, OMB, 7, right=True)
    page.text(MARGIN, bottom + 12, "Copy B To Be Filed With Employee's FEDERAL Tax Return", 7)


def pressure_seal(page: Page, doc: SampleDoc) -> None:
    """A three-panel self-mailer: return and recipient addresses on the top panel, Copy B and Copy C in compact
    grids of abbreviated labels on the other two, each under "W-2 Wage and Tax Statement <year>"."""
    f, x = doc.fields, doc.extras
    employer = x["employer"]
    page.text(MARGIN, 50, str(f["employer_name"]), 9, bold=True)
    page.text(MARGIN, 61, employer.street, 8)
    page.text(MARGIN, 71, employer.city_line, 8)
    page.text(WIDTH - MARGIN, 50, "IMPORTANT TAX RETURN DOCUMENT ENCLOSED", 8, bold=True, right=True)
    street, city_line = mailing_address(str(f["employee_name"]))
    for row, line in enumerate((str(f["employee_name"]).upper(), street, city_line)):
        page.text(MARGIN + 60, 140 + row * 12, line, 9.5)
    page.text(WIDTH / 2, 240, "- - - fold and tear here - - -", 7)
    panel = (HEIGHT - 264) / 2
    for number, caption in enumerate(("Copy B To Be Filed With Employee's FEDERAL Tax Return",
                                      "Copy C For EMPLOYEE'S RECORDS")):
        _mailer_copy(page, doc, 264 + number * panel, caption)


def _mailer_copy(page: Page, doc: SampleDoc, top: float, caption: str) -> None:
    """One copy of the mailer: three columns of small boxes with abbreviated labels."""
    f, s = doc.fields, page.style
    title = f"W-2 Wage and Tax Statement {f['tax_year']}"
    page.text(MARGIN, top, title, 10, bold=True)
    page.text(MARGIN + page.canvas.stringWidth(title, page._font(True), 10) + 24, top, OMB, 6.5)
    page.text(WIDTH - MARGIN, top, caption, 6.5, right=True)
    width = (WIDTH - 2 * MARGIN) / 3
    state = _states(page, doc)[1]
    codes = _box12(page, doc)
    columns = [
        [("a", "Employee SSN", _ssn(page, doc), False), ("b", "Employer ID no.", str(f["employer_ein"]), False),
         ("d", "Control no.", _control(doc), False), ("e", "Employee name", str(f["employee_name"]), False)],
        [("1", "Wages,tips,other comp.", _amount(page, doc, "wages"), True),
         ("3", "Soc sec wages", _amount(page, doc, "social_security_wages"), True),
         ("5", "Medicare wages & tips", _amount(page, doc, "medicare_wages"), True),
         ("12a", f"Code {codes[0][0]}", codes[0][1], True)],
        [("2", "Fed income tax withheld", _amount(page, doc, "federal_income_tax_withheld"), True),
         ("4", "Soc sec tax withheld", _amount(page, doc, "ss_tax"), True),
         ("6", "Medicare tax withheld", _amount(page, doc, "medicare_tax"), True),
         ("16", f"{state[0]} State wages", state[2], True)],
    ]
    for col, cells in enumerate(columns):
        for row, (box, label, value, right) in enumerate(cells):
            _cell(page, MARGIN + col * width, top + 8 + row * 26, width, 26, box, label, value, right=right, size=8.5)
    page.box(MARGIN, top + 112, WIDTH - 2 * MARGIN, 40, "")
    page.text(MARGIN + 3, top + 120, "c  Employer's name, address, and ZIP code", 6)
    employer = doc.extras["employer"]
    page.text(MARGIN + 8, top + 134, f"{f['employer_name']}, {employer.street}", 8.5)
    page.text(MARGIN + 8, top + 145, employer.city_line, 8.5)
    page.text(WIDTH - MARGIN - 6, top + 145, s.money(_seed(doc) % 30_000 + 4_000) + "  SDI", 7, right=True)


def _employer_box(page: Page, doc: SampleDoc, top: float, width: float, height: float, first: float, step: float,
                  size: float) -> None:
    """Box c at the left margin: its small label, then the employer's name, street and city lines from `first`
    points below the box's label, `step` apart."""
    page.box(MARGIN, top, width, height, "")
    page.text(MARGIN + 3, top + 8, "c", 7, bold=True)
    page.text(MARGIN + 11, top + 8, "Employer's name, address, and ZIP code", 6)
    employer = doc.extras["employer"]
    for row, line in enumerate((str(doc.fields["employer_name"]), employer.street, employer.city_line)):
        page.text(MARGIN + 8, top + 8 + first + row * step, line, size)


LAYOUTS = {"irs_copy_b": irs_copy_b, "copy_c_notice": copy_c_notice, "payroll_pairs": payroll_pairs,
           "adp_reconciliation": adp_reconciliation, "pressure_seal": pressure_seal}
