"""Bank statements with an account summary block: the totals as a row of column headings with the amounts on the
line under them, or as a summary box beside the mailing address with the item counts before the amounts."""

from __future__ import annotations

from datetime import date

from loan_extractor.samples.draw import MARGIN, WIDTH, Page
from loan_extractor.samples.provider_pay_stub import fitted_pair, mailing_address
from loan_extractor.samples.values import SampleDoc
from loan_extractor.samples.variety_pay_stub import pick

HOLDER = ("Account Holder(s)", "Account Owner", "Statement For", "Primary Account Holder")
NUMBER = ("Account Number", "Primary Account", "Account #", "Checking Account Number")
SUMMARY = (("Beginning Balance", "Deposits & Credits", "Withdrawals & Debits", "Ending Balance"),
           ("Previous Balance", "Credits", "Debits", "New Balance"),
           ("Opening Balance", "Total Deposits", "Total Withdrawals", "Closing Balance"),
           ("Balance Forward", "Additions", "Subtractions", "Ending Balance"))
KEYS = ("opening_balance", "total_deposits", "total_withdrawals", "closing_balance")


def summary_row(page: Page, doc: SampleDoc) -> None:
    """Bank and customer service line, holder and account lines, the period with "through", and the four
    totals as column headings with their amounts on the line below."""
    f, s, x = doc.fields, page.style, doc.extras
    page.text(MARGIN, 58, str(f["bank_name"]), 16, bold=True)
    page.text(WIDTH - MARGIN, 58, "Customer Service: 1-800-555-0142", 9, right=True)
    fitted_pair(page, MARGIN, 92, pick(HOLDER, s.variant), str(f["account_holder"]), 150, size=10)
    fitted_pair(page, MARGIN, 108, pick(NUMBER, s.variant), s.account(str(x["account_number"])), 150, size=10)
    period = f"{s.date(str(f['statement_period_start']))} through {s.date(str(f['statement_period_end']))}"
    fitted_pair(page, MARGIN, 124, s.date_label("Statement Period"), period, 130, size=10)
    page.text(MARGIN, 160, "CHECKING SUMMARY", 11, bold=True)
    page.rule(166)
    quarter = (WIDTH - 2 * MARGIN) / 4
    for number, (label, key) in enumerate(zip(SUMMARY[s.variant], KEYS)):
        right = MARGIN + (number + 1) * quarter - 8
        page.text(right, 182, label, 9, bold=True, right=True)
        page.text(right, 198, s.money(str(f[key])), 10, right=True)
    rows = [["Date", "Description", "Amount"]]
    rows += [[s.date(d.isoformat()), text, s.money(c)] for d, text, c in x["transactions"]]  # type: ignore[attr-defined]
    page.text(MARGIN, 236, "TRANSACTION DETAIL", 11, bold=True)
    page.table(MARGIN, 258, [110, 250, 140], rows, line=16, left_cols=2)


def counted_summary(page: Page, doc: SampleDoc) -> None:
    """The holder's mailing block at the left, a summary box at the right with the number of items before the
    deposits' and withdrawals' totals, the period in the heading."""
    f, s, x = doc.fields, page.style, doc.extras
    page.text(MARGIN, 58, str(f["bank_name"]), 16, bold=True)
    period = f"{s.date(str(f['statement_period_start']))} - {s.date(str(f['statement_period_end']))}"
    page.text(WIDTH - MARGIN, 74, f"{s.date_label('Statement Period')}: {period}", 9, right=True)
    fitted_pair(page, MARGIN, 96, pick(HOLDER, s.variant), str(f["account_holder"]), 150, size=10)
    page.text(MARGIN + 150, 110, "PO Box 4410", 9)
    fitted_pair(page, MARGIN, 128, pick(NUMBER, s.variant), s.account(str(x["account_number"])), 150, size=10)
    transactions = list(x["transactions"])  # type: ignore[arg-type]
    ins = sum(1 for t in transactions if t[2] > 0)
    labels = SUMMARY[s.variant]
    left = 340
    page.box(left, 84, WIDTH - MARGIN - left, 100, "Account Summary")
    counts = ("", f"{ins} items", f"{len(transactions) - ins} items", "")
    for number, (label, key, count) in enumerate(zip(labels, KEYS, counts)):
        y = 112 + number * 17
        page.text(left + 6, y, label, 9)
        page.text(left + 130, y, count, 8)
        page.text(WIDTH - MARGIN - 6, y, s.money(str(f[key])), 9.5, right=True)
    rows = [["Posted", "Description", "Amount"]]
    rows += [[s.date(d.isoformat()), text, s.money(c)] for d, text, c in transactions]
    page.table(MARGIN, 220, [110, 250, 140], rows, line=16, left_cols=2)


