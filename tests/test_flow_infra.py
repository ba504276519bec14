"""Blocks registered by one command, then one command runs the flow from S3 (moto) into PostgreSQL."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, func, inspect, select, table

from loan_extractor.cli import main
from tests.conftest import SAMPLES

pytestmark = [pytest.mark.flow, pytest.mark.tesseract, pytest.mark.s3]


def _row_counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    names = [n for n in inspect(engine).get_table_names() if n not in ("runs", "alembic_version")]
    with engine.connect() as conn:
        return {name: conn.scalar(select(func.count()).select_from(table(name))) for name in names}


def test_blocks_then_s3_to_postgres_twice_changes_no_row_count(prefect_server, s3_endpoint, s3_bucket, make_postgres_database, tmp_path, monkeypatch, capsys) -> None:
    url = make_postgres_database()
    setup = {"AWS_ENDPOINT_URL": s3_endpoint.url, "AWS_ACCESS_KEY_ID": s3_endpoint.access_key_id,
             "AWS_SECRET_ACCESS_KEY": s3_endpoint.secret_access_key.get_secret_value(), "AWS_DEFAULT_REGION": s3_endpoint.region,
             "LOAN_EXTRACTOR_S3_BUCKET": s3_bucket.name, "LOAN_EXTRACTOR_DATABASE_URL": url,
             "LOAN_EXTRACTOR_S3_BLOCK": "infra-s3", "LOAN_EXTRACTOR_DB_BLOCK": "infra-db",
             "LOAN_EXTRACTOR_DATA_DIR": str(tmp_path / "data")}  # fmt: skip
    for key, value in setup.items():
        monkeypatch.setenv(key, value)
    assert main(["db", "upgrade"]) == 0
    assert main(["blocks", "register"]) == 0
    registered = capsys.readouterr().out
    assert "infra-s3" in registered and "infra-db" in registered and url not in registered

    # From here on the connections come from the blocks alone.
    for key in ("AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "LOAN_EXTRACTOR_DATABASE_URL"):
        monkeypatch.delenv(key)
    for loan in ("L1001", "L1004"):
        for path in sorted((SAMPLES / loan).iterdir()):
            s3_bucket.put(f"incoming/{loan}/{path.name}", path.read_bytes())

    assert main(["run", f"s3://{s3_bucket.name}/incoming", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["counts"]["processed"] >= 6 and first["counts"]["failed"] == 0
    assert {(a["loan_id"], a["kind"]) for a in first["anomalies"]} == {("L1004", "name_mismatch")}
    counts = _row_counts(url)
    assert counts["documents"] == 8 and counts["extracted_fields"] > 0
    outputs = s3_bucket.client.list_objects_v2(Bucket=s3_bucket.name, Prefix=f"results/{first['run_id']}/")["Contents"]
    assert len([o for o in outputs if "/documents/" in o["Key"]]) == 8

    assert main(["run", f"s3://{s3_bucket.name}/incoming", "--json"]) == 0
    second = json.loads(capsys.readouterr().out)
    assert second["counts"]["rejected"] == 8, "the second run sees only duplicates"
    assert _row_counts(url) == counts
