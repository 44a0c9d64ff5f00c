"""What every dashboard figure shares: the palette, the layout and the small pieces.

- colours: the Okabe-Ito palette (:data:`PALETTE`, also the theme's ``primaryColor`` in
  ``.streamlit/config.toml``), :data:`PAYER_COLORS` and the cost, benefit and net colours;
- :func:`apply_layout`: title and subtitle, axis titles, fonts, Swedish or English separators
  (:func:`separators`), margins and legend, the same for every figure;
- pieces: :func:`break_even_line` (the labelled zero line of a net-benefit histogram),
  :func:`histogram_edges` and :func:`percent_per_bin` (shared bins for histograms drawn on top
  of each other), :func:`wrap`, :func:`rgba`, :func:`mkr_axis`, :func:`prices_text`;
- :func:`figure_texts`: the title and axis titles of a figure, for the tests.

Amounts are plotted in millions of kronor (:data:`MKR`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import plotly.graph_objects as go

from ..words import tr

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision
# deficiency. Grey is the neutral used for "unallocated".
BLACK = "#000000"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#999999"
PALETTE = [BLUE, ORANGE, GREEN, PURPLE, VERMILLION, SKY, BLACK, YELLOW]
DASHES = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot", "solid", "dash"]

PAYER_COLORS = {
    "kommun": BLUE,
    "stat": ORANGE,
    "region": GREEN,
    "brottsoffer": PURPLE,
    "ovrigt": GREY,
    "samhalle": BLACK,
}
COST_COLOR = VERMILLION
BENEFIT_COLOR = GREEN
NET_COLOR = BLUE

MKR = 1e6
FONT = "Source Sans, Source Sans Pro, Arial, sans-serif"


def separators(lang: str) -> str:
    """Plotly's ``separators``: decimal mark then thousands mark (sv: '1 826,5')."""
    return ", " if lang == "sv" else ".,"


def apply_layout(
    fig: go.Figure,
    lang: str,
    title: str,
    subtitle: str,
    xtitle: str,
    ytitle: str,
    height: int = 380,
    legend: bool = True,
) -> go.Figure:
    fig.update_layout(
        title={
            "text": title,
            "subtitle": {"text": subtitle, "font": {"size": 13}},
            "x": 0,
            "xanchor": "left",
            "font": {"size": 16},
        },
        separators=separators(lang),
        font={"family": FONT, "size": 13, "color": "#262730"},
        template="plotly_white",
        height=height,
        margin={"l": 10, "r": 10, "t": 92, "b": 10},
        showlegend=legend,
        legend={
            "orientation": "h",
            "yref": "container",
            "yanchor": "bottom",
            "y": 0,
            "x": 0,
            "xanchor": "left",
        },
        hoverlabel={"font": {"family": FONT}},
    )
    fig.update_xaxes(title={"text": xtitle}, automargin=True)
    fig.update_yaxes(title={"text": ytitle}, automargin=True, zeroline=False)
    return fig


def rgba(hex_color: str, alpha: float) -> str:
    h = hex_color.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def wrap(text: str, width: int = 16) -> str:
    """Break a long label into lines of about ``width`` characters (plotly's ``<br>``)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def break_even_line(fig: go.Figure, lang: str) -> None:
    """The dashed zero line of a net-benefit histogram, labelled as the break-even point."""
    fig.add_vline(x=0, line={"color": BLACK, "width": 2, "dash": "dash"})
    fig.add_annotation(
        x=0,
        y=1,
        yref="paper",
        text=tr("break_even", lang),
        showarrow=False,
        xanchor="left",
        yanchor="top",
        xshift=4,
        font={"size": 12, "color": BLACK},
        bgcolor="rgba(255,255,255,0.85)",
    )


def mkr_axis(lang: str, what: str) -> str:
    return tr("axis_mkr", lang, what=what)


def prices_text(lang: str, year: int) -> str:
    return f"{year} års priser" if lang == "sv" else f"{year} prices"


def histogram_edges(arrays: Sequence[np.ndarray], n: int = 60) -> np.ndarray:
    finite = [a[np.isfinite(a)] for a in arrays if a.size]
    allv = np.concatenate(finite) if finite else np.zeros(1)
    lo, hi = np.percentile(allv, [0.25, 99.75]) if allv.size > 1 else (allv[0] - 1, allv[0] + 1)
    if hi <= lo:
        lo, hi = lo - max(abs(lo), 1.0) * 0.05, hi + max(abs(hi), 1.0) * 0.05
    return np.linspace(lo, hi, n + 1)


def percent_per_bin(x: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """Percent of all draws in each bin (the few draws outside the edges are left out, not
    piled into the end bins, which would draw a spike that is not in the data)."""
    counts, _ = np.histogram(x[np.isfinite(x)], bins=edges)
    return 100.0 * counts / max(x.size, 1)


def figure_texts(fig: go.Figure) -> dict[str, Any]:
    """Title and axis titles of a figure (for tests and for checking the language)."""
    layout = fig.layout
    return {
        "title": layout.title.text or "",
        "subtitle": (layout.title.subtitle.text or "") if layout.title.subtitle else "",
        "x": layout.xaxis.title.text or "",
        "y": layout.yaxis.title.text or "",
    }
