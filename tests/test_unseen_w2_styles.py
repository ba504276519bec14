"""The fourth group of unseen W-2 layouts: each draws one page, and a layout that prints a field only masked (the
transcript's EIN) has it null in its documents' truth while every other layout keeps it."""

from __future__ import annotations

import random

from loan_extractor.samples import variety
from loan_extractor.samples.draw import Page
from loan_extractor.samples.unseen_w2_styles import LAYOUTS
from loan_extractor.samples.variety import as_printed, draw_style, make_borrower_docs


def test_each_layout_draws_one_page_with_the_documents_values(tmp_path) -> None:
    for number, (name, draw) in enumerate(sorted(LAYOUTS.items())):
        rng = random.Random(number)
        docs, _ = make_borrower_docs(rng, "ascii", 2025)
        page = Page(tmp_path / f"{name}.pdf", draw_style(rng, name, False, ""))
        draw(page, as_printed(docs["w2"], name))
        assert page.canvas.getPageNumber() == 1
        page.save()
        assert (tmp_path / f"{name}.pdf").stat().st_size > 1000


def test_the_transcripts_masked_ein_is_null_in_its_truth_and_only_there() -> None:
    docs, _ = make_borrower_docs(random.Random(3), "ascii", 2025)
    w2 = docs["w2"]
    shown = as_printed(w2, "wage_income_transcript")
    assert shown.fields["employer_ein"] is None and shown.extras is w2.extras
    assert w2.fields["employer_ein"] is not None  # the borrower's document itself is unchanged
    assert all(as_printed(w2, name) is w2 for name in variety.UNSEEN["w2"] if name != "wage_income_transcript")
