"""The pull step that puts a worker's flow run in the project's checkout."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from deployments.steps import project_directory, project_root

REPO = Path(__file__).resolve().parents[1]


def test_without_home_the_checkout_holding_the_package_is_used(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("LOAN_EXTRACTOR_HOME", raising=False)
    monkeypatch.chdir(tmp_path)
    assert project_directory() == {"directory": str(REPO)}
    assert Path(os.getcwd()) == REPO


def test_home_wins_and_must_hold_the_flow(monkeypatch, tmp_path: Path) -> None:
    (tmp_path / "flows").mkdir()
    (tmp_path / "flows" / "pipeline.py").write_text("")
    with pytest.raises(FileNotFoundError):  # flows/ alone is what a plain install leaves in site-packages
        project_root(str(tmp_path))
    (tmp_path / "prefect.yaml").write_text("")
    monkeypatch.setenv("LOAN_EXTRACTOR_HOME", str(tmp_path))
    monkeypatch.chdir(REPO)
    assert project_directory() == {"directory": str(tmp_path.resolve())}
    with pytest.raises(FileNotFoundError, match="LOAN_EXTRACTOR_HOME"):
        project_root(str(tmp_path / "elsewhere"))
