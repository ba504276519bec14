"""tesseract: the probe (version, languages) kept apart from the run (words with boxes from TSV).

Pages are read in this process by pooled engines (tools.ocr_engine) when tesserocr is installed and the
engine is "library", else by the `tesseract` command; both give the same TSV. OSD and the probe use the command.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import structlog

from loan_extractor.errors import ToolError, ToolMissingError
from loan_extractor.tools import ocr_engine
from loan_extractor.tools._run import run

if TYPE_CHECKING:
    import numpy as np

log = structlog.get_logger("loan_extractor.tesseract")

# Page segmentation "fully automatic": forms with columns and boxes come out as blocks;
# the extractor rebuilds lines from boxes itself, so the block order does not matter.
DEFAULT_PSM = 3

_SLOTS_LOCK = threading.Lock()
_processes = os.cpu_count() or 1
_slots = threading.BoundedSemaphore(_processes)
ENGINES = ("library", "cli")
_engine = "library" if ocr_engine.available() else "cli"


@dataclass(frozen=True)
class OcrWord:
    """One word tesseract read; box in image pixels, confidence 0..1."""

    text: str
    conf: float
    left: int
    top: int
    width: int
    height: int
    block: int
    par: int
    line: int


def configure(processes: int, engine: str = "library") -> None:
    """Bound the pages read at once (default: the core count) and choose who reads them.

    `engine` "library" reads in this process (tesserocr; the command when it is not installed, with a
    warning), "cli" starts the `tesseract` command per page.
    """
    global _slots, _engine, _processes
    if processes < 1:
        raise ValueError("at least one tesseract process must be allowed")
    if engine not in ENGINES:
        raise ValueError(f"unknown OCR engine {engine!r}: one of {ENGINES}")
    if engine == "library" and not ocr_engine.available():
        log.warning("ocr_engine_missing", message="tesserocr is not installed; pages are read by the tesseract command")
        engine = "cli"
    with _SLOTS_LOCK:
        _slots = threading.BoundedSemaphore(processes)
        _engine, _processes = engine, processes


def preload_engines(languages: Sequence[str]) -> threading.Thread | None:
    """Load the in-process engines of `languages` (one per OCR slot, installed models only) in a background
    thread; None when pages are read by the command. A model that fails to load is left to the first read,
    which reports it."""
    if _engine != "library":
        return None
    count = _processes
    wanted = [language for language in dict.fromkeys(languages) if language and has_languages(language)]

    def load() -> None:
        for language in wanted:
            try:
                ocr_engine.preload(language, count)
            except ToolMissingError:
                continue

    thread = threading.Thread(target=load, name="preload-ocr-engines", daemon=True)
    thread.start()
    return thread


def models_stay_loaded() -> bool:
    """Whether pages are read by pooled engines that keep their models loaded (no load cost per read)."""
    return _engine == "library"


def tesseract_version(timeout: float = 30) -> str:
    """The installed tesseract's version, e.g. "5.3.0"; ToolMissingError when it is absent."""
    out = run(["tesseract", "--version"], timeout=timeout)
    # tesseract 4 printed the version on stderr, 5 on stdout.
    text = (out.stdout + out.stderr).decode("utf-8", "replace")
    match = re.search(r"tesseract\s+v?(\S+)", text)
    if not match:
        raise ToolError("tesseract", "could not read the version", text)
    return match.group(1)


def available_languages(timeout: float = 30) -> set[str]:
    """The language packs tesseract can use (e.g. {"eng", "osd"})."""
    out = run(["tesseract", "--list-langs"], timeout=timeout)
    lines = (out.stdout + out.stderr).decode("utf-8", "replace").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("List of")}


def check_installed(language: str, timeout: float = 30) -> None:
    """Raise ToolMissingError, with the command that installs it, when tesseract or a language is missing."""
    hint = _hint(language)
    try:
        tesseract_version(timeout)
        languages = available_languages(timeout)
    except ToolMissingError as exc:
        raise ToolMissingError(f"tesseract is not installed; {hint}") from exc
    missing = [lang for lang in language.split("+") if lang not in languages]
    if missing:
        raise ToolMissingError(f"tesseract language {'+'.join(missing)} is not installed; {hint}")


def check_script_model(language: str, required: bool, timeout: float = 30) -> bool:
    """Is the optional model for re-reading names (e.g. "Latin") installed?

    Missing and `required`: ToolMissingError with the install command, so the run fails at start.
    Missing and optional: a warning naming the package, and False (names keep their English reading).
    An empty `language` means the feature is off: False, silently.
    """
    if not language:
        return False
    missing = [lang for lang in language.split("+") if lang not in available_languages(timeout)]
    if not missing:
        return True
    message = f"tesseract model {'+'.join(missing)} for names with diacritics is not installed; {_hint(language)}"
    if required:
        raise ToolMissingError(message)
    log.warning("script_model_missing", language=language, message=f"{message}; names are read with the main model")
    return False


