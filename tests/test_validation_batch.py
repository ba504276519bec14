"""Stage 5 over a chunk: one pandera call per document type, the same records as checking each document alone."""

from __future__ import annotations

import pytest
from test_validation import BOUNDARIES, CFG, FAILING, GOOD, TODAY, make

from loan_extractor.analysis import schemas
from loan_extractor.models import Reason, Status
from loan_extractor.stages.validation import validate_extraction
from tasks.validation import validate_extraction as validate_chunk


def _chunk():
    docs = [make(doc_type) for doc_type in GOOD]
    docs += [make(doc_type, **changes) for doc_type, changes, _ in FAILING]
    docs += [make(doc_type, **changes) for doc_type, changes in BOUNDARIES]
    # several broken rules each: their order within a document must not depend on the other documents
    docs.insert(3, make("w2", employer_ein="1-2", tax_year=1990, federal_income_tax_withheld="90000.00"))
    docs.append(make("w2", employer_ein="1-2", tax_year=1990, federal_income_tax_withheld="90000.00"))
    docs.append(make("pay_stub", pay_period_start="2026-03-15", net_pay="5000.00", ytd_gross="1.00", pay_date="2026-06-01"))
    docs.append(make("loan_application", date_of_birth="2010-01-01", loan_amount="10.00", loan_term_months=5, interest_rate="31"))
    docs.append(make("pay_stub", net_pay="-1.00").update(status=Status.REJECTED, reason=Reason.CORRUPT))
    return docs


def test_a_chunk_is_checked_with_one_pandera_call_per_type_and_gives_each_documents_own_record(monkeypatch):
    docs = _chunk()
    alone = [validate_extraction(doc, CFG, TODAY) for doc in docs]
    calls = []
    for doc_type, model in schemas.SCHEMAS.items():
        checked = model.validate
        monkeypatch.setattr(model, "validate", lambda frame, *a, _v=checked, _t=doc_type, **k: calls.append(_t) or _v(frame, *a, **k))
    assert validate_chunk.fn(docs, CFG, TODAY) == alone
    assert sorted(calls) == sorted(GOOD)


def test_a_document_whose_frame_cannot_be_built_fails_alone_and_the_rest_are_still_checked():
    broken = make("loan_application", loan_term_months=10**30)  # beyond Int64: the typed frame cannot hold it
    docs = [make("loan_application", loan_amount="999.99"), broken, make("loan_application")]
    results = validate_chunk.fn(docs, CFG, TODAY)
    assert results[1].status == Status.FAILED and results[1].issues[-1].stage == "validate-extraction"
    assert [issue.field for issue in results[0].issues] == ["loan_amount"]
    assert results[2] == docs[2]
    with pytest.raises(Exception):  # noqa: B017 - alone, the stage raises; the task turns it into the outcome
        validate_extraction(broken, CFG, TODAY)
