"""The S3 blocks: MinIO or AWS credentials (with an endpoint URL) and an `S3Bucket` for the run's outputs.

The bucket block's `bucket_folder` is the output prefix; the documents' own location is the
`s3://BUCKET/PREFIX` the run is given. The domain never sees a block, only a ready boto3 client.
"""

from __future__ import annotations

from typing import Any

from prefect_aws import AwsClientParameters, AwsCredentials, MinIOCredentials, S3Bucket

from blocks.settings import BlockSettings
from loan_extractor.outputs import OutputLocation
from loan_extractor.s3 import DEFAULT_MAX_ATTEMPTS, make_client


def credentials_block(settings: BlockSettings) -> MinIOCredentials | AwsCredentials:
    """MinIO root user/password or AWS keys, both from the standard AWS variables, plus the endpoint URL."""
    params = AwsClientParameters(endpoint_url=settings.aws_endpoint_url)
    if settings.s3_kind == "minio":
        if not (settings.aws_access_key_id and settings.aws_secret_access_key):
            raise ValueError("MinIO credentials need AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (the MinIO user and password)")
        return MinIOCredentials(
            minio_root_user=settings.aws_access_key_id,
            minio_root_password=settings.aws_secret_access_key,
            region_name=settings.aws_default_region,
            aws_client_parameters=params,
        )
    return AwsCredentials(
        aws_access_key_id=settings.aws_access_key_id,
        aws_secret_access_key=settings.aws_secret_access_key,
        region_name=settings.aws_default_region,
        aws_client_parameters=params,
    )


def save_s3_blocks(settings: BlockSettings) -> list[str]:
    """Create or update `<name>-credentials` and `<name>` (the bucket); returns both names."""
    if not settings.s3_bucket:
        return []
    credentials_name = f"{settings.s3_block}-credentials"
    credentials = credentials_block(settings)
    credentials.save(credentials_name, overwrite=True)
    bucket = S3Bucket(bucket_name=settings.s3_bucket, credentials=credentials, bucket_folder=settings.s3_output_prefix.strip("/"))
    bucket.save(settings.s3_block, overwrite=True)
    return [credentials_name, settings.s3_block]


def client_from_credentials(
    credentials: MinIOCredentials | AwsCredentials, max_attempts: int = DEFAULT_MAX_ATTEMPTS, endpoint_url: str | None = None
) -> Any:
    """A boto3 S3 client from a credentials block, with the project's retry configuration; `endpoint_url` overrides the block's."""
    params = credentials.aws_client_parameters.get_params_override()
    block_endpoint = params.pop("endpoint_url", None)
    return make_client(
        endpoint_url=endpoint_url or block_endpoint,
        region=credentials.region_name,
        max_attempts=max_attempts,
        session=credentials.get_boto3_session(),
        client_params=params,
    )


def load_s3(block_name: str, max_attempts: int = DEFAULT_MAX_ATTEMPTS, endpoint_url: str | None = None) -> tuple[Any, str, str]:
    """(client, bucket, folder) from a saved `S3Bucket` block; `endpoint_url` overrides the credentials' endpoint."""
    bucket = S3Bucket.load(block_name)
    return client_from_credentials(bucket.credentials, max_attempts, endpoint_url), bucket.bucket_name, bucket.bucket_folder


def output_location_from_block(block_name: str) -> OutputLocation:
    """The bucket and folder of a saved `S3Bucket` block, as the place a run's outputs go."""
    bucket = S3Bucket.load(block_name)
    return OutputLocation(bucket.bucket_name, bucket.bucket_folder.strip("/"))
