"""Unseen development layouts of loan applications: only the `unseen` split draws them, the type model never trains on them
(samples/variety.py)."""

from __future__ import annotations

LAYOUTS: dict[str, object] = {}
