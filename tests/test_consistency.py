"""Cross-document rules on hand-made loans, and the fuzzy name comparison behind them."""

from __future__ import annotations

import pytest

from loan_extractor.analysis.consistency import periods_per_year
from loan_extractor.analysis.names import employer_similarity, holder_similarity, name_similarity
from loan_extractor.config import PipelineConfig
from loan_extractor.models import Document, Reason, Status
from loan_extractor.stages.anomalies import detect_anomalies

CFG = PipelineConfig()


def doc(doc_id: str, doc_type: str, loan_id: str | None = "L1", **fields: object) -> Document:
    return Document(doc_id=doc_id, source=f"{loan_id}/{doc_id}.pdf", local_path="/nowhere", loan_id=loan_id,
                    doc_type=doc_type, fields=fields)


def loan(loan_id: str = "L1", **changes: dict) -> list[Document]:
    """A consistent loan: biweekly pay 3269.23 x 26 = 84999.98, W-2 wages 85000.00, stated 85000.00."""
    parts = {
        "app": ("loan_application", {"applicant_name": "Jane Q. Doe", "applicant_ssn_last4": "6789",
                                     "annual_income": "85000.00", "employer_name": "Acme Widgets, Inc."}),
        "stub": ("pay_stub", {"employee_name": "JANE DOE", "employer_name": "ACME WIDGETS INC",
                              "pay_period_start": "2026-03-01", "pay_period_end": "2026-03-14",
                              "gross_pay": "3269.23"}),
        "w2": ("w2", {"employee_name": "Jane Doe", "employer_name": "Acme Widgets LLC",
                      "employee_ssn_last4": "6789", "wages": "85000.00"}),
        "bank": ("bank_statement", {"account_holder": "Jane Q Doe and John Doe"}),
    }
    return [doc(f"{loan_id}-{key}", doc_type, loan_id, **(fields | changes.get(key, {})))
            for key, (doc_type, fields) in parts.items()]


def kinds(anomalies: list) -> list[str]:
    return sorted(a.kind for a in anomalies)


def test_consistent_loan_has_no_anomaly() -> None:
    docs, anomalies = detect_anomalies(loan(), CFG)
    assert anomalies == []
    assert docs == loan()


def test_name_mismatch_names_application_and_pay_stub() -> None:
    docs, anomalies = detect_anomalies(loan(stub={"employee_name": "Robert Smith"}), CFG)
    assert kinds(anomalies) == ["name_mismatch"]
    found = anomalies[0]
    assert found.documents == ("L1-app", "L1-stub") and found.severity == "high" and found.loan_id == "L1"
    assert found.figures["loan_application.applicant_name"] == "Jane Q. Doe"
    assert found.figures["pay_stub.employee_name"] == "Robert Smith"
    assert "\"Robert Smith\" on the pay stub (L1/L1-stub.pdf)" in found.message and "Jane Q. Doe" in found.message
    by_id = {d.doc_id: d for d in docs}
    assert by_id["L1-stub"].anomalies == (found,) and by_id["L1-stub"].status == Status.NEEDS_REVIEW
    assert by_id["L1-stub"].reason == Reason.ANOMALY
    assert by_id["L1-w2"].anomalies == () and by_id["L1-w2"].status is None


def test_employer_mismatch_names_all_three() -> None:
    _, anomalies = detect_anomalies(loan(w2={"employer_name": "Globex Corporation"}), CFG)
    assert kinds(anomalies) == ["employer_mismatch"]
    assert anomalies[0].documents == ("L1-app", "L1-stub", "L1-w2")
    assert anomalies[0].severity == "medium"
    assert anomalies[0].figures["w2.employer_name"] == "Globex Corporation"


def test_income_mismatch_names_application_w2_and_pay_stub() -> None:
    _, anomalies = detect_anomalies(loan(app={"annual_income": "150000.00"}), CFG)
    assert kinds(anomalies) == ["income_mismatch"]
    found = anomalies[0]
    assert found.documents == ("L1-app", "L1-w2", "L1-stub")
    assert found.severity == "high"  # 43% apart, beyond twice the 15% tolerance
    assert found.score == pytest.approx(0.4333, abs=1e-3)
    assert found.figures["pay_stub.periods_per_year"] == 26
    assert found.figures["pay_stub.annualised_gross"] == "84999.98"


def test_moderate_income_gap_is_medium_and_only_disagreeing_documents_are_named() -> None:
    # stated 100000: W-2 wages 85000 are 15.0% apart (not beyond tolerance); pay 3269.23 x 26 likewise.
    # A semi-monthly stub (1st-15th) of 3269.23 gives x24 = 78461.52, 21.5% apart: medium.
    docs = loan(app={"annual_income": "100000.00"}, stub={"pay_period_end": "2026-03-15"})
    _, anomalies = detect_anomalies(docs, CFG)
    assert kinds(anomalies) == ["income_mismatch"]
    assert anomalies[0].documents == ("L1-app", "L1-stub")
    assert anomalies[0].severity == "medium"
    assert anomalies[0].figures["pay_stub.periods_per_year"] == 24


