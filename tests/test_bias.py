"""The bias table: hand-computed group metrics, difference, ratio and the minimum group size; slices; the gap in alerts."""

from __future__ import annotations

import pytest

from pathlib import Path

from loan_extractor.alerts import AlertContext, Channel, Trigger, evaluate_rules, load_rules, widest_gap
from loan_extractor.analysis.accuracy import field_accuracy
from loan_extractor.analysis.bias import mean_field_confidence
from loan_extractor.analysis.slices import (
    SLICERS, dpi_band, name_of, quality_band, script_of, slicer_for, source_format,
)
from loan_extractor.config import BiasConfig, PipelineConfig
from loan_extractor.models import Document, PageImage, Reason, Status
from loan_extractor.spec import fields_of
from loan_extractor.stages.bias import check_bias
from loan_extractor.stages.store import document_key

CFG = PipelineConfig()  # bias.min_group_size 3
REPO = Path(__file__).resolve().parents[1]


def page(dpi: float, clarity: float) -> PageImage:
    return PageImage(number=1, path="/p.png", width=10, height=10, dpi=dpi, clarity=clarity)


def make(i: int, doc_type: str, passed: bool, confidence: float, media: str = "application/pdf",
         text_source: str = "text_layer", pages: tuple[PageImage, ...] = ()) -> Document:
    doc = Document(doc_id=f"d{i}", source=f"d{i}", local_path="/n", doc_type=doc_type, media_type=media,
                   text_source=text_source, page_images=pages,
                   confidence={name: confidence for name in fields_of(doc_type)})
    return doc if passed else doc.with_issue("validate-extraction", Reason.SCHEMA_CHECK_FAILED, "broken", "net_pay")


def batch() -> list[Document]:
    scan = {"media": "application/pdf", "text_source": "ocr"}
    return [
        make(1, "pay_stub", True, 0.9),
        make(2, "pay_stub", True, 0.8),
        make(3, "pay_stub", False, 0.4),
        make(4, "w2", True, 0.6, **scan, pages=(page(300, 0.8),)),
        make(5, "w2", False, 0.5, **scan, pages=(page(100, 0.9),)),
        make(6, "w2", False, 0.4, media="image/png", text_source="ocr", pages=(page(200, 0.5),)),
        make(7, "loan_application", True, 1.0, media="image/jpeg", text_source="ocr", pages=(page(300, 0.9),)),
        # never counted: unknown type, rejected
        make(8, "unknown", False, 0.0),
        make(9, "pay_stub", False, 0.0).update(status=Status.REJECTED, reason=Reason.CORRUPT),
    ]


def rows_of(rows, slice_name: str, metric: str) -> dict:
    return {r.group: r for r in rows if r.slice == slice_name and r.metric == metric}


def test_doc_type_groups_by_hand() -> None:
    rows = check_bias(batch(), CFG)
    passing = rows_of(rows, "doc_type", "validation_pass_rate")
    confidence = rows_of(rows, "doc_type", "mean_field_confidence")
    assert {g: (r.count, r.value) for g, r in passing.items()} == {
        "pay_stub": (3, pytest.approx(0.6667, abs=1e-4)),
        "w2": (3, pytest.approx(0.3333, abs=1e-4)),
        "loan_application": (1, 1.0),
    }
    assert confidence["pay_stub"].value == pytest.approx(0.7) and confidence["w2"].value == pytest.approx(0.5)
    # compared: pay_stub and w2 only; the single application would make the gap 0.6667
    for group in ("pay_stub", "w2"):
        assert passing[group].compared
        assert passing[group].difference == pytest.approx(0.3333, abs=1e-4)
        assert passing[group].ratio == pytest.approx(0.5)
        assert confidence[group].difference == pytest.approx(0.2)
        assert confidence[group].ratio == pytest.approx(0.7143, abs=1e-4)
    small = passing["loan_application"]
    assert not small.compared and small.difference is None and small.ratio is None
    assert "fewer than 3" in small.note


def test_slice_with_one_large_group_compares_nothing() -> None:
    rows = rows_of(check_bias(batch(), CFG), "source_format", "validation_pass_rate")
    assert {g: r.count for g, r in rows.items()} == {"pdf_text": 3, "pdf_scan": 2, "png": 1, "jpeg": 1}
    assert not any(r.compared for r in rows.values())
    assert "nothing to compare" in rows["pdf_text"].note


