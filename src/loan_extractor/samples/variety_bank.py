"""More bank statement layouts: a boxed summary (used by tests) and a two-page summary table (held out)."""

from __future__ import annotations

from loan_extractor.samples.draw import HEIGHT, MARGIN, WIDTH, Page
from loan_extractor.samples.values import SampleDoc
from loan_extractor.samples.variety_pay_stub import pick

OPENING = ("Previous Balance", "Starting Balance", "Opening Balance", "Balance Forward")
CLOSING = ("New Balance", "Balance at End", "Closing Balance", "Ending Balance")
DEPOSITS = ("Total Credits", "Money In", "Deposits", "Credits Total")
WITHDRAWALS = ("Total Debits", "Money Out", "Withdrawals", "Debits Total")
HOLDER = ("Prepared for", "Customer Name", "Account Owner", "Primary Owner")
NUMBER = ("Account No.", "Acct #", "Account Number", "Account ending")


def boxed_summary(page: Page, doc: SampleDoc) -> None:
    """Holder and period boxes, four summary boxes in a row, debits in parentheses or with a minus."""
    f, s = doc.fields, page.style
    page.text(MARGIN, 64, str(f["bank_name"]), 17, bold=True)
    w = (WIDTH - 2 * MARGIN) / 2
    page.box(MARGIN, 86, w, 38, pick(HOLDER, s.variant), str(f["account_holder"]))
    page.box(MARGIN + w, 86, w, 38, pick(NUMBER, s.variant), s.account(str(doc.extras["account_number"])))
    period = f"{s.date(str(f['statement_period_start']))} through {s.date(str(f['statement_period_end']))}"
    page.box(MARGIN, 124, 2 * w, 38, s.date_label("Statement Dates"), period)
    quarter = (WIDTH - 2 * MARGIN) / 4
    labels = (pick(OPENING, s.variant), pick(DEPOSITS, s.variant), pick(WITHDRAWALS, s.variant), pick(CLOSING, s.variant))
    keys = ("opening_balance", "total_deposits", "total_withdrawals", "closing_balance")
    for number, (label, key) in enumerate(zip(labels, keys)):
        page.box(MARGIN + number * quarter, 180, quarter, 38, label, s.money(str(f[key])), size=10)
    rows = [["Date", "Description", "Amount"]]
    rows += [[s.date(d.isoformat()), text, s.money(c)] for d, text, c in doc.extras["transactions"]]  # type: ignore[attr-defined]
    page.table(MARGIN, 250, [120, 230, 150], rows, line=17, left_cols=2)


def summary_table(page: Page, doc: SampleDoc) -> None:
    """Page 1: customer lines and a two-column summary table; page 2: the transactions."""
    f, s = doc.fields, page.style
    page.text(WIDTH - MARGIN, 62, str(f["bank_name"]), 14, bold=True, right=True)
    page.text(MARGIN, 62, "Your Statement", 20, bold=True)
    page.pair(MARGIN, 100, pick(HOLDER, s.variant + 1), str(f["account_holder"]), 120)
    page.pair(MARGIN, 118, pick(NUMBER, s.variant + 1), s.account(str(doc.extras["account_number"])), 120)
    page.text(MARGIN, 136, f"{s.date_label('For the period')} {s.date(str(f['statement_period_start']))} "
                           f"to {s.date(str(f['statement_period_end']))}")
    rows = [["Summary", "Amount"],
            [pick(OPENING, s.variant + 1), s.money(str(f["opening_balance"]))],
            [pick(DEPOSITS, s.variant + 1), s.money(str(f["total_deposits"]))],
            [pick(WITHDRAWALS, s.variant + 1), s.money(str(f["total_withdrawals"]))],
            [pick(CLOSING, s.variant + 1), s.money(str(f["closing_balance"]))]]
    page.table(MARGIN, 176, [250, 150], rows, line=19)
    page.text(MARGIN, HEIGHT - 40, "Page 1 of 2", 8)
    page.new_page()
    page.text(MARGIN, 66, "Activity", 14, bold=True)
    rows = [["Posted", "Details", "Amount"]]
    rows += [[s.date(d.isoformat()), text, s.money(c)] for d, text, c in doc.extras["transactions"]]  # type: ignore[attr-defined]
    page.table(MARGIN, 96, [120, 230, 150], rows, line=17, left_cols=2)
    page.text(MARGIN, HEIGHT - 40, "Page 2 of 2", 8)


TRAIN = {"boxed_summary": boxed_summary}
HELD_OUT = {"summary_table": summary_table}
