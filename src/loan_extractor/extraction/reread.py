"""Names re-read from their own region with a script model, where the English reading looks doubtful.

tesseract's English model drops or mangles diacritics ("Łukasiewicz" -> "tukasiewicz",
"Muñoz" -> "Mufioz"). Its Latin-script model reads them, but costs about twice the time per
page. So only the value's words are cropped from the page image, the crops of one page are
stacked into one small image, and that image is read once by the script model. Where the model
loads for every read (the `tesseract` command), the model without its word list (most of the
load) screens first and the whole model reads again only the names in which it sees marks.

The Latin model's character set has no Vietnamese letter with two marks or a dot below and no
ư/ơ ("Phạm", "Tuấn", "Hương" come out as "Pham", "Tuãn", "Huong"): reading them needs a model
that has them, such as tesseract's `vie` (`ocr.name_model: Latin+vie`, not measured here).
"""

from __future__ import annotations

import difflib
import statistics
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from loan_extractor import imaging, page_pixels
from loan_extractor.analysis.names import ascii_fold
from loan_extractor.extraction.fields import FieldValue
from loan_extractor.extraction.normalise import NAME_PARTICLES, looks_misread, normalise_text
from loan_extractor.extraction.words import Word, from_ocr
from loan_extractor.tools import tessdata, tesseract

PAD_HEIGHTS = 0.35  # crop margin around the value's words, in word heights: keeps accents above capitals
STRIP_GAP = 0.8  # white space between stacked crops, in word heights: tesseract sees separate lines
MIN_AGREEMENT = 0.7  # the re-read, stripped of accents, must resemble the English reading this much


@dataclass(frozen=True)
class PageScan:
    """A page image to crop from: its path and pixel density."""

    path: Path
    dpi: float


def doubtful(value: FieldValue | None, below: float) -> bool:
    """A name read by OCR whose characters look misread, whose weakest word is below `below`, or printed in capitals:
    the English model drops marks over capitals ("NGUYỄN" -> "NGUYEN") without losing confidence, since they sit
    above the letters where it expects no ink."""
    if value is None or not value.words or all(w.conf >= 1.0 for w in value.words):
        return False  # unread, or from a text layer: its characters are exact
    text = str(value.value)
    return looks_misread(text) or min(w.conf for w in value.words) < below or in_capitals(text)


def in_capitals(text: str) -> bool:
    """Whether a name's letters are all capitals, with at least one word of two or more (not only initials)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and any(len(w) >= 2 for w in text.split())


def reread_names(values: Mapping[str, FieldValue | None], names: Sequence[str], scans: Mapping[int, PageScan],
                 language: str, timeout: float) -> dict[str, FieldValue]:
    """Better readings of the named fields, by the script model; fields it could not improve are left out."""
    wanted = [n for n in names if values.get(n) and values[n].words[0].page in scans]  # type: ignore[union-attr]
    better: dict[str, FieldValue] = {}
    by_page: dict[int, list[str]] = {}
    for name in wanted:
        by_page.setdefault(values[name].words[0].page, []).append(name)  # type: ignore[union-attr]
    for page, page_names in by_page.items():
        readings = _read_page(scans[page], {n: values[n] for n in page_names}, language, timeout)  # type: ignore[misc]
        for name, words in readings.items():
            chosen = _choose(values[name], words)  # type: ignore[arg-type]
            if chosen is not None:
                better[name] = chosen
    return better


def _read_page(scan: PageScan, values: dict[str, FieldValue], language: str, timeout: float) -> dict[str, list[Word]]:
    """The script model's words of each name on one page.

    In-process engines keep the whole model loaded: it reads every name. The command loads the model
    per read; there the model without its word list (tools/tessdata.py), which loads in a fifth of the
    time, screens: where it sees no mark and the English reading looks sound, the whole model could not
    change the name (`_choose` keeps a plain reading then); elsewhere the whole model reads. The word
    list settles some marks ("Paweł", not "Pawet"; "Åberg", not "ÅÀberg").
    """
    gray = page_pixels.read_gray(scan.path)
    if gray is None:
        return {name: [] for name in values}
    quick = None if tesseract.models_stay_loaded() else tessdata.without_word_lists(language)
    readings = dict(zip(values, _read_regions(gray, scan, list(values.values()), language, timeout, quick)))
    if quick is not None:
        marked = [name for name, words in readings.items() if _may_gain_marks(values[name], words)]
        if marked:
            whole = _read_regions(gray, scan, [values[n] for n in marked], language, timeout, None)
            readings |= dict(zip(marked, whole))
    return readings


def _may_gain_marks(english: FieldValue, screened: list[Word]) -> bool:
    """Might the whole model's reading replace the English one? Yes if the screen saw marks or English looks misread."""
    return looks_misread(str(english.value)) or not all(w.text.isascii() for w in screened)


def _read_regions(gray: np.ndarray, scan: PageScan, values: list[FieldValue], language: str, timeout: float,
                  models: Path | None) -> list[list[Word]]:
    """The script model's words of each value's region (page coordinates), one tesseract run for them all.

    `models`: the tessdata directory to read the model from; None for the installed one.
    """
    k = scan.dpi / 72.0
    boxes, pads = [], []
    for value in values:
        on_page = [w for w in value.words if w.page == value.words[0].page]
        boxes.append((min(w.x0 for w in on_page) * k, min(w.y0 for w in on_page) * k,
                      max(w.x1 for w in on_page) * k, max(w.y1 for w in on_page) * k))
        pads.append(PAD_HEIGHTS * (statistics.median(w.height for w in on_page) * k))
    strips, origins = crops(gray, boxes, pads)
    gap = max(8, round(STRIP_GAP * max(s.shape[0] for s in strips)))
    return read_stacked(strips, origins, gap, scan, "names", language, timeout, models)


