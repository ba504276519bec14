"""S3 and MinIO: one client factory with bounded retries, `s3://` URIs, and how object errors are classified.

botocore and boto3 are imported inside the functions that need them, so the local-only
commands (`extract`, `run FOLDER`) never pay for importing them.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Any, Iterator

from pydantic import SecretStr

from loan_extractor.errors import LoanExtractorError, TransientError

DEFAULT_MAX_ATTEMPTS = 5  # in all, first try included; botocore standard mode backs off exponentially with jitter
CONNECT_TIMEOUT = 5
READ_TIMEOUT = 60

# Codes that name a missing object or a refused request: retrying changes nothing.
PERMANENT_CODES = frozenset(
    {"NoSuchKey", "NoSuchBucket", "404", "NotFound", "AccessDenied", "403", "Forbidden", "InvalidObjectState", "AllAccessDisabled"}
)
# Throttling and server-side trouble; botocore has already retried these before we see them.
TRANSIENT_CODES = frozenset(
    {
        "SlowDown", "Throttling", "ThrottlingException", "RequestThrottled", "TooManyRequestsException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "RequestTimeout", "RequestTimeoutException",
        "InternalError", "ServiceUnavailable", "500", "502", "503", "504",
    }
)  # fmt: skip


class ObjectError(LoanExtractorError):
    """An object that cannot be read and will not become readable by retrying (missing, access denied)."""

    def __init__(self, uri: str, code: str, message: str) -> None:
        super().__init__(f"{uri}: {code} ({message})")
        self.uri = uri
        self.code = code


def client_config(max_attempts: int = DEFAULT_MAX_ATTEMPTS, path_style: bool = False) -> Any:
    """botocore `Config`: SigV4, standard retry mode (exponential backoff with jitter), bounded attempts, timeouts."""
    from botocore.config import Config

    s3 = {"addressing_style": "path"} if path_style else {}
    return Config(
        signature_version="s3v4",  # botocore presigns with the deprecated SigV2 otherwise when an endpoint is given
        retries={"mode": "standard", "total_max_attempts": max_attempts},
        connect_timeout=CONNECT_TIMEOUT,
        read_timeout=READ_TIMEOUT,
        s3=s3,
    )


def make_client(
    endpoint_url: str | None = None,
    access_key_id: str | None = None,
    secret_access_key: SecretStr | None = None,
    region: str | None = None,
    max_attempts: int = DEFAULT_MAX_ATTEMPTS,
    session: Any = None,
    client_params: dict[str, Any] | None = None,
) -> Any:
    """A boto3 S3 client. Anything left `None` comes from boto3's own lookup (the `AWS_*` variables, profiles).

    An endpoint (given, or `AWS_ENDPOINT_URL[_S3]`) means MinIO or another S3-compatible server:
    path-style addressing then, because `bucket.host` names rarely resolve there.
    `client_params` are further `client()` arguments (`verify`, `use_ssl`, a botocore `config` that wins over ours).
    """
    import boto3

    endpoint = endpoint_url or os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL")
    if session is None:
        secret = secret_access_key.get_secret_value() if secret_access_key else None
        session = boto3.session.Session(aws_access_key_id=access_key_id, aws_secret_access_key=secret, region_name=region)
    params = dict(client_params or {})
    config = client_config(max_attempts, path_style=bool(endpoint))
    if params.get("config") is not None:
        config = config.merge(params.pop("config"))
    params.pop("config", None)
    return session.client("s3", endpoint_url=endpoint_url or None, region_name=region, config=config, **params)


def parse_s3_uri(uri: str) -> tuple[str, str]:
    """`s3://bucket/some/prefix` -> (`bucket`, `some/prefix`); the prefix has no leading or trailing slash."""
    if not uri.startswith("s3://"):
        raise ValueError(f"{uri!r} is not an s3:// URI (expected s3://BUCKET/PREFIX)")
    bucket, _, prefix = uri[len("s3://") :].partition("/")
    if not bucket:
        raise ValueError(f"{uri!r} names no bucket (expected s3://BUCKET/PREFIX)")
    return bucket, prefix.strip("/")


def object_uri(bucket: str, key: str) -> str:
    """The `s3://` URI of one object, key unescaped (spaces and Unicode as they are)."""
    return f"s3://{bucket}/{key}"


def join_key(*parts: str) -> str:
    """Slash-join key parts, ignoring empty ones and stray slashes at their ends."""
    return "/".join(p.strip("/") for p in parts if p and p.strip("/"))


@contextmanager
def object_errors(uri: str) -> Iterator[None]:
    """Raise `TransientError` for what is worth retrying and `ObjectError` for what is not.

    Anything else (no credentials, a bad TLS certificate, a programming error) passes unchanged:
    it concerns every object, so the run should stop with it rather than fail each document.
    """
    from boto3.exceptions import RetriesExceededError, S3UploadFailedError
    from botocore.exceptions import ClientError, ConnectionError, HTTPClientError, IncompleteReadError, SSLError

    try:
        yield
    except ClientError as exc:
        raise _from_client_error(uri, exc) from exc
    except S3UploadFailedError as exc:  # upload_file wraps the service's ClientError without chaining it as cause
        inner = exc.__cause__ or exc.__context__
        if isinstance(inner, ClientError):
            raise _from_client_error(uri, inner) from exc
        raise TransientError(f"{uri}: upload failed after retries ({exc})") from exc
    except SSLError:
        raise
    except (ConnectionError, HTTPClientError, IncompleteReadError, RetriesExceededError) as exc:
        raise TransientError(f"{uri}: {type(exc).__name__} after retries ({exc})") from exc


def _from_client_error(uri: str, exc: Any) -> Exception:
    """The error a service answer maps to: by its code, else by its HTTP status (5xx and 429 are transient)."""
    error = exc.response.get("Error", {})
    code = str(error.get("Code", ""))
    status = int(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0)
    message = str(error.get("Message") or exc)
    if code in TRANSIENT_CODES or status >= 500 or status == 429:
        return TransientError(f"{uri}: {code or status} after retries ({message})")
    if code in PERMANENT_CODES or 400 <= status < 500:
        return ObjectError(uri, code or str(status), message)
    return exc
