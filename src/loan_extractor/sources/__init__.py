"""Document sources, chosen from a source spec string."""

from __future__ import annotations

from pathlib import Path

from loan_extractor.config import PipelineConfig
from loan_extractor.sources.base import Source, SourceItem
from loan_extractor.sources.local import LocalFiles, LocalFolder

__all__ = ["Source", "SourceItem", "LocalFiles", "LocalFolder", "open_source"]


def open_source(spec: str, cfg: PipelineConfig) -> Source:
    """A local folder path; remote schemes are refused with a clear message until they are supported."""
    if "://" in spec or spec == "db":
        raise ValueError(f"source {spec!r} is not supported by this version: give a local folder")
    return LocalFolder(Path(spec), ignore=cfg.acquire.ignore)
