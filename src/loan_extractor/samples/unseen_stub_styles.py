"""A fourth group of unseen development layouts of pay stubs (only the `unseen` split draws them; samples/variety.py).

Modelled on pay documents the other unseen stubs do not cover: a payroll provider's earnings statement whose right
half is a non-negotiable deposit advice repeating the net pay under "Advice date" and "Deposit date"; a stub whose
header is a grid of captioned cells (caption above value, rules between cells, no boxes) over side-by-side earnings
and deductions tables; an hourly retail stub with several rate lines whose gross is only the "Total" row of its
earnings table; a small firm's stub headed "For the period ending ..." with its start as "Period Beg"; and a school
district's payslip whose employer is only the letterhead and whose amounts sit in CURRENT / CALENDAR YTD columns.
"""

from __future__ import annotations

from loan_extractor.samples.draw import HEIGHT, MARGIN, WIDTH, Page
from loan_extractor.samples.provider_pay_stub import HOURS, mailing_address
from loan_extractor.samples.unseen_pay_stub import SHORT_DEDUCTIONS, _cents, _employee_id, _grid, _ssn_mask
from loan_extractor.samples.values import SampleDoc
from loan_extractor.samples.variety_pay_stub import pick

CONTENT = WIDTH - 2 * MARGIN


def _split(total: int, shares: tuple[float, ...]) -> list[int]:
    """`total` cents cut by `shares`, the first part taking the rounding so the parts add up to the total."""
    parts = [round(total * share) for share in shares[1:]]
    return [total - sum(parts), *parts]


def deposit_advice(page: Page, doc: SampleDoc) -> None:
    """An earnings statement on the left half (employer heading, the employee's name and address unlabelled, begin
    and end dates, earnings and deductions in small type with a Net Pay row) and, right of a dashed cut, a deposit
    advice marked NON-NEGOTIABLE repeating the pay date as "Advice date" and "Deposit date" and the net pay as the
    amount deposited to the employee's masked account."""
    f, s, x = doc.fields, page.style, doc.extras
    name, employer = str(f["employee_name"]), x["employer"]
    half = MARGIN + CONTENT / 2 + 6
    page.text(MARGIN, 50, str(f["employer_name"]), 10.5, bold=True)
    page.text(MARGIN, 61, f"{employer.street}, {employer.city_line}", 7)
    page.text(MARGIN, 82, pick(("Earnings Statement", "Statement of Earnings", "Earnings Statement", "Pay Advice"),
                               s.variant), 12, bold=True)
    dates = [(pick(("Pay Begin Date", "Beginning Date", "Period Beg.", "Pay Begin Date"), s.variant),
              f["pay_period_start"]),
             (pick(("Pay End Date", "Ending Date", "Period End.", "Pay End Date"), s.variant), f["pay_period_end"]),
             (pick(("Check Date", "Pay Date", "Check Date", "Pay Date"), s.variant), f["pay_date"])]
    for row, (label, value) in enumerate(dates):
        page.text(MARGIN, 100 + row * 11, s.date_label(label), 7.5)
        page.text(MARGIN + 125, 100 + row * 11, s.date(str(value)), 7.5)
    street, city_line = mailing_address(name)
    for row, line in enumerate((name, street, city_line)):
        page.text(MARGIN + 20, 150 + row * 11, line, 9 if row == 0 else 8, bold=row == 0)
    gross, net, n = _cents(f["gross_pay"]), _cents(f["net_pay"]), int(x["periods_to_date"])
    hours = HOURS[str(x["frequency"])]
    rows = [["Earnings", "rate", "hours", "this period", "year to date"],
            ["Regular", f"{gross / 100 / hours:,.2f}", f"{hours:.2f}", s.money(gross), s.money(str(f["ytd_gross"]))],
            [pick(("Gross Pay", "Gross Pay", "Total Gross", "Gross Pay"), s.variant), "", "", s.money(gross),
             s.money(str(f["ytd_gross"]))]]
    y = _grid(page, MARGIN, 200, [60, 34, 34, 56, 60], rows, size=7, line=11)
    rows = [["Deductions", "", "", "this period", "year to date"]]
    rows += [[SHORT_DEDUCTIONS.get(k, k), "", "", s.money(-c), s.money(-c * n)] for k, c in x["deductions"].items()]
    rows.append(["Net Pay", "", "", s.money(net), s.money(net * n)])
    _grid(page, MARGIN, y + 10, [60, 34, 34, 56, 60], rows, size=7, line=11)
    page.canvas.setDash(3, 2)
    page.canvas.line(half - 10, HEIGHT - 40, half - 10, HEIGHT - 400)
    page.canvas.setDash()
    page.text(half, 50, str(f["employer_name"]), 8.5, bold=True)
    page.text(half, 82, pick(("Advice number:", "Advice No.", "Advice number:", "Voucher number:"), s.variant), 7.5)
    page.text(WIDTH - MARGIN, 82, f"0000{_employee_id(name)}", 7.5, right=True)
    for row, label in enumerate((pick(("Advice date:", "Advice Date", "Advice date:", "Advice date:"), s.variant),
                                 pick(("Deposit date:", "Deposit Date", "Deposit date:", "Deposit date:"), s.variant))):
        page.text(half, 94 + row * 11, s.date_label(label), 7.5)
        page.text(WIDTH - MARGIN, 94 + row * 11, s.date(str(f["pay_date"])), 7.5, right=True)
    page.text(half, 140, pick(("Deposited to the account of", "Deposited to the account of", "Deposited to",
                               "Deposited to the account of"), s.variant), 7, bold=True)
    page.text(half, 153, name, 9)
    rows = [["account number", "transit ABA", "amount"],
            [s.account(f"{sum(map(ord, name)) * 7919:012d}"), "XXXX XXXX", s.money(net)]]
    _grid(page, half, 180, [70, 60, CONTENT / 2 - 136], rows, size=7, line=11)
    page.text(half, 230, "NON-NEGOTIABLE", 11, bold=True)
    page.text(half, 243, "THIS IS NOT A CHECK", 7)


