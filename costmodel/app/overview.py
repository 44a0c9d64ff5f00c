"""Översikt: one plain sentence, the KPI cards, the source's own calculation where it published
figures, the cumulative net benefit with its 90 % band, who gains per payer, and the facts of
the scenario (:func:`render`).

The first KPI cards say what is money (:func:`lead_cards`): for the municipality its budget, the
cash net benefit, with society as a whole beside it and, in words, how much of society's figure
is freed capacity and welfare; for another perspective its net benefit and, when it differs, the
part of it that is cash. The figures are the engine's (``budget_net_benefit`` and ``by_payer``
of the summary); only the sums by kind come from :mod:`costmodel.analysis.budget`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from ..analysis.budget import NON_CASH_KINDS, non_cash_by_kind
from ..scenario.payers import PAYERS, SOCIETY, payer_label, payer_phrase
from ..text import fmt
from ..text.i18n import t as core_t
from ..views.table import headline
from . import charts, report_downloads
from .chart_text import fan_table, figures_table, histogram_text, payer_table
from .common import Card, interval_text, kpi_cards, kpi_money, md, net_card, persp_label, plot
from .downloads import image_format, overview_tables, stamp_name, stamp_of, table_buttons
from .state import Entry, RunFailed, View, get_published
from .words import tr, years

OVERVIEW_PAYERS = ("kommun", "stat", "region", "brottsoffer")
SHORT_HORIZON = 2  # years: a shorter horizon shows the distribution, not a curve by year
KOMMUN = "kommun"


def sentence(summary: dict[str, Any], lang: str) -> str:
    """The core's one-sentence headline, with amounts rounded to whole thousands of kronor."""
    rounded = dict(summary)
    rounded["net_benefit"] = {
        k: (round(v, -3) if v is not None else None) for k, v in summary["net_benefit"].items()
    }
    return headline(rounded, lang)


def _shown(x: float, lang: str) -> bool:
    """Whether the amount ``x`` shows as something other than zero on a KPI card."""
    return kpi_money(abs(x), lang) != kpi_money(0.0, lang)


def _non_cash_kind(by_payer: dict[str, Any], payer: str, lang: str) -> str:
    """What the non-cash part of ``payer``'s net benefit is, in words: freed capacity, welfare
    or both (society as a whole: the kinds its payers have)."""
    if payer != SOCIETY:
        return tr(f"non_cash_{by_payer[payer]['non_cash_kind']}", lang)
    split = non_cash_by_kind(by_payer)
    kinds = [k for k in NON_CASH_KINDS if _shown(split[k], lang)]
    return tr(f"non_cash_{kinds[0] if len(kinds) == 1 else 'mixed'}", lang)


def budget_card(summary: dict[str, Any], by_payer: dict[str, Any], lang: str) -> Card:
    """The municipality's budget: its net benefit in cash, the 90 % interval, and any freed
    capacity of its own that is not counted in it."""
    cash = summary["budget_net_benefit"]
    captions = [interval_text(cash["p5"], cash["p95"], lang)]
    non_cash = by_payer.get(KOMMUN, {}).get("non_cash", 0.0)
    if _shown(non_cash, lang):
        captions.append(tr("kpi_budget_kommun_capacity", lang, amount=kpi_money(non_cash, lang)))
    return Card(
        "budget",
        tr("kpi_budget_kommun", lang),
        kpi_money(cash["mean"], lang),
        tr("kpi_budget_kommun_help", lang),
        tuple(captions),
    )


def society_card(society: dict[str, Any], lang: str) -> Card:
    """Society's net benefit with its 90 % interval, and in words how much of it is not money
    in any budget (freed capacity and welfare)."""
    net = society["net_benefit"]
    by_payer = society["by_payer"]
    own = by_payer[SOCIETY]
    non_cash = own["non_cash"]
    words = (
        tr(
            "kpi_society_non_cash",
            lang,
            amount=kpi_money(non_cash, lang),
            kind=_non_cash_kind(by_payer, SOCIETY, lang),
        )
        if _shown(non_cash, lang)
        else tr("kpi_society_all_cash", lang)
    )
    help_ = [tr("kpi_society_help", lang, cash=kpi_money(own["budget"], lang))]
    for kind, amount in non_cash_by_kind(by_payer).items():
        if _shown(amount, lang):
            help_.append(tr(f"kpi_help_{kind}", lang, amount=kpi_money(amount, lang)))
    return Card(
        "society",
        tr("kpi_society", lang),
        kpi_money(net["mean"], lang),
        " ".join(help_),
        (interval_text(net["p5"], net["p95"], lang), words),
    )


