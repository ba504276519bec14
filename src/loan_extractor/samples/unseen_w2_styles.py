"""A fourth group of unseen development layouts of W-2s (only the `unseen` split draws them; samples/variety.py).

Modelled on W-2 documents the other unseen layouts do not cover: an IRS Wage and Income Transcript entry (plain
`Label:` lines, the year only in "Tax Period Requested", the EIN masked to its last four digits, so its truth has
no EIN: see HIDDEN); a payroll portal's W-2 summary printed from a browser (a list of the portal's own wordings
with amounts and the box numbers at the right); a laser form whose values sit at the top left of each box with
the captions at the bottom; a tax preparation program's W-2 input worksheet (dotted leaders, "Box 1" prefixes,
the year in the program's header); and a form filled by an impact printer in capitals, the values shifted off
their boxes by the paper's misregistration.
"""

from __future__ import annotations

from dataclasses import replace

from loan_extractor.samples.draw import HEIGHT, MARGIN, WIDTH, Page
from loan_extractor.samples.provider_pay_stub import mailing_address
from loan_extractor.samples.unseen_w2 import _box12, _cents, _control, _fitted, _seed, _ssn, _states
from loan_extractor.samples.values import SampleDoc
from loan_extractor.samples.variety_pay_stub import pick

CONTENT = WIDTH - 2 * MARGIN
KEYS = ("wages", "federal_income_tax_withheld", "social_security_wages", "ss_tax", "medicare_wages", "medicare_tax")
FORM = ("Wages, tips, other compensation", "Federal income tax withheld", "Social security wages",
        "Social security tax withheld", "Medicare wages and tips", "Medicare tax withheld")
# fields a layout does not print in a form its truth can keep: the truth of its documents has them null
HIDDEN = {"wage_income_transcript": ("employer_ein",)}


def _dollars(cents: int) -> str:
    return f"${cents // 100:,}.{cents % 100:02d}"


def wage_income_transcript(page: Page, doc: SampleDoc) -> None:
    """An IRS Wage and Income Transcript with one W-2 entry: the request's header (dates of the next year, the
    period "December, <year>"), the employer and employee as blocks under `Employer:` and `Employee:` lines, the
    EIN and SSN masked, then every W-2 field as a `Label:` line with its amount in a column."""
    f, x, s = doc.fields, doc.extras, page.style
    seed, year = _seed(doc), int(str(f["tax_year"]))
    ein = x["employer"].ein.replace("-", "")
    page.text(MARGIN, 50, "This Product Contains Sensitive Taxpayer Data", 8)
    page.text(WIDTH / 2 - 70, 76, "Wage and Income Transcript", 12, bold=True)
    day = f"03-{seed % 27 + 1:02d}-{year + 1}"
    header = (("Request Date", day), ("Response Date", day), ("Tracking Number", f"1080{seed % 10**8:08d}"),
              ("SSN Provided", f"XXX-XX-{str(x['ssn'])[-4:]}"), ("Tax Period Requested", f"December, {year}"))
    for row, (label, value) in enumerate(header):
        page.text(MARGIN, 100 + row * 12, f"{label}:", 9)
        page.text(MARGIN + 140, 100 + row * 12, value, 9)
    page.text(MARGIN, 176, "Form W-2 Wage and Tax Statement", 10, bold=True)
    employer = x["employer"]
    street, city_line = mailing_address(str(f["employee_name"]))
    lines = [("Employer:", True), (f"Employer Identification Number (EIN):XXXXX{ein[-4:]}", False),
             (str(f["employer_name"]).upper(), False), (employer.street.upper(), False),
             (employer.city_line.upper(), False), ("", False), ("Employee:", True),
             (f"Employee's Social Security Number:XXX-XX-{str(x['ssn'])[-4:]}", False),
             (str(f["employee_name"]).upper(), False), (street.upper(), False), (city_line.upper(), False)]
    for row, (line, bold) in enumerate(lines):
        page.text(MARGIN, 196 + row * 12, line, 9, bold=bold)
    deferral = _cents(doc, "medicare_wages") - _cents(doc, "wages")
    amounts = [("Submission Type", "Original document")]
    amounts += [(label, _dollars(_cents(doc, key))) for label, key in zip(
        ("Wages, Tips and Other Compensation", "Federal Income Tax Withheld", "Social Security Wages",
         "Social Security Tax Withheld", "Medicare Wages and Tips", "Medicare Tax Withheld"), KEYS)]
    amounts += [("Social Security Tips", "$0.00"), ("Allocated Tips", "$0.00"), ("Dependent Care Benefits", "$0.00"),
                ("Deferred Compensation", _dollars(deferral)), ('Code "Q" Nontaxable Combat Pay', "$0.00"),
                ('Code "W" Employer Contributions to a Health Savings Account', "$0.00"),
                ('Code "Y" Deferrals under a section 409A nonqualified plan', "$0.00"),
                ("Third Party Sick Pay Indicator", "Not Third Party Sick Pay"),
                ("Retirement Plan Indicator", "Retirement plan" if deferral else "No retirement plan"),
                ("Statutory Employee", "Not Statutory Employee"), ("W2 Submission Type", "Original"),
                ("W2 WHC SSN Validation Code", "Correct SSN")]
    page.text(MARGIN, 346, pick(("Wages, Income, and Tax Withheld", "Income", "Wages and Tax Withheld", "Income"),
                                s.variant), 9, bold=True)
    for row, (label, value) in enumerate(amounts):
        page.text(MARGIN, 362 + row * 12, f"{label}:", 9)
        page.text(MARGIN + 320, 362 + row * 12, value, 9)
    page.text(MARGIN, 362 + len(amounts) * 12 + 24, "This Product Contains Sensitive Taxpayer Data", 8)


