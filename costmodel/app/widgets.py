"""The editor of one parameter (Anpassa) and the pure helpers behind it.

:func:`edit_parameter` draws a parameter's distribution kind, its numbers (each with its help
from :mod:`.field_help`), unit, mean, 90 % range and source, and returns its YAML value. The
helpers have no Streamlit calls:
:func:`kinds_for` (the kinds offered for a parameter; never :data:`UNBOUNDED_KINDS` for a
bounded one), :func:`arg_fields`, :func:`suggest_args` (starting numbers for a new kind),
:func:`build_spec`, :func:`same_spec`, :func:`spec_key`, :func:`dist_stats`,
:func:`value_text` and :func:`param_label`.
"""

from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import streamlit as st

from ..scenario import Parameter
from ..scenario.distributions import KINDS, Distribution, parse
from ..scenario.units import Unit
from ..text import fmt
from ..views.sources import citations
from .common import initial_index, md, slug
from .field_help import field_help
from .numbers import Unreadable, input_text, parse_number
from .state import Entry
from .words import tr

# the editable numbers of each distribution kind, in display order
ARG_FIELDS: dict[str, list[str]] = {
    "fixed": ["value"],
    "uniform": ["low", "high"],
    "triangular": ["low", "mode", "high"],
    "pert": ["low", "mode", "high"],
    "normal": ["mean", "sd", "low", "high"],
    "lognormal": ["mean", "sd"],
    "interval90": ["low", "high"],
    "beta": ["alpha", "beta"],
    "gamma": ["shape", "scale"],
    "poisson": ["mean"],
}
OPTIONAL_ARGS = {("normal", "low"), ("normal", "high")}
UNITLESS_ARGS = {"alpha", "beta", "shape", "lambda"}
UNBOUNDED_KINDS = ("lognormal", "interval90", "gamma", "poisson")
# Poisson draws whole numbers: only for counts, never for amounts or durations
COUNT_DIMENSIONS = ("count", "count/time", "offences", "offences/time", "offences/youth-time")


# --- parameter specs --------------------------------------------------------------------------


def _nice(x: float) -> float:
    """``x`` rounded to four significant digits (suggested numbers for a new distribution)."""
    if x == 0 or not math.isfinite(x):
        return 0.0
    digits = 3 - math.floor(math.log10(abs(x)))
    v = round(x, digits)
    return float(int(v)) if v == int(v) else v


def _round3(x: float) -> float:
    """``x`` to three significant digits (noisy sampled percentiles)."""
    if x == 0 or not math.isfinite(x):
        return x
    return round(x, 2 - math.floor(math.log10(abs(x))))


def kinds_for(p: Parameter) -> list[str]:
    """The distribution kinds offered for ``p``: those that can stay inside its unit's range
    (a share cannot be lognormal), and always its current kind."""
    bounded = math.isfinite(p.unit.high)
    # beta lives on 0-1: offered where the unit ends at 1 and allows 0 (shares, probabilities,
    # and effects, whose range -1..1 also allows harm; a beta then claims no harm)
    on_unit_interval = p.unit.low <= 0 and p.unit.high == 1

    def offered(kind: str) -> bool:
        if kind == p.dist.kind:
            return True
        if (bounded or p.bounded) and kind in UNBOUNDED_KINDS:
            return False
        if p.bounded and kind == "normal":  # the method needs a bounded value above 0
            return False
        if kind == "beta" and not on_unit_interval:
            return False
        return kind != "poisson" or p.unit.dimension in COUNT_DIMENSIONS

    return [k for k in KINDS if offered(k)]


def arg_fields(kind: str, dist: Distribution) -> list[str]:
    fields = list(ARG_FIELDS[kind])
    if kind == "pert" and dist.kind == "pert" and "lambda" in dist.args():
        fields.append("lambda")
    return fields