def cash_card(summary: dict[str, Any], persp: str, lang: str) -> Card:
    """The part of ``persp``'s net benefit that is cash, with its 90 % interval and what the
    rest is."""
    cash = summary["budget_net_benefit"]
    by_payer = summary["by_payer"]
    rest = tr(
        "kpi_cash_caption",
        lang,
        amount=kpi_money(by_payer[persp]["non_cash"], lang),
        kind=_non_cash_kind(by_payer, persp, lang),
    )
    return Card(
        "cash",
        tr("kpi_cash", lang),
        kpi_money(cash["mean"], lang),
        tr("kpi_cash_help", lang),
        (interval_text(cash["p5"], cash["p95"], lang), rest),
    )


def lead_cards(view: View, persp: str, lang: str) -> list[Card]:
    """The first KPI cards of Översikt: for the municipality its budget with society as a whole
    beside it; for another perspective the net benefit and, beside it when it shows a different
    figure, the part that is cash."""
    summary = view.summaries[persp]
    if persp == KOMMUN:
        return [
            budget_card(summary, summary["by_payer"], lang),
            society_card(view.summaries[SOCIETY], lang),
        ]
    cards = [net_card(summary, lang)]
    cash, net = summary["budget_net_benefit"]["mean"], summary["net_benefit"]["mean"]
    if persp in summary["by_payer"] and kpi_money(cash, lang) != kpi_money(net, lang):
        cards.append(cash_card(summary, persp, lang))
    return cards


def published_line(entry: Entry, persp: str, lang: str) -> str | None:
    """The net benefit the published figures give, labelled as the source's calculation (in
    the scenario's own perspective) or as published figures with central values for the rest
    (in the other); None when the scenario has no published figures."""
    try:
        summaries = get_published(entry)
    except RunFailed as exc:
        return tr("published_failed", lang, what=md(exc))
    if summaries is None:
        return None
    amount = fmt.money(summaries[persp]["net_benefit"]["mean"], lang)
    whom = payer_phrase(persp, lang)
    source = entry.scenario.meta.perspective
    if persp == source:
        label = tr("published_label", lang)
        rest = tr("published_result", lang, amount=amount, whom=whom)
    else:
        label = tr("published_label_other", lang)
        rest = tr(
            "published_result_other",
            lang,
            amount=amount,
            whom=whom,
            source=payer_phrase(source, lang),
        )
    return f"**{label}** {rest}"


def build_figure(run: tuple[str, int, int], chart: str, persp: str, lang: str, _view: View) -> Any:
    """Översikt's chart ``chart`` of the run ``run`` (the scenario's sha256, iterations and
    seed: ``_view`` is that run's view), built once: plotly takes about 25 ms a figure, and
    Översikt is drawn on every rerun of every page (a new session's first page included)."""
    del run  # the cache key
    if chart == "histogram":
        net = _view.nets[persp]
        return charts.net_histogram(net, lang, persp_label(persp, lang), _view.price_year)
    if chart == "fan":
        return charts.fan_chart(
            _view.bands[persp], lang, persp_label(persp, lang), _view.price_year
        )
    return charts.payer_bars(payer_rows(_view, lang), lang, _view.price_year)


# shared, never changed: st.plotly_chart only reads a figure (to_dict); no copy per rerun
_figure_cached = st.cache_resource(show_spinner=False, max_entries=64)(build_figure)


def payer_rows(view: View, lang: str) -> list[tuple[str, str, float, float, float]]:
    """The payer chart's rows: (payer, label, mean, p5, p95) of society's view, the four
    usual payers first."""
    by_payer = view.summaries[SOCIETY]["by_payer"]
    rows = []
    for payer in [*OVERVIEW_PAYERS, *(p for p in PAYERS if p not in OVERVIEW_PAYERS)]:
        if payer in by_payer:
            nb = by_payer[payer]["net_benefit"]
            rows.append((payer, payer_label(payer, lang), nb["mean"], nb["p5"], nb["p95"]))
    return rows


