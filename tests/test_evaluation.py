"""The evaluation harness: truth keys, comparisons, pairing and the arithmetic, on hand-made inputs."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from loan_extractor.config import BiasConfig, PipelineConfig
from loan_extractor.evaluation import build_report, pair_documents, render_text
from loan_extractor.evaluation.bias import evaluation_bias, paired_truth
from loan_extractor.evaluation.compare import values_match
from loan_extractor.evaluation.metrics import (
    MISSING, Outcome, breakdown, confusion, field_counts, name_accuracy, ratio, total_counts,
)
from loan_extractor.evaluation.report import bias_lines
from loan_extractor.evaluation.truth import load_truth, parse_key, truth_docs
from loan_extractor.models import Document
from loan_extractor.spec import FieldKind
from tests.conftest import SAMPLES

STUB = {"employee_name": "Zoé Côté", "gross_pay": "4210.55", "net_pay": "3100.00", "pay_date": "2026-03-20"}


def test_truth_keys_name_files_and_page_ranges():
    assert parse_key("a/b.pdf") == ("a/b.pdf", None)
    assert parse_key("p.pdf#3-5") == ("p.pdf", (3, 4, 5)) and parse_key("p.pdf#2") == ("p.pdf", (2,))
    assert parse_key("odd#name.pdf") == ("odd#name.pdf", None)
    with pytest.raises(ValueError):
        parse_key("p.pdf#4-2")
    with pytest.raises(ValueError, match="says pages"):
        truth_docs({"p.pdf#1-2": {"doc_type": "w2", "pages": [1]}})


def test_load_truth_reads_the_sample_set_format(tmp_path):
    path = tmp_path / "truth.json"
    path.write_text(json.dumps({"L1/w2.pdf": {"doc_type": "w2", "loan_id": "L1", "fields": {"tax_year": 2025},
                                              "expected_status": "processed", "meta": {"format": "pdf_text"}},
                                "bad.zip": {"doc_type": None, "fields": {}}}), encoding="utf-8")
    docs = load_truth(path)
    assert [(d.key, d.file, d.pages, d.doc_type) for d in docs] == [("L1/w2.pdf", "L1/w2.pdf", None, "w2"),
                                                                      ("bad.zip", "bad.zip", None, None)]
    assert docs[0].meta == {"format": "pdf_text"} and docs[0].fields == {"tax_year": 2025}


@pytest.mark.parametrize(("kind", "expected", "got", "equal"), [
    (FieldKind.TEXT, "Zoé  Côté", "ZOÉ CÔTÉ ", True),
    (FieldKind.TEXT, "Zoé Côté", "Zoe\u0301 Co\u0302te\u0301", True),  # decomposed accents
    (FieldKind.TEXT, "Zoé Côté", "Zoe Cote", False),
    (FieldKind.MONEY, "4210.55", "4210.55", True), (FieldKind.MONEY, "4210.55", "4,210.55", False),
    (FieldKind.DATE, "2026-03-20", "2026-03-20 ", False), (FieldKind.LAST4, "0042", "42", False),
    (FieldKind.INT, 2025, 2025, True), (FieldKind.INT, 2025, "2025", False),
    (FieldKind.LOAN_PURPOSE, "purchase", "Purchase", False), (FieldKind.EIN, "12-3456789", "12-3456789", True),
    (FieldKind.MONEY, None, None, True), (FieldKind.MONEY, "1.00", None, False), (FieldKind.MONEY, None, "1.00", False),
])
def test_values_compare_by_kind(kind, expected, got, equal):
    assert values_match(kind, expected, got) is equal


def test_wrong_missing_and_invented_values_count_against_precision_or_recall():
    got = {"employee_name": "zoé côté", "gross_pay": "4210.50", "net_pay": None, "pay_date": "2026-03-20",
           "ytd_gross": "9999.00"}
    outcome = Outcome("s.pdf", "pay_stub", "pay_stub", {**STUB, "ytd_gross": None}, got)
    counts = total_counts([outcome])
    # five truth fields: name and date right, gross wrong, net missing, ytd_gross invented (truth null)
    assert (counts.total, counts.correct, counts.present, counts.predicted, counts.true_positive) == (5, 2, 4, 4, 2)
    assert counts.summary()["accuracy"] == 0.4 and counts.summary()["precision"] == 0.5
    assert counts.summary()["recall"] == 0.5
    per = field_counts(outcome)
    assert per["net_pay"].present == 1 and per["net_pay"].predicted == 0
    assert per["ytd_gross"].predicted == 1 and per["ytd_gross"].true_positive == 0


def test_fields_of_an_unknown_document_are_invented_and_nothing_divides_by_zero():
    outcome = Outcome("cheque.pdf", "unknown", "pay_stub", {}, {"gross_pay": "922.00", "employee_name": None})
    counts = total_counts([outcome])
    assert (counts.total, counts.predicted, counts.invented) == (0, 1, 1)
    assert counts.summary()["accuracy"] is None and counts.summary()["precision"] == 0.0
    assert ratio(0, 0) is None and ratio(1, 3) == 0.3333


def test_pairing_by_page_range_reports_missing_and_extra_documents():
    truth = truth_docs({
        "p.pdf#1": {"doc_type": "pay_stub", "fields": STUB},
        "p.pdf#2": {"doc_type": "unknown", "fields": {}},
        "p.pdf#3-4": {"doc_type": "bank_statement", "fields": {"bank_name": "Harbor Point Bank"}},
        "w2.pdf": {"doc_type": "w2", "fields": {"tax_year": 2025}},
    })
    outputs = [
        {"source": "p.pdf", "pages": [1], "doc_type": "pay_stub", "fields": dict(STUB)},
        {"source": "p.pdf", "pages": [2, 3, 4], "doc_type": "bank_statement", "fields": {"bank_name": "Harbor Point Bank"}},
        {"source": "w2.pdf", "pages": [1, 2], "doc_type": "w2", "fields": {"tax_year": 2025}},
    ]
    outcomes, extras = pair_documents(truth, outputs)
    got = {o.key: o.got_type for o in outcomes}
    assert got == {"p.pdf#1": "pay_stub", "p.pdf#2": MISSING, "p.pdf#3-4": MISSING, "w2.pdf": "w2"}
    assert [(e.key, e.got_type) for e in extras] == [("p.pdf#2-4", "bank_statement")]
    report = build_report(outcomes, extras, ("doc_type",))
    assert report["overall"]["type_accuracy"] == 0.5
    assert report["overall"]["fields"]["invented"] == 1  # the extra document's bank name
    assert report["extra_documents"] == [{"key": "p.pdf#2-4", "doc_type": "bank_statement", "invented": 1}]
    assert report["confusion"]["bank_statement"] == {MISSING: 1}


def test_confusion_breakdowns_and_names_by_script():
    outcomes = [
        Outcome("a", "pay_stub", "pay_stub", STUB, dict(STUB), {"quality_band": "text", "name_script": "latin_diacritics"}),
        Outcome("b", "pay_stub", "w2", STUB, {"employee_name": "Zoe Cote"}, {"quality_band": "scan_300",
                                                                              "name_script": "latin_diacritics"}),
        Outcome("c", "w2", "w2", {"employee_name": "Jane Doe", "tax_year": 2025},
                {"employee_name": "JANE DOE", "tax_year": 2024}, {"quality_band": "text", "name_script": "ascii"}),
        Outcome("d", "unknown", "unknown", {}, {}, {"quality_band": "text"}),
        Outcome("e", None, None, {}, {}, {"quality_band": "text"}),
    ]
    assert confusion(outcomes) == {"(rejected)": {"(rejected)": 1}, "pay_stub": {"pay_stub": 1, "w2": 1},
                                   "unknown": {"unknown": 1}, "w2": {"w2": 1}}
    bands = breakdown(outcomes, "quality_band")
    assert bands["text"]["documents"] == 4 and bands["text"]["type_accuracy"] == 1.0
    assert bands["text"]["fields"]["correct"] == 4 + 1 and bands["text"]["fields"]["total"] == 6
    assert bands["scan_300"]["type_accuracy"] == 0.0 and bands["scan_300"]["fields"]["correct"] == 0
    names = name_accuracy(outcomes)
    assert names["ascii"]["accuracy"] == 1.0 and names["latin_diacritics"]["accuracy"] == 0.5
    assert breakdown(outcomes, "layout")["(none)"]["documents"] == 5


def test_misses_name_the_field_and_never_show_a_full_ssn():
    outcome = Outcome("w.pdf", "w2", "w2", {"employee_name": "Jane Doe", "employee_ssn_last4": "6789"},
                      {"employee_name": "Jane Doe 123-45-6789", "employee_ssn_last4": "6789"})
    report = build_report([outcome], [], ("doc_type",))
    assert report["misses"] == [{"key": "w.pdf", "field": "employee_name", "expected": "Jane Doe",
                                 "got": "Jane Doe XXX-XX-6789"}]
    text = render_text(report)
    assert "123-45" not in text and "w2.employee_name" in text and "misses: 1" in text


def test_evaluation_bias_pairs_documents_like_the_harness_and_slices_by_meta(tmp_path):
    def doc(name: str, pages: tuple[int, ...], doc_type: str, fields: dict) -> Document:
        return Document(doc_id=f"{name}{pages}", source=str(tmp_path / name), local_path="", sha256=name * 8,
                        pages=pages, doc_type=doc_type, fields=fields)

    truth = truth_docs({
        "a.pdf": {"doc_type": "pay_stub", "fields": STUB, "meta": {"band": "scan"}},
        "b.pdf": {"doc_type": "pay_stub", "fields": STUB, "meta": {"band": "text"}},
        "p.pdf#2-3": {"doc_type": "w2", "fields": {"tax_year": 2025}, "meta": {"band": "text"}},
    })
    docs = [doc("a.pdf", (1,), "pay_stub", {**STUB, "gross_pay": "1.00"}), doc("b.pdf", (1,), "pay_stub", dict(STUB)),
            doc("p.pdf", (1,), "pay_stub", {}), doc("p.pdf", (2, 3), "w2", {"tax_year": 2025})]
    assert [t.key if t else None for t in paired_truth(tmp_path, docs, truth)] == ["a.pdf", "b.pdf", None, "p.pdf#2-3"]
    cfg = PipelineConfig(bias=BiasConfig(min_group_size=1, slices=("doc_type",)))
    rows = evaluation_bias(tmp_path, docs, truth, cfg, ("doc_type", "band"))
    accuracy = {(r["slice"], r["group"]): (r["count"], r["value"]) for r in rows if r["metric"] == "field_accuracy"}
    stub_fields = len(STUB)
    assert accuracy == {("doc_type", "pay_stub"): (2, round((stub_fields - 1 + stub_fields) / (2 * stub_fields), 4)),
                        ("doc_type", "w2"): (1, 1.0),
                        ("meta:band", "scan"): (1, round((stub_fields - 1) / stub_fields, 4)),
                        ("meta:band", "text"): (2, 1.0)}
    assert {r["group"] for r in rows if r["slice"] == "meta:band"} == {"scan", "text", "(none)"}  # the unpaired page
    assert "field_accuracy" in "\n".join(bias_lines(rows))


def _evaluate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "loan_extractor.cli", "evaluate", *args], capture_output=True,
                          text=True, timeout=300)


@pytest.mark.tesseract
def test_evaluate_command_scores_committed_text_pdfs_against_an_edited_truth(tmp_path):
    truth = json.loads((SAMPLES / "truth.json").read_text(encoding="utf-8"))
    wages = truth["L1001/w2.pdf"]["fields"]["wages"]
    picked = {k: truth[k] for k in ("L1001/w2.pdf", "L1001/pay_stub.pdf", "letter.pdf", "empty.pdf")}
    picked["L1001/w2.pdf"]["fields"]["wages"] = "1.00"  # a planted disagreement must show as a miss
    path = tmp_path / "truth.json"
    path.write_text(json.dumps(picked), encoding="utf-8")
    done = _evaluate(str(SAMPLES), "--truth", str(path), "--json", "--by", "format")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["overall"]["documents"] == 4 and report["overall"]["type_accuracy"] == 1.0
    assert report["misses"] == [{"key": "L1001/w2.pdf", "field": "wages", "expected": "1.00",
                                 "got": wages}]
    assert set(report["breakdowns"]) == {"format"} and report["overall"]["invented_on_unknown"] == 0
    accuracy = {(r["slice"], r["group"]): r for r in report["bias"] if r["metric"] == "field_accuracy"}
    # the W-2 (one planted miss in 9 fields) and the pay stub: both text-layer PDFs, by the truth's meta
    assert accuracy[("meta:format", "pdf_text")]["count"] == 2
    assert accuracy[("meta:format", "pdf_text")]["value"] == pytest.approx((8 / 9 + 1) / 2, abs=1e-4)
    assert accuracy[("doc_type", "w2")]["value"] == pytest.approx(8 / 9, abs=1e-4)
    missing = _evaluate(str(tmp_path), "--truth", str(path))
    assert missing.returncode == 2 and "not in" in missing.stderr
