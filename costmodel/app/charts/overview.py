"""The figures of Översikt: the cumulative net benefit by year with its bands
(:func:`fan_chart`) and the net benefit per payer (:func:`payer_bars`)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from ...text import fmt
from ..words import tr
from .base import (
    BLACK,
    BLUE,
    GREY,
    MKR,
    PAYER_COLORS,
    apply_layout,
    mkr_axis,
    prices_text,
    rgba,
    wrap,
)


def fan_chart(
    bands: dict[str, np.ndarray], lang: str, persp_label: str, price_year: int
) -> go.Figure:
    """Cumulative net benefit by year: the mean, a 50 % and a 90 % band, from zero at the start.

    ``bands`` holds arrays over the years (year 1..horizon) for the keys p5, p25, p50, p75, p95
    and mean, in kr.
    """
    h = len(bands["mean"])
    x = list(range(h + 1))

    def series(key: str) -> np.ndarray:
        return np.concatenate([[0.0], np.asarray(bands[key], dtype=float)])

    p5, p25, p75, p95, mean = (series(k) for k in ("p5", "p25", "p75", "p95", "mean"))
    fig = go.Figure()
    hover = [
        tr("hover_interval", lang, low=fmt.money(lo, lang), high=fmt.money(hi, lang))
        for lo, hi in zip(p5, p95, strict=True)
    ]
    for upper, lower, alpha, band in ((p95, p5, 0.16, "band90"), (p75, p25, 0.32, "band50")):
        # an invisible upper edge, then the lower edge filled up to it
        fig.add_trace(
            go.Scatter(
                x=x,
                y=upper / MKR,
                mode="lines",
                line={"width": 0},
                hoverinfo="skip",
                showlegend=False,
            )
        )
        fig.add_trace(
            go.Scatter(
                x=x,
                y=lower / MKR,
                mode="lines",
                line={"width": 0},
                fill="tonexty",
                fillcolor=rgba(BLUE, alpha),
                name=tr(band, lang),
                hoverinfo="skip",
            )
        )
    fig.add_trace(
        go.Scatter(
            x=x,
            y=mean / MKR,
            mode="lines+markers",
            line={"color": BLUE, "width": 3},
            marker={"size": 7},
            name=tr("expected_value", lang),
            customdata=np.array(
                [[fmt.money(m, lang), hv] for m, hv in zip(mean, hover, strict=True)]
            ),
            hovertemplate="%{customdata[0]}<br>%{customdata[1]}<extra></extra>",
        )
    )
    fig.add_hline(y=0, line={"color": BLACK, "width": 1.5, "dash": "dash"})
    ticktext = [tr("start", lang)] + [str(i) for i in range(1, h + 1)]
    fig.update_xaxes(tickmode="array", tickvals=x, ticktext=ticktext, range=[-0.1, h + 0.1])
    apply_layout(
        fig,
        lang,
        tr("fan_title", lang),
        f"{persp_label} · {prices_text(lang, price_year)}",
        tr("axis_year", lang),
        mkr_axis(lang, tr("axis_cum", lang)),
    )
    fig.update_layout(hovermode="x unified")
    return fig


def payer_bars(
    rows: Sequence[tuple[str, str, float, float, float]], lang: str, price_year: int
) -> go.Figure:
    """Horizontal bars of expected net benefit per payer with the 90 % interval as whiskers.

    ``rows``: (payer id, label, mean, p5, p95) in kr.
    """
    labels = [r[1] for r in rows]
    mean = np.array([r[2] for r in rows], dtype=float)
    p5 = np.array([r[3] for r in rows], dtype=float)
    p95 = np.array([r[4] for r in rows], dtype=float)
    colors = [PAYER_COLORS.get(r[0], GREY) for r in rows]
    custom = [
        [
            fmt.money(m, lang),
            tr("hover_interval", lang, low=fmt.money(lo, lang), high=fmt.money(hi, lang)),
        ]
        for m, lo, hi in zip(mean, p5, p95, strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            y=labels,
            x=mean / MKR,
            orientation="h",
            marker={"color": colors},
            error_x={
                "type": "data",
                "symmetric": False,
                "array": (p95 - mean) / MKR,
                "arrayminus": (mean - p5) / MKR,
                "color": "#555555",
                "thickness": 1.5,
            },
            customdata=custom,
            hovertemplate="%{y}: %{customdata[0]}<br>%{customdata[1]}<extra></extra>",
        )
    )
    fig.add_vline(x=0, line={"color": BLACK, "width": 1.5})
    # the expected value stands in the axis label, where it can never collide with a whisker
    ticktext = [
        f"{wrap(lb)}<br><b>{fmt.mkr(m, lang)}</b>" for lb, m in zip(labels, mean, strict=True)
    ]
    fig.update_yaxes(autorange="reversed", tickvals=labels, ticktext=ticktext)
    apply_layout(
        fig,
        lang,
        tr("payer_title", lang),
        f"{tr('band90', lang)} · {prices_text(lang, price_year)}",
        mkr_axis(lang, tr("axis_net", lang)),
        "",
        height=max(260, 110 + 62 * len(rows)),
        legend=False,
    )
    return fig
