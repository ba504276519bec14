"""Stage 2: is this input something the pipeline can and should process?

Bad input ends here as `rejected` with a reason and a sentence naming the file; nothing is
decoded beyond headers except where that is the only way to see damage (see `_check_pixels`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from PIL import Image
from pydantic import BaseModel, ConfigDict

from loan_extractor import formats
from loan_extractor.config import Limits
from loan_extractor.errors import ToolError, ToolTimeoutError
from loan_extractor.models import Document, Reason
from loan_extractor.tools import poppler

STAGE = "validate-input"
_MIB = 1024 * 1024
# PDF readers look for the end-of-file marker in the last 1024 bytes; its absence means a cut-off file.
_EOF_WINDOW = 1024
# What Pillow raises on damaged files: its plugins use SyntaxError for bad headers, struct/EOF for short reads.
_BROKEN_IMAGE = (OSError, SyntaxError, ValueError, EOFError, IndexError)


class DuplicateIndex(BaseModel):
    """Content hashes seen so far: the run's first document per hash, and what storage already holds."""

    model_config = ConfigDict(frozen=True)

    first_by_hash: dict[str, str] = {}
    stored: frozenset[str] = frozenset()


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's content, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(_MIB):
            digest.update(block)
    return digest.hexdigest()


def build_duplicate_index(docs: list[Document], stored_hashes: Iterable[str]) -> DuplicateIndex:
    """Index the run's documents in acquisition order; a hash's first document is the original."""
    first: dict[str, str] = {}
    for doc in docs:
        if doc.is_terminal:
            continue
        digest = doc.sha256 or _digest_if_readable(Path(doc.local_path))
        if digest:
            first.setdefault(digest, doc.doc_id)
    return DuplicateIndex(first_by_hash=first, stored=frozenset(stored_hashes))


def check_input(doc: Document, limits: Limits, duplicates: DuplicateIndex, render_dpi: int = 300) -> Document:
    """Reject empty, oversized, unsupported, encrypted, corrupt, over-limit and duplicate inputs.

    On success the record gains its media type, page count and pages, size and hash; an
    extension that disagrees with the content is an issue (the document goes on, to review).
    """
    if doc.is_terminal:
        return doc
    path = Path(doc.local_path)
    size = doc.size_bytes if doc.size_bytes is not None else path.stat().st_size
    doc = doc.update(size_bytes=size)
    if size == 0:
        return _reject(doc, Reason.UNSUPPORTED_FORMAT, "is empty (0 bytes): upload or scan it again")
    if size > limits.max_file_bytes:
        return _reject(
            doc,
            Reason.TOO_LARGE,
            f"is {size / _MIB:.1f} MiB, over the {limits.max_file_bytes / _MIB:.0f} MiB limit: "
            "split it or scan at a lower resolution",
        )
    sniffed = formats.sniff_file(path)
    if sniffed.media_type is None:
        return _reject(
            doc,
            Reason.UNSUPPORTED_FORMAT,
            f"looks like {sniffed.description}, not a PDF, PNG, JPEG or TIFF: save or print it as PDF and send it again",
        )
    doc = doc.update(media_type=sniffed.media_type)
    if sniffed.media_type == formats.PDF:
        doc = _check_pdf(doc, path, limits, render_dpi)
    else:
        doc = _check_image(doc, path, limits)
    return doc if doc.is_terminal else _check_duplicate_and_name(doc, path, duplicates)


def _check_pdf(doc: Document, path: Path, limits: Limits, render_dpi: int) -> Document:
    try:
        info = poppler.pdf_info(path)
    except ToolTimeoutError:
        raise  # may be a loaded machine rather than the file: let the retries decide
    except ToolError as exc:
        said = exc.stderr.strip().splitlines()[-1:] or ["no details"]
        return _reject(doc, Reason.CORRUPT, f"is a damaged PDF (pdfinfo: {said[0]}): export or scan it again")
    if info.needs_password:
        return _reject(doc, Reason.ENCRYPTED, "is protected by a password: ask the sender for an unprotected copy")
    if not _has_eof_marker(path):
        return _reject(doc, Reason.CORRUPT, "is truncated (no %%EOF marker at the end): fetch or upload it again")
    if info.pages == 0:
        return _reject(doc, Reason.CORRUPT, "is a PDF with no pages: export or scan it again")
    if info.pages > limits.max_pages:
        return _too_many_pages(doc, info.pages, limits)
    sizes = poppler.page_sizes(path, info)
    for number, (width_pt, height_pt) in enumerate(sizes, start=1):
        pixels = round(width_pt / 72 * render_dpi) * round(height_pt / 72 * render_dpi)
        if pixels > limits.max_page_pixels:
            return _too_many_pixels(doc, number, pixels, limits)
    return doc.update(page_count=info.pages, pages=tuple(range(1, info.pages + 1)))


