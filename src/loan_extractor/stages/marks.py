"""A loan purpose ticked in a drawn checkbox, read from the page's ink when its words show no mark.

Part of stage 4 (extract): a scan's page image is already in the work folder; a text-layer PDF's
page is rendered for it, only when its purpose row printed several options and no mark.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from loan_extractor import page_pixels
from loan_extractor.config import PipelineConfig
from loan_extractor.errors import ToolError
from loan_extractor.extraction.checkboxes import purpose_options, ticked
from loan_extractor.extraction.fields import FieldValue
from loan_extractor.extraction.words import Line
from loan_extractor.models import Document, PageImage
from loan_extractor.tools import poppler

MARK_DPI = 150  # a text-layer page is rendered this fine to look at its checkboxes (a 9 pt square is 19 px)


def ticked_purpose(doc: Document, lines: Sequence[Line], cfg: PipelineConfig) -> FieldValue | None:
    """The purpose whose drawn square is clearly ticked, or None (no such row, no clear tick, no image)."""
    options = purpose_options(lines)
    if not options:
        return None
    page = options[0].word.page
    try:
        gray, scale = _page_gray(doc, page, cfg)
    except (ToolError, OSError):
        return None  # the purpose stays unread and is reported missing, as before
    if gray is None:
        return None
    found = ticked(gray, scale, options)
    if found is None:
        return None
    option, conf = found
    return FieldValue(option.code, round(conf * option.word.conf, 3), (option.word,))


def _page_gray(doc: Document, page: int, cfg: PipelineConfig) -> tuple[np.ndarray | None, float]:
    """The page as grey pixels and its pixels per point."""
    if doc.text_source == "text_layer":
        with tempfile.TemporaryDirectory(prefix="marks-") as folder:
            paths = poppler.render_pages(Path(doc.local_path), Path(folder), MARK_DPI, page, page,
                                         cfg.ocr.page_timeout_seconds)
            gray = cv2.imread(str(paths[0]), cv2.IMREAD_GRAYSCALE) if paths else None
        return gray, MARK_DPI / 72.0
    image = next((i for i in doc.page_images if i.number == page), None)
    if image is None:
        return None, 1.0
    return page_pixels.read_gray(image.path), pixel_density(image) / 72.0


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
