"""Pay stub layouts: an earnings table with Current / Year to Date columns, and label/value lines."""

from __future__ import annotations

from loan_extractor.samples.draw import MARGIN, WIDTH, Page
from loan_extractor.samples.values import SampleDoc


def earnings_table(page: Page, doc: SampleDoc) -> None:
    """Employer header, employee block, an earnings table and a deductions table, net pay last."""
    f, x, s = doc.fields, doc.extras, page.style
    employer = x["employer"]
    page.text(MARGIN, 70, str(f["employer_name"]), 14, bold=True)
    page.text(MARGIN, 86, employer.street)
    page.text(MARGIN, 100, employer.city_line)
    page.text(WIDTH - MARGIN, 70, "Earnings Statement", 16, bold=True, right=True)
    page.rule(116)
    page.pair(MARGIN, 140, "Employee Name", str(f["employee_name"]), 120)
    page.pair(MARGIN, 158, "Pay Period Start", s.date(str(f["pay_period_start"])), 120)
    page.pair(MARGIN, 176, "Pay Period End", s.date(str(f["pay_period_end"])), 120)
    page.pair(330, 140, "Pay Date", s.date(str(f["pay_date"])), 90)
    page.pair(330, 158, "Pay Frequency", str(x["frequency"]).replace("semimonthly", "semi-monthly").title(), 90)
    n = int(x["periods_to_date"])
    gross_label = ("Gross Pay", "Gross Earnings")[s.variant]
    rows = [["Earnings", "Current", "Year to Date"],
            ["Regular Salary", s.money(str(f["gross_pay"])), s.money(str(f["ytd_gross"]))],
            [gross_label, s.money(str(f["gross_pay"])), s.money(str(f["ytd_gross"]))]]
    y = page.table(MARGIN, 220, [230, 120, 150], rows, line=18)
    rows = [["Deductions", "Current", "Year to Date"]]
    rows += [[name, s.money(c), s.money(c * n)] for name, c in dict(x["deductions"]).items()]
    y = page.table(MARGIN, y + 20, [230, 120, 150], rows, line=18)
    page.rule(y + 2)
    page.text(MARGIN, y + 24, "Net Pay", 12, bold=True)
    page.text(MARGIN + 350, y + 24, s.money(str(f["net_pay"])), 12, bold=True, right=True)


def label_lines(page: Page, doc: SampleDoc) -> None:
    """A plain statement: `Label: value` lines, YTD gross on its own line."""
    f, s = doc.fields, page.style
    title = ("Pay Stub", "Payroll Statement")[s.variant]
    page.text(MARGIN, 72, title, 18, bold=True)
    page.rule(84)
    lines = [
        ("Company", str(f["employer_name"])),
        ("Employee", str(f["employee_name"])),
        ("Period Beginning", s.date(str(f["pay_period_start"]))),
        ("Period Ending", s.date(str(f["pay_period_end"]))),
        ("Check Date", s.date(str(f["pay_date"]))),
        ("Gross Pay", s.money(str(f["gross_pay"]))),
        ("Total Deductions", s.money(sum(dict(doc.extras["deductions"]).values()))),
        ("Net Pay", s.money(str(f["net_pay"]))),
        ("YTD Gross", s.money(str(f["ytd_gross"]))),
    ]
    for number, (label, value) in enumerate(lines):
        page.pair(MARGIN, 116 + number * 22, label, value, 160, size=11)
    page.text(MARGIN, 340, "This statement is for your records. Keep it with your tax documents.", 9)


LAYOUTS = {"earnings_table": earnings_table, "label_lines": label_lines}
