"""A run's results written back to S3: one JSON per document and the run's report files.

Layout under the output prefix:
    <prefix>/<run_id>/documents/<doc_id>.json   the document contract's object (`Document.to_output()`)
    <prefix>/<run_id>/report.json, report.html   the run report
Every object is uploaded from a file with `upload_file`, which streams (multipart when large).
The uploaded HTML report can be opened by anyone holding its presigned URL (`report_url`) until it expires.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from loan_extractor.run import RunSummary
from loan_extractor.s3 import join_key, object_errors, object_uri, parse_s3_uri

CONTENT_TYPES = {".json": "application/json", ".html": "text/html; charset=utf-8"}
DEFAULT_OUTPUT_PREFIX = "results"
REPORT_HTML = "report.html"
MAX_PRESIGN_SECONDS = 7 * 24 * 3600  # the longest a SigV4 presigned URL may be valid


@dataclass(frozen=True)
class OutputLocation:
    """Where a run's outputs go: a bucket and a key prefix (the run id is added below it)."""

    bucket: str
    prefix: str

    def run_prefix(self, run_id: str) -> str:
        """`<prefix>/<run_id>`."""
        return join_key(self.prefix, run_id)

    def uri(self, run_id: str) -> str:
        """The `s3://` URI of one run's outputs."""
        return object_uri(self.bucket, self.run_prefix(run_id) + "/")


def output_location(source: str, output: str | None = None, default_prefix: str = DEFAULT_OUTPUT_PREFIX) -> OutputLocation | None:
    """`output` when given (`s3://BUCKET/PREFIX`); else `<default_prefix>` in an S3 source's bucket; else none."""
    if output:
        return OutputLocation(*parse_s3_uri(output))
    if source.startswith("s3://"):
        return OutputLocation(parse_s3_uri(source)[0], default_prefix.strip("/"))
    return None


def write_outputs(client: Any, where: OutputLocation, summary: RunSummary, report_files: Iterable[Path] = ()) -> list[str]:
    """Upload every document's JSON and the report files; returns the URIs written, documents first."""
    run_prefix = where.run_prefix(summary.run_id)
    written = []
    with tempfile.TemporaryDirectory(prefix="loan-extractor-out-") as tmp:
        for doc in summary.documents:
            path = Path(tmp) / f"{doc.doc_id}.json"
            path.write_text(json.dumps(doc.to_output(), indent=2, ensure_ascii=False, default=str), encoding="utf-8")
            written.append(upload(client, where.bucket, join_key(run_prefix, "documents", path.name), path))
    for path in report_files:
        written.append(upload(client, where.bucket, join_key(run_prefix, Path(path).name), Path(path)))
    return written


def upload(client: Any, bucket: str, key: str, path: Path) -> str:
    """Stream one file to `bucket/key` with its content type; transient failures raise `TransientError`."""
    uri = object_uri(bucket, key)
    extra = {"ContentType": CONTENT_TYPES.get(path.suffix, "application/octet-stream")}
    with object_errors(uri):
        client.upload_file(str(path), bucket, key, ExtraArgs=extra)
    return uri


def report_url(client: Any, where: OutputLocation, run_id: str, expires_in: int = MAX_PRESIGN_SECONDS) -> str:
    """A presigned GET URL of the run's uploaded `report.html`, valid `expires_in` seconds.

    Signing is local (no request is made); a URL signed with temporary credentials (an STS
    session, an instance role) stops working when those credentials expire, whatever `expires_in` says.
    """
    key = join_key(where.run_prefix(run_id), REPORT_HTML)
    params = {"Bucket": where.bucket, "Key": key}
    return str(client.generate_presigned_url("get_object", Params=params, ExpiresIn=min(expires_in, MAX_PRESIGN_SECONDS)))
