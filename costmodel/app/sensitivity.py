"""Känslighet (Sensitivity): what the verdict depends on, for the chosen scenario (or its tuned
version from Anpassa), perspective and number of simulations (:func:`render`).

In the order a politician needs it: what has to be true for SIG to pay off (the switching
values as sentences, for the inputs that move the result) and when it breaks even; what drives
the result (the tornado, with its table beside it); which uncertainty is worth studying (the
value of information, with its table); two inputs at once (the heat map of two chosen inputs
with its zero contour, and in words where it pays off); and how steady the figures are (the
Monte Carlo error, with a note when they are still noisy).

The analysis comes from :mod:`.sensitivity_data` (cached), its words and tables from
:mod:`.sensitivity_text`; this module only lays them out.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from ..scenario import Scenario
from ..scenario.payers import payer_phrase
from ..text import fmt
from . import charts
from . import sensitivity_text as words
from .common import kpi_money, md, persp_label, plot
from .sensitivity_data import get_sensitivity, get_two_way
from .state import Entry, RunFailed, get_view
from .words import tr

TORNADO_BARS = 10  # rows in the tornado chart; the table has them all
EVPPI_BARS = 10


def render(
    entry: Entry, tuned: Entry | None, persp: str, lang: str, iterations_choice: int
) -> None:
    """Draw Känslighet for ``tuned`` if the user changed anything in Anpassa, else ``entry``."""
    shown = tuned or entry
    s = shown.scenario
    try:
        a = get_sensitivity(shown, iterations_choice, persp)
        view = get_view(shown, iterations_choice)
    except RunFailed as exc:
        st.error(tr("sens_failed", lang, what=md(exc)))
        return
    whom = persp_label(persp, lang)
    st.subheader(md(s.meta.title(lang)))
    intro = tr("sens_intro", lang, whom=whom, n=fmt.number(view.iterations, lang))
    st.caption(f"{intro} {tr('sens_tuned', lang)}" if tuned is not None else intro)
    _switching(a, s, persp, lang, view.horizon)
    _tornado(a, s, persp, lang, view.price_year)
    _value_of_information(a, s, lang, whom, view.price_year)
    _two_way(shown, a, persp, lang, iterations_choice, view.price_year)
    st.markdown(f"#### {tr('sens_mc_title', lang)}")
    text, noisy = words.mc_error(a, view.summaries[persp]["net_benefit"]["mean"], lang)
    with st.container(key="sens_mc"):
        if noisy:
            st.warning(f"{text} {tr('sens_noisy', lang)}")
        else:
            st.markdown(f"{text} {tr('sens_mc_steady', lang)}")


def _switching(a: dict[str, Any], s: Scenario, persp: str, lang: str, horizon: int) -> None:
    """What has to be true, and when it breaks even."""
    st.markdown(f"#### {tr('sens_switching_title', lang)}")
    first, more = words.switching_lines(a, s, persp, lang)
    with st.container(border=True, key="sens_switching"):
        if first:
            st.markdown("\n".join(f"- {line}" for line in first))
        elif not more:
            st.markdown(tr("sens_nothing_moves", lang, whom=payer_phrase(persp, lang)))
        st.markdown(f"**{words.break_even_text(a, horizon, lang)}**")
        if more:
            with st.expander(tr("sens_switching_more", lang, n=len(more))):
                st.markdown("\n".join(f"- {line}" for line in more))
        st.caption(tr("sens_switching_caption", lang, whom=payer_phrase(persp, lang)))


def _tornado(a: dict[str, Any], s: Scenario, persp: str, lang: str, price_year: int) -> None:
    """The tornado and, beside it, the same figures as a table."""
    rows = words.tornado_rows(a, s, lang)
    if not rows:
        return
    st.markdown(f"#### {tr('sens_tornado_title', lang)}")
    left, right = st.columns([5, 4], gap="medium")
    with left:
        plot(
            charts.tornado_chart(
                rows[:TORNADO_BARS], a["central_net"], lang, persp_label(persp, lang), price_year
            ),
            "tornado_chart",
        )
    with right, st.container(key="sens_tornado_table"):
        st.table(words.tornado_table(rows, lang), hide_index=True)
        notes = [tr("sens_tornado_caption", lang, central=kpi_money(a["central_net"], lang))]
        if len(rows) > TORNADO_BARS:
            notes.append(tr("sens_tornado_top", lang, n=TORNADO_BARS))
        still = words.still(a, s, lang)
        if still:
            names = md(", ".join(still))
            notes.append(tr("sens_no_effect", lang, whom=payer_phrase(persp, lang), names=names))
        st.caption(" ".join(notes))


def _value_of_information(
    a: dict[str, Any], s: Scenario, lang: str, whom: str, price_year: int
) -> None:
    """What knowing each input for certain is worth: the top one and everything in words, the
    chart, and the table beside it."""
    st.markdown(f"#### {tr('sens_voi_title', lang)}")
    with st.container(key="sens_voi"):
        st.markdown(" ".join(words.voi_sentences(a, s, lang)))
    rows = words.evppi_rows(a, s, lang)
    if rows:
        left, right = st.columns([3, 2], gap="medium")
        with left:
            plot(charts.evppi_bars(rows[:EVPPI_BARS], lang, whom, price_year), "evppi_bars")
        with right, st.container(key="sens_evppi_table"):
            st.table(words.evppi_table(a, rows, lang), hide_index=True)
            notes = [tr("sens_voi_caption", lang)]
            rest = words.worthless(a, s, lang)
            if rest:
                notes.append(tr("sens_voi_rest", lang, names=md(", ".join(rest))))
            st.caption(" ".join(notes))
    else:
        st.caption(tr("sens_voi_caption", lang))


def _pick(key: str, options: list[str], default: str) -> None:
    """Keep the choice of a selectbox among ``options``; set ``default`` when there is none."""
    if st.session_state.get(key) not in options:
        st.session_state[key] = default


def _two_way(
    shown: Entry, a: dict[str, Any], persp: str, lang: str, iterations_choice: int, year: int
) -> None:
    """The heat map of two inputs, chosen in two selectboxes (the two widest by default)."""
    s = shown.scenario
    st.markdown(f"#### {tr('sens_two_way_title', lang)}")
    options = words.two_way_options(a)
    if len(options) < 2:
        st.caption(tr("two_way_too_few", lang))
        return
    _pick("two_way_x", options, options[0])
    y_options = [n for n in options if n != st.session_state["two_way_x"]]
    _pick("two_way_y", y_options, y_options[0])
    c1, c2 = st.columns(2, gap="medium")
    x = c1.selectbox(
        tr("two_way_x", lang),
        options,
        format_func=lambda n: words.input_label(s, n, lang),
        key="two_way_x",
    )
    y = c2.selectbox(
        tr("two_way_y", lang),
        [n for n in options if n != x],
        format_func=lambda n: words.input_label(s, n, lang),
        key="two_way_y",
    )
    default = a["two_way"]
    try:
        grid = (
            default
            if default and (default["x"], default["y"]) == (x, y)
            else get_two_way(shown, iterations_choice, persp, x, y)
        )
    except RunFailed as exc:
        st.error(tr("sens_failed", lang, what=md(exc)))
        return
    if grid is None:
        st.caption(tr("two_way_too_few", lang))
        return
    central = a["central_inputs"]
    left, right = st.columns([3, 2], gap="medium")
    with left:
        plot(
            charts.two_way_heatmap(
                grid["x_values"],
                grid["y_values"],
                grid["net"],
                (words.input_label(s, x, lang), words.input_label(s, y, lang)),
                words.two_way_hover(grid, s, lang),
                lang,
                persp_label(persp, lang),
                year,
                central=(central[x], central[y]) if x in central and y in central else None,
                shares=(
                    s.parameters[x].unit.dimension == "share",
                    s.parameters[y].unit.dimension == "share",
                ),
            ),
            "two_way_heatmap",
        )
    with right, st.container(key="sens_two_way_words"):
        lead, lines = words.two_way_lines(grid, s, lang, central.get(x))
        st.markdown(lead)
        st.markdown("\n".join(f"- {line}" for line in lines))
        st.caption(tr("two_way_caption", lang))
