"""Text-layer words nobody can see (white on white, invisible render mode) are not read."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from loan_extractor import formats
from loan_extractor.config import PipelineConfig
from loan_extractor.extraction.visible import visible_words
from loan_extractor.extraction.words import Word
from loan_extractor.models import Document
from loan_extractor.stages import preprocess
from loan_extractor.stages.extract import read_words

CFG = PipelineConfig(ocr={"render_dpi": 200, "min_text_layer_words": 20})


def _word(text: str, x0: float) -> Word:
    return Word(1, text, 1.0, x0, 10, x0 + 20, 20)


def test_a_word_without_contrast_under_its_box_is_dropped() -> None:
    gray = np.full((100, 200), 255, np.uint8)
    gray[12:18, 12:28] = 0  # ink under the first word only (one pixel per point)
    words = [_word("Net", 10), _word("0.00", 60), *(_word("Pay", 10) for _ in range(4))]
    assert [w.text for w in visible_words(words, {1: (gray, 1.0)})] == ["Net", "Pay", "Pay", "Pay", "Pay"]


def test_a_page_where_most_words_show_nothing_is_kept_whole() -> None:
    gray = np.full((100, 200), 255, np.uint8)
    words = [_word("Net", 10), _word("Pay", 40)]
    assert visible_words(words, {1: (gray, 1.0)}) == words
    assert visible_words(words, {}) == words  # no image of the page: nothing to check against


def test_white_and_invisible_text_of_a_pdf_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "stub.pdf"
    pdf = canvas.Canvas(str(path), pagesize=letter)
    pdf.setFont("Helvetica", 11)
    for row in range(12):
        pdf.drawString(72, 700 - 18 * row, f"Line {row} Earnings Statement Gross Pay 4,210.55")
    pdf.setFillColorRGB(1, 1, 1)
    pdf.drawString(300, 100, "Net Pay 0.00")
    pdf.setFillColorRGB(0, 0, 0)
    hidden = pdf.beginText(72, 80)
    hidden.setTextRenderMode(3)
    hidden.textOut("Account 0000")
    pdf.drawText(hidden)
    pdf.save()
    doc = Document(doc_id="d", source=path.name, local_path=str(path), media_type=formats.PDF, page_count=1,
                   pages=(1,))
    doc = preprocess.preprocess_document(doc, CFG, tmp_path / "work")
    assert doc.text_source == "text_layer"
    texts = [w.text for w in read_words(doc, CFG)]
    assert "Earnings" in texts and "0.00" not in texts and "0000" not in texts
