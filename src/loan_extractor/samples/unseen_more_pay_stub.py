"""A third group of unseen development layouts of pay stubs (only the `unseen` split draws them; samples/variety.py).

Modelled on stubs the other unseen layouts do not cover: a payroll provider's "Earnings Statement" with the period
and pay date stacked in a top-right block, the earnings and deductions in "this period" / "year to date" columns
whose totals are rows of the table and a taxable-wages sentence under it; and a bilingual stub whose every label
is printed in Spanish and English ("Salario Bruto / Gross Pay"), stacked or on one line.
"""

from __future__ import annotations

from loan_extractor.samples.draw import MARGIN, WIDTH, Page
from loan_extractor.samples.provider_pay_stub import HOURS, mailing_address
from loan_extractor.samples.unseen_pay_stub import _cents, _employee_id, _grid, _ssn_mask
from loan_extractor.samples.values import SampleDoc
from loan_extractor.samples.variety_pay_stub import pick

CONTENT = WIDTH - 2 * MARGIN
STATUTORY = ("Federal Income Tax", "Social Security", "Medicare", "State Income Tax")


def earnings_statement(page: Page, doc: SampleDoc) -> None:
    """Company code and employer at the top left, "Earnings Statement" with the period beginning, ending and pay
    date stacked at the top right, the employee's name and address unlabelled under it, then Earnings and
    Deductions tables with "this period" and "year to date" columns whose Gross Pay and Net Pay are rows."""
    f, s, x = doc.fields, page.style, doc.extras
    employer, name = x["employer"], str(f["employee_name"])
    page.text(MARGIN, 42, "CO.    FILE      DEPT.   CLOCK   VCHR. NO.", 6.5)
    page.text(MARGIN, 51, f"RX7    {_employee_id(name)}    {_employee_id(name)[:3]}     {_employee_id(name)[2:6]}    "
                          f"{_employee_id(name)[::-1]}", 6.5)
    page.text(MARGIN, 66, str(f["employer_name"]), 10, bold=True)
    page.text(MARGIN, 78, employer.street, 8.5)
    page.text(MARGIN, 89, employer.city_line, 8.5)
    right = WIDTH - MARGIN
    page.text(right, 52, pick(("Earnings Statement", "Statement of Earnings", "Earnings Statement", "Pay Statement"),
                              s.variant), 15, bold=True, right=True)
    stacked = [(pick(("Period Beginning:", "Period Starting:", "Period Start:", "Period Beginning:"), s.variant),
                f["pay_period_start"]),
               (pick(("Period Ending:", "Period Ending:", "Period End:", "Week Ending:"), s.variant),
                f["pay_period_end"]),
               (pick(("Pay Date:", "Pay Date:", "Check Date:", "Advice Date:"), s.variant), f["pay_date"])]
    for row, (label, value) in enumerate(stacked):
        page.text(right - 95, 72 + row * 12, s.date_label(label), 8.5, right=True)
        page.text(right, 72 + row * 12, s.date(str(value)), 8.5, right=True)
    street, city_line = mailing_address(name)
    for row, line in enumerate((name.upper() if s.variant % 2 else name, street, city_line)):
        page.text(right - 210, 130 + row * 13, line, 10, bold=row == 0)
    page.text(MARGIN, 130, f"Social Security Number: {_ssn_mask(name)}", 8)
    page.text(MARGIN, 142, "Taxable Marital Status: Single", 8)
    page.text(MARGIN, 154, "Exemptions/Allowances:  Federal: 1  State: 1", 8)
    gross, net, n = _cents(f["gross_pay"]), _cents(f["net_pay"]), int(x["periods_to_date"])
    deductions = dict(x["deductions"])
    hours = HOURS[str(x["frequency"])]
    rows = [["Earnings", "rate", "hours", "this period", "year to date"],
            ["Regular", f"{gross / 100 / hours:,.4f}", f"{hours:.2f}", s.money(gross), s.money(str(f["ytd_gross"]))],
            [pick(("Gross Pay", "Gross Pay", "Total Gross", "Gross Earnings"), s.variant), "", "",
             s.money(gross), s.money(str(f["ytd_gross"]))]]
    y = _grid(page, MARGIN, 190, [170, 70, 60, 100, 104], rows, size=9, line=15)
    rows = [["Deductions", "Statutory", "", "this period", "year to date"]]
    rows += [["", k, "", s.money(-c), s.money(-c * n)] for k, c in deductions.items() if k in STATUTORY]
    rows += [["Other", k, "", s.money(-c), s.money(-c * n)] for k, c in deductions.items() if k not in STATUTORY]
    rows.append([pick(("Net Pay", "Net Pay", "Net Pay", "Take Home Pay"), s.variant), "", "", s.money(net),
                 s.money(net * n)])
    y = _grid(page, MARGIN, y + 14, [70, 170, 60, 100, 104], rows, size=9, line=15, left_cols=2)
    taxable = gross - deductions.get("401(k)", 0)
    page.text(MARGIN, y + 10, f"Your federal taxable wages this period are {s.money(taxable)}", 8.5)
    page.text(MARGIN, y + 40, "Net Check", 9, bold=True)
    page.text(MARGIN + 400, y + 40, s.money(0), 9, right=True)


