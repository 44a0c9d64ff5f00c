"""Översikt: the KPI cards, one plain sentence, the source's own calculation where it published
figures, the cumulative net benefit with its 90 % band, who gains per payer, and the facts of
the scenario (:func:`render`)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ..scenario.payers import PAYERS, SOCIETY, payer_label, payer_phrase
from ..text import fmt
from ..text.i18n import t as core_t
from ..views.table import headline
from . import charts
from .common import kpi_cards, md, persp_label, plot
from .state import Entry, RunFailed, View, get_published
from .words import tr, years

OVERVIEW_PAYERS = ("kommun", "stat", "region", "brottsoffer")


def sentence(summary: dict[str, Any], lang: str) -> str:
    """The core's one-sentence headline, with amounts rounded to whole thousands of kronor."""
    rounded = dict(summary)
    rounded["net_benefit"] = {
        k: (round(v, -3) if v is not None else None) for k, v in summary["net_benefit"].items()
    }
    return headline(rounded, lang)


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


def render(entry: Entry, view: View, persp: str, lang: str) -> None:
    """Draw Översikt for ``entry`` in the perspective ``persp``."""
    s = entry.scenario
    summary = view.summaries[persp]
    st.subheader(md(s.meta.title(lang)))
    st.info(sentence(summary, lang))
    kpi_cards(summary, lang, key="_overview")
    line = published_line(entry, persp, lang)
    if line is not None:
        with st.container(key="published_overview"):
            st.caption(line)
    left, right = st.columns(2, gap="medium")
    with left:
        plot(
            charts.fan_chart(view.bands[persp], lang, persp_label(persp, lang), view.price_year),
            "fan_chart",
        )
    with right:
        by_payer = view.summaries[SOCIETY]["by_payer"]
        rows = []
        for payer in [*OVERVIEW_PAYERS, *(p for p in PAYERS if p not in OVERVIEW_PAYERS)]:
            if payer in by_payer:
                nb = by_payer[payer]["net_benefit"]
                rows.append((payer, payer_label(payer, lang), nb["mean"], nb["p5"], nb["p95"]))
        plot(charts.payer_bars(rows, lang, view.price_year), "payer_bars")
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
