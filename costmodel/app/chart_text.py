"""The text beside every chart (#11 point 11, WCAG 1.1.1): its figures as a table or a sentence,
so a screen reader, a keyboard user or a printout gets what the picture shows.

- :func:`fan_table` (the cumulative net benefit by year), :func:`payer_table` (per payer),
  :func:`category_table` (the waterfall), :func:`compare_payer_table`: rows of formatted text;
- :func:`histogram_text`: the distribution of the net benefit in one sentence (the share that
  pays off and that does not, and the median), never by colour alone;
- :func:`figures_table`: the table in a folded expander under its chart (:func:`markdown_table`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import streamlit as st

from ..text import fmt
from .common import current_lang, md
from .words import tr


def fan_table(bands: dict[str, np.ndarray], lang: str) -> list[dict[str, str]]:
    return [
        {
            tr("col_year", lang): str(i + 1),
            tr("col_mean", lang): fmt.money(round(float(bands["mean"][i]), -3), lang),
            tr("col_p5", lang): fmt.money(round(float(bands["p5"][i]), -3), lang),
            tr("col_p95", lang): fmt.money(round(float(bands["p95"][i]), -3), lang),
        }
        for i in range(len(bands["mean"]))
    ]


def payer_table(
    rows: Sequence[tuple[str, str, float, float, float]], lang: str
) -> list[dict[str, str]]:
    """``rows``: (payer id, label, mean, p5, p95) in kr, as the payer chart takes them."""
    return [
        {
            tr("col_payer", lang): label,
            tr("col_mean", lang): fmt.money(round(mean, -3), lang),
            tr("col_p5", lang): fmt.money(round(p5, -3), lang),
            tr("col_p95", lang): fmt.money(round(p95, -3), lang),
        }
        for _, label, mean, p5, p95 in rows
    ]


def category_table(categories: Sequence[tuple[str, str, float]], lang: str) -> list[dict[str, str]]:
    """``categories``: (label, 'cost'|'benefit', mean in kr); costs negative, then the total."""
    signed = [(lb, -v if kind == "cost" else v) for lb, kind, v in categories]
    rows = [(lb, v) for lb, v in signed] + [
        (tr("waterfall_total", lang), sum(v for _, v in signed))
    ]
    return [
        {tr("col_category", lang): lb, tr("col_amount", lang): fmt.money(round(v, -3), lang)}
        for lb, v in rows
    ]


def compare_payer_table(
    payer_labels: Sequence[str], series: Sequence[tuple[str, Sequence[float]]], lang: str
) -> list[dict[str, str]]:
    return [
        {
            tr("col_payer", lang): payer,
            # the table is markdown: a scenario's name is shown as text
            **{md(name): fmt.money(round(float(vals[i]), -3), lang) for name, vals in series},
        }
        for i, payer in enumerate(payer_labels)
    ]


def histogram_text(net: np.ndarray, lang: str) -> str:
    pos = float(np.mean(net > 0)) if net.size else 0.0
    return tr(
        "hist_caption",
        lang,
        pos=fmt.percent(pos, lang),
        neg=fmt.percent(1 - pos, lang),
        median=fmt.money(round(float(np.median(net)), -3), lang) if net.size else "–",
    )


def figures_table(rows: list[dict[str, str]], key: str) -> None:
    """The chart's figures in a folded expander right under it."""
    if not rows:
        return
    with st.expander(tr("chart_table", current_lang()), key=f"figures_{key}"):
        st.markdown(markdown_table(rows))


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def markdown_table(rows: list[dict[str, str]]) -> str:
    """``rows`` as a markdown table (an HTML table in the page), figures right-aligned.

    Not ``st.table``: its Arrow serialisation loads about 1 MB of JavaScript, which on the first
    load competed with plotly's for the browser's time before the first chart showed."""
    head = list(rows[0])
    lines = [
        "| " + " | ".join(_cell(h) for h in head) + " |",
        "|" + "|".join([":---", *["---:"] * (len(head) - 1)]) + "|",
    ]
    # a figure is never broken over two lines ("−513 000" / "kr" on a phone): its spaces do
    # not break; the first column's words (a payer, a category) wrap instead
    lines += [
        "| "
        + " | ".join(
            _cell(r[h]) if i == 0 else _cell(r[h]).replace(" ", "\u00a0")
            for i, h in enumerate(head)
        )
        + " |"
        for r in rows
    ]
    return "\n".join(lines)
