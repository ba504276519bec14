"""Text-layer PDFs of generated documents: the layout registry and a document of none of the four types."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from loan_extractor.samples import layout_application, layout_bank, layout_pay_stub, layout_w2
from loan_extractor.samples.draw import MARGIN, Page, Style
from loan_extractor.samples.values import SampleDoc

Layout = Callable[[Page, SampleDoc], None]

LAYOUTS: dict[str, dict[str, Layout]] = {
    "pay_stub": layout_pay_stub.LAYOUTS,
    "bank_statement": layout_bank.LAYOUTS,
    "w2": layout_w2.LAYOUTS,
    "loan_application": layout_application.LAYOUTS,
}

LETTER_LINES = (
    "Dear Patient,",
    "",
    "This is a friendly reminder that your next dental cleaning is scheduled",
    "for Tuesday morning at nine o'clock. Please arrive ten minutes early and",
    "bring your insurance card. If you need to reschedule, call our front desk",
    "at least one day in advance so that another patient can use the slot.",
    "",
    "We look forward to seeing you.",
    "",
    "Sincerely,",
    "The Front Desk Team",
)


def write_pdf(doc: SampleDoc, layout: str, style: Style, path: Path, encrypt: str | None = None) -> Path:
    """Draw `doc` with the named layout of its type into a text-layer PDF at `path`."""
    page = Page(path, style, encrypt=encrypt)
    LAYOUTS[doc.doc_type][layout](page, doc)
    page.save()
    return path


def write_letter(path: Path) -> Path:
    """A one-page appointment reminder: a document of none of the four types."""
    page = Page(path, Style(font="Times"))
    page.text(MARGIN, 70, "Brightwater Family Dentistry", 16, bold=True)
    page.text(MARGIN, 88, "22 Harbor Street, Portland, ME 04101", 10)
    page.rule(100)
    page.text(MARGIN, 130, "Appointment Reminder", 13, bold=True)
    for number, line in enumerate(LETTER_LINES):
        page.text(MARGIN, 166 + number * 18, line, 11.5)
    page.save()
    return path
