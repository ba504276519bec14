"""Robust z-score outliers over a batch, with fixed data and hand-computed scores."""

from __future__ import annotations

import pytest

from loan_extractor.analysis.outliers import find_outliers, robust_z_scores
from loan_extractor.config import OutlierConfig, PipelineConfig
from loan_extractor.models import Document, Reason, Status
from loan_extractor.stages.anomalies import detect_anomalies

CFG = PipelineConfig()  # robust_z 4.0, min_group_size 10


def stub(i: int, gross: str | None, **extra: object) -> Document:
    return Document(doc_id=f"d{i}", source=f"batch/d{i}.pdf", local_path="/nowhere", loan_id=None,
                    doc_type="pay_stub", fields={"gross_pay": gross, **extra})


def test_robust_z_by_hand() -> None:
    # median 12, |deviations| 2,1,0,1,88 -> MAD 1; z = 0.6745 * (x - 12)
    scores = robust_z_scores([10.0, 11.0, 12.0, 13.0, 100.0])
    assert scores == pytest.approx([-1.349, -0.6745, 0.0, 0.6745, 59.356])


def test_zero_mad_falls_back_to_mean_absolute_deviation() -> None:
    # median 5, MAD 0; mean |deviation| = 5/6, z = (10 - 5) / (1.253314 * 5/6) = 4.787
    scores = robust_z_scores([5.0, 5.0, 5.0, 5.0, 5.0, 10.0])
    assert scores[-1] == pytest.approx(4.787, abs=1e-3)
    assert scores[:5] == [0.0] * 5
    assert robust_z_scores([7.0, 7.0, 7.0]) == [0.0, 0.0, 0.0]


GROSS = ["4000.00", "4100.00", "4200.00", "4300.00", "4400.00", "4500.00", "4600.00", "4700.00", "4800.00"]


def test_one_far_value_in_a_large_enough_group_is_flagged() -> None:
    # ten values: median (4400 + 4500) / 2 = 4450; MAD 250; the 40000.00 stub scores 0.6745 * 35550 / 250
    docs = [stub(i, g) for i, g in enumerate(GROSS)] + [stub(9, "40000.00")]
    found = find_outliers(docs, CFG)
    assert len(found) == 1
    outlier = found[0]
    assert outlier.kind == "outlier" and outlier.documents == ("d9",)
    assert outlier.score == pytest.approx(95.91, abs=0.01)
    assert outlier.severity == "medium"  # beyond twice the threshold
    assert outlier.figures == {"doc_type": "pay_stub", "field": "gross_pay", "value": "40000.00",
                               "median": 4450.0, "robust_z": pytest.approx(95.91, abs=0.01)}
    assert "batch/d9.pdf" in outlier.message and "gross pay 40000.00" in outlier.message


def test_moderate_outlier_is_low_and_below_threshold_is_not_flagged() -> None:
    # median 4450, MAD 250: 6000.00 scores 4.18 (low); 5900.00 scores 3.91 (not flagged)
    flagged = find_outliers([stub(i, g) for i, g in enumerate(GROSS)] + [stub(9, "6000.00")], CFG)
    assert [(a.documents, a.severity) for a in flagged] == [(("d9",), "low")]
    assert find_outliers([stub(i, g) for i, g in enumerate(GROSS)] + [stub(9, "5900.00")], CFG) == []


def test_small_groups_nulls_and_terminal_documents_are_not_tested() -> None:
    nine = [stub(i, g) for i, g in enumerate(GROSS[:8])] + [stub(9, "40000.00")]
    assert find_outliers(nine, CFG) == []  # nine values, fewer than min_group_size
    padded = nine + [stub(20, None), stub(21, "not a number")]
    assert find_outliers(padded, CFG) == []
    rejected = stub(22, "4450.00").update(status=Status.REJECTED, reason=Reason.CORRUPT)
    assert find_outliers(nine + [rejected], CFG) == []
    smaller = PipelineConfig(outliers=OutlierConfig(robust_z=4.0, min_group_size=9))
    assert [a.documents for a in find_outliers(nine, smaller)] == [("d9",)]


def test_fields_and_types_are_grouped_separately() -> None:
    # 40000.00 would stand out among gross pay, but net pay is its own group (all equal: no spread)
    docs = [stub(i, g, net_pay="40000.00") for i, g in enumerate(GROSS)] + [stub(9, "4450.00", net_pay="40000.00")]
    assert find_outliers(docs, CFG) == []


def test_outlier_is_attached_by_the_anomaly_stage() -> None:
    docs = [stub(i, g) for i, g in enumerate(GROSS)] + [stub(9, "40000.00")]
    out, anomalies = detect_anomalies(docs, CFG)
    assert [a.kind for a in anomalies] == ["outlier"]
    assert out[9].anomalies == tuple(anomalies) and out[9].status == Status.NEEDS_REVIEW
    assert all(d.anomalies == () for d in out[:9])


def test_year_to_date_totals_are_not_compared_across_the_calendar() -> None:
    """Ten stubs of one salary from January to October: the YTD totals grow tenfold and flag nothing."""
    docs = [stub(i, "4000.00", ytd_gross=f"{4000 * 2 * (i + 1)}.00") for i in range(9)] + [stub(9, "4000.00", ytd_gross="400000.00")]
    assert find_outliers(docs, CFG) == []
