"""Inputs the pipeline must reject or flag: empty, HTML, ZIP, truncated, encrypted, duplicate, foreign."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from loan_extractor.samples.documents import write_letter, write_pdf
from loan_extractor.samples.draw import Style
from loan_extractor.samples.values import SampleDoc

HTML = """<!DOCTYPE html>
<html><head><title>Pay stub</title></head>
<body><h1>Earnings Statement</h1><p>Saved web page, not a document scan.</p></body></html>
"""
# a fixed timestamp keeps the archive byte-identical from run to run
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)
ENCRYPTION_PASSWORD = "sample-password"


def _reject(reason: str, fmt: str, **meta: object) -> dict[str, object]:
    return {"doc_type": None, "loan_id": None, "fields": {}, "expected_status": "rejected",
            "expected_reason": reason, "meta": {"format": fmt, "layout": None, "dpi": None, "planted": None, **meta}}


def write_bad_inputs(out_dir: Path, spare: dict[str, SampleDoc], original: str) -> dict[str, dict[str, object]]:
    """Write the bad inputs at the top of `out_dir`; returns their truth entries by relative path.

    `original` is the relative path of a loan document to copy byte for byte; the copy's name sorts
    after every loan folder, so the original is always seen first.
    """
    truth: dict[str, dict[str, object]] = {}
    (out_dir / "empty.pdf").write_bytes(b"")
    truth["empty.pdf"] = _reject("unsupported_format", "empty")
    (out_dir / "page.html").write_text(HTML, encoding="utf-8")
    truth["page.html"] = _reject("unsupported_format", "html")
    _write_zip(out_dir / "archive.zip")
    truth["archive.zip"] = _reject("unsupported_format", "zip")
    _write_truncated(out_dir / "truncated.pdf", spare["w2"])
    truth["truncated.pdf"] = _reject("corrupt", "pdf_text")
    write_pdf(spare["loan_application"], "short_form", Style(), out_dir / "encrypted.pdf", encrypt=ENCRYPTION_PASSWORD)
    truth["encrypted.pdf"] = _reject("encrypted", "pdf_text")
    copy = f"zz_copy_of_{Path(original).name}"
    shutil.copyfile(out_dir / original, out_dir / copy)
    truth[copy] = _reject("duplicate", "pdf_text", copy_of=original)
    write_letter(out_dir / "letter.pdf")
    truth["letter.pdf"] = {"doc_type": "unknown", "loan_id": None, "fields": {}, "expected_status": "needs_review",
                           "expected_reason": "unknown_type",
                           "meta": {"format": "pdf_text", "layout": "letter", "dpi": None, "planted": None}}
    return truth


def _write_zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("statements/README.txt", date_time=_ZIP_TIME)
        archive.writestr(info, "Monthly statements, archived.\n")


def _write_truncated(path: Path, doc: SampleDoc) -> None:
    # the first half of a real PDF: the header is right, the cross-reference table is gone
    write_pdf(doc, "grid", Style(), path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