def itemised_summary(page: Page, doc: SampleDoc) -> None:
    """The period in a sentence under the holder's name, the account number in groups of four, dated balance
    labels, the withdrawals' total beside zero-valued checks and fees."""
    f, s, x = doc.fields, page.style, doc.extras
    number = str(x["account_number"])
    grouped = " ".join(number[i : i + 4] for i in range(0, len(number), 4))
    start, end = s.date(str(f["statement_period_start"])), s.date(str(f["statement_period_end"]))
    page.text(MARGIN, 56, str(f["bank_name"]), 16, bold=True)
    fitted_pair(page, MARGIN, 90, pick(HOLDER, s.variant), str(f["account_holder"]), 140, size=10)
    long = [f"{d:%B} {d.day}, {d.year}" for d in (date.fromisoformat(str(f[k])) for k in
                                                    ("statement_period_start", "statement_period_end"))]
    sentence = (start, end) if s.dates != "dayfirst" else long  # no label to announce day-first dates
    page.text(MARGIN, 108, f"Your Advantage Checking for {sentence[0]} to {sentence[1]}", 10)
    fitted_pair(page, MARGIN, 124, "Account number", grouped if not s.mask else s.account(number), 140, size=10)
    page.text(MARGIN, 156, "Account summary", 11, bold=True)
    lines = ((f"Beginning balance on {start}", s.money(str(f["opening_balance"]))),
             ("Deposits and other additions", s.money(str(f["total_deposits"]))),
             ("Withdrawals and other subtractions", s.money(-round(float(str(f["total_withdrawals"])) * 100))),
             ("Checks", s.money(0)), ("Service fees", s.money(0)),
             (f"Ending balance on {end}", s.money(str(f["closing_balance"]))))
    for row, (label, value) in enumerate(lines):
        page.text(MARGIN, 176 + row * 15, label, 9.5, bold=row in (0, 5))
        page.text(MARGIN + 330, 176 + row * 15, value, 9.5, bold=row in (0, 5), right=True)
    rows = [["Date", "Description", "Amount"]]
    rows += [[s.date(d.isoformat()), text, s.money(c)] for d, text, c in x["transactions"]]  # type: ignore[attr-defined]
    page.table(MARGIN, 290, [110, 250, 140], rows, line=16, left_cols=2)


SHARE_DRAFT = (("Previous Balance", "Deposits/Credits", "Withdrawals/Debits", "New Balance"),
               ("Beginning Balance", "Total Deposits", "Total Withdrawals", "Ending Balance"))


def share_draft(page: Page, doc: SampleDoc) -> None:
    """A credit union's statement: the member's name and address with no label under the return address, the
    statement date and the days in the period instead of a period, a share draft account's summary lines."""
    f, s, x = doc.fields, page.style, doc.extras
    page.text(MARGIN, 56, str(f["bank_name"]), 15, bold=True)
    page.text(MARGIN, 70, "PO Box 2270", 9)
    page.text(MARGIN, 82, "Member Service Center 1-888-555-0190", 9)
    holder = str(f["account_holder"])
    street, city_line = mailing_address(holder)
    for row, text in enumerate((holder.upper() if s.variant % 2 else holder, street, city_line)):
        page.text(MARGIN + 20, 128 + row * 13, text, 10)
    start, end = (date.fromisoformat(str(f[k])) for k in ("statement_period_start", "statement_period_end"))
    fitted_pair(page, 350, 112, s.date_label("Statement Date"), s.date(end.isoformat()), 95, size=9)
    fitted_pair(page, 350, 126, "Days in Period", str((end - start).days + 1), 95, size=9)
    fitted_pair(page, 350, 140, "Member Number", s.account(str(x["account_number"])), 95, size=9)
    page.text(MARGIN, 196, "SHARE DRAFT CHECKING", 11, bold=True)
    page.rule(201)
    for row, (label, key) in enumerate(zip(SHARE_DRAFT[s.variant % 2], KEYS)):
        page.text(MARGIN, 218 + row * 15, label, 9.5)
        page.text(MARGIN + 300, 218 + row * 15, s.money(str(f[key])), 9.5, right=True)
    rows = [["Date", "Transaction Description", "Amount"]]
    rows += [[s.date(d.isoformat()), text, s.money(c)] for d, text, c in x["transactions"]]  # type: ignore[attr-defined]
    page.table(MARGIN, 300, [110, 250, 140], rows, line=16, left_cols=2)


LAYOUTS = {"summary_row": summary_row, "counted_summary": counted_summary, "itemised_summary": itemised_summary,
           "share_draft": share_draft}