def caption_grid(page: Page, doc: SampleDoc) -> None:
    """A header grid of captioned cells (caption in small type above its value, thin rules between cells, none
    around them) for company, employee, ID, department, check date and the period's two ends, over side-by-side
    Earnings and Deductions tables with Current and Year To Date columns and a Net Pay strip under them."""
    f, s, x = doc.fields, page.style, doc.extras
    name = str(f["employee_name"])
    page.text(WIDTH - MARGIN, 48, pick(("Payroll Statement", "Earnings Statement", "Pay Statement", "Payroll Stub"),
                                       s.variant), 11, bold=True, right=True)
    cells = [[(pick(("Company", "Company Name", "Company", "Employer"), s.variant), str(f["employer_name"]), 2),
              (pick(("Employee", "Employee Name", "Employee", "Name"), s.variant), name, 2)],
             [("Employee No.", _employee_id(name), 1), ("Dept.", f"{len(name) * 37 % 900 + 100}", 1),
              (s.date_label(pick(("Check Date", "Pay Date", "Check Date", "Pay Date"), s.variant)),
               s.date(str(f["pay_date"])), 1),
              (s.date_label(pick(("Period Beginning", "Period Start", "Pay Period Begin", "Period Beginning"),
                                 s.variant)), s.date(str(f["pay_period_start"])), 1)],
             [(s.date_label(pick(("Period Ending", "Period End", "Pay Period End", "Period Ending"), s.variant)),
               s.date(str(f["pay_period_end"])), 1), ("Pay Frequency", str(x["frequency"]).title(), 1),
              ("SSN", _ssn_mask(name), 2)]]
    page.canvas.setLineWidth(0.4)
    y = 70.0
    for row in cells:
        left = MARGIN
        for caption, value, span in row:
            page.text(left + 3, y + 8, caption, 6.5)
            page.text(left + 3, y + 21, value, 9)
            if left > MARGIN:
                page.canvas.line(left, HEIGHT - y, left, HEIGHT - y - 26)
            left += CONTENT / 4 * span
        y += 28
        page.rule(y - 2, width=0.4)
    gross, net, n = _cents(f["gross_pay"]), _cents(f["net_pay"]), int(x["periods_to_date"])
    hours = HOURS[str(x["frequency"])]
    deductions = dict(x["deductions"])
    rows = [["Earnings", "Rate", "Hours", "Current", "Year To Date"],
            ["Regular", f"{gross / 100 / hours:,.2f}", f"{hours:.2f}", s.money(gross), s.money(str(f["ytd_gross"]))],
            [pick(("Total Earnings", "Gross Earnings", "Total Gross", "Gross Pay"), s.variant), "", "",
             s.money(gross), s.money(str(f["ytd_gross"]))]]
    _grid(page, MARGIN, y + 24, [60, 36, 38, 62, 66], rows, size=7.5, line=12)
    rows = [["Deductions", "Current", "Year To Date"]]
    rows += [[SHORT_DEDUCTIONS.get(k, k), s.money(c), s.money(c * n)] for k, c in deductions.items()]
    rows.append(["Total Deductions", s.money(sum(deductions.values())), s.money(sum(deductions.values()) * n)])
    left, widths = MARGIN + 272, [76, 72, 76]
    end = _grid(page, left, y + 24, widths, rows, size=7.5, line=12)
    page.rule(end + 2, width=0.8)
    page.text(left, end + 16, pick(("Net Pay", "Net Pay", "Net Check", "Net Pay"), s.variant), 9, bold=True)
    page.text(left + widths[0] + widths[1] - 3, end + 16, s.money(net), 9, bold=True, right=True)
    page.text(left + sum(widths) - 3, end + 16, s.money(net * n), 9, right=True)


