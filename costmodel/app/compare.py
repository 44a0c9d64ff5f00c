"""Jämför: two or more scenarios side by side (:func:`render`): cards, the distributions of
the net benefit, the net benefit per payer and a table of differences (:func:`compare_table`),
all in the latest price year of the compared scenarios. The conversion to that year, the
differences and the payer totals come from :mod:`costmodel.analysis.compare`."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ..analysis.compare import (
    MoneyStats,
    change,
    common_prices,
    in_prices,
    money_stats,
    payer_totals,
    payers_present,
    same_numbers,
)
from ..scenario.payers import SOCIETY, payer_label
from ..text import fmt
from . import charts
from .chart_text import compare_payer_table, figures_table
from .common import (
    MINUS,
    delta_kw,
    interval_text,
    kpi_money,
    md,
    metric_delta,
    persp_label,
    plot,
    pp_text,
    signed,
)
from .downloads import table_buttons
from .state import Entry, RunFailed, View, get_view
from .words import tr, years


def render(
    entries: list[Entry],
    current: Entry,
    tuned: Entry | None,
    persp: str,
    lang: str,
    iterations_choice: int,
) -> None:
    """Draw Jämför: ``current`` and its ``tuned`` version (if any) next to the chosen ones."""
    st.caption(tr("compare_intro", lang))
    pool = {e.id: e for e in entries}
    if tuned is not None:
        pool[tuned.id] = tuned
    labels = {
        eid: (e.scenario.meta.name if eid.startswith("tuned:") else e.label(lang))
        for eid, e in pool.items()
    }
    default = [current.id]
    saved = [
        e for e in pool.values() if e.kind == "variant" and (tuned is None or e.id != tuned.id)
    ]
    # the tuned version is preselected unless it has just been saved as a variant
    if tuned is not None and not any(same_numbers(tuned.scenario, v.scenario) for v in saved):
        default.append(tuned.id)
    default += [v.id for v in saved if v.id not in default]
    if len(default) < 2:
        default += [eid for eid in pool if eid not in default][: 2 - len(default)]
    # follow the default (current scenario, its tuned version, saved variants) until the user
    # picks scenarios by hand; drop picks that no longer exist
    picked_ids: list[str] | None = st.session_state.get("compare_choice")
    if picked_ids is None or picked_ids == st.session_state.get("_compare_default"):
        st.session_state["compare_choice"] = default
    elif any(c not in pool for c in picked_ids):
        st.session_state["compare_choice"] = [c for c in picked_ids if c in pool]
    st.session_state["_compare_default"] = default
    chosen = st.multiselect(
        tr("compare_choice", lang),
        list(pool),
        format_func=lambda eid: labels.get(eid, eid),
        key="compare_choice",
    )
    chosen = [c for c in chosen if c in pool]
    if len(chosen) < 2:
        st.info(tr("compare_need_two", lang))
        return
    picked, views = [], []
    for c in chosen:
        try:
            views.append(get_view(pool[c], iterations_choice))
            picked.append(pool[c])
        except RunFailed as exc:
            st.error(f"{md(labels[c])}: {tr('run_failed', lang, what=md(exc))}")
    if len(picked) < 2:
        if len(chosen) >= 2:
            st.info(tr("compare_need_two", lang))
        return
    target, factors = common_prices([v.price_year for v in views])
    st.caption(tr("compare_prices", lang, year=target))
    horizons = {v.horizon for v in views}
    if len(horizons) > 1:
        st.warning(
            tr(
                "compare_horizons",
                lang,
                list=", ".join(
                    f"{labels[e.id]}: {years(v.horizon, lang)}"
                    for e, v in zip(picked, views, strict=True)
                ),
            )
        )

    differ = differences(picked, persp, lang)
    if differ:
        st.warning(tr("compare_differ", lang, what=differ))

    stats = [money_stats(v.summaries[persp], f) for v, f in zip(views, factors, strict=True)]
    base = stats[0]
    per_row = min(len(picked), 4)
    for start in range(0, len(picked), per_row):
        cols = st.columns(per_row, gap="small")
        for i in range(start, min(start + per_row, len(picked))):
            e, stt = picked[i], stats[i]
            with cols[i - start].container(border=True, key=f"cmp_card_{i}"):
                st.markdown(f"**{md(labels[e.id])}**")
                d_net = d_prob = None
                if i > 0:
                    diff = change(stt, base)
                    d_net = metric_delta(diff["net"], lambda x: kpi_money(x, lang), lang)
                    d_prob = metric_delta(
                        diff["prob_pp"],
                        lambda x: pp_text(x, lang),
                        lang,
                    )
                st.metric(tr("kpi_net", lang), kpi_money(stt["mean"], lang), **delta_kw(d_net))
                st.caption(interval_text(stt["p5"], stt["p95"], lang))
                st.metric(tr("kpi_prob", lang), fmt.percent(stt["prob"], lang), **delta_kw(d_prob))
                st.caption(
                    f"{tr('kpi_cpy', lang)}: {kpi_money(stt['cpy'], lang)} · "
                    f"{tr('kpi_be', lang).lower()}: "
                    + (
                        str(stt["be"])
                        if stt["be"]
                        else tr("kpi_be_never", lang, h=years(views[i].horizon, lang)).lower()
                    )
                )
    stem = "jamforelse-" + "-".join(e.scenario.short_hash for e in picked)
    left, right = st.columns(2, gap="medium")
    with left:
        series = [
            (labels[e.id], in_prices(v.nets[persp], f))
            for e, v, f in zip(picked, views, factors, strict=True)
        ]
        plot(
            charts.compare_distributions(series, lang, persp_label(persp, lang), target),
            "compare_distributions",
            f"{stem}-fordelningar",
            alt=tr("compare_dist_title", lang),
        )
    with right:
        payers = payers_present([v.summaries[SOCIETY]["by_payer"] for v in views])
        pseries = [
            (labels[e.id], payer_totals(v.summaries[SOCIETY]["by_payer"], payers, f))
            for e, v, f in zip(picked, views, factors, strict=True)
        ]
        plabels = [payer_label(p, lang) for p in payers]
        plot(
            charts.compare_payers(plabels, pseries, lang, target),
            "compare_payers",
            f"{stem}-betalare",
            alt=tr("compare_payer_title", lang),
        )
        st.caption(tr("compare_payer_caption", lang))
        figures_table(compare_payer_table(plabels, pseries, lang), "compare_payers")
    st.markdown(f"### {tr('differences', lang, name=md(labels[picked[0].id]))}")
    table = compare_table(picked, views, stats, labels, lang)
    st.table({k: [r[k] for r in table] for k in table[0]}, hide_index=True)
    table_buttons(
        {tr("sheet_compare", lang): table},
        stem,
        {
            "scenarios": ", ".join(e.scenario.meta.name for e in picked),
            "sha256": ", ".join(e.scenario.sha256 for e in picked),
            "seed": ", ".join(str(v.seed) for v in views),
            "iterations": ", ".join(str(v.iterations) for v in views),
            "price_year": target,
        },
        "dl_compare",
        lang,
    )


def _listing(items: list[str], lang: str) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {tr('and', lang)} {items[-1]}"


def differences(picked: list[Entry], persp: str, lang: str) -> str:
    """What the compared scenarios differ in besides their assumptions, in words ('' if
    nothing): the discount rate, the price year, the perspective they were calculated for."""
    metas = [e.scenario.meta for e in picked]
    parts = []

    def each(text: list[str]) -> str:
        return "; ".join(
            f"{md(e.scenario.meta.title(lang))}: {t}" for e, t in zip(picked, text, strict=True)
        )

    if len({m.discount_rate for m in metas}) > 1:
        rates = [fmt.percent(m.discount_rate, lang, 1) for m in metas]
        parts.append(tr("differ_discount", lang, list=each(rates)))
    if len({m.price_year for m in metas}) > 1:
        parts.append(tr("differ_price_year", lang, list=each([str(m.price_year) for m in metas])))
    if len({m.perspective for m in metas}) > 1:
        views = [payer_label(m.perspective, lang) for m in metas]
        parts.append(
            tr("differ_perspective", lang, list=each(views), view=persp_label(persp, lang).lower())
        )
    return _listing(parts, lang) if parts else ""


def changed_assumptions(base: Entry, other: Entry, lang: str) -> str:
    """The assumptions ``other`` sets differently from ``base``, by their labels."""
    a, b = base.scenario, other.scenario
    if a.method != b.method:
        return tr("changed_other_model", lang)
    names = [
        b.parameters[n].text(lang)
        for n in b.parameters
        if n not in a.parameters or a.parameters[n].dist.to_spec() != b.parameters[n].dist.to_spec()
    ]
    names += [a.parameters[n].text(lang) for n in a.parameters if n not in b.parameters]
    return md(", ".join(names)) if names else tr("changed_none", lang)


def compare_table(
    picked: list[Entry],
    views: list[View],
    stats: list[MoneyStats],
    labels: dict[str, str],
    lang: str,
) -> list[dict[str, str]]:
    """Rows are measures, columns scenarios (easier to read side by side than the reverse)."""
    base = stats[0]
    diffs = [change(s_, base) for s_ in stats]
    measure = tr("col_measure", lang)
    names = [md(labels[e.id]) for e in picked]  # st.table renders headers as markdown
    if len(set(names)) < len(names):
        names = [f"{i + 1}. {n}" for i, n in enumerate(names)]

    def row(title: str, cells: list[str]) -> dict[str, str]:
        return {measure: title, **dict(zip(names, cells, strict=True))}

    def diff(i: int, text: Callable[[int], str]) -> str:
        return tr("baseline", lang) if i == 0 else text(i)

    return [
        row(tr("col_method", lang), [e.scenario.method_label(lang) for e in picked]),
        row(
            tr("col_changed", lang),
            [
                diff(i, lambda i: changed_assumptions(picked[0], picked[i], lang))
                for i in range(len(picked))
            ],
        ),
        row(tr("col_horizon", lang), [years(v.horizon, lang) for v in views]),
        row(tr("col_net", lang), [fmt.money(round(s_["mean"], -3), lang) for s_ in stats]),
        row(
            tr("col_interval", lang),
            [
                f"{fmt.money(round(s_['p5'], -3), lang)} – {fmt.money(round(s_['p95'], -3), lang)}"
                for s_ in stats
            ],
        ),
        row(tr("col_prob", lang), [fmt.percent(s_["prob"], lang) for s_ in stats]),
        row(tr("col_costs", lang), [fmt.money(round(s_["costs"], -3), lang) for s_ in stats]),
        row(tr("col_benefits", lang), [fmt.money(round(s_["benefits"], -3), lang) for s_ in stats]),
        row(
            tr("col_cpy", lang),
            [
                fmt.money(round(s_["cpy"], -3), lang) if s_["cpy"] is not None else "–"
                for s_ in stats
            ],
        ),
        row(
            tr("col_be", lang),
            [
                str(s_["be"]) if s_["be"] else tr("kpi_be_never", lang, h=years(v.horizon, lang))
                for s_, v in zip(stats, views, strict=True)
            ],
        ),
        row(
            tr("col_diff_net", lang),
            [
                diff(
                    i,
                    lambda i: signed(
                        diffs[i]["net"],
                        lambda x: fmt.money(round(x, -3), lang),
                        minus=MINUS[lang],
                    ),
                )
                for i in range(len(stats))
            ],
        ),
        row(
            tr("col_diff_prob", lang),
            [
                diff(
                    i,
                    lambda i: signed(
                        diffs[i]["prob_pp"],
                        lambda x: pp_text(x, lang),
                        minus=MINUS[lang],
                    ),
                )
                for i in range(len(stats))
            ],
        ),
    ]
