"""The plan of a sample set: every document's values, layout, print style, file format and expected ending.

Everything random is drawn here, in one fixed order, from `random.Random(seed)`; writing files
afterwards draws nothing, so the truth depends on the seed alone (and the tax year).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from loan_extractor.samples.documents import LAYOUTS
from loan_extractor.samples.draw import Style
from loan_extractor.samples.loan import FLAGGED, make_loan
from loan_extractor.samples.scans import EXTENSIONS
from loan_extractor.samples.values import SampleDoc

DOC_TYPES = ("pay_stub", "bank_statement", "w2", "loan_application")
# one cycle of loans: (planted kind, {doc_type: (format, dpi)}); the cycle repeats for more loans
CYCLE: tuple[tuple[str | None, dict[str, tuple[str, int | None]]], ...] = (
    (None, {t: ("pdf_text", None) for t in DOC_TYPES}),
    (None, {"pay_stub": ("png", 300), "w2": ("jpeg", 300), "bank_statement": ("tiff", 300),
            "loan_application": ("pdf_scan", 300)}),
    ("income_mismatch", {"pay_stub": ("pdf_text", None), "w2": ("png", 300), "bank_statement": ("pdf_scan", 300),
                         "loan_application": ("jpeg", 300)}),
    ("name_mismatch", {"pay_stub": ("pdf_scan", 300), "w2": ("pdf_text", None), "bank_statement": ("png", 300),
                       "loan_application": ("pdf_text", None)}),
    ("employer_mismatch", {"pay_stub": ("jpeg", 300), "w2": ("pdf_scan", 300), "bank_statement": ("pdf_text", None),
                           "loan_application": ("png", 300)}),
    ("ssn_mismatch", {"pay_stub": ("pdf_text", None), "w2": ("tiff", 300), "bank_statement": ("jpeg", 300),
                      "loan_application": ("pdf_text", None)}),
)
# the bank statement layouts by page count: single-image formats can hold one page only
ONE_PAGE, TWO_PAGES = "summary_page", "ledger"


@dataclass(frozen=True)
class PlannedDoc:
    """One generated document of the set and how it is to be written."""

    path: str  # relative to the set's folder, with forward slashes
    doc: SampleDoc
    loan_id: str | None
    layout: str
    style: Style
    fmt: str
    dpi: int | None
    planted: str | None
    status: str
    reason: str | None
    angle: float = 0.0
    noise_seed: int = 0


@dataclass(frozen=True)
class SamplePlan:
    """The planned documents (loans, then the renamed scan) and a spare borrower's documents."""

    documents: list[PlannedDoc]
    spare: dict[str, SampleDoc]


def plan_sample_set(seed: int, loans: int, tax_year: int) -> SamplePlan:
    """Draw every value of the set from `random.Random(seed)` in a fixed order."""
    rng = random.Random(seed)
    planned: list[PlannedDoc] = []
    for index in range(loans):
        planted, formats = CYCLE[index % len(CYCLE)]
        loan_id = f"L{1001 + index}"
        docs = make_loan(rng, planted, tax_year)
        for offset, doc_type in enumerate(DOC_TYPES):
            fmt, dpi = formats[doc_type]
            flagged = planted is not None and doc_type in FLAGGED[planted]
            path = f"{loan_id}/{doc_type}{EXTENSIONS.get(fmt, '.pdf')}"
            planned.append(_planned(rng, path, docs[doc_type], loan_id, _layout(doc_type, fmt, index + offset),
                                    fmt, dpi, planted, ("needs_review", "anomaly") if flagged else ("processed", None)))
    spare = make_loan(rng, None, tax_year)
    # a PNG scan of a valid pay stub saved under a .jpg name: the extension does not match the content
    planned.append(_planned(rng, "renamed.jpg", spare["pay_stub"], None, "label_lines", "png", 200, None,
                            ("needs_review", "extension_mismatch")))
    return SamplePlan(planned, spare)


def truth_entry(p: PlannedDoc) -> dict[str, object]:
    """The truth file's entry of one planned document."""
    return {
        "doc_type": p.doc.doc_type, "loan_id": p.loan_id, "fields": dict(p.doc.fields),
        "expected_status": p.status, "expected_reason": p.reason,
        "meta": {"format": p.fmt, "layout": p.layout, "dpi": p.dpi, "planted": p.planted},
    }


def _layout(doc_type: str, fmt: str, turn: int) -> str:
    if doc_type == "bank_statement" and fmt in ("png", "jpeg"):
        return ONE_PAGE
    if doc_type == "bank_statement" and fmt == "tiff":
        return TWO_PAGES  # the multi-page TIFF
    names = list(LAYOUTS[doc_type])
    return names[turn % len(names)]


def _planned(rng: random.Random, path: str, doc: SampleDoc, loan_id: str | None, layout: str, fmt: str,
             dpi: int | None, planted: str | None, ending: tuple[str, str | None]) -> PlannedDoc:
    # scans are rendered from PDFs, and only embedded fonts render the same on every machine
    font = rng.choice(("Helvetica", "Helvetica", "Times") if fmt == "pdf_text" else ("Sans", "Sans", "Serif"))
    # tesseract garbles asterisk masks and the digits beside them ("****8372" -> "KB 372"): text PDFs only
    mask = rng.choice(("XXXXXX", "****" if fmt == "pdf_text" else "XXXXXX", ""))
    style = Style(dates=rng.choice(("us", "long", "iso")), dollar=rng.random() < 0.6, font=font,
                  variant=rng.randint(0, 1), mask=mask)
    angle = round(rng.uniform(0.2, 1.2) * rng.choice((-1, 1)), 2)
    return PlannedDoc(path, doc, loan_id, layout, style, fmt, dpi, planted, *ending,
                      angle=angle, noise_seed=rng.randint(0, 2**31 - 1))
