"""The figures of Jämför: the distributions of the net benefit on top of each other
(:func:`compare_distributions`) and the net benefit per payer, scenario by scenario
(:func:`compare_payers`)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from ...text import fmt
from ..words import tr
from .base import (
    BLACK,
    DASHES,
    MKR,
    PALETTE,
    apply_layout,
    break_even_line,
    histogram_edges,
    mkr_axis,
    percent_per_bin,
    prices_text,
    rgba,
    wrap,
)


def compare_distributions(
    series: Sequence[tuple[str, np.ndarray]], lang: str, persp_label: str, price_year: int
) -> go.Figure:
    """Overlaid step histograms of net benefit, one colour and dash per scenario."""
    edges = histogram_edges([s for _, s in series])
    centers = (edges[:-1] + edges[1:]) / 2
    fig = go.Figure()
    for i, (label, net) in enumerate(series):
        color = PALETTE[i % len(PALETTE)]
        mean = float(np.mean(net)) if net.size else 0.0
        fig.add_trace(
            go.Scatter(
                x=centers / MKR,
                y=percent_per_bin(net, edges),
                mode="lines",
                line_shape="hvh",
                line={"color": color, "width": 2.5, "dash": DASHES[i % len(DASHES)]},
                fill="tozeroy",
                fillcolor=rgba(color, 0.10),
                name=wrap(f"{label} ({tr('hover_mean', lang, x=fmt.mkr(mean, lang))})", 48),
                hovertemplate=f"{label}<br>%{{x:.2f}} mnkr: %{{y:.1f}} %<extra></extra>"
                if lang == "sv"
                else f"{label}<br>SEK %{{x:.2f}}m: %{{y:.1f}}%<extra></extra>",
            )
        )
    break_even_line(fig, lang)
    apply_layout(
        fig,
        lang,
        tr("compare_dist_title", lang),
        f"{persp_label} · {prices_text(lang, price_year)}",
        mkr_axis(lang, tr("axis_net", lang)),
        tr("axis_share_sims", lang),
        height=420,
    )
    fig.update_layout(legend={"orientation": "v"})
    return fig


def compare_payers(
    payer_labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    lang: str,
    price_year: int,
) -> go.Figure:
    """Grouped bars: expected net benefit per payer (x) for each scenario (colour)."""
    fig = go.Figure()
    for i, (label, values) in enumerate(series):
        vals = np.asarray(values, dtype=float)
        fig.add_trace(
            go.Bar(
                x=[wrap(lb) for lb in payer_labels],
                y=vals / MKR,
                name=wrap(label, 48),
                marker={
                    "color": PALETTE[i % len(PALETTE)],
                    "pattern": {"shape": ["", "/", ".", "x", "\\", "+", "-", "|"][i % 8]},
                },
                customdata=[fmt.money(v, lang) for v in vals],
                hovertemplate=f"{label}<br>%{{x}}: %{{customdata}}<extra></extra>",
            )
        )
    fig.add_hline(y=0, line={"color": BLACK, "width": 1})
    fig.update_layout(barmode="group")
    apply_layout(
        fig,
        lang,
        tr("compare_payer_title", lang),
        f"{tr('all_payers', lang)} · {prices_text(lang, price_year)}",
        "",
        mkr_axis(lang, tr("axis_net", lang)),
        height=420,
    )
    fig.update_layout(legend={"orientation": "v"})
    return fig
