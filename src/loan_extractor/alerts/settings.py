"""Alert settings from the environment (prefix LOAN_EXTRACTOR_) and `.env`, for runs without blocks.

Deployed runs keep the webhook URL and SMTP password in Prefect blocks; these variables
configure the same channels for local runs and scripts, and are what `blocks register` saves.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from loan_extractor.alerts.channels import SmtpConfig


class AlertSettings(BaseSettings):
    """Rules file, send timeout, and the Slack and SMTP settings; frozen after load."""

    model_config = SettingsConfigDict(env_prefix="LOAN_EXTRACTOR_", env_file=".env", extra="ignore", frozen=True)

    alert_rules_file: Path = Path("config/alert_rules.yaml")
    alert_timeout_seconds: float = Field(10.0, gt=0)
    slack_webhook_url: SecretStr | None = None
    smtp_host: str | None = None
    smtp_port: int = Field(587, gt=0, lt=65536)
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_from: str | None = None
    smtp_to: str = ""  # comma-separated addresses
    smtp_starttls: bool = True

    def smtp_config(self) -> SmtpConfig | None:
        """The SMTP settings, or None when host, sender or recipients are missing."""
        recipients = tuple(address.strip() for address in self.smtp_to.split(",") if address.strip())
        if not (self.smtp_host and self.smtp_from and recipients):
            return None
        return SmtpConfig(
            host=self.smtp_host,
            port=self.smtp_port,
            username=self.smtp_username,
            password=self.smtp_password,
            sender=self.smtp_from,
            recipients=recipients,
            starttls=self.smtp_starttls,
            timeout_seconds=self.alert_timeout_seconds,
        )