# (Spanish, English) label pairs; the variant picks the English wording
BILINGUAL = {
    "employee": ("Nombre del Empleado", ("Employee Name", "Employee", "Name", "Employee Name")),
    "employer": ("Empleador", ("Employer", "Company", "Employer", "Paid By")),
    "start": ("Inicio del Período", ("Period Start", "Period Beginning", "From", "Period Start")),
    "end": ("Fin del Período", ("Period End", "Period Ending", "To", "Period End")),
    "pay_date": ("Fecha de Pago", ("Pay Date", "Pay Date", "Check Date", "Payment Date")),
    "gross": ("Salario Bruto", ("Gross Pay", "Gross Earnings", "Gross Pay", "Gross Wages")),
    "net": ("Pago Neto", ("Net Pay", "Net Pay", "Net Amount", "Net Pay")),
    "ytd": ("Acumulado del Año", ("Year to Date", "YTD", "Year-to-Date", "YTD Total")),
}


def _bilingual(page: Page, key: str, one_line: bool) -> str | tuple[str, str]:
    spanish, english = BILINGUAL[key]
    label = pick(english, page.style.variant)
    if key in ("start", "end", "pay_date"):
        label = page.style.date_label(label)
    return f"{spanish} / {label}" if one_line else (spanish, label)


def _label(page: Page, x: float, y: float, label: str | tuple[str, str]) -> None:
    """A label on one line, or Spanish in bold over the English in smaller type."""
    if isinstance(label, str):
        page.text(x, y, label, 8.5, bold=True)
    else:
        page.text(x, y - 5, label[0], 8.5, bold=True)
        page.text(x, y + 5, label[1], 7)


def bilingual_stub(page: Page, doc: SampleDoc) -> None:
    """A farm or hotel payroll's stub for Spanish-speaking staff: the title and every label in Spanish and English,
    label and value pairs in two columns, then an earnings table whose headings are bilingual too."""
    f, s, x = doc.fields, page.style, doc.extras
    one_line = s.variant % 2 == 0
    page.text(WIDTH / 2 - 110, 56, "Comprobante de Pago / Pay Stub", 14, bold=True)
    page.rule(66)
    pairs = [("employee", str(f["employee_name"])), ("employer", str(f["employer_name"])),
             ("start", s.date(str(f["pay_period_start"]))), ("end", s.date(str(f["pay_period_end"]))),
             ("pay_date", s.date(str(f["pay_date"])))]
    for row, (key, value) in enumerate(pairs):
        _label(page, MARGIN, 92 + row * 26, _bilingual(page, key, one_line))
        page.text(MARGIN + 270, 92 + row * 26, value, 10)
    page.text(MARGIN, 92 + 5 * 26, f"No. de Empleado / Employee ID: {_employee_id(str(f['employee_name']))}", 8.5)
    gross, net, n = _cents(f["gross_pay"]), _cents(f["net_pay"]), int(x["periods_to_date"])
    deductions = dict(x["deductions"])
    rows = [["Concepto / Item", "Actual / Current", pick(("Acumulado / YTD", "Acumulado / Year to Date",
                                                         "Acumulado / YTD", "Acum. / YTD"), s.variant)]]
    rows.append([_flat(page, "gross"), s.money(gross), s.money(str(f["ytd_gross"]))])
    rows += [[k, s.money(c), s.money(c * n)] for k, c in deductions.items()]
    rows.append(["Total Deducciones / Total Deductions", s.money(sum(deductions.values())),
                 s.money(sum(deductions.values()) * n)])
    rows.append([_flat(page, "net"), s.money(net), s.money(net * n)])
    _grid(page, MARGIN, 250, [250, 110, CONTENT - 360], rows, size=9, line=16)
    page.text(MARGIN, 250 + len(rows) * 16 + 20, "Guarde este comprobante / Keep this statement for your records", 8)


def _flat(page: Page, key: str) -> str:
    spanish, english = BILINGUAL[key]
    return f"{spanish} / {pick(english, page.style.variant)}"


LAYOUTS = {"earnings_statement": earnings_statement, "bilingual_stub": bilingual_stub}
