"""The editor of one parameter (Anpassa), in two steps: :func:`read_edit` reads the kind and
the numbers typed for a parameter from the session before anything is drawn (Anpassa computes
the tuned figures from them first), and :func:`draw_parameter` draws its distribution kind, its
numbers (each with its help from :mod:`.field_help`), unit, mean, 90 % range and source as read.
Also the words around the fields: :func:`value_text`, :func:`param_label`, :func:`arg_label`,
:func:`field_words`, and :func:`read_field` (a typed number). The distribution helpers without
Streamlit calls are in :mod:`.specs`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from ..scenario import Parameter
from ..text import fmt
from ..views.sources import citations
from .common import initial_index, md, slug
from .field_help import field_help
from .numbers import Unreadable, input_text, parse_number, relocalize
from .specs import (
    ARG_FIELDS,
    OPTIONAL_ARGS,
    arg_fields,
    build_spec,
    dist_stats,
    kinds_for,
    nice,
    round3,
    same_spec,
    spec_key,
    suggest_args,
)
from .state import Entry
from .words import tr

# --- the editor -------------------------------------------------------------------------------


def value_text(x: float, p: Parameter, lang: str) -> str:
    """A parameter value in its unit, Swedish style: '2 726 000 kr/år', '30 %', '6 månader'."""
    if p.unit.dimension == "share":  # shares, probabilities and effects
        return fmt.percent(x, lang)
    decimals = 0 if abs(x) >= 100 else 1 if abs(x) >= 10 else 2
    num = fmt.number(x, lang, decimals)
    return fmt.in_unit(num, p.unit.sv if lang == "sv" else p.unit.en, lang)


def param_label(p: Parameter, lang: str) -> str:
    text = p.text(lang)
    if p.year is not None and str(p.year + 1) not in text:
        text += f" ({tr('year_suffix', lang, n=p.year + 1)})"
    return text


def arg_label(kind: str, arg: str, lang: str) -> str:
    """The label of the field ``arg`` of a ``kind`` distribution: 'Lägsta', '5 %-värde'."""
    if kind == "interval90" and arg in ("low", "high"):
        return tr(f"arg_{arg}90", lang)
    if kind == "normal" and arg in ("low", "high"):
        return tr(f"arg_{arg}_trunc", lang)
    return tr(f"arg_{arg}", lang)


_FIELD = re.compile(
    r"\b("
    + "|".join(
        sorted({a for f in ARG_FIELDS.values() for a in f} | {"lambda"}, key=len, reverse=True)
    )
    + r")\b(\s*(?:<=|>=|=|<|>)\s*)?(-?\d[\d.eE+-]*)?"
)
_OPS = {"<=": "≤", ">=": "≥", "=": "=", "<": "<", ">": ">"}


def field_words(text: str, kind: str, lang: str) -> str:
    """A message about a distribution in the words of the form: its keys as the fields'
    labels, its numbers in the language's form ('low=5, high=1.1' -> 'Lägsta = 5, Högsta =
    1,1'; 'low <= mode <= high' -> 'Lägsta ≤ Troligast ≤ Högsta')."""

    def one(m: re.Match[str]) -> str:
        label = arg_label(kind, m.group(1), lang)
        op = (m.group(2) or "").strip()
        if not op:  # a bare key only in a formula of keys ('low <= mode <= high')
            return label if formula else m.group(0)
        out = f"{label} {_OPS.get(op, op)} "
        num = m.group(3)
        if num is None:
            return out
        try:
            return out + input_text(float(num), lang)
        except ValueError:
            return out + num

    formula = all(w in ARG_FIELDS[kind] or w == "lambda" for w in re.findall(r"[a-z]+", text))
    return _FIELD.sub(one, text)


def _unit_texts(p: Parameter) -> tuple[str, ...]:
    return (p.unit.sv, p.unit.en, str(p.unit))


def read_field(text: str | None, p: Parameter, lang: str) -> float | None:
    """The number typed into a field of ``p`` (None: empty); :class:`Unreadable` if it is not
    a number without doubt."""
    return parse_number(
        text,
        lang,
        money=p.unit.is_money,
        share=p.unit.dimension == "share",
        unit_texts=_unit_texts(p),
    )


def relocalize_fields(old: str, new: str) -> None:
    """After a language switch: rewrite the numbers typed in the parameter fields, and those
    kept for fields not drawn (``_texts``), in the new language's form ('1,5' -> '1.5', '1,5
    mnkr' -> '1.5 mnkr'); a text whose number cannot be read stays as it was."""
    kept: dict[str, str] = st.session_state.get("_texts", {})
    for key in [k for k in st.session_state if str(k).startswith("arg__")]:
        st.session_state[key] = _relocalized(st.session_state[key], old, new)
    for key, text in kept.items():
        kept[key] = _relocalized(text, old, new)


def _relocalized(text: str, old: str, new: str) -> str:
    try:
        return relocalize(text, old, new) if text and text.strip() else text
    except Unreadable:
        return text


@dataclass(frozen=True)
class Edit:
    """One parameter as its fields in the session say, read before anything is drawn (so an
    edit's new figures are sent before the fields): the distribution kind, each field's text
    as first shown and as it is now, the numbers read, the YAML value, whether it differs from
    the scenario's, and per field the message for a text that could not be read (the field's
    earlier number is kept and the edit is not used)."""

    kind: str
    shown: dict[str, str]
    texts: dict[str, str]
    values: dict[str, float | None]
    spec: Any
    changed: bool
    errors: dict[str, str] = field(default_factory=dict)


