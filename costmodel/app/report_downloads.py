"""Report downloads in the dashboard: Word, Excel and HTML of the scenario on screen (Översikt)
or of the tuned variant with its changes listed (Anpassa), and "Kopiera sammanfattning", the
summary as plain text with a copy button (in a popover, drawn when opened).

The report is the CLI's (:func:`costmodel.reports.build`) with the run on screen: the same
iterations and seed, so its figures are the figures the page shows. It is built only when a
download button is clicked (Streamlit's deferred ``data``), once for the three formats
(:func:`_report`, a small cache keyed on the scenario's sha256 and the options); the
summary text needs no build, only the summaries the page already has.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from .. import reports
from ..reports.build import summary_text
from ..reports.command import default_name, report_date
from ..scenario.payers import SOCIETY
from .state import Entry, View

WORDS: dict[str, dict[str, str]] = {
    "title": {"sv": "Rapport för ansökan", "en": "Report for an application"},
    "intro": {
        "sv": "Kalkylen med antaganden, källor, känslighet och uppföljningsplan, för en ansökan "
        "till en social investeringsfond, Länsstyrelsen eller nämnden. Rapporten skapas när du "
        "klickar (några sekunder).",
        "en": "The calculation with its assumptions, sources, sensitivity and follow-up plan, "
        "for an application to a social investment fund, the county board or a committee. The "
        "report is made when you click (a few seconds).",
    },
    "intro_tuned": {
        "sv": "Rapporten gäller den anpassade varianten och listar dess ändringar.",
        "en": "The report is of the tuned variant and lists its changes.",
    },
    "tuned": {"sv": "anpassad", "en": "tuned"},  # in a tuned variant's file name
    "docx": {"sv": "Word (.docx)", "en": "Word (.docx)"},
    "xlsx": {"sv": "Excel (.xlsx)", "en": "Excel (.xlsx)"},
    "html": {"sv": "Webbsida (.html)", "en": "Web page (.html)"},
    "docx_help": {
        "sv": "Rubriker och tabeller i Words egna format: byt stil och klistra in i ansökan.",
        "en": "Headings and tables in Word's own styles: restyle and paste into the application.",
    },
    "xlsx_help": {
        "sv": "Ett blad per tabell, talen som tal med enheter i rubrikerna.",
        "en": "One sheet per table, numbers as numbers with units in the headers.",
    },
    "html_help": {
        "sv": "En fil som öppnas utan nätverk och går att skriva ut.",
        "en": "One file that opens without a network and prints.",
    },
    "copy": {"sv": "Kopiera sammanfattning", "en": "Copy the summary"},
    "copy_help": {
        "sv": "Visar sammanfattningen som text; knappen i rutans hörn kopierar den.",
        "en": "Shows the summary as text; the button in the box's corner copies it.",
    },
}

_CACHE: OrderedDict[tuple[object, ...], reports.Report] = OrderedDict()
_LOCK = threading.Lock()
_KEEP = 4


def _w(key: str, lang: str) -> str:
    return WORDS[key][lang] if lang in WORDS[key] else WORDS[key]["sv"]


def _report(
    entry: Entry, view: View, persp: str, lang: str, original: Entry | None
) -> reports.Report:
    """The report of ``entry`` with the run ``view`` shows, built once per options."""
    date = report_date()
    key = (
        entry.cache_key,
        original.cache_key if original else None,
        view.iterations,
        view.seed,
        persp,
        lang,
        date,
    )
    with _LOCK:
        cached = _CACHE.get(key)
        if cached is None:
            cached = reports.build(
                entry.scenario,
                lang=lang,
                perspective=persp,
                iterations=max(view.iterations, 2),
                seed=view.seed,
                date=date,
                original=original.scenario if original else None,
                file=original.source if original else entry.source,
            )
            _CACHE[key] = cached
            while len(_CACHE) > _KEEP:
                _CACHE.popitem(last=False)
        return cached


def _maker(
    entry: Entry, view: View, persp: str, lang: str, original: Entry | None, fmt: str
) -> Callable[[], bytes]:
    return lambda: reports.render(_report(entry, view, persp, lang, original), fmt)


def render(
    entry: Entry,
    view: View,
    persp: str,
    lang: str,
    original: Entry | None = None,
    key: str = "overview",
    side_by_side: bool = True,
) -> None:
    """The download buttons and the summary to copy, for ``entry`` as ``view`` shows it;
    with ``original``, ``entry`` is a tuned variant of it."""
    s = entry.scenario
    with st.container(border=True, key=f"report_downloads_{key}"):
        st.markdown(f"#### {_w('title', lang)}")
        intro = _w("intro", lang)
        st.caption(f"{intro} {_w('intro_tuned', lang)}" if original else intro)
        stem = Path((original or entry).source).stem + (f"-{_w('tuned', lang)}" if original else "")
        # side by side on the wide Översikt; stacked in Anpassa's narrow column
        columns = st.columns(len(reports.FORMATS)) if side_by_side else [st.container()] * 3
        for column, fmt in zip(columns, reports.FORMATS, strict=True):
            with column:
                st.download_button(
                    _w(fmt, lang),
                    data=_maker(entry, view, persp, lang, original, fmt),
                    file_name=default_name(stem, s, fmt, persp, view.seed, view.iterations),
                    mime=reports.MIME[fmt],
                    key=f"report_{fmt}_{key}",
                    help=_w(f"{fmt}_help", lang),
                    on_click="ignore",
                    icon=":material/download:",
                    width="stretch",
                )
        title = s.meta.title(lang)
        text = summary_text(title, view.summaries[persp], view.summaries[SOCIETY], lang)
        # in a popover: its content is drawn only when opened, so the code box's highlighter
        # (1.5 MB of JavaScript) is not loaded while the page's first chart is being drawn
        with st.popover(_w("copy", lang), help=_w("copy_help", lang), key=f"copy_{key}"):
            st.code(text, language=None, wrap_lines=True)


def render_tuned(entry: Entry, tuned: Entry | None, view: View, persp: str, lang: str) -> None:
    """Anpassa's downloads: the tuned variant's report with its changes listed (the
    original's while nothing is changed), the buttons stacked in the page's narrow column."""
    shown, original = (tuned, entry) if tuned is not None else (entry, None)
    render(shown, view, persp, lang, original, key="tune", side_by_side=False)
