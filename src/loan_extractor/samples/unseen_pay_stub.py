"""Unseen development layouts of pay stubs: only the `unseen` split draws them, the type model never trains on them
(samples/variety.py).

Modelled on stubs the other layouts do not cover: a voucher check with its stub below (small-business payroll
software), a government earnings and leave statement (all-caps labels in boxes, a numbered pay period), a header
grid of boxes with the period as one range and earnings and deductions side by side (online payroll services), a
pay slip of label/value cells with a Current/YTD totals band (HR suites), a summary with labels at the left and
values right-aligned at the far margin (small-business payroll apps), and a construction union payroll stub."""

from __future__ import annotations

from loan_extractor.samples.draw import HEIGHT, MARGIN, WIDTH, Page
from loan_extractor.samples.provider_pay_stub import HOURS, fitted_pair, mailing_address
from loan_extractor.samples.values import SampleDoc
from loan_extractor.samples.variety_pay_stub import pick

CONTENT = WIDTH - 2 * MARGIN
SHORT_DEDUCTIONS = {"Federal Income Tax": "Fed W/H", "Social Security": "Soc Sec", "Medicare": "Medicare",
                    "State Income Tax": "State W/H", "401(k)": "401(k)"}
GOVERNMENT_DEDUCTIONS = {"Federal Income Tax": "FEDERAL TAX", "Social Security": "OASDI", "Medicare": "MEDICARE",
                         "State Income Tax": "STATE TAX", "401(k)": "TSP"}


def _cents(value: object) -> int:
    return round(float(str(value)) * 100)


def _grid(page: Page, x: float, y: float, widths: list[float], rows: list[list[str]], size: float = 8.5,
          line: float = 13, left_cols: int = 1) -> float:
    """`Page.table` in a small font, amounts 3 points in from their cell's edge. Returns the next row's baseline."""
    return page.table(x, y, widths, rows, line, left_cols, size=size, inset=3)


def _period(page: Page, doc: SampleDoc, joiner: str = " - ") -> str:
    s, f = page.style, doc.fields
    return f"{s.date(str(f['pay_period_start']))}{joiner}{s.date(str(f['pay_period_end']))}"


def _employee_id(name: str) -> str:
    return f"{sum(map(ord, name)) * 53 % 1000000:06d}"


def _ssn_mask(name: str) -> str:
    return "XXX-XX-" + f"{sum(map(ord, name)) * 71 % 10000:04d}"


def _corner_block(page: Page, doc: SampleDoc, y: float, size: float = 10) -> None:
    """The employer's name and address stacked in the top-left corner."""
    employer = doc.extras["employer"]
    page.text(MARGIN, y, str(doc.fields["employer_name"]), size, bold=True)
    page.text(MARGIN, y + size + 2, employer.street, size - 1.5)
    page.text(MARGIN, y + 2 * size + 3, employer.city_line, size - 1.5)


