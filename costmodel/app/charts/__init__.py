"""Plotly figures for the dashboard: fan chart, payer bars, histogram, waterfall, comparisons,
tornado, value of information and the two-way heat map.

Every builder takes plain numbers (arrays in kr, dicts from ``Results.summary()``) and the
language, and returns a ``plotly.graph_objects.Figure`` with a title, axis titles with units,
Swedish or English number separators and the Okabe-Ito colour-blind-safe palette. Amounts are
plotted in millions of kronor (mnkr; the value of information, often tens of thousands, in
kronor); hover texts carry the exact figures in kronor.

One module per page, the shared pieces apart:

- :mod:`.base`: the palette (:data:`PALETTE`), the layout every figure gets, the labelled
  break-even line, the histogram bins and :func:`figure_texts`;
- :mod:`.overview`: :func:`fan_chart`, :func:`payer_bars` (Översikt);
- :mod:`.tune`: :func:`net_histogram`, :func:`category_waterfall` (Anpassa);
- :mod:`.compare`: :func:`compare_distributions`, :func:`compare_payers` (Jämför);
- :mod:`.sensitivity`: :func:`tornado_chart`, :func:`evppi_bars`, :func:`two_way_heatmap`
  (Känslighet).

Everything is re-exported here, so the pages and tests write ``charts.fan_chart``,
``charts.PALETTE``.
"""

from .base import (
    BENEFIT_COLOR,
    BLACK,
    BLUE,
    COST_COLOR,
    DASHES,
    FONT,
    GREEN,
    GREY,
    MKR,
    NET_COLOR,
    ORANGE,
    PALETTE,
    PAYER_COLORS,
    PURPLE,
    SKY,
    VERMILLION,
    YELLOW,
    figure_texts,
    mkr_axis,
    separators,
    wrap,
)
from .compare import compare_distributions, compare_payers
from .overview import fan_chart, payer_bars
from .sensitivity import evppi_bars, tornado_chart, two_way_heatmap
from .tune import category_waterfall, net_histogram

__all__ = [
    "BENEFIT_COLOR",
    "BLACK",
    "BLUE",
    "COST_COLOR",
    "DASHES",
    "FONT",
    "GREEN",
    "GREY",
    "MKR",
    "NET_COLOR",
    "ORANGE",
    "PALETTE",
    "PAYER_COLORS",
    "PURPLE",
    "SKY",
    "VERMILLION",
    "YELLOW",
    "category_waterfall",
    "compare_distributions",
    "compare_payers",
    "evppi_bars",
    "fan_chart",
    "figure_texts",
    "mkr_axis",
    "net_histogram",
    "payer_bars",
    "separators",
    "tornado_chart",
    "two_way_heatmap",
    "wrap",
]
