"""A loan purpose ticked in a drawn checkbox: read from the ink inside the squares, never guessed."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from fixtures.words.synth import lay_out
from reportlab.pdfgen import canvas

from loan_extractor.config import PipelineConfig
from loan_extractor.extraction.checkboxes import purpose_options, ticked
from loan_extractor.extraction.fields import extract_fields
from loan_extractor.extraction.words import build_lines, from_text_layer
from loan_extractor.models import Document
from loan_extractor.spec import DocType
from loan_extractor.stages.marks import ticked_purpose
from loan_extractor.tools import poppler

SCALE = 2.0  # pixels per point of the drawn test page
ROW = [(62, "Purchase"), (142, "Refinance"), (222, "Cash-Out Refinance"), (342, "Construction"), (432, "Other")]


def _page(ticks: set[int], squares: bool = True) -> tuple[np.ndarray, list]:
    """A white page with the purpose row at baseline 300 pt, a 9 pt square 13 pt left of each option."""
    gray = np.full((700, 1200), 255, np.uint8)
    for n, (x, _) in enumerate(ROW):
        left, top = int((x - 13) * SCALE), int(288 * SCALE)
        side = int(9 * SCALE)
        if squares:
            gray[top, left : left + side] = gray[top + side, left : left + side + 1] = 0
            gray[top : top + side, left] = gray[top : top + side, left + side] = 0
        if n in ticks:
            for k in range(2, side - 1):
                gray[top + k, left + k] = gray[top + k, left + side - k] = 0
    return gray, purpose_options(build_lines(lay_out([(300, list(ROW))])))


def test_the_one_ticked_square_gives_its_option() -> None:
    gray, options = _page({2})
    assert [o.code for o in options] == ["purchase", "refinance", "cash_out_refinance", "construction", "other"]
    found = ticked(gray, SCALE, options)
    assert found is not None and found[0].code == "cash_out_refinance" and found[0].word.text == "Cash-Out"


def test_no_tick_two_ticks_or_no_squares_give_nothing() -> None:
    for ticks, squares in (({}, True), ({0, 3}, True), ({1}, False)):
        gray, options = _page(set(ticks), squares)
        assert ticked(gray, SCALE, options) is None, (ticks, squares)


def test_a_line_naming_one_purpose_is_not_a_checkbox_row() -> None:
    assert purpose_options(build_lines(lay_out([(300, [(54, "Loan Purpose: Purchase")])]))) == []


def test_a_marked_option_far_along_the_line_is_read() -> None:
    rows = [(50, [(54, "Loan Application")]),
            (100, [(54, "Loan Purpose: [ ] Purchase"), (230, "[ ] Refinance"), (330, "[X] Construction"),
                   (450, "[ ] Other")])]
    found = extract_fields(DocType.LOAN_APPLICATION, build_lines(lay_out(rows)))
    assert found["loan_purpose"] is not None and found["loan_purpose"].value == "construction"


def test_a_text_layer_form_with_drawn_checkboxes_gives_the_ticked_purpose(tmp_path: Path) -> None:
    path, height = tmp_path / "form.pdf", 792
    c = canvas.Canvas(str(path), pagesize=(612, height))
    c.setFont("Helvetica", 10)
    c.drawString(54, height - 280, "Loan Purpose")
    for n, (x, label) in enumerate(ROW):
        c.rect(x - 13, height - 300 - 1, 9, 9)
        if n == 3:
            c.line(x - 11.5, height - 299.5, x - 5.5, height - 293.5)
            c.line(x - 11.5, height - 293.5, x - 5.5, height - 299.5)
        c.drawString(x, height - 300, label)
    c.save()
    lines = build_lines(from_text_layer(poppler.text_words(path, 1, 1)))
    assert extract_fields(DocType.LOAN_APPLICATION, lines)["loan_purpose"] is None  # no mark among the words
    doc = Document(doc_id="f", source="form.pdf", local_path=str(path), text_source="text_layer", pages=(1,))
    value = ticked_purpose(doc, lines, PipelineConfig())
    assert value is not None and value.value == "construction" and 0 < value.conf < 1


def test_a_filled_square_read_as_capitals_is_no_word_before_its_option() -> None:
    gray = np.full((700, 1200), 255, np.uint8)
    cells = []
    for n, (x, label) in enumerate(ROW):
        left, top, side = int((x - 13) * SCALE), int(288 * SCALE), int(9 * SCALE)
        gray[top : top + side + 1, left : left + side + 1] = 0
        if n != 3:
            gray[top + 1 : top + side, left + 1 : left + side] = 255  # empty squares but the filled one
        cells += [(x - 13, "HB" if n == 3 else "oO"), (x, label)]
    options = purpose_options(build_lines(lay_out([(300, cells)])))
    found = ticked(gray, SCALE, options)
    assert found is not None and found[0].code == "construction"