def voucher_check(page: Page, doc: SampleDoc) -> None:
    """A voucher check on top (the employer's corner block, the check date, "Pay to the order of" the employee and
    the net amount starred in a box) and its stub under a perforation: the period as one range, pay and taxes
    tables with Hours / Rate / Current / YTD columns, and net pay."""
    f, s, x = doc.fields, page.style, doc.extras
    _corner_block(page, doc, 52)
    check_no = 10000 + sum(map(ord, str(f["employee_name"]))) % 9000
    page.text(WIDTH - MARGIN, 52, str(check_no), 11, bold=True, right=True)
    fitted_pair(page, 400, 90, s.date_label(pick(("DATE", "Date", "Check Date", "CHECK DATE"), s.variant)),
                s.date(str(f["pay_date"])), 40, size=9)
    order = pick(("PAY TO THE ORDER OF", "Pay to the order of", "PAY TO THE ORDER OF", "Pay to the Order of"),
                 s.variant)
    page.text(MARGIN, 128, order, 8, bold=True)
    page.text(MARGIN + 110, 128, str(f["employee_name"]), 11)
    page.rule(132, MARGIN + 105, 420, 0.5)
    page.canvas.setLineWidth(1)
    page.canvas.rect(440, HEIGHT - 134, WIDTH - MARGIN - 440, 22)
    page.text(WIDTH - MARGIN - 8, 127, f"**{s.money(str(f['net_pay']))}**", 11, bold=True, right=True)
    net = _cents(f["net_pay"])
    page.text(MARGIN, 156, f"EXACTLY ****{net // 100} DOLLARS AND {net % 100:02d} CENTS", 8.5)
    page.text(MARGIN, 196, "NON-NEGOTIABLE   VOID AFTER 90 DAYS", 8, bold=True)
    page.canvas.setDash(3, 2)
    page.rule(222)
    page.canvas.setDash()
    page.text(MARGIN, 246, str(f["employee_name"]), 10, bold=True)
    page.text(MARGIN, 259, f"Employee ID: {_employee_id(str(f['employee_name']))}", 8)
    fitted_pair(page, 320, 246, s.date_label(pick(("Pay Period", "Pay Period", "Period", "Pay Period Dates"),
                                                  s.variant)), _period(page, doc), 70, size=8.5)
    fitted_pair(page, 320, 259, s.date_label(pick(("Pay Date", "Check Date", "Pay Date", "Check Date"), s.variant)),
                s.date(str(f["pay_date"])), 70, size=8.5)
    hours = HOURS[str(x["frequency"])]
    gross, n = _cents(f["gross_pay"]), int(x["periods_to_date"])
    rows = [["Pay", "Hours", "Rate", "Current", "YTD"],
            ["Salary", f"{hours:.2f}", f"{gross / 100 / hours:,.2f}", s.money(gross), s.money(str(f["ytd_gross"]))],
            [pick(("Total Pay", "Gross Pay", "Total Gross", "Gross"), s.variant), "", "", s.money(gross),
             s.money(str(f["ytd_gross"]))]]
    y = _grid(page, MARGIN, 292, [150, 70, 80, 100, 104], rows, size=9, line=14)
    rows = [["Taxes and Deductions", "", "", "Current", "YTD"]]
    rows += [[k, "", "", s.money(-c), s.money(-c * n)] for k, c in dict(x["deductions"]).items()]
    y = _grid(page, MARGIN, y + 12, [150, 70, 80, 100, 104], rows, size=9, line=13)
    page.rule(y - 6, MARGIN, WIDTH - MARGIN, 0.5)
    page.text(MARGIN, y + 10, pick(("Net Pay", "Net Pay", "Check Amount", "Net Check"), s.variant), 10, bold=True)
    page.text(MARGIN + 400, y + 10, s.money(str(f["net_pay"])), 10, bold=True, right=True)


def agency_statement(page: Page, doc: SampleDoc) -> None:
    """A government earnings and leave statement: all-caps labels above their values in ruled boxes, the agency
    as the employer, the pay period numbered ("PP 05/2026") beside its dates, a pay summary with CURRENT and YEAR
    TO DATE columns, deductions and a leave table."""
    f, s, x = doc.fields, page.style, doc.extras
    page.text(MARGIN, 50, "EARNINGS AND LEAVE STATEMENT", 13, bold=True)
    name = str(f["employee_name"])
    number = f"PP {int(x['periods_to_date']):02d}/{str(f['pay_period_end'])[:4]}"
    agency = pick(("AGENCY", "EMPLOYING AGENCY", "AGENCY NAME", "DEPARTMENT/AGENCY"), s.variant)
    cells = [
        [(agency, str(f["employer_name"]).upper(), 0.5), ("PAY PERIOD", number, 0.2),
         (s.date_label("PAY DATE"), s.date(str(f["pay_date"])), 0.3)],
        [(pick(("NAME", "EMPLOYEE NAME", "NAME OF EMPLOYEE", "EMPLOYEE"), s.variant), name.upper(), 0.5),
         ("SSN", _ssn_mask(name), 0.2), ("EMPLOYEE ID", _employee_id(name), 0.3)],
        [(s.date_label(pick(("PERIOD BEGINNING", "PP BEGIN DATE", "PAY PERIOD BEGIN", "PERIOD START"), s.variant)),
          s.date(str(f["pay_period_start"])), 0.5),
         (s.date_label(pick(("PERIOD ENDING", "PP END DATE", "PAY PERIOD END", "PERIOD END"), s.variant)),
          s.date(str(f["pay_period_end"])), 0.5)],
    ]
    y = 68
    for row in cells:
        left = MARGIN
        for label, value, share in row:
            page.box(left, y, CONTENT * share, 34, label, value, size=9.5)
            left += CONTENT * share
        y += 34
    gross, net, n = _cents(f["gross_pay"]), _cents(f["net_pay"]), int(x["periods_to_date"])
    deductions = dict(x["deductions"])
    total = sum(deductions.values())
    page.text(MARGIN, y + 26, "PAY SUMMARY", 9, bold=True)
    rows = [["", "CURRENT", "YEAR TO DATE"],
            [pick(("GROSS PAY", "GROSS PAY", "TOTAL GROSS", "GROSS EARNINGS"), s.variant), s.money(gross),
             s.money(str(f["ytd_gross"]))],
            ["TOTAL DEDUCTIONS", s.money(total), s.money(total * n)],
            [pick(("NET PAY", "NET PAY", "NET AMOUNT", "NET PAY"), s.variant), s.money(net), s.money(net * n)]]
    y = _grid(page, MARGIN, y + 44, [200, 130, 150], rows, size=9, line=15)
    page.text(MARGIN, y + 12, "DEDUCTIONS", 9, bold=True)
    rows = [["TYPE", "CURRENT", "YEAR TO DATE"]]
    rows += [[GOVERNMENT_DEDUCTIONS.get(k, k.upper()), s.money(c), s.money(c * n)] for k, c in deductions.items()]
    y = _grid(page, MARGIN, y + 30, [200, 130, 150], rows, size=9, line=14)
    page.text(MARGIN, y + 12, "LEAVE", 9, bold=True)
    rows = [["TYPE", "BALANCE FORWARD", "ACCRUED", "USED", "BALANCE"],
            ["ANNUAL", "104.00", "6.00", "8.00", "102.00"], ["SICK", "212.50", "4.00", "0.00", "216.50"]]
    _grid(page, MARGIN, y + 30, [100, 110, 90, 80, 100], rows, size=9, line=14)