RETAIL_LINES = (("Regular", 0.82), ("Overtime", 0.09), ("Shift Differential", 0.04), ("Holiday", 0.05))


def retail_hourly(page: Page, doc: SampleDoc) -> None:
    """A retail chain's hourly stub: store and team member lines at the top, the period as one range, an earnings
    table of several rate lines (regular, overtime at time and a half, shift differential, holiday) whose gross is
    only its "Total" row, then taxes and a Net Pay line."""
    f, s, x = doc.fields, page.style, doc.extras
    name, employer = str(f["employee_name"]), x["employer"]
    page.text(MARGIN, 50, str(f["employer_name"]).upper(), 13, bold=True)
    page.text(MARGIN, 62, f"Store #{len(name) * 53 % 9000 + 100:04d}  {employer.city_line}", 8)
    member = pick(("Team Member", "Associate Name", "Team Member Name", "Associate"), s.variant)
    page.text(MARGIN, 88, f"{member}: {name}", 9.5)
    page.text(MARGIN + 300, 88, f"ID# {_employee_id(name)}", 9)
    period = s.date_label(pick(("Pay Period", "Pay Period", "Period", "Pay Period"), s.variant))
    joiner = pick((" - ", " to ", " - ", " through "), s.variant)
    page.text(MARGIN, 102, f"{period}: {s.date(str(f['pay_period_start']))}{joiner}{s.date(str(f['pay_period_end']))}",
              9)
    page.text(MARGIN + 300, 102, f"{s.date_label('Pay Date')}: {s.date(str(f['pay_date']))}", 9)
    page.rule(112)
    gross, net, n = _cents(f["gross_pay"]), _cents(f["net_pay"]), int(x["periods_to_date"])
    hours = HOURS[str(x["frequency"])]
    shares = tuple(share for _, share in RETAIL_LINES)
    current, to_date = _split(gross, shares), _split(_cents(f["ytd_gross"]), shares)
    base = current[0] / 100 / hours  # regular and holiday hours at the base rate, overtime at time and a half
    rates = (base, base * 1.5, current[2] / 100 / (hours * 0.3), base)
    line_hours = [c / 100 / r for c, r in zip(current, rates)]
    rows = [["Earnings", "Hours", "Rate", "Current", "YTD"]]
    for (label, _), h, r, c, t in zip(RETAIL_LINES, line_hours, rates, current, to_date):
        rows.append([label, f"{h:.2f}", f"{r:,.4f}", s.money(c), s.money(t)])
    rows.append([pick(("Total", "Totals", "Total", "Total:"), s.variant), f"{sum(line_hours):.2f}", "",
                 s.money(gross), s.money(str(f["ytd_gross"]))])
    y = _grid(page, MARGIN, 134, [150, 70, 80, 100, 104], rows, size=9, line=14)
    page.rule(y - 24, MARGIN, MARGIN + 504, 0.5)
    rows = [["Taxes/Deductions", "", "", "Current", "YTD"]]
    rows += [[k, "", "", s.money(c), s.money(c * n)] for k, c in x["deductions"].items()]
    y = _grid(page, MARGIN, y + 14, [150, 70, 80, 100, 104], rows, size=9, line=14)
    page.rule(y - 4)
    page.text(MARGIN, y + 12, pick(("Net Pay", "Net Pay Amount", "NET PAY", "Net Pay"), s.variant), 10, bold=True)
    page.text(MARGIN + 400, y + 12, s.money(net), 10, bold=True, right=True)
    page.text(MARGIN + 504, y + 12, s.money(net * n), 10, right=True)


