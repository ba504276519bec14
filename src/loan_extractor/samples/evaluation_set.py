"""An evaluation (or training) set: documents per (quality band x type) cell, foreign documents and
mixed loan-package PDFs, with a truth file the `evaluate` command reads.

Truth keys are paths relative to the set's folder; a logical document inside a package is keyed
`<path>#<first>-<last>` (1-based pages, `#3` for one page) and its entry repeats the range in `pages`;
its `meta.quality_band` is `package_<band>` (`package_text`, `package_scan_300`).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from loan_extractor.samples import foreign
from loan_extractor.samples.degrade import Degradation, scan_to
from loan_extractor.samples.draw import Page, Style, register_unicode_fonts
from loan_extractor.samples.names import ASCII, DIACRITICS
from loan_extractor.samples.sample_set import default_tax_year
from loan_extractor.samples.scans import EXTENSIONS
from loan_extractor.samples.values import SampleDoc
from loan_extractor.samples.variety import (  # noqa: I001
    BANDS, TWO_PAGE, as_printed, degradation, draw_style, layout_named, layout_split, layouts_for, make_borrower_docs,
)

DOC_TYPES = ("pay_stub", "bank_statement", "w2", "loan_application")
FOREIGN_BANDS = ("text", "scan_300", "jpeg_200_skew")
TRUTH_FILE = "truth.json"


@dataclass(frozen=True)
class Part:
    """One logical document drawn into a file, with its pages in that file and its truth metadata."""

    doc: SampleDoc
    layout: str
    style: Style
    pages: tuple[int, int]
    meta: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class PlannedFile:
    """One file of the set: its parts (several for a package), its scan (None: text layer), a noise seed."""

    path: str
    parts: tuple[Part, ...]
    scan: Degradation | None
    seed: int

    def truth(self) -> dict[str, dict[str, object]]:
        """Truth entries: one keyed by the path, or one per logical document for a package."""
        scan_meta = self.scan.meta() if self.scan else {"format": "pdf_text", "dpi": None, "rotation": 0}
        package = len(self.parts) > 1
        entries = {}
        for part in self.parts:
            first, last = part.pages
            key = f"{self.path}#{first}" if package and first == last else (
                f"{self.path}#{first}-{last}" if package else self.path)
            entries[key] = {"doc_type": part.doc.doc_type, "fields": dict(part.doc.fields),
                            "pages": list(range(first, last + 1)), "meta": {**scan_meta, **part.meta}}
        return entries


def plan_evaluation_set(seed: int = 2026, per_cell: int = 4, *, split: str = "eval", tax_year: int | None = None,
                        bands: tuple[str, ...] = tuple(BANDS), packages: int = 2) -> list[PlannedFile]:
    """Draw every value, layout, style and scan of the set from `random.Random(seed)`, in a fixed order."""
    rng, year = random.Random(seed), tax_year or default_tax_year()
    planned = []
    for b, band in enumerate(bands):
        for t, doc_type in enumerate(DOC_TYPES):
            if not layouts_for(doc_type, split):
                continue  # the unseen split while a type has no layout there
            for i in range(per_cell):
                planned.append(_cell_file(rng, band, b, doc_type, i + t, f"{band}/{doc_type}_{i + 1:02d}", split, year))
    for band in (b for b in FOREIGN_BANDS if b in bands):
        for k, kind in enumerate(foreign.KINDS):
            for i in range(max(1, per_cell // 2)):
                planned.append(_foreign_file(rng, band, kind, i + k, f"foreign/{kind}_{band}_{i + 1:02d}", year))
    for i in range(packages):
        planned.append(_package_file(rng, "text" if i % 2 == 0 else "scan_300", i, f"packages/package_{i + 1:02d}",
                                     split, year))
    return planned


def build_evaluation_truth(planned: list[PlannedFile]) -> dict[str, dict[str, object]]:
    """The truth file's content for planned files, computed without writing anything."""
    truth: dict[str, dict[str, object]] = {}
    for item in planned:
        truth.update(item.truth())
    return dict(sorted(truth.items()))


def write_evaluation_set(out_dir: Path, seed: int = 2026, per_cell: int = 4, *, split: str = "eval",
                         tax_year: int | None = None, bands: tuple[str, ...] = tuple(BANDS), packages: int = 2) -> Path:
    """Write the planned set and `truth.json` under `out_dir`; returns the truth file's path."""
    out_dir = Path(out_dir)
    planned = plan_evaluation_set(seed, per_cell, split=split, tax_year=tax_year, bands=bands, packages=packages)
    for item in planned:
        write_planned_file(out_dir, item)
    truth_path = out_dir / TRUTH_FILE
    truth_path.write_text(json.dumps(build_evaluation_truth(planned), indent=2, ensure_ascii=False) + "\n",
                          encoding="utf-8")
    return truth_path


def write_planned_file(out_dir: Path, item: PlannedFile) -> Path:
    """Draw the file's parts in order, then scan the result when the plan says so."""
    target = out_dir / item.path
    target.parent.mkdir(parents=True, exist_ok=True)
    if item.scan is None:
        return draw_parts(item.parts, target)
    return scan_to(target, item.scan, item.seed, lambda source: draw_parts(item.parts, source))


