"""More unseen development layouts of pay stubs (only the `unseen` split draws them; samples/variety.py).

Modelled on stubs the layouts of unseen_pay_stub.py do not cover: a dot-matrix style statement of all-caps labels
with colons and dotted leaders, a stub with Earnings | Deductions side by side whose net pay is printed only on
the attached check (in words and in figures), and a stub whose dates sit in a shaded header band (labels above
values, no boxes) with the employee's address unlabelled at the top right and the employer as a large heading.
"""

from __future__ import annotations

from loan_extractor.samples.draw import HEIGHT, MARGIN, WIDTH, Page
from loan_extractor.samples.provider_pay_stub import HOURS, mailing_address
from loan_extractor.samples.unseen_pay_stub import SHORT_DEDUCTIONS, _cents, _employee_id, _grid, _period
from loan_extractor.samples.values import SampleDoc
from loan_extractor.samples.variety_pay_stub import pick

CONTENT = WIDTH - 2 * MARGIN
ONES = ("", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve",
        "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen")
TENS = ("", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety")


def dollars_in_words(cents: int) -> str:
    """An amount as a check writes it: "One Thousand Two Hundred Four and 56/100 Dollars" (below a million)."""
    def below_thousand(n: int) -> list[str]:
        words = [ONES[n // 100], "Hundred"] if n >= 100 else []
        n %= 100
        if n >= 20:
            words.append(TENS[n // 10] + (f"-{ONES[n % 10]}" if n % 10 else ""))
        elif n:
            words.append(ONES[n])
        return words

    whole = cents // 100
    words = (below_thousand(whole // 1000) + ["Thousand"] if whole >= 1000 else []) + below_thousand(whole % 1000)
    return f"{' '.join(words) or 'Zero'} and {cents % 100:02d}/100 Dollars"


def _leader(page: Page, x: float, y: float, label: str, value: str, end: float, size: float = 9.5) -> None:
    """`LABEL: ........ value`: the label at `x`, dots up to the value right-aligned at `end`."""
    page.text(x, y, label, size)
    start = x + page.canvas.stringWidth(label, page._font(False), size) + 4
    stop = end - page.canvas.stringWidth(value, page._font(False), size) - 4
    dot = page.canvas.stringWidth(".", page._font(False), size)
    if stop > start:
        page.text(start, y, "." * int((stop - start) / dot), size)
    page.text(end, y, value, size, right=True)


def dotted_leaders(page: Page, doc: SampleDoc) -> None:
    """A dot-matrix style statement: the employer centred in capitals, every label in capitals with a colon and a
    dotted leader to its value, the period as "FROM ... TO ...", and a deductions list in the same style."""
    f, s, x = doc.fields, page.style, doc.extras
    employer = x["employer"]
    page.text(WIDTH / 2 - 120, 54, str(f["employer_name"]).upper(), 12, bold=True)
    page.text(WIDTH / 2 - 120, 67, f"{employer.street.upper()}  {employer.city_line.upper()}", 8)
    page.text(MARGIN, 92, pick(("STATEMENT OF EARNINGS AND DEDUCTIONS", "EMPLOYEE PAY STATEMENT",
                                "STATEMENT OF EARNINGS", "PAYROLL STATEMENT"), s.variant), 10, bold=True)
    page.rule(98, width=0.5)
    name = str(f["employee_name"])
    middle, end = MARGIN + 250, WIDTH - MARGIN
    start, finish = s.date(str(f["pay_period_start"])), s.date(str(f["pay_period_end"]))
    lines = [(pick(("EMPLOYEE NAME:", "EMPLOYEE:", "NAME:", "PAYEE:"), s.variant), name.upper()),
             ("EMPLOYEE NO:", _employee_id(name)),
             (s.date_label(pick(("PERIOD FROM:", "PAY PERIOD:", "PERIOD:", "PAY PERIOD:"), s.variant)),
              f"{start} TO {finish}"),
             (s.date_label(pick(("PAY DATE:", "CHECK DATE:", "DATE PAID:", "PAYMENT DATE:"), s.variant)),
              s.date(str(f["pay_date"])))]
    for row, (label, value) in enumerate(lines):
        _leader(page, MARGIN, 118 + row * 16, label, value, end - 60)
    gross, net, n = _cents(f["gross_pay"]), _cents(f["net_pay"]), int(x["periods_to_date"])
    page.text(MARGIN, 200, "EARNINGS", 9.5, bold=True)
    page.text(middle + 40, 200, "THIS PERIOD", 8, bold=True, right=True)
    page.text(end, 200, "YEAR TO DATE", 8, bold=True, right=True)
    amounts = [(pick(("GROSS PAY:", "GROSS EARNINGS:", "TOTAL GROSS:", "GROSS WAGES:"), s.variant), gross,
                _cents(f["ytd_gross"]))]
    deductions = dict(x["deductions"])
    amounts += [(f"{k.upper()}:", c, c * n) for k, c in deductions.items()]
    amounts.append((pick(("NET PAY:", "NET PAY:", "NET AMOUNT:", "TAKE HOME PAY:"), s.variant), net, net * n))
    for row, (label, current, to_date) in enumerate(amounts):
        y = 218 + row * 16
        _leader(page, MARGIN, y, label, s.money(current), middle + 40)
        page.text(end, y, s.money(to_date), 9.5, right=True)
    page.rule(218 + len(amounts) * 16, width=0.5)


def check_words(page: Page, doc: SampleDoc) -> None:
    """Earnings and Deductions side by side with hours and rate columns, one totals row carrying the gross and the
    total deductions, then a check below a perforation whose amount (in words and in figures) is the net pay, the
    only place the net pay is printed."""
    f, s, x = doc.fields, page.style, doc.extras
    employer = x["employer"]
    page.text(MARGIN, 52, str(f["employer_name"]), 12, bold=True)
    page.text(MARGIN, 64, f"{employer.street}, {employer.city_line}", 8)
    name = str(f["employee_name"])
    page.text(WIDTH - MARGIN, 52, name, 10, bold=True, right=True)
    page.text(WIDTH - MARGIN, 64, f"ID {_employee_id(name)}", 8, right=True)
    period = pick(("Period Ending", "Period", "Pay Period", "Period Ending"), s.variant)
    period_value = s.date(str(f["pay_period_end"])) if "Ending" in period else _period(page, doc)
    if "Ending" in period:
        page.text(MARGIN, 84, f"{s.date_label('Period Beginning')}: {s.date(str(f['pay_period_start']))}", 9)
    page.text(MARGIN + 230, 84, f"{s.date_label(period)}: {period_value}", 9)
    hours = HOURS[str(x["frequency"])]
    gross, net, n = _cents(f["gross_pay"]), _cents(f["net_pay"]), int(x["periods_to_date"])
    deductions = dict(x["deductions"])
    half = CONTENT / 2
    rows = [["Earnings", "Hours", "Rate", "Amount"],
            ["Regular", f"{hours:.2f}", f"{gross / 100 / hours:,.2f}", s.money(gross)],
            ["Overtime", "0.00", f"{gross / 100 / hours * 1.5:,.2f}", s.money(0)]]
    _grid(page, MARGIN, 110, [80, 45, 50, half - 185], rows, size=8.5, line=14)
    rows = [["Deductions", "Amount", "YTD"]]
    rows += [[SHORT_DEDUCTIONS.get(k, k), s.money(c), s.money(c * n)] for k, c in deductions.items()]
    y = _grid(page, MARGIN + half + 10, 110, [70, 80, half - 160], rows, size=8.5, line=14)
    page.rule(y - 6, width=0.5)
    total = pick(("Total Gross", "Gross Pay", "Total Earnings", "Gross"), s.variant)
    page.text(MARGIN, y + 8, total, 9, bold=True)
    page.text(MARGIN + half - 10, y + 8, s.money(gross), 9, bold=True, right=True)
    page.text(MARGIN + half + 10, y + 8, "Total Deductions", 9, bold=True)
    page.text(WIDTH - MARGIN, y + 8, s.money(sum(deductions.values())), 9, bold=True, right=True)
    page.text(MARGIN, y + 24, f"{pick(('YTD Gross', 'Year to Date Gross', 'YTD Earnings', 'Gross YTD'), s.variant)}: "
                              f"{s.money(str(f['ytd_gross']))}", 9)
    top = 420.0
    page.canvas.setDash(2, 2)
    page.rule(top)
    page.canvas.setDash()
    page.text(MARGIN, top + 30, str(f["employer_name"]), 10, bold=True)
    page.text(WIDTH - MARGIN, top + 30, s.date(str(f["pay_date"])), 10, right=True)
    page.text(WIDTH - MARGIN - 100, top + 30, s.date_label("Date"), 7, right=True)
    page.text(MARGIN, top + 62, pick(("PAY", "Pay exactly", "PAY EXACTLY", "Pay"), s.variant), 8, bold=True)
    page.text(MARGIN + 78, top + 62, f"{dollars_in_words(net)} " + "*" * 12, 9.5)
    page.canvas.setLineWidth(0.8)
    page.canvas.rect(WIDTH - MARGIN - 120, HEIGHT - top - 104, 120, 22)
    page.text(WIDTH - MARGIN - 126, top + 97, "AMOUNT", 7, bold=True, right=True)
    page.text(WIDTH - MARGIN - 6, top + 97, f"***{s.money(net)}", 11, bold=True, right=True)
    page.text(MARGIN, top + 90, pick(("TO THE ORDER OF", "Pay to the order of", "TO THE ORDER OF", "To"), s.variant),
              7, bold=True)
    street, city_line = mailing_address(name)
    for row, line in enumerate((name, street, city_line)):
        page.text(MARGIN + 80, top + 90 + row * 12, line, 9.5)
    page.text(WIDTH - MARGIN, top + 150, "AUTHORIZED SIGNATURE", 7, right=True)
    page.rule(top + 140, WIDTH - MARGIN - 170, WIDTH - MARGIN, 0.5)


def header_band(page: Page, doc: SampleDoc) -> None:
    """The employer's name large like a logo, the employee's name and address unlabelled at the top right, a
    shaded band of cells with labels above values (check date, period begin, period end, net pay) and a
    Current / Year to date table whose rows are the totals."""
    f, s, x = doc.fields, page.style, doc.extras
    page.text(MARGIN, 70, str(f["employer_name"]), 22, bold=True)
    employer = x["employer"]
    page.text(MARGIN, 86, f"{employer.street} | {employer.city_line}", 8)
    name = str(f["employee_name"])
    street, city_line = mailing_address(name)
    for row, line in enumerate((name, street, city_line)):
        page.text(WIDTH - MARGIN - 170, 110 + row * 12, line, 9.5)
    gross, net, n = _cents(f["gross_pay"]), _cents(f["net_pay"]), int(x["periods_to_date"])
    band = [(s.date_label(pick(("Check Date", "Pay Date", "Pay Date", "Advice Date"), s.variant)),
             s.date(str(f["pay_date"]))),
            (s.date_label(pick(("Period Beginning", "Period Start", "Period Begin", "From"), s.variant)),
             s.date(str(f["pay_period_start"]))),
            (s.date_label(pick(("Period Ending", "Period End", "Period End", "To"), s.variant)),
             s.date(str(f["pay_period_end"]))),
            (pick(("Net Pay", "Net Pay", "Deposit Amount", "Net Amount"), s.variant), s.money(net))]
    page.canvas.setFillGray(0.88)
    page.canvas.rect(MARGIN, HEIGHT - 196, CONTENT, 36, stroke=0, fill=1)
    page.canvas.setFillGray(0)
    width = CONTENT / len(band)
    for column, (label, value) in enumerate(band):
        page.text(MARGIN + column * width + 6, 174, label, 7.5, bold=True)
        page.text(MARGIN + column * width + 6, 190, value, 10)
    deductions = dict(x["deductions"])
    taxes = sum(c for k, c in deductions.items() if k != "401(k)")
    rows = [["", pick(("Gross Earnings", "Gross Pay", "Total Earnings", "Gross Pay"), s.variant), "Taxes",
             "Deductions", "Net"],
            [pick(("Current", "This Period", "Current", "Period"), s.variant), s.money(gross), s.money(taxes),
             s.money(deductions.get("401(k)", 0)), s.money(net)],
            [pick(("Year to Date", "YTD", "Year-to-Date", "YTD Total"), s.variant), s.money(str(f["ytd_gross"])),
             s.money(taxes * n), s.money(deductions.get("401(k)", 0) * n), s.money(net * n)]]
    _grid(page, MARGIN, 232, [90, 110, 100, 100, 104], rows, size=9, line=16)
    rows = [["Tax / Deduction", "Current", "Year to Date"]]
    rows += [[k, s.money(c), s.money(c * n)] for k, c in deductions.items()]
    _grid(page, MARGIN, 310, [200, 100, 120], rows, size=8.5, line=14)


LAYOUTS = {"dotted_leaders": dotted_leaders, "check_words": check_words, "header_band": header_band}