@functools.cache
def has_languages(language: str) -> bool:
    """Whether every model of `language` ("Latin+vie") is installed; asked of tesseract once per process."""
    try:
        installed = available_languages()
    except (ToolError, ToolMissingError):
        return False
    return all(lang in installed for lang in language.split("+"))


def ocr_words(image_path: Path, language: str, timeout: float, psm: int = DEFAULT_PSM,
              dpi: float | None = None, models: Path | None = None, pixels: np.ndarray | None = None) -> list[OcrWord]:
    """Words of one page image with boxes and confidences; an empty page gives an empty list.

    `dpi` is the image's pixel density; without it tesseract guesses from text height and a
    wrong guess (426 for a 300 DPI scan here) loses whole form boxes. `models` is a tessdata
    directory to read the language from instead of the installed one. `pixels`, the image already
    decoded, spare the in-process engine decoding the file again (the command reads the file).
    """
    with _slots:
        try:
            if _engine == "library":
                tsv = ocr_engine.read_tsv(image_path, language, timeout, psm, dpi, models, pixels)
            else:
                tsv = _read_with_command(image_path, language, timeout, psm, dpi, models)
        except ToolMissingError as exc:
            raise ToolMissingError(f"{exc}; {_hint(language)}") from exc
        except ToolError as exc:
            # An image with no text at all is a page, not a failure.
            if "Empty page" in exc.stderr:
                return []
            raise
    return parse_tsv(tsv)


def _read_with_command(image_path: Path, language: str, timeout: float, psm: int, dpi: float | None,
                       models: Path | None) -> str:
    args = ["tesseract", str(image_path), "stdout", "-l", language, "--psm", str(psm)]
    if models:
        args += ["--tessdata-dir", str(models)]
    if dpi:
        args += ["--dpi", str(round(dpi))]
    args.append("tsv")
    try:
        out = run(args, timeout=timeout)
    except ToolMissingError as exc:
        raise ToolMissingError("tesseract is not installed") from exc
    return out.stdout.decode("utf-8", "replace")


def detect_rotation(image_path: Path, timeout: float, dpi: float | None = None) -> tuple[int, float]:
    """OSD's (clockwise degrees that make the page upright: 0/90/180/270, its confidence); (0, 0.0) when unsure.

    Costs about one OCR pass, so it is asked only of pages that read badly upright.
    """
    args = ["tesseract", str(image_path), "stdout", "--psm", "0"] + (["--dpi", str(round(dpi))] if dpi else [])
    with _slots:
        try:
            out = run(args, timeout=timeout)
        except ToolError as exc:
            # "Too few characters": OSD has nothing to judge; the page is read as it is.
            log.info("osd_skipped", image=image_path.name, stderr=exc.stderr[-200:])
            return 0, 0.0
    text = out.stdout.decode("utf-8", "replace")
    rotate = re.search(r"Rotate:\s*(\d+)", text)
    conf = re.search(r"Orientation confidence:\s*([\d.]+)", text)
    return (int(rotate.group(1)), float(conf.group(1))) if rotate and conf else (0, 0.0)


def parse_tsv(tsv: str) -> list[OcrWord]:
    """Word rows (level 5) of tesseract's TSV output; blank words and rows without a confidence are dropped."""
    words: list[OcrWord] = []
    for row in tsv.splitlines():
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text, conf = cols[11].strip(), float(cols[10])
        if not text or conf < 0:
            continue
        left, top, width, height = (int(c) for c in cols[6:10])
        block, par, line = (int(c) for c in cols[2:5])
        words.append(OcrWord(text, min(conf, 100.0) / 100.0, left, top, width, height, block, par, line))
    return words


def _hint(language: str) -> str:
    packs = " ".join(_package(lang) for lang in language.split("+"))
    return f"install it with: apt-get install tesseract-ocr {packs}"


def _package(lang: str) -> str:
    """Debian's package of a model: script models ("Latin") are tesseract-ocr-script-<code>."""
    scripts = {"Latin": "latn", "Cyrillic": "cyrl", "Greek": "grek", "Vietnamese": "viet"}
    name = lang.removeprefix("script/")
    return f"tesseract-ocr-script-{scripts[name]}" if name in scripts else f"tesseract-ocr-{lang}"