PORTAL = (
    ("Wages, tips, other compensation", "Federal income tax withheld", "Social security wages",
     "Social security tax withheld", "Medicare wages and tips", "Medicare tax withheld"),
    ("Federal taxable wages", "Federal income tax", "Social Security taxable wages", "Social Security tax",
     "Medicare taxable wages", "Medicare tax"),
    ("Taxable wages", "Federal withholding", "Social security wages", "OASDI withheld", "Medicare wages",
     "Medicare withheld"),
    ("Federal wages", "Federal tax withheld", "SS wages", "SS tax withheld", "Medicare wages and tips",
     "Medicare tax withheld"),
)


def portal_summary(page: Page, doc: SampleDoc) -> None:
    """A payroll portal's W-2 summary printed from a browser: the print date and page title in the header, the
    portal's URL in the footer, employer and employee cards side by side, then a list of the portal's wordings
    with the amounts and, at the right, the box each goes to."""
    f, x, s = doc.fields, doc.extras, page.style
    year = int(str(f["tax_year"]))
    seed = _seed(doc)
    page.text(MARGIN - 20, 28, f"{seed % 3 + 1}/{seed % 27 + 2}/{year + 1 - 2000}, {seed % 11 + 1}:{seed % 60:02d} AM",
              7)
    page.text(WIDTH / 2, 28, pick(("W-2 Summary", "Tax Statements - W-2", "My W-2", "Year End Forms"), s.variant), 7)
    page.text(MARGIN, 70, pick(("W-2 Summary", "Your W-2", "W-2 Details", "Form W-2 Summary"), s.variant), 18,
              bold=True)
    page.text(WIDTH - MARGIN, 70, pick((f"Tax Year {year}", f"Year: {year}", f"{year}", f"Tax year: {year}"),
                                       s.variant), 11, right=True)
    page.rule(80, width=0.4)
    employer = x["employer"]
    cards = ((MARGIN, "Employer", (str(f["employer_name"]), employer.street, employer.city_line),
              pick(("EIN", "Federal ID", "Employer ID", "FEIN"), s.variant), str(f["employer_ein"])),
             (MARGIN + CONTENT / 2 + 6, "Employee",
              (str(f["employee_name"]), *mailing_address(str(f["employee_name"]))), "SSN", _ssn(page, doc)))
    for left, title, lines, key, value in cards:
        page.canvas.setLineWidth(0.5)
        page.canvas.roundRect(left, HEIGHT - 190, CONTENT / 2 - 6, 96, 6)
        page.text(left + 10, 110, title, 9, bold=True)
        for row, line in enumerate(lines):
            page.text(left + 10, 126 + row * 12, line, 9.5)
        page.text(left + 10, 174, f"{key}: {value}", 9)
    words = PORTAL[s.variant % len(PORTAL)]
    rows = [(word, s.money(_cents(doc, key)), box) for word, key, box in zip(words, KEYS, "123456")]
    deferral = _cents(doc, "medicare_wages") - _cents(doc, "wages")
    if deferral:
        rows.append(("401(k) deferral", s.money(deferral), "12a D"))
    state = _states(page, doc)[0]
    rows += [(f"State wages ({state[0]})", state[2], "16"), (f"State income tax ({state[0]})", state[3], "17")]
    y = 216.0
    for label, text in ((MARGIN, "Description"), (MARGIN + 330, "Amount"), (WIDTH - MARGIN - 40, "Box")):
        page.text(label, y, text, 8.5, bold=True, right=text == "Amount")
    page.rule(y + 5, width=0.6)
    for label, amount, box in rows:
        y += 20
        page.text(MARGIN, y, label, 10)
        page.text(MARGIN + 330, y, amount, 10, right=True)
        page.canvas.roundRect(WIDTH - MARGIN - 44, HEIGHT - y - 4, 44, 14, 3)
        page.text(WIDTH - MARGIN - 40, y, box, 8.5)
        page.rule(y + 7, width=0.2)
    page.text(MARGIN - 20, HEIGHT - 24, f"https://mypay.example.com/tax/w2/{year}?view=print", 7)
    page.text(WIDTH - MARGIN + 20, HEIGHT - 24, "1/1", 7, right=True)