def test_quality_band_slice_by_hand() -> None:
    rows = rows_of(check_bias(batch(), CFG), "quality_band", "mean_field_confidence")
    # good: three text-layer stubs, the 300 DPI W-2, the application: (.9 + .8 + .4 + .6 + 1.0) / 5
    assert {g: r.count for g, r in rows.items()} == {"good": 5, "fair": 1, "poor": 1}
    assert rows["good"].value == pytest.approx(0.74)
    assert rows["poor"].value == pytest.approx(0.5) and rows["fair"].value == pytest.approx(0.4)


def test_smaller_minimum_compares_more_groups() -> None:
    cfg = PipelineConfig(bias=BiasConfig(min_group_size=1, slices=("doc_type",)))
    rows = rows_of(check_bias(batch(), cfg), "doc_type", "validation_pass_rate")
    assert all(r.compared for r in rows.values())
    assert rows["w2"].difference == pytest.approx(0.6667, abs=1e-4)  # 1.0 - 0.3333
    assert rows["w2"].ratio == pytest.approx(0.3333, abs=1e-4)


def test_unknown_slice_is_ignored_with_a_note() -> None:
    cfg = PipelineConfig(bias=BiasConfig(slices=("region", "doc_type")))
    rows = check_bias(batch(), cfg)
    assert rows[0].slice == "region" and not rows[0].compared and "unknown slice" in rows[0].note
    assert {r.slice for r in rows[1:]} == {"doc_type"}


def test_no_countable_documents_gives_no_rows() -> None:
    assert check_bias(batch()[7:], CFG) == []


def test_unread_fields_count_as_zero_confidence() -> None:
    doc = Document(doc_id="x", source="x", local_path="/n", doc_type="pay_stub",
                   confidence={"gross_pay": 1.0, "net_pay": 1.0, "pay_date": 0.8, "employee_name": 0.6})
    assert mean_field_confidence(doc) == pytest.approx(3.4 / 8)


@pytest.mark.parametrize(
    ("pages", "text_source", "band"),
    [
        ((page(300, 0.9),), "ocr", "good"),
        ((page(200, 0.6),), "ocr", "good"),
        ((page(199, 0.9),), "ocr", "fair"),
        ((page(300, 0.59),), "ocr", "fair"),
        ((page(300, 0.9), page(149, 0.9)), "ocr", "poor"),  # the worst page decides
        ((page(300, 0.29),), "ocr", "poor"),
        ((page(100, 0.1),), "text_layer", "good"),  # a text layer never went through OCR
        ((), "ocr", "unknown"),
    ],
)
def test_quality_band_cut_offs(pages, text_source, band) -> None:
    doc = Document(doc_id="x", source="x", local_path="/n", text_source=text_source, page_images=pages)
    assert quality_band(doc) == band


@pytest.mark.parametrize(
    ("media", "text_source", "expected"),
    [
        ("application/pdf", "text_layer", "pdf_text"),
        ("application/pdf", "ocr", "pdf_scan"),
        ("image/png", "ocr", "png"),
        ("image/jpeg", "ocr", "jpeg"),
        ("image/tiff", "ocr", "tiff"),
        ("text/html", None, "other"),
    ],
)
def test_source_format(media, text_source, expected) -> None:
    doc = Document(doc_id="x", source="x", local_path="/n", media_type=media, text_source=text_source)
    assert source_format(doc) == expected


# --- dpi_band, name_script, meta:<key> slices ------------------------------------------------------

@pytest.mark.parametrize(
    ("pages", "text_source", "band"),
    [
        ((page(149.9, 0.9),), "ocr", "<150"),
        ((page(150, 0.9),), "ocr", "150-199"),
        ((page(199, 0.9),), "ocr", "150-199"),
        ((page(200, 0.9),), "ocr", "200-299"),
        ((page(300, 0.9), page(240, 0.9)), "ocr", "200-299"),  # the worst page decides
        ((page(300, 0.1),), "ocr", ">=300"),  # clarity is quality_band's business, not this slice's
        ((page(100, 0.9),), "text_layer", "text_layer"),
        ((), "ocr", "unknown"),
    ],
)
def test_dpi_band_cut_offs(pages, text_source, band) -> None:
    doc = Document(doc_id="x", source="x", local_path="/n", text_source=text_source, page_images=pages)
    assert dpi_band(doc) == band


