"""A real Prefect server for the whole test session (about 9 s to start), shared by every test that needs one."""

from __future__ import annotations

import pytest
from prefect.testing.utilities import prefect_test_harness


@pytest.fixture(scope="session")
def prefect_server():
    """Points this process's Prefect client at a temporary server with its own database."""
    with prefect_test_harness(server_startup_timeout=90):
        yield
