"""The ways an alert leaves the service: an HTTP webhook (Slack-style) and SMTP email.

Plain standard-library clients with a timeout on every call; errors are raised as
`ChannelError` for the dispatcher to log. Neither the webhook URL nor the SMTP password ever
appears in an error text: the URL carries the webhook's secret token.
"""

from __future__ import annotations

import json
import smtplib
import urllib.error
import urllib.request
from email.message import EmailMessage

from pydantic import BaseModel, ConfigDict, Field, SecretStr


class ChannelError(RuntimeError):
    """A channel could not deliver; the text says why without any secret."""


class SmtpConfig(BaseModel):
    """Where and how to send alert email."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    host: str
    port: int = Field(587, gt=0, lt=65536)
    username: str | None = None
    password: SecretStr | None = None
    sender: str
    recipients: tuple[str, ...] = Field(min_length=1)
    starttls: bool = True
    timeout_seconds: float = Field(10.0, gt=0)


def post_webhook(url: str, text: str, timeout_seconds: float = 10.0) -> None:
    """POST `{"text": text}` as JSON to a Slack-style incoming webhook; any non-2xx answer is an error."""
    body = json.dumps({"text": text}).encode("utf-8")
    request = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout_seconds) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        raise ChannelError(f"webhook answered HTTP {exc.code}") from None
    except (urllib.error.URLError, OSError) as exc:
        # URLError's text names the reason (refused, timed out), not the URL
        raise ChannelError(f"webhook unreachable: {getattr(exc, 'reason', exc)}") from None
    if not 200 <= status < 300:
        raise ChannelError(f"webhook answered HTTP {status}")


def email_message(config: SmtpConfig, subject: str, body: str) -> EmailMessage:
    """A plain-text message from the configured sender to every recipient."""
    message = EmailMessage()
    message["From"] = config.sender
    message["To"] = ", ".join(config.recipients)
    message["Subject"] = subject
    message.set_content(body)
    return message


def send_email(config: SmtpConfig, subject: str, body: str) -> None:
    """Send one message over SMTP, with STARTTLS and login when configured, within the timeout."""
    try:
        with smtplib.SMTP(config.host, config.port, timeout=config.timeout_seconds) as smtp:
            if config.starttls:
                smtp.starttls()
            if config.username and config.password:
                smtp.login(config.username, config.password.get_secret_value())
            smtp.send_message(email_message(config, subject, body))
    except smtplib.SMTPException as exc:
        raise ChannelError(f"SMTP error: {type(exc).__name__}") from None
    except OSError as exc:
        raise ChannelError(f"SMTP server {config.host}:{config.port} unreachable: {exc.strerror or exc}") from None
