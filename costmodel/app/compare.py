"""Jämför: two or more scenarios side by side (:func:`render`): cards, the distributions of
the net benefit, the net benefit per payer and a table of differences (:func:`compare_table`),
all in the latest price year of the compared scenarios."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from ..scenario import Scenario, priceindex
from ..scenario.payers import PAYERS, SOCIETY, payer_label
from ..text import fmt
from . import charts
from .common import MINUS, interval_text, kpi_money, md, metric_delta, persp_label, plot, signed
from .state import Entry, RunFailed, View, get_view
from .words import tr, years


def same_numbers(a: Scenario, b: Scenario) -> bool:
    """True when two scenarios compute the same thing (names and notes aside)."""
    keys = ("price_year", "horizon_years", "discount_rate", "iterations", "seed", "intake_years")
    return (
        a.method == b.method
        and all(getattr(a.meta, k) == getattr(b.meta, k) for k in keys)
        and {n: p.dist for n, p in a.parameters.items()}
        == {n: p.dist for n, p in b.parameters.items()}
    )


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
    target = max(v.price_year for v in views)
    factors = [priceindex.factor(v.price_year, target) for v in views]
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

    def money_stats(v: View, f: float) -> dict[str, Any]:
        s = v.summaries[persp]
        return {
            "mean": s["net_benefit"]["mean"] * f,
            "p5": s["net_benefit"]["p5"] * f,
            "p95": s["net_benefit"]["p95"] * f,
            "prob": s["probability_net_benefit_positive"],
            "cpy": s["cost_per_youth"] * f if s.get("cost_per_youth") is not None else None,
            "be": s.get("break_even_year"),
            "costs": s["costs"]["mean"] * f,
            "benefits": s["benefits"]["mean"] * f,
        }

    stats = [money_stats(v, f) for v, f in zip(views, factors, strict=True)]
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
                    d_net = metric_delta(stt["mean"] - base["mean"], lambda x: kpi_money(x, lang))
                    d_prob = metric_delta(
                        100 * (stt["prob"] - base["prob"]),
                        lambda x: tr("delta_pp", lang, x=fmt.number(x, lang)),
                    )
                st.metric(tr("kpi_net", lang), kpi_money(stt["mean"], lang), delta=d_net)
                st.caption(interval_text(stt["p5"], stt["p95"], lang))
                st.metric(tr("kpi_prob", lang), fmt.percent(stt["prob"], lang), delta=d_prob)
                st.caption(
                    f"{tr('kpi_cpy', lang)}: {kpi_money(stt['cpy'], lang)} · "
                    f"{tr('kpi_be', lang).lower()}: "
                    + (
                        str(stt["be"])
                        if stt["be"]
                        else tr("kpi_be_never", lang, h=years(views[i].horizon, lang)).lower()
                    )
                )
    left, right = st.columns(2, gap="medium")
    with left:
        series = [
            (labels[e.id], v.nets[persp] * f)
            for e, v, f in zip(picked, views, factors, strict=True)
        ]
        plot(
            charts.compare_distributions(series, lang, persp_label(persp, lang), target),
            "compare_distributions",
        )
    with right:
        payers = [p for p in PAYERS if any(p in v.summaries[SOCIETY]["by_payer"] for v in views)]
        pseries = [
            (
                labels[e.id],
                [
                    v.summaries[SOCIETY]["by_payer"]
                    .get(p, {})
                    .get("net_benefit", {})
                    .get("mean", 0.0)
                    * f
                    for p in payers
                ],
            )
            for e, v, f in zip(picked, views, factors, strict=True)
        ]
        plot(
            charts.compare_payers([payer_label(p, lang) for p in payers], pseries, lang, target),
            "compare_payers",
        )
    st.markdown(f"##### {tr('differences', lang, name=md(labels[picked[0].id]))}")
    table = compare_table(picked, views, stats, labels, lang)
    st.table({k: [r[k] for r in table] for k in table[0]}, hide_index=True)


def compare_table(
    picked: list[Entry],
    views: list[View],
    stats: list[dict[str, Any]],
    labels: dict[str, str],
    lang: str,
) -> list[dict[str, str]]:
    """Rows are measures, columns scenarios (easier to read side by side than the reverse)."""
    base = stats[0]
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
        row(tr("col_horizon", lang), [years(v.horizon, lang) for v in views]),
        row(tr("col_net", lang), [fmt.money(round(s_["mean"], -3), lang) for s_ in stats]),
        row(
            tr("col_interval", lang),
            [f"{kpi_money(s_['p5'], lang)} – {kpi_money(s_['p95'], lang)}" for s_ in stats],
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
                        stats[i]["mean"] - base["mean"],
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
                        100 * (stats[i]["prob"] - base["prob"]),
                        lambda x: tr("delta_pp", lang, x=fmt.number(x, lang)),
                        minus=MINUS[lang],
                    ),
                )
                for i in range(len(stats))
            ],
        ),
    ]
