"""The figures of Känslighet: the tornado (:func:`tornado_chart`), the value of knowing each
input for certain (:func:`evppi_bars`) and the net benefit over two inputs at once with its zero
contour (:func:`two_way_heatmap`).

Like every builder they take plain numbers (kr, inputs in their own unit) with their labels and
texts already in the language; they compute nothing but the drawing.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from ...text import fmt
from ..words import tr
from .base import (
    BLACK,
    BLUE,
    MKR,
    ORANGE,
    VERMILLION,
    apply_layout,
    mkr_axis,
    prices_text,
    wrap,
)

LABEL_WIDTH = 28  # characters per line of an input's label on the axis


def _line_label(fig: go.Figure, x: float, text: str, dash: str, row: int) -> None:
    """A vertical line at ``x`` and, above the plot from its left edge, its label led by the
    line's own pattern ("– –" dashed, "——" solid): at phone width a label beside the line ran
    off the chart, and the pattern in the words says which line is which without colour.
    ``row`` 0 is just above the plot, 1 above that."""
    fig.add_vline(x=x, line={"color": BLACK, "width": 1.5, "dash": dash})
    fig.add_annotation(
        x=0,
        xref="paper",
        y=1,
        yref="paper",
        text=("– – " if dash == "dash" else "—— ") + text,
        showarrow=False,
        xanchor="left",
        yanchor="bottom",
        yshift=18 * row,
        font={"size": 12, "color": BLACK},
        bgcolor="rgba(255,255,255,0.85)",
    )


def tornado_chart(
    rows: Sequence[tuple[str, float, float, str, str]],
    central: float,
    lang: str,
    persp_label: str,
    price_year: int,
) -> go.Figure:
    """Horizontal bars from the central case to the net benefit with each input at its 10th
    (orange, hatched) and 90th percentile (blue), widest first.

    ``rows``: (label, net benefit at the 10th percentile, at the 90th, the input's value at the
    10th percentile as text, at the 90th as text), net benefits in kr; ``central`` in kr.
    """
    labels = [wrap(r[0], LABEL_WIDTH) for r in rows]
    fig = go.Figure()
    sides = (
        (1, 3, "tornado_low", ORANGE, "/"),
        (2, 4, "tornado_high", BLUE, ""),
    )
    for net_i, text_i, key, color, pattern in sides:
        net = np.array([float(r[net_i]) for r in rows])
        fig.add_trace(
            go.Bar(
                y=labels,
                x=(net - central) / MKR,
                base=central / MKR,
                orientation="h",
                name=tr(key, lang),
                marker={
                    "color": color,
                    "pattern": {"shape": pattern, "fgcolor": "#FFFFFF"},
                    "line": {"color": color, "width": 1},
                },
                customdata=[
                    [str(r[text_i]), fmt.money(v, lang)] for r, v in zip(rows, net, strict=True)
                ],
                hovertemplate="%{y}<br>%{customdata[0]}: %{customdata[1]}<extra></extra>",
            )
        )
    # the range by hand: the bars start at their base, which plotly's autorange leaves out;
    # zero is always in view, so every bar shows whether it crosses break-even
    ends = [0.0, central] + [v for r in rows for v in (r[1], r[2])]
    lo, hi = min(ends) / MKR, max(ends) / MKR
    pad = 0.06 * (hi - lo) or 0.1
    span = (lo - pad, hi + pad)
    fig.update_xaxes(range=list(span))
    central_text = tr("tornado_central", lang, x=fmt.mkr(central, lang, 2))
    _line_label(fig, central / MKR, central_text, "dash", row=1)
    _line_label(fig, 0.0, tr("break_even", lang), "solid", row=0)
    fig.update_layout(barmode="overlay", bargap=0.35)
    fig.update_yaxes(autorange="reversed")
    apply_layout(
        fig,
        lang,
        tr("tornado_title", lang),
        tr("tornado_subtitle", lang, whom=persp_label, prices=prices_text(lang, price_year)),
        mkr_axis(lang, tr("axis_net", lang)),
        "",
        height=max(300, 190 + 56 * len(rows)),
    )
    # title and its two subtitle lines at the top, the two line labels below them
    fig.update_layout(
        margin={"t": 150}, title={"yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 8}}
    )
    return fig


def evppi_bars(
    rows: Sequence[tuple[str, float, str]], lang: str, persp_label: str, price_year: int
) -> go.Figure:
    """Horizontal bars: what knowing each input for certain is worth to the decision (kr),
    largest first, the amount written at the end of each bar.

    ``rows``: (label, value in kr, the value as text).
    """
    labels = [wrap(r[0], LABEL_WIDTH) for r in rows]
    values = [r[1] for r in rows]
    fig = go.Figure(
        go.Bar(
            y=labels,
            x=values,
            orientation="h",
            marker={"color": BLUE},
            text=[r[2] for r in rows],
            textposition="outside",
            cliponaxis=False,
            customdata=[fmt.money(v, lang) for v in values],
            hovertemplate="%{y}: %{customdata}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(rangemode="tozero", tickformat=",~r")
    top = max(values, default=0.0)
    if top > 0:  # room for the amount after the longest bar
        fig.update_xaxes(range=[0, top * 1.45])
    apply_layout(
        fig,
        lang,
        tr("evppi_title", lang),
        f"{persp_label} · {prices_text(lang, price_year)}",
        tr("axis_value_kr", lang),
        "",
        height=max(260, 170 + 56 * len(rows)),
        legend=False,
    )
    return fig


def _tick_format(share: bool) -> str:
    return ".0%" if share else ",.3~r"


def two_way_heatmap(
    x_values: Sequence[float],
    y_values: Sequence[float],
    net: Sequence[Sequence[float]],
    titles: tuple[str, str],
    hover: Sequence[Sequence[str]],
    lang: str,
    persp_label: str,
    price_year: int,
    central: tuple[float, float] | None = None,
    shares: tuple[bool, bool] = (False, False),
) -> go.Figure:
    """Net benefit (mnkr) over a grid of two inputs: red where SIG does not pay off, blue where
    it does, white at zero, with the zero contour as a dashed black line named in the legend and
    the central case as a cross.

    ``net[j][i]`` is the net benefit in kr at ``x_values[i]``, ``y_values[j]``; ``titles`` the
    axis titles (x, y); ``hover[j][i]`` the hover text of that cell; ``shares`` says which axis
    is a share (ticks in percent).
    """
    z = np.asarray(net, dtype=float) / MKR
    # white at zero, full red at the lowest and full blue at the highest value: the sign is
    # what the map is for, so each side uses its whole colour range
    zmin = min(float(z.min()), 0.0) if z.size else -1.0
    zmax = max(float(z.max()), 0.0) if z.size else 1.0
    if zmax == zmin:
        zmin, zmax = zmin - 1.0, zmax + 1.0
    white = (0.0 - zmin) / (zmax - zmin)
    fig = go.Figure(
        go.Heatmap(
            x=list(x_values),
            y=list(y_values),
            z=z,
            zmin=zmin,
            zmax=zmax,
            colorscale=[[0.0, VERMILLION], [white, "#FFFFFF"], [1.0, BLUE]],
            colorbar={
                "title": {"text": wrap(mkr_axis(lang, tr("axis_net", lang)), 12)},
                "thickness": 14,
            },
            text=[list(row) for row in hover],
            hovertemplate="%{text}<extra></extra>",
        )
    )
    if z.size and z.min() < 0 < z.max():
        fig.add_trace(
            go.Contour(
                x=list(x_values),
                y=list(y_values),
                z=z,
                contours={"start": 0, "end": 0, "size": 1, "coloring": "none"},
                line={"color": BLACK, "width": 3, "dash": "dash"},
                showscale=False,
                name=tr("break_even", lang),
                showlegend=True,
                hoverinfo="skip",
            )
        )
    if central is not None:
        fig.add_trace(
            go.Scatter(
                x=[central[0]],
                y=[central[1]],
                mode="markers",
                marker={
                    "symbol": "x-thin",
                    "size": 14,
                    "color": BLACK,
                    "line": {"width": 3, "color": BLACK},
                },
                name=tr("two_way_central", lang),
                hoverinfo="skip",
            )
        )
    fig.update_xaxes(tickformat=_tick_format(shares[0]), showgrid=False)
    fig.update_yaxes(tickformat=_tick_format(shares[1]), showgrid=False)
    apply_layout(
        fig,
        lang,
        tr("two_way_title", lang),
        f"{persp_label} · {prices_text(lang, price_year)}",
        wrap(titles[0], 48),
        wrap(titles[1], 32),
        height=480,
    )
    return fig
