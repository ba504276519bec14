"""More pay stub layouts: a boxed form (used by tests) and a payroll advice with a register (held out)."""

from __future__ import annotations

from loan_extractor.samples.draw import MARGIN, WIDTH, Page
from loan_extractor.samples.values import SampleDoc

GROSS = ("Gross Pay", "Gross Earnings", "Total Gross", "Current Gross")
NET = ("Net Pay", "Net Amount", "Take Home Pay", "Net Check")
YTD = ("YTD Gross", "Gross YTD", "Year-to-Date Gross", "Gross Pay YTD")
PAY_DATE = ("Pay Date", "Check Date", "Payment Date", "Paid On")


def pick(options: tuple[str, ...], variant: int) -> str:
    """One synonym of a label, chosen by the style's variant."""
    return options[variant % len(options)]


def boxed_stub(page: Page, doc: SampleDoc) -> None:
    """A form of boxes, labels small at the top left and values below them."""
    f, s = doc.fields, page.style
    employer = doc.extras["employer"]
    page.text(MARGIN, 62, str(f["employer_name"]), 15, bold=True)
    page.text(MARGIN, 78, f"{employer.street}, {employer.city_line}", 9)
    page.text(WIDTH - MARGIN, 62, "Statement of Earnings", 12, right=True)
    w = (WIDTH - 2 * MARGIN) / 2
    page.box(MARGIN, 96, w, 38, "Employee", str(f["employee_name"]))
    page.box(MARGIN + w, 96, w, 38, s.date_label(pick(PAY_DATE, s.variant)), s.date(str(f["pay_date"])))
    page.box(MARGIN, 134, w, 38, s.date_label("Period Start"), s.date(str(f["pay_period_start"])))
    page.box(MARGIN + w, 134, w, 38, s.date_label("Period End"), s.date(str(f["pay_period_end"])))
    third = (WIDTH - 2 * MARGIN) / 3
    amounts = ((pick(GROSS, s.variant), "gross_pay"), (pick(NET, s.variant), "net_pay"), (pick(YTD, s.variant), "ytd_gross"))
    for number, (label, key) in enumerate(amounts):
        page.box(MARGIN + number * third, 190, third, 38, label, s.money(str(f[key])))
    rows = [["Deduction", "Amount"]] + [[k, s.money(-c)] for k, c in dict(doc.extras["deductions"]).items()]
    page.table(MARGIN, 262, [260, 140], rows, line=17)


def payroll_advice(page: Page, doc: SampleDoc) -> None:
    """A register: one line for the period, a table with This Period / Year-to-Date, net pay in the table."""
    f, x, s = doc.fields, doc.extras, page.style
    page.text(MARGIN, 66, "PAYROLL ADVICE", 17, bold=True)
    page.text(WIDTH - MARGIN, 66, str(f["employer_name"]), 11, right=True)
    page.rule(78, width=1.4)
    page.pair(MARGIN, 102, "Paid to", str(f["employee_name"]), 110)
    period = f"{s.date(str(f['pay_period_start']))} to {s.date(str(f['pay_period_end']))}"
    page.pair(MARGIN, 120, s.date_label("Pay period"), period, 110 + (70 if s.dates == "dayfirst" else 0))
    page.pair(MARGIN, 138, s.date_label("Deposit date"), s.date(str(f["pay_date"])), 110 + (70 if s.dates == "dayfirst" else 0))
    n = int(x["periods_to_date"])
    rows = [["Description", "This Period", "Year-to-Date"],
            ["Salary", s.money(str(f["gross_pay"])), s.money(str(f["ytd_gross"]))],
            [pick(GROSS, s.variant + 2), s.money(str(f["gross_pay"])), s.money(str(f["ytd_gross"]))]]
    rows += [[k, s.money(-c), s.money(-c * n)] for k, c in dict(x["deductions"]).items()]
    rows.append([pick(NET, s.variant + 1), s.money(str(f["net_pay"])), ""])
    page.table(MARGIN, 176, [220, 130, 150], rows, line=18)


TRAIN = {"boxed_stub": boxed_stub}
HELD_OUT = {"payroll_advice": payroll_advice}
