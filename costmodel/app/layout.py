"""The dashboard's entry point: :func:`main` draws the whole page on every rerun.

``app.py`` only calls it. It sets up the page and the language switch, runs the chosen scenario
(:mod:`.state`), draws Översikt (:mod:`.overview`): its answer and key figures, then the rest
of the sidebar (:mod:`.sidebar`) in its place above, then Översikt's charts, so that the answer
shows before every scenario file is read and the key figures before plotly; then the other
tabs, one module each: Anpassa (:mod:`.tune`), Jämför (:mod:`.compare`) and Känslighet
(:mod:`.sensitivity`), and the footer. Only Översikt and the open page are drawn
(the others run more than the chosen scenario or hold many fields, and the first page should
show at once); the edits made in Anpassa count on every page.
"""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from .. import __version__
from ..text import fmt
from . import compare, overview, sensitivity, sidebar, state, tune, upload
from .common import current_lang
from .state import Entry, RunFailed, get_view, shipped_entries
from .widgets import relocalize_fields
from .words import LANG_NAMES, tr

PAGE_KEYS = ("tab_overview", "tab_tune", "tab_compare", "tab_sensitivity")


# captions in a grey with 7:1 contrast on white, at full opacity (Streamlit's own grey at 60 %
# opacity gives 3.9:1, below WCAG 2.1 AA's 4.5:1 for text of that size)
CAPTION = "#55565c"


def page_style(lang: str) -> str:
    """A little CSS: less empty space at the top, captions dark enough to read (WCAG AA), the
    charts' figure tables small enough for a phone (390 px), and
    the uploader's built-in English words replaced in
    Swedish mode (Streamlit does not translate them)."""
    upload = "Välj fil" if lang == "sv" else "Choose file"
    limit = "Högst 1 MB · YAML" if lang == "sv" else "At most 1 MB · YAML"
    drop = '.st-key-upload [data-testid="stFileUploaderDropzone"]'
    return f"""<style>
[data-testid="stMainBlockContainer"] {{ padding-top: 2.5rem; }}
[data-testid="stCaptionContainer"] {{ opacity: 1 !important; }}
[data-testid="stMetricValue"] > div {{
  white-space: normal !important; overflow: visible !important; }}
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {{
  color: {CAPTION} !important; }}
[class*="st-key-figures_"] table {{ font-size: 0.8rem; }}
[class*="st-key-figures_"] th, [class*="st-key-figures_"] td {{
  padding: 0.25rem 0.35rem !important; }}
{drop} button p {{ font-size: 0 !important; }}
{drop} button p::after {{ content: "{upload}"; font-size: 0.875rem; }}
{drop} [data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0 !important; }}
{drop} [data-testid="stFileUploaderDropzoneInstructions"] span::after {{
  content: "{limit}"; font-size: 0.75rem; }}
</style>"""


TRANSLATED_CHOICES = (
    "perspective",
    "iterations",
    "scenario_choice",
    "compare_choice",
    "two_way_x",
    "two_way_y",
)


def _on_language_change() -> None:
    """Re-set the widgets whose option labels are translated, so the browser shows the same
    choice under its new label (Streamlit remembers a choice by its label)."""
    for key in list(st.session_state):
        k = str(key)
        if k in TRANSLATED_CHOICES or k.startswith("kind__"):
            st.session_state[k] = st.session_state[k]
    new = current_lang()
    relocalize_fields(next(k for k in LANG_NAMES if k != new), new)  # '1,5' <-> '1.5'
    page = st.session_state.get("page")
    for page_key in PAGE_KEYS:
        if page in {tr(page_key, other) for other in LANG_NAMES}:
            st.session_state["page"] = tr(page_key, current_lang())


def _draw_sidebar(
    side: DeltaGenerator, others: dict[str, Entry], lang: str
) -> tuple[list[Entry], Entry | None, str, int]:
    """Read every scenario file and draw the sidebar's scenario list and switches in ``side``;
    return the entries and what the sidebar chose (entry, perspective, iterations)."""
    shipped, broken = shipped_entries()
    entries = [*shipped, *others.values()]
    with side:
        entry, persp, iterations = sidebar.render(entries, broken, lang)
    return entries, entry, persp, iterations


