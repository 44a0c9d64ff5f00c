"""The report's charts as PNG images, drawn offline with matplotlib (no browser, no network).

Each function takes figures the run and the analysis already computed and returns PNG bytes:
:func:`net_histogram` (net benefit over the iterations), :func:`cumulative_band` (cumulative
net benefit by year with its 90 % band), :func:`payer_bars` (net benefit by payer with its
90 % range) and :func:`tornado` (net benefit with each input at its 10th and 90th percentile).
Axes are in millions of kronor in Swedish number format; colours are the Okabe-Ito palette the
dashboard uses. The same data give byte-identical images (no date or software in the PNG).
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:  # matplotlib takes 0.6 s to import: only when a chart is drawn
    from matplotlib.figure import Figure

from ..text import fmt
from .words import w

BLUE, SKY, ORANGE, VERMILLION, GREY = "#0072B2", "#56B4E9", "#E69F00", "#D55E00", "#999999"
WIDTH_IN = 6.3  # 16 cm: the text width of an A4 page with 2.5 cm margins
DPI = 200


def _figure(height: float) -> Figure:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH_IN, height), dpi=DPI, layout="constrained")
    fig.set_facecolor("white")
    return fig


def _mkr_axis(axis: Any, lang: str) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axis.set_major_formatter(FuncFormatter(lambda x, _pos: fmt.compact(x / 1e6, lang)))
    axis.set_major_locator(MaxNLocator(nbins=7, steps=[1, 2, 2.5, 5, 10]))


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
    return buf.getvalue()


def _style(ax: Any) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(True, axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)


def net_histogram(net: np.ndarray, mean: float, lang: str) -> bytes:
    """How net benefit spreads over the iterations, with zero and the mean marked."""
    from matplotlib.ticker import FuncFormatter

    fig = _figure(2.8)
    ax = fig.add_subplot()
    ax.hist(net, bins=40, color=SKY, edgecolor="white", linewidth=0.4)
    ax.axvline(0.0, color="black", linestyle="--", linewidth=1, label=w("legend_zero", lang))
    ax.axvline(mean, color=VERMILLION, linewidth=2, label=w("legend_mean", lang))
    _mkr_axis(ax.xaxis, lang)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _pos: fmt.number(y, lang)))
    ax.set_xlabel(w("axis_net", lang))
    ax.set_ylabel(w("axis_count", lang))
    # above the plot: inside it the legend would cover bars of one skew or the other
    fig.legend(loc="outside upper center", ncols=2, frameon=False, fontsize=8)
    _style(ax)
    return _png(fig)


def cumulative_band(by_year: Sequence[dict[str, Any]], lang: str) -> bytes:
    """Cumulative net benefit year by year: the mean and the 5th–95th percentile band."""
    years = [int(y["year"]) for y in by_year]
    cum = [y["cumulative_net_benefit"] for y in by_year]
    fig = _figure(2.8)
    ax = fig.add_subplot()
    ax.fill_between(
        years,
        [c["p5"] for c in cum],
        [c["p95"] for c in cum],
        color=SKY,
        alpha=0.45,
        linewidth=0,
        label=w("legend_band", lang),
    )
    ax.plot(years, [c["mean"] for c in cum], color=BLUE, marker="o", label=w("legend_mean", lang))
    ax.axhline(0.0, color="black", linestyle="--", linewidth=1)
    ax.set_xticks(years)
    _mkr_axis(ax.yaxis, lang)
    ax.set_xlabel(w("axis_year", lang))
    ax.set_ylabel(w("axis_net", lang))
    ax.legend(frameon=False, loc="upper left")
    ax.grid(True, axis="y", color="#dddddd", linewidth=0.6)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return _png(fig)


def _wrap(label: str, width: int = 38) -> str:
    return "\n".join(textwrap.wrap(label, width)) or label


def payer_bars(rows: Sequence[tuple[str, float, float, float]], lang: str) -> bytes:
    """Net benefit by payer: (label, mean, p5, p95) per row, the first at the top."""
    fig = _figure(0.55 * len(rows) + 1.0)
    ax = fig.add_subplot()
    ys = np.arange(len(rows))[::-1]
    means = np.array([r[1] for r in rows])
    err = np.array([[r[1] - r[2] for r in rows], [r[3] - r[1] for r in rows]])
    colours = [BLUE if m >= 0 else VERMILLION for m in means]
    ax.barh(ys, means, color=colours, height=0.6)
    ax.errorbar(means, ys, xerr=np.clip(err, 0, None), fmt="none", ecolor="black", capsize=3)
    ax.axvline(0.0, color="black", linewidth=0.8)
    ax.set_yticks(ys, [_wrap(r[0], 28) for r in rows])
    _mkr_axis(ax.xaxis, lang)
    ax.set_xlabel(w("axis_net", lang))
    _style(ax)
    return _png(fig)


def tornado(
    rows: Sequence[tuple[str, float, float]], central: float, lang: str, most: int = 10
) -> bytes:
    """Net benefit with each input at its 10th (low) and 90th (high) percentile, around the
    central case; (label, low, high) per row, widest first; at most ``most`` rows."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    rows = list(rows)[:most]
    fig = _figure(0.4 * len(rows) + 1.4)
    ax = fig.add_subplot()
    ys = np.arange(len(rows))[::-1]
    for y, (_label, low, high) in zip(ys, rows, strict=True):
        ax.barh(y, low - central, left=central, color=SKY, height=0.6)
        ax.barh(y, high - central, left=central, color=ORANGE, height=0.6)
    ax.axvline(central, color="black", linewidth=1.2)
    ax.axvline(0.0, color=GREY, linestyle="--", linewidth=1)
    ax.set_yticks(ys, [_wrap(r[0]) for r in rows])
    _mkr_axis(ax.xaxis, lang)
    ax.set_xlabel(w("axis_net", lang))
    handles = [
        Patch(color=SKY, label=w("legend_low", lang)),
        Patch(color=ORANGE, label=w("legend_high", lang)),
        Line2D(
            [], [], color="black", label=w("central_case", lang, value=fmt.money(central, lang))
        ),
    ]
    fig.legend(handles=handles, loc="outside lower center", ncols=3, frameon=False, fontsize=8)
    _style(ax)
    return _png(fig)