def test_ssn_mismatch_names_application_and_w2_with_last_four_only() -> None:
    _, anomalies = detect_anomalies(loan(w2={"employee_ssn_last4": "0042"}), CFG)
    assert kinds(anomalies) == ["ssn_mismatch"]
    found = anomalies[0]
    assert found.documents == ("L1-app", "L1-w2") and found.severity == "critical"
    assert found.figures == {"loan_application.applicant_ssn_last4": "6789", "w2.employee_ssn_last4": "0042"}


def test_bank_statement_holder_of_another_person_is_a_name_mismatch() -> None:
    _, anomalies = detect_anomalies(loan(bank={"account_holder": "Maria Garcia"}), CFG)
    assert kinds(anomalies) == ["name_mismatch"]
    assert anomalies[0].documents == ("L1-app", "L1-bank")


def test_partial_loan_checks_what_it_can() -> None:
    only_two = [d for d in loan(app={"annual_income": "150000.00"}) if d.doc_id in ("L1-app", "L1-w2")]
    _, anomalies = detect_anomalies(only_two, CFG)
    assert kinds(anomalies) == ["income_mismatch"]
    assert anomalies[0].documents == ("L1-app", "L1-w2")
    lone = [doc("x", "pay_stub", "L2", employee_name="Someone Else", gross_pay="1.00")]
    assert detect_anomalies(lone, CFG)[1] == []


def test_null_fields_remove_comparisons_instead_of_failing() -> None:
    docs = loan(stub={"employee_name": None, "gross_pay": None}, w2={"employee_ssn_last4": None, "wages": None})
    assert detect_anomalies(docs, CFG)[1] == []


def test_documents_without_a_loan_or_terminal_are_not_compared() -> None:
    docs = loan(stub={"employee_name": "Robert Smith"})
    stray = [d.update(loan_id=None) for d in docs]
    assert detect_anomalies(stray, CFG)[1] == []
    rejected = [d.update(status=Status.REJECTED, reason=Reason.DUPLICATE) if d.doc_id == "L1-stub" else d
                for d in docs]
    out, anomalies = detect_anomalies(rejected, CFG)
    assert anomalies == [] and out == rejected


def test_loans_are_checked_separately() -> None:
    docs = loan("L1") + loan("L2", w2={"employee_ssn_last4": "1111"})
    _, anomalies = detect_anomalies(docs, CFG)
    assert [(a.kind, a.loan_id) for a in anomalies] == [("ssn_mismatch", "L2")]


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Jane Q. Doe", "JANE DOE", True),  # case and middle initial
        ("Jane Q. Doe", "Jane Dae", True),  # one OCR-misread letter
        ("José Núñez", "Jose Nunez", True),  # diacritics
        ("Doe, Jane Quinn", "Jane Doe", True),  # order and middle name
        ("J0HN SM1TH", "John Smith", True),  # digits read for letters
        ("Michael O'Brien Jr.", "MICHAEL OBRIEN", True),
        ("Jane Doe", "John Doe", False),
        ("Jane Doe", "Mary Doe", False),
        ("Jane Doe", "Robert Smith", False),
    ],
)
def test_name_similarity_decides_sensibly(first: str, second: str, same: bool) -> None:
    assert (name_similarity(first, second) >= CFG.consistency.name_similarity) is same


def test_joint_account_holder_matches_either_person() -> None:
    assert holder_similarity("Jane Doe", "John Doe & Jane Q Doe") == 1.0
    assert holder_similarity("Jane Doe", "John Doe") < CFG.consistency.name_similarity


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Acme Widgets, Inc.", "ACME WIDGETS LLC", True),
        ("Smith & Sons Co.", "Smith and Sons", True),
        ("Acme Widgets Incorporated", "Acme Widgets", True),
        ("Acme Widgets", "Globex Corporation", False),
    ],
)
def test_employer_similarity_ignores_legal_form_and_punctuation(first: str, second: str, same: bool) -> None:
    assert (employer_similarity(first, second) >= CFG.consistency.name_similarity) is same


@pytest.mark.parametrize(
    ("start", "end", "periods", "assumed"),
    [
        ("2026-03-01", "2026-03-07", 52, False),
        ("2026-03-01", "2026-03-14", 26, False),
        ("2026-03-01", "2026-03-15", 24, False),
        ("2026-02-16", "2026-02-28", 24, False),
        ("2026-03-01", "2026-03-31", 12, False),
        ("2026-03-01", "2026-03-20", 26, True),  # no standard period: the configured fallback
        (None, "2026-03-31", 26, True),
    ],
)
def test_pay_periods_per_year_follow_the_period_length(start, end, periods, assumed) -> None:
    stub = doc("s", "pay_stub", pay_period_start=start, pay_period_end=end)
    assert periods_per_year(stub, CFG) == (periods, assumed)


@pytest.mark.parametrize(("printed", "read"), [
    ("Łukasz Wójcik", "ŁUKASZ WÓJCIK"), ("Łukasz Wójcik", "LUKASZ WOJCIK"), ("Märta Ødegård", "MARTA ODEGARD"),
    ("Đức Nguyễn", "DUC NGUYEN"), ("Jürgen Weiß", "JÜRGEN WEISS"),
])
def test_names_in_capitals_match_with_or_without_their_marks(printed, read):
    assert name_similarity(printed, read) == 1.0