def suggest_args(dist: Distribution, kind: str, unit: Unit) -> dict[str, float | None]:
    """Starting numbers for ``kind`` that describe roughly the same uncertainty as ``dist``."""
    if kind == dist.kind:
        args: dict[str, float | None] = {k: float(v) for k, v in dist.args().items()}
        for f in ARG_FIELDS[kind]:
            args.setdefault(f, None)
        return args
    x = dist.sample(np.random.default_rng(0), 20_000)
    mean = float(np.mean(x))
    sd = float(np.std(x))
    p5, p95 = (float(v) for v in np.percentile(x, [5, 95]))
    lo, hi = dist.support()
    lo = lo if math.isfinite(lo) else p5
    hi = hi if math.isfinite(hi) else p95
    c = min(max(dist.central(), lo), hi)
    if sd <= 0:
        sd = abs(mean) * 0.2 or 1.0
    if kind == "fixed":
        return {"value": _nice(c)}
    if kind == "uniform":
        return {"low": _nice(lo), "high": _nice(hi)}
    if kind in ("triangular", "pert"):
        return {"low": _nice(lo), "mode": _nice(c), "high": _nice(hi)}
    if kind == "normal":
        return {
            "mean": _nice(mean),
            "sd": _nice(sd),
            "low": unit.low,
            "high": unit.high if math.isfinite(unit.high) else None,
        }
    if kind == "lognormal":
        m = mean if mean > 0 else 1.0
        return {"mean": _nice(m), "sd": _nice(sd)}
    if kind == "interval90":
        a = p5 if p5 > 0 else max(p95 / 100, 1e-6)
        b = p95 if p95 > a else a * 10
        return {"low": _nice(a), "high": _nice(b)}
    if kind == "beta":
        m = min(max(mean, 0.01), 0.99)
        s_ = min(sd, 0.9 * math.sqrt(m * (1 - m)))
        k = m * (1 - m) / (s_ * s_) - 1
        return {"alpha": _nice(m * k), "beta": _nice((1 - m) * k)}
    if kind == "gamma":
        m = mean if mean > 0 else 1.0
        shape = (m / sd) ** 2
        return {"shape": _nice(shape), "scale": _nice(m / shape)}
    if kind == "poisson":
        return {"mean": _nice(mean if mean > 0 else 1.0)}
    raise KeyError(kind)


def build_spec(p: Parameter, kind: str, values: dict[str, float | None]) -> Any:
    """The YAML value for ``kind`` with ``values``; keeps the original's extra keys if the kind
    is unchanged (a stated ``central`` still inside the range, an interval's ``shape``)."""
    if kind == "fixed":
        v = values.get("value")
        return float(v) if v is not None else None
    spec: dict[str, Any] = {"dist": kind}
    original = p.dist.to_spec()
    if kind == p.dist.kind and isinstance(original, dict):
        spec.update({k: v for k, v in original.items() if k not in ("dist", *values)})
    for k, v in values.items():
        if v is not None:
            spec[k] = float(v)
    if "central" in spec:
        dist = parse({k: v for k, v in spec.items() if k != "central"}, lambda *_: None)
        lo, hi = dist.support() if dist else (math.inf, -math.inf)
        if not lo <= spec["central"] <= hi:
            del spec["central"]
    return spec


def same_spec(a: Any, b: Any) -> bool:
    """Equal YAML values, with numbers compared to 12 significant digits."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_spec(a[k], b[k]) for k in a)
    if isinstance(a, int | float) and isinstance(b, int | float) and not isinstance(a, bool):
        return math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=1e-12)
    return bool(a == b)


def spec_key(spec: Any) -> str:
    return json.dumps(spec, sort_keys=True)


@functools.lru_cache(maxsize=4096)
def dist_stats(spec_json: str) -> tuple[float, float, float] | None:
    """Mean, 5th and 95th percentile of a YAML value (None if it is not a valid distribution)."""
    dist = parse(json.loads(spec_json), lambda *_: None)
    if dist is None:
        return None
    x = dist.sample(np.random.default_rng(12345), 20_000)
    p5, p95 = np.percentile(x, [5, 95])
    return float(dist.mean()), float(p5), float(p95)


# --- the editor -------------------------------------------------------------------------------


def value_text(x: float, p: Parameter, lang: str) -> str:
    """A parameter value in its unit, Swedish style: '2 726 000 kr/år', '30 %', '6 månader'."""
    if p.unit.dimension == "share":  # shares, probabilities and effects
        return fmt.percent(x, lang)
    decimals = 0 if abs(x) >= 100 else 1 if abs(x) >= 10 else 2
    num = fmt.number(x, lang, decimals)
    unit = p.unit.sv if lang == "sv" else p.unit.en
    if lang == "en" and unit.startswith("SEK"):
        return f"SEK {num}{unit[3:]}"
    return f"{num} {unit}"


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
    """After a language switch: rewrite the numbers typed in the parameter fields in the new
    language's form ('1,5' -> '1.5'); text that cannot be read stays as it was."""
    for key in [k for k in st.session_state if str(k).startswith("arg__")]:
        text = st.session_state[key]
        try:
            value = parse_number(text, old, money=True, share=True)
        except Unreadable:
            continue
        st.session_state[key] = input_text(value, new)


