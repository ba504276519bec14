"""The database block: a prefect-sqlalchemy `SqlAlchemyConnector` built from `LOAN_EXTRACTOR_DATABASE_URL`.

The URL is split into `ConnectionComponents` so the password is a `SecretStr` field (masked in the
UI); saved as one URL string it would be stored and shown in clear.
"""

from __future__ import annotations

from prefect_sqlalchemy import ConnectionComponents, SqlAlchemyConnector
from pydantic import SecretStr
from sqlalchemy.engine import make_url

from blocks.settings import BlockSettings


def connection_components(url: SecretStr) -> ConnectionComponents:
    """The parts of a SQLAlchemy URL, password kept secret."""
    parsed = make_url(url.get_secret_value())
    query = {key: value if isinstance(value, str) else ",".join(value) for key, value in parsed.query.items()}
    return ConnectionComponents(
        driver=parsed.drivername,
        database=parsed.database,
        username=parsed.username,
        password=SecretStr(parsed.password) if parsed.password else None,
        host=parsed.host,
        port=parsed.port,
        query=query or None,
    )


def save_database_block(settings: BlockSettings) -> list[str]:
    """Create or update the connector block when a database URL is configured."""
    if settings.database_url is None:
        return []
    SqlAlchemyConnector(connection_info=connection_components(settings.database_url)).save(settings.db_block, overwrite=True)
    return [settings.db_block]


def load_database_url(block_name: str) -> str:
    """The SQLAlchemy URL, password included, for the project's own engine. Never log it."""
    connector = SqlAlchemyConnector.load(block_name)
    info = connector.connection_info
    if isinstance(info, ConnectionComponents):
        return info.create_url().render_as_string(hide_password=False)
    return str(info)
