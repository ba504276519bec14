"""Development layouts print each line clear of its neighbours, in every font the generator uses."""

from __future__ import annotations

import random

import pytest

from loan_extractor.extraction.training_text import RecordingPage
from loan_extractor.extraction.words import Word
from loan_extractor.samples.draw import FONTS, Style, unicode_fonts_available
from loan_extractor.samples.loan import make_loan
from loan_extractor.samples.provider_w2 import full_form


@pytest.mark.parametrize("font", sorted(FONTS))
def test_the_full_form_year_stands_clear_of_its_title(font: str) -> None:
    if font.startswith("DejaVu") and not unicode_fonts_available():
        pytest.skip("the DejaVu fonts are not installed")
    page = RecordingPage(Style(font=font))
    full_form(page, make_loan(random.Random(5), None, 2025)["w2"])
    title_end = next(w for w in page.words if w.text == "Statement")
    year = next(w for w in page.words if w.text == "2025" and abs(_baseline(w) - _baseline(title_end)) < 0.01)
    assert year.x0 - title_end.x1 >= 8


def _baseline(word: Word) -> float:
    return 0.2 * word.y0 + 0.8 * word.y1
