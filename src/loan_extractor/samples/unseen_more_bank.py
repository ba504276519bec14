"""A third group of unseen development layouts of bank statements (only the `unseen` split draws them;
samples/variety.py).

Modelled on statements the other unseen layouts do not cover: a checking statement whose narrow left column holds
only the statement date, the period as "Statement Period: 03/01/26 - 03/31/26" and the account number, with a
Daily Balance Summary table beside the account summary; and a savings statement whose balances are named
"Balance Last Statement" / "Balance This Statement", with interest lines (APY earned, interest paid this year).
"""

from __future__ import annotations

from datetime import date

from loan_extractor.samples.draw import HEIGHT, MARGIN, WIDTH, Page
from loan_extractor.samples.unseen_bank import KEYS
from loan_extractor.samples.unseen_bank_families import _holder_block, _row_date
from loan_extractor.samples.values import SampleDoc
from loan_extractor.samples.variety_pay_stub import pick

CONTENT = WIDTH - 2 * MARGIN


def _short_year(page: Page, iso: str) -> str:
    """A date with a two-digit year where the style prints month/day/year, else the style's own."""
    d = date.fromisoformat(iso)
    return f"{d:%m/%d/%y}" if page.style.dates == "us" else page.style.date(iso)


def _daily_balances(doc: SampleDoc) -> list[tuple[date, int]]:
    """The balance at the end of each day with transactions."""
    balance, by_day = int(doc.extras["opening_cents"]), {}
    for day, _, cents in doc.extras["transactions"]:  # type: ignore[attr-defined]
        balance += cents
        by_day[day] = balance
    return sorted(by_day.items())


SIDE_SUMMARY = (("Beginning Balance", "Deposits/Credits", "Withdrawals/Debits", "Ending Balance"),
                ("Previous Balance", "Total Deposits", "Total Withdrawals", "Current Balance"),
                ("Starting Balance", "Credits", "Debits", "Ending Balance"),
                ("Beginning Balance", "Additions", "Subtractions", "Ending Balance"))


def narrow_header(page: Page, doc: SampleDoc) -> None:
    """The bank's name over a narrow left column (statement date, period, account number, page); the holder's
    block to its right; the account summary beside a Daily Balance Summary; then the transactions."""
    f, s, x = doc.fields, page.style, doc.extras
    v = s.variant
    page.text(MARGIN, 54, str(f["bank_name"]), 15, bold=True)
    page.rule(62, width=1.2)
    column = [("Statement Date", _short_year(page, str(f["statement_period_end"]))),
              ("Statement Period", f"{_short_year(page, str(f['statement_period_start']))} - "
                                   f"{_short_year(page, str(f['statement_period_end']))}"),
              (pick(("Account Number", "Account No.", "Acct Number", "Account"), v), s.account(str(x["account_number"]))),
              ("Page", "1 of 1")]
    for row, (label, value) in enumerate(column):
        page.text(MARGIN, 84 + row * 26, s.date_label(label) if row < 2 else label, 7.5, bold=True)
        page.text(MARGIN, 95 + row * 26, value, 8.5)
    page.canvas.setLineWidth(0.5)
    page.canvas.line(MARGIN + 150, HEIGHT - 72, MARGIN + 150, HEIGHT - 186)
    _holder_block(page, MARGIN + 190, 96, str(f["account_holder"]), v % 2 == 1)
    page.text(MARGIN, 214, pick(("Account Summary", "Summary of Account Activity", "Checking Summary",
                                 "Account Summary"), v), 10.5, bold=True)
    for row, (label, key) in enumerate(zip(SIDE_SUMMARY[v], KEYS)):
        page.text(MARGIN, 232 + row * 15, label, 9)
        page.text(MARGIN + 220, 232 + row * 15, s.money(str(f[key])), 9, right=True)
    left = MARGIN + 260
    page.text(left, 214, "Daily Balance Summary", 10.5, bold=True)
    page.text(left, 232, "Date", 8, bold=True)
    page.text(left + 110, 232, "Balance", 8, bold=True, right=True)
    page.text(left + 130, 232, "Date", 8, bold=True)
    page.text(WIDTH - MARGIN, 232, "Balance", 8, bold=True, right=True)
    balances = _daily_balances(doc)
    rows = (len(balances) + 1) // 2
    for number, (day, cents) in enumerate(balances):
        offset, row = divmod(number, rows)
        start = left + offset * 130
        page.text(start, 246 + row * 12, f"{day:%m/%d}", 8)
        page.text(start + 110 if offset == 0 else WIDTH - MARGIN, 246 + row * 12, s.money(cents), 8, right=True)
    top = 262 + max(rows, 4) * 12
    page.text(MARGIN, top, "Transaction Detail", 10.5, bold=True)
    table = [["Date", "Description", "Amount"]]
    table += [[_row_date(page, d), text, s.money(c)] for d, text, c in x["transactions"]]  # type: ignore[attr-defined]
    page.table(MARGIN, top + 20, [100, 270, CONTENT - 370], table, line=14, left_cols=2)


