"""How the bias table splits documents into groups: one function per slice, document -> group name.

A slice is named in `bias.slices` of the pipeline configuration: `doc_type`, `source_format`,
`quality_band`, `dpi_band`, `name_script`, or `meta:<key>` for a key of the document's source
metadata. `name_script` reads the reviewer's corrected name when the document has one: OCR that
drops the marks of "Núñez" would otherwise file a misread document under `ascii`, hiding the very
gap the slice is there to show.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

from loan_extractor.config import META_SLICE
from loan_extractor.evaluation.compare import NAME_FIELDS
from loan_extractor.extraction.redact import redact_text
from loan_extractor.models import Document
from loan_extractor.spec import fields_of

Slicer = Callable[[Document, Mapping[str, Any]], str]  # (document, its ground truth or {}) -> group

# quality_band cut-offs, applied to the document's worst page. Tesseract reads small print
# reliably from 200 DPI and misreads digits often under 150. On imaging.clarity_score's scale a
# crisp page scores ~0.99, a 1.5-pixel blur ~0.85, 2.5 pixels ~0.46, 4 pixels ~0.10: good keeps
# the first two, poor is the last, fair between
GOOD_DPI, POOR_DPI = 200.0, 150.0
GOOD_CLARITY, POOR_CLARITY = 0.6, 0.3
DPI_BANDS = ((150.0, "<150"), (200.0, "150-199"), (300.0, "200-299"))  # (upper bound, band); above: >=300
ASCII, LATIN_DIACRITICS, NO_NAME, MIXED = "ascii", "latin_diacritics", "no_name", "mixed"
NO_VALUE = "(none)"  # a metadata key the document does not have, as the evaluation's breakdowns say
_MAX_GROUP = 64
_FORMATS = {"image/png": "png", "image/jpeg": "jpeg", "image/tiff": "tiff"}


def source_format(doc: Document) -> str:
    """pdf_text, pdf_scan, png, jpeg or tiff; `other` when the format is not known."""
    if doc.media_type == "application/pdf":
        return {"text_layer": "pdf_text", "ocr": "pdf_scan"}.get(doc.text_source or "", "other")
    return _FORMATS.get(doc.media_type or "", "other")


def quality_band(doc: Document) -> str:
    """good, fair or poor from the worst page's DPI and clarity (cut-offs above).

    A text-layer PDF is `good`: its text never went through OCR. A document with no page
    images and no text layer is `unknown`.
    """
    if doc.text_source == "text_layer":
        return "good"
    if not doc.page_images:
        return "unknown"
    dpi = min(page.dpi for page in doc.page_images)
    clarity = min(page.clarity for page in doc.page_images)
    if dpi < POOR_DPI or clarity < POOR_CLARITY:
        return "poor"
    if dpi >= GOOD_DPI and clarity >= GOOD_CLARITY:
        return "good"
    return "fair"


def dpi_band(doc: Document) -> str:
    """<150, 150-199, 200-299 or >=300 by the worst page's DPI; `text_layer` when OCR never ran."""
    if doc.text_source == "text_layer":
        return "text_layer"
    if not doc.page_images:
        return "unknown"
    dpi = min(page.dpi for page in doc.page_images)
    return next((band for upper, band in DPI_BANDS if dpi < upper), ">=300")


def name_of(doc: Document, truth: Mapping[str, Any]) -> str | None:
    """The person's name the document prints: the reviewer's value when there is one, else the extracted one."""
    names = [field for field in fields_of(doc.doc_type) if field in NAME_FIELDS] if doc.doc_type else []
    for field in names:
        value = truth.get(field) if truth.get(field) is not None else doc.fields.get(field)
        if isinstance(value, str) and value.strip():
            return value
    return None


def script_of(name: str | None) -> str:
    """`ascii`, `latin_diacritics` (Latin letters with marks), the one other script's name
    (`cyrillic`, `greek`, `arabic`, `cjk`, ...), `mixed` for several, `no_name` for none."""
    if not name or not name.strip():
        return NO_NAME
    if name.isascii():
        return ASCII
    scripts = {unicodedata.name(ch, "UNKNOWN").split()[0].lower() for ch in name if ch.isalpha()}
    scripts.discard("latin")
    if not scripts:
        return LATIN_DIACRITICS
    return scripts.pop() if len(scripts) == 1 else MIXED


def meta_value(doc: Document, key: str) -> str:
    """One key of the document's source metadata, `(none)` when absent; cut to 64 characters and
    with SSN- or account-like numbers masked, since the value is stored and shown in reports."""
    value = doc.metadata.get(key)
    if value is None or not str(value).strip():
        return NO_VALUE
    return redact_text(" ".join(str(value).split()))[:_MAX_GROUP]


SLICERS: dict[str, Slicer] = {
    "doc_type": lambda doc, truth: str(doc.doc_type),
    "source_format": lambda doc, truth: source_format(doc),
    "quality_band": lambda doc, truth: quality_band(doc),
    "dpi_band": lambda doc, truth: dpi_band(doc),
    "name_script": lambda doc, truth: script_of(name_of(doc, truth)),
}


def slicer_for(name: str) -> Slicer | None:
    """The slice's function; None for a name that is neither known nor `meta:<key>`."""
    if name.startswith(META_SLICE) and len(name) > len(META_SLICE):
        key = name[len(META_SLICE):]
        return lambda doc, truth: meta_value(doc, key)
    return SLICERS.get(name)
