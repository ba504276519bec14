"""Bank statement layouts: a one-page summary with transactions, and a two-page ledger."""

from __future__ import annotations

from loan_extractor.samples.draw import HEIGHT, MARGIN, WIDTH, Page
from loan_extractor.samples.values import SampleDoc

SUMMARY_LABELS = (
    ("Opening Balance", "Total Deposits", "Total Withdrawals", "Closing Balance"),
    ("Beginning Balance", "Deposits and Credits", "Withdrawals and Debits", "Ending Balance"),
)
SUMMARY_FIELDS = ("opening_balance", "total_deposits", "total_withdrawals", "closing_balance")


def summary_page(page: Page, doc: SampleDoc) -> None:
    """Bank name header, holder block, an account summary and a short transaction list."""
    f, s = doc.fields, page.style
    page.text(MARGIN, 70, str(f["bank_name"]), 18, bold=True)
    page.text(WIDTH - MARGIN, 70, "Account Statement", 12, right=True)
    page.rule(84)
    page.pair(MARGIN, 110, "Account Holder", str(f["account_holder"]), 130)
    page.pair(MARGIN, 128, "Account Number", s.account(str(doc.extras["account_number"])), 130)
    period = f"{s.date(str(f['statement_period_start']))} - {s.date(str(f['statement_period_end']))}"
    page.pair(MARGIN, 146, "Statement Period", period, 130)
    _summary(page, doc, 186, SUMMARY_LABELS[s.variant])
    rows = [["Date", "Description", "Amount"]]
    rows += [[s.date(d.isoformat()), text, s.money(cents)] for d, text, cents in _transactions(doc)]
    page.text(MARGIN, 300, "Transactions", 12, bold=True)
    page.table(MARGIN, 324, [130, 220, 150], rows, line=17, left_cols=2)


def ledger(page: Page, doc: SampleDoc) -> None:
    """Page 1: labelled bank, holder and summary; page 2: the ledger with a running balance."""
    f, s = doc.fields, page.style
    page.text(MARGIN, 66, str(f["bank_name"]).upper(), 16, bold=True)
    page.pair(MARGIN, 100, "Bank", str(f["bank_name"]), 130)
    page.pair(MARGIN, 118, "Account Name", str(f["account_holder"]), 130)
    page.pair(MARGIN, 136, "Account Number", s.account(str(doc.extras["account_number"])), 130)
    page.pair(MARGIN, 154, "Period From", s.date(str(f["statement_period_start"])), 130)
    page.pair(330, 154, "To", s.date(str(f["statement_period_end"])), 30)
    _summary(page, doc, 196, SUMMARY_LABELS[1 - s.variant])
    page.text(MARGIN, HEIGHT - 40, "Page 1 of 2", 8)
    page.new_page()
    page.text(MARGIN, 66, "Transaction Detail", 14, bold=True)
    balance = int(doc.extras["opening_cents"])
    rows = [["Date", "Description", "Debits", "Credits", "Balance"]]
    for d, text, cents in _transactions(doc):
        balance += cents
        debit, credit = (s.money(-cents), "") if cents < 0 else ("", s.money(cents))
        rows.append([s.date(d.isoformat()), text, debit, credit, s.money(balance)])
    page.table(MARGIN, 96, [110, 150, 80, 80, 90], rows, line=17, left_cols=2)
    page.text(MARGIN, HEIGHT - 40, "Page 2 of 2", 8)


def _summary(page: Page, doc: SampleDoc, y: float, labels: tuple[str, ...]) -> None:
    page.text(MARGIN, y, "Account Summary", 12, bold=True)
    for number, (label, name) in enumerate(zip(labels, SUMMARY_FIELDS)):
        page.text(MARGIN, y + 24 + number * 18, label)
        page.text(MARGIN + 330, y + 24 + number * 18, page.style.money(str(doc.fields[name])), right=True)


def _transactions(doc: SampleDoc) -> list[tuple]:
    return list(doc.extras["transactions"])  # type: ignore[arg-type]


LAYOUTS = {"summary_page": summary_page, "ledger": ledger}
