"""The evaluation-set generator: layouts split between tests and evaluation, styles, names, scans, packages.

Seeds here are never 2026 (the evaluation seed), and only the `train` split's files are written.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
from collections import Counter
from dataclasses import replace
from datetime import date

import pytest
from PIL import Image

from loan_extractor.samples import build_evaluation_truth, plan_evaluation_set, write_evaluation_set
from loan_extractor.samples import variety
from loan_extractor.samples.draw import Style
from loan_extractor.samples.names import is_latin1
from tests.test_samples import _check_rules, _check_shape, _format_by_content

TESTS_SEED = 11


def _truth(split: str, seed: int = TESTS_SEED, per_cell: int = 3, packages: int = 2) -> dict:
    return build_evaluation_truth(plan_evaluation_set(seed, per_cell, split=split, tax_year=2025, packages=packages))


def test_the_train_split_never_draws_a_held_out_layout_and_the_eval_split_does():
    train, held = _truth("train"), _truth("eval")
    assert {e["meta"]["layout_split"] for e in train.values()} == {"train", "foreign"}
    held_out = {e["meta"]["layout"] for e in held.values() if e["meta"]["layout_split"] == "held_out"}
    assert held_out == {name for group in variety.HELD_OUT.values() for name in group}
    assert not held_out & {e["meta"]["layout"] for e in train.values()}


def test_truth_is_deterministic_and_values_obey_the_rules():
    first = _truth("eval")
    assert first == _truth("eval") and first != _truth("eval", seed=TESTS_SEED + 1)
    for key, entry in first.items():
        if entry["doc_type"] == "unknown":
            assert entry["fields"] == {}, key
            continue
        _check_shape(entry["doc_type"], entry["fields"])
        _check_rules(entry["doc_type"], entry["fields"], date(2026, 6, 1))


def test_cells_cover_every_band_and_type_with_both_name_scripts():
    truth = _truth("eval", per_cell=2, packages=0)
    cells = Counter((e["meta"]["quality_band"], e["doc_type"]) for e in truth.values() if e["doc_type"] != "unknown")
    assert set(cells.values()) == {2} and len(cells) == len(variety.BANDS) * 4
    scripts = Counter(e["meta"]["name_script"] for e in truth.values())
    assert scripts["ascii"] and scripts["latin_diacritics"]
    jpeg = [e["meta"] for e in truth.values() if e["meta"]["quality_band"] == "jpeg_200_skew"]
    assert all(m["format"] == "jpeg" and m["dpi"] == 200 and 1.0 <= abs(m["skew"]) <= 3.0 for m in jpeg)
    assert {e["meta"]["rotation"] for e in truth.values() if e["meta"]["quality_band"] == "rotated"} <= {90, 180, 270}


def test_package_truth_is_contiguous_with_a_two_page_statement_and_foreign_pages_between():
    truth = _truth("eval", per_cell=1, packages=2)
    for package in ("packages/package_01.pdf", "packages/package_02.pdf"):
        parts = sorted((e["pages"], k, e["doc_type"]) for k, e in truth.items() if k.startswith(package + "#"))
        pages = [p for part, _, _ in parts for p in part]
        assert pages == list(range(1, len(pages) + 1))
        types = [t for _, _, t in parts]
        assert sorted(t for t in types if t != "unknown") == ["bank_statement", "loan_application", "pay_stub", "w2"]
        assert types.count("unknown") == 3 and all(a != b for a, b in zip(types, types[1:]))
        for part, key, doc_type in parts:
            first, last = part[0], part[-1]
            assert key == f"{package}#{first}" + (f"-{last}" if last != first else "")
            assert len(part) == (2 if doc_type == "bank_statement" else 1)


def test_without_unicode_fonts_names_stay_in_latin1(monkeypatch):
    monkeypatch.setattr(variety, "unicode_fonts_available", lambda: False)
    truth = _truth("eval", per_cell=4, packages=0)
    names = [f.get("employee_name") or f.get("account_holder") or f.get("applicant_name")
             for f in (e["fields"] for e in truth.values()) if f]
    assert names and all(is_latin1(n) for n in names)
    assert not any(e["meta"]["font"].startswith("DejaVu") for e in truth.values())


@pytest.mark.parametrize(("style", "cents", "printed"), [
    (Style(money_style="usd"), 123456, "USD 1,234.56"), (Style(money_style="bare"), 123456, "1234.56"),
    (Style(money_style="dollar", parens=True), -1200, "($12.00)"), (Style(money_style="plain"), -1200, "-12.00"),
    (Style(), -1200, "-$12.00"),
])
def test_money_styles(style, cents, printed):
    assert style.money(cents) == printed


def test_day_first_dates_print_only_under_a_label_that_says_so():
    style = Style(dates="dayfirst")
    assert style.date("2026-03-04") == "04/03/2026" and style.date_label("Pay Date") == "Pay Date (DD/MM/YYYY)"
    assert Style(dates="short").date("2026-03-04") == "04 Mar 2026" and Style().date_label("Pay Date") == "Pay Date"
    classic = [e for e in _truth("eval").values() if e["meta"]["layout"] in
               {n for group in variety.CLASSIC.values() for n in group}]
    assert classic and all(e["meta"]["date_style"] != "dayfirst" for e in classic)


@pytest.mark.tesseract
def test_written_train_set_matches_its_truth(tmp_path):
    truth = json.loads(write_evaluation_set(tmp_path, TESTS_SEED, 1, split="train", tax_year=2025,
                                            bands=("text", "rotated", "jpeg_200_skew"), packages=1).read_text("utf-8"))
    files = {key.split("#")[0] for key in truth}
    assert files == {str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.name != "truth.json" and p.is_file()}
    for key, entry in truth.items():
        path, meta = tmp_path / key.split("#")[0], entry["meta"]
        expected = "pdf_scan" if meta["format"] == "pdf_scan" else meta["format"]
        assert _format_by_content(path) == expected, key
        if meta["format"] in ("png", "jpeg"):
            image = Image.open(path)
            assert image.info["dpi"][0] == pytest.approx(meta["dpi"], abs=0.5)
            assert (image.width > image.height) == (meta["rotation"] in (90, 270)), key
    package = tmp_path / "packages" / "package_01.pdf"
    info = subprocess.run(["pdfinfo", str(package)], capture_output=True, text=True, check=True).stdout
    last_page = max(p for k, e in truth.items() if k.startswith("packages/") for p in e["pages"])
    assert re.search(rf"^Pages:\s+{last_page}$", info, re.M), info
    text_docs = [(k, e) for k, e in truth.items() if e["meta"]["format"] == "pdf_text" and e["fields"] and "#" not in k]
    for key, entry in text_docs:
        name = entry["fields"].get("employee_name") or entry["fields"].get("account_holder") or entry["fields"].get(
            "applicant_name")
        text = subprocess.run(["pdftotext", "-layout", str(tmp_path / key), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert " ".join(name.split()[-1:]) in text, key  # diacritics survive in the text layer


def test_development_layouts_are_drawn_by_the_train_split_only():
    development = {name for group in variety.DEVELOPMENT.values() for name in group}
    train = {e["meta"]["layout"] for e in _truth("train", per_cell=12, packages=0).values()}
    held = {e["meta"]["layout"] for e in _truth("eval", per_cell=12, packages=0).values()}
    assert development <= train
    assert not development & held
    assert not development & {name for group in variety.TRAIN.values() for name in group}


def test_unseen_layouts_are_drawn_by_the_unseen_split_only_and_never_trained_on():
    unseen = {name for group in variety.UNSEEN.values() for name in group}
    if all(variety.UNSEEN.values()):  # the split draws every type
        drawn = _truth("unseen", per_cell=12, packages=0)
        assert {e["meta"]["layout"] for e in drawn.values() if e["meta"]["layout_split"] != "foreign"} == unseen
        assert {e["meta"]["layout_split"] for e in drawn.values()} == {"unseen", "foreign"}
    for split in ("train", "eval"):
        assert not unseen & {e["meta"]["layout"] for e in _truth(split, per_cell=12, packages=0).values()}
    trained = {name for doc_type in variety.TRAIN for name in variety.layouts_for(doc_type, "train")}
    assert not unseen & trained


def test_a_forced_face_changes_only_the_font_and_covers_the_name(monkeypatch):
    plain = [variety.draw_style(random.Random(7), "ledger", scan, name)
             for scan, name in ((True, "Ana Ruiz"), (False, "Ana Ruiz"), (True, "Minh Tuấn Nguyễn"), (True, "Łukasz Żak"))]
    monkeypatch.setenv(variety.FORCE_FONT, "Mono")
    forced = [variety.draw_style(random.Random(7), "ledger", scan, name)
              for scan, name in ((True, "Ana Ruiz"), (False, "Ana Ruiz"), (True, "Minh Tuấn Nguyễn"), (True, "Łukasz Żak"))]
    assert [s.font for s in forced] == ["Mono", "Courier", "DejaVu", "DejaVuMono"]  # no "ễ" in DejaVu Sans Mono
    assert [replace(s, font="") for s in forced] == [replace(s, font="") for s in plain]
