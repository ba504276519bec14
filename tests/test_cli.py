"""The `loan-extractor` command as a user runs it: a real process, JSON Lines on stdout."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from loan_extractor.spec import fields_of
from tests.conftest import SAMPLES

KEYS = ["source", "pages", "status", "reason", "doc_type", "fields", "confidence", "errors", "anomalies"]


def _extract(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "loan_extractor.cli", "extract", *args], capture_output=True, text=True, timeout=300)


@pytest.mark.tesseract
def test_extract_prints_one_contract_line_per_file(tmp_path: Path) -> None:
    zipped = tmp_path / "statement.pdf"
    zipped.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    files = [SAMPLES / "L1001" / "w2.pdf", SAMPLES / "L1002" / "pay_stub.png", SAMPLES / "truncated.pdf", zipped]
    done = _extract(*map(str, files))
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [line["source"] for line in lines] == [str(f) for f in files]
    assert all(list(line) == KEYS for line in lines)
    w2, stub, truncated, fake = lines
    assert (w2["status"], w2["doc_type"], w2["pages"]) == ("processed", "w2", [1])
    assert set(w2["fields"]) == set(fields_of("w2")) and all(0 <= c <= 1 for c in w2["confidence"].values())
    assert stub["doc_type"] == "pay_stub" and stub["status"] == "processed"
    assert (truncated["status"], truncated["reason"], truncated["pages"]) == ("rejected", "corrupt", [])
    assert (fake["status"], fake["reason"], fake["fields"]) == ("rejected", "unsupported_format", {})
    assert fake["errors"][0]["message"].startswith(str(zipped))


@pytest.mark.tesseract
def test_loan_id_groups_files_for_cross_document_rules() -> None:
    loan = SAMPLES / "L1004"
    done = _extract("--loan-id", "L1004", *(str(p) for p in sorted(loan.iterdir())))
    assert done.returncode == 0, done.stderr
    kinds = {a["kind"] for line in done.stdout.splitlines() for a in json.loads(line)["anomalies"]}
    assert "name_mismatch" in kinds


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    done = _extract(str(tmp_path / "nope.pdf"))
    assert done.returncode == 2
    assert "no such file" in done.stderr and done.stdout == ""


@pytest.mark.tesseract
def test_boxes_locate_every_read_field_on_its_page() -> None:
    """--boxes adds, beside the contract's keys, the page and box each value was read from."""
    done = _extract("--boxes", str(SAMPLES / "L1001" / "w2.pdf"), str(SAMPLES / "L1002" / "pay_stub.png"))
    assert done.returncode == 0, done.stderr
    for line in map(json.loads, done.stdout.splitlines()):
        assert list(line) == [*KEYS, "boxes"]
        read = {name for name, value in line["fields"].items() if value is not None}
        assert read and set(line["boxes"]) == read, line["source"]
        for box in line["boxes"].values():
            assert box["page"] == 1 and 0 <= box["x0"] < box["x1"] <= 612 and 0 <= box["y0"] < box["y1"] <= 792, box
