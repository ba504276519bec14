"""What `blocks register` reads: block names and the connection variables (environment or `.env`).

The S3 credentials come from the standard AWS variables, so one set of variables configures
both the blocks and the block-less local runs. Secrets are `SecretStr` and never printed.
"""

from __future__ import annotations

from typing import Literal

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_NAMES = {
    "s3": "loan-extractor-s3",
    "db": "loan-extractor-db",
    "slack": "loan-extractor-slack",
    "email": "loan-extractor-email",
}


def _aws(name: str) -> AliasChoices:
    return AliasChoices(name, name.lower())


class BlockSettings(BaseSettings):
    """Block names (`LOAN_EXTRACTOR_<KIND>_BLOCK`) and what goes into the S3 and database blocks; frozen."""

    model_config = SettingsConfigDict(env_prefix="LOAN_EXTRACTOR_", env_file=".env", extra="ignore", frozen=True)

    s3_block: str = DEFAULT_NAMES["s3"]
    db_block: str = DEFAULT_NAMES["db"]
    slack_block: str = DEFAULT_NAMES["slack"]
    email_block: str = DEFAULT_NAMES["email"]

    s3_bucket: str | None = None
    s3_output_prefix: str = "results"
    s3_credentials: Literal["minio", "aws"] | None = None  # unset: minio when an endpoint URL is set, else aws
    aws_endpoint_url: str | None = Field(None, validation_alias=_aws("AWS_ENDPOINT_URL"))
    aws_access_key_id: str | None = Field(None, validation_alias=_aws("AWS_ACCESS_KEY_ID"))
    aws_secret_access_key: SecretStr | None = Field(None, validation_alias=_aws("AWS_SECRET_ACCESS_KEY"))
    aws_default_region: str | None = Field(None, validation_alias=_aws("AWS_DEFAULT_REGION"))

    database_url: SecretStr | None = None

    @property
    def s3_kind(self) -> Literal["minio", "aws"]:
        """Which prefect-aws credentials block to create."""
        return self.s3_credentials or ("minio" if self.aws_endpoint_url else "aws")