def crops(gray: np.ndarray, boxes: Sequence[tuple[float, float, float, float]],
          pads: Sequence[float]) -> tuple[list[np.ndarray], list[tuple[float, float]]]:
    """Each box (pixels) grown by its pad and cut from the page, and where each cut's top left sits on the page."""
    strips = [imaging.crop(gray, box, pad) for box, pad in zip(boxes, pads)]
    origins = [(max(0.0, box[0] - pad), max(0.0, box[1] - pad)) for box, pad in zip(boxes, pads)]
    return strips, origins


def read_stacked(strips: list[np.ndarray], origins: list[tuple[float, float]], gap: int, scan: PageScan, purpose: str,
                 language: str, timeout: float, models: Path | None = None) -> list[list[Word]]:
    """Crops of one page stacked `gap` pixels apart and read in one tesseract run (one line each, psm 6);
    each crop's words in page coordinates. `origins`: where each crop's top left sits on the page, in pixels."""
    sheet, spans = imaging.stack_strips(strips, gap)
    path = scan.path.with_name(f"{scan.path.stem}-{purpose}.png")
    path.write_bytes(imaging.encode_png(sheet, scan.dpi))
    try:
        found = tesseract.ocr_words(path, language, timeout, psm=6, dpi=scan.dpi, models=models)
    finally:
        path.unlink(missing_ok=True)
    return [_words_in_strip(found, span, origin, gap, scan) for span, origin in zip(spans, origins)]


def _words_in_strip(found: list, span: tuple[int, int], origin: tuple[float, float], gap: int,
             scan: PageScan) -> list[Word]:
    """The words whose centre lies in a strip, moved back to where the strip sits on the page."""
    top, bottom = span
    inside = [w for w in found if top <= w.top + w.height / 2 < bottom]
    words = from_ocr(inside, 1, scan.dpi)
    dx, dy = (origin[0] - gap) * 72.0 / scan.dpi, (origin[1] - top) * 72.0 / scan.dpi
    return [Word(w.page, w.text, w.conf, w.x0 + dx, w.y0 + dy, w.x1 + dx, w.y1 + dy) for w in words]


def _choose(english: FieldValue, words: list[Word]) -> FieldValue | None:
    """The script model's reading, when it says the same name (accents aside) and is at least as sure.

    Its region spans every word of the value: a name composed from two boxes takes in the rule between
    them, read as "|" or "[", which is no part of the name."""
    words = [w for w in words if any(c.isalnum() for c in w.text)]
    if not words:
        return None
    words = with_english_case(words, english.words)
    parsed = normalise_text(" ".join(w.text for w in words))
    if parsed is None or parsed.value == english.value:
        return None
    if str(parsed.value).isascii() and not looks_misread(str(english.value)):
        return None  # no marks to add: a plain reading differing in letters ("Thomton") is no better
    if _similarity(str(parsed.value), str(english.value)) < MIN_AGREEMENT:
        return None  # a different text: the crop went wrong, or the English reading was of something else
    page = english.words[0].page
    # The script model is less sure of letters with marks even when right ("Małgorzata" 0.64); both
    # models reading the same letters backs it up, so the English reading's confidence carries over.
    agreement = _similarity(str(parsed.value), str(english.value))
    conf = round(parsed.conf * max(statistics.fmean(w.conf for w in words), english.conf * agreement), 3)
    return FieldValue(parsed.value, conf, tuple(Word(page, w.text, w.conf, w.x0, w.y0, w.x1, w.y1) for w in words))


def with_english_case(words: list[Word], english: Sequence[Word]) -> list[Word]:
    """The script model's words with the English reading's capitals, and a word-initial eth read as a D with stroke.

    The script model is less sure of a word's case than the English one ("josé" where English read
    "José"): where a word's letters agree with the English word's one for one, accents aside, each
    letter takes the English letter's case. "Ð" (Icelandic eth) and "Đ" (D with stroke, Vietnamese
    and South Slavic names) are drawn alike; Icelandic words never begin with an eth, so a word
    that does is spelt with the D with stroke ("Ðặng" -> "Đặng"). A name word never begins lower-case
    (particles aside): a word-initial "t" before small letters is an "Ł" both models read by its crossbar
    ("tukasz W Dąbrowski" -> "Łukasz W Dąbrowski"); a capital T they read as a capital.
    """
    cased = words if len(words) != len(english) else [_case_of(w, e.text) for w, e in zip(words, english)]
    return [_stroked_initial(w) for w in cased]


def _case_of(word: Word, english: str) -> Word:
    letters = unicodedata.normalize("NFC", word.text)
    if len(letters) != len(english) or any(ascii_fold(a) != ascii_fold(b) for a, b in zip(letters, english)):
        return word
    text = "".join(a.upper() if b.isupper() else a.lower() if b.islower() else a for a, b in zip(letters, english))
    return Word(word.page, text, word.conf, word.x0, word.y0, word.x1, word.y1)


def _stroked_initial(word: Word) -> Word:
    first, rest = word.text[:1], word.text[1:]
    if first in ("Ð", "ð"):
        text = ("Đ" if first == "Ð" else "đ") + rest
    elif first == "t" and len(rest) >= 2 and rest.isalpha() and rest.islower() and word.text not in NAME_PARTICLES:
        text = "Ł" + rest
    else:
        return word
    return Word(word.page, text, word.conf, word.x0, word.y0, word.x1, word.y1)


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, ascii_fold(a), ascii_fold(b)).ratio()