@dataclass(frozen=True)
class Edit:
    """What the editor of one parameter gives: its YAML value, whether it differs from the
    scenario's, and the labels of the fields whose text could not be read as a number (then
    the value is not used)."""

    spec: Any
    changed: bool
    unreadable: tuple[str, ...] = ()


def edit_parameter(entry: Entry, p: Parameter, lang: str) -> Edit:
    """Draw the editor of one parameter; return its YAML value and whether it differs."""
    store: dict[str, Any] = st.session_state.setdefault("_edits", {}).setdefault(entry.id, {})
    pslug = slug(p.name)
    stored = store.get(p.name)
    stored_kind = stored[0] if stored else p.dist.kind
    unit = p.unit.sv if lang == "sv" else p.unit.en
    original_spec = p.dist.to_spec()

    help_text = p.description.get(lang) or p.description.get("sv") or ""
    note = p.note_text(lang)
    if note:
        help_text += f"\n\n{tr('note', lang)}: {note}"
    kinds = kinds_for(p)
    kind_key = f"kind__{entry.slug}__{pslug}"
    title = st.empty()
    kind = st.selectbox(
        tr("dist_kind", lang),
        kinds,
        index=initial_index(kind_key, kinds, stored_kind),
        format_func=lambda k: tr(f"dist_{k}", lang),
        key=kind_key,
        label_visibility="collapsed",
    )
    kind = kind if kind in kinds else p.dist.kind
    defaults = (
        dict(stored[1]) if stored and stored[0] == kind else suggest_args(p.dist, kind, p.unit)
    )
    fields = arg_fields(kind, p.dist)
    values: dict[str, float | None] = {}
    unreadable: list[str] = []
    cites = citations(entry.scenario, p, lang)
    slots = list(st.columns(3, gap="small"))
    if len(fields) > 3:
        slots += st.columns(3, gap="small")
    for i, arg in enumerate(fields):
        label = arg_label(kind, arg, lang)
        default = defaults.get(arg)
        optional = (kind, arg) in OPTIONAL_ARGS
        key = f"arg__{entry.slug}__{pslug}__{kind}__{arg}"
        shown = input_text(default, lang)
        if key not in st.session_state:
            st.session_state[key] = shown
        text = slots[i].text_input(
            label,
            key=key,
            placeholder="–" if optional else None,
            help=field_help(param_label(p, lang), p.unit, kind, arg, [c.text for c in cites], lang),
        )
        if text == shown:  # untouched: the exact number, not its rounded text
            values[arg] = None if default is None else float(default)
            continue
        try:
            v = read_field(text, p, lang)
        except Unreadable as exc:
            unreadable.append(label)
            slots[i].error(tr(exc.reason, lang, text=md(exc.text)), icon=None)
            values[arg] = None if default is None else float(default)
            continue
        if v is None and not optional:
            unreadable.append(label)
            slots[i].error(tr("num_empty", lang), icon=None)
            values[arg] = None if default is None else float(default)
            continue
        values[arg] = v
    spec = build_spec(p, kind, values)
    store[p.name] = (kind, values, spec)
    changed = not same_spec(spec, original_spec) or bool(unreadable)
    badge = f" :orange-badge[{tr('changed', lang)}]" if changed else ""
    title.markdown(
        f"**{md(param_label(p, lang))}** · {md(unit)}{badge}", help=md(help_text) or None
    )

    stats = dist_stats(spec_key(spec))
    lines = []
    if stats is not None:
        mean, p5, p95 = stats
        line = tr("mean_is", lang, x=value_text(_nice(mean), p, lang))
        if not math.isclose(p5, p95):
            line += " · " + tr(
                "range_is",
                lang,
                low=value_text(_round3(p5), p, lang),
                high=value_text(_round3(p95), p, lang),
            )
        lines.append(line)
    lines.append(f"{tr('source', lang)}: {md('; '.join(c.text for c in cites))}")
    files = sorted({c.file for c in cites if c.file})
    st.caption(
        "  \n".join(lines),
        help=f"{tr('source_file', lang)}: {md(', '.join(files))}" if files else None,
    )
    return Edit(spec, changed, tuple(unreadable))
