"""The report's sections on the figures: Antaganden, Resultat, Känslighet, Uppföljning and
Begränsningar (the others are in :mod:`.build`).

Every table cell keeps the number beside its Swedish text (:class:`.content.Cell`); the rows and
their words are the CLI's (:mod:`costmodel.text.i18n`, :mod:`costmodel.views.sensitivity`).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..engine import Results
from ..scenario import Scenario
from ..scenario.payers import SOCIETY, payer_label, payer_phrase
from ..text import fmt
from ..text.i18n import t
from ..views import sensitivity as sens
from . import charts
from .content import Block, Bullets, Cell, Column, Figure, Paragraph, Section, Table, text_cell
from .words import w

SHARE_UNITS = ("share", "probability", "effect")
FOLLOW_UP_MOST = 5
DOC_ROWS = 10  # the longest ranking Word and HTML print (the spreadsheet has all)


def money(x: float | None, lang: str) -> Cell:
    return Cell(fmt.money(x, lang), x, "money")


def percent(x: float | None, lang: str, decimals: int = 0) -> Cell:
    return Cell(fmt.percent(x, lang, decimals), x, "percent")


def ratio(x: float | None, lang: str) -> Cell:
    return Cell(fmt.ratio(x, lang), x, "ratio")


def amount(x: float, p: Any, lang: str, rounded: bool = False) -> Cell:
    """A value in a parameter's own unit: shares as percent, the rest as plain numbers;
    ``rounded`` prints three significant digits (a percentile of draws), the cell keeps all."""
    shown = float(f"{x:.3g}") if rounded and x else x
    if p.unit.id in SHARE_UNITS:
        return Cell(fmt.percent(shown, lang, 1), float(x), "percent")
    return Cell(fmt.compact(shown, lang), float(x), "number")


def unit(p: Any, lang: str) -> str:
    """The unit as a column shows it, with the price year of an amount: 'kr/år (2015)'."""
    name = "%" if p.unit.id in SHARE_UNITS else (p.unit.sv if lang == "sv" else p.unit.en)
    return f"{name} ({p.price_year})" if p.price_year else name


def assumptions(s: Scenario, inputs: dict[str, np.ndarray], lang: str) -> Section:
    """Every parameter: value or distribution, most likely value, 90 % range of the draws,
    unit, price year, source and note; then the correlations."""
    from .build import describe_value

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
                text_cell("; ".join(str(r) for r in p.references)),
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
        for key in (
            "net_benefit",
            "budget_net_benefit",
            "net_benefit_undiscounted",
            "costs",
            "benefits",
        )
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


def sensitivity(s: Scenario, a: dict[str, Any], central: float, lang: str) -> Section:
    """Tornado (chart and table), switching values, break-even, value of information, error."""
    persp = a["perspective"]
    sw = sens.WORDS
    rows = [
        (sens.input_name(s, r["parameter"], lang), r["low"], r["high"], r["swing"])
        for r in a["tornado"]
    ]
    blocks: list[Block] = []
    if any(swing > 0 for *_, swing in rows):
        blocks.append(
            Figure(
                # inputs that do not move this perspective's net benefit draw no bar
                charts.tornado([(n, lo, hi) for n, lo, hi, sw in rows if sw > 0], central, lang),
                w("chart_tornado", lang, persp=payer_phrase(persp, lang)),
                key="tornado",
            )
        )
    blocks.append(
        Table(
            (
                Column(sw["parameter"][lang]),
                Column(sw["low"][lang], "kr"),
                Column(sw["high"][lang], "kr"),
                Column(sw["swing"][lang], "kr"),
            ),
            tuple(
                (text_cell(n), money(lo, lang), money(hi, lang), money(swing, lang))
                for n, lo, hi, swing in rows
            ),
            caption=sw["tornado"][lang],
            sheet=w("tornado_sheet", lang),
            key="tornado",
            doc_rows=DOC_ROWS,
            doc_note=w("top_rows", lang, n=DOC_ROWS),
        )
    )
    top = [r["parameter"] for r in a["tornado"][:DOC_ROWS]]
    moving = {e["parameter"]: e for e in sens.moving_switching(a)}
    switching = [sens.switching_text(moving[n], s, persp, lang) for n in top if n in moving]
    if switching:
        blocks += [Paragraph(sw["switching"][lang], emphasis=True), Bullets(tuple(switching))]
    blocks += [
        Paragraph(sens.break_even_text(a, lang)),
        Paragraph(sw["voi"][lang], emphasis=True),
        Paragraph(sw["evpi"][lang].format(value=fmt.money(a["evpi"], lang))),
    ]
    shares = {i["parameter"]: i for i in a["importance"]}
    blocks.append(
        Table(
            (
                Column(sw["parameter"][lang]),
                Column(w("col_evppi", lang), "kr"),
                Column(w("col_share", lang), "%"),
            ),
            tuple(
                (
                    text_cell(sens.input_name(s, e["parameter"], lang)),
                    money(e["value"], lang),
                    percent(shares[e["parameter"]]["variance_share"], lang, 1)
                    if e["parameter"] in shares
                    else text_cell("–"),
                )
                for e in a["evppi"]
            ),
            sheet=w("voi_sheet", lang),
            key="voi",
            doc_rows=DOC_ROWS,
            doc_note=w("top_rows", lang, n=DOC_ROWS),
        )
    )
    return Section("sensitivity", w("s_sensitivity", lang), blocks)


def follow_up(s: Scenario, a: dict[str, Any], inputs: dict[str, np.ndarray], lang: str) -> Section:
    """The inputs worth measuring (by EVPPI, or by variance share when no input is worth
    anything to the decision), with the value the calculation assumes today."""
    worth = [e for e in a["evppi"] if e["value"] > 0][:FOLLOW_UP_MOST]
    blocks: list[Block] = [Paragraph(w("follow_intro", lang))]
    if worth:
        ranked = [(e["parameter"], money(e["value"], lang)) for e in worth]
        last = Column(w("col_evppi", lang), "kr")
    else:
        blocks.append(Paragraph(w("follow_by_share", lang)))
        ranked = [
            (i["parameter"], percent(i["variance_share"], lang, 1))
            for i in a["importance"][:FOLLOW_UP_MOST]
        ]
        last = Column(w("col_share", lang), "%")
    rows = []
    for name, value in ranked:
        p = s.parameters[name]
        lo, hi = inputs[name]
        rows.append(
            (
                text_cell(sens.input_name(s, name, lang)),
                amount(p.dist.central(), p, lang),
                amount(lo, p, lang, rounded=True),
                amount(hi, p, lang, rounded=True),
                text_cell(unit(p, lang)),
                value,
            )
        )
    cols = (
        Column(w("col_indicator", lang)),
        Column(w("col_today", lang)),
        Column(w("col_p5", lang)),
        Column(w("col_p95", lang)),
        Column(w("col_unit", lang)),
        last,
    )
    blocks.append(Table(cols, tuple(rows), sheet=w("follow_sheet", lang), key="follow_up"))
    return Section("follow_up", w("s_follow_up", lang), blocks)


def limitations(a: dict[str, Any], lang: str) -> Section:
    items = (
        w("limit_attribution", lang),
        w("limit_small", lang),
        w("limit_left_out", lang),
        f"{w('limit_mc', lang)} {sens.se_text(a, lang)}",
    )
    return Section("limitations", w("s_limitations", lang), [Bullets(items)])


__all__ = ["SOCIETY", "assumptions", "follow_up", "limitations", "results", "sensitivity"]
