"""The bias table: hand-computed group metrics, difference, ratio and the minimum group size."""

from __future__ import annotations

import pytest

from loan_extractor.analysis.bias import mean_field_confidence, quality_band, source_format
from loan_extractor.config import BiasConfig, PipelineConfig
from loan_extractor.models import Document, PageImage, Reason, Status
from loan_extractor.spec import fields_of
from loan_extractor.stages.bias import check_bias

CFG = PipelineConfig()  # bias.min_group_size 3


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
