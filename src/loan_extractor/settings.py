"""Process settings from the environment (prefix LOAN_EXTRACTOR_) and `.env`, read once at the edge."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from loan_extractor.config import PipelineConfig, load_config
from loan_extractor.outputs import MAX_PRESIGN_SECONDS


class Settings(BaseSettings):
    """Where things live and how much runs at once; frozen after load."""

    model_config = SettingsConfigDict(env_prefix="LOAN_EXTRACTOR_", env_file=".env", extra="ignore", frozen=True)

    data_dir: Path = Path(".loan-extractor")
    database_url: SecretStr | None = None
    config_file: Path = Path("config/pipeline.yaml")
    log_format: str = Field("console", pattern="^(console|json)$")
    log_level: str = "INFO"
    max_workers: int = Field(default_factory=lambda: 2 * (os.cpu_count() or 1), ge=1)
    ocr_processes: int = Field(default_factory=lambda: os.cpu_count() or 1, ge=1)
    ocr_engine: Literal["library", "cli"] = "library"  # library: tesserocr in process; cli: a tesseract per page
    chunk_size: int | None = Field(None, ge=1)  # documents per task run; None: sized to the batch
    s3_block: str | None = None  # Prefect S3Bucket block for S3 sources and outputs
    db_block: str | None = None  # Prefect SqlAlchemyConnector block for storage
    s3_output_prefix: str = "results"
    output_uri: str | None = None  # s3://BUCKET/PREFIX for outputs; default: the source's bucket
    # seconds the UI's link to a report uploaded to S3 stays valid; SigV4 allows at most 7 days
    report_link_expiry: int = Field(MAX_PRESIGN_SECONDS, ge=1, le=MAX_PRESIGN_SECONDS)
    # the S3 endpoint as browsers reach it, when workers use an internal one (compose: http://localhost:9000);
    # the UI's report links are signed for it
    report_link_endpoint: str | None = None

    @property
    def resolved_database_url(self) -> str:
        """The configured URL, or a SQLite file in the data folder."""
        if self.database_url is not None:
            return self.database_url.get_secret_value()
        return f"sqlite:///{(self.data_dir / 'loan_extractor.db').resolve()}"

    @property
    def work_dir(self) -> Path:
        return self.data_dir / "work"

    @property
    def reports_dir(self) -> Path:
        return self.data_dir / "reports"

    def pipeline_config(self) -> PipelineConfig:
        """The validated pipeline configuration named by `config_file`."""
        return load_config(self.config_file)