def boxed_header_grid(page: Page, doc: SampleDoc) -> None:
    """The employer in the top-left corner, a grid of boxes with labels above values (employee, ID, SSN, the
    period as one range in a single box, the check date), earnings and deductions tables side by side, and a
    totals strip of Current and YTD rows across Gross Pay / Taxes / Deductions / Net Pay."""
    f, s, x = doc.fields, page.style, doc.extras
    _corner_block(page, doc, 54, 11)
    page.text(WIDTH - MARGIN, 54, pick(("Pay Statement", "Earnings Statement", "Pay Statement", "Payroll Check Stub"),
                                       s.variant), 13, bold=True, right=True)
    name = str(f["employee_name"])
    half, quarter = CONTENT / 2, CONTENT / 4
    page.box(MARGIN, 96, half, 32, pick(("Employee", "Employee Name", "EMPLOYEE", "Employee Name"), s.variant), name,
             size=10)
    page.box(MARGIN + half, 96, quarter, 32, "Employee ID", _employee_id(name), size=10)
    page.box(MARGIN + 3 * quarter, 96, quarter, 32, "SSN", _ssn_mask(name), size=10)
    page.box(MARGIN, 128, half + 40, 32,
             s.date_label(pick(("Pay Period", "Period", "Pay Period", "Period Covered"), s.variant)),
             _period(page, doc), size=10)
    page.box(MARGIN + half + 40, 128, half - 40, 32,
             s.date_label(pick(("Check Date", "Pay Date", "Check Date", "Payment Date"), s.variant)),
             s.date(str(f["pay_date"])), size=10)
    hours = HOURS[str(x["frequency"])]
    gross, net, n = _cents(f["gross_pay"]), _cents(f["net_pay"]), int(x["periods_to_date"])
    page.text(MARGIN, 184, "EARNINGS", 9, bold=True)
    page.text(MARGIN + 330, 184, "DEDUCTIONS", 9, bold=True)
    rows = [["Description", "Rate", "Hours", "Current", "YTD"],
            ["Regular", f"{gross / 100 / hours:,.2f}", f"{hours:.2f}", s.money(gross), s.money(str(f["ytd_gross"]))],
            ["Holiday", f"{gross / 100 / hours:,.2f}", "0.00", s.money(0), s.money(0)],
            [pick(("Gross", "Total", "Gross Earnings", "Total Earnings"), s.variant), "", f"{hours:.2f}",
             s.money(gross), s.money(str(f["ytd_gross"]))]]
    _grid(page, MARGIN, 200, [74, 46, 44, 72, 72], rows)
    rows = [["Description", "Current", "YTD"]]
    rows += [[SHORT_DEDUCTIONS.get(k, k), s.money(c), s.money(c * n)] for k, c in dict(x["deductions"]).items()]
    y = _grid(page, MARGIN + 330, 200, [50, 62, 62], rows)
    deductions = dict(x["deductions"])
    taxes = sum(c for k, c in deductions.items() if k != "401(k)")
    other = deductions.get("401(k)", 0)
    rows = [["", "Gross Pay", "Taxes", "Deductions", pick(("Net Pay", "Net Pay", "Net Check", "Net Amount"),
                                                              s.variant)],
            ["Current", s.money(gross), s.money(taxes), s.money(other), s.money(net)],
            ["YTD", s.money(str(f["ytd_gross"])), s.money(taxes * n), s.money(other * n), s.money(net * n)]]
    _grid(page, MARGIN, max(y, 270) + 24, [80, 106, 106, 106, 106], rows, size=9, line=15)


