"""An uploaded scenario: read with the CLI's limits, its problems shown in the user's language.

- :func:`parse_upload`: the bytes of an upload to a :class:`~costmodel.scenario.Scenario` or
  a list of :class:`~costmodel.errors.Problem` (never raised): over the size limit, not
  UTF-8, YAML syntax, or anything the CLI would refuse. ``extends:`` may only name a scenario
  file in the scenario folder by its bare name, so an upload can never make the server read a
  file elsewhere (a path, a link that leads out, a chain through another base);
- :func:`on_upload`: the uploader's callback; it keeps the problems in both languages and the
  page the upload happened on (``_upload_msg``); removing the file clears them;
- :func:`show_message`: the outcome, drawn once, on that page;
- :func:`yaml_words`: PyYAML's English syntax messages in Swedish.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import streamlit as st

from .. import scenario
from ..errors import Problem, ScenarioError
from ..scenario import Scenario, yamlload
from ..text import fmt
from .common import current_lang, md, problem_lines, slug
from .state import Entry
from .words import LANG_NAMES, count_words, tr

# PyYAML's problems as they begin, in Swedish (the rest of its sentence is dropped)
_YAML_SV = (
    ("mapping values are not allowed", "ett kolon står där inget värde får börja"),
    ("expected ',' or ']'", "en lista inom [ ] avslutas inte (saknas ett ] eller ett komma?)"),
    ("expected ',' or '}'", "en mappning inom { } avslutas inte (saknas ett } eller ett komma?)"),
    ("expected <block end>", "indraget stämmer inte med raderna ovanför"),
    ("found character '\\t'", "ett tabbtecken; använd mellanslag för indrag"),
    ("could not find expected ':'", "ett kolon saknas efter nyckeln"),
    ("found unexpected end of stream", "ett citattecken avslutas aldrig"),
    ("found undefined alias", "ett alias (*namn) som inte är definierat"),
    ("found duplicate anchor", "samma ankare (&namn) står två gånger"),
    ("found unknown escape character", "ett okänt tecken efter \\ i en text"),
    ("found unexpected ':'", "ett kolon på fel ställe"),
)
_SYNTAX = re.compile(r"^YAML(?:-| )sy?n?taxfel: |^YAML syntax error: ")


def yaml_words(message: str, lang: str) -> str:
    """A YAML syntax message in ``lang``: PyYAML speaks English only."""
    if lang != "sv" or not _SYNTAX.match(message):
        return message
    raw = _SYNTAX.sub("", message)
    for start, words in _YAML_SV:
        if start in raw:
            return f"YAML-syntaxfel: {words}"
    return "YAML-syntaxfel: filen följer inte YAML:s regler här"


def _problem(name: str, key: str, expected: str, lang: str, **fields: object) -> Problem:
    return Problem(name, 1, "", tr(key, lang, **fields), tr(expected, lang, **fields))


def parse_upload(
    name: str, data: bytes, lang: str = "sv", folder: Path | None = None
) -> tuple[Scenario | None, list[Problem]]:
    """Read an uploaded scenario; every problem comes back as a :class:`Problem`, never raised."""
    from . import state  # the folder through the module: tests point it elsewhere

    folder = (state.SCENARIO_DIR if folder is None else folder).resolve()
    if len(data) > yamlload.MAX_BYTES:  # before decoding anything
        return None, [
            _problem(
                name,
                "upload_too_large",
                "upload_too_large_expected",
                lang,
                size=fmt.number(len(data) / 1e6, lang, 1) + " MB",
                limit=fmt.number(yamlload.MAX_BYTES / 1e6, lang) + " MB",
            )
        ]
    try:  # every limit of a file on disk; extends only to a file directly in the folder
        return scenario.loads_bytes(data, name, folder), []
    except ScenarioError as exc:
        allowed = sorted(p.name for p in folder.glob("*.yaml") if p.resolve().parent == folder)
        expected = tr("extends_outside_expected", lang, names=", ".join(allowed))
        return None, [  # a base the upload may name: one of the folder's files, by name
            replace(p, expected=expected) if p.path == "extends" and p.line else p
            for p in exc.problems
        ]
    except Exception as exc:  # a bug in the core must not crash the page
        return None, [Problem(name, 1, "", f"{type(exc).__name__}: {exc}"[:300], "")]


def on_upload() -> None:
    """Callback of the uploader: read the file, add it to the list and select it; on failure
    keep its problems in both languages for the page that was open."""
    up = st.session_state.get("upload")
    if up is None:  # the file was removed: so is its message
        st.session_state.pop("_upload_msg", None)
        return
    lang = current_lang()
    data = up.getvalue()
    s, problems = parse_upload(up.name, data, lang)
    page = st.session_state.get("page")
    if s is None:
        by_lang = {lang: problems}
        for other in LANG_NAMES:
            if other != lang:
                by_lang[other] = parse_upload(up.name, data, other)[1]
        st.session_state["_upload_msg"] = ("error", up.name, by_lang, page)
        return
    uploads: dict[str, Entry] = st.session_state.setdefault("_uploads", {})
    eid = f"upload:{slug(up.name)}:{s.short_hash}"
    uploads[eid] = Entry(eid, "uploaded", s, up.name)
    st.session_state["scenario_choice"] = eid
    st.session_state["_upload_msg"] = ("ok", up.name, s.meta.name, page)


def upload_lines(problems: list[Problem], lang: str) -> list[str]:
    """The problems of an upload as lines, in ``lang``."""
    translated = [
        Problem(p.file, p.line, p.path, yaml_words(p.message, lang), p.expected) for p in problems
    ]
    return problem_lines(translated, lang)


def show_message(page_key: str, lang: str) -> None:
    """The outcome of the last upload, in the tab ``page_key`` if it happened there (or if the
    tab bar had not been used yet, on the first page). A success is shown once."""
    msg = st.session_state.get("_upload_msg")
    if not msg:
        return
    page = msg[-1]
    if page is None:
        if page_key != "tab_overview":
            return
    elif page not in {tr(page_key, other) for other in LANG_NAMES}:
        return
    if msg[0] == "error":
        _, file, by_lang, _ = msg
        problems = by_lang.get(lang) or next(iter(by_lang.values()))
        st.error(
            "\n".join(
                [
                    count_words("upload_failed", len(problems), lang, file=md(file)),
                    *(f"- {ln}" for ln in upload_lines(problems, lang)),
                ]
            )
        )
    else:
        st.success(tr("upload_ok", lang, file=md(msg[1]), name=md(msg[2])))
        st.session_state.pop("_upload_msg", None)
