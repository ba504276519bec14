"""Stage 5: the contract's per-document rules, checked with pandera; each failure is an issue."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any, NamedTuple

from loan_extractor.analysis.parse import age_on, to_date
from loan_extractor.config import PipelineConfig
from loan_extractor.models import Document, Reason
from loan_extractor.spec import DocType

STAGE = "validate-extraction"


class Rule(NamedTuple):
    name: str
    field: str  # the field the issue names
    text: str  # the rule in words, as the reader sees it
    shown: tuple[str, ...]  # the figures quoted in the message (never SSN or account digits)


# keyed by pandera's failure: the check name of a dataframe check, the column of a field check
RULES: dict[DocType, dict[str, Rule]] = {
    DocType.PAY_STUB: {
        "pay_period_order": Rule(
            "pay_period_order", "pay_period_start", "the pay period must start on or before its end",
            ("pay_period_start", "pay_period_end")),
        "net_pay": Rule("net_pay_positive", "net_pay", "net pay must be more than zero", ("net_pay",)),
        "net_not_above_gross": Rule(
            "net_not_above_gross", "net_pay", "net pay must not exceed gross pay", ("net_pay", "gross_pay")),
        "ytd_not_below_gross": Rule(
            "ytd_not_below_gross", "ytd_gross", "year-to-date gross must be at least this period's gross pay",
            ("ytd_gross", "gross_pay")),
        "pay_date_after_period": Rule(
            "pay_date_after_period", "pay_date", "the pay date must fall within 31 days after the period end",
            ("pay_date", "pay_period_end")),
    },
    DocType.BANK_STATEMENT: {
        "statement_period_order": Rule(
            "statement_period_order", "statement_period_start", "the statement period must start before it ends",
            ("statement_period_start", "statement_period_end")),
        "balances_reconcile": Rule(
            "balances_reconcile", "closing_balance",
            "opening balance plus deposits minus withdrawals must equal the closing balance to the cent",
            ("opening_balance", "total_deposits", "total_withdrawals", "closing_balance")),
        "total_deposits": Rule(
            "deposits_not_negative", "total_deposits", "total deposits must not be negative", ("total_deposits",)),
        "total_withdrawals": Rule(
            "withdrawals_not_negative", "total_withdrawals", "total withdrawals must not be negative",
            ("total_withdrawals",)),
    },
    DocType.W2: {
        "federal_income_tax_withheld": Rule(
            "withheld_not_negative", "federal_income_tax_withheld", "federal income tax withheld must not be negative",
            ("federal_income_tax_withheld",)),
        "withheld_not_above_wages": Rule(
            "withheld_not_above_wages", "federal_income_tax_withheld",
            "federal income tax withheld must not exceed wages", ("federal_income_tax_withheld", "wages")),
        "tax_year_range": Rule(
            "tax_year_range", "tax_year", "the tax year must be between 2000 and the current year", ("tax_year",)),
        "employer_ein": Rule("ein_pattern", "employer_ein", "the employer EIN must have the form NN-NNNNNNN", ()),
    },
    DocType.LOAN_APPLICATION: {
        "applicant_age": Rule(
            "applicant_age_range", "date_of_birth", "the applicant must be 18 to 110 years old on the processing date",
            ("applicant_age",)),
        "loan_amount": Rule(
            "loan_amount_range", "loan_amount", "the loan amount must be between 1,000.00 and 10,000,000.00",
            ("loan_amount",)),
        "loan_term_months": Rule(
            "loan_term_range", "loan_term_months", "the loan term must be 12 to 480 months", ("loan_term_months",)),
        "interest_rate": Rule(
            "interest_rate_range", "interest_rate", "the interest rate must be above 0 and below 30 percent",
            ("interest_rate",)),
    },
}


def validate_extraction(doc: Document, cfg: PipelineConfig, today: date, broken: list[Rule] | None = None) -> Document:
    """Check one document against its type's rules; every broken rule becomes an issue.

    Rejected, failed and `unknown` documents pass through unchanged. A document with a broken
    rule comes back `needs_review`. `cfg` is accepted for the stage's uniform signature; the
    contract's rules have no tunable thresholds. `broken`: the document's broken rules when already
    known (`broken_rules_by_document`); None checks the document alone.
    """
    if doc.is_terminal or doc.doc_type not in RULES:
        return doc
    if broken is None:
        broken = broken_rules(doc.doc_type, doc.fields, today)
    if not broken:
        return doc
    shown = _display_values(doc, today)
    for rule in broken:
        doc = doc.with_issue(STAGE, Reason.SCHEMA_CHECK_FAILED, _message(doc.source, rule, shown), rule.field)
    return doc.finalised()


def broken_rules(doc_type: DocType, fields: dict[str, Any], today: date) -> list[Rule]:
    """The rules a document's fields break, in the order pandera reports them (lazy validation)."""
    import pandera.pandas as pa  # on use: pandera and pandas add ~0.7 s to every flow run's start

    from loan_extractor.analysis.schemas import SCHEMAS, document_frame

    frame = document_frame(doc_type, fields, today)
    try:
        SCHEMAS[doc_type].validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        return _rules_of(doc_type, errors.failure_cases)
    return []


