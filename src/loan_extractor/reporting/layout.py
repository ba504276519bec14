"""Margins of a report figure from the sizes of its texts, instead of matplotlib's constrained layout.

Constrained layout measured every artist's drawn extent before the figure was drawn, then drew it: over a
third of a report's plotting time. The report's figures are one row of axes with their texts in known
places (tick labels, axis labels, titles, a figure title above and a note below), so their margins follow
from the texts' font metrics alone, and the figure is drawn once.
"""

from __future__ import annotations

from typing import Any

PAD = 5 / 72  # inches kept clear around the figure's texts and between panels
LINE_SPACING = 1.2  # matplotlib's default, for the height of a line of text


def fit_layout(fig: Any) -> None:
    """Place the figure's row of axes so that their tick labels, axis labels, titles and the figure's
    title and note fit inside it; an axes drawn without an axis (a "no data" figure) keeps room for its title."""
    axes = [ax for ax in fig.axes if ax.get_visible()]
    if not axes:
        return
    width, height = fig.get_size_inches()
    sides = [_margins(ax) for ax in axes]  # (left, right, bottom, top) that each axes' texts need
    left, right = sides[0][0], sides[-1][1]
    top = max(side[3] for side in sides) + _figure_text_height(fig, "_suptitle", 1 - _y_of(fig, "_suptitle", 0.98))
    bottom = max(side[2] for side in sides) + _figure_text_height(fig, "_supxlabel", _y_of(fig, "_supxlabel", 0.01))
    gap = max((a[1] + b[0] for a, b in zip(sides, sides[1:])), default=0.0)
    panel = (width - left - right - gap * (len(axes) - 1)) / len(axes)
    fig.subplots_adjust(left=left / width, right=1 - right / width, bottom=bottom / height, top=1 - top / height,
                        wspace=gap / panel if panel > 0 else 0.2)  # fmt: skip


def _margins(ax: Any) -> tuple[float, float, float, float]:
    if not ax.axison:
        return PAD, PAD, PAD, _top_of(ax)
    x_labels, y_labels = drawn_tick_labels(ax.xaxis), drawn_tick_labels(ax.yaxis)
    left = PAD + (_texts_extent(y_labels)[0] + _tick_space(ax.yaxis) if y_labels else 0.0)
    if ax.get_ylabel():
        left += text_extent(ax.get_ylabel(), ax.yaxis.label.get_fontsize())[1] + ax.yaxis.labelpad / 72
    bottom = PAD + _texts_extent(x_labels)[1] + _tick_space(ax.xaxis)
    if ax.get_xlabel():
        bottom += text_extent(ax.get_xlabel(), ax.xaxis.label.get_fontsize())[1] + ax.xaxis.labelpad / 72
    # the first and last x tick labels are centred on the axis's ends
    left = max(left, PAD + _texts_extent(x_labels[:1])[0] / 2)
    return left, PAD + _texts_extent(x_labels[-1:])[0] / 2, bottom, _top_of(ax)


def text_extent(text: str, points: float, bold: bool = False) -> tuple[float, float]:
    """Width of the widest line and height of all lines of `text`, in inches, in the report's font at `points`."""
    from matplotlib import rcParams
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    prop = FontProperties(family=rcParams["font.family"], size=points, weight="bold" if bold else "normal")
    lines = text.split("\n")
    widest = max(text_to_path.get_text_width_height_descent(line, prop, ismath=False)[0] for line in lines)
    return widest / 72, len(lines) * points * LINE_SPACING / 72


def drawn_tick_labels(axis: Any) -> list[Any]:
    """The tick labels the axis will draw: those of ticks inside its view, shown and not empty."""
    ticks = axis._update_ticks()  # private, but the very choice drawing makes; get_majorticklabels keeps unseen ones
    return [tick.label1 for tick in ticks if tick.label1.get_visible() and tick.label1.get_text()]


def _texts_extent(labels: list[Any]) -> tuple[float, float]:
    sizes = [text_extent(label.get_text(), label.get_fontsize()) for label in labels if label.get_text()]
    return max((w for w, _ in sizes), default=0.0), max((h for _, h in sizes), default=0.0)


def _tick_space(axis: Any) -> float:
    ticks = axis.majorTicks  # made by drawn_tick_labels just before
    return (ticks[0].get_tick_padding() + ticks[0].get_pad()) / 72 if ticks else 0.0


def _top_of(ax: Any) -> float:
    from matplotlib import rcParams

    # the axes' three title slots (centre, left, right); matplotlib keeps the side ones private
    titles = [getattr(ax, slot, None) for slot in ("title", "_left_title", "_right_title")]
    heights = [text_extent(t.get_text(), t.get_fontsize(), t.get_fontweight() == "bold")[1] for t in titles if t and t.get_text()]
    return PAD + (max(heights) + rcParams["axes.titlepad"] / 72 if heights else 0.0)


def _figure_text_height(fig: Any, slot: str, offset: float) -> float:
    """Room for the figure's title (`_suptitle`) or note (`_supxlabel`): its height plus its distance from the edge."""
    text = getattr(fig, slot, None)
    if text is None or not text.get_text():
        return 0.0
    return text_extent(text.get_text(), text.get_fontsize())[1] + offset * fig.get_size_inches()[1]


def _y_of(fig: Any, slot: str, default: float) -> float:
    text = getattr(fig, slot, None)
    return text.get_position()[1] if text is not None else default
