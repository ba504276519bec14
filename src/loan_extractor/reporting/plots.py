"""The run report's document plots: statuses, scan quality, and field confidence per document type.

Only counts, quality figures and confidences are drawn, never a field's value.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from markupsafe import Markup

from loan_extractor.models import Document
from loan_extractor.reporting.svg import ACCENT, MUTED, STATUS_COLOURS, no_data, render_svg
from loan_extractor.spec import DocType, fields_of

STATUS_TITLE = "Documents per status"
QUALITY_TITLE = "Scan quality per scanned document (worst page)"
CONFIDENCE_TITLE = "Field confidence"


def status_plot(counts: dict[str, int]) -> Markup:
    """One horizontal bar per status, in the status's colour, with its count written at the bar's end."""
    if not sum(counts.values()):
        return no_data("statuses", STATUS_TITLE)
    statuses = list(counts)

    def draw(fig) -> None:  # noqa: ANN001 - a matplotlib Figure
        ax = fig.add_subplot()
        rows = range(len(statuses))[::-1]  # first status on top
        ax.barh(rows, [counts[s] for s in statuses], color=[STATUS_COLOURS.get(s, MUTED) for s in statuses], height=0.6)
        ax.set_yticks(rows, statuses)
        for row, status in zip(rows, statuses):
            ax.annotate(str(counts[status]), (counts[status], row), xytext=(4, 0), textcoords="offset points", va="center")
        ax.set_xlim(0, max(counts.values()) * 1.15)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_xlabel("documents")
        ax.set_title(STATUS_TITLE, loc="left")

    return render_svg("statuses", (5.5, 0.5 + 0.35 * len(statuses)), draw)


def quality_plot(docs: Sequence[Document]) -> Markup:
    """Worst page's DPI against its clarity, one dot per scanned (OCR'd) document coloured by status, with the quality bands' cut-offs.

    Text-layer PDFs are left out (only counted): their text never went through OCR, so their pages' quality did not matter.
    """
    scanned = [d for d in docs if d.page_images and d.text_source != "text_layer"]
    points = [(min(p.dpi for p in d.page_images), min(p.clarity for p in d.page_images), _status(d)) for d in scanned]
    if not points:
        return no_data("quality", QUALITY_TITLE, "no data: no document was read from page images")
    text_layer = sum(1 for d in docs if d.text_source == "text_layer")
    # the bias slice's quality-band cut-offs; imported here because analysis.bias loads fairlearn (a second or two)
    from loan_extractor.analysis.slices import GOOD_CLARITY, GOOD_DPI, POOR_CLARITY, POOR_DPI

    def draw(fig) -> None:  # noqa: ANN001 - a matplotlib Figure
        ax = fig.add_subplot()
        for status in sorted({s for *_, s in points}, key=_status_rank):
            mine = [(dpi, clarity) for dpi, clarity, s in points if s == status]
            ax.scatter(*zip(*mine), s=36, alpha=0.75, color=STATUS_COLOURS.get(status, MUTED), edgecolor="white", linewidth=0.6,
                       label=f"{status} ({len(mine)})", zorder=3)  # fmt: skip
        for dpi in (POOR_DPI, GOOD_DPI):
            ax.axvline(dpi, color=MUTED, linestyle="--", linewidth=0.8, zorder=1)
        for clarity in (POOR_CLARITY, GOOD_CLARITY):
            ax.axhline(clarity, color=MUTED, linestyle="--", linewidth=0.8, zorder=1)
        dpis = [dpi for dpi, *_ in points]
        ax.set_xlim(min(min(dpis), POOR_DPI) * 0.85, max(max(dpis), GOOD_DPI) * 1.08)
        ax.set_ylim(0, 1.05)
        ax.set_xlabel(f"DPI of the worst page (dashed: poor < {POOR_DPI:g}, good >= {GOOD_DPI:g})")
        ax.set_ylabel("clarity (0 blurred, 1 crisp)")
        ax.set_title(QUALITY_TITLE, loc="left")
        ax.legend(loc="lower right", fontsize=8, frameon=False, title=f"not shown: {text_layer} text-layer PDFs" if text_layer else None,
                  title_fontsize=8)  # fmt: skip

    return render_svg("quality", (6.0, 3.2), draw)


def confidence_plots(docs: Sequence[Document]) -> list[Markup]:
    """Per document type, one box of confidences per field (contract order); a field's label says how many documents read it."""
    by_type: dict[str, list[Document]] = {}
    for doc in docs:
        if not doc.is_terminal and doc.doc_type not in (None, DocType.UNKNOWN) and doc.confidence:
            by_type.setdefault(str(doc.doc_type), []).append(doc)
    if not by_type:
        return [no_data("confidence", CONFIDENCE_TITLE, "no data: no document of a known type was read")]
    return [_confidence_plot(doc_type, by_type[doc_type]) for doc_type in sorted(by_type)]


def _confidence_plot(doc_type: str, docs: list[Document]) -> Markup:
    fields = list(fields_of(doc_type))
    values = [[d.confidence[f] for d in docs if f in d.confidence] for f in fields]
    labels = [f"{field} ({len(v)}/{len(docs)})" for field, v in zip(fields, values)]

    def draw(fig) -> None:  # noqa: ANN001 - a matplotlib Figure
        ax = fig.add_subplot()
        rows = list(range(len(fields), 0, -1))  # first field on top
        shown = [(row, v) for row, v in zip(rows, values) if v]
        if shown:
            ax.boxplot([v for _, v in shown], positions=[row for row, _ in shown], orientation="horizontal", widths=0.55,
                       patch_artist=True, boxprops={"facecolor": "#dbe5f6", "edgecolor": ACCENT},
                       medianprops={"color": ACCENT, "linewidth": 1.5}, flierprops={"markersize": 3})  # fmt: skip
        ax.set_yticks(rows, labels)
        ax.set_xlim(_lower_bound([c for v in values for c in v]), 1.02)
        ax.set_xlabel("confidence")
        fig.suptitle(f"{CONFIDENCE_TITLE}: {doc_type} ({len(docs)} documents)", x=0.01, ha="left", fontsize=10, fontweight="bold")

    return render_svg(f"confidence-{doc_type}", (5.4, 0.9 + 0.26 * len(fields)), draw)


def _lower_bound(confidences: list[float]) -> float:
    """The x axis starts a little below the lowest confidence (at most at 0.5), so boxes near 1 stay readable."""
    lowest = min(confidences, default=0.0)
    return max(0.0, min(0.5, math.floor((lowest - 0.05) * 10) / 10))


def _status(doc: Document) -> str:
    return doc.status.value if doc.status else "unknown"


def _status_rank(status: str) -> int:
    order = list(STATUS_COLOURS)
    return order.index(status) if status in order else len(order)
