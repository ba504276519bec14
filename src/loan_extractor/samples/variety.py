"""Layouts by split, print styles, borrowers and scan qualities for the evaluation and training sets.

Layouts are split: `train` layouts may appear in tests and training data; `held_out` layouts appear
only in the `eval` split, so a score on them cannot come from tuning to the tests. Development layouts
are trained and tested on like `train` ones but only the `train` split draws them.
"""

from __future__ import annotations

import os
import random
from dataclasses import replace

from loan_extractor.samples import (
    layout_application, layout_bank, layout_pay_stub, layout_w2, provider_application, provider_bank,
    provider_pay_stub, provider_w2, unseen_application, unseen_application_families, unseen_bank, unseen_bank_families,
    unseen_bank_styles, unseen_more_application, unseen_more_bank, unseen_more_pay_stub, unseen_more_w2,
    unseen_pay_stub, unseen_stub_families, unseen_stub_styles, unseen_w2, unseen_w2_families, unseen_w2_styles,
    variety_application, variety_bank, variety_pay_stub, variety_w2,
)
from loan_extractor.samples.degrade import Degradation
from loan_extractor.samples.draw import Style, covers, unicode_fonts_available
from loan_extractor.samples.loan import make_application, make_w2
from loan_extractor.samples.names import ASCII, DIACRITICS, diacritic_name, is_latin1
from loan_extractor.samples.values import SampleDoc, make_bank_statement, make_employer, make_pay_stub, make_person

SPLITS = ("train", "eval", "unseen")
# the layouts of the first sample set print two label synonyms (variant 0 or 1) and no labelled day-first date
CLASSIC = {"pay_stub": layout_pay_stub.LAYOUTS, "bank_statement": layout_bank.LAYOUTS, "w2": layout_w2.LAYOUTS,
           "loan_application": layout_application.LAYOUTS}
TRAIN = {t: {**CLASSIC[t], **m.TRAIN} for t, m in (
    ("pay_stub", variety_pay_stub), ("bank_statement", variety_bank), ("w2", variety_w2),
    ("loan_application", variety_application))}
# Payroll providers', banks' and URLA-style layouts modelled on real documents the layouts above do not cover,
# written to develop the extractor: in the training corpus, the tests and the `train` split, never in the `eval`
# split, whose mix of train and held-out layouts stays the one measured before they existed.
DEVELOPMENT = {"pay_stub": provider_pay_stub.LAYOUTS, "bank_statement": provider_bank.LAYOUTS,
               "w2": provider_w2.LAYOUTS, "loan_application": provider_application.LAYOUTS}
# Development layouts written after the type model's training corpus was settled: only the `unseen` split draws
# them, and the type model never trains on them, so they measure both field extraction and classification on
# layouts nothing was fitted to, and adding one changes neither the model nor the `train` and `eval` splits.
UNSEEN = {"pay_stub": {**unseen_pay_stub.LAYOUTS, **unseen_stub_families.LAYOUTS, **unseen_more_pay_stub.LAYOUTS,
                       **unseen_stub_styles.LAYOUTS},
          "bank_statement": {**unseen_bank.LAYOUTS, **unseen_bank_families.LAYOUTS, **unseen_more_bank.LAYOUTS,
                             **unseen_bank_styles.LAYOUTS},
          "w2": {**unseen_w2.LAYOUTS, **unseen_w2_families.LAYOUTS, **unseen_more_w2.LAYOUTS,
                 **unseen_w2_styles.LAYOUTS},
          "loan_application": {**unseen_application.LAYOUTS, **unseen_application_families.LAYOUTS,
                               **unseen_more_application.LAYOUTS}}
# fields a layout prints only in a form the contract cannot keep (an EIN masked to its last digits), by type:
# the truth of its documents has them null
HIDDEN = {"w2": unseen_w2_styles.HIDDEN}
HELD_OUT = {"pay_stub": variety_pay_stub.HELD_OUT, "bank_statement": variety_bank.HELD_OUT,
            "w2": variety_w2.HELD_OUT, "loan_application": variety_application.HELD_OUT}
TWO_PAGE = frozenset({"ledger", "summary_table"})
# quality band -> the scan formats it draws from (None: a text-layer PDF)
BANDS: dict[str, tuple[str, ...] | None] = {
    "text": None, "scan_300": ("png", "tiff", "pdf_scan"), "jpeg_200_skew": ("jpeg",),
    "rotated": ("pdf_scan", "png"), "low_150": ("png", "jpeg"),
}
# A benchmark switch: every document drawn in one face ("Sans", "Serif" or "Mono"), the random draws unchanged.
FORCE_FONT = "LOAN_SAMPLES_FONT"
# face -> (text-layer font, scan font, full-Latin font)
FACES = {"Sans": ("Helvetica", "Sans", "DejaVu"), "Serif": ("Times", "Serif", "DejaVuSerif"),
         "Mono": ("Courier", "Mono", "DejaVuMono")}