def period_ending(page: Page, doc: SampleDoc) -> None:
    """A stub a small accounting firm prints for its clients: the employer centred, the period as a sentence ("For
    the period ending March 15, 2026" with "Period Beg" on its own line, or "Period: A - B"), inline labels with
    their values right after the colon, and a This Pay / To Date list of amounts."""
    f, s, x = doc.fields, page.style, doc.extras
    name = str(f["employee_name"])
    page.text(WIDTH / 2 - 100, 52, str(f["employer_name"]), 12, bold=True)
    page.text(WIDTH / 2 - 100, 64, "Employee Pay Stub", 9)
    start, end = s.date(str(f["pay_period_start"])), s.date(str(f["pay_period_end"]))
    if s.variant % 2 == 0:
        page.text(MARGIN, 92, f"{s.date_label('For the period ending')} {end}", 10, bold=True)
        page.text(MARGIN, 106, f"{s.date_label('Period Beg')}: {start}", 9)
    else:
        page.text(MARGIN, 92, f"{s.date_label('Period')}: {start} - {end}", 10, bold=True)
    paid = pick(("Paid To", "Employee", "Pay To", "Paid To"), s.variant)
    page.text(MARGIN, 126, f"{paid}: {name}", 9.5)
    page.text(MARGIN + 280, 126, f"{s.date_label(pick(('Date Paid', 'Pay Date', 'Paid On', 'Date Paid'), s.variant))}: "
                                 f"{s.date(str(f['pay_date']))}", 9.5)
    page.text(MARGIN, 140, f"Emp #: {_employee_id(name)}    Filing status: S / 1", 8)
    gross, net, n = _cents(f["gross_pay"]), _cents(f["net_pay"]), int(x["periods_to_date"])
    this, to_date = pick(("This Pay", "This Period", "This Pay", "Current"), s.variant), "To Date"
    page.text(MARGIN + 330, 168, this, 9, bold=True, right=True)
    page.text(MARGIN + 430, 168, to_date, 9, bold=True, right=True)
    page.rule(172, MARGIN, MARGIN + 430, 0.5)
    lines = [(pick(("Gross", "Gross Wages", "Gross", "Gross Earnings"), s.variant), gross, _cents(f["ytd_gross"]))]
    lines += [(k, -c, -c * n) for k, c in x["deductions"].items()]
    lines.append((pick(("Net", "Net Pay", "Net", "Net Pay"), s.variant), net, net * n))
    for row, (label, this_pay, so_far) in enumerate(lines):
        y = 188 + row * 14
        page.text(MARGIN, y, label, 9, bold=row in (0, len(lines) - 1))
        page.text(MARGIN + 330, y, s.money(this_pay), 9, right=True)
        page.text(MARGIN + 430, y, s.money(so_far), 9, right=True)