def pay_slip_cells(page: Page, doc: SampleDoc) -> None:
    """An HR-suite pay slip: a ruled grid of label and value cells (Name, Employee ID, Company, Pay Period Begin,
    Pay Period End, Check Date), a Current and YTD totals band across Gross Pay ... Net Pay, and an earnings table
    whose rows carry their dates as a range."""
    f, s, x = doc.fields, page.style, doc.extras
    _corner_block(page, doc, 52)
    page.text(WIDTH - MARGIN, 52, "Pay Slip", 14, bold=True, right=True)
    name = str(f["employee_name"])
    left_cells = [(pick(("Name", "Employee Name", "Name", "Employee"), s.variant), name),
                  ("Employee ID", _employee_id(name)),
                  (pick(("Company", "Company", "Employer", "Company Name"), s.variant), str(f["employer_name"]))]
    right_cells = [(s.date_label(pick(("Pay Period Begin", "Period Start Date", "Pay Period Begin", "Begin Date"),
                                      s.variant)), s.date(str(f["pay_period_start"]))),
                   (s.date_label(pick(("Pay Period End", "Period End Date", "Pay Period End", "End Date"), s.variant)),
                    s.date(str(f["pay_period_end"]))),
                   (s.date_label(pick(("Check Date", "Pay Date", "Payment Date", "Check Date"), s.variant)),
                    s.date(str(f["pay_date"])))]
    page.canvas.setLineWidth(0.6)
    for row, (a, b) in enumerate(zip(left_cells, right_cells)):
        y = 92 + row * 20
        page.canvas.rect(MARGIN, HEIGHT - y - 20, CONTENT, 20)
        page.text(MARGIN + 4, y + 14, a[0], 8.5, bold=True)
        page.text(MARGIN + 84, y + 14, a[1], 9.5)
        page.text(MARGIN + 270, y + 14, b[0], 8.5, bold=True)
        page.text(MARGIN + 270 + max(110, page.canvas.stringWidth(b[0], page._font(True), 8.5) + 10), y + 14, b[1], 9.5)
    gross, net, n = _cents(f["gross_pay"]), _cents(f["net_pay"]), int(x["periods_to_date"])
    hours = HOURS[str(x["frequency"])]
    deductions = dict(x["deductions"])
    pre = deductions.get("401(k)", 0)
    taxes = sum(deductions.values()) - pre
    page.text(MARGIN, 186, "Current and YTD Totals", 10, bold=True)
    rows = [["", "Hours Worked", "Gross Pay", "Pre Tax Ded.", "Employee Taxes", "Net Pay"],
            ["Current", f"{hours:.2f}", s.money(gross), s.money(pre), s.money(taxes), s.money(net)],
            ["YTD", f"{hours * n:.2f}", s.money(str(f["ytd_gross"])), s.money(pre * n), s.money(taxes * n),
             s.money(net * n)]]
    _grid(page, MARGIN, 204, [60, 70, 95, 80, 95, 104], rows, size=8.5, line=15)
    page.text(MARGIN, 262, "Earnings", 10, bold=True)
    dates = pick(("Dates", "Dates", "Date Range", "Dates"), s.variant)
    rows = [["Description", s.date_label(dates), "Hours", "Rate", "Amount", "YTD"],
            ["Regular Salary", _period(page, doc), f"{hours:.2f}", f"{gross / 100 / hours:,.2f}", s.money(gross),
             s.money(str(f["ytd_gross"]))],
            [pick(("Earnings Total", "Total Earnings", "Gross Earnings", "Total Gross"), s.variant), "",
             f"{hours:.2f}", "", s.money(gross), s.money(str(f["ytd_gross"]))]]
    y = _grid(page, MARGIN, 280, [90, 160, 45, 55, 70, 84], rows, size=8, line=14, left_cols=2)
    page.text(MARGIN, y + 14, "Employee Taxes", 10, bold=True)
    rows = [["Description", "", "", "", "Amount", "YTD"]]
    rows += [[k, "", "", "", s.money(c), s.money(c * n)] for k, c in deductions.items()]
    _grid(page, MARGIN, y + 32, [90, 160, 45, 55, 70, 84], rows, size=8, line=13)


