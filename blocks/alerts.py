"""The alert channel blocks: a prefect-slack webhook and an SMTP email block.

`prefect_slack.SlackWebhook` is used rather than Prefect's core `SlackWebhook`, which silently sends
nothing to a URL that is not Slack's (so it could never reach a test receiver or a Slack-compatible
proxy). Email: prefect-email's `EmailServerCredentials` holds the server and login; it has no sender
or recipients, so `AlertEmail` wraps it with them, and the whole lives in one block in the UI.
"""

from __future__ import annotations

from prefect.blocks.core import Block
from prefect_email import EmailServerCredentials, SMTPType
from pydantic import Field, SecretStr

from blocks.settings import BlockSettings
from loan_extractor.alerts.channels import SmtpConfig
from loan_extractor.alerts.settings import AlertSettings


class AlertEmail(Block):
    """Where alert email goes: the SMTP server and login, the sender and the recipients."""

    _block_type_name = "Loan Extractor Alert Email"
    _block_type_slug = "loan-extractor-alert-email"

    server: EmailServerCredentials = Field(..., description="SMTP server, port, security and login.")
    sender: str = Field(..., description="The From address.")
    recipients: list[str] = Field(..., min_length=1, description="Who receives the alerts.")


def save_slack_block(names: BlockSettings, alerts: AlertSettings) -> list[str]:
    """Create or update the Slack webhook block when `LOAN_EXTRACTOR_SLACK_WEBHOOK_URL` is set."""
    if alerts.slack_webhook_url is None:
        return []
    from prefect_slack import SlackWebhook  # on use: with slack_sdk ~0.25 s of every flow run's start

    SlackWebhook(url=alerts.slack_webhook_url).save(names.slack_block, overwrite=True)
    return [names.slack_block]


def save_email_block(names: BlockSettings, alerts: AlertSettings) -> list[str]:
    """Create or update the email block when `LOAN_EXTRACTOR_SMTP_HOST`, `_FROM` and `_TO` are set."""
    config = alerts.smtp_config()
    if config is None:
        return []
    server = EmailServerCredentials(
        username=config.username,
        password=config.password or SecretStr(""),
        smtp_server=config.host,
        smtp_type=SMTPType.STARTTLS if config.starttls else SMTPType.INSECURE,
        smtp_port=config.port,
    )
    AlertEmail(server=server, sender=config.sender, recipients=list(config.recipients)).save(names.email_block, overwrite=True)
    return [names.email_block]


def load_slack(block_name: str) -> SecretStr:
    """The webhook URL from a saved Slack webhook block (it holds the webhook's token: never log it)."""
    from prefect_slack import SlackWebhook

    return SlackWebhook.load(block_name).url


def load_email(block_name: str, timeout_seconds: float = 10.0) -> SmtpConfig:
    """The alert sender's SMTP settings from a saved email block."""
    block = AlertEmail.load(block_name)
    server = block.server
    if server.smtp_type == SMTPType.SSL:
        raise ValueError(f"email block {block_name!r}: implicit TLS (SSL) is not supported; use STARTTLS or INSECURE")
    host = server.smtp_server if isinstance(server.smtp_server, str) else server.smtp_server.value
    password = server.password if server.password.get_secret_value() else None
    return SmtpConfig(
        host=host,
        port=server.smtp_port or server.smtp_type.value,
        username=server.username,
        password=password,
        sender=block.sender,
        recipients=tuple(block.recipients),
        starttls=server.smtp_type == SMTPType.STARTTLS,
        timeout_seconds=timeout_seconds,
    )
