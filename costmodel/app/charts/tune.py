"""The figures of Anpassa: the distribution of the net benefit, against the original when
anything was changed (:func:`net_histogram`), and the costs and avoided costs by category
(:func:`category_waterfall`)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from ...text import fmt
from ..words import tr
from .base import (
    BENEFIT_COLOR,
    BLACK,
    BLUE,
    COST_COLOR,
    MKR,
    NET_COLOR,
    VERMILLION,
    apply_layout,
    break_even_line,
    histogram_edges,
    mkr_axis,
    percent_per_bin,
    prices_text,
    wrap,
)


def net_histogram(
    net: np.ndarray,
    lang: str,
    persp_label: str,
    price_year: int,
    original: np.ndarray | None = None,
) -> go.Figure:
    """Histogram of net benefit; bars left of zero in vermillion, right of it in blue.

    With ``original`` the untuned distribution is drawn as a black step line on the same bins.
    """
    edges = histogram_edges([net] if original is None else [net, original])
    centers = (edges[:-1] + edges[1:]) / 2
    width = (edges[1] - edges[0]) / MKR
    pct = percent_per_bin(net, edges)
    positive = centers > 0
    p_pos = float(np.mean(net > 0)) if net.size else 0.0
    fig = go.Figure()
    # colour never alone: the bars that lose money are hatched as well as vermillion
    for mask, color, shape, name in (
        (~positive, VERMILLION, "/", tr("loses_area", lang, p=fmt.percent(1 - p_pos, lang))),
        (positive, BLUE, "", tr("pays_off_area", lang, p=fmt.percent(p_pos, lang))),
    ):
        fig.add_trace(
            go.Bar(
                x=centers[mask] / MKR,
                y=pct[mask],
                width=width,
                marker={
                    "color": color,
                    "line": {"width": 0},
                    "pattern": {"shape": shape, "fgcolor": "#ffffff", "size": 6},
                },
                name=name,
                customdata=[
                    [fmt.money(a, lang), fmt.money(b, lang)]
                    for a, b in zip(edges[:-1][mask], edges[1:][mask], strict=True)
                ],
                hovertemplate="%{customdata[0]} – %{customdata[1]}: %{y:.1f} %<extra></extra>"
                if lang == "sv"
                else "%{customdata[0]} – %{customdata[1]}: %{y:.1f}%<extra></extra>",
            )
        )
    if original is not None:
        fig.add_trace(
            go.Scatter(
                x=centers / MKR,
                y=percent_per_bin(original, edges),
                mode="lines",
                line_shape="hvh",
                line={"color": BLACK, "width": 2, "dash": "dot"},
                name=tr("original", lang),
                hoverinfo="skip",
            )
        )
    break_even_line(fig, lang)
    fig.update_layout(bargap=0.02, barmode="overlay")
    apply_layout(
        fig,
        lang,
        tr("hist_title", lang),
        f"{persp_label} · {prices_text(lang, price_year)}",
        mkr_axis(lang, tr("axis_net", lang)),
        tr("axis_share_sims", lang),
    )
    return fig


def category_waterfall(
    categories: Sequence[tuple[str, str, float]], lang: str, persp_label: str, price_year: int
) -> go.Figure:
    """Horizontal waterfall: costs to the left, avoided costs to the right, ending in the net
    benefit. The amounts stand in the axis labels, so long category names never overlap them.

    ``categories``: (label, kind 'cost'|'benefit', mean in kr).
    """
    ordered = [c for c in categories if c[1] == "cost"] + [c for c in categories if c[1] != "cost"]
    values = [(-v if kind == "cost" else v) for _, kind, v in ordered]
    total = float(sum(values))
    labels = [c[0] for c in ordered] + [tr("waterfall_total", lang)]
    amounts = [*values, total]
    x = [v / MKR for v in amounts]
    ticks = [
        f"{wrap(lb)}<br><b>{fmt.mkr(v, lang)}</b>" for lb, v in zip(labels, amounts, strict=True)
    ]
    fig = go.Figure(
        go.Waterfall(
            orientation="h",
            y=labels,
            x=x,
            measure=["relative"] * len(values) + ["total"],
            decreasing={"marker": {"color": COST_COLOR}},
            increasing={"marker": {"color": BENEFIT_COLOR}},
            totals={"marker": {"color": NET_COLOR}},
            connector={"line": {"color": "#888888", "width": 1}},
            customdata=[fmt.money(v, lang) for v in amounts],
            hovertemplate="%{y}: %{customdata}<extra></extra>",
        )
    )
    fig.add_vline(x=0, line={"color": BLACK, "width": 1})
    fig.update_yaxes(autorange="reversed", tickvals=labels, ticktext=ticks)
    apply_layout(
        fig,
        lang,
        tr("waterfall_title", lang),
        f"{persp_label} · {prices_text(lang, price_year)}",
        mkr_axis(lang, tr("axis_amount", lang)),
        "",
        height=max(300, 130 + 56 * len(labels)),
        legend=False,
    )
    return fig
