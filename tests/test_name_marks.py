"""Choosing between the English and the script model's readings of a name, word by word (no tesseract run)."""

from __future__ import annotations

from loan_extractor.extraction import reread
from loan_extractor.extraction.fields import FieldValue
from loan_extractor.extraction.words import Word


def _words(text: str, confs: list[float]) -> list[Word]:
    return [Word(1, t, c, 100.0 + 60 * i, 200.0, 150.0 + 60 * i, 212.0) for i, (t, c) in enumerate(zip(text.split(), confs))]


def _english(text: str, confs: list[float]) -> FieldValue:
    words = _words(text, confs)
    return FieldValue(text, min(confs), tuple(words))


def test_the_english_reading_s_capitals_are_kept() -> None:
    """The script model read the J as a j; the English model read the capital and missed the tilde."""
    english = _english("José Cafizares", [0.93, 0.41])
    chosen = reread._choose(english, _words("josé Cañizares", [0.78, 0.96]))
    assert chosen is not None and chosen.value == "José Cañizares"
    assert [w.text for w in chosen.words] == ["José", "Cañizares"]


def test_capitals_follow_english_only_where_the_letters_agree() -> None:
    english = _words("MARIA Cafizares", [0.9, 0.9])
    latin = _words("María Cañizares", [0.9, 0.9])
    assert [w.text for w in reread.with_english_case(latin, english)] == ["MARÍA", "Cañizares"]
    assert [w.text for w in reread.with_english_case(latin, english[:1])] == ["María", "Cañizares"]  # unaligned


def test_a_word_initial_eth_is_spelt_as_a_d_with_stroke() -> None:
    english = _english("Huong A Dang", [0.95, 0.96, 0.96])
    chosen = reread._choose(english, _words("Huong A Ðăng", [0.9, 0.91, 0.53]))
    assert chosen is not None and chosen.value == "Huong A Đăng"
    inside = reread.with_english_case(_words("Guðrún Ðorđević", [0.9, 0.9]), _words("Gudrun Dordevic", [0.9, 0.9]))
    assert [w.text for w in inside] == ["Guðrún", "Đorđević"]  # an eth inside a word is left alone


def test_a_plain_reading_stays_plain() -> None:
    """Same letters, no marks: nothing to gain, whatever the case the script model read."""
    english = _english("Peter E Harper", [0.96, 0.96, 0.96])
    assert reread._choose(english, _words("peter E Harper", [0.7, 0.9, 0.9])) is None
    assert reread._choose(english, _words("Peter E Harper", [0.97, 0.97, 0.97])) is None


def test_a_box_rule_between_the_parts_of_a_composed_name_is_dropped() -> None:
    """First name and last name boxes side by side: the re-read region takes in the rule between them."""
    english = _english("Inigo F Cafiizares", [0.6, 0.9, 0.4])
    chosen = reread._choose(english, _words("Íñigo F | Cañizares", [0.8, 0.9, 0.5, 0.8]))
    assert chosen is not None and chosen.value == "Íñigo F Cañizares"


def test_a_name_in_capitals_is_re_read_however_sure_english_is() -> None:
    """English drops the marks over capitals ("NGUYỄN" -> "NGUYEN") at full confidence: the script model reads them."""
    assert reread.doubtful(_english("NGUYEN NGOC ANH", [0.97, 0.96, 0.97]), 0.9)
    assert not reread.doubtful(_english("Nguyen Ngoc Anh", [0.97, 0.96, 0.97]), 0.9)
    assert not reread.doubtful(_english("NGUYEN NGOC ANH", [1.0, 1.0, 1.0]), 0.9)  # a text layer's exact letters
    chosen = reread._choose(_english("NGUYEN NGOC ANH", [0.97, 0.96, 0.97]), _words("NGUYỄN NGỌC ÁNH", [0.8, 0.8, 0.9]))
    assert chosen is not None and chosen.value == "NGUYỄN NGỌC ÁNH"


def test_a_name_word_read_with_a_small_t_for_its_barred_l() -> None:
    english = _english("tukasz W Dabrowski", [0.84, 0.89, 0.97])
    chosen = reread._choose(english, _words("tukasz W Dąbrowski", [0.8, 0.9, 0.9]))
    assert chosen is not None and chosen.value == "Łukasz W Dąbrowski"
    particle = _english("Anna ter Horst", [0.9, 0.9, 0.9])
    assert reread._choose(particle, _words("Anna ter Horst", [0.9, 0.9, 0.9])) is None
    alone = reread._choose(_english("tukasz H Kowalczyk", [0.9, 0.9, 0.96]), _words("tukasz H Kowalczyk", [0.7, 0.9, 0.9]))
    assert alone is not None and alone.value == "Łukasz H Kowalczyk"  # no other mark in the name
