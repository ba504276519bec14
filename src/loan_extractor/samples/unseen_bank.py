"""Unseen development layouts of bank statements: only the `unseen` split draws them, the type model never trains on them
(samples/variety.py).

A large bank's consumer checking statement (the customer's mailing block with no label, the period and account
number at the top right, a summary box with item counts and the withdrawals as a negative amount), an online
bank's statement (a "Statement period" line, the four totals in one sentence-like line), and a credit union's
statement with share and share draft sub-accounts in one summary table.
"""

from __future__ import annotations

from datetime import date

from loan_extractor.samples.draw import MARGIN, WIDTH, Page
from loan_extractor.samples.provider_pay_stub import fitted_pair, mailing_address
from loan_extractor.samples.values import SampleDoc
from loan_extractor.samples.variety_pay_stub import pick

KEYS = ("opening_balance", "total_deposits", "total_withdrawals", "closing_balance")
CONSUMER_SUMMARY = (("Beginning Balance", "Deposits and Additions", "Withdrawals and Subtractions", "Ending Balance"),
                    ("Beginning Balance", "Deposits and Other Credits", "Withdrawals and Other Debits",
                     "Ending Balance"),
                    ("Starting Balance", "Deposits/Credits", "Withdrawals/Debits", "Ending Balance"),
                    ("Opening Balance", "Total Deposits and Additions", "Total Withdrawals", "Closing Balance"))


