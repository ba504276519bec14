"""The run report's bias plots: one small bar chart per slice, one panel per metric, one bar per group.

Each bar is a group's value; beside its name the group's size. Groups that were not compared (too small,
or no second group large enough) are drawn grey and hatched and say so, because their values rest
on too few documents to read a gap from.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

from loan_extractor.reporting.svg import ACCENT, MUTED, no_data, render_svg

BIAS_TITLE = "Extraction quality across slices"


def bias_plots(rows: Sequence[dict[str, Any]]) -> list[Markup]:
    """One chart per slice, in the table's slice order; a slice without groups (an ignored name) shows its note."""
    slices: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        slices.setdefault(str(row.get("slice", "")), []).append(row)
    if not slices:
        return [no_data("bias", BIAS_TITLE, "no data: not enough documents of a known type to compare")]
    return [_slice_plot(name, members) for name, members in slices.items()]


def _slice_plot(name: str, rows: list[dict[str, Any]]) -> Markup:
    measured = [r for r in rows if r.get("group") and r.get("metric")]
    groups = list(dict.fromkeys(str(r["group"]) for r in measured))
    metrics = list(dict.fromkeys(str(r["metric"]) for r in measured))
    if not measured:
        return no_data(f"bias-{name}", f"slice: {name}", _note(rows) or "no data")
    by_key = {(str(r["group"]), str(r["metric"])): r for r in measured}

    def draw(fig) -> None:  # noqa: ANN001 - a matplotlib Figure
        axes = fig.subplots(1, len(metrics), squeeze=False, sharey=True)[0]
        for ax, metric in zip(axes, metrics):
            _metric_panel(ax, metric, [by_key.get((group, metric), {}) for group in groups], groups)
        fig.suptitle(f"slice: {name}", x=0.01, ha="left", fontsize=10, fontweight="bold")
        note = _note(rows)
        if note:
            fig.supxlabel(note, fontsize=8, color="#4b5563")

    return render_svg(f"bias-{name}", (9.0, 1.3 + 0.32 * len(groups)), draw)


def _metric_panel(ax: Any, metric: str, rows: list[dict[str, Any]], groups: list[str]) -> None:
    """One metric's bars, first group on top: compared groups in colour, the others grey, hatched and labelled."""
    values = [r.get("value") if r.get("value") is not None else 0.0 for r in rows]
    compared = [bool(r.get("compared")) for r in rows]
    positions = range(len(groups))[::-1]
    bars = ax.barh(positions, values, height=0.6, color=[ACCENT if c else MUTED for c in compared],
                   hatch=["" if c else "///" for c in compared], edgecolor="white", linewidth=0.5)  # fmt: skip
    for bar, row in zip(bars, rows):
        value = row.get("value")
        ax.annotate("n/a" if value is None else f"{value:.2f}", (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                    xytext=(3, 0), textcoords="offset points", va="center", fontsize=8)  # fmt: skip
    labels = [f"{g}  n={r.get('count', '?')}" + ("" if c else "\nnot compared") for g, r, c in zip(groups, rows, compared)]
    ax.set_yticks(positions, labels, fontsize=8)
    ax.set_xlim(0, max(1.0, *values) * 1.12)
    gap = next((r.get("difference") for r in rows if r.get("difference") is not None), None)
    ax.set_title(metric.replace("_", " ") + ("" if gap is None else f" (gap {gap:.2f})"), fontsize=9)


def _note(rows: list[dict[str, Any]]) -> str:
    """The slice's note: the compared groups', else one about the whole slice, else a small group's."""
    notes = [str(r.get("note") or "") for r in rows]
    chosen = [n for n, r in zip(notes, rows) if r.get("compared")] or [n for n in notes if not n.endswith("not compared")] or notes
    return next((n for n in chosen if n), "")
