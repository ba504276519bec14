"""Stage 4, extract: words (text layer or OCR), the document's type, and its typed fields with confidences."""

from __future__ import annotations

import os
import statistics
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from loan_extractor import imaging, page_pixels
from loan_extractor.config import PipelineConfig
from loan_extractor.extraction import headings, reread, slots
from loan_extractor.extraction.classify import classify
from loan_extractor.extraction.fields import FieldValue, extract_fields, label_rules
from loan_extractor.extraction.redact import redact_text
from loan_extractor.extraction.visible import visible_words
from loan_extractor.extraction.words import (
    Line,
    Word,
    bounding_box,
    build_lines,
    from_ocr,
    from_text_layer,
)
from loan_extractor.models import Document, PageImage, Reason
from loan_extractor.spec import DocType
from loan_extractor.stages.marks import pixel_density, ticked_purpose
from loan_extractor.stages.preprocess import MIN_DESKEW_DEGREES
from loan_extractor.tools import poppler, tesseract

STAGE = "extract"
MIN_WORDS_TO_JUDGE = 8
UPRIGHT_MEAN_CONF = 0.6
UPRIGHT_WORDY_SHARE = 0.3
STANDING_SHARE = 0.5  # words of 3+ characters taller than wide: a page turned 90 degrees
MIN_OSD_CONFIDENCE = 2.0  # tesseract's orientation confidence; upright/turned generated pages score 5-6.5
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
    if doc_type is DocType.LOAN_APPLICATION and values.get("loan_purpose") is None:
        values = {**values, "loan_purpose": ticked_purpose(doc, lines, cfg)}
    if doc.text_source != "text_layer":
        values = fill_dropped_values(doc, doc_type, words, lines, values, cfg)
        values = fill_from_headings(doc, doc_type, words, values, cfg)
        values = reread_names(doc, doc_type, values, cfg)
    out = doc.update(
        text=redact_text(document_text(lines)),
        ocr_confidence=round(statistics.fmean(w.conf for w in words), 3) if words else 0.0,
        doc_type=doc_type,
        type_confidence=type_confidence,
        fields={name: v.value if v else None for name, v in values.items()},
        confidence={name: v.conf if v else 0.0 for name, v in values.items()},
        boxes={name: box for name, v in values.items() if v and (box := bounding_box(v.words))},
    )
    return _with_issues(out, values, cfg)