DISTRICT_DEDUCTIONS = {"Federal Income Tax": "FED W/H", "Social Security": "FICA", "Medicare": "MEDICARE",
                       "State Income Tax": "STATE W/H", "401(k)": "STRS RETIREMENT"}


def district_payslip(page: Page, doc: SampleDoc) -> None:
    """A school district's or city's payslip: a seal drawn left of the letterhead, which is the only place the
    employer is named; upper-case captions above their values (employee name, position, site, pay period, pay
    date); and a CURRENT / CALENDAR YTD table of gross, deductions and net."""
    f, s, x = doc.fields, page.style, doc.extras
    name = str(f["employee_name"])
    page.canvas.setLineWidth(1.2)
    page.canvas.circle(MARGIN + 18, HEIGHT - 56, 17)
    page.canvas.circle(MARGIN + 18, HEIGHT - 56, 12)
    page.text(MARGIN + 46, 56, str(f["employer_name"]).upper(), 13, bold=True)
    page.text(MARGIN + 46, 68, "PAYROLL SERVICES  -  EMPLOYEE PAYSLIP", 7.5)
    page.rule(84, width=1.2)
    site = pick(("LINCOLN ELEMENTARY", "CENTRAL OFFICE", "NORTH HIGH SCHOOL", "PUBLIC WORKS YARD"), len(name))
    captions = [(pick(("EMPLOYEE NAME", "NAME", "EMPLOYEE", "EMPLOYEE NAME"), s.variant), name.upper(), 0, 102),
                ("EMPLOYEE NUMBER", _employee_id(name), 260, 102), ("POSITION", "CERTIFICATED STAFF", 380, 102),
                ("SITE", site, 0, 134), (s.date_label("PAY DATE"), s.date(str(f["pay_date"])), 260, 134),
                (s.date_label(pick(("PERIOD BEGIN", "BEGIN DATE", "PERIOD START", "PAY PERIOD BEGIN"), s.variant)),
                 s.date(str(f["pay_period_start"])), 0, 166),
                (s.date_label(pick(("PERIOD END", "END DATE", "PERIOD ENDING", "PAY PERIOD END"), s.variant)),
                 s.date(str(f["pay_period_end"])), 260, 166)]
    for caption, value, dx, y in captions:
        page.text(MARGIN + dx, y, caption, 6.5, bold=True)
        page.text(MARGIN + dx, y + 12, value, 9.5)
    gross, net, n = _cents(f["gross_pay"]), _cents(f["net_pay"]), int(x["periods_to_date"])
    deductions = dict(x["deductions"])
    ytd = pick(("CALENDAR YTD", "CAL YTD", "YTD", "CALENDAR YTD"), s.variant)
    rows = [["", "CURRENT", ytd],
            [pick(("GROSS PAY", "TOTAL GROSS", "GROSS PAY", "GROSS EARNINGS"), s.variant), s.money(gross),
             s.money(str(f["ytd_gross"]))]]
    rows += [[DISTRICT_DEDUCTIONS.get(k, k.upper()), s.money(c), s.money(c * n)] for k, c in deductions.items()]
    rows.append([pick(("NET PAY", "NET PAY", "NET AMOUNT", "NET PAY"), s.variant), s.money(net), s.money(net * n)])
    y = _grid(page, MARGIN, 214, [200, 120, 130], rows, size=9, line=15)
    page.text(MARGIN, y + 14, "LEAVE BALANCES  SICK 86.50  PERSONAL 16.00", 7.5)


LAYOUTS = {"deposit_advice": deposit_advice, "caption_grid": caption_grid, "retail_hourly": retail_hourly,
           "period_ending": period_ending, "district_payslip": district_payslip}
