"""Anpassa: every parameter editable, results recomputed on change (:func:`render`).

The parameters are grouped (general first, then one group per placement or offence) and drawn
by :func:`~costmodel.app.widgets.edit_parameter`; the KPI cards and charts show the tuned
scenario with deltas against the original; the tuned scenario downloads as YAML, saves as a
variant (:func:`save_variant`) or resets to the original (:func:`reset_edits`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import streamlit as st

from ..analysis.compare import change, money_stats
from ..errors import Problem, ScenarioError
from ..scenario import Parameter, Scenario
from ..text import fmt
from . import charts, report_downloads
from .common import MINUS, kpi_cards, kpi_money, md, persp_label, plot, problem_lines, signed, slug
from .state import Entry, RunFailed, View, check_change, get_view, tuned_scenario, tuned_yaml
from .widgets import edit_parameter, spec_key
from .words import LANG_NAMES, tr


def _groups(s: Scenario, lang: str) -> list[tuple[str, list[Parameter]]]:
    """Parameters grouped for editing: general first, then one group per placement/offence."""
    general: list[Parameter] = []
    groups: dict[str, list[Parameter]] = {}
    titles: dict[str, str] = {}
    for p in s.parameters.values():
        if p.group_entry is None:
            general.append(p)
            continue
        group = p.slot.split(".")[0]
        gid = f"{group}.{p.group_entry}"
        groups.setdefault(gid, []).append(p)
        label = s.group_labels.get(group, {}).get(p.group_entry, {})
        titles[gid] = label.get(lang) or label.get("sv") or p.group_entry
    out = [(tr("group_general", lang), general)] if general else []
    out += [(titles[g], ps) for g, ps in groups.items()]
    return out


def render(entry: Entry, view: View, persp: str, lang: str, iterations_choice: int) -> Entry | None:
    """Draw the tuning page; return the tuned scenario as an Entry if anything changed."""
    s = entry.scenario
    st.caption(tr("tune_intro", lang))
    kpi_box = st.container()
    left, right = st.columns([6, 5], gap="medium")
    specs: dict[str, Any] = {}
    invalid: dict[str, list[Problem]] = {}
    with left:
        st.markdown(f"#### {tr('assumptions', lang)}")
        with st.container(height=760, key="param_scroll"):
            for title, params in _groups(s, lang):
                st.markdown(f"##### {title}")
                for p in params:
                    with st.container(border=True, key=f"param__{entry.slug}__{slug(p.name)}"):
                        spec, changed = edit_parameter(entry, p, lang)
                        if not changed:
                            continue
                        problems = check_change(entry.yaml_text, p.name, spec_key(spec), s)
                        if problems:
                            invalid[p.name] = problems
                            st.error(
                                "\n".join(
                                    [
                                        tr("param_invalid", lang),
                                        *(
                                            f"- {ln}"
                                            for ln in problem_lines(problems, lang, located=False)
                                        ),
                                    ]
                                )
                            )
                        else:
                            specs[p.name] = spec
    name_key = f"variant_name__{entry.slug}"
    default_name = tr("variant_default", lang, name=s.meta.name)
    if st.session_state.get(name_key) in {
        tr("variant_default", other, name=s.meta.name) for other in LANG_NAMES
    }:
        st.session_state[name_key] = default_name  # untouched default: follow the language
    variant_name = (st.session_state.get(name_key) or default_name).strip() or default_name
    tuned = s
    combined: list[Problem] = []
    if specs:
        changes_json = json.dumps(specs, sort_keys=True)
        try:
            tuned = tuned_scenario(entry.yaml_text, changes_json, variant_name, s)
        except ScenarioError as exc:  # each edit is valid alone, but not together
            combined = exc.problems
            specs = {}
    tuned_entry = Entry(f"tuned:{entry.id}", "variant", tuned, entry.source) if specs else None
    tview = view
    if tuned_entry is not None:
        try:
            tview = get_view(tuned_entry, iterations_choice)
        except RunFailed as exc:
            with kpi_box:
                st.error(tr("run_failed", lang, what=md(exc)))
            tuned_entry = None

    with kpi_box:
        kpi_cards(
            tview.summaries[persp], lang, ref=view.summaries[persp] if specs else None, key="_tune"
        )
        msg = tr("n_changes", lang, n=len(specs)) if specs else tr("no_changes", lang)
        if invalid:
            st.warning(tr("tune_errors", lang, n=len(invalid)))
        if combined:
            st.error(
                "\n".join(
                    [
                        tr("combined_invalid", lang),
                        *(f"- {ln}" for ln in problem_lines(combined, lang, located=False)),
                    ]
                )
            )
        st.caption(f"{msg} {tr('delta_caption', lang)}" if specs else msg)

    with right:
        st.markdown(
            tune_summary(tview.summaries[persp], view.summaries[persp] if specs else None, lang)
        )
        plot(
            charts.net_histogram(
                tview.nets[persp],
                lang,
                persp_label(persp, lang),
                tview.price_year,
                original=view.nets[persp] if specs else None,
            ),
            "net_histogram",
        )
        cats = [
            (d["label"].get(lang) or d["label"]["sv"], d["kind"], d["mean"])
            for d in tview.summaries[persp]["by_category"].values()
        ]
        plot(
            charts.category_waterfall(cats, lang, persp_label(persp, lang), tview.price_year),
            "category_waterfall",
        )
        with st.container(border=True, key="tune_actions"):
            st.text_input(
                tr("variant_name", lang),
                value=None if name_key in st.session_state else default_name,
                key=name_key,
            )
            yaml_text = tuned_yaml(entry, tuned, sorted(specs), lang)
            st.download_button(
                tr("download", lang),
                data=yaml_text.encode("utf-8"),
                file_name=f"{Path(entry.source).stem}-{slug(variant_name)}.yaml",
                mime="application/x-yaml",
                key="download_yaml",
                help=tr("download_help", lang),
                on_click="ignore",
                width="stretch",
            )
            if st.button(
                tr("save_variant", lang),
                key="save_variant",
                width="stretch",
                disabled=not specs,
                help=tr("save_variant_help", lang),
            ):
                save_variant(tuned, entry, lang)
            st.button(
                tr("reset", lang),
                key="reset_edits",
                on_click=reset_edits,
                args=(entry,),
                disabled=not specs and not invalid,
                width="stretch",
            )
    with right:
        report_downloads.render_tuned(entry, tuned_entry, tview, persp, lang)
    return tuned_entry


def tune_summary(summary: dict[str, Any], ref: dict[str, Any] | None, lang: str) -> str:
    """One line beside the assumptions, so the result stays in view while scrolling them."""
    net = summary["net_benefit"]["mean"]
    prob = summary["probability_net_benefit_positive"]
    text = f"{tr('kpi_net', lang)}: **{kpi_money(net, lang)}**"
    diff = change(money_stats(summary), money_stats(ref)) if ref is not None else None
    if diff is not None:
        text += f" ({signed(diff['net'], lambda x: kpi_money(x, lang), minus=MINUS[lang])})"
    text += f" · {tr('kpi_prob', lang)}: **{fmt.percent(prob, lang)}**"
    if diff is not None:
        pp = signed(
            diff["prob_pp"],
            lambda x: tr("delta_pp", lang, x=fmt.number(x, lang)),
            minus=MINUS[lang],
        )
        text += f" ({pp})"
    return text


def save_variant(tuned: Scenario, origin: Entry, lang: str) -> None:
    variants: dict[str, Entry] = st.session_state.setdefault("_variants", {})
    vid = f"variant:{tuned.sha256[:12]}"
    variants[vid] = Entry(vid, "variant", tuned, origin.source)
    st.session_state["_flash"] = tr("saved_variant", lang, name=md(tuned.meta.name))
    st.rerun()


def reset_edits(entry: Entry) -> None:
    st.session_state.get("_edits", {}).pop(entry.id, None)
    prefixes = (f"kind__{entry.slug}__", f"arg__{entry.slug}__")
    for k in [k for k in st.session_state if str(k).startswith(prefixes)]:
        del st.session_state[k]
