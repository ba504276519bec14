"""Pay stubs as payroll providers print them: an earnings statement with a detachable deposit advice, and a
summary grid with the periods down and the totals across."""

from __future__ import annotations

from loan_extractor.samples import pools
from loan_extractor.samples.draw import MARGIN, WIDTH, Page
from loan_extractor.samples.values import PERIODS, SampleDoc
from loan_extractor.samples.variety_pay_stub import pick

HOURS = {"weekly": 40, "biweekly": 80, "semimonthly": 86.67, "monthly": 173.33}
CURRENT = ("this period", "Current", "This Period", "Current Period")
TO_DATE = ("year to date", "YTD", "Year to Date", "YTD Amount")


def fitted_pair(page: Page, x: float, y: float, label: str, value: str, gap: float, size: float = 10.5) -> None:
    """A `Label:` and its value, the value moved right when the label is wider than the gap (a long
    day-first label), as a form leaves room for its own labels."""
    width = page.canvas.stringWidth(f"{label}:", page._font(True), size)
    page.pair(x, y, label, value, max(gap, width + size), size)


def earnings_advice(page: Page, doc: SampleDoc) -> None:
    """Header with the period lines at the right, the employee's name unlabelled under them, an earnings table
    with rate and hours columns, statutory deductions, and a deposit advice slip below a dashed rule."""
    f, s, x = doc.fields, page.style, doc.extras
    employer = x["employer"]
    page.text(MARGIN, 60, str(f["employer_name"]), 11, bold=True)
    page.text(MARGIN, 73, employer.street, 9)
    page.text(MARGIN, 85, employer.city_line, 9)
    page.text(WIDTH - MARGIN, 60, "Earnings Statement", 14, bold=True, right=True)
    for number, (label, key) in enumerate((("Period Beginning", "pay_period_start"),
                                            ("Period Ending", "pay_period_end"), ("Pay Date", "pay_date"))):
        fitted_pair(page, 360, 80 + number * 13, s.date_label(label), s.date(str(f[key])), 95, size=9)
    page.text(MARGIN, 128, "Filing Status: Single", 8)
    page.text(MARGIN, 139, "Exemptions/Allowances: Federal 1", 8)
    page.text(360, 140, str(f["employee_name"]).upper(), 10, bold=True)
    hours = HOURS[str(x["frequency"])]
    gross_cents = round(float(str(f["gross_pay"])) * 100)
    rate = f"{gross_cents / 100 / hours:,.4f}"
    head = ["Earnings", "rate", "hours", pick(CURRENT, s.variant), pick(TO_DATE, s.variant)]
    widths = [150, 70, 60, 100, 110]
    rows = [head, ["Regular", rate, f"{hours:.2f}", s.money(str(f["gross_pay"])), s.money(str(f["ytd_gross"]))],
            ["Gross Pay", "", "", s.money(str(f["gross_pay"])), s.money(str(f["ytd_gross"]))]]
    y = page.table(MARGIN, 172, widths, rows, line=15)
    page.text(MARGIN, y + 8, "Deductions   Statutory", 9, bold=True)
    n = int(x["periods_to_date"])
    rows = [["", "", "", "", ""]]
    rows += [[name, "", "", s.money(-c), s.money(c * n)] for name, c in dict(x["deductions"]).items()]
    y = page.table(MARGIN, y + 8, widths, rows, line=14)
    page.text(MARGIN, y + 10, "Net Pay", 10, bold=True)
    page.text(MARGIN + 380, y + 10, s.money(str(f["net_pay"])), 10, bold=True, right=True)
    page.text(MARGIN, y + 32, "Your federal taxable wages this period are " + s.money(gross_cents), 8)
    _advice(page, doc, y + 70)


def _advice(page: Page, doc: SampleDoc, y: float) -> None:
    f, s = doc.fields, page.style
    page.canvas.setDash(3, 2)
    page.rule(y)
    page.canvas.setDash()
    page.text(MARGIN, y + 24, str(f["employer_name"]), 10, bold=True)
    advice = f"000{sum(map(ord, str(f['employee_name']))) * 7919 % 10**7:07d}"
    fitted_pair(page, 360, y + 24, "Advice number", advice, 95, size=9)
    fitted_pair(page, 360, y + 38, s.date_label("Pay date"), s.date(str(f["pay_date"])), 95, size=9)
    page.text(MARGIN, y + 64, "Deposited to the account of", 8)
    page.text(300, y + 64, "account number", 8)
    page.text(390, y + 64, "transit ABA", 8)
    page.text(WIDTH - MARGIN, y + 64, "amount", 8, right=True)
    page.text(MARGIN, y + 78, str(f["employee_name"]), 10)
    page.text(300, y + 78, "xxxxxx4821", 10)
    page.text(390, y + 78, "xxxx xxxx", 10)
    page.text(WIDTH - MARGIN, y + 78, s.money(str(f["net_pay"])), 10, right=True)
    page.text(MARGIN, y + 110, "NON-NEGOTIABLE", 12, bold=True)


