"""Document types and their fields, exactly as fixed by the document contract."""

from __future__ import annotations

from enum import StrEnum


class DocType(StrEnum):
    PAY_STUB = "pay_stub"
    BANK_STATEMENT = "bank_statement"
    W2 = "w2"
    LOAN_APPLICATION = "loan_application"
    UNKNOWN = "unknown"


class FieldKind(StrEnum):
    TEXT = "text"
    DATE = "date"
    MONEY = "money"
    PERCENT = "percent"
    LAST4 = "last4"
    INT = "int"
    EIN = "ein"
    LOAN_PURPOSE = "loan_purpose"


LOAN_PURPOSES = ("purchase", "refinance", "cash_out_refinance", "construction", "other")

FIELDS: dict[DocType, dict[str, FieldKind]] = {
    DocType.PAY_STUB: {
        "employee_name": FieldKind.TEXT,
        "employer_name": FieldKind.TEXT,
        "pay_period_start": FieldKind.DATE,
        "pay_period_end": FieldKind.DATE,
        "pay_date": FieldKind.DATE,
        "gross_pay": FieldKind.MONEY,
        "net_pay": FieldKind.MONEY,
        "ytd_gross": FieldKind.MONEY,
    },
    DocType.BANK_STATEMENT: {
        "account_holder": FieldKind.TEXT,
        "bank_name": FieldKind.TEXT,
        "account_number_last4": FieldKind.LAST4,
        "statement_period_start": FieldKind.DATE,
        "statement_period_end": FieldKind.DATE,
        "opening_balance": FieldKind.MONEY,
        "closing_balance": FieldKind.MONEY,
        "total_deposits": FieldKind.MONEY,
        "total_withdrawals": FieldKind.MONEY,
    },
    DocType.W2: {
        "employee_name": FieldKind.TEXT,
        "employer_name": FieldKind.TEXT,
        "employer_ein": FieldKind.EIN,
        "employee_ssn_last4": FieldKind.LAST4,
        "tax_year": FieldKind.INT,
        "wages": FieldKind.MONEY,
        "federal_income_tax_withheld": FieldKind.MONEY,
        "social_security_wages": FieldKind.MONEY,
        "medicare_wages": FieldKind.MONEY,
    },
    DocType.LOAN_APPLICATION: {
        "applicant_name": FieldKind.TEXT,
        "applicant_ssn_last4": FieldKind.LAST4,
        "date_of_birth": FieldKind.DATE,
        "property_address": FieldKind.TEXT,
        "loan_amount": FieldKind.MONEY,
        "loan_purpose": FieldKind.LOAN_PURPOSE,
        "loan_term_months": FieldKind.INT,
        "interest_rate": FieldKind.PERCENT,
        "annual_income": FieldKind.MONEY,
        "employer_name": FieldKind.TEXT,
    },
    DocType.UNKNOWN: {},
}


def fields_of(doc_type: DocType | str) -> dict[str, FieldKind]:
    """The contract's fields of one document type (empty for `unknown`)."""
    return FIELDS[DocType(doc_type)]
