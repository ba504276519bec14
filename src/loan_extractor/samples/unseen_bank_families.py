"""More unseen development layouts of bank statements: only the `unseen` split draws them (samples/variety.py).

A regional bank's statement with the customer's block in a right-hand column under the logo, the account named
only by its last four in a sentence, the period as a sentence and the summary as a boxed grid with the labels
above the values; a savings bank's register whose opening and closing balances are only the first and last rows
of the transactions table, with the totals in a footer row and the customer's block at the bottom left where a
window envelope shows it; and a brokerage's cash management statement with a summary of several accounts, only
one of them the statement's, above that account's cash activity.
"""

from __future__ import annotations

from datetime import date

from loan_extractor.samples.draw import HEIGHT, MARGIN, WIDTH, Page
from loan_extractor.samples.provider_pay_stub import mailing_address
from loan_extractor.samples.unseen_bank import KEYS
from loan_extractor.samples.values import SampleDoc
from loan_extractor.samples.variety_pay_stub import pick


def _spelled(iso: str, year: bool = True) -> str:
    d = date.fromisoformat(iso)
    return f"{d:%B} {d.day}, {d.year}" if year else f"{d:%B} {d.day}"


def _row_date(page: Page, d: date) -> str:
    """A transaction's date: the style's, or month and day spelled when the style is day first."""
    return f"{d:%b} {d.day}" if page.style.dates == "dayfirst" else page.style.date(d.isoformat())


def _holder_block(page: Page, x: float, y: float, holder: str, upper: bool, size: float = 10) -> None:
    """The customer's name and address, three unlabelled lines."""
    street, city_line = mailing_address(holder)
    for row, text in enumerate((holder.upper() if upper else holder, street, city_line)):
        page.text(x, y + row * (size + 3), text, size)


PERIOD_SENTENCE = ("For the period {start} through {end}", "Statement period {start} to {end}",
                   "This statement covers {start} - {end}", "For the period {start} through {end}")
ACCOUNT_SENTENCE = ("Your Everyday Checking account ending in {last4}", "Account ending in {last4}",
                    "Statement for account xxxx-xxxx-{last4}", "Premier Checking  |  Account no. ending {last4}")
GRID_LABELS = (("Beginning balance", "Deposits and credits", "Withdrawals and debits", "Ending balance"),
               ("Previous balance", "Total credits", "Total debits", "New balance"),
               ("Balance on {start}", "Money in", "Money out", "Balance on {end}"),
               ("Beginning", "Additions", "Subtractions", "Ending"))


def regional_grid(page: Page, doc: SampleDoc) -> None:
    """The bank's name and a return address at the top left, the customer's block in the right column under the
    title, the account and the period in sentences, then a grid of four cells whose labels sit above the amounts."""
    f, s, x = doc.fields, page.style, doc.extras
    v = s.variant
    page.text(MARGIN, 56, str(f["bank_name"]), 17, bold=True)
    page.text(MARGIN, 70, "Member FDIC  |  PO Box 4410, Harrisburg PA 17111", 7.5)
    page.text(WIDTH - MARGIN, 56, "Account Statement", 12, bold=True, right=True)
    _holder_block(page, 360, 110, str(f["account_holder"]), v % 2 == 1)
    spelled = s.dates in ("long", "dayfirst")
    start = _spelled(str(f["statement_period_start"]), False) if spelled else s.date(str(f["statement_period_start"]))
    end = _spelled(str(f["statement_period_end"])) if spelled else s.date(str(f["statement_period_end"]))
    page.text(MARGIN, 116, pick(ACCOUNT_SENTENCE, v).format(last4=str(x["account_number"])[-4:]), 10, bold=True)
    page.text(MARGIN, 132, pick(PERIOD_SENTENCE, v).format(start=start, end=end), 10)
    page.text(MARGIN, 148, "Questions? Call 1-888-555-0142, 24 hours a day.", 8)
    page.text(MARGIN, 190, "Account summary", 11, bold=True)
    width = (WIDTH - 2 * MARGIN) / 4
    short = (_spelled(str(f["statement_period_start"]), False), _spelled(str(f["statement_period_end"]), False))
    for column, (label, key) in enumerate(zip(GRID_LABELS[v], KEYS)):
        left = MARGIN + column * width
        page.canvas.setLineWidth(0.8)
        page.canvas.rect(left, HEIGHT - 246, width, 48)
        page.text(left + 5, 211, label.format(start=short[0], end=short[1]), 8)
        page.text(left + width - 6, 236, s.money(str(f[key])), 11, bold=True, right=True)
    rows = [["Date", "Description", "Amount"]]
    rows += [[_row_date(page, d), text, s.money(c)] for d, text, c in x["transactions"]]  # type: ignore[attr-defined]
    page.text(MARGIN, 276, "Transactions", 11, bold=True)
    page.table(MARGIN, 296, [100, 270, 134], rows, line=15, left_cols=2)


BOOKENDS = (("Previous balance", "New balance", "Totals"), ("Beginning balance", "Ending balance", "Total"),
            ("Balance brought forward", "Balance carried forward", "Totals for period"),
            ("Opening balance", "Closing balance", "Period totals"))


