"""Bridge settings from the environment (prefix LOAN_EXTRACTOR_BRIDGE_) and `.env`."""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from loan_extractor.bridge.server import DEFAULT_MAX_BODY


class BridgeSettings(BaseSettings):
    """The bearer token MinIO sends (`auth_token` of its webhook target) and the body limit; frozen after load."""

    model_config = SettingsConfigDict(env_prefix="LOAN_EXTRACTOR_BRIDGE_", env_file=".env", extra="ignore", frozen=True)

    token: SecretStr | None = None
    max_body_bytes: int = Field(DEFAULT_MAX_BODY, ge=1024)
