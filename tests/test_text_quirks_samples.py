"""The quirky text-layer set: unseen layouts drawn with real producers' characters and drawing habits."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from loan_extractor.samples.draw import unicode_fonts_available
from loan_extractor.samples.text_quirks import quirky_characters, write_quirky_set
from loan_extractor.samples.variety import layouts_for
from loan_extractor.tools import poppler

pytestmark = pytest.mark.skipif(not unicode_fonts_available(), reason="the quirky set draws with DejaVu fonts")


def test_quirky_characters_change_the_encoding_not_what_a_reader_sees() -> None:
    seen = {quirky_characters("Employee's Profile 12-3456789 -15.00", random.Random(n)) for n in range(40)}
    assert any("\u2019" in s for s in seen) and any("\ufb01" in s for s in seen)
    assert any("\u2212" in s or "\u2011" in s for s in seen) and any("\u00a0" in s or "\u202f" in s for s in seen)


def test_every_unseen_layout_is_drawn_with_its_truth(tmp_path: Path) -> None:
    truth = json.loads(write_quirky_set(tmp_path, seed=41, per_layout=1).read_text(encoding="utf-8"))
    layouts = {entry["meta"]["layout"] for entry in truth.values()}
    assert layouts == {name for t in ("pay_stub", "bank_statement", "w2", "loan_application")
                       for name in layouts_for(t, "unseen")}
    raw = "".join(w.text for key in truth for w in poppler.text_words(tmp_path / key))
    assert any(c in raw for c in "\u2019\ufb01\ufb02\u00ad\u200b\u2212\u2011")
