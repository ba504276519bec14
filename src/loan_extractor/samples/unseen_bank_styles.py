"""Unseen development layouts of bank statements in house styles the other unseen layouts do not cover (only the
`unseen` split draws them; samples/variety.py).

A credit union's statement whose account summary is a small table: a header row of bare column labels
("Beginning", "Deposits", "Withdrawals", "Ending") over one row of plain amounts, the word "Balance" printed
nowhere in it; the holder's block at the top left, the account and period in a box at the top right.
"""

from __future__ import annotations

from loan_extractor.samples.draw import HEIGHT, MARGIN, WIDTH, Page
from loan_extractor.samples.unseen_bank import KEYS
from loan_extractor.samples.unseen_bank_families import _holder_block, _row_date
from loan_extractor.samples.values import SampleDoc
from loan_extractor.samples.variety_pay_stub import pick

CONTENT = WIDTH - 2 * MARGIN
BARE_COLUMNS = (("Beginning", "Deposits", "Withdrawals", "Ending"),
                ("Beginning", "Credits", "Debits", "Ending"),
                ("Beginning", "Additions", "Subtractions", "Ending"),
                ("Beginning", "Deposits", "Withdrawals", "Ending"))


def _plain(cents: int) -> str:
    """An amount with separators and no currency sign, as such summary rows print it."""
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100:,}.{abs(cents) % 100:02d}"


def bare_summary_row(page: Page, doc: SampleDoc) -> None:
    """The holder's block at the top left and a boxed account panel at the top right; the summary a header row of
    bare labels over one row of plain amounts; then the activity."""
    f, s, x = doc.fields, page.style, doc.extras
    v = s.variant
    page.text(MARGIN, 52, str(f["bank_name"]), 15, bold=True)
    page.text(MARGIN, 65, pick(("Federal Credit Union", "Member Services", "Your Community Credit Union",
                                "Federally insured by NCUA"), v), 8)
    _holder_block(page, MARGIN, 100, str(f["account_holder"]), v % 2 == 1, size=9.5)
    left = MARGIN + 300
    page.canvas.setLineWidth(0.7)
    page.canvas.rect(left, HEIGHT - 150, CONTENT - 300, 64)
    start, end = s.date(str(f["statement_period_start"])), s.date(str(f["statement_period_end"]))
    panel = [(pick(("Account Number", "Member Number", "Account", "Account No."), v), s.account(str(x["account_number"]))),
             (s.date_label("Statement Period"), f"{start} - {end}")]
    for row, (label, value) in enumerate(panel):
        page.text(left + 8, 100 + row * 26, label, 7.5, bold=True)
        page.text(left + 8, 111 + row * 26, value, 9)
    page.text(MARGIN, 186, pick(("Account Summary", "Summary", "Share Draft Summary", "Checking Summary"), v),
              11, bold=True)
    amounts = [_plain(round(float(str(f[k])) * 100)) for k in KEYS]
    page.table(MARGIN + 40, 206, [110, 110, 110, 110], [list(BARE_COLUMNS[v]), amounts], line=16, left_cols=0,
               size=9.5)
    page.text(MARGIN, 262, pick(("Account Activity", "Transactions", "Activity Detail", "Account Activity"), v),
              11, bold=True)
    rows = [["Date", "Description", "Amount"]]
    rows += [[_row_date(page, d), text, s.money(c)] for d, text, c in x["transactions"]]  # type: ignore[attr-defined]
    page.table(MARGIN, 282, [100, 270, CONTENT - 370], rows, line=14, left_cols=2)


LAYOUTS = {"bare_summary_row": bare_summary_row}
