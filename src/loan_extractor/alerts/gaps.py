"""Where the bias table's widest gap is, as short texts an alert message may show.

`bias_min_ratio` says how wide the gap is; these say which slice, metric and groups: the compared
row with the smallest ratio names the slice and metric, and the lowest and highest groups of that
metric are named with their sizes and values. Group names are categories (`latin_diacritics`,
`<150`, a metadata value already masked by the bias stage), never a document's content.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from loan_extractor.run import RunSummary

GAP_TEXTS = ("bias_slice", "bias_metric", "bias_groups")
_UNSAFE = re.compile(r"[^A-Za-z0-9 _.,:;()<>=+%/-]")


def safe_text(text: str, limit: int) -> str:
    """The text with any character outside a plain set replaced by `?`, cut to `limit`."""
    return _UNSAFE.sub("?", text)[:limit]


def widest_gap(rows: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """`bias_slice`, `bias_metric` and `bias_groups` of the compared row with the smallest ratio; {} when none."""
    compared = [row for row in rows if row.get("compared") and row.get("ratio") is not None]
    if not compared:
        return {}
    worst = min(compared, key=lambda row: float(row["ratio"]))
    peers = sorted((row for row in compared if row["slice"] == worst["slice"] and row["metric"] == worst["metric"]),
                   key=lambda row: (row.get("value") is None, row.get("value") or 0.0))
    low, high = peers[0], peers[-1]
    groups = f"{_group(low)} vs {_group(high)}"
    return {"bias_slice": safe_text(str(worst["slice"]), 64), "bias_metric": safe_text(str(worst["metric"]), 64),
            "bias_groups": safe_text(groups, 200)}


def gap_texts(summary: RunSummary) -> dict[str, str]:
    """The run's widest gap as texts for `AlertContext` (see `widest_gap`)."""
    return widest_gap(summary.bias)


def _group(row: Mapping[str, Any]) -> str:
    value = row.get("value")
    shown = "n/a" if value is None else f"{float(value):.2f}"
    return f"{str(row.get('group', ''))[:64]} {shown} (n={row.get('count')})"
