"""Figures drawn with matplotlib and written as inline SVG, the same bytes for the same data.

Figures are built with `matplotlib.figure.Figure`, never pyplot: pyplot keeps a global registry of
open figures (which must be closed) and is not thread-safe, while Prefect runs tasks in threads.
A `Figure` is garbage once its SVG is written. `rcParams` are global, so the style is applied
under a lock. Determinism: a fixed `svg.hashsalt` (per plot, so the clip-path ids of two plots
inlined in one page never collide), no date in the metadata, and text kept as SVG `<text>`
(`svg.fonttype: none`) so files stay small and labels can be searched and read without a renderer.
"""

from __future__ import annotations

import io
import re
import textwrap
import threading
from collections.abc import Callable

from markupsafe import Markup

# One colour per document status, shared by every plot (and the page's CSS).
STATUS_COLOURS = {"processed": "#2e8b57", "needs_review": "#d99a1e", "rejected": "#8a4b3c", "failed": "#c0392b"}
MUTED = "#b8bec7"
NO_DATA_CHARS = 44  # characters of a "no data" message per line: about the 4-inch figure's width at 11 points
ACCENT = "#4a7bd0"
STYLE = {
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#8792a2",
    "axes.labelcolor": "#1d2430",
    "xtick.color": "#1d2430",
    "ytick.color": "#1d2430",
    "hatch.color": "#6b7380",
    "hatch.linewidth": 0.8,
}
_RC_LOCK = threading.Lock()
_PROLOG = re.compile(r"^.*?(?=<svg)", re.DOTALL)


def render_svg(name: str, size: tuple[float, float], draw: Callable[..., None]) -> Markup:
    """Call `draw(fig)` on a new figure of `size` inches and return the figure as an inline `<svg>` element.

    `name` is the plot's id in the page (letters, digits and dashes) and the salt of its ids.
    """
    import matplotlib
    from matplotlib.figure import Figure

    from loan_extractor.reporting.layout import fit_layout

    with _RC_LOCK, matplotlib.rc_context(STYLE | {"svg.hashsalt": f"loan-extractor-{name}", "svg.id": name}):
        fig = Figure(figsize=size)
        draw(fig)
        fit_layout(fig)  # margins from the texts' sizes: drawn once, not measured by a drawing first
        out = io.StringIO()
        fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    # the XML prolog and DOCTYPE are for standalone files; inside HTML the <svg> element stands alone
    return Markup(_PROLOG.sub("", out.getvalue(), count=1))


def no_data(name: str, title: str, message: str = "no data") -> Markup:
    """A small figure with the plot's title and `message` in place of the plot, for empty runs."""

    lines = textwrap.wrap(message, NO_DATA_CHARS) or [""]

    def draw(fig) -> None:  # noqa: ANN001 - a matplotlib Figure
        ax = fig.add_subplot()
        ax.set_title(title)
        ax.text(0.5, 0.5, "\n".join(lines), ha="center", va="center", color="#6b7380", fontsize=11,
                transform=ax.transAxes)
        ax.set_axis_off()

    return render_svg(name, (4.0, 1.0 + 0.2 * len(lines)), draw)
