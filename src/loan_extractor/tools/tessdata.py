"""tesseract models without their word lists, for reading names: the model loads in a fraction of the time.

A `.traineddata` file is a container of components (a count, a table of offsets, the components).
In the Latin-script model the LSTM word list (`lstm-word-dawg`) is 88.8 MB of its 89.4 MB, and
building it in memory costs ~0.45 s of the ~0.57 s CPU a re-read of a few name crops takes. Names
are mostly not dictionary words: on two generated evaluation sets (seeds 77 and 78, 58 names with
diacritics, 58 without) the model without its word list read all names the same but two, where the
list settled which mark a letter carries ("Åberg", "Íñigo"). So the copy screens names (does the
reading have marks at all?) and the installed model reads those that have (extraction/reread.py).
The copy is written once per process into a temporary directory; the installed model is untouched.
"""

from __future__ import annotations

import atexit
import re
import shutil
import struct
import tempfile
import threading
from pathlib import Path

from loan_extractor.errors import ToolError, ToolMissingError
from loan_extractor.tools._run import run

# Component numbers (tesseract's TessdataType) of the word lists: legacy word and frequent-word lists, LSTM words.
WORD_LISTS = frozenset({7, 9, 19})
_LOCK = threading.Lock()
_BUILT: dict[str, Path | None] = {}


def tessdata_dir(timeout: float = 30) -> Path:
    """The directory tesseract reads its models from (as `--list-langs` reports it)."""
    out = run(["tesseract", "--list-langs"], timeout=timeout)
    text = (out.stdout + out.stderr).decode("utf-8", "replace")
    match = re.search(r'List of available languages in "([^"]+)"', text)
    if not match:
        raise ToolError("tesseract", "could not read the model directory", text)
    return Path(match.group(1))


def strip_components(source: Path, target: Path, drop: frozenset[int] = WORD_LISTS) -> None:
    """Copy the traineddata container `source` to `target` without the components numbered in `drop`."""
    with source.open("rb") as f:
        (count,) = struct.unpack("<i", f.read(4))
        if not 0 < count < 1000:
            raise ValueError(f"{source.name} is not a traineddata file")
        offsets = struct.unpack(f"<{count}q", f.read(8 * count))
        size = source.stat().st_size
        present = sorted((offset, number) for number, offset in enumerate(offsets) if offset >= 0)
        ends = [offset for offset, _ in present[1:]] + [size]
        parts: dict[int, bytes] = {}
        for (offset, number), end in zip(present, ends):
            if number not in drop:
                f.seek(offset)
                parts[number] = f.read(end - offset)
    new_offsets, body, position = [-1] * count, [], 4 + 8 * count
    for number in sorted(parts):
        new_offsets[number] = position
        body.append(parts[number])
        position += len(parts[number])
    target.write_bytes(struct.pack(f"<i{count}q", count, *new_offsets) + b"".join(body))


def without_word_lists(language: str) -> Path | None:
    """A tessdata directory holding every model of `language` ("Latin+vie") without word lists, made once.

    None when it cannot be made (tesseract or a model missing, an unreadable file): the caller then
    reads with the installed model as it is.
    """
    with _LOCK:
        if language not in _BUILT:
            _BUILT[language] = _build(language)
        return _BUILT[language]


def _build(language: str) -> Path | None:
    try:
        source = tessdata_dir()
        target = Path(tempfile.mkdtemp(prefix="loan-extractor-tessdata-"))
    except (ToolError, ToolMissingError, OSError):
        return None
    atexit.register(shutil.rmtree, target, ignore_errors=True)
    try:
        for lang in language.split("+"):
            strip_components(source / f"{lang}.traineddata", target / f"{lang}.traineddata")
        if (source / "configs").is_dir():
            (target / "configs").symlink_to(source / "configs")  # the `tsv` output config
    except (OSError, ValueError, struct.error):
        shutil.rmtree(target, ignore_errors=True)
        return None
    return target
