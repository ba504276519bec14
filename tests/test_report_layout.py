"""The report's figures laid out from their texts' sizes: drawn once, every text inside the figure."""

from __future__ import annotations

import re

import matplotlib
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from test_report_plots import _bias_row, _full, _summary

from loan_extractor.reporting import layout, report_plots


def _laid_out(monkeypatch: pytest.MonkeyPatch, *summaries) -> list[Figure]:  # noqa: ANN002 - RunSummary objects
    figures, fit = [], layout.fit_layout
    monkeypatch.setattr(layout, "fit_layout", lambda fig: (fit(fig), figures.append(fig)))
    for summary in summaries:
        report_plots(summary)
    return figures


def test_a_report_figure_is_drawn_once(monkeypatch: pytest.MonkeyPatch) -> None:
    draws, draw = [], Figure.draw
    monkeypatch.setattr(Figure, "draw", lambda fig, renderer: (draws.append(fig), draw(fig, renderer))[1])
    report_plots(_full())
    assert len(draws) == len(set(map(id, draws))) == 4  # statuses, quality, one confidence type, one bias slice


def test_every_text_of_every_plot_lies_inside_its_figure(monkeypatch: pytest.MonkeyPatch) -> None:
    long_groups = tuple(_bias_row("source_format", g, n, m, 0.5, n >= 3) for g, n in (("application/x-long-format-name", 4), ("png", 1))
                        for m in ("validation_pass_rate", "mean_field_confidence", "needs_review_rate"))  # fmt: skip
    summary = _full().model_copy(update={"bias": _full().bias + long_groups})
    figures = _laid_out(monkeypatch, summary, _summary())
    assert len(figures) == 9  # 5 plots of the full run, 4 "no data" figures of the empty one
    for fig in figures:
        with matplotlib.rc_context({"text.hinting": "none"}):  # the SVG's text is not hinted: Agg's would be wider
            canvas = FigureCanvasAgg(fig)
            canvas.draw()
            renderer, bounds = canvas.get_renderer(), fig.bbox
            boxes = [(text.get_text(), text.get_window_extent(renderer)) for text in _outer_texts(fig)]
        for text, box in boxes:
            assert bounds.x0 - 1 <= box.x0 and box.x1 <= bounds.x1 + 1, text
            assert bounds.y0 - 1 <= box.y0 and box.y1 <= bounds.y1 + 1, text


def _outer_texts(fig: Figure) -> list:
    """Tick labels, axis labels, titles, the figure's title and note; what a plot writes inside its axes
    (bar values, a "no data" message) is placed by the plot itself."""
    texts = [getattr(fig, slot, None) for slot in ("_suptitle", "_supxlabel")]
    for ax in fig.axes:
        texts += [ax.title, ax._left_title, ax._right_title]
        if ax.axison:  # a "no data" figure draws no axis
            texts += layout.drawn_tick_labels(ax.xaxis) + layout.drawn_tick_labels(ax.yaxis) + [ax.xaxis.label, ax.yaxis.label]
    return [t for t in texts if t is not None and t.get_visible() and t.get_text()]


def test_a_long_no_data_message_is_wrapped_to_the_figure_width() -> None:
    from loan_extractor.reporting.svg import no_data

    message = "no data: not enough documents of a known type to compare"
    svg = str(no_data("bias", "Extraction quality by slice", message))
    lines = [t for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg) if t != "Extraction quality by slice"]
    assert " ".join(lines) == message and len(lines) > 1
    assert all(layout.text_extent(line, 11)[0] < 4.0 for line in lines)