def layouts_for(doc_type: str, split: str) -> dict[str, object]:
    """The layouts a split may draw for one type: `train` and development ones, `train` and held-out ones, or
    the unseen development ones alone."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}: one of {SPLITS}")
    if split == "unseen":
        return dict(UNSEEN[doc_type])
    return {**TRAIN[doc_type], **(HELD_OUT[doc_type] if split == "eval" else DEVELOPMENT[doc_type])}


def layout_named(doc_type: str, name: str):  # type: ignore[no-untyped-def]
    """The drawing function of a layout of any group."""
    return {**TRAIN[doc_type], **DEVELOPMENT[doc_type], **UNSEEN[doc_type], **HELD_OUT[doc_type]}[name]


def as_printed(doc: SampleDoc, layout: str) -> SampleDoc:
    """The document as a layout shows it: the fields it hides (HIDDEN) null, the values to draw from unchanged."""
    hidden = HIDDEN.get(doc.doc_type, {}).get(layout, ())
    return replace(doc, fields={**doc.fields, **dict.fromkeys(hidden)}) if hidden else doc


def layout_split(doc_type: str, layout: str) -> str:
    """`held_out` for a layout only the evaluation split draws, `unseen` for an unseen development one, else `train`."""
    if layout in HELD_OUT.get(doc_type, {}):
        return "held_out"
    return "unseen" if layout in UNSEEN.get(doc_type, {}) else "train"


def draw_style(rng: random.Random, layout: str, scan: bool, name: str) -> Style:
    """Fonts, date and money styles, a label variant; a full-Latin name forces a TrueType font."""
    classic = any(layout in group for group in CLASSIC.values())
    fonts = ["Sans", "Serif"] if scan else ["Helvetica", "Times", "Courier"]
    if unicode_fonts_available():
        fonts += ["DejaVu", "DejaVuSerif"]
    if not is_latin1(name):
        fonts = ["DejaVu", "DejaVuSerif"]
    dates = ("us", "long", "iso", "short") + (() if classic else ("dayfirst",))
    mask = rng.choice(("XXXXXX", "****" if not scan else "XXXXXX", ""))
    style = Style(dates=rng.choice(dates), dollar=True, font=rng.choice(fonts),
                  variant=rng.randint(0, 1 if classic else 3), mask=mask,
                  money_style=rng.choice(("plain", "dollar", "usd", "bare")), parens=rng.random() < 0.5)
    return replace(style, font=forced_font(scan, name)) if os.environ.get(FORCE_FONT) else style


def forced_font(scan: bool, name: str) -> str:
    """The font of the face $LOAN_SAMPLES_FONT names, for a scan or a text layer, TrueType for a full-Latin name
    (DejaVu Sans where the face's TrueType font has no glyph for one of its letters)."""
    face = FACES[os.environ[FORCE_FONT]]
    if is_latin1(name):
        return face[1 if scan else 0]
    return face[2] if covers(face[2], name) else "DejaVu"


def degradation(rng: random.Random, band: str, fmt: str) -> Degradation:
    """A scan of the band's quality in the given format."""
    if band == "scan_300":
        return Degradation(fmt, 300, round(rng.uniform(-1.0, 1.0), 2), 0, 6.0, 0.6, 85)
    if band == "jpeg_200_skew":
        skew = round(rng.uniform(1.0, 3.0) * rng.choice((-1, 1)), 2)
        return Degradation(fmt, 200, skew, 0, 8.0, 0.7, rng.randint(55, 80))
    if band == "rotated":
        return Degradation(fmt, 300, round(rng.uniform(-1.0, 1.0), 2), rng.choice((90, 180, 270)), 6.0, 0.6, 85)
    if band == "low_150":
        return Degradation(fmt, 150, round(rng.uniform(-1.5, 1.5), 2), 0, 9.0, 0.8, 75)
    raise ValueError(f"{band!r} is not a scan band")


def make_borrower_docs(rng: random.Random, script: str, tax_year: int) -> tuple[dict[str, SampleDoc], str | None]:
    """One consistent borrower's four documents, the name ASCII or with diacritics; and the name's locale."""
    person, locale = make_person(rng, tax_year), None
    if script == DIACRITICS:
        locale, first, last = diacritic_name(rng, full_latin=unicode_fonts_available())
        person = replace(person, first=first, last=last)
    elif script != ASCII:
        raise ValueError(f"unknown name script {script!r}")
    employer = make_employer(rng)
    salary = rng.randint(420, 1500) * 100_00
    stub = make_pay_stub(rng, person.name, employer, salary, tax_year + 1)
    net = round(float(str(stub.fields["net_pay"])) * 100)
    docs = {"pay_stub": stub, "bank_statement": make_bank_statement(rng, person.name, net, tax_year + 1),
            "w2": make_w2(rng, person, employer, round(salary * rng.uniform(0.985, 1.0)), tax_year),
            "loan_application": make_application(rng, person, employer, salary, salary)}
    return docs, locale
