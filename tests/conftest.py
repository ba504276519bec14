"""Shared fixtures."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

pytest_plugins = [
    "tests.plugins.prefect_server",
    "tests.plugins.s3",
    "tests.plugins.postgres",
    "tests.plugins.receivers",
]

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
# structlog lines outside a flow run (unit tests) have no run to attach to in Prefect.
os.environ.setdefault("PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW", "ignore")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests that need tesseract/poppler fail loudly in CI and skip with a reason elsewhere."""
    missing = [b for b in ("tesseract", "pdftoppm") if shutil.which(b) is None]
    if not missing or os.environ.get("CI") == "true":
        return
    skip = pytest.mark.skip(reason=f"{', '.join(missing)} not installed (make setup installs them)")
    for item in items:
        if "tesseract" in item.keywords or "flow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def migrated_sqlite(tmp_path: Path):
    """An engine on a fresh SQLite file at the code's schema revision."""
    from loan_extractor.db import make_engine
    from loan_extractor.migrations import upgrade

    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    upgrade(url)
    engine = make_engine(url)
    yield engine
    engine.dispose()


@pytest.fixture
def command_engine():
    """Pages read by the `tesseract` command (tests that fake or count its runs); the default restored after."""
    from loan_extractor.tools import tesseract

    tesseract.configure(2, "cli")
    yield
    tesseract.configure(2, "library")
