"""A value OCR dropped right of a label that ends its line is read from the strip beside the label."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from fixtures.words.synth import lay_out

from loan_extractor.extraction.reread import PageScan
from loan_extractor.extraction.slots import empty_slots, reread_slots
from loan_extractor.extraction.words import Word, build_lines

DPI = 144.0  # two pixels a point


def test_only_a_label_ending_its_line_has_an_empty_slot() -> None:
    lines = build_lines(lay_out([(100, [(54, "Statement Date:"), (200, "03/31/2026")]),
                                 (114, [(54, "Days in Period:")]), (128, [(54, "Member Number")])]))
    assert [w.text for w in empty_slots(lines)] == ["Period:"]


@pytest.mark.tesseract
def test_a_dropped_number_is_read_beside_its_label(tmp_path: Path) -> None:
    page = np.full((200, 1200), 255, np.uint8)
    cv2.putText(page, "Days in Period:", (40, 100), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 0, 3)
    cv2.putText(page, "31", (400, 100), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 0, 3)
    path = tmp_path / "page.png"
    cv2.imwrite(str(path), page)
    (width, height), _ = cv2.getTextSize("Days in Period:", cv2.FONT_HERSHEY_SIMPLEX, 1.2, 3)
    label = Word(1, "Period:", 0.9, (40 + width) / 2 - 40, (100 - height) / 2, (40 + width) / 2, 50)  # pixels / 2
    found = reread_slots([label], {1: PageScan(path, DPI)}, "eng", 30)
    assert [w.text for w in found] == ["31"]
    assert 195 < found[0].x0 < 205 and 30 < found[0].y0 < 40  # where it is printed, in points
