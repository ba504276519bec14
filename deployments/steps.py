"""Pull steps for `prefect.yaml`: where a worker's flow run finds this project's code."""

from __future__ import annotations

import os
from pathlib import Path

HOME_VARIABLE = "LOAN_EXTRACTOR_HOME"


def project_root(home: str | None = None) -> Path:
    """The checkout holding `flows/pipeline.py` and `prefect.yaml`: `home` when given, else the one this package lives in.

    An editable install (`pip install -e .`) runs from its clone with nothing set; an image that
    installs the package (not editable) sets LOAN_EXTRACTOR_HOME to where it copied the project.
    """
    root = Path(home).expanduser() if home else Path(__file__).resolve().parents[1]
    # A plain install puts flows/ in site-packages too, but not prefect.yaml nor config/.
    if not ((root / "flows" / "pipeline.py").is_file() and (root / "prefect.yaml").is_file()):
        raise FileNotFoundError(f"{root} holds no flows/pipeline.py and prefect.yaml; set {HOME_VARIABLE} to the project's checkout")
    return root.resolve()


def project_directory() -> dict[str, str]:
    """Pull step: change to the project root (LOAN_EXTRACTOR_HOME, or this package's checkout)."""
    root = project_root(os.environ.get(HOME_VARIABLE) or None)
    os.chdir(root)
    return {"directory": str(root)}
