"""Stage 2: every rejection reason is asserted on the returned record, bad files made in tmp_path."""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from loan_extractor import formats
from loan_extractor.config import Limits
from loan_extractor.models import Document, Reason, Status
from loan_extractor.stages.intake import DuplicateIndex, build_duplicate_index, check_input, file_sha256

NO_DUPLICATES = DuplicateIndex()


def _doc(path: Path, doc_id: str = "d1") -> Document:
    return Document(doc_id=doc_id, source=f"loans/L1/{path.name}", local_path=str(path))


def _check(path: Path, limits: Limits | None = None, index: DuplicateIndex = NO_DUPLICATES) -> Document:
    return check_input(_doc(path), limits or Limits(), index)


def _assert_rejected(doc: Document, reason: Reason) -> None:
    assert doc.status == Status.REJECTED, doc.issues
    assert doc.reason == reason
    assert doc.source in doc.issues[-1].message  # every message names the file


def _pdf(path: Path, pages: int = 1, pagesize: tuple[float, float] = letter, **kwargs: object) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=pagesize, **kwargs)
    for number in range(pages):
        pdf.drawString(72, 700, f"Earnings Statement page {number + 1} Gross Pay 4,210.55")
        pdf.showPage()
    pdf.save()
    return path


def _png_header(path: Path, width: int, height: int) -> Path:
    """A valid-looking PNG that only claims its size: a few dozen bytes, nothing big is allocated."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))
    return path


def _image(path: Path, fmt: str, size: tuple[int, int] = (120, 160)) -> Path:
    Image.new("L", size, 255).save(path, fmt)
    return path


def test_empty_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "stub.pdf"
    path.write_bytes(b"")
    _assert_rejected(_check(path), Reason.UNSUPPORTED_FORMAT)  # the contract: zero bytes are unsupported


def test_file_over_the_size_limit_is_rejected_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"0" * 5000)
    doc = _check(path, Limits(max_file_bytes=1000))
    _assert_rejected(doc, Reason.TOO_LARGE)
    assert doc.sha256 is None and doc.size_bytes == 5009


@pytest.mark.parametrize(
    ("name", "content", "looks_like"),
    [
        ("page.pdf", b"<!DOCTYPE html><html><body>Pay stub</body></html>", "HTML"),
        ("notes.txt", b"Gross pay 4210.55 for March\n" * 10, "plain text"),
        ("image.gif", b"GIF89a" + b"\0" * 100, "GIF"),
    ],
)
def test_other_formats_are_unsupported(tmp_path: Path, name: str, content: bytes, looks_like: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    doc = _check(path)
    _assert_rejected(doc, Reason.UNSUPPORTED_FORMAT)
    assert looks_like in doc.issues[0].message


def test_zip_and_docx_are_unsupported_and_named(tmp_path: Path) -> None:
    archive = tmp_path / "scans.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("a.txt", "hello")
    docx = tmp_path / "letter.docx"
    with zipfile.ZipFile(docx, "w") as out:
        out.writestr("[Content_Types].xml", "<Types/>")
        out.writestr("word/document.xml", "<w:document/>")
    zipped, worded = _check(archive), _check(docx)
    _assert_rejected(zipped, Reason.UNSUPPORTED_FORMAT)
    _assert_rejected(worded, Reason.UNSUPPORTED_FORMAT)
    assert "a ZIP archive" in zipped.issues[0].message
    assert "Word document" in worded.issues[0].message


def test_sniffing_ignores_the_extension() -> None:
    assert formats.sniff_bytes(b"%PDF-1.7\n...").media_type == formats.PDF
    assert formats.sniff_bytes(b"II*\x00\x08\x00").media_type == formats.TIFF
    assert formats.sniff_bytes(b"MM\x00*\x00\x00").media_type == formats.TIFF
    assert formats.sniff_bytes(b"\xff\xd8\xff\xe0").media_type == formats.JPEG
    assert formats.sniff_bytes(b"BMW service invoice").description == "a plain text file"


@pytest.mark.tesseract
def test_valid_pdf_gets_type_pages_and_hash(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "stub.pdf", pages=3)
    doc = _check(path)
    assert doc.status is None and not doc.issues
    assert (doc.media_type, doc.page_count, doc.pages) == (formats.PDF, 3, (1, 2, 3))
    assert doc.sha256 == file_sha256(path) and doc.size_bytes == path.stat().st_size


@pytest.mark.tesseract
def test_truncated_pdf_is_corrupt(tmp_path: Path) -> None:
    whole = _pdf(tmp_path / "whole.pdf", pages=2).read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[: len(whole) // 2])
    _assert_rejected(_check(path), Reason.CORRUPT)


@pytest.mark.tesseract
def test_garbage_after_pdf_header_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    _assert_rejected(_check(path), Reason.CORRUPT)


@pytest.mark.tesseract
def test_password_protected_pdf_is_encrypted(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "locked.pdf", encrypt="pw")
    doc = _check(path)
    _assert_rejected(doc, Reason.ENCRYPTED)
    assert "password" in doc.issues[0].message


@pytest.mark.tesseract
def test_pdf_over_the_page_limit(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "package.pdf", pages=3)
    doc = _check(path, Limits(max_pages=2))
    _assert_rejected(doc, Reason.TOO_MANY_PAGES)
    assert "3 pages" in doc.issues[0].message


@pytest.mark.tesseract
def test_pdf_page_that_would_render_too_large_even_after_a_normal_first_page(tmp_path: Path) -> None:
    path = tmp_path / "poster.pdf"
    pdf = canvas.Canvas(str(path), pagesize=letter)
    pdf.drawString(72, 700, "normal page")
    pdf.showPage()
    pdf.setPageSize((14400, 14400))  # 200 x 200 inches: 3.6 gigapixels at 300 DPI
    pdf.drawString(72, 700, "huge page")
    pdf.showPage()
    pdf.save()
    doc = check_input(_doc(path), Limits(), NO_DUPLICATES, render_dpi=300)
    _assert_rejected(doc, Reason.TOO_MANY_PIXELS)
    assert "page 2" in doc.issues[0].message


def test_png_header_claiming_a_huge_image_is_rejected_without_decoding(tmp_path: Path) -> None:
    bomb = _png_header(tmp_path / "bomb.png", 20000, 20000)
    _assert_rejected(_check(bomb), Reason.TOO_MANY_PIXELS)


def test_image_over_a_configured_pixel_limit(tmp_path: Path) -> None:
    path = _png_header(tmp_path / "wide.png", 4000, 3000)
    _assert_rejected(_check(path, Limits(max_page_pixels=10_000_000)), Reason.TOO_MANY_PIXELS)


def test_multipage_tiff_counts_frames_against_the_page_limit(tmp_path: Path) -> None:
    path = tmp_path / "statement.tif"
    frames = [Image.new("L", (100, 140), 255) for _ in range(3)]
    frames[0].save(path, "TIFF", save_all=True, append_images=frames[1:])
    _assert_rejected(_check(path, Limits(max_pages=2)), Reason.TOO_MANY_PAGES)
    accepted = _check(path)
    assert accepted.status is None and (accepted.media_type, accepted.pages) == (formats.TIFF, (1, 2, 3))


@pytest.mark.parametrize(("name", "fmt"), [("scan.png", "PNG"), ("scan.jpg", "JPEG")])
def test_truncated_image_is_corrupt(tmp_path: Path, name: str, fmt: str) -> None:
    noise = Image.effect_noise((400, 300), 60).convert("L")
    whole = tmp_path / f"whole-{name}"
    noise.save(whole, fmt)
    path = tmp_path / name
    path.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    _assert_rejected(_check(path), Reason.CORRUPT)


def test_extension_that_disagrees_with_content_is_an_issue_not_a_rejection(tmp_path: Path) -> None:
    doc = _check(_image(tmp_path / "paystub.jpg", "PNG"))
    assert doc.status is None and doc.media_type == formats.PNG
    assert [issue.reason for issue in doc.issues] == [Reason.EXTENSION_MISMATCH]
    assert doc.finalised().status == Status.NEEDS_REVIEW


@pytest.mark.parametrize(("name", "fmt"), [("a.jpeg", "JPEG"), ("b.JPG", "JPEG"), ("c.tiff", "TIFF"), ("d.TIF", "TIFF"), ("e", "PNG")])
def test_equivalent_or_missing_extensions_are_fine(tmp_path: Path, name: str, fmt: str) -> None:
    assert _check(_image(tmp_path / name, fmt)).issues == ()


def test_duplicate_within_the_run_names_the_first_document(tmp_path: Path) -> None:
    first, second = _image(tmp_path / "a.png", "PNG"), _image(tmp_path / "b.png", "PNG")
    docs = [_doc(first, "doc-a"), _doc(second, "doc-b")]
    index = build_duplicate_index(docs, stored_hashes=[])
    checked = [check_input(doc, Limits(), index) for doc in docs]
    assert checked[0].status is None
    _assert_rejected(checked[1], Reason.DUPLICATE)
    assert "doc-a" in checked[1].issues[0].message


def test_duplicate_of_a_stored_document(tmp_path: Path) -> None:
    path = _image(tmp_path / "a.png", "PNG")
    other = _image(tmp_path / "b.png", "PNG", size=(50, 50))
    index = build_duplicate_index([_doc(path), _doc(other, "d2")], stored_hashes={file_sha256(path)})
    _assert_rejected(check_input(_doc(path), Limits(), index), Reason.DUPLICATE)
    assert check_input(_doc(other, "d2"), Limits(), index).status is None


def test_terminal_documents_pass_through_untouched(tmp_path: Path) -> None:
    failed = _doc(tmp_path / "missing.pdf").with_issue("acquire", Reason.SOURCE_UNAVAILABLE, "gone")
    assert check_input(failed, Limits(), NO_DUPLICATES) == failed
