"""`register_blocks`: create or update every block whose variables are set, idempotently."""

from __future__ import annotations

from blocks.alerts import save_email_block, save_slack_block
from blocks.database import save_database_block
from blocks.s3 import save_s3_blocks
from blocks.settings import BlockSettings
from loan_extractor.alerts.settings import AlertSettings


def register_blocks(settings: BlockSettings | None = None, alerts: AlertSettings | None = None) -> list[str]:
    """Save the S3, database, Slack and email blocks that are configured; returns their names in that order.

    Saving overwrites a block of the same name, so running it twice gives the same blocks.
    """
    settings = settings or BlockSettings()
    alerts = alerts or AlertSettings()
    names = save_s3_blocks(settings)
    names += save_database_block(settings)
    names += save_slack_block(settings, alerts)
    names += save_email_block(settings, alerts)
    return names
