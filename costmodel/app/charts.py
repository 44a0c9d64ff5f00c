"""Plotly figures for the dashboard: fan chart, payer bars, histogram, waterfall, comparisons.

Every builder takes plain numbers (arrays in kr, dicts from ``Results.summary()``) and the
language, and returns a ``plotly.graph_objects.Figure`` with a title, axis titles with units,
Swedish or English number separators and the Okabe-Ito colour-blind-safe palette. Amounts are
plotted in millions of kronor (mnkr); hover texts carry the exact figures in kronor.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import plotly.graph_objects as go

from ..text import fmt
from .words import tr

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


def _layout(
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


def _rgba(hex_color: str, alpha: float) -> str:
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


def _break_even_line(fig: go.Figure, lang: str) -> None:
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


# --- Översikt ---------------------------------------------------------------------------------


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
                fillcolor=_rgba(BLUE, alpha),
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
    _layout(
        fig,
        lang,
        tr("fan_title", lang),
        f"{persp_label} · {_prices(lang, price_year)}",
        tr("axis_year", lang),
        mkr_axis(lang, tr("axis_cum", lang)),
    )
    fig.update_layout(hovermode="x unified")
    return fig


def _prices(lang: str, year: int) -> str:
    return f"{year} års priser" if lang == "sv" else f"{year} prices"


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
    _layout(
        fig,
        lang,
        tr("payer_title", lang),
        f"{tr('band90', lang)} · {_prices(lang, price_year)}",
        mkr_axis(lang, tr("axis_net", lang)),
        "",
        height=max(260, 110 + 62 * len(rows)),
        legend=False,
    )
    return fig


# --- Anpassa ----------------------------------------------------------------------------------


def _bins(arrays: Sequence[np.ndarray], n: int = 60) -> np.ndarray:
    finite = [a[np.isfinite(a)] for a in arrays if a.size]
    allv = np.concatenate(finite) if finite else np.zeros(1)
    lo, hi = np.percentile(allv, [0.25, 99.75]) if allv.size > 1 else (allv[0] - 1, allv[0] + 1)
    if hi <= lo:
        lo, hi = lo - max(abs(lo), 1.0) * 0.05, hi + max(abs(hi), 1.0) * 0.05
    return np.linspace(lo, hi, n + 1)


def _hist(x: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """Percent of all draws in each bin (the few draws outside the edges are left out, not
    piled into the end bins, which would draw a spike that is not in the data)."""
    counts, _ = np.histogram(x[np.isfinite(x)], bins=edges)
    return 100.0 * counts / max(x.size, 1)


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
    edges = _bins([net] if original is None else [net, original])
    centers = (edges[:-1] + edges[1:]) / 2
    width = (edges[1] - edges[0]) / MKR
    pct = _hist(net, edges)
    positive = centers > 0
    p_pos = float(np.mean(net > 0)) if net.size else 0.0
    fig = go.Figure()
    for mask, color, name in (
        (~positive, VERMILLION, tr("loses_area", lang, p=fmt.percent(1 - p_pos, lang))),
        (positive, BLUE, tr("pays_off_area", lang, p=fmt.percent(p_pos, lang))),
    ):
        fig.add_trace(
            go.Bar(
                x=centers[mask] / MKR,
                y=pct[mask],
                width=width,
                marker={"color": color, "line": {"width": 0}},
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
                y=_hist(original, edges),
                mode="lines",
                line_shape="hvh",
                line={"color": BLACK, "width": 2, "dash": "dot"},
                name=tr("original", lang),
                hoverinfo="skip",
            )
        )
    _break_even_line(fig, lang)
    fig.update_layout(bargap=0.02, barmode="overlay")
    _layout(
        fig,
        lang,
        tr("hist_title", lang),
        f"{persp_label} · {_prices(lang, price_year)}",
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
    _layout(
        fig,
        lang,
        tr("waterfall_title", lang),
        f"{persp_label} · {_prices(lang, price_year)}",
        mkr_axis(lang, tr("axis_amount", lang)),
        "",
        height=max(300, 130 + 56 * len(labels)),
        legend=False,
    )
    return fig


# --- Jämför -----------------------------------------------------------------------------------


def compare_distributions(
    series: Sequence[tuple[str, np.ndarray]], lang: str, persp_label: str, price_year: int
) -> go.Figure:
    """Overlaid step histograms of net benefit, one colour and dash per scenario."""
    edges = _bins([s for _, s in series])
    centers = (edges[:-1] + edges[1:]) / 2
    fig = go.Figure()
    for i, (label, net) in enumerate(series):
        color = PALETTE[i % len(PALETTE)]
        mean = float(np.mean(net)) if net.size else 0.0
        fig.add_trace(
            go.Scatter(
                x=centers / MKR,
                y=_hist(net, edges),
                mode="lines",
                line_shape="hvh",
                line={"color": color, "width": 2.5, "dash": DASHES[i % len(DASHES)]},
                fill="tozeroy",
                fillcolor=_rgba(color, 0.10),
                name=f"{label} ({tr('hover_mean', lang, x=fmt.mkr(mean, lang))})",
                hovertemplate=f"{label}<br>%{{x:.2f}} mnkr: %{{y:.1f}} %<extra></extra>"
                if lang == "sv"
                else f"{label}<br>SEK %{{x:.2f}}m: %{{y:.1f}}%<extra></extra>",
            )
        )
    _break_even_line(fig, lang)
    _layout(
        fig,
        lang,
        tr("compare_dist_title", lang),
        f"{persp_label} · {_prices(lang, price_year)}",
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
                name=label,
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
    _layout(
        fig,
        lang,
        tr("compare_payer_title", lang),
        f"{tr('view_samhalle', lang)} · {_prices(lang, price_year)}",
        "",
        mkr_axis(lang, tr("axis_net", lang)),
        height=420,
    )
    fig.update_layout(legend={"orientation": "v"})
    return fig


def figure_texts(fig: go.Figure) -> dict[str, Any]:
    """Title and axis titles of a figure (for tests and for checking the language)."""
    layout = fig.layout
    return {
        "title": layout.title.text or "",
        "subtitle": (layout.title.subtitle.text or "") if layout.title.subtitle else "",
        "x": layout.xaxis.title.text or "",
        "y": layout.yaxis.title.text or "",
    }