def _top_value(page: Page, x: float, y: float, w: float, h: float, caption: str, value: str, size: float = 10) -> None:
    """A box with its value at the top left and its caption in small type along the bottom."""
    page.box(x, y, w, h, "")
    if value:
        page.text(x + 4, y + 12, value, size)
    page.text(x + 3, y + h - 3, caption, _fitted(page, caption, w - 6, 6))


def value_over_caption(page: Page, doc: SampleDoc) -> None:
    """A laser form whose values print at the top left of each box and whose captions (box number first) run
    along the bottom; the title and year above the grid, the state boxes below it."""
    f, x, s = doc.fields, doc.extras, page.style
    page.text(MARGIN, 60, f"{f['tax_year']}", 16, bold=True)
    title = pick(("W-2 Wage and Tax Statement", "Form W-2  Wage and Tax Statement", "W-2 Wage & Tax Statement",
                  "Wage and Tax Statement  W-2"), s.variant)
    page.text(MARGIN + 50, 60, title, 11, bold=True)
    page.text(WIDTH - MARGIN, 60, "Copy C for employee's records", 7, right=True)
    half, quarter, h = CONTENT / 2, CONTENT / 4, 30.0
    top = 74.0
    _top_value(page, MARGIN, top, half, h, "a  Employee's social security number", _ssn(page, doc))
    _top_value(page, MARGIN + half, top, half, h, "b  Employer identification number (EIN)", str(f["employer_ein"]))
    top += h
    for number, key in enumerate(KEYS):
        row, column = divmod(number, 2)
        _top_value(page, MARGIN + column * quarter, top + row * h, quarter, h, f"{number + 1}  {FORM[number]}",
                   s.money(_cents(doc, key)))
    codes = _box12(page, doc) + [("", "")]
    _top_value(page, MARGIN + half, top, quarter, h, "12a  Code / amount", f"{codes[0][0]}  {codes[0][1]}")
    _top_value(page, MARGIN + half + quarter, top, quarter, h, "d  Control number", _control(doc))
    _top_value(page, MARGIN + half, top + h, quarter, h, "12b  Code / amount",
               f"{codes[1][0]}  {codes[1][1]}" if codes[1][0] else "")
    _top_value(page, MARGIN + half + quarter, top + h, quarter, h, "14  Other",
               f"SDI {s.money(_seed(doc) % 30_000 + 4_000)}")
    _top_value(page, MARGIN + half, top + 2 * h, half, h, "13  Statutory employee / Retirement plan / Third-party",
               "X" if codes[1][0] else "")
    top += 3 * h
    employer = x["employer"]
    street, city_line = mailing_address(str(f["employee_name"]))
    blocks = ((MARGIN, "c  Employer's name, address, and ZIP code",
               (str(f["employer_name"]), employer.street, employer.city_line)),
              (MARGIN + half, "e/f  Employee's name, address, and ZIP code",
               (str(f["employee_name"]), street, city_line)))
    for left, caption, lines in blocks:
        page.box(left, top, half, 56, "")
        for row, line in enumerate(lines):
            page.text(left + 4, top + 12 + row * 12, line, 9.5)
        page.text(left + 3, top + 53, caption, 6)
    top += 56
    state = _states(page, doc)[0]
    for column, (caption, value) in enumerate((("15  State / Employer's state ID no.", f"{state[0]}  {state[1]}"),
                                                ("16  State wages, tips, etc.", state[2]),
                                                ("17  State income tax", state[3]))):
        _top_value(page, MARGIN + column * CONTENT / 3, top, CONTENT / 3, h, caption, value)