def broken_rules_by_document(docs: list[Document], today: date) -> dict[int, list[Rule]]:
    """`broken_rules` of many documents with one pandera call per document type, keyed by position in `docs`.

    A pandera call costs ~5 ms whether it checks one row or many. Documents left out (terminal,
    unknown type, or a type whose batch failed as a whole or gave a failure not tied to one row)
    are to be checked alone, which gives each its own outcome as before.
    """
    positions: dict[DocType, list[int]] = {}
    for position, doc in enumerate(docs):
        if not doc.is_terminal and doc.doc_type in RULES:
            positions.setdefault(doc.doc_type, []).append(position)
    known: dict[int, list[Rule]] = {}
    for doc_type, members in positions.items():
        try:
            per_row = _broken_rules_per_row(doc_type, [docs[p].fields for p in members], today)
        except Exception:  # noqa: BLE001 - one bad document must not fail the others: each is checked alone
            continue
        if per_row is not None:
            known.update(zip(members, per_row))
    return known


def _broken_rules_per_row(doc_type: DocType, fields: list[dict[str, Any]], today: date) -> list[list[Rule]] | None:
    """Each row's broken rules in pandera's order, or None when a failure is not tied to a row."""
    import pandera.pandas as pa

    from loan_extractor.analysis.schemas import SCHEMAS, document_row, documents_frame

    frame = documents_frame(doc_type, [document_row(doc_type, f, today) for f in fields])
    try:
        SCHEMAS[doc_type].validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases.sort_index()  # back in the order the checks reported them
        if cases["index"].isna().any():  # a column-wide failure (dtype, missing column): no row to pin it on
            return None
        return [_rules_of(doc_type, _as_alone(cases[cases["index"] == row])) for row in range(len(fields))]
    return [[] for _ in fields]


def _as_alone(cases: Any) -> Any:
    # pandera (0.35, error_formatters.py) numbers the failure cases in check order, then sorts them by
    # schema context with an unstable sort: the order of a row's rules depends on the other rows' cases.
    # Repeating that last step on the row's cases alone gives the order that checking it alone gives.
    return cases.reset_index(drop=True).sort_values("schema_context", ascending=False)


def _rules_of(doc_type: DocType, failures: Any) -> list[Rule]:
    rules: dict[str, Rule] = {}
    for case in failures.itertuples(index=False):
        # a dataframe check lists one row per column; a field check is known by its column
        key = case.column if case.schema_context == "Column" else case.check
        rule = RULES[doc_type].get(key) or Rule(str(case.check), str(case.column), f"check {case.check}", ())
        rules.setdefault(rule.name, rule)
    return list(rules.values())


def _display_values(doc: Document, today: date) -> dict[str, str]:
    values = {name: str(value) for name, value in doc.fields.items() if value is not None}
    age = age_on(to_date(doc.fields.get("date_of_birth")), today)
    if age is not None:
        values["applicant_age"] = str(age)
    return values


def _message(source: str, rule: Rule, values: dict[str, str]) -> str:
    figures = ", ".join(f"{name} {values[name]}" for name in rule.shown if name in values)
    return f"{source}: {rule.text}" + (f" (found {figures})." if figures else ".")


def summarise_failures(docs: list[Document]) -> list[dict[str, Any]]:
    """Counts of broken rules over a batch, by document type, rule and field, most frequent first."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for doc in docs:
        for issue in doc.issues:
            if issue.stage == STAGE and issue.reason == Reason.SCHEMA_CHECK_FAILED:
                rule = _rule_name(doc.doc_type, issue.field, issue.message)
                counts[(str(doc.doc_type), rule, issue.field or "")] += 1
    rows = [{"doc_type": t, "rule": r, "field": f, "count": n} for (t, r, f), n in counts.items()]
    return sorted(rows, key=lambda row: (-row["count"], row["doc_type"], row["rule"]))


def _rule_name(doc_type: DocType | None, field: str | None, message: str) -> str:
    # an issue records the rule only in its words: match them back to the catalogue
    for rule in RULES.get(doc_type, {}).values():
        if rule.field == field and rule.text in message:
            return rule.name
    return "other"
