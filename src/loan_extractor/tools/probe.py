"""Is everything installed? Checked once at start, so a missing binary fails the run at once."""

from __future__ import annotations

import shutil

from loan_extractor.config import OcrConfig
from loan_extractor.errors import ToolMissingError
from loan_extractor.tools import tesseract

POPPLER_BINARIES = ("pdfinfo", "pdftotext", "pdftoppm")


def check_tools(language: str) -> None:
    """Raise `ToolMissingError` saying how to install whatever is missing."""
    missing = [name for name in POPPLER_BINARIES if shutil.which(name) is None]
    if missing:
        raise ToolMissingError(f"{', '.join(missing)} not found: install poppler (apt-get install poppler-utils)")
    tesseract.check_installed(language)


def check_ocr_models(ocr: OcrConfig) -> None:
    """The OCR language, and the optional name model (a warning when missing, unless required)."""
    check_tools(ocr.language)
    tesseract.check_script_model(ocr.name_model, ocr.name_model_required)