def read_words(doc: Document, cfg: PipelineConfig) -> list[Word]:
    """The document's words: from the PDF's text layer when stage 3 chose it, else tesseract on each page image."""
    if doc.text_source == "text_layer":
        pages = doc.pages or (1,)
        found = poppler.text_words(Path(doc.local_path), min(pages), max(pages), timeout=cfg.ocr.page_timeout_seconds)
        return visible_words([w for w in from_text_layer(found) if w.page in set(pages)], _rendered_pages(doc))
    images = list(doc.page_images)
    if not images:
        return []
    workers = max(1, min(len(images), os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        per_page = list(pool.map(lambda image: _ocr_page(image, cfg), images))
    return [w for page in per_page for w in page]


def _rendered_pages(doc: Document) -> dict[int, tuple[np.ndarray, float]]:
    """Grey pixels and pixels per point of the pages rendered as drawn (not deskewed), to see which words show."""
    pages = {}
    for image in doc.page_images:
        gray = page_pixels.read_gray(image.path) if abs(image.skew_degrees) <= MIN_DESKEW_DEGREES else None
        if gray is not None:
            pages[image.number] = (gray, pixel_density(image) / 72.0)
    return pages


def _ocr_page(image: PageImage, cfg: PipelineConfig) -> list[Word]:
    dpi = pixel_density(image)
    path, timeout = Path(image.path), cfg.ocr.page_timeout_seconds
    found = tesseract.ocr_words(path, cfg.ocr.language, timeout, dpi=dpi, pixels=page_pixels.for_ocr(path))
    if not reads_upright(found):
        found = _turn_upright(path, dpi, found, cfg)
    return from_ocr(found, image.number, dpi)


def reads_upright(words: list[tesseract.OcrWord]) -> bool:
    """Cheap test before paying for OSD: an upright page gives mostly confident words.

    Measured on generated pages: upright 0.93-0.94 mean confidence with 80% wordy words, also at 150 DPI;
    turned 180 degrees 0.30 and 10%; turned 90 degrees either that or (noisy scans) 0.95 with the word boxes
    standing on end. A page with almost no words has nothing to judge.
    """
    if len(words) < MIN_WORDS_TO_JUDGE:
        return True
    wordy = sum(w.conf >= 0.8 and sum(c.isalpha() for c in w.text) >= 3 for w in words)
    # Turned 90 degrees, tesseract reads the vertical lines confidently (0.95) but its boxes stand upright.
    long_words = [w for w in words if len(w.text) >= 3]
    standing = sum(w.height > w.width for w in long_words)
    return (statistics.fmean(w.conf for w in words) >= UPRIGHT_MEAN_CONF and wordy >= UPRIGHT_WORDY_SHARE * len(words)
            and standing <= STANDING_SHARE * len(long_words))


def _turn_upright(path: Path, dpi: float, found: list[tesseract.OcrWord],
                  cfg: PipelineConfig) -> list[tesseract.OcrWord]:
    """Turn the page image (in place) as OSD says and read it again; the first reading when that is no better."""
    timeout = cfg.ocr.page_timeout_seconds
    degrees, confidence = tesseract.detect_rotation(path, timeout, dpi)
    if degrees == 0 or confidence < MIN_OSD_CONFIDENCE:
        return found
    gray = page_pixels.read_gray(path)
    if gray is None:
        return found
    path.write_bytes(imaging.encode_png(imaging.turn_clockwise(gray, degrees), dpi))
    turned = tesseract.ocr_words(path, cfg.ocr.language, timeout, dpi=dpi, pixels=page_pixels.for_ocr(path))
    if reads_upright(turned) or _mean_conf(turned) > _mean_conf(found):
        return turned
    path.write_bytes(imaging.encode_png(gray, dpi))  # put the page back as it was
    return found


def _mean_conf(words: list[tesseract.OcrWord]) -> float:
    return statistics.fmean(w.conf for w in words) if words else 0.0


def fill_dropped_values(doc: Document, doc_type: DocType, words: list[Word], lines: list[Line],
                        values: dict[str, FieldValue | None], cfg: PipelineConfig) -> dict[str, FieldValue | None]:
    """Fields still unread, from values OCR dropped right of a label that ends its line (extraction/slots.py);
    fields already read keep their reading."""
    labels = slots.empty_slots(lines) if not all(values.values()) else []
    if not labels:
        return values
    found = slots.reread_slots(labels, page_scans(doc), cfg.ocr.language, cfg.ocr.page_timeout_seconds)
    return _fill_unread(doc_type, [*words, *found], values) if found else values


def fill_from_headings(doc: Document, doc_type: DocType, words: list[Word], values: dict[str, FieldValue | None],
                       cfg: PipelineConfig) -> dict[str, FieldValue | None]:
    """Fields still unread, from the page's large headings re-read on their own, or, where a year is unread and the
    page shows no large word, from its large print read again as sparse text (extraction/headings.py); fields
    already read keep their reading."""
    if all(values.values()):
        return values
    scans = page_scans(doc)
    language, timeout = cfg.ocr.language, cfg.ocr.page_timeout_seconds
    if headings.tall_words(words):
        more = headings.reread_headings(words, scans, language, timeout)
    elif any(values.get(name) is None for name, form in label_rules()[doc_type.value].get("formats", {}).items()
             if form == "year"):
        more = words + [w for page, scan in scans.items() for w in headings.read_large_print(scan, page, language, timeout)]
    else:
        return values
    return _fill_unread(doc_type, more, values)


def _fill_unread(doc_type: DocType, words: list[Word], values: dict[str, FieldValue | None]) -> dict[str, FieldValue | None]:
    """The fields read from `words` (the page's words with some read again) where `values` has none."""
    again = extract_fields(doc_type, build_lines(words))
    return {name: value or again.get(name) for name, value in values.items()}


def page_scans(doc: Document) -> dict[int, reread.PageScan]:
    """The document's page images to crop re-reads from, by page number."""
    return {image.number: reread.PageScan(Path(image.path), pixel_density(image)) for image in doc.page_images}


def reread_names(doc: Document, doc_type: DocType, values: dict[str, FieldValue | None],
                 cfg: PipelineConfig) -> dict[str, FieldValue | None]:
    """Name fields whose English reading looks misread, re-read by `ocr.name_model` from their region.

    Without the model installed the names keep their English reading (the start-up probe warned).
    """
    model = cfg.ocr.name_model
    names = label_rules().get(doc_type.value, {}).get("names", [])
    doubtful = [n for n in names if reread.doubtful(values.get(n), cfg.ocr.name_reread_below)]
    if not doubtful or not model or not tesseract.has_languages(model):
        return values
    better = reread.reread_names(values, doubtful, page_scans(doc), model, cfg.ocr.page_timeout_seconds)
    return {**values, **better}


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