def software_worksheet(page: Page, doc: SampleDoc) -> None:
    """A tax preparation program's W-2 input worksheet: the program's header with the year and the client, then
    every entry as `Box N  description . . . . value` with dotted leaders, the identification lines first."""
    f, x, s = doc.fields, doc.extras, page.style
    year = f["tax_year"]
    page.text(MARGIN, 48, pick((f"{year} Federal Worksheets", f"Tax Year {year}", f"{year} Individual Return",
                                f"{year} Federal Return"), s.variant), 8)
    page.text(WIDTH - MARGIN, 48, f"Client {_seed(doc) % 9000 + 1000}", 8, right=True)
    page.text(MARGIN, 72, pick(("W-2 Worksheet", "Wage and Tax Statement Worksheet", "Form W-2 Input",
                                "Wages (Form W-2) Worksheet"), s.variant), 13, bold=True)
    page.text(MARGIN, 86, f"{f['employee_name']}", 9)
    page.text(WIDTH - MARGIN, 86, f"SSN {_ssn(page, doc)}", 9, right=True)
    page.rule(92, width=0.6)
    employer = x["employer"]
    lines = [("", "Taxpayer / Spouse", "Taxpayer"),
             ("b", "Employer identification number", str(f["employer_ein"])),
             ("c", "Employer name", str(f["employer_name"])), ("", "Address", employer.street),
             ("", "City, State, ZIP", employer.city_line), ("d", "Control number", _control(doc)),
             ("e", "Employee name", str(f["employee_name"])), ("", "", "")]
    lines += [(str(n + 1), FORM[n], s.money(_cents(doc, key))) for n, key in enumerate(KEYS)]
    lines += [("7", "Social security tips", ""), ("8", "Allocated tips", ""), ("10", "Dependent care benefits", "")]
    lines += [(f"12{'ab'[n]}", f"Code {code}", amount) for n, (code, amount) in enumerate(_box12(page, doc))]
    state = _states(page, doc)[0]
    lines += [("15", "State", state[0]), ("16", "State wages, tips, etc.", state[2]), ("17", "State income tax",
                                                                                       state[3])]
    dots = ". " * 60
    for row, (box, label, value) in enumerate(lines):
        y = 112 + row * 15
        if not label:
            continue
        prefix = f"Box {box}" if box else ""
        page.text(MARGIN, y, prefix, 9)
        text = f"{label} "
        # the leader stops short of the values' column: amounts right-aligned at its end, text from its start
        room = 250 - page.canvas.stringWidth(text, page._font(False), 9)
        pairs = max(0, int(room / page.canvas.stringWidth(". ", page._font(False), 9)))
        page.text(MARGIN + 48, y, text + dots[: pairs * 2], 9)
        amount = box.isdigit() or box.startswith("12")
        page.text(MARGIN + 390 if amount else MARGIN + 310, y, value, 9, right=amount)
    page.text(MARGIN, HEIGHT - 40, pick(("Prepared from the employee's Form W-2.", "Source: Form W-2 as received.",
                                         "Entered from Form W-2.", "Prepared from Form W-2."), s.variant), 7)


