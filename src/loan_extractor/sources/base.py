"""The interface every document source implements: a local folder, S3/MinIO, pending database rows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Iterator, Mapping, Protocol

MAX_METADATA_KEYS = 32
_MAX_KEY, _MAX_VALUE = 64, 256


@dataclass(frozen=True)
class SourceItem:
    """One object a source offers: where it is, and which loan it belongs to."""

    uri: str
    name: str
    loan_id: str | None = None
    size: int | None = None


class Source(Protocol):
    """Lists items in a stable order and makes one available as a local file."""

    def list_items(self) -> Iterator[SourceItem]:
        """Every item the source holds now, sorted by URI."""
        ...

    def fetch(self, item: SourceItem, dest_dir: Path) -> Path:
        """A local path holding the item's bytes (downloaded into `dest_dir` when remote)."""
        ...


def item_metadata(source: Any, item: SourceItem) -> dict[str, str]:
    """What the source keeps about the item beside its bytes: S3 user metadata (`x-amz-meta-<key>` as
    `<key>`, lower case). Sources without any (local folders, explicit files) give {}; no sidecar file
    is read, so a folder's metadata is only what its layout says (the loan id)."""
    read = getattr(source, "object_metadata", None)
    return bounded_metadata(read(item)) if read is not None else {}


def bounded_metadata(raw: Mapping[str, Any] | None) -> dict[str, str]:
    """At most 32 keys, lower-cased, keys and values cut short: the record travels through every stage."""
    items = sorted((str(k).strip().lower()[:_MAX_KEY], str(v)[:_MAX_VALUE]) for k, v in (raw or {}).items())
    return dict(items[:MAX_METADATA_KEYS])


def loan_id_from_parts(parts: tuple[str, ...]) -> str | None:
    """`<loan_id>/<file>` under the source's root gives the loan id; a file at the root has none."""
    return parts[-2] if len(parts) >= 2 else None


def relative_parts(key: str) -> tuple[str, ...]:
    """The parts of a slash-separated key relative to its root."""
    return PurePosixPath(key).parts
