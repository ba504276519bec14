"""Package splitting: the logical documents of a multi-page file (a loan package), each with its page range.

Each page is classified on its own; consecutive pages of one type form one document. A page with
no strong signal of its own (a transactions page without a heading, a blank back page) continues
the document before it; a page that the text model holds to be a foreign paper (a licence, a
cheque) becomes an `unknown` document. The words are read once: `extract_package` splits the
file's words and hands each document its own share to field extraction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from loan_extractor.config import PipelineConfig
from loan_extractor.extraction.classify import blended_scores, decide, model_scores, one_page_types, titled_types
from loan_extractor.extraction.words import Line, Word, build_lines
from loan_extractor.models import Document
from loan_extractor.spec import DocType
from loan_extractor.stages.extract import extract_from_words, read_words

FOREIGN_PROBABILITY = 0.5  # the text model's `unknown` probability from which a page is a paper of its own
MIN_FOREIGN_WORDS = 6  # fewer words than this are too little to call a page foreign: it continues


@dataclass(frozen=True)
class PageVerdict:
    """What one page looks like on its own."""

    page: int
    doc_type: DocType
    score: float
    foreign: bool  # unknown, and positively so: the text model says it is some other paper
    titled: bool  # prints a title of its type: a first page


@dataclass(frozen=True)
class PageGroup:
    """One logical document of a file: its type and its 1-based pages, in order."""

    doc_type: DocType
    pages: tuple[int, ...]
    confidence: float = 0.0  # the group's type score on all its pages (for unknown: 1 - best type's)


def judge_page(page: int, lines: Sequence[Line], min_score: float,
               scores: dict[DocType, float] | None = None) -> PageVerdict:
    """Classify one page's lines and say whether it starts, continues or interrupts a document.

    `scores` are the lines' blended type scores when the caller has them already.
    """
    if lines:
        doc_type, score = decide(scores if scores is not None else blended_scores(lines), min_score)
    else:
        doc_type, score = DocType.UNKNOWN, 1.0
    words = sum(len(line.words) for line in lines)
    foreign = (doc_type is DocType.UNKNOWN and words >= MIN_FOREIGN_WORDS
               and model_scores(lines).get(DocType.UNKNOWN.value, 0.0) >= FOREIGN_PROBABILITY)
    return PageVerdict(page, doc_type, score, foreign, doc_type in titled_types(lines))


def group_pages(verdicts: Sequence[PageVerdict]) -> list[PageGroup]:
    """Consecutive pages of one type as one group; weak pages join the group before them."""
    groups: list[tuple[DocType, list[PageVerdict]]] = []
    for verdict in verdicts:
        if not groups or _starts_document(groups[-1], verdict):
            kind = verdict.doc_type if verdict.doc_type is not DocType.UNKNOWN or verdict.foreign else DocType.UNKNOWN
            groups.append((kind, [verdict]))
        else:
            groups[-1][1].append(verdict)
    return [PageGroup(kind, tuple(v.page for v in members)) for kind, members in groups]


def _starts_document(group: tuple[DocType, list[PageVerdict]], verdict: PageVerdict) -> bool:
    kind, members = group
    if verdict.doc_type is DocType.UNKNOWN:
        return verdict.foreign and kind is not DocType.UNKNOWN
    if verdict.doc_type is not kind:
        return True
    # a second titled page of a one-page type is the next document of that type
    return verdict.titled and kind in one_page_types() and any(m.titled for m in members)


def split_words(words: Sequence[Word], pages: Sequence[int], min_score: float) -> list[PageGroup]:
    """The logical documents among `pages` (every page of the file, blank ones too) from its words."""
    lines = build_lines(words)
    on_page = {page: [line for line in lines if line.page == page] for page in pages}
    page_scores = {page: blended_scores(page_lines) for page, page_lines in on_page.items() if page_lines}
    verdicts = [judge_page(page, on_page[page], min_score, page_scores.get(page)) for page in pages]
    return [_scored(group, [line for line in lines if line.page in group.pages], page_scores)
            for group in group_pages(verdicts)]


def _scored(group: PageGroup, lines: list[Line], page_scores: dict[int, dict[DocType, float]]) -> PageGroup:
    """The group with its type's score on all its pages (a one-page group's is its page's, already known)."""
    one_page = len(group.pages) == 1 and group.pages[0] in page_scores
    scores = page_scores[group.pages[0]] if one_page else blended_scores(lines)
    if group.doc_type is DocType.UNKNOWN:
        confidence = round(1.0 - max(scores.values()), 3)
    else:
        confidence = scores[group.doc_type]
    return PageGroup(group.doc_type, group.pages, confidence)


def part_of(doc: Document, group: PageGroup, whole: bool) -> Document:
    """The record of one logical document: its pages and page images, a doc_id naming its page range.

    A file that is one document keeps its record as it is (same doc_id, no type: field extraction
    classifies it whole, as for any file); a part carries its group's type and score.
    """
    if whole:
        return doc
    changes: dict[str, object] = {"doc_type": group.doc_type, "type_confidence": group.confidence}
    first, last = group.pages[0], group.pages[-1]
    changes |= {
        "doc_id": f"{doc.doc_id}-p{first}" if first == last else f"{doc.doc_id}-p{first}-{last}",
        "pages": group.pages,
        "page_images": tuple(image for image in doc.page_images if image.number in group.pages),
    }
    return doc.update(**changes)


def split_document(doc: Document, cfg: PipelineConfig, words: Sequence[Word] | None = None) -> list[Document]:
    """The file's logical documents, in page order; one record (the input's) when it holds a single one.

    `words` are the file's already-read words; they are read here (OCR or text layer) when not given.
    """
    if doc.is_terminal:
        return [doc]
    words = list(words) if words is not None else read_words(doc, cfg)
    pages = _pages(doc, words)
    if len(pages) == 1:
        return [doc]  # one page is one document: field extraction classifies it, as for any file
    groups = split_words(words, pages, cfg.extraction.min_type_score)
    return [part_of(doc, group, whole=len(groups) == 1) for group in groups]


def _pages(doc: Document, words: Sequence[Word]) -> tuple[int, ...]:
    """Every page of the file, blank ones too: the record's, else those its words are on, else page 1."""
    return doc.pages or tuple(sorted({w.page for w in words})) or (1,)


def extract_package(doc: Document, cfg: PipelineConfig) -> list[Document]:
    """Read the file's words once, split it into logical documents and extract the fields of each.

    Tool failures are raised as by `extract_document`, for the caller to retry or record.
    """
    if doc.is_terminal:
        return [doc]
    words = read_words(doc, cfg)
    if len(_pages(doc, words)) == 1:
        return [extract_from_words(doc, words, cfg)]  # nothing to split: classified once, by field extraction
    parts = split_document(doc, cfg, words)
    if len(parts) == 1:
        return [extract_from_words(parts[0], words, cfg)]
    return [extract_from_words(part, [w for w in words if w.page in part.pages], cfg) for part in parts]