def register_bookends(page: Page, doc: SampleDoc) -> None:
    """A savings bank's register: the period and account at the top right in short lines, a table with separate
    debit and credit columns whose first and last rows hold the opening and closing balances, a totals footer,
    and the customer's block at the bottom left, above a tear line, where a window envelope shows it."""
    f, s, x = doc.fields, page.style, doc.extras
    v = s.variant
    page.text(MARGIN, 54, str(f["bank_name"]), 14, bold=True)
    page.text(MARGIN, 67, "Savings Bank  -  Est. 1889", 8)
    start, end = (str(f["statement_period_start"]), str(f["statement_period_end"]))
    dates = (_spelled(start), _spelled(end)) if s.dates == "dayfirst" else (s.date(start), s.date(end))
    page.text(WIDTH - MARGIN, 54, f"{dates[0]} - {dates[1]}", 9.5, right=True)
    page.text(WIDTH - MARGIN, 67, f"Account xxxx-xxxx-{str(x['account_number'])[-4:]}", 9.5, right=True)
    page.rule(78, width=0.6)
    first, last, totals = BOOKENDS[v]
    rows = [["Date", "Description", "Debits", "Credits", "Balance"],
            [_row_date(page, date.fromisoformat(start)), first, "", "", s.money(str(f["opening_balance"]))]]
    balance = int(x["opening_cents"])  # type: ignore[arg-type]
    for d, text, cents in x["transactions"]:  # type: ignore[attr-defined]
        balance += cents
        rows.append([_row_date(page, d), text, s.money(-cents) if cents < 0 else "",
                     s.money(cents) if cents > 0 else "", s.money(balance)])
    rows.append([_row_date(page, date.fromisoformat(end)), last, "", "", s.money(str(f["closing_balance"]))])
    bottom = page.table(MARGIN, 104, [108, 150, 80, 80, 86], rows, line=15, left_cols=2)
    page.rule(bottom - 10, MARGIN + 258, WIDTH - MARGIN, 0.6)
    page.text(MARGIN + 180, bottom + 2, totals, 9.5, bold=True)
    page.text(MARGIN + 338, bottom + 2, s.money(str(f["total_withdrawals"])), 9.5, bold=True, right=True)
    page.text(MARGIN + 418, bottom + 2, s.money(str(f["total_deposits"])), 9.5, bold=True, right=True)
    page.canvas.setDash(3, 3)
    page.rule(600, width=0.5)
    page.canvas.setDash()
    page.text(MARGIN, 618, "Please detach and keep this portion for your records.", 7.5)
    _holder_block(page, MARGIN + 16, 660, str(f["account_holder"]), v % 2 == 0)


CASH_ROWS = (("Opening cash balance", "Deposits", "Withdrawals", "Closing cash balance"),
             ("Beginning cash balance", "Additions", "Subtractions", "Ending cash balance"),
             ("Starting balance", "Cash in", "Cash out", "Ending balance"),
             ("Opening balance", "Total credits", "Total debits", "Closing balance"))


def cash_management(page: Page, doc: SampleDoc) -> None:
    """A brokerage's statement: the client's block and a period line, a summary of the client's accounts with
    beginning and ending values (the cash account one row of three), then the cash account's activity summary."""
    f, s, x = doc.fields, page.style, doc.extras
    v = s.variant
    start, end = str(f["statement_period_start"]), str(f["statement_period_end"])
    page.text(MARGIN, 54, str(f["bank_name"]), 15, bold=True)
    page.text(MARGIN, 67, "Wealth Management", 9)
    page.text(WIDTH - MARGIN, 54, "Client Statement", 13, bold=True, right=True)
    shown = (_spelled(start), _spelled(end)) if s.dates == "dayfirst" else (s.date(start), s.date(end))
    page.text(WIDTH - MARGIN, 68, f"{shown[0]} - {shown[1]}", 9, right=True)
    _holder_block(page, MARGIN, 104, str(f["account_holder"]), v % 2 == 1)
    page.text(MARGIN, 176, "Summary of your accounts", 11, bold=True)
    last4 = str(x["account_number"])[-4:]
    others = (int(last4) * 7 + 1111) % 10000, (int(last4) * 3 + 2222) % 10000
    rows = [["Account", "Number", "Beginning value", "Ending value"],
            ["Individual Brokerage", f"xxxx-{others[0]:04d}", s.money(18425037), s.money(18811290)],
            [pick(("Cash Management", "Cash Account", "Cash Management Account", "Cash Sweep"), v), f"xxxx-{last4}",
             s.money(str(f["opening_balance"])), s.money(str(f["closing_balance"]))],
            ["Traditional IRA", f"xxxx-{others[1]:04d}", s.money(6230155), s.money(6188402)]]
    page.table(MARGIN, 196, [170, 100, 117, 117], rows, line=16, left_cols=2)
    page.text(MARGIN, 284, f"Cash Management Account xxxx-{last4}", 11, bold=True)
    page.text(MARGIN, 300, "Cash activity summary", 10, bold=True)
    for row, (label, key) in enumerate(zip(CASH_ROWS[v], KEYS)):
        page.text(MARGIN + 10, 318 + row * 15, label, 9.5, bold=row in (0, 3))
        page.text(MARGIN + 300, 318 + row * 15, s.money(str(f[key])), 9.5, bold=row in (0, 3), right=True)
    rows = [["Date", "Activity", "Amount"]]
    rows += [[_row_date(page, d), text, s.money(c)] for d, text, c in x["transactions"]]  # type: ignore[attr-defined]
    page.text(MARGIN, 396, "Cash activity detail", 10, bold=True)
    page.table(MARGIN, 414, [100, 270, 134], rows, line=15, left_cols=2)


LAYOUTS = {"regional_grid": regional_grid, "register_bookends": register_bookends, "cash_management": cash_management}