def _long(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"{d:%B} {d.day}, {d.year}"


def _dates(page: Page, doc: SampleDoc) -> tuple[str, str]:
    """The period's ends in the style's date format, spelled out when it is day first and nothing says so."""
    f, s = doc.fields, page.style
    keys = ("statement_period_start", "statement_period_end")
    if s.dates == "dayfirst":
        return _long(str(f[keys[0]])), _long(str(f[keys[1]]))
    return s.date(str(f[keys[0]])), s.date(str(f[keys[1]]))


def _fit(page: Page, text: str, size: float, width: float) -> float:
    """The largest size up to `size` at which `text` fits in `width` points."""
    return min(size, size * width / page.canvas.stringWidth(text, page._font(False), size))


def consumer_checking(page: Page, doc: SampleDoc) -> None:
    """The period and the account number at the top right, the customer's name and address unlabelled at the
    left, a summary box at the right with instance counts, withdrawals printed negative, a running balance."""
    f, s, x = doc.fields, page.style, doc.extras
    start, end = _dates(page, doc)
    page.text(MARGIN, 54, str(f["bank_name"]), 16, bold=True)
    page.text(MARGIN, 68, "P O Box 659754  San Antonio TX 78265-9754", 8)
    page.text(WIDTH - MARGIN, 54, f"{start} through {end}", 9.5, right=True)
    number = pick(("Account Number", "Account number", "Primary Account", "Account Number"), s.variant)
    page.text(WIDTH - MARGIN, 68, f"{number}: {s.account(str(x['account_number']))}", 9.5, right=True)
    holder = str(f["account_holder"])
    street, city_line = mailing_address(holder)
    for row, text in enumerate((holder.upper() if s.variant % 2 else holder, street, city_line)):
        page.text(MARGIN + 10, 120 + row * 13, text, 10)
    page.text(MARGIN, 222, "CUSTOMER SERVICE INFORMATION", 8, bold=True)
    page.text(MARGIN, 234, "Web site: www.example-bank.com   Service Center: 1-800-555-0117", 8)
    left, width = 296.0, WIDTH - MARGIN - 296.0
    page.box(left, 96, width, 108, "CHECKING SUMMARY", size=9)
    page.text(left + 190, 122, "INSTANCES", 7, bold=True, right=True)
    page.text(WIDTH - MARGIN - 6, 122, "AMOUNT", 7, bold=True, right=True)
    transactions = list(x["transactions"])  # type: ignore[arg-type]
    ins = sum(1 for t in transactions if t[2] > 0)
    counts = ("", str(ins), str(len(transactions) - ins), "")
    withdrawals = -round(float(str(f["total_withdrawals"])) * 100)
    amounts = (str(f["opening_balance"]), str(f["total_deposits"]), withdrawals, str(f["closing_balance"]))
    for row, (label, count, amount) in enumerate(zip(CONSUMER_SUMMARY[s.variant], counts, amounts)):
        y = 140 + row * 16
        page.text(left + 6, y, label, 8.5, bold=row in (0, 3))
        page.text(left + 190, y, count, 8.5, right=True)
        page.text(WIDTH - MARGIN - 6, y, s.money(amount), 8.5, bold=row in (0, 3), right=True)
    page.text(MARGIN, 262, "TRANSACTION DETAIL", 11, bold=True)
    balance = int(x["opening_cents"])  # type: ignore[arg-type]
    rows = [["DATE", "DESCRIPTION", "AMOUNT", "BALANCE"], ["", "Beginning Balance", "", s.money(balance)]]
    for d, text, cents in transactions:
        balance += cents
        rows.append([f"{d:%m/%d}", text, s.money(cents), s.money(balance)])
    rows.append(["", "Ending Balance", "", s.money(balance)])
    page.table(MARGIN, 282, [60, 220, 110, 114], rows, line=15, left_cols=2)


ONLINE_OWNER = ("Account owner", "Prepared for", "Name on account", "Owner")
ONLINE_TOTALS = (("Beginning balance", "Deposits", "Withdrawals", "Ending balance"),
                 ("Starting balance", "Money in", "Money out", "Ending balance"),
                 ("Opening balance", "Total deposits", "Total withdrawals", "Closing balance"),
                 ("Previous balance", "Credits", "Debits", "New balance"))


def online_statement(page: Page, doc: SampleDoc) -> None:
    """A "Statement period" line under the title, the owner and the account ending in its last four, the
    four totals on one line joined by + - =, transactions with separate withdrawal and deposit columns."""
    f, s, x = doc.fields, page.style, doc.extras
    start, end = _dates(page, doc)
    page.text(MARGIN, 56, str(f["bank_name"]), 15, bold=True)
    page.text(WIDTH - MARGIN, 56, pick(("Online Checking", "Interest Checking", "Spending Account",
                                        "Online Checking"), s.variant), 11, right=True)
    page.text(MARGIN, 84, "Monthly Statement", 12, bold=True)
    page.text(MARGIN, 100, f"Statement period: {start} - {end}", 10)
    page.rule(110, width=0.5)
    fitted_pair(page, MARGIN, 130, pick(ONLINE_OWNER, s.variant), str(f["account_holder"]), 120, size=10)
    last4 = str(x["account_number"])[-4:]
    account = f"ending in {last4}" if s.variant % 2 else s.account(str(x["account_number"]))
    fitted_pair(page, MARGIN, 146, "Account", account, 120, size=10)
    labels = ONLINE_TOTALS[s.variant]
    amounts = [s.money(str(f[k])) for k in KEYS]
    line = (f"{labels[0]} {amounts[0]}  +  {labels[1]} {amounts[1]}  -  {labels[2]} {amounts[2]}  =  "
            f"{labels[3]} {amounts[3]}")
    page.text(MARGIN, 176, "Summary", 11, bold=True)
    page.text(MARGIN, 194, line, _fit(page, line, 9.5, WIDTH - 2 * MARGIN))
    page.rule(204, width=0.5)
    rows = [["Date", "Description", "Withdrawals", "Deposits"]]
    for d, text, cents in x["transactions"]:  # type: ignore[attr-defined]
        rows.append([s.date(d.isoformat()) if s.dates != "dayfirst" else f"{d:%b} {d.day}", text,
                     s.money(-cents) if cents < 0 else "", s.money(cents) if cents > 0 else ""])
    page.table(MARGIN, 228, [110, 190, 100, 104], rows, line=16, left_cols=2)


SHARE_COLUMNS = (("Previous Balance", "Deposits", "Withdrawals", "New Balance"),
                 ("Beginning Balance", "Credits", "Debits", "Ending Balance"),
                 ("Balance Forward", "Additions", "Subtractions", "Closing Balance"),
                 ("Previous Balance", "Total Deposits", "Total Withdrawals", "Ending Balance"))


def share_accounts(page: Page, doc: SampleDoc) -> None:
    """A credit union's statement: a period "From ... Through ...", the member number, the member's address
    with no label, a summary table with a row per sub-account (share draft first, then the membership share
    with its own small balance), and the share draft's transactions."""
    f, s, x = doc.fields, page.style, doc.extras
    start, end = _dates(page, doc)
    page.text(MARGIN, 54, str(f["bank_name"]), 15, bold=True)
    page.text(MARGIN, 68, "Your Savings Federally Insured to at least $250,000 by NCUA", 7.5)
    right = 360.0
    page.box(right, 40, WIDTH - MARGIN - right, 58, "STATEMENT PERIOD", size=8)
    page.text(right + 6, 66, f"From {start}", 9)
    page.text(right + 6, 78, f"Through {end}", 9)
    member = pick(("Member Number", "Member #", "Account Number", "Member Account"), s.variant)
    page.text(right + 6, 92, f"{member}: {s.account(str(x['account_number']))}", 9)
    holder = str(f["account_holder"])
    street, city_line = mailing_address(holder)
    for row, text in enumerate((holder.upper() if s.variant % 2 == 0 else holder, street, city_line)):
        page.text(MARGIN + 18, 122 + row * 13, text, 10)
    page.text(MARGIN, 184, "SUMMARY OF ACCOUNTS", 11, bold=True)
    rows = [["Account", *SHARE_COLUMNS[s.variant]],
            ["Share Draft Checking  ID 10", *(s.money(str(f[k])) for k in KEYS)],
            ["Regular Share  ID 00", s.money(2500), s.money(3), s.money(0), s.money(2503)]]
    for number, row in enumerate(rows):
        page.text(MARGIN, 204 + number * 16, row[0], 9, bold=number == 0)
        for column, cell in enumerate(row[1:]):
            page.text(MARGIN + 160 + (column + 1) * 86, 204 + number * 16, cell, 8 if number == 0 else 9,
                      bold=number == 0, right=True)
    page.rule(208, width=0.5)
    page.text(MARGIN, 272, "SHARE DRAFT CHECKING  ID 10", 10, bold=True)
    rows = [["Date", "Transaction Description", "Amount"]]
    rows += [[s.date(d.isoformat()) if s.dates != "dayfirst" else f"{d:%b} {d.day}", text, s.money(c)]
             for d, text, c in x["transactions"]]  # type: ignore[attr-defined]
    page.table(MARGIN, 292, [110, 250, 140], rows, line=15, left_cols=2)
    below = 292 + 15 * len(rows)
    page.text(MARGIN, below + 20, "REGULAR SHARE  ID 00", 10, bold=True)
    page.text(MARGIN, below + 36, f"{end}   Dividend Deposit   {s.money(3)}", 9)


LAYOUTS = {"consumer_checking": consumer_checking, "online_statement": online_statement,
           "share_accounts": share_accounts}