def draw_parts(parts: tuple[Part, ...], path: Path) -> Path:
    """Every part on one canvas, each from a new page; checks each part lands on its planned pages."""
    if any(p.style.font.startswith("DejaVu") for p in parts):
        register_unicode_fonts()
    page = Page(path, parts[0].style)
    for number, part in enumerate(parts):
        if number:
            page.new_page()
        page.style = part.style
        first = page.canvas.getPageNumber()
        _layout(part)(page, part.doc)
        if (first, page.canvas.getPageNumber()) != part.pages:
            raise AssertionError(f"{path.name}: {part.layout} drew pages {first}-{page.canvas.getPageNumber()}")
    page.save()
    return path


def _layout(part: Part):  # type: ignore[no-untyped-def]
    if part.doc.doc_type == "unknown":
        return foreign.LAYOUTS[part.layout]
    return layout_named(part.doc.doc_type, part.layout)


def _scan(rng: random.Random, band: str, turn: int) -> Degradation | None:
    formats = BANDS[band]
    return None if formats is None else degradation(rng, band, formats[turn % len(formats)])


def _extension(scan: Degradation | None) -> str:
    return ".pdf" if scan is None else EXTENSIONS[scan.fmt]


def _part(rng: random.Random, doc: SampleDoc, layout: str, scan: bool, first: int, meta: dict) -> Part:
    style = draw_style(rng, layout, scan, str(meta.get("name", "")))
    pages = (first, first + (1 if layout in TWO_PAGE else 0))
    doc = as_printed(doc, layout)
    info = {k: v for k, v in meta.items() if k != "name"}
    info |= {"layout": layout, "font": style.font, "date_style": style.dates, "money_style": style.money_style}
    return Part(doc, layout, style, pages, info)


def _cell_file(rng: random.Random, band: str, b: int, doc_type: str, turn: int, stem: str, split: str,
               year: int) -> PlannedFile:
    scan = _scan(rng, band, turn)
    script = (ASCII, DIACRITICS)[turn % 2]
    docs, locale = make_borrower_docs(rng, script, year)
    names = sorted(layouts_for(doc_type, split))
    if scan is not None and scan.fmt in ("png", "jpeg"):
        names = [n for n in names if n not in TWO_PAGE]
    layout = names[(turn + b) % len(names)]
    meta = {"quality_band": band, "layout_split": layout_split(doc_type, layout), "name_script": script,
            "locale": locale, "name": _name(docs[doc_type])}
    part = _part(rng, docs[doc_type], layout, scan is not None, 1, meta)
    return PlannedFile(stem + _extension(scan), (part,), scan, rng.randint(0, 2**31 - 1))


def _foreign_file(rng: random.Random, band: str, kind: str, turn: int, stem: str, year: int) -> PlannedFile:
    scan = _scan(rng, band, turn)
    script = (ASCII, DIACRITICS)[turn % 2]
    docs, locale = make_borrower_docs(rng, script, year)
    name = _name(docs["w2"])
    doc = foreign.make_foreign(rng, kind, name, year)
    meta = {"quality_band": band, "layout_split": "foreign", "name_script": script, "locale": locale, "name": name}
    return PlannedFile(stem + _extension(scan), (_part(rng, doc, kind, scan is not None, 1, meta),), scan,
                       rng.randint(0, 2**31 - 1))


def _package_file(rng: random.Random, band: str, turn: int, stem: str, split: str, year: int) -> PlannedFile:
    """The four types in a shuffled order, the statement on two pages, a foreign page after types 1, 3, 4."""
    scan = None if band == "text" else degradation(rng, band, "pdf_scan")  # the one multi-page scan format
    script = (ASCII, DIACRITICS)[turn % 2]
    docs, locale = make_borrower_docs(rng, script, year)
    name = _name(docs["w2"])
    order = list(DOC_TYPES)
    rng.shuffle(order)
    kinds = list(foreign.KINDS)
    rng.shuffle(kinds)
    sequence: list[tuple[SampleDoc, str]] = []
    for number, doc_type in enumerate(order):
        layouts = sorted(layouts_for(doc_type, split))
        if doc_type == "bank_statement":
            layouts = [n for n in layouts if n in TWO_PAGE]
        sequence.append((docs[doc_type], rng.choice(layouts)))
        if number != 1:
            kind = kinds.pop()
            sequence.append((foreign.make_foreign(rng, kind, name, year), kind))
    parts, first = [], 1
    for doc, layout in sequence:
        split_name = "foreign" if doc.doc_type == "unknown" else layout_split(doc.doc_type, layout)
        # a band of its own, so that the single-document bands measure fields and the packages measure splitting
        meta = {"quality_band": f"package_{band}", "layout_split": split_name, "name_script": script, "locale": locale,
                "name": name, "package": True}
        parts.append(_part(rng, doc, layout, scan is not None, first, meta))
        first = parts[-1].pages[1] + 1
    return PlannedFile(stem + ".pdf", tuple(parts), scan, rng.randint(0, 2**31 - 1))


def _name(doc: SampleDoc) -> str:
    f = doc.fields
    return str(f.get("employee_name") or f.get("account_holder") or f.get("applicant_name") or "")
