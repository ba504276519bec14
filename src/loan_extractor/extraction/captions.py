"""Captions printed under their values (laser forms: the box's id alone at its top left, the value, then the
caption in small type), read upwards from the caption.

On scans OCR may misread the lone box id ("L" for "1", "elf" for "e/f") or drop it (a "c" printed close above the
employer's name). Where the page shows the layout (other captions read under a true box id) and the caption is in
print clearly smaller than the words above it, the value is then the top line of the caption's box: the first line
under the labels of the box above, past a short word standing where the box id is printed.

Other forms print the box id in the caption itself, at the foot of the box, the value at its top: where the page's
SSN or EIN reads over its caption and none under one, every such caption takes the block above it (block_above).
"""

from __future__ import annotations

from loan_extractor.extraction.labels import BOX_ID, Hit
from loan_extractor.extraction.locate import Page
from loan_extractor.extraction.values import read_value
from loan_extractor.extraction.words import Word
from loan_extractor.spec import FieldKind

CAPTION_LINES = 6  # how many lines of its cell above a caption printed under its value the box's id may be
MISREAD_ID_CHARS = 3  # a box id OCR misread is a word this short standing where the id is printed
SMALL_CAPTION = 0.75  # a caption under its value is printed at most this share of the value's height
BLOCK_GAP = 1.5  # the lines of a value over its caption follow one another within this many line heights
CAPTION_GAP = 3.0  # ... and the caption follows the value's last line within this many
LAYOUT_EVIDENCE = 2  # captions read under a true box id on the page that show it prints captions under values


def value_above(page: Page, hit: Hit) -> list[Word]:
    """The value of a caption printed under it: the first line under its box id, inside the caption's cell.

    A label that carries its own box id ("1 Wages, ...") heads its box, and a label between the box id and the
    caption means the box id is not this caption's: nothing is read then, unless the box id was misread or dropped
    (see the module's note).
    """
    found, block = _above(page, hit)
    if found is not None:
        return found
    if not block or not _prints_captions_below(page):
        return []
    top = block[-1]
    origin = page.lines[hit.line]
    if len(top[0].text) <= MISREAD_ID_CHARS and _at_id(top[0], origin.words[hit.start], origin.height):
        # a box id misread, on a line of its own or read on one line with the value beside it ("ef Jane Okafor")
        top = top[1:] if len(top) > 1 else block[-2] if len(block) >= 2 else []
    if not top or origin.height > SMALL_CAPTION * min(w.height for w in top):
        return []
    return top


def _above(page: Page, hit: Hit) -> tuple[list[Word] | None, list[list[Word]]]:
    """The value under the caption's true box id, or None and the lines inside its cell up to the labels of the
    box above (nearest first; none when no such labels close the box within reach)."""
    origin = page.lines[hit.line]
    if hit.box_start < hit.start:
        return [], []
    left, right = page.cell(hit)
    block: list[list[Word]] = []
    for index in range(hit.line - 1, -1, -1):
        line = page.lines[index]
        if line.page != origin.page or len(block) >= CAPTION_LINES:
            break
        inside = [i for i, w in enumerate(line.words) if left <= w.x0 and w.cx < right]
        if any(page.in_label(index, i) for i in inside):
            return None, block
        if len(inside) == 1 and BOX_ID.match(line.words[inside[0]].text) and _at_id(
                line.words[inside[0]], origin.words[hit.start], line.height):
            below = page.lines[index + 1] if index + 1 < hit.line else None
            return ([w for w in below.words if left <= w.x0 and w.cx < right] if below else []), []
        if inside:
            block.append([line.words[i] for i in inside])
    return None, []


def _at_id(word: Word, caption: Word, height: float) -> bool:
    """A word standing where the caption's box id is printed: at the caption's left edge."""
    return abs(word.x0 - caption.x0) <= height


def _prints_captions_below(page: Page) -> bool:
    """Whether the page prints captions under their values: some read under a true box id."""
    hits = [h for hs in page.hits_on.values() for h in hs]
    return sum(bool(_above(page, h)[0]) for h in hits) >= LAYOUT_EVIDENCE


def block_above(page: Page, hit: Hit) -> list[Word]:
    """The top line of the words inside the caption's cell above it, up to the labels of the box above: the value
    of a caption that carries its own box id at the foot of its box ("1 Wages, tips, other compensation" under
    the amount, "c Employer's name, address, and ZIP code" under the name and address)."""
    origin = page.lines[hit.line]
    left, right = page.cell(hit)
    top: list[Word] = []
    edge = origin.y0
    for index in range(hit.line - 1, max(-1, hit.line - 1 - CAPTION_LINES), -1):
        line = page.lines[index]
        # the caption at the foot of its box may stand well under the value at its top; the value's lines close
        if line.page != origin.page or edge - line.y1 > (BLOCK_GAP if top else CAPTION_GAP) * line.height:
            break
        inside = [i for i, w in enumerate(line.words) if left <= w.x0 and w.cx < right]
        if any(page.in_label(index, i) for i in inside):
            break
        if inside:
            top, edge = [line.words[i] for i in inside], line.y0
    return top


def values_over_captions(page: Page, kinds: dict[str, FieldKind]) -> bool:
    """Whether a form prints its values over captions that carry their box ids: an identifier (an EIN, an SSN)
    reads in the block above its caption, and none under one."""
    over = False
    for name in [n for n, kind in kinds.items() if kind in (FieldKind.EIN, FieldKind.LAST4)]:
        for hit in page.hits_for(f"field:{name}"):
            if not own_box_id(page, hit) or page.words_right(hit):
                continue
            if read_value(kinds[name], page.words_below(hit)) is not None:
                return False
            over = over or read_value(kinds[name], block_above(page, hit)) is not None
    return over


def own_box_id(page: Page, hit: Hit) -> bool:
    """Whether a label carries its box id, maybe one OCR misread ("c¢"): a word this short opening its segment."""
    if hit.box_start < hit.start:
        return True
    line = page.lines[hit.line]
    before = hit.start - 1
    return (before >= 0 and line.segment_of[before] == line.segment_of[hit.start]
            and len(line.words[before].text) <= MISREAD_ID_CHARS)


def box_id_row(words: list[Word]) -> bool:
    """Words that are a row of box ids (the next boxes' under a caption printed below its value), one of them
    maybe misread with a letter for a digit ("1s 16 17")."""
    true_ids = sum(bool(BOX_ID.match(w.text)) for w in words)
    misread = sum(not BOX_ID.match(w.text) and len(w.text) <= MISREAD_ID_CHARS and any(c.isdigit() for c in w.text)
                  for w in words)
    return bool(words) and true_ids >= 1 and true_ids + misread == len(words) and misread <= 1
