"""Stage 4, extract: words (text layer or OCR), the document's type, and its typed fields with confidences."""

from __future__ import annotations

import os
import statistics
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PIL import Image

from loan_extractor.config import PipelineConfig
from loan_extractor.extraction.classify import classify
from loan_extractor.extraction.fields import FieldValue, extract_fields
from loan_extractor.extraction.redact import redact_text
from loan_extractor.extraction.words import Line, Word, build_lines, from_ocr, from_text_layer
from loan_extractor.models import Document, PageImage, Reason
from loan_extractor.spec import DocType
from loan_extractor.tools import poppler, tesseract

STAGE = "extract"
TEXT_LAYER_CONFIDENCE = 1.0  # text-layer characters are exact; a field's confidence is then its parse confidence


def extract_document(doc: Document, cfg: PipelineConfig) -> Document:
    """Read the document's words, classify it and fill every field of its type; issues for what is missing.

    Tool failures (ToolError, ToolTimeoutError, ToolMissingError) are raised for the caller to retry or record.
    """
    if doc.is_terminal:
        return doc
    return extract_from_words(doc, read_words(doc, cfg), cfg)


def extract_from_words(doc: Document, words: list[Word], cfg: PipelineConfig) -> Document:
    """Classify the already-read words (unless the record carries a type from package splitting) and fill fields.

    Package splitting reads a file's words once, classifies its pages, and hands each logical
    document its own words here, so OCR never runs twice on a page.
    """
    lines = build_lines(words)
    if doc.doc_type is None:
        doc_type, type_confidence = classify(lines, cfg.extraction.min_type_score)
    else:
        doc_type, type_confidence = doc.doc_type, doc.type_confidence or 0.0
    values = extract_fields(doc_type, lines)
    out = doc.update(
        text=redact_text(document_text(lines)),
        ocr_confidence=round(statistics.fmean(w.conf for w in words), 3) if words else 0.0,
        doc_type=doc_type,
        type_confidence=type_confidence,
        fields={name: v.value if v else None for name, v in values.items()},
        confidence={name: v.conf if v else 0.0 for name, v in values.items()},
    )
    return _with_issues(out, values, cfg)


def read_words(doc: Document, cfg: PipelineConfig) -> list[Word]:
    """The document's words: from the PDF's text layer when stage 3 chose it, else tesseract on each page image."""
    if doc.text_source == "text_layer":
        pages = doc.pages or (1,)
        found = poppler.text_words(Path(doc.local_path), min(pages), max(pages), timeout=cfg.ocr.page_timeout_seconds)
        return [w for w in from_text_layer(found) if w.page in set(pages)]
    images = list(doc.page_images)
    if not images:
        return []
    workers = max(1, min(len(images), os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        per_page = list(pool.map(lambda image: _ocr_page(image, cfg), images))
    return [w for page in per_page for w in page]


def _ocr_page(image: PageImage, cfg: PipelineConfig) -> list[Word]:
    dpi = pixel_density(image)
    found = tesseract.ocr_words(Path(image.path), cfg.ocr.language, cfg.ocr.page_timeout_seconds, dpi=dpi)
    return from_ocr(found, image.number, dpi)


def pixel_density(image: PageImage) -> float:
    """The page image's own pixels per inch (its PNG header), else the PageImage's figure.

    PageImage.dpi may be the source scan's resolution while the page was rendered finer.
    """
    try:
        with Image.open(image.path) as im:
            declared = im.info.get("dpi")
    except OSError:
        declared = None
    return float(declared[0]) if declared and declared[0] >= 50 else image.dpi


def document_text(lines: list[Line]) -> str:
    """Lines in reading order, cells of a line two spaces apart, pages a blank line apart (not yet redacted)."""
    out: list[str] = []
    for i, line in enumerate(lines):
        if i and line.page != lines[i - 1].page:
            out.append("")
        cells: list[list[str]] = []
        for word, segment in zip(line.words, line.segment_of):
            if segment == len(cells):
                cells.append([])
            cells[-1].append(word.text)
        out.append("  ".join(" ".join(cell) for cell in cells))
    return "\n".join(out)


def _with_issues(doc: Document, values: dict[str, FieldValue | None], cfg: PipelineConfig) -> Document:
    if doc.doc_type is DocType.UNKNOWN:
        return doc.with_issue(STAGE, Reason.UNKNOWN_TYPE, f"{doc.source}: not recognised as any supported document type")
    for name, value in values.items():
        if value is None:
            doc = doc.with_issue(STAGE, Reason.MISSING_FIELD, f"{doc.source}: field {name} could not be read", name)
        elif value.conf < cfg.extraction.min_field_confidence:
            message = f"{doc.source}: field {name} was read with low confidence ({value.conf:.2f})"
            doc = doc.with_issue(STAGE, Reason.LOW_CONFIDENCE, message, name)
    return doc
