"""The contract's rules across one loan's documents: names, employer, income, SSN last four.

Each rule compares what it can: a missing document or a null field removes that comparison,
never raises. A broken rule gives one anomaly per loan naming every document whose figure took
part in a failed comparison. Anomaly scores grow with the disagreement: 1 - similarity for
names and employers, the largest relative income difference, 1.0 for an SSN mismatch.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import combinations
from typing import Any

from loan_extractor.analysis.names import employer_similarity, holder_similarity, name_similarity
from loan_extractor.analysis.parse import to_date, to_decimal
from loan_extractor.config import PipelineConfig
from loan_extractor.models import Anomaly, Document
from loan_extractor.spec import DocType

APP, STUB, W2, BANK = DocType.LOAN_APPLICATION, DocType.PAY_STUB, DocType.W2, DocType.BANK_STATEMENT
# the field holding the person's name on each type, in the order used as reference
_PERSON_FIELD = {APP: "applicant_name", W2: "employee_name", STUB: "employee_name", BANK: "account_holder"}
DOC_LABELS = {APP: "application", STUB: "pay stub", W2: "W-2", BANK: "bank statement"}


def check_loan(loan_id: str, docs: list[Document], cfg: PipelineConfig) -> list[Anomaly]:
    """Every cross-document anomaly of one loan (its documents of a known type only)."""
    found = [
        check_names(loan_id, docs, cfg),
        check_employers(loan_id, docs, cfg),
        check_income(loan_id, docs, cfg),
        check_ssn(loan_id, docs),
    ]
    return [anomaly for anomaly in found if anomaly is not None]


def _with(docs: list[Document], doc_type: DocType, field: str) -> list[tuple[Document, Any]]:
    """(document, value) for the documents of a type where the field was read."""
    return [(d, d.fields[field]) for d in docs if d.doc_type == doc_type and d.fields.get(field) not in (None, "")]


def _key(doc: Document, field: str, figures: dict[str, Any]) -> str:
    """A figure's name, "pay_stub.employee_name", numbered when a loan has two of a type."""
    base, n = f"{doc.doc_type}.{field}", 2
    key = base
    while key in figures:
        key, n = f"{base}#{n}", n + 1
    return key


def _anomaly(kind: str, severity: str, loan_id: str, docs: list[Document], **rest: Any) -> Anomaly:
    ids = tuple(dict.fromkeys(d.doc_id for d in docs))
    return Anomaly(kind=kind, severity=severity, loan_id=loan_id, documents=ids, **rest)


def check_names(loan_id: str, docs: list[Document], cfg: PipelineConfig) -> Anomaly | None:
    """The applicant's name against each employee name and account holder (fuzzy)."""
    named = [pair for t in (APP, W2, STUB, BANK) for pair in _with(docs, t, _PERSON_FIELD[t])]
    if len(named) < 2:
        return None
    (ref, ref_name), others = named[0], named[1:]
    figures: dict[str, Any] = {_key(ref, _PERSON_FIELD[ref.doc_type], {}): ref_name}
    bad, parts, worst = [], [], 1.0
    for doc, name in others:
        compare = holder_similarity if doc.doc_type == BANK else name_similarity
        score = compare(ref_name, name)
        if score < cfg.consistency.name_similarity:
            figures[_key(doc, _PERSON_FIELD[doc.doc_type], figures)] = name
            bad, worst = [*bad, doc], min(worst, score)
            parts.append(f"\"{name}\" on the {DOC_LABELS[doc.doc_type]} ({doc.source})")
    if not bad:
        return None
    figures["similarity"] = round(worst, 3)
    message = (f"Loan {loan_id}: {' and '.join(parts)} does not match \"{ref_name}\" on the "
               f"{DOC_LABELS[ref.doc_type]}; check that all documents belong to one person.")
    return _anomaly("name_mismatch", "high", loan_id, [ref, *bad], figures=figures, message=message,
                    score=round(1 - worst, 3))


def check_employers(loan_id: str, docs: list[Document], cfg: PipelineConfig) -> Anomaly | None:
    """The employer on the application, pay stubs and W-2s, compared pairwise."""
    employed = [pair for t in (APP, STUB, W2) for pair in _with(docs, t, "employer_name")]
    failing: set[str] = set()
    worst = 1.0
    for (a, a_name), (b, b_name) in combinations(employed, 2):
        score = employer_similarity(a_name, b_name)
        if score < cfg.consistency.name_similarity:
            failing |= {a.doc_id, b.doc_id}
            worst = min(worst, score)
    if not failing:
        return None
    involved = [(d, name) for d, name in employed if d.doc_id in failing]
    figures: dict[str, Any] = {}
    for doc, name in involved:
        figures[_key(doc, "employer_name", figures)] = name
    figures["similarity"] = round(worst, 3)
    names = "; ".join(f"{DOC_LABELS[d.doc_type]}: {name}" for d, name in involved)
    message = f"Loan {loan_id}: the employer differs between documents ({names}); confirm the current employer."
    return _anomaly("employer_mismatch", "medium", loan_id, [d for d, _ in involved], figures=figures,
                    message=message, score=round(1 - worst, 3))


