"""Finding printed labels on lines, tolerant of case, punctuation, colons and OCR noise.

A label is a phrase; it matches a run of the line's tokens where every token is equal,
equal after folding OCR look-alikes, or within a small edit distance. Where phrases
overlap on a line the longer one wins, so "YTD Gross Pay" is not read as "Gross Pay".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from loan_extractor.extraction.leaders import COLON_AS_S_COST, LEADER_CHARS, colon_read_as_s, is_leader
from loan_extractor.extraction.phrase_index import Phrase, phrase_index
from loan_extractor.extraction.plausible import has_cents
from loan_extractor.extraction.token_match import fold_lookalikes, split_similarity, token_similarity
from loan_extractor.extraction.words import Line

_SEPARATORS = re.compile(r"[^a-z0-9]+")
# W-2 style box ids printed before a label: "a", "c", "1", "12a", and two boxes in one on reprints: "e/f"; OCR may
# read a speck after one as a period ("12a.").
BOX_ID = re.compile(r"^(?:[a-f](?:/[a-f])?|\d{1,2}[a-d]?)\.?$")
RULE = re.compile(r"^[_|~—–=‘’'`.,:;-]+$")  # a box rule or a speck OCR read as a word
# "9.", "1a." or "(b)" numbering a form's question; OCR reads the 1 of "1a." as a letter ("la.", "Ib.") and its
# period as a comma ("2a,")
ITEM_NUMBER = re.compile(r"^\(?(?:\d{1,2}[a-z]?|[1lI][a-h]|[a-z])[.)]$|^\d{1,2}[a-z],$")
# abbreviations forms print for label words: "Employee's soc. sec. no.", "Employer's federal ID no."
ABBREVIATIONS = {"no": "number", "num": "number", "nbr": "number", "soc": "social", "sec": "security",
                 "fed": "federal"}
PROSE_EXTRA_TOKENS = 8  # a label followed by more words than this in its segment is a sentence
LONG_LEADER = 6  # ... unless they hold a dotted leader this long
CLIPPED_MIN = 4  # a label's last word cut at its box's edge ("other compe") keeps at least this many letters
CLIPPED_SIM = 0.85
JUNK_SIM = 0.85  # a label token matched after skipping a stray word OCR put inside the label
MISREAD_BOX_ID = 3  # a box id OCR misread is at most this many characters
SPECKS = "‘’'`\".,:;|"  # marks OCR reads from specks beside a word
BOX_ID_GAP = 3.0  # a box id printed in its own column stands at most this many line heights before its label


@dataclass(frozen=True)
class Hit:
    """A label phrase found on a line: word span [start, end), how well it matched, what it stands for."""

    phrase: str
    targets: tuple[str, ...]
    line: int
    start: int
    end: int
    score: float
    ntokens: int
    box_start: int  # start, or the index of the box id printed just before the label


Position = Callable[[Line, Hit], bool]


def tokens(text: str) -> list[str]:
    """Lower-case alphanumeric tokens, abbreviations spelt out; "Employee's" -> "employees", "W-2" -> "w", "2",
    "No." and "#" -> "number"."""
    return list(_tokens(text))


@lru_cache(maxsize=65536)
def _tokens(text: str) -> tuple[str, ...]:
    """tokens(), remembered: the same words are tokenised by every vocabulary a page is searched for."""
    # "Checks & Debits", "Member #"
    folded = text.lower().replace("'s", "s").replace("’s", "s").replace("&", " and ").replace("#", " number ")
    return tuple(ABBREVIATIONS.get(t, t) for t in _SEPARATORS.split(folded) if t)


def line_tokens(line: Line) -> list[tuple[str, int]]:
    """(token, index of its word) for every token of the line."""
    return [(tok, i) for i, word in enumerate(line.words) for tok in _tokens(word.text)]


def find_hits(lines: Sequence[Line], vocabulary: Mapping[str, Sequence[str]], box_ids: bool = False,
              lexicon: frozenset[str] = frozenset(), position: Position | None = None) -> list[Hit]:
    """Every label of the vocabulary (phrase -> targets) found in label position, overlaps resolved.

    A word that is itself in the lexicon (e.g. "employee") is never taken as a misread
    of a near neighbour ("employer"): near matches are for OCR noise only.
    """
    index = phrase_index(vocabulary, _tokens, token_similarity, fold_lookalikes)
    whole = {phrase.tokens for phrase in index.phrases}
    found: list[Hit] = []
    for number, line in enumerate(lines):
        for toks, cost in _readings(line):
            for phrase, i in index.starts([tok for tok, _ in toks], lexicon):
                hit = _match_at(line, number, toks, i, index.phrases[phrase], box_ids, lexicon)
                if hit is not None and not _two_labels(line, toks, hit, whole):
                    found.append(replace(hit, score=hit.score * cost) if cost < 1 else hit)
    where = position or in_label_position
    return resolve([hit for hit in found if where(lines[hit.line], hit)])


def _readings(line: Line) -> list[tuple[list[tuple[str, int]], float]]:
    """The line's tokens, and, where OCR read a label's colon as an "S" (leaders.colon_read_as_s), its tokens
    with that "S" left out, at a cost."""
    toks = line_tokens(line)
    mended = {i: text for i in range(len(line.words)) if (text := colon_read_as_s(line.words, i))}
    if not mended:
        return [(toks, 1.0)]
    other = [(tok, i) for i, word in enumerate(line.words) for tok in _tokens(mended.get(i, word.text))]
    return [(toks, 1.0), (other, COLON_AS_S_COST)]


def _two_labels(line: Line, toks: list[tuple[str, int]], hit: Hit, whole: set[tuple[str, ...]]) -> bool:
    """A phrase read across a wide gap whose words on either side are labels of their own: two cells side by
    side ("Employer | EIN" read as "Employer EIN"), not one label."""
    segments = {line.segment_of[i] for i in range(hit.start, hit.end)}
    if len(segments) != 2:
        return False
    split = next(i for i in range(hit.start, hit.end) if line.segment_of[i] != line.segment_of[hit.start])
    left = tuple(tok for tok, i in toks if hit.start <= i < split)
    right = tuple(tok for tok, i in toks if split <= i < hit.end)
    return left in whole and right in whole


def _similar(seen: str, label: str, lexicon: frozenset[str]) -> float:
    sim = token_similarity(seen, label)
    return 0.0 if sim < 0.95 and seen in lexicon else sim


def _match_at(line: Line, index: int, toks: list[tuple[str, int]], i: int, label: Phrase,
              box_ids: bool, lexicon: frozenset[str]) -> Hit | None:
    """The label matched from line token i on, or None."""
    ptoks = label.tokens
    sims, used = _align(toks, i, ptoks, lexicon)
    at_end = i + used == len(toks)
    # a label wrapped onto the next line in a narrow box: most of it is enough
    partial = at_end and len(sims) >= 2 and len(sims) / len(ptoks) >= 0.75
    if not sims or not (len(sims) == len(ptoks) or partial):
        return None
    start, end = toks[i][1], toks[i + used - 1][1] + 1
    if _part_of_compound(line, toks, i, used):
        return None
    score = sum(sims) / len(ptoks)
    return Hit(label.text, label.targets, index, start, end, score, len(sims),
               _box_start(line, start, box_ids, lexicon))


def _part_of_compound(line: Line, toks: list[tuple[str, int]], i: int, used: int) -> bool:
    """A label matching only part of one word joined to more letters, with more words of letters after it in its
    cell ("Rate" or "Term" of "Rate/term refinance"), is part of a value. A compound label stands alone or before
    its amount ("Checks/Debits 1,234.56"), or ends in a colon ("Name/Address:")."""
    word = toks[i][1]
    rest = i + used
    if toks[rest - 1][1] != word or line.words[word].text.endswith(":"):
        return False
    before = i > 0 and toks[i - 1][1] == word and toks[i - 1][0].isalpha()
    after = rest < len(toks) and toks[rest][1] == word and toks[rest][0].isalpha()
    nxt = word + 1
    words_follow = (nxt < len(line.words) and line.segment_of[nxt] == line.segment_of[word]
                    and line.words[nxt].text.strip(".,;").isalpha())
    return (before or after) and words_follow


def _align(toks: list[tuple[str, int]], i: int, ptoks: Sequence[str],
           lexicon: frozenset[str]) -> tuple[list[float], int]:
    """Similarities of the label's tokens matched from line token i on, and how many line tokens they used.

    OCR splits words ("P ay") and glues them ("PayDate"): a label token may match two line
    tokens joined, and two label tokens one line token (counted as two matches); such joins
    must be exact, or "Co-Borrower" would pass for "Borrower", but for a long word split
    with a stray letter (split_similarity).
    """
    sims: list[float] = []
    j = i
    k = 0
    skipped = False
    while k < len(ptoks) and j < len(toks):
        seen = toks[j][0]
        if sim := _similar(seen, ptoks[k], lexicon):
            sims.append(sim)
            j, k = j + 1, k + 1
        elif j + 1 < len(toks) and (joined := split_similarity(seen, toks[j + 1][0], ptoks[k], lexicon)):
            sims.append(joined)
            j, k = j + 2, k + 1
        elif glued := _glued_tokens(seen, ptoks, k):
            sims.extend([0.9] * glued)
            j, k = j + 1, k + glued
        elif _clipped(seen, ptoks, k):
            sims.append(CLIPPED_SIM)
            j, k = j + 1, k + 1
        elif _junk(toks, j, ptoks, k, lexicon) and not skipped:
            sims.append(JUNK_SIM * _similar(toks[j + 1][0], ptoks[k], lexicon))
            skipped, j, k = True, j + 2, k + 1
        else:
            break
    return sims, j - i


@lru_cache(maxsize=65536)
def _glued_tokens(seen: str, ptoks: tuple[str, ...], k: int) -> int:
    """How many label tokens from k on OCR read as this one token ("PayDate", "PAYTOTHEORDEROF" for small
    capitals printed close), or 0; two or more, the longest join first."""
    for count in range(len(ptoks) - k, 1, -1):
        if token_similarity(seen, "".join(ptoks[k : k + count])) >= 0.95:
            return count
    return 0


def _junk(toks: list[tuple[str, int]], j: int, ptoks: Sequence[str], k: int, lexicon: frozenset[str]) -> bool:
    """OCR read a stray word inside a label of three or more words ("Social security ywas wages"):
    skipped once, when the label goes on right after it and the stray word is letters (a value has digits)
    and no label word itself."""
    return (0 < k < len(ptoks) and len(ptoks) >= 3 and j + 1 < len(toks) and toks[j][0].isalpha()
            and toks[j][0] not in lexicon
            and _similar(toks[j + 1][0], ptoks[k], lexicon) >= 0.95)


def _clipped(seen: str, ptoks: Sequence[str], k: int) -> bool:
    """The last word of a label of three or more words cut short by a narrow box ("tax withh")."""
    label = ptoks[k]
    return (k == len(ptoks) - 1 and k >= 2 and CLIPPED_MIN <= len(seen) < len(label)
            and label.startswith(seen))


def _box_start(line: Line, start: int, box_ids: bool, lexicon: frozenset[str] = frozenset()) -> int:
    """Where a label's box begins: at its box id ("12a", W-2 style, where the type has them) or at a question's
    number ("9. Property address"), which is never the value of the label before it."""
    before = start - 1
    while before > 0 and line.segment_of[before] == line.segment_of[start] and RULE.match(line.words[before].text):
        before -= 1  # a box's rule or a speck OCR read between the box id and its label ("a _ Employee's SSN")
    if before >= 0 and line.segment_of[before] == line.segment_of[start]:
        if (box_ids and BOX_ID.match(line.words[before].text)) or ITEM_NUMBER.match(line.words[before].text):
            return before - _box_word(line, before)
        if box_ids and _misread_box_id(line, before, lexicon):
            return before
    if before >= 0 and box_ids and BOX_ID.match(line.words[before].text) and _alone(line, before):
        return before  # a box id in a column of its own ("2 | Federal income tax withheld"), never a value
    return start


def _box_word(line: Line, index: int) -> int:
    """1 where the word "Box" stands before the box id at index in its segment ("Box 5 Medicare wages"), else 0."""
    before = index - 1
    same = before >= 0 and line.segment_of[before] == line.segment_of[index]
    return int(same and line.words[before].text.strip(SPECKS).lower() == "box")


def _misread_box_id(line: Line, index: int, lexicon: frozenset[str]) -> bool:
    """A box id OCR misread ("eff" or "ef" for "e/f", "©" for "c"): a short word opening the label's segment, no
    figure and no label word."""
    text = line.words[index].text.strip(SPECKS)  # a speck OCR glued to it ("‘eff")
    opens = index == 0 or line.segment_of[index - 1] != line.segment_of[index]
    return (opens and 0 < len(text) <= MISREAD_BOX_ID and not any(c.isdigit() for c in text)
            and not any(t in lexicon for t in _tokens(text)))


def _alone(line: Line, index: int) -> bool:
    """Whether a word is the only one of its segment and the next segment starts within a few line heights."""
    segment = line.segment_of[index]
    if line.segment_of.count(segment) != 1 or index + 1 >= len(line.words):
        return False
    return line.words[index + 1].x0 - line.words[index].x1 <= BOX_ID_GAP * line.height


def in_label_position(line: Line, hit: Hit) -> bool:
    """Labels open a segment (after an optional box id) or end with a colon; inside prose they are words."""
    segment = line.segment_of[hit.start]
    seg_start = line.segment_of.index(segment)
    while seg_start < hit.start and RULE.match(line.words[seg_start].text):
        seg_start += 1  # rules and specks read as words open no sentence
    last = line.words[hit.end - 1].text
    # a colon, or a dotted leader (a colon OCR read as an "S" before it: "PERIODS ......"), ends a label
    colon = last.endswith(":") or (hit.end < len(line.words) and (line.words[hit.end].text.startswith(":") or (
        len(line.words[hit.end].text) >= LEADER_CHARS and is_leader(line.words[hit.end]))))
    opens = hit.box_start == seg_start or (hit.start - seg_start == 1 and len(line.words[seg_start].text) <= 2)
    seg_len = line.segment_of.count(segment)
    # a sentence never holds a dotted leader: the words after one are its junk and a value, however many
    short = seg_len - (hit.end - seg_start) <= PROSE_EXTRA_TOKENS or any(
        len(w.text) >= LONG_LEADER and is_leader(w) for w in line.words[hit.end : seg_start + seg_len])
    return (opens and short) or colon or hit.box_start < hit.start or _after_gloss(line, hit)  # a box id marks one


# what joins the terms of a summary printed as one sum: "Beginning balance $X + Deposits $Y - ... = Ending balance $Z"
CURRENCY_WORDS = frozenset({"USD", "$", "US$"})  # printed apart before an amount: "Credits USD 1,234.56"
SUM_SIGNS = frozenset({"+", "-", "=", "\u2212", "\u2013", "\u2014", "|"})


def in_label_or_sum_position(line: Line, hit: Hit) -> bool:
    """In label position, or a term of a summary printed as one sum: the label opens its segment or follows a sign
    joining it to the term before, and its amount (maybe after a currency word) comes right after it, however long
    the line."""
    if in_label_position(line, hit):
        return True
    after = hit.end + (hit.end < len(line.words) and line.words[hit.end].text.upper() in CURRENCY_WORDS)
    if after >= len(line.words) or line.segment_of[after] != line.segment_of[hit.end - 1]:
        return False
    if not has_cents(line.words[after].text):
        return False
    segment = line.segment_of[hit.start]
    opens = hit.box_start == line.segment_of.index(segment)
    before = line.words[hit.box_start - 1].text if hit.box_start > 0 else ""
    return opens or (before in SUM_SIGNS and line.segment_of[hit.box_start - 1] == segment)


GLOSS_MAX_WORDS = 4  # another wording of a label before a slash: "Salario Bruto / Gross Pay"


def _after_gloss(line: Line, hit: Hit) -> bool:
    """A label printed after its wording in another language and a slash ("Nombre del Empleado / Employee Name",
    "Salario Bruto / Gross Pay"): the segment opens with a few words of letters, then the slash, then the label,
    and little follows it in its segment."""
    slash = hit.box_start - 1
    if slash < 1 or line.segment_of[slash] != line.segment_of[hit.start] or line.words[slash].text != "/":
        return False
    segment = line.segment_of[slash]
    gloss = [w.text for w, s in zip(line.words[:slash], line.segment_of[:slash]) if s == segment]
    if not gloss or len(gloss) > GLOSS_MAX_WORDS or any(ch.isdigit() for text in gloss for ch in text):
        return False
    return line.segment_of.count(segment) - (hit.end - (slash - len(gloss))) <= PROSE_EXTRA_TOKENS


def resolve(found: list[Hit]) -> list[Hit]:
    """Keep the longest, best-matching label where several claim the same words of a line; of two as long, the one
    whose box reaches further ("Box 5 Medicare wages" over "Box 5")."""
    taken: dict[int, list[tuple[int, int]]] = {}
    kept: list[Hit] = []
    for hit in sorted(found, key=lambda h: (-h.ntokens, -h.score, h.box_start - h.end, h.line, h.start)):
        spans = taken.setdefault(hit.line, [])
        if any(hit.box_start < end and start < hit.end for start, end in spans):
            continue
        spans.append((hit.box_start, hit.end))
        kept.append(hit)
    return sorted(kept, key=lambda h: (h.line, h.start))
