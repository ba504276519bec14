"""The contract's per-document rules as pandera models, and the typed frame they validate.

Each model validates a frame of documents of one type, a row per document, built from their normalised
fields (one document alone, or a chunk's documents at once: every check is row by row): money as
integer cents (exact to the cent, no float rounding), dates as timestamps, percent as float.
Every column is nullable and every dataframe check treats a null input as passing: a rule whose
inputs are missing is not evaluated (the missing field is flagged by the extraction stage).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from loan_extractor.analysis.parse import age_on, to_date, to_decimal
from loan_extractor.spec import DocType, FieldKind, fields_of

# nullable dtypes: one row, any field may be null
_DTYPES = {
    FieldKind.MONEY: "Int64",
    FieldKind.INT: "Int64",
    FieldKind.PERCENT: "Float64",
    FieldKind.DATE: "datetime64[ns]",
}
PAY_DATE_MAX_DAYS = 31
TIMESTAMP_DAYS = (pd.Timestamp.min.date() + timedelta(days=1), pd.Timestamp.max.date())  # pandas' nanosecond range
FIRST_TAX_YEAR = 2000


def _typed(kind: FieldKind, value: Any) -> Any:
    if kind == FieldKind.MONEY:
        number = to_decimal(value)
        return None if number is None else int((number * 100).to_integral_value())
    if kind == FieldKind.PERCENT:
        number = to_decimal(value)
        return None if number is None else float(number)
    if kind == FieldKind.DATE:
        day = to_date(value)
        # pandas' nanosecond timestamps end at 1677 and 2262: a date beyond (a corrected value, never an extracted
        # one) is left out of the rules rather than failing the whole batch's validation
        return None if day is None or not TIMESTAMP_DAYS[0] <= day <= TIMESTAMP_DAYS[1] else pd.Timestamp(day)
    if kind == FieldKind.INT:
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    return None if value is None else str(value)


def document_frame(doc_type: DocType, fields: dict[str, Any], today: date) -> pd.DataFrame:
    """The one-row typed frame of a document's fields, plus the columns derived from `today`."""
    return documents_frame(doc_type, [document_row(doc_type, fields, today)])


def document_row(doc_type: DocType, fields: dict[str, Any], today: date) -> dict[str, Any]:
    """A document's fields as the typed values of its frame's row, plus the columns derived from `today`."""
    row = {name: _typed(kind, fields.get(name)) for name, kind in fields_of(doc_type).items()}
    if doc_type == DocType.W2:
        row["processing_year"] = today.year
    if doc_type == DocType.LOAN_APPLICATION:
        row["applicant_age"] = age_on(to_date(fields.get("date_of_birth")), today)
    return row


