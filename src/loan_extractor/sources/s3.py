"""Documents in an S3 or MinIO bucket under a prefix: `<prefix>/<loan_id>/<file>`."""

from __future__ import annotations

import fnmatch
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Iterator

from loan_extractor.s3 import object_errors, object_uri, parse_s3_uri
from loan_extractor.sources.base import SourceItem, loan_id_from_parts, relative_parts

PAGE_SIZE = 1000  # the most one ListObjectsV2 call returns
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_NAME = 80


@dataclass(frozen=True)
class S3Source:
    """Every object below `prefix` in `bucket` whose key parts match none of the `ignore` patterns.

    `exclude` holds key prefixes never offered (the run's own output prefix, when it lies below `prefix`).
    """

    client: Any
    bucket: str
    prefix: str = ""
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    page_size: int = PAGE_SIZE
    ignored: list[str] = field(default_factory=list, compare=False)

    @classmethod
    def from_uri(cls, uri: str, client: Any, **options: Any) -> S3Source:
        """An S3 source from `s3://BUCKET/PREFIX`."""
        bucket, prefix = parse_s3_uri(uri)
        return cls(client=client, bucket=bucket, prefix=prefix, **options)

    def list_items(self) -> Iterator[SourceItem]:
        """Objects in key order (S3 lists keys in UTF-8 byte order, which is code-point order), page by page.

        A prefix that names one object exactly (what an object-created event gives) lists that object alone.
        """
        single = self._single_object()
        if single is not None:
            yield single
            return
        root = f"{self.prefix.strip('/')}/" if self.prefix.strip("/") else ""
        paginator = self.client.get_paginator("list_objects_v2")
        pages = paginator.paginate(Bucket=self.bucket, Prefix=root, PaginationConfig={"PageSize": self.page_size})
        with object_errors(object_uri(self.bucket, root)):
            for page in pages:
                for obj in page.get("Contents", []):
                    item = self._item(obj["Key"], root, obj.get("Size"))
                    if item is not None:
                        yield item

    def _single_object(self) -> SourceItem | None:
        """The item when the prefix is an object's full key; its loan id is the folder holding it.

        `<inbox>/<loan_id>/<file>` gives `loan_id`, as listing `<inbox>` would; an object at the bucket root has none.
        """
        key = self.prefix.strip("/")
        if not key:
            return None
        with object_errors(object_uri(self.bucket, key)):
            found = self.client.list_objects_v2(Bucket=self.bucket, Prefix=key, MaxKeys=1).get("Contents", [])
        if not found or found[0]["Key"] != key:
            return None
        parts = relative_parts(key)
        return SourceItem(uri=object_uri(self.bucket, key), name=parts[-1], loan_id=loan_id_from_parts(parts), size=found[0].get("Size"))

    def _item(self, key: str, root: str, size: int | None) -> SourceItem | None:
        """The item for one listed key; folder markers, excluded and ignored keys give none."""
        if key.endswith("/") or any(key.startswith(p.strip("/") + "/") for p in self.exclude if p.strip("/")):
            return None
        parts = relative_parts(key[len(root) :])
        if any(fnmatch.fnmatch(part, pat) for part in parts for pat in self.ignore):
            self.ignored.append(key[len(root) :])
            return None
        return SourceItem(uri=object_uri(self.bucket, key), name=PurePosixPath(key).name, loan_id=loan_id_from_parts(parts), size=size)

    def fetch(self, item: SourceItem, dest_dir: Path) -> Path:
        """Stream the object to `dest_dir` under a safe unique name; a partial download never keeps that name."""
        key = self.key_of(item)
        dest_dir.mkdir(parents=True, exist_ok=True)
        target = dest_dir / local_name(key)
        partial = target.with_name(target.name + ".part")
        try:
            with object_errors(item.uri):
                self.client.download_file(self.bucket, key, str(partial))
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        return partial.replace(target)

    def object_metadata(self, item: SourceItem) -> dict[str, str]:
        """The object's user metadata (`x-amz-meta-*`, boto3 drops the prefix) from one HEAD request."""
        with object_errors(item.uri):
            return dict(self.client.head_object(Bucket=self.bucket, Key=self.key_of(item)).get("Metadata") or {})

    def key_of(self, item: SourceItem) -> str:
        """The object key of an item this source listed."""
        head = object_uri(self.bucket, "")
        if not item.uri.startswith(head):
            raise ValueError(f"{item.uri} is not in bucket {self.bucket}")
        return item.uri[len(head) :]


def local_name(key: str) -> str:
    """A file name safe on any file system, unique per key, keeping the extension that intake reports on.

    Two loans often hold files of the same name, so the name starts with a digest of the whole key.
    """
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
    path = PurePosixPath(key)
    stem = _UNSAFE.sub("_", path.stem).strip("._")[:_MAX_NAME] or "object"
    suffix = _UNSAFE.sub("", path.suffix)[:10]
    return f"{digest}-{stem}{'.' + suffix.lstrip('.') if suffix.strip('.') else ''}"
