"""Text-layer words as a reader sees them: the characters and drawing habits of real PDF producers."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from loan_extractor.extraction.text_layer import fold_characters, readable_words
from loan_extractor.extraction.words import build_lines, from_text_layer
from loan_extractor.samples.draw import DEJAVU_DIR, register_unicode_fonts, unicode_fonts_available
from loan_extractor.tools import poppler
from loan_extractor.tools.poppler import TextWord


def _w(text: str, x0: float, x1: float, y0: float = 100, y1: float = 112, page: int = 1) -> TextWord:
    return TextWord(page, text, x0, y0, x1, y1)


def _texts(words: list[TextWord]) -> list[str]:
    return [w.text for w in readable_words(words)]


def test_compatibility_forms_and_invisible_characters_fold_to_what_a_reader_sees() -> None:
    assert fold_characters("Identi\ufb01cation") == "Identification"
    assert fold_characters("Pro\ufb01le") == "Profile"
    assert fold_characters("Employee\u2019s") == "Employee's"
    assert fold_characters("Name\uff1a") == "Name:"
    assert fold_characters("12\u201134\u20135678") == "12-34-5678"
    assert fold_characters("\u22121,234.56") == "-1,234.56"
    assert fold_characters("Manu\u00adfac\u200bturing") == "Manufacturing"
    assert fold_characters("Nguye\u0302\u0303n") == "Nguyễn"  # decomposed accents composed


def test_a_word_holding_a_non_breaking_space_becomes_two_words() -> None:
    words = readable_words([_w("Gross\u00a0Pay", 10, 70), _w("1,234.56", 200, 250)])
    assert [w.text for w in words] == ["Gross", "Pay", "1,234.56"]
    assert words[0].x1 < words[1].x0 and words[1].x1 <= 70


def test_runs_split_by_kerning_join_but_words_a_space_apart_do_not() -> None:
    assert _texts([_w("Gr", 10, 22), _w("oss", 22.4, 40), _w("Pay", 43, 60)]) == ["Gross", "Pay"]


def test_simulated_bold_keeps_one_copy_of_the_word() -> None:
    assert _texts([_w("Net", 10, 30), _w("Pay", 33, 50), _w("Net", 10.3, 30.3), _w("Pay", 33.3, 50.3)]) == [
        "Net", "Pay"]


def test_unreadably_small_print_is_dropped() -> None:
    words = [_w("Net", 10, 30), _w("Pay", 33, 50), _w("1,058.40", 60, 100),
             _w("Net", 10, 12, 20, 21), _w("Pay", 13, 15, 20, 21), _w("0.00", 16, 18, 20, 21)]
    assert _texts(words) == ["Net", "Pay", "1,058.40"]


def test_a_vertical_margin_note_is_dropped_with_its_short_words() -> None:
    note = [_w("Printed", 14, 20, 300, 330), _w("page", 14, 20, 333, 350), _w("1", 14, 20, 352, 356),
            _w("of", 14, 20, 358, 364), _w("1", 14, 20, 366, 370)]
    body = [_w(f"Word{n}", 60 + 50 * n, 100 + 50 * n) for n in range(10)]
    assert _texts([*body[:2], *note, *body[2:], _w("1", 620, 626)]) == [w.text for w in body] + ["1"]


def test_a_drawn_pdf_reads_back_as_plain_words(tmp_path: Path) -> None:
    if not unicode_fonts_available():
        import pytest

        pytest.skip(f"DejaVu fonts not installed in {DEJAVU_DIR}")
    register_unicode_fonts()
    path = tmp_path / "quirks.pdf"
    canvas = Canvas(str(path))
    canvas.setFont("DejaVuSans", 10)
    canvas.drawString(72, 700, "Employer Identi\ufb01cation Number: 12\u20113456789")
    canvas.drawString(72, 680, "Employee\u2019s name: Nguye\u0302n Van An")
    for x, run in ((72, "Gr"), (72 + canvas.stringWidth("Gr", "DejaVuSans", 10) + 0.4, "oss Pay:")):
        canvas.drawString(x, 660, run)
    canvas.drawString(200, 660, "\u22121,234.56")
    canvas.setFont("DejaVuSans", 1)
    canvas.drawString(72, 640, "Gross Pay: 0.00")
    canvas.save()
    lines = [line.text for line in build_lines(from_text_layer(poppler.text_words(path)))]
    assert lines == ["Employer Identification Number: 12-3456789", "Employee's name: Nguyên Van An",
                     "Gross Pay: -1,234.56"]


def test_a_dotted_leader_run_into_its_value_splits_off() -> None:
    assert _texts([_w("PERIOD:", 10, 50), _w("........2026-03-01", 52, 120)]) == ["PERIOD:", "........", "2026-03-01"]
    assert _texts([_w("p.m.", 10, 30), _w("A...B", 40, 60)]) == ["p.m.", "A...B"]


def test_a_page_whose_text_all_runs_vertically_keeps_its_words() -> None:
    turned = [_w("Gross", 100, 112, 10 + 40 * n, 40 + 40 * n) for n in range(5)]
    assert _texts(turned) == ["Gross"] * 5