def _check_image(doc: Document, path: Path, limits: Limits) -> Document:
    try:
        with Image.open(path) as image:
            # Only TIFF pages are pages: extra JPEG (MPO) or PNG (APNG) frames are thumbnails or animation.
            frames = getattr(image, "n_frames", 1) if doc.media_type == formats.TIFF else 1
            if frames > limits.max_pages:
                return _too_many_pages(doc, frames, limits)
            for number in range(1, frames + 1):
                image.seek(number - 1)
                width, height = image.size
                if width * height > limits.max_page_pixels:
                    return _too_many_pixels(doc, number, width * height, limits)
        _check_pixels(path, doc.media_type or "", frames)
    except Image.DecompressionBombError:
        # Pillow's own ceiling (twice Image.MAX_IMAGE_PIXELS) caught it before our per-frame check.
        return _reject(doc, Reason.TOO_MANY_PIXELS, "declares an image too large to decode safely: scan it at 300 DPI")
    except _BROKEN_IMAGE as exc:
        return _reject(doc, Reason.CORRUPT, f"is a damaged image ({exc}): scan or export it again")
    return doc.update(page_count=frames, pages=tuple(range(1, frames + 1)))


def _check_pixels(path: Path, media_type: str, frames: int) -> None:
    """Read the compressed data, so a truncated file shows now (raises Pillow's errors)."""
    with Image.open(path) as image:
        if media_type == formats.PNG:
            image.verify()  # walks every chunk and checks its CRC without inflating the pixels
        elif media_type == formats.JPEG:
            image.draft("L", (max(1, image.width // 8), max(1, image.height // 8)))
            image.load()  # decodes at 1/8 scale: cheap, but still reads every scan to the end
        else:
            for index in range(frames):  # TIFF has no cheap check: decode each page once
                image.seek(index)
                image.load()


def _check_duplicate_and_name(doc: Document, path: Path, duplicates: DuplicateIndex) -> Document:
    digest = doc.sha256 or file_sha256(path)
    doc = doc.update(sha256=digest)
    if digest in duplicates.stored:
        message = f"has the same content as a document already processed (sha256 {digest[:12]}): nothing to do"
        return _reject(doc, Reason.DUPLICATE, message)
    original = duplicates.first_by_hash.get(digest, doc.doc_id)
    if original != doc.doc_id:
        return _reject(doc, Reason.DUPLICATE, f"has the same content as document {original} in this run: nothing to do")
    if not formats.extension_agrees(doc.source, doc.media_type or ""):
        suffix = Path(doc.source).suffix
        message = f"{doc.source} has the extension {suffix} but holds {doc.media_type}: check it is the intended file."
        return doc.with_issue(STAGE, Reason.EXTENSION_MISMATCH, message)
    return doc


def _has_eof_marker(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(max(0, path.stat().st_size - _EOF_WINDOW))
        return b"%%EOF" in handle.read()


def _too_many_pages(doc: Document, pages: int, limits: Limits) -> Document:
    message = f"has {pages} pages, over the limit of {limits.max_pages}: split it into separate documents"
    return _reject(doc, Reason.TOO_MANY_PAGES, message)


def _too_many_pixels(doc: Document, page: int, pixels: int, limits: Limits) -> Document:
    message = (
        f"page {page} would be {pixels / 1e6:.0f} megapixels, over the {limits.max_page_pixels / 1e6:.0f} MP limit: "
        "scan it at a lower resolution or a normal page size"
    )
    return _reject(doc, Reason.TOO_MANY_PIXELS, message)


def _reject(doc: Document, reason: Reason, message: str) -> Document:
    return doc.with_issue(STAGE, reason, f"{doc.source} {message}.")


def _digest_if_readable(path: Path) -> str | None:
    try:
        return file_sha256(path)
    except OSError:
        return None  # an unreadable file is reported by check_input, not by the index
