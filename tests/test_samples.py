"""The synthetic sample generator: deterministic values that obey the contract, files that match the truth.

The rules are re-checked here from the spec and the cross-document conventions, not through the
generator's own helpers, so a generator bug cannot hide behind itself.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image

from loan_extractor.samples import build_truth, write_sample_set
from loan_extractor.spec import LOAN_PURPOSES, fields_of

COMMITTED = Path(__file__).resolve().parents[1] / "samples"
PATTERNS = {
    "date": r"\d{4}-\d{2}-\d{2}", "money": r"\d+\.\d{2}", "last4": r"\d{4}", "ein": r"\d{2}-\d{7}",
    "percent": r"\d+\.\d+", "text": r"\S(.*\S)?",
}
# the documents each planted kind must flag (the conventions' table, restated)
FLAGGED = {
    "income_mismatch": {"loan_application", "w2", "pay_stub"},
    "name_mismatch": {"loan_application", "pay_stub"},
    "employer_mismatch": {"loan_application", "pay_stub", "w2"},
    "ssn_mismatch": {"loan_application", "w2"},
}


def _d(value: object) -> date:
    return date.fromisoformat(str(value))


def _m(value: object) -> Decimal:
    return Decimal(str(value))


def _check_shape(doc_type: str, fields: dict) -> None:
    assert set(fields) == set(fields_of(doc_type))
    for name, kind in fields_of(doc_type).items():
        value = fields[name]
        if kind == "int":
            assert isinstance(value, int), name
        elif kind == "loan_purpose":
            assert value in LOAN_PURPOSES
        else:
            assert re.fullmatch(PATTERNS[kind], value), (name, value)
            assert "  " not in value


def _check_rules(doc_type: str, f: dict, today: date) -> None:
    if doc_type == "pay_stub":
        assert _d(f["pay_period_start"]) <= _d(f["pay_period_end"])
        assert 0 < _m(f["net_pay"]) <= _m(f["gross_pay"]) <= _m(f["ytd_gross"])
        assert 0 <= (_d(f["pay_date"]) - _d(f["pay_period_end"])).days <= 31
    elif doc_type == "bank_statement":
        assert _d(f["statement_period_start"]) < _d(f["statement_period_end"])
        assert _m(f["total_deposits"]) >= 0 and _m(f["total_withdrawals"]) >= 0
        opening, closing = _m(f["opening_balance"]), _m(f["closing_balance"])
        assert opening + _m(f["total_deposits"]) - _m(f["total_withdrawals"]) == closing
    elif doc_type == "w2":
        assert 0 <= _m(f["federal_income_tax_withheld"]) <= _m(f["wages"])
        assert 2000 <= f["tax_year"] <= today.year
    else:
        born = _d(f["date_of_birth"])
        age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
        assert 18 <= age <= 110
        assert 1000 <= _m(f["loan_amount"]) <= 10_000_000
        assert 12 <= f["loan_term_months"] <= 480
        assert 0 < _m(f["interest_rate"]) < 30


def _periods_per_year(stub: dict) -> int:
    days = (_d(stub["pay_period_end"]) - _d(stub["pay_period_start"])).days + 1
    return {7: 52, 14: 26, 15: 24, 16: 24}.get(days, 12 if 28 <= days <= 31 else 0)


def _broken_rules(docs: dict[str, dict]) -> set[str]:
    app, stub, w2, bank = (docs[t] for t in ("loan_application", "pay_stub", "w2", "bank_statement"))
    name = app["applicant_name"].casefold()
    broken = set()
    if {stub["employee_name"].casefold(), w2["employee_name"].casefold(), bank["account_holder"].casefold()} != {name}:
        broken.add("name_mismatch")
    if {stub["employer_name"], w2["employer_name"]} != {app["employer_name"]}:
        broken.add("employer_mismatch")
    income = _m(app["annual_income"])
    annualised = _m(stub["gross_pay"]) * _periods_per_year(stub)
    if abs(income - _m(w2["wages"])) > income * Decimal("0.02") or abs(income - annualised) > income * Decimal("0.02"):
        broken.add("income_mismatch")
    if app["applicant_ssn_last4"] != w2["employee_ssn_last4"]:
        broken.add("ssn_mismatch")
    return broken


def test_values_are_deterministic_for_a_seed():
    first = build_truth(seed=3, loans=6, tax_year=2025)
    assert first == build_truth(seed=3, loans=6, tax_year=2025)
    assert first != build_truth(seed=4, loans=6, tax_year=2025)
    assert len(first) == 6 * 4 + 1  # four documents per loan and the renamed scan


@pytest.mark.parametrize("seed", [7, 3, 19])
def test_values_obey_the_validation_rules(seed):
    today = date.today()
    for path, entry in build_truth(seed=seed, loans=12).items():
        _check_shape(entry["doc_type"], entry["fields"])
        _check_rules(entry["doc_type"], entry["fields"], today)
        if entry["doc_type"] == "w2":
            assert entry["fields"]["tax_year"] == today.year - 1, path


@pytest.mark.parametrize("seed", [7, 3, 19])
def test_each_loan_breaks_exactly_its_planted_rule_and_flags_the_conventional_documents(seed):
    truth = build_truth(seed=seed, loans=12, tax_year=2025)
    loans: dict[str, dict[str, dict]] = {}
    for entry in truth.values():
        if entry["loan_id"]:
            loans.setdefault(entry["loan_id"], {})[entry["doc_type"]] = entry
    planted_kinds = []
    for loan_id, docs in loans.items():
        planted = {e["meta"]["planted"] for e in docs.values()}.pop()
        planted_kinds.append(planted)
        assert _broken_rules({t: e["fields"] for t, e in docs.items()}) == ({planted} if planted else set()), loan_id
        for doc_type, entry in docs.items():
            flagged = planted is not None and doc_type in FLAGGED[planted]
            assert (entry["expected_status"], entry["expected_reason"]) == (
                ("needs_review", "anomaly") if flagged else ("processed", None)), (loan_id, doc_type)
    assert planted_kinds[:4] == [None, None, "income_mismatch", "name_mismatch"]
    assert set(planted_kinds) == {None, *FLAGGED}


def _format_by_content(path: Path) -> str:
    data = path.read_bytes()
    if not data:
        return "empty"
    if data.startswith(b"%PDF-"):
        return "pdf_text" if b"/Font" in data else "pdf_scan"
    for magic, name in ((b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpeg"), (b"II*\x00", "tiff"),
                        (b"MM\x00*", "tiff"), (b"PK\x03\x04", "zip")):
        if data.startswith(magic):
            return name
    return "html" if data.lstrip().lower().startswith((b"<!doctype html", b"<html")) else "other"


def _check_files(root: Path, truth: dict) -> None:
    for rel, entry in truth.items():
        path = root / rel
        assert path.is_file(), rel
        assert _format_by_content(path) == entry["meta"]["format"], rel
        if entry["meta"]["format"] in ("png", "jpeg", "tiff"):
            assert Image.open(path).info["dpi"][0] == pytest.approx(entry["meta"]["dpi"], abs=0.5), rel


def _check_bad_inputs(root: Path, truth: dict) -> None:
    endings = {rel: (e["expected_status"], e["expected_reason"]) for rel, e in truth.items() if "/" not in rel}
    copies = [rel for rel in endings if rel.startswith("zz_copy_of_")]
    assert len(copies) == 1
    original = truth[copies[0]]["meta"]["copy_of"]
    assert (root / original).read_bytes() == (root / copies[0]).read_bytes()
    assert sorted([original, copies[0]])[0] == original and truth[original]["expected_status"] != "rejected"
    assert endings == {
        "empty.pdf": ("rejected", "unsupported_format"), "page.html": ("rejected", "unsupported_format"),
        "archive.zip": ("rejected", "unsupported_format"), "truncated.pdf": ("rejected", "corrupt"),
        "encrypted.pdf": ("rejected", "encrypted"), copies[0]: ("rejected", "duplicate"),
        "renamed.jpg": ("needs_review", "extension_mismatch"), "letter.pdf": ("needs_review", "unknown_type"),
    }
    assert truth["letter.pdf"]["doc_type"] == "unknown" and truth["letter.pdf"]["fields"] == {}


def test_committed_samples_match_the_generator_for_seed_7():
    truth = json.loads((COMMITTED / "truth.json").read_text(encoding="utf-8"))
    tax_year = next(e["fields"]["tax_year"] for e in truth.values() if e["doc_type"] == "w2")
    loans = len({e["loan_id"] for e in truth.values() if e["loan_id"]})
    generated = build_truth(seed=7, loans=loans, tax_year=tax_year)
    assert loans == 4
    assert {rel: truth[rel] for rel in generated} == generated
    _check_files(COMMITTED, truth)
    _check_bad_inputs(COMMITTED, truth)
    formats = {e["meta"]["format"] for e in truth.values()}
    assert {"pdf_text", "pdf_scan", "png", "jpeg", "tiff"} <= formats
    assert sum(p.stat().st_size for p in COMMITTED.rglob("*") if p.is_file()) < 6 * 1024 * 1024


@pytest.mark.tesseract
def test_written_set_matches_its_truth(tmp_path):
    truth_path = write_sample_set(tmp_path, seed=5, loans=2, tax_year=2025)
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    assert {rel: truth[rel] for rel in build_truth(seed=5, loans=2, tax_year=2025)} == build_truth(
        seed=5, loans=2, tax_year=2025)
    _check_files(tmp_path, truth)
    _check_bad_inputs(tmp_path, truth)
    assert Image.open(tmp_path / "L1002" / "bank_statement.tif").n_frames == 2
    text = subprocess.run(["pdftotext", str(tmp_path / "L1001" / "pay_stub.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert truth["L1001/pay_stub.pdf"]["fields"]["employee_name"] in text
    for rel in ("truncated.pdf", "encrypted.pdf"):
        assert subprocess.run(["pdfinfo", str(tmp_path / rel)], capture_output=True).returncode != 0, rel


@pytest.mark.tesseract
def test_tesseract_reads_the_committed_pay_stub_scan():
    entry = json.loads((COMMITTED / "truth.json").read_text(encoding="utf-8"))["L1002/pay_stub.png"]
    text = subprocess.run(["tesseract", str(COMMITTED / "L1002" / "pay_stub.png"), "-"], capture_output=True,
                          text=True, check=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"}).stdout
    fields = entry["fields"]
    assert fields["employee_name"] in text and fields["employer_name"] in text
    assert f"{Decimal(fields['gross_pay']):,.2f}" in text and f"{Decimal(fields['net_pay']):,.2f}" in text
