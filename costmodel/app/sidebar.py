"""The sidebar below the language switch (:func:`render`): the scenario (shipped files,
uploads and saved variants), the upload widget, the perspective switch (the municipal budget or
society as a whole), the number of simulations, and the shipped files that could not be read.

The page is drawn before the sidebar (its answer should not wait for every scenario file to be
read): :func:`settings` tells the page what the switches are going to say."""

from __future__ import annotations

import streamlit as st

from ..errors import Problem
from ..scenario.payers import SOCIETY
from ..text import fmt, messages
from .common import md
from .state import ITERATION_CHOICES, MAX_ITERATIONS, VIEWS, Entry
from .upload import on_upload
from .words import count_words, tr

SHOWN_CHARS = 30  # about what the sidebar's select box shows of a name


def start_view(entry: Entry | None) -> str:
    """The perspective the switch starts at: the first scenario's declared view (society when
    it declares another). The user's choice stays when another scenario is chosen (#11 point
    7)."""
    start = entry.scenario.meta.perspective if entry else SOCIETY
    if "perspective" not in st.session_state:
        st.session_state["perspective"] = start if start in VIEWS else SOCIETY
    return start


def settings(entry: Entry) -> tuple[str, int]:
    """The perspective and the iterations choice the sidebar's widgets will show for
    ``entry``, read before they are drawn: the page's answer is drawn first."""
    start_view(entry)
    return str(st.session_state["perspective"]), int(st.session_state.get("iterations") or 0)


def render(
    entries: list[Entry], broken: list[tuple[str, list[Problem]]], lang: str
) -> tuple[Entry | None, str, int]:
    """Draw the sidebar; return the chosen entry (None if there is none), the perspective and
    the iterations choice (0: the scenario's own)."""
    sb = st.sidebar
    by_id = {e.id: e for e in entries}
    if st.session_state.get("scenario_choice") not in by_id:
        st.session_state.pop("scenario_choice", None)
    choice = (
        sb.selectbox(
            tr("scenario_choice", lang),
            list(by_id),
            format_func=lambda eid: by_id[eid].label(lang) if eid in by_id else eid,
            index=0,
            key="scenario_choice",
            help=tr("scenario_help", lang),
        )
        if by_id
        else None
    )
    chosen = by_id.get(choice) if choice else None
    if chosen is not None and len(chosen.label(lang)) > SHOWN_CHARS:
        # the box cuts a long name off: the whole name right under it
        sb.caption(md(chosen.label(lang)), help=None)
    sb.file_uploader(
        tr("upload", lang),
        type=["yaml", "yml"],
        key="upload",
        on_change=on_upload,
        help=tr("upload_help", lang),
        max_upload_size=1,
    )
    entry = by_id.get(choice) if choice else None
    # a scenario calculated for another view than the one shown says so
    start = start_view(entry)
    persp = (
        sb.radio(
            tr("perspective_switch", lang),
            VIEWS,
            format_func=lambda v: tr(f"view_{v}", lang),
            key="perspective",
            help=tr("perspective_help", lang),
        )
        or SOCIETY
    )
    if entry and start in VIEWS and start != persp:
        sb.caption(
            tr(
                "perspective_kept",
                lang,
                view=tr(f"view_{persp}", lang).lower(),
                name=md(entry.scenario.meta.title(lang)),
                own=tr(f"view_{start}", lang).lower(),
            )
        )
    own = entry.scenario.meta.iterations if entry else 0
    iterations = (
        sb.selectbox(
            tr("iterations_choice", lang),
            ITERATION_CHOICES,
            format_func=lambda n: (
                tr("iterations_scenario", lang, n=fmt.number(own, lang))
                if n == 0
                else fmt.number(n, lang)
            ),
            key="iterations",
            help=tr("iterations_help", lang),
        )
        or 0
    )
    if entry and iterations == 0 and own > MAX_ITERATIONS:
        sb.caption(
            tr(
                "iterations_capped",
                lang,
                asked=fmt.number(own, lang),
                cap=fmt.number(MAX_ITERATIONS, lang),
            )
        )
    if broken:
        with sb.expander(count_words("broken_scenarios", len(broken), lang)):
            for name, problems in broken:
                st.markdown(f"**{md(name)}**")
                st.code(
                    "\n".join(messages.render(p, lang) for p in problems),
                    language=None,
                    wrap_lines=True,
                )
    return entry, persp, int(iterations)
