"""A parameter's sources as a reader sees them: citations in the chosen language.

:func:`citations` reads the references of a parameter from the scenario's own data (the model
keeps only the Swedish texts): the title (author, title, year), where in it (chapter, page and
what it says, ``{sv, en}`` where the file gives both), "osäker källa" spelled out for a source
marked ``uncertain``; the source file a figure was read from is kept apart
(:attr:`Citation.file`), a detail for the economist (the dashboard's tooltip), never in the
line. Used by the dashboard's assumptions and by the reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..scenario import Parameter, Scenario

UNCERTAIN = {"sv": "osäker källa", "en": "uncertain source"}


@dataclass(frozen=True)
class Citation:
    text: str  # 'SKL, Att arbeta med sociala insatsgrupper (2018), kap. 2: 2 726 000 kr per år'
    file: str  # '002_83700c7e99f2a08c.txt' or ''


def _in(value: Any, lang: str) -> str:
    """A text given as a string or as ``{sv, en}``, in ``lang`` (Swedish if that is all)."""
    if isinstance(value, dict):
        text = value.get(lang) or value.get("sv") or ""
        return str(text).strip()
    return "" if value is None else str(value).strip()


def _raw_references(s: Scenario, p: Parameter) -> list[Any]:
    node: Any = s.data
    try:
        for part in p.path:
            node = node[part]
    except (KeyError, IndexError, TypeError):
        node = None
    raw = node.get("reference") if isinstance(node, dict) else None
    if raw is None:  # not found in the data: the model's (Swedish) references
        return [{"title": r.title, "where": r.where, "url": r.url} for r in p.references]
    return raw if isinstance(raw, list) else [raw]


def citations(s: Scenario, p: Parameter, lang: str) -> list[Citation]:
    """The sources of ``p`` in ``lang``, one :class:`Citation` each."""
    out = []
    for raw in _raw_references(s, p):
        ref = raw if isinstance(raw, dict) else {"title": raw}
        text = _in(ref.get("title"), lang)
        where = _in(ref.get("where"), lang)
        if where:
            text += f", {where}"
        if ref.get("uncertain") is True:
            text += f" ({UNCERTAIN[lang]})"
        url = _in(ref.get("url"), lang)
        if url:
            text += f", {url}"
        out.append(Citation(text, _in(ref.get("file"), lang)))
    return out
