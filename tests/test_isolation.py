"""IsolationForest over stored W-2s: fixed data, fixed random state."""

from __future__ import annotations

import random

from loan_extractor.analysis.history import History, StoredDocument
from loan_extractor.analysis.isolation import find_unusual_documents
from loan_extractor.config import OutlierConfig, PipelineConfig
from loan_extractor.models import Document, Reason, Status
from loan_extractor.spec import DocType
from loan_extractor.stages.anomalies import detect_anomalies

CFG = OutlierConfig()  # isolation_min_history 50, contamination 0.01, random_state 0


def w2_figures(rng: random.Random) -> dict[str, float]:
    """An ordinary W-2: wages around 55,000, federal tax 10-14% of them, box 3 and 5 equal to wages."""
    wages = round(rng.uniform(40_000, 70_000), 2)
    return {"wages": wages, "federal_income_tax_withheld": round(wages * rng.uniform(0.10, 0.14), 2),
            "social_security_wages": wages, "medicare_wages": wages}  # fmt: skip


def stored(count: int, seed: int = 1) -> list[StoredDocument]:
    rng = random.Random(seed)
    return [StoredDocument(doc_key=f"k{i}", doc_type="w2", values=w2_figures(rng)) for i in range(count)]


def w2(name: str, figures: dict[str, float], loan_id: str | None = "L1") -> Document:
    fields = {key: f"{value:.2f}" for key, value in figures.items()}
    return Document(doc_id=name, source=f"/in/{name}.pdf", local_path="/in", loan_id=loan_id, doc_type=DocType.W2, fields=fields)


def ordinary(count: int) -> list[Document]:
    rng = random.Random(99)
    return [w2(f"ok{i}", w2_figures(rng)) for i in range(count)]


EXTREME = {"wages": 52_000.0, "federal_income_tax_withheld": 48_000.0, "social_security_wages": 52_000.0,
           "medicare_wages": 52_000.0}  # fmt: skip  # tax nearly equal to wages: every wage figure is usual


def test_a_planted_document_is_flagged_and_ordinary_ones_are_not() -> None:
    batch = [*ordinary(10), w2("odd", EXTREME)]
    found = find_unusual_documents(batch, stored(120), CFG)
    assert [a.documents for a in found] == [("odd",)]
    anomaly = found[0]
    assert anomaly.kind == "unusual_document" and anomaly.loan_id == "L1"
    assert anomaly.score > anomaly.figures["threshold"] and anomaly.figures["stored_documents"] == 120
    # the one figure that stands out is named, the usual wages are not
    assert list(anomaly.figures["features"]) == ["federal_income_tax_withheld"]
    assert anomaly.figures["features"]["federal_income_tax_withheld"]["robust_z"] > CFG.explain_robust_z
    assert "federal income tax withheld 48000.00 is above the usual" in anomaly.message
    assert "/in/odd.pdf" in anomaly.message and "120 stored W-2s" in anomaly.message


def test_a_rare_combination_of_usual_figures_names_them_all() -> None:
    # every figure is within the stored range, but social security wages are far from the wages
    mixed = {"wages": 41_000.0, "federal_income_tax_withheld": 4_700.0, "social_security_wages": 68_000.0,
             "medicare_wages": 41_000.0}  # fmt: skip
    (anomaly,) = find_unusual_documents([*ordinary(10), w2("mixed", mixed)], stored(120), CFG)
    assert anomaly.documents == ("mixed",) and anomaly.severity == "low"
    assert set(anomaly.figures["features"]) == set(mixed)
    assert all(abs(f["robust_z"]) < CFG.explain_robust_z for f in anomaly.figures["features"].values())
    assert "no single figure is far off, but together they are rare" in anomaly.message
    assert "social security wages 68000.00" in anomaly.message and "wages 41000.00" in anomaly.message


def test_the_same_inputs_give_the_same_scores() -> None:
    batch = [*ordinary(5), w2("odd", EXTREME)]
    assert find_unusual_documents(batch, stored(120), CFG) == find_unusual_documents(batch, stored(120), CFG)


def test_no_forest_below_the_minimum_history() -> None:
    batch = [*ordinary(3), w2("odd", EXTREME)]
    assert find_unusual_documents(batch, stored(49), CFG) == []
    assert [a.documents for a in find_unusual_documents(batch, stored(50), CFG)] == [("odd",)]
    lower = OutlierConfig(isolation_min_history=20)
    assert [a.documents for a in find_unusual_documents(batch, stored(49), lower)] == [("odd",)]


def test_terminal_and_other_type_documents_are_not_scored() -> None:
    failed = w2("failed", EXTREME).update(status=Status.FAILED, reason=Reason.TOOL_FAILED)
    stub = Document(doc_id="stub", source="/in/stub.pdf", local_path="/in", doc_type=DocType.PAY_STUB,
                    fields={"gross_pay": "99999.00"})  # no stored pay stubs at all
    assert find_unusual_documents([failed, stub], stored(120), CFG) == []


def test_a_missing_figure_alone_does_not_make_a_document_unusual() -> None:
    rng = random.Random(7)
    figures = w2_figures(rng)
    del figures["federal_income_tax_withheld"]
    assert find_unusual_documents([w2("partial", figures)], stored(120), CFG) == []


def test_the_anomaly_stage_attaches_unusual_documents() -> None:
    batch = [*ordinary(4), w2("odd", EXTREME)]
    out, anomalies = detect_anomalies(batch, PipelineConfig(), History(documents=tuple(stored(120))))
    kinds = {a.kind for a in anomalies}
    assert "unusual_document" in kinds
    assert out[4].status == Status.NEEDS_REVIEW and all(d.anomalies == () for d in out[:4])
