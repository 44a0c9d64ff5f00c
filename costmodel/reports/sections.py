"""The report's sections on the figures: Antaganden and Resultat (the decision analysis is in
:mod:`.decision`, the other sections in :mod:`.build`).

Every table cell keeps the number beside its Swedish text (:class:`.content.Cell`); the rows and
their words are the CLI's (:mod:`costmodel.text.i18n`, :mod:`costmodel.views.sensitivity`).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..engine import Results
from ..scenario import Scenario
from ..scenario.payers import payer_label, payer_phrase
from ..text import fmt
from ..text.i18n import t
from ..views import sensitivity as sens
from ..views.sources import citations
from ..views.table import MONEY_ROWS
from . import charts
from .cells import amount, describe_value, money, percent, ratio, unit
from .content import Block, Bullets, Cell, Column, Figure, Paragraph, Section, Table, text_cell
from .words import w


def assumptions(s: Scenario, inputs: dict[str, np.ndarray], lang: str) -> Section:
    """Every parameter: value or distribution, most likely value, 90 % range of the draws,
    unit, price year, source and note; then the correlations."""
    cols = (
        Column(w("col_assumption", lang)),
        Column(w("col_value", lang)),
        Column(w("col_central", lang)),
        Column(w("col_p5", lang)),
        Column(w("col_p95", lang)),
        Column(w("col_unit", lang)),
        Column(w("col_price_year", lang)),
        Column(w("col_source", lang)),
        Column(w("col_note", lang)),
    )
    rows = []
    for name, p in s.parameters.items():
        lo, hi = inputs.get(name, (p.dist.central(), p.dist.central()))
        rows.append(
            (
                text_cell(sens.input_name(s, name, lang)),
                text_cell(describe_value(p, lang)),
                amount(p.dist.central(), p, lang),
                amount(lo, p, lang, rounded=True),
                amount(hi, p, lang, rounded=True),
                text_cell(unit(p, lang)),
                Cell(str(p.price_year), p.price_year, "integer") if p.price_year else text_cell(""),
                text_cell("; ".join(c.text for c in citations(s, p, lang))),
                text_cell(p.note_text(lang)),
            )
        )
    blocks: list[Block] = [
        Paragraph(w("assumptions_intro", lang)),
        Table(
            cols,
            tuple(rows),
            sheet=w("assumptions_sheet", lang),
            key="assumptions",
            doc_columns=tuple(range(6)),  # sources and notes follow the table in Word and HTML
            doc_note=w("sources_below", lang),
        ),
        Paragraph(w("sources", lang), emphasis=True),
        Bullets(
            tuple(f"{r[7].text}. {r[8].text}".strip().removesuffix(".") + "." for r in rows),
            leads=tuple(f"{r[0].text}: " for r in rows),
        ),
    ]
    if s.correlations:
        items = []
        for c in s.correlations:
            names = ", ".join(sens.input_name(s, n, lang) for n in c.names)
            rank = w("rank", lang, r=fmt.number(c.rank, lang, 2))
            sources = "; ".join(c.sources)
            note = c.note.get(lang) or c.note.get("sv", "") if c.note else ""
            items.append(f"{names}: {rank}. {note} ({sources})".replace(".  (", ". ("))
        blocks += [Paragraph(w("correlated", lang), emphasis=True), Bullets(tuple(items))]
    return Section("assumptions", w("s_assumptions", lang), blocks)


def _key_figures(summary: dict[str, Any], lang: str) -> list[Table]:
    stats = ("mean", "p5", "p50", "p95")
    cols = (Column(t("measure", lang)), *(Column(t(c, lang), "kr") for c in stats))
    rows = [
        (text_cell(t(key, lang).strip()), *(money(summary[key][c], lang) for c in stats))
        for key in MONEY_ROWS
    ]
    r = summary["benefit_cost_ratio"]
    rows.append((text_cell(t("benefit_cost_ratio", lang)), *(ratio(r[c], lang) for c in stats)))
    be = summary["break_even_year"]
    facts = [
        (
            t("probability_positive", lang),
            percent(summary["probability_net_benefit_positive"], lang),
        ),
        (t("ratio_of_means", lang), ratio(summary["benefit_cost_ratio_of_means"], lang)),
        (t("mcse", lang), money(summary["monte_carlo_standard_error"], lang)),
        (
            t("break_even_year", lang),
            Cell(str(be), be, "integer") if be else text_cell(t("never", lang)),
        ),
    ]
    if summary.get("cost_per_youth") is not None:
        facts.append((t("cost_per_youth", lang), money(summary["cost_per_youth"], lang)))
    sheet = w("summary_sheet", lang)
    return [
        Table(cols, tuple(rows), caption=w("key_figures", lang), sheet=sheet, key="summary"),
        Table(
            (Column(t("measure", lang)), Column(t("value", lang))),
            tuple((text_cell(k), v) for k, v in facts),
            sheet=sheet,
            key="facts",
        ),
    ]


def _per_payer(society: dict[str, Any], lang: str) -> Table:
    cols = (
        Column(t("payer", lang)),
        Column(t("mean", lang), "kr"),
        Column(t("p5", lang), "kr"),
        Column(t("p95", lang), "kr"),
        Column(t("budget", lang), "kr"),
        Column(t("non_cash", lang), "kr"),
        Column(w("col_probability", lang), "%"),
    )
    rows = []
    for payer, d in society["by_payer"].items():
        nb = d["net_benefit"]
        rows.append(
            (
                text_cell(payer_label(payer, lang)),
                money(nb["mean"], lang),
                money(nb["p5"], lang),
                money(nb["p95"], lang),
                money(d["budget"], lang),
                money(d["non_cash"], lang),
                percent(d["probability_net_benefit_positive"], lang),
            )
        )
    return Table(
        cols, tuple(rows), caption=w("per_payer", lang), sheet=w("per_payer", lang), key="per_payer"
    )


def _per_category(summary: dict[str, Any], lang: str) -> Table:
    cols = (
        Column(t("category", lang)),
        Column(t("kind", lang)),
        *(Column(t(c, lang), "kr") for c in ("mean", "p5", "p95")),
    )
    rows = tuple(
        (
            text_cell(d["label"].get(lang) or d["label"]["sv"]),
            text_cell(t("kind_" + d["kind"], lang)),
            *(money(d[c], lang) for c in ("mean", "p5", "p95")),
        )
        for d in summary["by_category"].values()
    )
    title = f"{w('per_category', lang)} ({payer_phrase(summary['perspective'], lang)})"
    return Table(cols, rows, caption=title, sheet=w("per_category", lang), key="per_category")


def _per_year(summary: dict[str, Any], lang: str) -> Table:
    cols = (
        Column(t("year", lang)),
        Column(t("costs", lang), "kr"),
        Column(t("benefits", lang), "kr"),
        Column(t("net_benefit", lang), "kr"),
        Column(f"{t('net_benefit', lang)} {t('p5', lang)}", "kr"),
        Column(f"{t('net_benefit', lang)} {t('p95', lang)}", "kr"),
        Column(t("cumulative", lang), "kr"),
    )
    rows = tuple(
        (
            Cell(str(y["year"]), y["year"], "integer"),
            money(y["costs"], lang),
            money(y["benefits"], lang),
            money(y["net_benefit"]["mean"], lang),
            money(y["net_benefit"]["p5"], lang),
            money(y["net_benefit"]["p95"], lang),
            money(y["cumulative_net_benefit"]["mean"], lang),
        )
        for y in summary["by_year"]
    )
    title = f"{w('per_year', lang)} ({payer_phrase(summary['perspective'], lang)})"
    return Table(
        cols,
        rows,
        caption=title,
        sheet=w("per_year", lang),
        key="per_year",
        doc_columns=(0, 1, 2, 3, 6),  # the yearly spread is in the spreadsheet and the chart
    )


def results(r: Results, summary: dict[str, Any], society: dict[str, Any], lang: str) -> Section:
    """Headline figures, per payer, per category and per year, with the charts."""
    persp = summary["perspective"]
    year = summary["price_year"]
    n = fmt.number(summary["iterations"], lang)
    who = payer_phrase(persp, lang)
    blocks: list[Block] = [*_key_figures(summary, lang)]
    blocks.append(
        Figure(
            charts.net_histogram(r.net(persp), summary["net_benefit"]["mean"], lang),
            w("chart_hist", lang, persp=who, n=n, year=year),
            key="histogram",
        )
    )
    blocks.append(_per_payer(society, lang))
    bars = [
        (
            payer_label(p, lang),
            d["net_benefit"]["mean"],
            d["net_benefit"]["p5"],
            d["net_benefit"]["p95"],
        )
        for p, d in society["by_payer"].items()
    ]
    blocks.append(
        Figure(charts.payer_bars(bars, lang), w("chart_payers", lang, year=year), key="payers")
    )
    blocks += [_per_category(summary, lang), _per_year(summary, lang)]
    if summary["horizon_years"] > 1:
        blocks.append(
            Figure(
                charts.cumulative_band(summary["by_year"], lang),
                w("chart_cumulative", lang, persp=who, year=year),
                key="cumulative",
            )
        )
    return Section("results", w("s_results", lang), blocks)