def render(
    entry: Entry,
    view: View,
    persp: str,
    lang: str,
    before_charts: Callable[[], None] | None = None,
) -> None:
    """Draw Översikt for ``entry`` in the perspective ``persp``; ``before_charts`` is called
    after the answer and its key figures, before the charts (the layout draws the sidebar there,
    so that the key figures' JavaScript loads before plotly's 4.7 MB takes the browser's time)."""
    s = entry.scenario
    summary = view.summaries[persp]
    st.subheader(md(s.meta.title(lang)))
    st.info(sentence(summary, lang))
    kpi_cards(summary, lang, key="_overview", lead=lead_cards(view, persp, lang))
    line = published_line(entry, persp, lang)
    if line is not None:
        with st.container(key="published_overview"):
            st.caption(line)
    if before_charts is not None:
        before_charts()
    stem = stamp_name(s.meta.name, view.sha256, view.seed, view.iterations)
    run = (entry.cache_key, view.iterations, view.seed)
    left, right = st.columns(2, gap="medium")
    with left:
        if view.horizon <= SHORT_HORIZON:
            # two or three points make no curve: how sure the result is informs instead
            st.caption(tr("short_horizon", lang, h=years(view.horizon, lang)))
            net = view.nets[persp]
            plot(
                _figure_cached(run, "histogram", persp, lang, view),
                "net_histogram_overview",
                f"{stem}-fordelning",
                alt=histogram_text(net, lang),
            )
            st.caption(histogram_text(net, lang))
        else:
            plot(
                _figure_cached(run, "fan", persp, lang, view),
                "fan_chart",
                f"{stem}-ar-for-ar",
                alt=tr("fan_title", lang),
            )
            figures_table(fan_table(view.bands[persp], lang), "fan")
    with right:
        by_payer = view.summaries[SOCIETY]["by_payer"]
        rows = payer_rows(view, lang)
        plot(
            _figure_cached(run, "payers", persp, lang, view),
            "payer_bars",
            f"{stem}-betalare",
            alt=tr("payer_title", lang),
        )
        figures_table(payer_table(rows, lang), "payers")
        absent = [payer_label(p, lang) for p in OVERVIEW_PAYERS if p not in by_payer]
        notes = [
            tr(
                "society_hint",
                lang,
                total=fmt.money(round(by_payer[SOCIETY]["net_benefit"]["mean"], -3), lang),
            )
        ]
        if absent:
            notes.append(tr("payers_absent", lang, names=", ".join(absent)))
        st.caption(" ".join(notes))
    with st.container(key="overview_downloads"):
        st.markdown(f"#### {tr('downloads', lang)}")
        summary_all = view.summaries[SOCIETY]
        table_buttons(
            overview_tables(summary, summary_all, lang),
            stem,
            stamp_of(entry, view),
            "dl_overview",
            lang,
        )
        image_format(lang)
    with st.expander(tr("about_scenario", lang)):
        m = s.meta
        st.markdown(md(m.about(lang)))
        facts = [
            (tr("meta_kommun", lang), md(m.kommun) or "–"),
            (tr("col_method", lang), s.method_label(lang)),
            (core_t("price_year", lang), str(m.price_year)),
            (core_t("horizon", lang), years(m.horizon_years, lang)),
            (core_t("discount_rate", lang), fmt.percent(m.discount_rate, lang, 1)),
            (tr("meta_default_persp", lang), payer_label(m.perspective, lang)),
            (core_t("iterations", lang), fmt.number(view.iterations, lang)),
            (core_t("seed", lang), str(view.seed)),
            (tr("meta_file", lang), f"{md(entry.source)} (sha256 {s.short_hash})"),
        ]
        st.markdown("\n".join(f"- **{k}:** {v}" for k, v in facts))
        if s.notes:
            st.markdown(f"**{tr('notes', lang)}:** {md(s.notes)}")
    report_downloads.render(entry, view, persp, lang)
