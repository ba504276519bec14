"""Documents in a local folder (recursive): `<root>/<loan_id>/<file>`, or explicit files."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from loan_extractor.sources.base import SourceItem, loan_id_from_parts


@dataclass(frozen=True)
class LocalFolder:
    """Every file below `root` whose name matches none of the `ignore` patterns."""

    root: Path
    ignore: tuple[str, ...] = ()
    ignored: list[str] = field(default_factory=list, compare=False)

    def list_items(self) -> Iterator[SourceItem]:
        """Files in sorted relative-path order; ignored names are remembered in `ignored`."""
        if not self.root.is_dir():
            raise FileNotFoundError(f"source folder {self.root} does not exist")
        for path in sorted(p for p in self.root.rglob("*") if p.is_file()):
            rel = path.relative_to(self.root)
            if any(fnmatch.fnmatch(part, pat) for part in rel.parts for pat in self.ignore):
                self.ignored.append(str(rel))
                continue
            yield SourceItem(uri=str(path), name=path.name, loan_id=loan_id_from_parts(rel.parts))

    def fetch(self, item: SourceItem, dest_dir: Path) -> Path:
        """Local files are read in place."""
        return Path(item.uri)


@dataclass(frozen=True)
class LocalFiles:
    """Files named one by one (the `extract` command); an optional loan id groups them."""

    paths: tuple[Path, ...]
    loan_id: str | None = None

    def list_items(self) -> Iterator[SourceItem]:
        """The files in the order given."""
        for path in self.paths:
            yield SourceItem(uri=str(path), name=path.name, loan_id=self.loan_id)

    def fetch(self, item: SourceItem, dest_dir: Path) -> Path:
        """Local files are read in place."""
        return Path(item.uri)