@pytest.mark.parametrize(
    ("name", "script"),
    [("Jane Q Doe", "ascii"), ("José Núñez", "latin_diacritics"), ("Łukasz Wójcik", "latin_diacritics"),
     ("Nguyễn Thị Lan", "latin_diacritics"), ("Иван Петров", "cyrillic"), ("Ivan Петров", "cyrillic"),
     ("Αλέξης Παππάς", "greek"), ("李小龙", "cjk"), ("Αλέξης Петров", "mixed"), ("", "no_name"), (None, "no_name")],
)
def test_script_of_a_name(name, script) -> None:
    assert script_of(name) == script


def named(i: int, doc_type: str, name: str | None, passed: bool = True, **extra) -> Document:
    field = {"pay_stub": "employee_name", "bank_statement": "account_holder", "loan_application": "applicant_name"}[doc_type]
    return make(i, doc_type, passed, 0.9).update(fields={field: name}, **extra)


def test_name_script_reads_the_type_s_name_field_and_prefers_the_corrected_name() -> None:
    ocr_stripped = named(1, "pay_stub", "Jose Nunez")  # the marks lost by OCR
    holder = named(2, "bank_statement", "Søren Åberg")
    applicant = named(3, "loan_application", "Jane Doe")
    unread = named(4, "pay_stub", None)
    truth = {"employee_name": "José Núñez"}
    assert SLICERS["name_script"](ocr_stripped, {}) == "ascii"
    assert SLICERS["name_script"](ocr_stripped, truth) == "latin_diacritics"
    assert [SLICERS["name_script"](d, {}) for d in (holder, applicant, unread)] == ["latin_diacritics", "ascii", "no_name"]
    assert name_of(unread, truth) == "José Núñez"  # a reviewer's name counts where OCR read none


def test_meta_slice_groups_by_a_source_metadata_key() -> None:
    docs = [make(i, "pay_stub", i < 3, 0.9).update(metadata={"channel": "broker"} if i < 3 else {"channel": "branch"})
            for i in range(6)] + [make(9, "pay_stub", True, 0.9)]
    cfg = PipelineConfig(bias=BiasConfig(slices=("meta:channel",)))
    rows = rows_of(check_bias(docs, cfg), "meta:channel", "validation_pass_rate")
    assert {g: (r.count, r.value, r.compared) for g, r in rows.items()} == {
        "broker": (3, 1.0, True), "branch": (3, 0.0, True), "(none)": (1, 1.0, False)}
    assert rows["branch"].ratio == 0.0 and rows["broker"].difference == 1.0


def test_meta_values_are_masked_and_cut_and_bad_meta_slices_are_refused() -> None:
    doc = make(1, "pay_stub", True, 0.9).update(metadata={"ref": "customer 123-45-6789", "long": "x" * 300})
    assert slicer_for("meta:ref")(doc, {}) == "customer XXX-XX-6789"
    assert slicer_for("meta:long")(doc, {}) == "x" * 64
    assert slicer_for("meta:absent")(doc, {}) == "(none)" and slicer_for("region") is None
    for bad in ("meta:", "meta:a b", "meta:" + "k" * 60, "x" * 65):
        with pytest.raises(ValueError):
            BiasConfig(slices=(bad,))
    assert BiasConfig(slices=("region",)).slices == ("region",)  # unknown plain names stay: an "ignored" row


def test_default_slices_include_the_new_ones() -> None:
    rows = check_bias(batch(), CFG)
    assert {r.slice for r in rows} == {"doc_type", "source_format", "quality_band", "dpi_band", "name_script"}
    assert {g for g in rows_of(rows, "dpi_band", "validation_pass_rate")} == {"text_layer", ">=300", "<150", "200-299"}


# --- needs_review rate, field accuracy ---------------------------------------------------------------

def test_needs_review_rate_ratio_is_taken_over_one_minus_the_rate() -> None:
    cfg = PipelineConfig(bias=BiasConfig(slices=("doc_type",)))
    docs = [make(i, "pay_stub", True, 0.9).update(status=Status.PROCESSED) for i in range(3)]
    docs += [make(3 + i, "w2", True, 0.9).update(status=Status.NEEDS_REVIEW if i == 0 else Status.PROCESSED)
             for i in range(3)]
    rows = rows_of(check_bias(docs, cfg), "doc_type", "needs_review_rate")
    assert rows["pay_stub"].value == 0.0 and rows["w2"].value == pytest.approx(0.3333, abs=1e-4)
    assert rows["w2"].difference == pytest.approx(0.3333, abs=1e-4)
    assert rows["w2"].ratio == pytest.approx(0.6667, abs=1e-4)  # (1 - 1/3) / (1 - 0), not 0 / (1/3)
    assert "1 - value" in rows["w2"].note