def summary_grid(page: Page, doc: SampleDoc) -> None:
    """Company and employee blocks side by side (label above name), the period on one line, and a summary grid:
    Current and YTD rows under Gross Earnings / Employee Taxes / Deductions / Net Pay columns."""
    f, s, x = doc.fields, page.style, doc.extras
    employer = x["employer"]
    page.text(MARGIN, 58, "Employee Earnings Statement", 15, bold=True)
    page.text(WIDTH - MARGIN, 58, f"{s.date_label('Check Date')}: {s.date(str(f['pay_date']))}", 10, right=True)
    page.text(MARGIN, 90, "Company", 9, bold=True)
    page.text(320, 90, "Employee", 9, bold=True)
    page.text(MARGIN, 104, str(f["employer_name"]), 10)
    page.text(320, 104, str(f["employee_name"]), 10)
    page.text(MARGIN, 117, employer.street, 9)
    page.text(320, 117, "XXX-XX-" + f"{len(str(f['employee_name'])) * 97 % 10000:04d}", 9)
    page.text(MARGIN, 129, employer.city_line, 9)
    period = f"{s.date(str(f['pay_period_start']))} - {s.date(str(f['pay_period_end']))}"
    fitted_pair(page, MARGIN, 156, s.date_label("Pay Period"), period, 90, size=10)
    deductions = dict(x["deductions"])
    taxes = sum(c for k, c in deductions.items() if k != "401(k)")
    other = deductions.get("401(k)", 0)
    n = int(x["periods_to_date"])
    gross, net = round(float(str(f["gross_pay"])) * 100), round(float(str(f["net_pay"])) * 100)
    rows = [["Summary", "Gross Earnings", "Employee Taxes", "Deductions", "Net Pay"],
            ["Current", s.money(gross), s.money(taxes), s.money(other), s.money(net)],
            ["YTD", s.money(str(f["ytd_gross"])), s.money(taxes * n), s.money(other * n), s.money(net * n)]]
    page.table(MARGIN, 188, [90, 105, 105, 95, 105], rows, line=17)
    hours = HOURS[str(x["frequency"])]
    rows = [["Earnings", "Hours", "Rate", "Current", "YTD"],
            ["Salary", f"{hours:.2f}", f"{gross / 100 / hours:,.2f}", s.money(gross), s.money(str(f["ytd_gross"]))]]
    page.table(MARGIN, 262, [150, 70, 70, 100, 110], rows, line=17)
    page.text(MARGIN, 320, f"Pay frequency: {str(x['frequency']).title()} ({PERIODS[str(x['frequency'])]} per year)", 8)


def header_strip(page: Page, doc: SampleDoc) -> None:
    """A strip of column headings with the employee, dates and check number on the line under them, an earnings
    table with a TOTAL row, and a box of this period's and the year's totals with net pay."""
    f, s, x = doc.fields, page.style, doc.extras
    page.text(MARGIN, 56, str(f["employer_name"]), 13, bold=True)
    page.text(WIDTH - MARGIN, 56, "Statement of Earnings and Deductions", 11, right=True)
    heads = ("Employee Name", s.date_label("Check Date"), s.date_label("Period Start"), s.date_label("Period End"),
             "Check Number")
    values = (str(f["employee_name"]), s.date(str(f["pay_date"])), s.date(str(f["pay_period_start"])),
              s.date(str(f["pay_period_end"])), "104522")
    widths = (150, 95, 95, 95, 70)
    left = MARGIN
    for head, value, width in zip(heads, values, widths):
        page.text(left, 88, head, 6 if s.dates == "dayfirst" else 7.5, bold=True)
        page.text(left, 102, value, 9)
        left += width + 2
    page.rule(110)
    hours = HOURS[str(x["frequency"])]
    gross = round(float(str(f["gross_pay"])) * 100)
    rows = [["Description", "Rate", "Hours", pick(CURRENT, s.variant), pick(TO_DATE, s.variant)],
            ["Salary", f"{gross / 100 / hours:,.2f}", f"{hours:.2f}", s.money(gross), s.money(str(f["ytd_gross"]))],
            ["TOTAL", "", f"{hours:.2f}", s.money(gross), s.money(str(f["ytd_gross"]))]]
    y = page.table(MARGIN, 134, [170, 70, 70, 100, 100], rows, line=15)
    deductions = sum(dict(x["deductions"]).values())
    n = int(x["periods_to_date"])
    rows = [["", "Gross Pay", "Deductions", "Net Pay"],
            ["This Period", s.money(gross), s.money(deductions), s.money(str(f["net_pay"]))],
            ["Year to Date", s.money(str(f["ytd_gross"])), s.money(deductions * n),
             s.money(round(float(str(f["net_pay"])) * 100) * n)]]
    page.table(MARGIN, y + 30, [130, 120, 120, 120], rows, line=16)