def far_right_summary(page: Page, doc: SampleDoc) -> None:
    """A small-business app's stub: all-caps section headings, each label at the left margin with its value
    right-aligned at the far right, the period as one range, the employee's name and address in a block, and a
    summary of Current and Year-to-date amounts in two right-hand columns."""
    f, s, x = doc.fields, page.style, doc.extras
    _corner_block(page, doc, 56, 11)
    page.text(WIDTH - MARGIN, 56, pick(("EARNINGS STATEMENT", "PAY STUB", "EARNINGS STATEMENT", "PAYSTUB"), s.variant),
              12, bold=True, right=True)
    name = str(f["employee_name"])
    street, city_line = mailing_address(name)
    page.text(340, 96, "EMPLOYEE", 7.5, bold=True)
    for row, text in enumerate((name, street, city_line)):
        page.text(340, 110 + row * 12, text, 9.5 if row == 0 else 8.5)
    right = WIDTH - MARGIN
    page.text(MARGIN, 170, "PAY DETAILS", 9, bold=True)
    page.rule(175)
    period_label = pick(("Pay period", "Pay period", "Period", "Pay period"), s.variant)
    date_label = pick(("Pay day", "Pay date", "Payday", "Pay day"), s.variant)
    details = [(s.date_label(period_label), _period(page, doc)), (s.date_label(date_label), s.date(str(f["pay_date"]))),
               ("Employee ID", _employee_id(name)),
               ("Pay schedule", str(x["frequency"]).replace("semimonthly", "semi-monthly").title())]
    for row, (label, value) in enumerate(details):
        page.text(MARGIN, 191 + row * 15, label, 9)
        page.text(right, 191 + row * 15, value, 9, right=True)
    gross, net, n = _cents(f["gross_pay"]), _cents(f["net_pay"]), int(x["periods_to_date"])
    deductions = dict(x["deductions"])
    taxes = sum(c for k, c in deductions.items() if k != "401(k)")
    other = deductions.get("401(k)", 0)
    page.text(MARGIN, 270, "SUMMARY", 9, bold=True)
    page.text(right - 130, 270, "CURRENT", 8, bold=True, right=True)
    page.text(right, 270, pick(("YEAR TO DATE", "YTD", "YEAR-TO-DATE", "YTD"), s.variant), 8, bold=True, right=True)
    page.rule(275)
    summary = [(pick(("Gross earnings", "Gross pay", "Total earnings", "Gross earnings"), s.variant), gross,
                _cents(f["ytd_gross"])),
               ("Taxes", taxes, taxes * n), ("Deductions", other, other * n),
               (pick(("Net pay", "Net pay", "Take home pay", "Net pay"), s.variant), net, net * n)]
    for row, (label, current, to_date) in enumerate(summary):
        y = 291 + row * 15
        page.text(MARGIN, y, label, 9, bold=row == len(summary) - 1)
        page.text(right - 130, y, s.money(current), 9, right=True)
        page.text(right, y, s.money(to_date), 9, right=True)
    page.text(MARGIN, 370, "TAXES", 9, bold=True)
    page.rule(375)
    for row, (k, c) in enumerate(deductions.items()):
        y = 391 + row * 14
        page.text(MARGIN, y, k, 8.5)
        page.text(right - 130, y, s.money(c), 8.5, right=True)
        page.text(right, y, s.money(c * n), 8.5, right=True)