SAVINGS_LABELS = (("Balance Last Statement", "Deposits", "Withdrawals", "Balance This Statement"),
                  ("Balance Last Statement", "Deposits and Other Credits", "Withdrawals and Other Debits",
                   "Balance This Statement"),
                  ("Last Statement Balance", "Total Deposits", "Total Withdrawals", "This Statement Balance"),
                  ("Balance Last Statement", "Credits", "Debits", "Balance This Statement"))


def savings_interest(page: Page, doc: SampleDoc) -> None:
    """A savings account statement: the holder's block at the top left, the period and account at the right, a
    boxed summary whose balances are "Balance Last Statement" and "Balance This Statement", interest lines (APY
    earned, interest paid this year, average balance) and the activity below."""
    f, s, x = doc.fields, page.style, doc.extras
    v = s.variant
    page.text(WIDTH - MARGIN, 52, str(f["bank_name"]), 14, bold=True, right=True)
    page.text(WIDTH - MARGIN, 66, pick(("Statement Savings", "Statement of Savings Account", "Savings Statement",
                                        "High Yield Savings"), v), 9, right=True)
    _holder_block(page, MARGIN, 96, str(f["account_holder"]), v % 2 == 0, size=9.5)
    period = f"{s.date(str(f['statement_period_start']))} {pick(('thru', 'through', 'to', 'thru'), v)} " \
             f"{s.date(str(f['statement_period_end']))}"
    page.text(MARGIN + 300, 96, s.date_label("Statement Period"), 8, bold=True)
    page.text(MARGIN + 300, 108, period, 9)
    page.text(MARGIN + 300, 126, "Savings Account", 8, bold=True)
    page.text(MARGIN + 300, 138, s.account(str(x["account_number"])), 9)
    page.canvas.setLineWidth(0.8)
    page.canvas.rect(MARGIN, HEIGHT - 262, CONTENT, 84)
    for row, (label, key) in enumerate(zip(SAVINGS_LABELS[v], KEYS)):
        page.text(MARGIN + 8, 194 + row * 17, label, 9.5, bold=row in (0, 3))
        page.text(MARGIN + 250, 194 + row * 17, s.money(str(f[key])), 9.5, bold=row in (0, 3), right=True)
    average = (int(x["opening_cents"]) + round(float(str(f["closing_balance"])) * 100)) // 2
    interest = [("Annual Percentage Yield Earned", f"{0.45 + v * 0.2:.2f}%"),
                ("Interest Earned This Period", s.money(average * 37 // 1_000_000)),
                ("Interest Paid Year-to-Date", s.money(average * 91 // 1_000_000)),
                ("Average Daily Balance", s.money(average))]
    for row, (label, value) in enumerate(interest):
        page.text(MARGIN + 290, 194 + row * 17, label, 8.5)
        page.text(WIDTH - MARGIN - 8, 194 + row * 17, value, 8.5, right=True)
    page.text(MARGIN, 290, "Account Activity", 11, bold=True)
    table = [["Posted", "Description", "Deposits", "Withdrawals"]]
    for d, text, c in x["transactions"]:  # type: ignore[attr-defined]
        table.append([_row_date(page, d), text, s.money(c) if c > 0 else "", s.money(-c) if c < 0 else ""])
    page.table(MARGIN, 310, [90, 210, 100, CONTENT - 400], table, line=14, left_cols=2)


LAYOUTS = {"narrow_header": narrow_header, "savings_interest": savings_interest}
