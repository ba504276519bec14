"""Document sources, chosen from a source spec string."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from loan_extractor.config import PipelineConfig
from loan_extractor.sources.base import Source, SourceItem
from loan_extractor.sources.local import LocalFiles, LocalFolder

__all__ = ["Source", "SourceItem", "LocalFiles", "LocalFolder", "open_source"]


def open_source(
    spec: str,
    cfg: PipelineConfig,
    s3_client: Any = None,
    exclude: tuple[str, ...] = (),
    queue: tuple[Any, str] | None = None,
    limit: int | None = None,
) -> Source:
    """`s3://BUCKET/PREFIX` (a ready client, or one from the AWS variables), `db` (pending rows of the
    intake queue, claimed by `queue` = (engine, worker id)), or a local folder path."""
    if spec == "db":
        from loan_extractor.s3 import make_client
        from loan_extractor.sources.db import DbQueueSource, ObjectFetcher

        if queue is None:
            raise ValueError("the db source needs a database engine and a worker id")
        engine, worker_id = queue
        fetcher = ObjectFetcher(s3_client=(lambda: s3_client) if s3_client else make_client)
        return DbQueueSource(engine, fetcher, worker_id=worker_id, limit=limit)
    if spec.startswith("s3://"):
        from loan_extractor.s3 import make_client
        from loan_extractor.sources.s3 import S3Source

        return S3Source.from_uri(spec, s3_client or make_client(), ignore=cfg.acquire.ignore, exclude=exclude)
    if "://" in spec:
        raise ValueError(f"source {spec!r}: give a folder or s3://BUCKET/PREFIX")
    return LocalFolder(Path(spec), ignore=cfg.acquire.ignore)