def periods_per_year(doc: Document, cfg: PipelineConfig) -> tuple[int, bool]:
    """Pay periods a year from a pay stub's period length, and whether it had to be assumed."""
    start, end = to_date(doc.fields.get("pay_period_start")), to_date(doc.fields.get("pay_period_end"))
    if start is None or end is None or end < start:
        return cfg.consistency.pay_periods_per_year, True
    days = (end - start).days + 1  # both ends count: 1st to 14th is a two-week period
    if 5 <= days <= 8:
        return 52, False
    if days == 14:
        return 26, False
    if 13 <= days <= 16:  # semi-monthly halves run 13 to 16 days
        return 24, False
    if 28 <= days <= 31:
        return 12, False
    return cfg.consistency.pay_periods_per_year, True


def relative_difference(a: Decimal, b: Decimal) -> float:
    """|a - b| as a share of the larger of the two: symmetric and between 0 and 1."""
    largest = max(abs(a), abs(b))
    return 0.0 if largest == 0 else float(abs(a - b) / largest)


def _documented_incomes(docs: list[Document], cfg: PipelineConfig) -> list[tuple[Document, Decimal, dict, str]]:
    """(document, annual figure, its figures, its wording) for each W-2 and pay stub read."""
    found = []
    for doc, wages in _with(docs, W2, "wages"):
        if (amount := to_decimal(wages)) is not None:
            found.append((doc, amount, {"wages": wages}, f"W-2 wages {wages}"))
    for doc, gross in _with(docs, STUB, "gross_pay"):
        if (amount := to_decimal(gross)) is not None:
            periods, assumed = periods_per_year(doc, cfg)
            yearly = amount * periods
            figures = {"gross_pay": gross, "periods_per_year": periods, "annualised_gross": f"{yearly:.2f}"}
            if assumed:
                figures["periods_assumed"] = True
            found.append((doc, yearly, figures, f"the pay stub's annualised gross {yearly:.2f} ({gross} x {periods})"))
    return found


def check_income(loan_id: str, docs: list[Document], cfg: PipelineConfig) -> Anomaly | None:
    """Stated annual income against W-2 wages and each pay stub's annualised gross pay."""
    stated_pairs = _with(docs, APP, "annual_income")
    stated = to_decimal(stated_pairs[0][1]) if stated_pairs else None
    if stated is None:
        return None
    app = stated_pairs[0][0]
    tolerance = cfg.consistency.income_tolerance
    figures: dict[str, Any] = {"loan_application.annual_income": f"{stated:.2f}"}
    bad, parts, worst = [], [], 0.0
    for doc, yearly, own, wording in _documented_incomes(docs, cfg):
        gap = relative_difference(yearly, stated)
        if gap > tolerance:
            for name, value in (own | {"relative_difference": round(gap, 3)}).items():
                figures[_key(doc, name, figures)] = value
            bad, worst = [*bad, doc], max(worst, gap)
            parts.append(f"{wording}, {gap:.0%} apart")
    if not bad:
        return None
    severity = "high" if worst >= 2 * tolerance else "medium"
    message = (f"Loan {loan_id}: stated annual income {stated:.2f} on the application does not agree with "
               f"{'; '.join(parts)} (tolerance {tolerance:.0%}); verify the borrower's income.")
    return _anomaly("income_mismatch", severity, loan_id, [app, *bad], figures=figures, message=message,
                    score=round(worst, 3))


def check_ssn(loan_id: str, docs: list[Document]) -> Anomaly | None:
    """The SSN's last four digits on the application against each W-2 (exact)."""
    stated = _with(docs, APP, "applicant_ssn_last4")
    if not stated:
        return None
    app, last4 = stated[0]
    bad = [(doc, w2) for doc, w2 in _with(docs, W2, "employee_ssn_last4") if str(w2) != str(last4)]
    if not bad:
        return None
    figures: dict[str, Any] = {"loan_application.applicant_ssn_last4": last4}
    for doc, w2_last4 in bad:
        figures[_key(doc, "employee_ssn_last4", figures)] = w2_last4
    shown = " and ".join(str(w) for _, w in bad)
    message = (f"Loan {loan_id}: the SSN on the application ends in {last4} but the W-2's ends in {shown}; "
               "confirm the borrower's identity before proceeding.")
    return _anomaly("ssn_mismatch", "critical", loan_id, [app, *(d for d, _ in bad)], figures=figures,
                    message=message, score=1.0)
