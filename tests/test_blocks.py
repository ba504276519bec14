"""`blocks register` against the session's Prefect server, and clients loaded from the blocks."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from loan_extractor.alerts.settings import AlertSettings
from loan_extractor.cli import main
from loan_extractor.sources.s3 import S3Source

pytestmark = [pytest.mark.s3, pytest.mark.usefixtures("prefect_server")]

DB_URL = "postgresql+psycopg2://loans:pw-Secret-42@127.0.0.1:5432/loans?sslmode=disable"
HOOK = "http://127.0.0.1:9/hooks/T000/B000/token-xyz"


def _settings(endpoint, bucket: str | None, prefix: str = "bk", **extra):
    from blocks.settings import BlockSettings

    values = dict(
        s3_block=f"{prefix}-s3", db_block=f"{prefix}-db", slack_block=f"{prefix}-slack", email_block=f"{prefix}-email",
        s3_bucket=bucket, aws_endpoint_url=endpoint.url, aws_access_key_id=endpoint.access_key_id,
        aws_secret_access_key=endpoint.secret_access_key, aws_default_region=endpoint.region,
    )  # fmt: skip
    return BlockSettings(_env_file=None, **(values | extra))


def _alerts(**values) -> AlertSettings:
    return AlertSettings(_env_file=None, **values)


def test_register_twice_gives_the_same_blocks_and_loaded_clients_work(s3_endpoint, s3_bucket) -> None:
    from blocks.alerts import load_email, load_slack
    from blocks.database import load_database_url
    from blocks.register import register_blocks
    from blocks.s3 import load_s3, output_location_from_block
    from loan_extractor.outputs import OutputLocation

    settings = _settings(s3_endpoint, s3_bucket.name, database_url=SecretStr(DB_URL))
    alerts = _alerts(slack_webhook_url=SecretStr(HOOK), smtp_host="127.0.0.1", smtp_port=2525, smtp_from="a@x.test",
                     smtp_to="ops@x.test, risk@x.test", smtp_starttls=False)  # fmt: skip
    expected = ["bk-s3-credentials", "bk-s3", "bk-db", "bk-slack", "bk-email"]
    assert register_blocks(settings, alerts) == expected
    assert register_blocks(settings, alerts) == expected

    s3_bucket.put("incoming/L9/w2 2025.pdf", b"%PDF-1.4")
    client, bucket, folder = load_s3("bk-s3")
    assert (bucket, folder) == (s3_bucket.name, "results")
    assert output_location_from_block("bk-s3") == OutputLocation(s3_bucket.name, "results")
    assert [i.loan_id for i in S3Source(client, bucket, "incoming").list_items()] == ["L9"]
    assert load_database_url("bk-db") == DB_URL
    assert load_slack("bk-slack").get_secret_value() == HOOK
    email = load_email("bk-email")
    assert (email.host, email.port, email.starttls) == ("127.0.0.1", 2525, False)
    assert email.recipients == ("ops@x.test", "risk@x.test") and email.sender == "a@x.test"


def test_secrets_are_stored_as_secrets(s3_endpoint) -> None:
    from prefect.client.orchestration import get_client

    from blocks.register import register_blocks

    register_blocks(_settings(s3_endpoint, "some-bucket", prefix="sec", database_url=SecretStr(DB_URL)), _alerts())
    with get_client(sync_client=True) as client:
        for name, block_type in (("sec-db", "sqlalchemy-connector"), ("sec-s3-credentials", "minio-credentials")):
            doc = client.read_block_document_by_name(name, block_type, include_secrets=False)
            text = str(doc.data)
            assert "pw-Secret-42" not in text and s3_endpoint.secret_access_key.get_secret_value() not in text


def test_aws_credentials_when_no_endpoint_and_nothing_when_unset(s3_endpoint) -> None:
    from prefect_aws import AwsCredentials

    from blocks.register import register_blocks

    settings = _settings(s3_endpoint, "b", prefix="aws", aws_endpoint_url=None)
    assert register_blocks(settings, _alerts()) == ["aws-s3-credentials", "aws-s3"]
    assert isinstance(AwsCredentials.load("aws-s3-credentials"), AwsCredentials)
    assert register_blocks(_settings(s3_endpoint, None, prefix="none"), _alerts()) == []


def test_command_prints_names_never_secrets(monkeypatch, capsys, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)  # no .env from the working folder
    monkeypatch.setenv("LOAN_EXTRACTOR_SLACK_WEBHOOK_URL", HOOK)
    monkeypatch.setenv("LOAN_EXTRACTOR_SLACK_BLOCK", "cli-slack")
    for name in ("LOAN_EXTRACTOR_S3_BUCKET", "LOAN_EXTRACTOR_DATABASE_URL", "LOAN_EXTRACTOR_SMTP_HOST"):
        monkeypatch.delenv(name, raising=False)
    assert main(["blocks", "register"]) == 0
    out, err = capsys.readouterr()
    assert out.split() == ["cli-slack"]
    assert "token-xyz" not in out + err
