"""Anpassa: every parameter editable, results recomputed on change (:func:`render`).

The parameters are grouped (general first, then one group per placement or offence), read by
:func:`~costmodel.app.widgets.read_edit` and then drawn by
:func:`~costmodel.app.widgets.draw_parameter`: the tuned figures are computed and drawn before the
fields. The KPI cards and charts show the tuned
scenario with deltas against the original; the tuned scenario downloads as YAML, saves as a
variant (:func:`save_variant`) or resets to the original (:func:`reset_edits`).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

from ..analysis.compare import change, money_stats, same_numbers
from ..errors import Problem, ScenarioError
from ..scenario import Parameter, Scenario
from ..text import fmt, messages
from . import charts, report_downloads, saving, state
from .chart_text import category_table, figures_table, histogram_text
from .common import (
    MINUS,
    kpi_cards,
    kpi_money,
    md,
    persp_label,
    plot,
    pp_text,
    problem_lines,
    signed,
    slug,
)
from .downloads import stamp_name
from .saving import unique_name
from .specs import same_spec, spec_key
from .state import Entry, RunFailed, View, check_change, get_view, tuned_scenario, tuned_yaml
from .widgets import draw_parameter, field_words, read_edit
from .words import LANG_NAMES, count_words, tr


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
    groups = _groups(s, lang)
    # every field read first: the tuned figures are computed and sent before the fields are
    # drawn, so an edit's new numbers show without waiting for the page's hundred widgets
    edits = {p.name: read_edit(entry, p, lang) for _, params in groups for p in params}
    specs: dict[str, Any] = {}
    invalid: dict[str, list[Problem]] = {}
    for name, edit in edits.items():
        if not edit.changed:
            continue
        if edit.errors:
            invalid[name] = []
            continue
        problems = check_change(entry.cache_key, name, spec_key(edit.spec), s)
        if problems:
            invalid[name] = problems
        else:
            specs[name] = edit.spec
    name_key = f"variant_name__{entry.slug}"
    default_name = tr("variant_default", lang, name=s.meta.title(lang))
    if st.session_state.get(name_key) in {
        tr("variant_default", other, name=s.meta.title(other)) for other in LANG_NAMES
    }:
        st.session_state[name_key] = default_name  # untouched default: follow the language
    if name_key not in st.session_state and st.session_state.get(f"_{name_key}"):
        st.session_state[name_key] = st.session_state[f"_{name_key}"]  # kept while away
    variant_name = (st.session_state.get(name_key) or default_name).strip() or default_name
    st.session_state[f"_{name_key}"] = variant_name
    tuned = s
    combined: list[Problem] = []
    if specs:
        changes_json = json.dumps(specs, sort_keys=True)
        try:
            tuned = tuned_scenario(entry.cache_key, changes_json, variant_name, s)
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
        if combined:
            msg = tr("no_valid_changes", lang)
        if invalid:
            st.warning(count_words("tune_errors", len(invalid), lang))
            msg = tr("n_changes", lang, n=len(specs)) if specs else tr("no_valid_changes", lang)
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

    with left:
        st.markdown(f"### {tr('assumptions', lang)}")
        # the page's own scroll, with groups that fold (a fixed inner box showed two of seven
        # and trapped the scrolling on a phone)
        for g, (title, params) in enumerate(groups):
            with st.expander(title, expanded=g == 0, key=f"group__{entry.slug}__{g}"):
                for p in params:
                    with st.container(border=True, key=f"param__{entry.slug}__{slug(p.name)}"):
                        draw_parameter(entry, p, lang, edits[p.name])
                        found = invalid.get(p.name)
                        if found:
                            st.error(
                                "\n".join(
                                    [
                                        tr("param_invalid", lang),
                                        *(
                                            f"- {ln}"
                                            for ln in edit_problem_lines(
                                                found, edits[p.name].kind, lang
                                            )
                                        ),
                                    ]
                                )
                            )

    with right:
        st.markdown(
            tune_summary(tview.summaries[persp], view.summaries[persp] if specs else None, lang)
        )
        stem = stamp_name(tuned.meta.name, tview.sha256, tview.seed, tview.iterations)
        plot(
            charts.net_histogram(
                tview.nets[persp],
                lang,
                persp_label(persp, lang),
                tview.price_year,
                original=view.nets[persp] if specs else None,
            ),
            "net_histogram",
            f"{stem}-fordelning",
            alt=histogram_text(tview.nets[persp], lang),
        )
        st.caption(histogram_text(tview.nets[persp], lang))
        cats = [
            (d["label"].get(lang) or d["label"]["sv"], d["kind"], d["mean"])
            for d in tview.summaries[persp]["by_category"].values()
        ]
        plot(
            charts.category_waterfall(cats, lang, persp_label(persp, lang), tview.price_year),
            "category_waterfall",
            f"{stem}-kategorier",
            alt=tr("waterfall_title", lang),
        )
        figures_table(category_table([(lb, k, v) for lb, k, v in cats], lang), "categories")
        with st.container(border=True, key="tune_actions"):
            st.text_input(
                tr("variant_name", lang),
                value=None if name_key in st.session_state else default_name,
                key=name_key,
            )
            # written when a button asks for it, not on every edit (0.04 s of YAML each)
            yaml_bytes = functools.partial(_yaml_bytes, entry, tuned, sorted(specs), lang)
            st.download_button(
                tr("download", lang),
                data=yaml_bytes,
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
                # a name already taken by other numbers gets a new name, never replaces them
                variants: dict[str, Entry] = st.session_state.get("_variants", {})
                taken = {
                    v.scenario.meta.name
                    for v in variants.values()
                    if not same_numbers(v.scenario, tuned)
                }
                name = unique_name(variant_name, taken)
                if name != variant_name:
                    tuned = tuned_scenario(
                        entry.cache_key, json.dumps(specs, sort_keys=True), name, s
                    )
                save_variant(tuned, entry, lang, renamed=name != variant_name)
            save_file(yaml_bytes, variant_name, bool(specs), lang)
            st.button(
                tr("reset", lang),
                key="reset_edits",
                on_click=reset_edits,
                args=(entry,),
                disabled=not specs and not invalid and not combined,
                width="stretch",
            )
    with right:
        report_downloads.render_tuned(entry, tuned_entry, tview, persp, lang)
    return tuned_entry


def from_store(entry: Entry, lang: str) -> Entry | None:
    """The tuned scenario as last edited, without drawing Anpassa (its tab is closed, so its
    fields are not drawn): the valid edits kept in ``_edits``, under the kept variant name
    (an edit with a text that could not be read is left out, as Anpassa leaves it out)."""
    s = entry.scenario
    store: dict[str, Any] = st.session_state.get("_edits", {}).get(entry.id, {})
    specs: dict[str, Any] = {}
    for name, (_kind, _values, spec, unreadable) in store.items():
        p = s.parameters.get(name)
        if p is None or unreadable or same_spec(spec, p.dist.to_spec()):
            continue
        if not check_change(entry.cache_key, name, spec_key(spec), s):
            specs[name] = spec
    if not specs:
        return None
    default_name = tr("variant_default", lang, name=s.meta.title(lang))
    name = st.session_state.get(f"_variant_name__{entry.slug}") or default_name
    try:
        tuned = tuned_scenario(entry.cache_key, json.dumps(specs, sort_keys=True), name, s)
    except ScenarioError:
        return None
    return Entry(f"tuned:{entry.id}", "variant", tuned, entry.source)


def edit_problem_lines(problems: list[Problem], kind: str, lang: str) -> list[str]:
    """The problems of one edit in the words of the form: the fields' labels, not the YAML
    keys ('Lägsta = 5, Troligast = 1, Högsta = 1,1 står i fel ordning')."""
    out = []
    for p in problems:
        message, expected = (md(field_words(t, kind, lang)) for t in messages.localize(p, lang))
        exp = f" ({tr('expected', lang)}: {expected})" if expected else ""
        out.append(f"{message}{exp}")
    return out


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
            lambda x: pp_text(x, lang),
            minus=MINUS[lang],
        )
        text += f" ({pp})"
    return text


def save_variant(tuned: Scenario, origin: Entry, lang: str, renamed: bool = False) -> None:
    variants: dict[str, Entry] = st.session_state.setdefault("_variants", {})
    vid = f"variant:{tuned.sha256[:12]}"
    variants[vid] = Entry(vid, "variant", tuned, origin.source)
    flash = tr("saved_variant", lang, name=md(tuned.meta.name))
    if renamed:
        flash += " " + tr("variant_renamed", lang, name=md(tuned.meta.name))
    st.session_state["_flash"] = flash
    st.rerun()


def _yaml_bytes(entry: Entry, tuned: Scenario, changed: list[str], lang: str) -> bytes:
    return tuned_yaml(entry, tuned, changed, lang).encode("utf-8")


def save_file(yaml_bytes: Callable[[], bytes], name: str, enabled: bool, lang: str) -> None:
    """The button that writes the tuned scenario (``yaml_bytes()``) into the scenario folder:
    atomically, and an existing file only after the user has ticked that it may be replaced."""
    target = saving.file_for(state.SCENARIO_DIR, name)
    asked = st.session_state.get("_save_asked") == target.name and target.exists()
    overwrite = False
    if asked:
        st.warning(tr("save_exists", lang, file=md(target.name)))
        overwrite = st.checkbox(
            tr("save_overwrite", lang, file=md(target.name)), key="save_overwrite"
        )
    if not st.button(
        tr("save_file", lang),
        key="save_file",
        width="stretch",
        disabled=not enabled,
        help=tr("save_file_help", lang),
    ):
        return
    try:
        saving.write_atomic(target, yaml_bytes().decode("utf-8"), overwrite=overwrite)
    except FileExistsError:
        st.session_state["_save_asked"] = target.name
        st.rerun()
    except OSError as exc:
        st.error(tr("save_failed", lang, file=md(target.name), what=md(exc.strerror or exc)))
        return
    st.session_state.pop("_save_asked", None)
    st.session_state.pop("save_overwrite", None)
    st.session_state["_flash"] = tr("saved_file", lang, file=md(target.name))
    st.rerun()


def reset_edits(entry: Entry) -> None:
    st.session_state.get("_edits", {}).pop(entry.id, None)
    prefixes = (f"kind__{entry.slug}__", f"arg__{entry.slug}__")
    for k in [k for k in st.session_state if str(k).startswith(prefixes)]:
        del st.session_state[k]
    kept: dict[str, str] = st.session_state.get("_texts", {})
    for k in [k for k in kept if k.startswith(prefixes)]:
        del kept[k]