def union_hall(page: Page, doc: SampleDoc) -> None:
    """A construction contractor's union payroll stub, all in capitals: the contractor and the local in a header
    line, the period as "PERIOD ... THRU ..." with the week-ending date beside it, a craft line of straight and
    overtime hours, employer-paid fringes (amounts that are no pay of the employee), dues checkoff among the
    deductions, and NET CHECK with a year-to-date column."""
    f, s, x = doc.fields, page.style, doc.extras
    employer = x["employer"]
    contractor = pick(("CONTRACTOR", "EMPLOYER", "CONTRACTOR", "EMPLOYER NAME"), s.variant)
    fitted_pair(page, MARGIN, 56, contractor, str(f["employer_name"]).upper(), 90, size=10)
    page.text(MARGIN + 90, 69, f"{employer.street.upper()}, {employer.city_line.upper()}", 8)
    page.text(WIDTH - MARGIN, 56, f"LOCAL {len(str(f['employer_name'])) * 7 % 900 + 11}", 10, bold=True, right=True)
    name = str(f["employee_name"])
    page.rule(80)
    fitted_pair(page, MARGIN, 98, pick(("EMPLOYEE", "MEMBER NAME", "EMPLOYEE NAME", "MEMBER NAME"), s.variant),
                name.upper(), 90, size=9.5)
    page.text(WIDTH - MARGIN, 98, f"CARD NO {_employee_id(name)}", 8, right=True)
    fitted_pair(page, MARGIN, 114, s.date_label("PERIOD"), _period(page, doc, " THRU "), 90, size=9.5)
    fitted_pair(page, 360, 114, s.date_label(pick(("W/E", "WEEK ENDING", "W/E", "WEEK ENDING"), s.variant)),
                s.date(str(f["pay_period_end"])), 40, size=9)
    fitted_pair(page, MARGIN, 130, s.date_label(pick(("CHECK DATE", "PAY DATE", "CHECK DATE", "DATE PAID"), s.variant)),
                s.date(str(f["pay_date"])), 90, size=9.5)
    hours = HOURS[str(x["frequency"])]
    gross, net, n = _cents(f["gross_pay"]), _cents(f["net_pay"]), int(x["periods_to_date"])
    rows = [["CLASS", "ST HRS", "OT HRS", "RATE", "AMOUNT", "YTD"],
            ["JOURNEYMAN", f"{hours:.2f}", "0.00", f"{gross / 100 / hours:,.2f}", s.money(gross),
             s.money(str(f["ytd_gross"]))],
            [pick(("GROSS WAGES", "GROSS PAY", "TOTAL GROSS", "GROSS WAGES"), s.variant), "", "", "", s.money(gross),
             s.money(str(f["ytd_gross"]))]]
    y = _grid(page, MARGIN, 162, [120, 60, 60, 70, 90, 104], rows, size=9, line=15)
    rows = [["FRINGES (EMPLOYER PAID)", "", "", "", "AMOUNT", "YTD"]]
    fringes = {"H&W": 0.11, "PENSION": 0.09, "ANNUITY": 0.05}
    rows += [[k, "", "", "", s.money(round(gross * r)), s.money(round(gross * r) * n)] for k, r in fringes.items()]
    y = _grid(page, MARGIN, y + 12, [120, 60, 60, 70, 90, 104], rows, size=8.5, line=13)
    rows = [["DEDUCTIONS", "", "", "", "AMOUNT", "YTD"]]
    rows += [[k.upper(), "", "", "", s.money(c), s.money(c * n)] for k, c in dict(x["deductions"]).items()]
    y = _grid(page, MARGIN, y + 12, [120, 60, 60, 70, 90, 104], rows, size=8.5, line=13)
    page.rule(y - 5)
    page.text(MARGIN, y + 12, pick(("NET CHECK", "NET PAY", "NET CHECK", "NET AMOUNT"), s.variant), 10, bold=True)
    page.text(MARGIN + 400, y + 12, s.money(net), 10, bold=True, right=True)
    page.text(WIDTH - MARGIN - 3, y + 12, s.money(net * n), 10, right=True)


LAYOUTS = {"voucher_check": voucher_check, "agency_statement": agency_statement,
           "boxed_header_grid": boxed_header_grid, "pay_slip_cells": pay_slip_cells,
           "far_right_summary": far_right_summary, "union_hall": union_hall}
