"""The run report's figures, drawn with matplotlib as inline SVG so the HTML report stays one file that opens offline."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from loan_extractor.run import RunSummary


@dataclass(frozen=True)
class ReportPlots:
    """One `<svg>` per plot of the report, in the order the page shows them."""

    statuses: Markup
    quality: Markup
    confidence: list[Markup]
    bias: list[Markup]


def report_plots(summary: RunSummary) -> ReportPlots:
    """Every plot of the run's report; a section without data gets a "no data" figure rather than nothing."""
    from loan_extractor.reporting.bias_plots import bias_plots
    from loan_extractor.reporting.plots import confidence_plots, quality_plot, status_plot

    return ReportPlots(
        statuses=status_plot(summary.counts()),
        quality=quality_plot(summary.documents),
        confidence=confidence_plots(summary.documents),
        bias=bias_plots(summary.bias),
    )
