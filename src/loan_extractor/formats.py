"""What a file is, told by its first bytes; the extension is never trusted on its own."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"

SUPPORTED = frozenset({PDF, PNG, JPEG, TIFF})

# Extensions that agree with each supported format (.tif/.tiff and .jpg/.jpeg are the same).
EXTENSIONS: dict[str, frozenset[str]] = {
    PDF: frozenset({".pdf"}),
    PNG: frozenset({".png"}),
    JPEG: frozenset({".jpg", ".jpeg", ".jpe", ".jfif"}),
    TIFF: frozenset({".tif", ".tiff"}),
}

_HEAD_BYTES = 2048
# PDF readers accept the header anywhere in the first 1024 bytes (some scanners prepend junk).
_PDF_HEADER_WINDOW = 1024

# Recognisable unsupported formats, so a rejection can say what the file looks like.
_OTHER_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Microsoft Office file (DOC/XLS)"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"{\\rtf", "an RTF document"),
    (b"%!PS", "a PostScript file"),
    (b"II+\x00", "a BigTIFF image"),
)
_ZIP_KINDS = (("word/", "a Word document (DOCX)"), ("xl/", "an Excel workbook (XLSX)"), ("ppt/", "a PowerPoint file (PPTX)"))


@dataclass(frozen=True)
class Sniffed:
    """The detected format: a supported media type, or None with a description of what it looks like."""

    media_type: str | None
    description: str


def sniff_bytes(head: bytes) -> Sniffed:
    """Classify a file by its first bytes (at least the first 2 KiB for text detection)."""
    if 0 <= head.find(b"%PDF-") < _PDF_HEADER_WINDOW:
        return Sniffed(PDF, "a PDF")
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Sniffed(PNG, "a PNG image")
    if head.startswith(b"\xff\xd8\xff"):
        return Sniffed(JPEG, "a JPEG image")
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return Sniffed(TIFF, "a TIFF image")
    if head[8:12] == b"WEBP" and head.startswith(b"RIFF"):
        return Sniffed(None, "a WebP image")
    if head.startswith(b"BM") and head[6:10] == b"\0\0\0\0":  # reserved bytes: not text starting "BM"
        return Sniffed(None, "a BMP image")
    for signature, description in _OTHER_SIGNATURES:
        if head.startswith(signature):
            return Sniffed(None, description)
    return Sniffed(None, _describe_text(head))


def sniff_file(path: Path) -> Sniffed:
    """Classify a file by its first bytes; a ZIP is opened (central directory only) to name Office files."""
    with path.open("rb") as handle:
        head = handle.read(_HEAD_BYTES)
    sniffed = sniff_bytes(head)
    if sniffed.description == "a ZIP archive":
        return Sniffed(None, _describe_zip(path))
    return sniffed


def extension_agrees(name: str, media_type: str) -> bool:
    """True when the name has no extension or one that fits the detected format."""
    suffix = PurePosixPath(name).suffix.lower()
    return not suffix or suffix in EXTENSIONS.get(media_type, frozenset())


def _describe_text(head: bytes) -> str:
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<!doctype html", b"<html")) or b"<html" in stripped[:512]:
        return "an HTML page"
    if stripped.startswith(b"<?xml"):
        return "an XML file"
    if stripped.startswith((b"{", b"[")):
        return "a JSON or text file"
    if not head:
        return "an empty file"
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        # The cut at 2 KiB may split a multi-byte character: try once without the last few bytes.
        try:
            text = head[:-3].decode("utf-8")
        except UnicodeDecodeError:
            return "an unrecognised binary file"
    printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text)
    return "a plain text file" if printable >= 0.95 * max(len(text), 1) else "an unrecognised binary file"


def _describe_zip(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return "a ZIP archive (damaged)"
    for prefix, description in _ZIP_KINDS:
        if any(name.startswith(prefix) for name in names):
            return description
    if "mimetype" in names and any(name == "content.xml" for name in names):
        return "an OpenDocument file"
    return "a ZIP archive"