def test_field_accuracy_counts_only_documents_with_truth_and_only_judged_fields() -> None:
    cfg = PipelineConfig(bias=BiasConfig(slices=("doc_type",), min_group_size=2))
    stub = {"gross_pay": "100.00", "net_pay": "80.00", "employee_name": "José Núñez"}
    docs = [make(i, "pay_stub", True, 0.9).update(sha256=f"{i}" * 64, fields=stub) for i in range(3)]
    w2 = {"tax_year": 2025, "wages": "500.00"}
    docs += [make(3 + i, "w2", True, 0.9).update(sha256=f"{3 + i}" * 64, fields=w2) for i in range(3)]
    truth = {
        document_key(docs[0]): {"gross_pay": "100.00", "employee_name": "JOSÉ  NÚÑEZ"},  # 2/2: text compared folded
        document_key(docs[1]): {"net_pay": "81.00", "employee_name": "Jose Nunez"},  # 0/2: marks matter
        document_key(docs[3]): {"tax_year": 2025, "wages": "5000.00", "doc_type": "w2"},  # 1/2
        document_key(docs[4]): {"tax_year": "2025"},  # 0/1: an int field is not its string
    }
    rows = rows_of(check_bias(docs, cfg, truth), "doc_type", "field_accuracy")
    assert {g: (r.count, r.value) for g, r in rows.items()} == {"pay_stub": (2, 0.5), "w2": (2, 0.25)}
    assert rows["w2"].ratio == 0.5 and rows["w2"].difference == 0.25
    assert field_accuracy(docs[2], {}) is None and field_accuracy(docs[2], {"unknown_field": 1}) is None
    # the proxies still count every document
    assert rows_of(check_bias(docs, cfg, truth), "doc_type", "validation_pass_rate")["w2"].count == 3


def test_without_truth_there_is_no_field_accuracy_row() -> None:
    assert not [r for r in check_bias(batch(), CFG) if r.metric == "field_accuracy"]


# --- the widest gap in an alert -------------------------------------------------------------------

def test_widest_gap_names_slice_metric_and_groups_and_the_rule_fires() -> None:
    cfg = PipelineConfig(bias=BiasConfig(slices=("doc_type", "name_script")))
    docs = [named(i, "pay_stub", "Jane Doe", passed=True) for i in range(3)]
    docs += [named(3 + i, "pay_stub", "Zoé Côté", passed=i == 0) for i in range(4)]
    rows = [row.model_dump() for row in check_bias(docs, cfg)]
    gap = widest_gap(rows)
    assert gap == {"bias_slice": "name_script", "bias_metric": "validation_pass_rate",
                   "bias_groups": "latin_diacritics 0.25 (n=4) vs ascii 1.00 (n=3)"}
    rules = load_rules(REPO / "config" / "alert_rules.yaml").for_trigger(Trigger.END)
    context = AlertContext(run_id="run-1", metrics={"bias_min_ratio": 0.25}, **gap)
    (alert,) = [a for a in evaluate_rules(rules, context) if a.rule == "extraction-gap"]
    assert set(alert.channels) == {Channel.SLACK, Channel.LOG}
    assert "validation_pass_rate by name_script, latin_diacritics 0.25 (n=4) vs ascii 1.00 (n=3)" in alert.message
    assert widest_gap([{"slice": "s", "group": "g", "ratio": 0.1, "compared": False}]) == {}


def test_gap_texts_outside_the_plain_set_are_replaced_not_refused() -> None:
    rows = [{"slice": "meta:branch", "group": g, "count": 3, "metric": "m", "value": v, "ratio": 0.5, "compared": True}
            for g, v in (("Zürich\nnorth", 0.4), ("north", 0.8))]
    gap = widest_gap(rows)
    assert gap["bias_groups"] == "Z?rich?north 0.40 (n=3) vs north 0.80 (n=3)"
    assert AlertContext(run_id="r", **gap).bias_slice == "meta:branch"