def documents_frame(doc_type: DocType, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The typed frame of documents of one type, a row each (from `document_row`), indexed 0..n-1."""
    frame = pd.DataFrame(rows)
    for name, kind in fields_of(doc_type).items():
        frame[name] = frame[name].astype(_DTYPES.get(kind, "string"))
    for derived in ("processing_year", "applicant_age"):
        if derived in frame:
            frame[derived] = frame[derived].astype("Int64")
    return frame


def _holds(result: pd.Series, *inputs: pd.Series) -> pd.Series:
    """A rule's result where a null input means 'not evaluated', so the row passes.

    Nullable integer columns give NA, but datetime columns give False when compared with NaT:
    the inputs' own nulls are therefore checked too.
    """
    passes = result.fillna(True).astype(bool)
    for column in inputs:
        passes = passes | column.isna()
    return passes


def _nullable(**checks: Any) -> Any:
    return pa.Field(nullable=True, **checks)


class PayStubSchema(pa.DataFrameModel):
    employee_name: Series[pd.StringDtype] = _nullable()
    employer_name: Series[pd.StringDtype] = _nullable()
    pay_period_start: Series[pd.Timestamp] = _nullable()
    pay_period_end: Series[pd.Timestamp] = _nullable()
    pay_date: Series[pd.Timestamp] = _nullable()
    gross_pay: Series[pd.Int64Dtype] = _nullable()
    net_pay: Series[pd.Int64Dtype] = _nullable(gt=0)
    ytd_gross: Series[pd.Int64Dtype] = _nullable()

    @pa.dataframe_check
    def pay_period_order(cls, df: pd.DataFrame) -> pd.Series:
        start, end = df["pay_period_start"], df["pay_period_end"]
        return _holds(start <= end, start, end)

    @pa.dataframe_check
    def net_not_above_gross(cls, df: pd.DataFrame) -> pd.Series:
        return _holds(df["net_pay"] <= df["gross_pay"], df["net_pay"], df["gross_pay"])

    @pa.dataframe_check
    def ytd_not_below_gross(cls, df: pd.DataFrame) -> pd.Series:
        return _holds(df["ytd_gross"] >= df["gross_pay"], df["ytd_gross"], df["gross_pay"])

    @pa.dataframe_check
    def pay_date_after_period(cls, df: pd.DataFrame) -> pd.Series:
        days = (df["pay_date"] - df["pay_period_end"]).dt.days
        return _holds((days >= 0) & (days <= PAY_DATE_MAX_DAYS), df["pay_date"], df["pay_period_end"])


class BankStatementSchema(pa.DataFrameModel):
    account_holder: Series[pd.StringDtype] = _nullable()
    bank_name: Series[pd.StringDtype] = _nullable()
    account_number_last4: Series[pd.StringDtype] = _nullable()
    statement_period_start: Series[pd.Timestamp] = _nullable()
    statement_period_end: Series[pd.Timestamp] = _nullable()
    opening_balance: Series[pd.Int64Dtype] = _nullable()
    closing_balance: Series[pd.Int64Dtype] = _nullable()
    total_deposits: Series[pd.Int64Dtype] = _nullable(ge=0)
    total_withdrawals: Series[pd.Int64Dtype] = _nullable(ge=0)

    @pa.dataframe_check
    def statement_period_order(cls, df: pd.DataFrame) -> pd.Series:
        start, end = df["statement_period_start"], df["statement_period_end"]
        return _holds(start < end, start, end)

    @pa.dataframe_check
    def balances_reconcile(cls, df: pd.DataFrame) -> pd.Series:
        # integer cents: equality is exact, never a float tolerance
        expected = df["opening_balance"] + df["total_deposits"] - df["total_withdrawals"]
        return _holds(expected == df["closing_balance"], expected, df["closing_balance"])


class W2Schema(pa.DataFrameModel):
    employee_name: Series[pd.StringDtype] = _nullable()
    employer_name: Series[pd.StringDtype] = _nullable()
    employer_ein: Series[pd.StringDtype] = _nullable(str_matches=r"^\d{2}-\d{7}$")
    employee_ssn_last4: Series[pd.StringDtype] = _nullable()
    tax_year: Series[pd.Int64Dtype] = _nullable()
    wages: Series[pd.Int64Dtype] = _nullable()
    federal_income_tax_withheld: Series[pd.Int64Dtype] = _nullable(ge=0)
    social_security_wages: Series[pd.Int64Dtype] = _nullable()
    medicare_wages: Series[pd.Int64Dtype] = _nullable()
    processing_year: Series[pd.Int64Dtype] = pa.Field()

    @pa.dataframe_check
    def withheld_not_above_wages(cls, df: pd.DataFrame) -> pd.Series:
        withheld, wages = df["federal_income_tax_withheld"], df["wages"]
        return _holds(withheld <= wages, withheld, wages)

    @pa.dataframe_check
    def tax_year_range(cls, df: pd.DataFrame) -> pd.Series:
        year = df["tax_year"]
        return _holds((year >= FIRST_TAX_YEAR) & (year <= df["processing_year"]), year)


class LoanApplicationSchema(pa.DataFrameModel):
    applicant_name: Series[pd.StringDtype] = _nullable()
    applicant_ssn_last4: Series[pd.StringDtype] = _nullable()
    date_of_birth: Series[pd.Timestamp] = _nullable()
    property_address: Series[pd.StringDtype] = _nullable()
    loan_amount: Series[pd.Int64Dtype] = _nullable(ge=1_000_00, le=10_000_000_00)
    loan_purpose: Series[pd.StringDtype] = _nullable()
    loan_term_months: Series[pd.Int64Dtype] = _nullable(ge=12, le=480)
    interest_rate: Series[pd.Float64Dtype] = _nullable(gt=0, lt=30)
    annual_income: Series[pd.Int64Dtype] = _nullable()
    employer_name: Series[pd.StringDtype] = _nullable()
    applicant_age: Series[pd.Int64Dtype] = _nullable(ge=18, le=110)


SCHEMAS: dict[DocType, type[pa.DataFrameModel]] = {
    DocType.PAY_STUB: PayStubSchema,
    DocType.BANK_STATEMENT: BankStatementSchema,
    DocType.W2: W2Schema,
    DocType.LOAN_APPLICATION: LoanApplicationSchema,
}