def main() -> None:
    """Draw the whole dashboard (called by app.py on every rerun).

    The answer comes first: the chosen scenario is read alone (:func:`.state.first_entry`) and
    Översikt is drawn before the sidebar's list, which reads every scenario file, is drawn into
    its place above; the other pages follow."""
    st.set_page_config(
        page_title=tr("page_title", current_lang()), layout="wide", initial_sidebar_state="auto"
    )
    st.sidebar.radio(
        "Språk / Language",
        list(LANG_NAMES),
        format_func=lambda k: LANG_NAMES[k],
        key="lang",
        horizontal=True,
        on_change=_on_language_change,
    )
    lang = current_lang()
    side = st.sidebar.container()  # filled after Översikt's answer
    uploads: dict[str, Entry] = st.session_state.get("_uploads", {})
    variants: dict[str, Entry] = st.session_state.get("_variants", {})
    others = {**uploads, **variants}

    st.html(page_style(lang))
    st.markdown(f"## {tr('app_title', lang)}")
    flash = st.session_state.pop("_flash", None)
    if flash:
        st.success(flash)
    entries: list[Entry] | None = None
    entry = state.first_entry(others)
    if entry is not None:
        persp, iterations = sidebar.settings(entry)
    else:  # the chosen file is gone or broken: the sidebar's list decides
        entries, entry, persp, iterations = _draw_sidebar(side, others, lang)
    if entry is None:
        upload.show_message("tab_overview", lang)
        # via the module, not imported by name: tests point it at another folder
        st.warning(tr("no_scenarios", lang, dir=state.SCENARIO_DIR))
        return

    try:
        view = get_view(entry, iterations)
    except RunFailed as exc:
        st.error(tr("run_failed", lang, what=str(exc)))
        if entries is None:
            _draw_sidebar(side, others, lang)
        return
    # a keyed tab bar keeps its page across reruns (saving a variant, switching language)
    tab_over, tab_tune, tab_cmp, tab_sens = st.tabs(
        [tr(k, lang) for k in PAGE_KEYS], key="page", on_change="rerun"
    )
    drawn: list[list[Entry]] = [] if entries is None else [entries]

    def sidebar_now() -> None:
        """The sidebar's list, drawn between Översikt's key figures and its charts."""
        if drawn:
            return
        found, chosen, persp_, iterations_ = _draw_sidebar(side, others, lang)
        drawn.append(found)
        if (chosen and chosen.id, persp_, iterations_) != (entry.id, persp, iterations):
            st.rerun()  # not expected: the page was drawn for what the sidebar now shows

    tuned: Entry | None = None
    tune_first = tab_tune.open is True
    if tune_first:
        # an edit's new figures are sent before Översikt's (hidden) elements: a tab's place on
        # the page is its container's, not the order it is drawn in
        with tab_tune:
            upload.show_message("tab_tune", lang)
            tuned = tune.render(entry, view, persp, lang, iterations)
    # an upload's outcome shows once, on the page where the upload happened
    with tab_over:
        upload.show_message("tab_overview", lang)
        overview.render(entry, view, persp, lang, before_charts=sidebar_now)
    sidebar_now()
    entries = drawn[0]
    if not tune_first:
        with tab_tune:
            if tab_tune.open is not False:
                upload.show_message("tab_tune", lang)
                tuned = tune.render(entry, view, persp, lang, iterations)
            else:  # its many fields are drawn only when looked at; its edits still count
                tuned = tune.from_store(entry, lang)
    with tab_cmp:
        if tab_cmp.open is not False:  # runs every compared scenario: only when looked at
            upload.show_message("tab_compare", lang)
            compare.render(entries, entry, tuned, persp, lang, iterations)
    with tab_sens:
        if tab_sens.open is not False:  # the analysis is only computed when it is looked at
            upload.show_message("tab_sensitivity", lang)
            sensitivity.render(entry, tuned, persp, lang, iterations)
    st.caption(
        tr(
            "footer",
            lang,
            version=__version__,
            n=fmt.number(view.iterations, lang),
            seed=view.seed,
            sha=entry.scenario.short_hash,
        )
    )