def _kind_key(entry: Entry, p: Parameter) -> str:
    return f"kind__{entry.slug}__{slug(p.name)}"


def _arg_key(entry: Entry, p: Parameter, kind: str, arg: str) -> str:
    return f"arg__{entry.slug}__{slug(p.name)}__{kind}__{arg}"


def read_edit(entry: Entry, p: Parameter, lang: str) -> Edit:
    """The edit of ``p`` from the session: the kind chosen and the texts typed (a field not
    drawn yet shows the text typed into it before, kept in ``_texts`` while it was not drawn,
    else its starting number); remembered in ``_edits`` for the pages that do not draw
    Anpassa. Call it once per run, before :func:`draw_parameter`."""
    store: dict[str, Any] = st.session_state.setdefault("_edits", {}).setdefault(entry.id, {})
    # Streamlit forgets a field's text when it is not drawn (another tab, scenario or kind):
    # the typed texts are kept here, so that nothing typed is lost or silently replaced
    kept: dict[str, str] = st.session_state.setdefault("_texts", {})
    stored = store.get(p.name)
    kinds = kinds_for(p)
    if _kind_key(entry, p) in st.session_state:
        kind = st.session_state[_kind_key(entry, p)]
    else:  # what the choice shows when first drawn (see initial_index)
        kind = stored[0] if stored else p.dist.kind
        kind = kind if kind in kinds else kinds[0]
    kind = kind if kind in kinds else p.dist.kind
    defaults = (
        dict(stored[1]) if stored and stored[0] == kind else suggest_args(p.dist, kind, p.unit)
    )
    shown: dict[str, str] = {}
    texts: dict[str, str] = {}
    values: dict[str, float | None] = {}
    errors: dict[str, str] = {}
    for arg in arg_fields(kind, p.dist):
        key = _arg_key(entry, p, kind, arg)
        default = defaults.get(arg)
        earlier = None if default is None else float(default)
        shown[arg] = input_text(default, lang)
        text = texts[arg] = st.session_state.get(key, kept.get(key, shown[arg]))
        values[arg] = earlier
        if text == shown[arg]:  # untouched: the exact number, not its rounded text
            kept.pop(key, None)
            continue
        kept[key] = text
        try:
            v = read_field(text, p, lang)
        except Unreadable as exc:
            errors[arg] = tr(exc.reason, lang, text=md(exc.text))
            continue
        if v is None and (kind, arg) not in OPTIONAL_ARGS:
            errors[arg] = tr("num_empty", lang)
            continue
        values[arg] = v
    spec = build_spec(p, kind, values)
    store[p.name] = (kind, values, spec, bool(errors))
    changed = not same_spec(spec, p.dist.to_spec()) or bool(errors)
    return Edit(kind, shown, texts, values, spec, changed, errors)


def draw_parameter(entry: Entry, p: Parameter, lang: str, edit: Edit) -> None:
    """Draw the editor of one parameter as :func:`read_edit` read it: its title (marked when
    changed), the distribution kind, a field per number (with a message under a field whose
    text could not be read), its mean, 90 % range and sources."""
    unit = p.unit.sv if lang == "sv" else p.unit.en
    help_text = p.description.get(lang) or p.description.get("sv") or ""
    note = p.note_text(lang)
    if note:
        help_text += f"\n\n{tr('note', lang)}: {note}"
    badge = f" :orange-badge[{tr('changed', lang)}]" if edit.changed else ""
    st.markdown(f"**{md(param_label(p, lang))}** · {md(unit)}{badge}", help=md(help_text) or None)
    kinds = kinds_for(p)
    kind_key = _kind_key(entry, p)
    st.selectbox(
        tr("dist_kind", lang),
        kinds,
        index=initial_index(kind_key, kinds, edit.kind),
        format_func=lambda k: tr(f"dist_{k}", lang),
        key=kind_key,
        label_visibility="collapsed",
    )
    cites = citations(entry.scenario, p, lang)
    fields = list(edit.shown)
    slots = list(st.columns(3, gap="small"))
    if len(fields) > 3:
        slots += st.columns(3, gap="small")
    for i, arg in enumerate(fields):
        key = _arg_key(entry, p, edit.kind, arg)
        if key not in st.session_state:
            st.session_state[key] = edit.texts[arg]
        slots[i].text_input(
            arg_label(edit.kind, arg, lang),
            key=key,
            placeholder="–" if (edit.kind, arg) in OPTIONAL_ARGS else None,
            help=field_help(
                param_label(p, lang), p.unit, edit.kind, arg, [c.text for c in cites], lang
            ),
        )
        if arg in edit.errors:
            slots[i].error(edit.errors[arg], icon=None)
    stats = dist_stats(spec_key(edit.spec))
    lines = []
    if stats is not None:
        mean, p5, p95 = stats
        line = tr("mean_is", lang, x=value_text(nice(mean), p, lang))
        if not math.isclose(p5, p95):
            line += " · " + tr(
                "range_is",
                lang,
                low=value_text(round3(p5), p, lang),
                high=value_text(round3(p95), p, lang),
            )
        lines.append(line)
    lines.append(f"{tr('source', lang)}: {md('; '.join(c.text for c in cites))}")
    files = sorted({c.file for c in cites if c.file})
    st.caption(
        "  \n".join(lines),
        help=f"{tr('source_file', lang)}: {md(', '.join(files))}" if files else None,
    )
