"""An `s3://BUCKET/KEY` source naming one object exactly: what an object-created event hands the flow."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from loan_extractor.sources.s3 import S3Source
from loan_extractor.stages.acquire import acquire

pytestmark = pytest.mark.s3


def test_full_key_lists_that_object_alone_with_the_loan_id_of_its_folder(s3_bucket, tmp_path: Path) -> None:
    key = "incoming/L-1001/pay stub été +1.pdf"
    for other in ("incoming/L-1001/pay stub été +1.pdf.bak", "incoming/L-1001/other.pdf", "incoming/L-1002/x.pdf"):
        s3_bucket.put(other, b"other")
    s3_bucket.put(key, b"%PDF-1.4 the one")
    source = S3Source.from_uri(f"s3://{s3_bucket.name}/{key}", s3_bucket.client)
    (item,) = source.list_items()
    assert (item.uri, item.name, item.loan_id, item.size) == (f"s3://{s3_bucket.name}/{key}", "pay stub été +1.pdf", "L-1001", 16)
    (doc,) = acquire(source, tmp_path)
    assert doc.loan_id == "L-1001" and doc.sha256 == hashlib.sha256(b"%PDF-1.4 the one").hexdigest()


def test_object_at_the_bucket_root_has_no_loan_id(s3_bucket) -> None:
    s3_bucket.put("scan.png", b"x")
    (item,) = S3Source(s3_bucket.client, s3_bucket.name, "scan.png").list_items()
    assert (item.name, item.loan_id) == ("scan.png", None)


def test_a_prefix_that_is_no_object_still_lists_the_folder(s3_bucket) -> None:
    for key in ("incoming/L1/a.pdf", "incoming/L1/b.pdf", "incoming-old/L9/c.pdf"):
        s3_bucket.put(key, b"x")
    items = list(S3Source(s3_bucket.client, s3_bucket.name, "incoming").list_items())
    assert [(i.name, i.loan_id) for i in items] == [("a.pdf", "L1"), ("b.pdf", "L1")]
    assert list(S3Source(s3_bucket.client, s3_bucket.name, "incoming/L1/a").list_items()) == []


def test_a_missing_key_lists_nothing(s3_bucket) -> None:
    s3_bucket.put("incoming/L1/a.pdf", b"x")
    assert list(S3Source(s3_bucket.client, s3_bucket.name, "incoming/L1/gone.pdf").list_items()) == []