def impact_printed(page: Page, doc: SampleDoc) -> None:
    """A pre-printed form in grey with its captions, filled by an impact printer in capitals: the values in a
    monospaced face, shifted from their boxes by a misregistration fixed per document."""
    f, x, s = doc.fields, doc.extras, page.style
    seed = _seed(doc)
    dx, dy = seed % 13 - 4, seed % 9 + 2  # the paper's offset under the print head
    half, quarter, h = CONTENT / 2, CONTENT / 4, 32.0
    page.canvas.setStrokeGray(0.5)
    page.canvas.setFillGray(0.45)
    page.text(MARGIN, 56, "Form W-2 Wage and Tax Statement", 12, bold=True)
    page.text(MARGIN + page.canvas.stringWidth("Form W-2 Wage and Tax Statement", page._font(True), 12) + 24, 58,
              str(f["tax_year"]), 18, bold=True)
    page.text(WIDTH - MARGIN, 56, "OMB No. 1545-0008", 7, right=True)
    boxes = [(MARGIN, 70, half, "a Employee's social security number"),
             (MARGIN + half, 70, half, "b Employer identification number (EIN)"),
             (MARGIN, 102, half, "c Employer's name, address, and ZIP code")]
    boxes += [(MARGIN + half + (n % 2) * quarter, 102 + (n // 2) * h, quarter, f"{n + 1} {FORM[n]}") for n in range(6)]
    boxes += [(MARGIN, 198, half, "e Employee's name, address, and ZIP code"), (MARGIN + half, 198, half, "14 Other")]
    for left, top, width, caption in boxes:
        height = 96 if caption.startswith(("c ", "e ")) else h
        page.canvas.setLineWidth(0.5)
        page.canvas.rect(left, HEIGHT - top - height, width, height)
        page.text(left + 3, top + 7, caption, _fitted(page, caption, width - 6, 6))
    page.text(MARGIN, 310, "Copy C For EMPLOYEE'S RECORDS", 7)
    page.canvas.setFillGray(0)
    page.canvas.setStrokeGray(0)
    # the printer's monospaced face where the style's font is a standard one (scans embed theirs)
    page.style = replace(s, font="Courier" if s.font in ("Helvetica", "Times") else s.font)
    money = [s.money(_cents(doc, key)).replace("$", "").replace("USD ", "") for key in KEYS]
    employer = x["employer"]
    street, city_line = mailing_address(str(f["employee_name"]))
    values = [(MARGIN + 10, 92, _ssn(page, doc)), (MARGIN + half + 10, 92, str(f["employer_ein"]))]
    values += [(MARGIN + 10, 124 + n * 12, line.upper()) for n, line in
               enumerate((str(f["employer_name"]), employer.street, employer.city_line))]
    values += [(MARGIN + half + (n % 2) * quarter + quarter - 8, 124 + (n // 2) * h, money[n]) for n in range(6)]
    values += [(MARGIN + 10, 220 + n * 12, line.upper()) for n, line in
               enumerate((str(f["employee_name"]), street, city_line))]
    values += [(MARGIN + half + 10, 220, f"SDI {s.money(seed % 30_000 + 4_000)}")]
    for left, top, text in values:
        page.text(left + dx, top + dy, text, 10, right=text in money)
    page.style = s

LAYOUTS = {"wage_income_transcript": wage_income_transcript, "portal_summary": portal_summary,
           "value_over_caption": value_over_caption, "software_worksheet": software_worksheet,
           "impact_printed": impact_printed}