def two_level_columns(page: Page, doc: SampleDoc) -> None:
    """Column headings on two levels: Current and Year to Date each over Hours and Amount; the employee's and the
    company's names in a header block with their labels in small capitals above them."""
    f, s, x = doc.fields, page.style, doc.extras
    employer = x["employer"]
    page.text(MARGIN, 54, "EMPLOYEE", 7, bold=True)
    page.text(300, 54, "COMPANY", 7, bold=True)
    page.text(MARGIN, 67, str(f["employee_name"]), 11)
    page.text(300, 67, str(f["employer_name"]), 11)
    page.text(300, 80, f"{employer.street}, {employer.city_line}", 8)
    period = f"{s.date(str(f['pay_period_start']))} - {s.date(str(f['pay_period_end']))}"
    fitted_pair(page, MARGIN, 108, s.date_label("Pay Period"), period, 80, size=9)
    fitted_pair(page, MARGIN, 121, s.date_label("Pay Date"), s.date(str(f["pay_date"])), 80, size=9)
    hours = HOURS[str(x["frequency"])]
    n = int(x["periods_to_date"])
    gross = round(float(str(f["gross_pay"])) * 100)
    page.text(MARGIN + 185, 140, "Current", 9, bold=True)
    page.text(MARGIN + 375, 140, "Year to Date", 9, bold=True)
    rows = [["Earnings", "Hours", "Amount", "Hours", "Amount"],
            ["Regular", f"{hours:.2f}", s.money(gross), f"{hours * n:.2f}", s.money(str(f["ytd_gross"]))],
            [pick(("Gross Earnings", "Total Earnings", "Gross Pay", "Total Gross"), s.variant), f"{hours:.2f}",
             s.money(gross), f"{hours * n:.2f}", s.money(str(f["ytd_gross"]))]]
    y = page.table(MARGIN, 156, [150, 60, 100, 80, 110], rows, line=15)
    rows = [["Deductions", "", "Amount", "", "Amount"]]
    rows += [[name, "", s.money(c), "", s.money(c * n)] for name, c in dict(x["deductions"]).items()]
    y = page.table(MARGIN, y + 14, [150, 60, 100, 80, 110], rows, line=14)
    page.rule(y)
    page.text(MARGIN, y + 16, pick(("Net Pay", "Net Check", "Net Amount", "Take Home Pay"), s.variant), 10, bold=True)
    page.text(MARGIN + 310, y + 16, s.money(str(f["net_pay"])), 10, bold=True, right=True)


def mailing_address(name: str) -> tuple[str, str]:
    """A street and a city line for a person, fixed by the name (the sample values carry no home address)."""
    seed = sum(map(ord, name))
    city, state, zip_code = pools.CITIES[seed % len(pools.CITIES)]
    return f"{seed * 37 % 9800 + 10} {pools.STREETS[seed % len(pools.STREETS)]}", f"{city}, {state} {zip_code}"


def address_window(page: Page, doc: SampleDoc) -> None:
    """The employer's return address on top, the employee's name and address with no label in a window-envelope
    block under it, the dates in a block at the right, earnings with Current and YTD columns and net pay."""
    f, s, x = doc.fields, page.style, doc.extras
    employer = x["employer"]
    page.text(MARGIN, 56, str(f["employer_name"]), 12, bold=True)
    page.text(MARGIN, 69, employer.street, 9)
    page.text(MARGIN, 81, employer.city_line, 9)
    page.text(WIDTH - MARGIN, 56, pick(("Pay Statement", "Earnings Statement", "Payroll Advice", "Pay Stub"),
                                       s.variant), 13, bold=True, right=True)
    name = str(f["employee_name"])
    street, city_line = mailing_address(name)
    for row, text in enumerate((name.upper() if s.variant % 2 else name, street, city_line)):
        page.text(MARGIN + 24, 132 + row * 13, text, 10)
    for row, (label, key) in enumerate((("Check Date", "pay_date"), ("Period Start", "pay_period_start"),
                                        ("Period End", "pay_period_end"))):
        fitted_pair(page, 340, 120 + row * 14, s.date_label(label), s.date(str(f[key])), 90, size=9)
    page.text(340, 162, "Employee ID: 00" + f"{sum(map(ord, name)) * 31 % 100000:05d}", 9)
    gross = round(float(str(f["gross_pay"])) * 100)
    n = int(x["periods_to_date"])
    rows = [["Earnings", "Hours", pick(CURRENT, s.variant), pick(TO_DATE, s.variant)],
            ["Regular Pay", f"{HOURS[str(x['frequency'])]:.2f}", s.money(gross), s.money(str(f["ytd_gross"]))],
            ["Gross Pay", "", s.money(gross), s.money(str(f["ytd_gross"]))]]
    y = page.table(MARGIN, 204, [180, 80, 110, 120], rows, line=15)
    rows = [["Taxes and Deductions", "", "", ""]]
    rows += [[name_, "", s.money(c), s.money(c * n)] for name_, c in dict(x["deductions"]).items()]
    y = page.table(MARGIN, y + 12, [180, 80, 110, 120], rows, line=14)
    page.rule(y)
    page.text(MARGIN, y + 16, "Net Pay", 10, bold=True)
    page.text(MARGIN + 370, y + 16, s.money(str(f["net_pay"])), 10, bold=True, right=True)


LAYOUTS = {"earnings_advice": earnings_advice, "summary_grid": summary_grid, "header_strip": header_strip,
           "two_level_columns": two_level_columns, "address_window": address_window}
