"""The Streamlit dashboard: Översikt (overview), Anpassa (tune) and Jämför (compare).

``main()`` draws the page; ``app.py`` only calls it. The sidebar holds the language, the
scenario (shipped files, uploads and saved variants), the perspective switch (the municipal
budget or society as a whole) and the number of simulations. Three tabs follow:

- Översikt: KPI cards, one plain sentence, the cumulative net benefit with its 90 % band, and
  who gains per payer.
- Anpassa: every parameter editable (value, or distribution type and its numbers) with its unit
  and source; results recompute on change, with deltas against the original scenario; the
  tuned scenario downloads as YAML that loads back to the same numbers.
- Jämför: two or more scenarios side by side.

Runs are cached on the scenario's YAML text, the iterations and the seed, so a parameter change
recomputes in milliseconds. Nothing here is sent over the network. The pure helpers (loading
uploads, building parameter specs, computing a :class:`View`) have no Streamlit calls and are
tested directly.
"""

from __future__ import annotations

import copy
import functools
import json
import math
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import streamlit as st

from .. import __version__, engine, scenario
from ..errors import Problem, ScenarioError
from ..scenario import Parameter, Scenario, priceindex, yamlload
from ..scenario.distributions import KINDS, Distribution, parse
from ..scenario.payers import PAYERS, SOCIETY, payer_label
from ..scenario.units import Unit
from ..text import fmt, messages
from ..text.i18n import t as core_t
from ..views.table import headline
from . import charts
from .words import LANG_NAMES, tr, years

SCENARIO_DIR = Path(
    os.environ.get("COSTMODEL_SCENARIO_DIR") or Path(__file__).resolve().parents[2] / "scenarios"
)
DEFAULT_FILE = "vaxjo.yaml"
TEMPLATE_FILE = "mall.yaml"
MAX_ITERATIONS = 200_000
ITERATION_CHOICES = [0, 1_000, 10_000, 50_000, 100_000, MAX_ITERATIONS]  # 0: the scenario's own
VIEWS = ("kommun", SOCIETY)
BAND_KEYS = ("p5", "p25", "p50", "p75", "p95")
OVERVIEW_PAYERS = ("kommun", "stat", "region", "brottsoffer")

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


# --- scenarios --------------------------------------------------------------------------------


# links and images need [ ] and !; code spans and emphasis need ` and *; \ escapes them all
_MD_SPECIAL = re.compile(r"([\\`*\[\]!])")


def md(text: object) -> str:
    """Text from a scenario or an upload, escaped so Streamlit's markdown shows it literally.

    Without this a scenario name like ``![x](http://host/pixel.png)`` would make the browser
    fetch from another host; the dashboard promises that nothing leaves this computer.
    """
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def slug(text: str) -> str:
    """A key- and CSS-safe form of ``text``: lower-case letters, digits and underscores."""
    folded = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", folded).strip("_") or "x"


@dataclass(frozen=True)
class Entry:
    """One scenario the user can pick: a shipped file, an upload, or a saved variant."""

    id: str
    kind: str  # "shipped" | "uploaded" | "variant"
    scenario: Scenario
    source: str  # file name shown to the user and used for downloads

    @property
    def slug(self) -> str:
        return slug(self.id)

    @functools.cached_property
    def yaml_text(self) -> str:
        """The standalone YAML of the scenario: the cache key of its runs."""
        return scenario.to_yaml(self.scenario.data)

    def label(self, lang: str) -> str:
        word = {"shipped": "", "uploaded": tr("uploaded", lang), "variant": tr("variant", lang)}[
            self.kind
        ]
        title = self.scenario.meta.title(lang)
        return f"{title} · {word}" if word else title


def _load_file(path: str, mtime: float) -> tuple[Scenario | None, list[Problem]]:
    del mtime  # part of the cache key only
    try:
        return scenario.load(path), []
    except ScenarioError as exc:
        return None, exc.problems


_load_file_cached = st.cache_data(show_spinner=False, max_entries=64)(_load_file)


def shipped_entries(
    folder: Path | None = None,
) -> tuple[list[Entry], list[tuple[str, list[Problem]]]]:
    """The readable scenario files in ``folder`` (the default first) and the broken ones."""
    folder = SCENARIO_DIR if folder is None else folder
    entries: list[Entry] = []
    broken: list[tuple[str, list[Problem]]] = []
    # the default first, the template (mall) last, the rest by name
    files = sorted(
        folder.glob("*.yaml"),
        key=lambda p: (p.name != DEFAULT_FILE, p.name == TEMPLATE_FILE, p.stem),
    )
    # a file may extend another: any change in the folder invalidates every cached load
    stamp = max((p.stat().st_mtime for p in files), default=0.0)
    for path in files:
        s, problems = _load_file_cached(str(path), stamp)
        if s is None:
            broken.append((path.name, problems))
        else:
            entries.append(Entry(f"file:{path.name}", "shipped", s, path.name))
    return entries, broken


def parse_upload(
    name: str, data: bytes, lang: str = "sv", folder: Path | None = None
) -> tuple[Scenario | None, list[Problem]]:
    """Read an uploaded scenario; every problem comes back as a :class:`Problem`, never raised.

    An upload may ``extends:`` a shipped scenario by its bare file name, nothing else, so an
    upload can never make the server read other files.
    """
    folder = SCENARIO_DIR if folder is None else folder
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, [Problem(name, 0, "", tr("not_utf8", lang), tr("not_utf8_expected", lang))]
    try:
        doc = yamlload.parse_text(text, name)
        if isinstance(doc.data, dict) and "extends" in doc.data:
            ext = doc.data["extends"]
            allowed = sorted(p.name for p in folder.glob("*.yaml"))
            if not isinstance(ext, str) or ext not in allowed:
                return None, [
                    Problem(
                        name,
                        doc.line_of(("extends",)),
                        "extends",
                        f"{tr('extends_outside', lang)} ({ext!r})",
                        tr("extends_outside_expected", lang, names=", ".join(allowed)),
                    )
                ]
        return scenario.loads(text, name=name, base_dir=folder), []
    except ScenarioError as exc:
        return None, exc.problems
    except Exception as exc:  # a bug in the core must not crash the page
        return None, [Problem(name, 0, "", f"{type(exc).__name__}: {exc}", "")]


def problem_lines(problems: list[Problem], lang: str, located: bool = True) -> list[str]:
    """One readable line per problem: 'rad 12 · key.path: message (förväntat: ...)'.

    With ``located=False`` (an edit made in the page, not a file the user wrote) the line and
    path are left out; only the field of the distribution (low, mode, ...) is named.
    """
    out = []
    for p in problems:
        message, expected = (md(t) for t in messages.localize(p, lang))
        exp = f" ({tr('expected', lang)}: {expected})" if expected else ""
        if located:
            where = tr("problem_line", lang, line=p.line) if p.line else md(p.file)
            key = f" · `{p.path.replace('`', '')}`" if p.path else ""
            out.append(f"{where}{key}: {message}{exp}")
        else:
            _, sep, field = p.path.rpartition(".value.")
            field = field if sep else ""
            out.append(f"{md(field) + ': ' if field else ''}{message}{exp}")
    return out


# --- runs -------------------------------------------------------------------------------------


@dataclass
class View:
    """What the pages draw from one run, per perspective in :data:`VIEWS`."""

    summaries: dict[str, dict[str, Any]]
    nets: dict[str, np.ndarray]  # (n,) discounted net benefit
    bands: dict[str, dict[str, np.ndarray]]  # cumulative net by year: p5..p95 and mean
    iterations: int
    seed: int
    price_year: int
    horizon: int
    sha256: str


def compute_view(s: Scenario, iterations: int, seed: int) -> View:
    """Run ``s`` and keep the summaries, net arrays and bands both views need."""
    r = engine.run(s, iterations=iterations, seed=seed)
    summaries: dict[str, dict[str, Any]] = {}
    nets: dict[str, np.ndarray] = {}
    bands: dict[str, dict[str, np.ndarray]] = {}
    for persp in VIEWS:
        summaries[persp] = r.summary(persp)
        nets[persp] = r.net(persp)
        cum = r.cumulative_net(persp)
        qs = np.percentile(cum, [5, 25, 50, 75, 95], axis=0)
        bands[persp] = {k: qs[i] for i, k in enumerate(BAND_KEYS)}
        bands[persp]["mean"] = cum.mean(axis=0)
    return View(
        summaries, nets, bands, r.n, r.stamp.seed, s.meta.price_year, s.meta.horizon_years, s.sha256
    )


def _view(yaml_text: str, iterations: int, seed: int, _s: Scenario) -> View:
    del yaml_text  # the cache key; ``_s`` is the same scenario, already validated
    return compute_view(_s, iterations, seed)


_view_cached = st.cache_data(show_spinner=False, max_entries=32)(_view)


def effective_iterations(s: Scenario, choice: int) -> int:
    """The iterations to run: the choice or the scenario's own, within the dashboard's cap."""
    n = choice or s.meta.iterations
    return max(1, min(n, MAX_ITERATIONS, engine.max_iterations(s)))


class RunFailed(Exception):
    """A scenario that validates but cannot be run (e.g. a division by zero in its inputs)."""


def get_view(entry: Entry, choice: int) -> View:
    """The cached view of ``entry``; a spinner shows if the run takes more than half a second."""
    n = effective_iterations(entry.scenario, choice)
    try:
        with st.spinner(tr("computing", _lang())):
            return _view_cached(entry.yaml_text, n, entry.scenario.meta.seed, entry.scenario)
    except (ValueError, ArithmeticError) as exc:  # engine.TooLarge is a ValueError
        raise RunFailed(str(exc)) from None


# --- tuning: parameter specs ------------------------------------------------------------------


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


MINUS = {"sv": "\u2212", "en": "-"}
UNBOUNDED_KINDS = ("lognormal", "interval90", "gamma", "poisson")
PAGE_KEYS = ("tab_overview", "tab_tune", "tab_compare")
# Poisson draws whole numbers: only for counts, never for amounts or durations
COUNT_DIMENSIONS = ("count", "count/time", "offences", "offences/time", "offences/youth-time")


def _initial_index(key: str, options: list[Any], value: Any) -> int:
    """``index=`` for a keyed widget: the wanted option on first creation, else 0 (the state
    already holds the choice; a non-zero index would make Streamlit warn about it)."""
    if key in st.session_state or value not in options:
        return 0
    return options.index(value)


def kinds_for(p: Parameter) -> list[str]:
    """The distribution kinds offered for ``p``: those that can stay inside its unit's range
    (a share cannot be lognormal), and always its current kind."""
    bounded = math.isfinite(p.unit.high)
    share = p.unit.low == 0 and p.unit.high == 1

    def offered(kind: str) -> bool:
        if kind == p.dist.kind:
            return True
        if (bounded or p.bounded) and kind in UNBOUNDED_KINDS:
            return False
        if p.bounded and kind == "normal":  # the method needs a bounded value above 0
            return False
        if kind == "beta" and not share:  # beta lives on 0-1: only shares and probabilities
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


def _check_change(yaml_text: str, name: str, spec_json: str, _s: Scenario) -> list[Problem]:
    del yaml_text
    try:
        scenario.with_values(_s, {name: json.loads(spec_json)})
    except ScenarioError as exc:
        return exc.problems
    return []


_check_change_cached = st.cache_data(show_spinner=False, max_entries=1024)(_check_change)


def _tuned(yaml_text: str, changes_json: str, name: str, _s: Scenario) -> Scenario:
    del yaml_text
    return scenario.with_values(_s, json.loads(changes_json), name=name)


_tuned_cached = st.cache_data(show_spinner=False, max_entries=64)(_tuned)


def tuned_yaml(original: Entry, tuned: Scenario, changed: list[str], lang: str) -> str:
    """The download: a comment saying where it came from, then the standalone YAML."""
    head = tr(
        "yaml_header",
        lang,
        file=original.source,
        sha=original.scenario.short_hash,
        changed=", ".join(changed) if changed else tr("none", lang),
    )
    data = copy.deepcopy(tuned.data)
    for name in changed:
        before = original.scenario.parameters.get(name)
        after = tuned.parameters.get(name)
        if before is None or after is None:
            continue
        node: Any = data
        for part in after.path:
            node = node[part]
        # the old note justified the old value: say in the file that it was changed
        marks = {k: tr("note_changed", k, was=str(before.dist)) for k in LANG_NAMES}
        old_note = node.get("note")
        if isinstance(old_note, dict):
            node["note"] = {k: f"{marks[k]} {v}" for k, v in old_note.items()}
        else:
            node["note"] = {k: f"{marks[k]} {old_note or ''}".strip() for k in ("sv", "en")}
    return head + scenario.to_yaml(data)


# --- formatting helpers -----------------------------------------------------------------------


def _lang() -> str:
    lang = st.session_state.get("lang", "sv")
    return lang if lang in LANG_NAMES else "sv"


def kpi_money(x: float | None, lang: str) -> str:
    """KPI amounts in millions: '1,8 mnkr'; under a million with two decimals ('0,21 mnkr')."""
    if x is None:
        return "–"
    return fmt.mkr(x, lang, 1 if abs(x) >= 1e6 else 2)


def metric_delta(x: float, text: Callable[[float], str]) -> str | None:
    """A delta for st.metric, or None (no arrow) when the change rounds to zero as shown."""
    return None if text(abs(x)) == text(0.0) else signed(x, text)


def signed(x: float, text: Callable[[float], str], minus: str = "-") -> str:
    """A signed change: '+0,3 mnkr' or '-0,3 mnkr'. st.metric needs the ASCII '-' to point its
    arrow down; running text and tables pass the typographic minus (U+2212) for Swedish."""
    return (minus if x < 0 else "+") + text(abs(x))


def value_text(x: float, p: Parameter, lang: str) -> str:
    """A parameter value in its unit, Swedish style: '2 726 000 kr/år', '30 %', '6 månader'."""
    if p.unit.id in ("share", "probability"):
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


def _input_format(p: Parameter, arg: str, value: float | None) -> tuple[float, str]:
    if arg in UNITLESS_ARGS:
        return 0.1, "%g"
    if p.unit.id in ("share", "probability"):
        return 0.01, "%g"
    v = abs(value or 0.0)
    if v >= 1000:
        step = 10_000.0 if v >= 100_000 else 1_000.0 if v >= 10_000 else 100.0
        return step, "%.0f" if value is None or float(value).is_integer() else "%.2f"
    return (1.0 if v >= 10 else 0.1), "%g"


# --- widgets ----------------------------------------------------------------------------------


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


def edit_parameter(entry: Entry, p: Parameter, lang: str) -> tuple[Any, bool]:
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
        index=_initial_index(kind_key, kinds, stored_kind),
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
    slots = list(st.columns(3, gap="small"))
    if len(fields) > 3:
        slots += st.columns(3, gap="small")
    for i, arg in enumerate(fields):
        arg_name = f"arg_{arg}"
        if kind == "interval90":
            arg_name = f"arg_{arg}90"
        elif kind == "normal" and arg in ("low", "high"):
            arg_name = f"arg_{arg}_trunc"
        label = tr(arg_name, lang)
        default = defaults.get(arg)
        step, fmt_ = _input_format(p, arg, default)
        optional = (kind, arg) in OPTIONAL_ARGS
        v = slots[i].number_input(
            label,
            value=None if default is None else float(default),
            step=step,
            format=fmt_,
            key=f"arg__{entry.slug}__{pslug}__{kind}__{arg}",
            placeholder="–" if optional else None,
        )
        values[arg] = None if v is None else float(v)
    spec = build_spec(p, kind, values)
    store[p.name] = (kind, values, spec)
    changed = not same_spec(spec, original_spec)
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
    refs = md("; ".join(str(r) for r in p.references))
    lines.append(f"{tr('source', lang)}: {refs}")
    st.caption("  \n".join(lines))
    return spec, changed


def interval_text(p5: float, p95: float, lang: str) -> str:
    """The caption under a net-benefit KPI: '90 % intervall: −0,15 mnkr till 3,5 mnkr'."""
    return tr("kpi_interval", lang, low=kpi_money(p5, lang), high=kpi_money(p95, lang))


def kpi_cards(
    summary: dict[str, Any], lang: str, ref: dict[str, Any] | None = None, key: str = ""
) -> None:
    """Four KPI cards; with ``ref`` each shows its change against the reference run."""
    net = summary["net_benefit"]
    prob = summary["probability_net_benefit_positive"]
    cpy = summary.get("cost_per_youth")
    be = summary.get("break_even_year")
    h = summary["horizon_years"]
    c1, c2, c3, c4 = st.columns(4, gap="small")
    d_net = d_prob = d_cpy = d_be = None
    if ref is not None:
        d_net = metric_delta(net["mean"] - ref["net_benefit"]["mean"], lambda x: kpi_money(x, lang))
        dp = 100 * (prob - ref["probability_net_benefit_positive"])
        d_prob = metric_delta(dp, lambda x: tr("delta_pp", lang, x=fmt.number(x, lang, 0)))
        rc = ref.get("cost_per_youth")
        if cpy is not None and rc is not None:
            d_cpy = metric_delta(cpy - rc, lambda x: kpi_money(x, lang))
        rb = ref.get("break_even_year")
        if be is not None and rb is not None and be != rb:
            d_be = metric_delta(be - rb, lambda x: tr("delta_years", lang, x=fmt.number(x, lang)))
    with c1.container(border=True, key=f"kpi_net{key}"):
        st.metric(
            tr("kpi_net", lang),
            kpi_money(net["mean"], lang),
            delta=d_net,
            help=tr("kpi_net_help", lang),
        )
        st.caption(interval_text(net["p5"], net["p95"], lang))
    with c2.container(border=True, key=f"kpi_prob{key}"):
        st.metric(
            tr("kpi_prob", lang),
            fmt.percent(prob, lang),
            delta=d_prob,
            help=tr("kpi_prob_help", lang),
        )
        st.caption(tr("kpi_prob_caption", lang, n=fmt.number(summary["iterations"], lang)))
    with c3.container(border=True, key=f"kpi_cpy{key}"):
        st.metric(
            tr("kpi_cpy", lang),
            kpi_money(cpy, lang),
            delta=d_cpy,
            delta_color="inverse",
            help=tr("kpi_cpy_help", lang),
        )
        youths = summary.get("youths")
        st.caption(
            tr("kpi_cpy_caption", lang, youths=fmt.number(youths, lang, 1))
            if youths
            else tr("kpi_cpy_missing", lang)
        )
    with c4.container(border=True, key=f"kpi_be{key}"):
        st.metric(
            tr("kpi_be", lang),
            tr("kpi_be_value", lang, year=be)
            if be
            else tr("kpi_be_never_short", lang, h=years(h, lang)),
            delta=d_be,
            delta_color="inverse",
            help=tr("kpi_be_help", lang),
        )
        st.caption(
            tr("kpi_be_caption", lang, h=years(h, lang)) if be else tr("kpi_be_never_caption", lang)
        )


def sentence(summary: dict[str, Any], lang: str) -> str:
    """The core's one-sentence headline, with amounts rounded to whole thousands of kronor."""
    rounded = dict(summary)
    rounded["net_benefit"] = {
        k: (round(v, -3) if v is not None else None) for k, v in summary["net_benefit"].items()
    }
    return headline(rounded, lang)


def _plot(fig: Any, key: str) -> None:
    st.plotly_chart(
        fig,
        key=key,
        theme=None,
        config={
            "displaylogo": False,
            "responsive": True,
            "modeBarButtonsToRemove": ["lasso2d", "select2d"],
        },
    )


def _persp_label(persp: str, lang: str) -> str:
    return tr(f"view_{persp}", lang)


# --- pages ------------------------------------------------------------------------------------


def overview_page(entry: Entry, view: View, persp: str, lang: str) -> None:
    s = entry.scenario
    summary = view.summaries[persp]
    st.subheader(md(s.meta.title(lang)))
    st.info(sentence(summary, lang))
    kpi_cards(summary, lang, key="_overview")
    left, right = st.columns(2, gap="medium")
    with left:
        _plot(
            charts.fan_chart(view.bands[persp], lang, _persp_label(persp, lang), view.price_year),
            "fan_chart",
        )
    with right:
        by_payer = view.summaries[SOCIETY]["by_payer"]
        rows = []
        for payer in [*OVERVIEW_PAYERS, *(p for p in PAYERS if p not in OVERVIEW_PAYERS)]:
            if payer in by_payer:
                nb = by_payer[payer]["net_benefit"]
                rows.append((payer, payer_label(payer, lang), nb["mean"], nb["p5"], nb["p95"]))
        _plot(charts.payer_bars(rows, lang, view.price_year), "payer_bars")
        absent = [payer_label(p, lang) for p in OVERVIEW_PAYERS if p not in by_payer]
        notes = [
            tr(
                "society_hint",
                lang,
                total=fmt.money(round(by_payer[SOCIETY]["net_benefit"]["mean"], -3), lang),
            )
        ]
        if absent:
            notes.append(tr("payers_absent", lang, names=", ".join(absent)))
        st.caption(" ".join(notes))
    with st.expander(tr("about_scenario", lang)):
        m = s.meta
        st.markdown(md(m.about(lang)))
        facts = [
            (tr("meta_kommun", lang), md(m.kommun) or "–"),
            (tr("col_method", lang), s.method_label(lang)),
            (core_t("price_year", lang), str(m.price_year)),
            (core_t("horizon", lang), years(m.horizon_years, lang)),
            (core_t("discount_rate", lang), fmt.percent(m.discount_rate, lang, 1)),
            (tr("meta_default_persp", lang), payer_label(m.perspective, lang)),
            (core_t("iterations", lang), fmt.number(view.iterations, lang)),
            (core_t("seed", lang), str(view.seed)),
            (tr("meta_file", lang), f"{md(entry.source)} (sha256 {s.short_hash})"),
        ]
        st.markdown("\n".join(f"- **{k}:** {v}" for k, v in facts))
        if s.notes:
            st.markdown(f"**{tr('notes', lang)}:** {md(s.notes)}")


def tune_page(
    entry: Entry, view: View, persp: str, lang: str, iterations_choice: int
) -> Entry | None:
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
                        problems = _check_change_cached(entry.yaml_text, p.name, spec_key(spec), s)
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
            tuned = _tuned_cached(entry.yaml_text, changes_json, variant_name, s)
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
        _plot(
            charts.net_histogram(
                tview.nets[persp],
                lang,
                _persp_label(persp, lang),
                tview.price_year,
                original=view.nets[persp] if specs else None,
            ),
            "net_histogram",
        )
        cats = [
            (d["label"].get(lang) or d["label"]["sv"], d["kind"], d["mean"])
            for d in tview.summaries[persp]["by_category"].values()
        ]
        _plot(
            charts.category_waterfall(cats, lang, _persp_label(persp, lang), tview.price_year),
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
    return tuned_entry


def tune_summary(summary: dict[str, Any], ref: dict[str, Any] | None, lang: str) -> str:
    """One line beside the assumptions, so the result stays in view while scrolling them."""
    net = summary["net_benefit"]["mean"]
    prob = summary["probability_net_benefit_positive"]
    text = f"{tr('kpi_net', lang)}: **{kpi_money(net, lang)}**"
    if ref is not None:
        d_net = net - ref["net_benefit"]["mean"]
        text += f" ({signed(d_net, lambda x: kpi_money(x, lang), minus=MINUS[lang])})"
    text += f" · {tr('kpi_prob', lang)}: **{fmt.percent(prob, lang)}**"
    if ref is not None:
        dp = 100 * (prob - ref["probability_net_benefit_positive"])
        pp = signed(dp, lambda x: tr("delta_pp", lang, x=fmt.number(x, lang)), minus=MINUS[lang])
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


def same_numbers(a: Scenario, b: Scenario) -> bool:
    """True when two scenarios compute the same thing (names and notes aside)."""
    keys = ("price_year", "horizon_years", "discount_rate", "iterations", "seed", "intake_years")
    return (
        a.method == b.method
        and all(getattr(a.meta, k) == getattr(b.meta, k) for k in keys)
        and {n: p.dist for n, p in a.parameters.items()}
        == {n: p.dist for n, p in b.parameters.items()}
    )


def compare_page(
    entries: list[Entry],
    current: Entry,
    tuned: Entry | None,
    persp: str,
    lang: str,
    iterations_choice: int,
) -> None:
    st.caption(tr("compare_intro", lang))
    pool = {e.id: e for e in entries}
    if tuned is not None:
        pool[tuned.id] = tuned
    labels = {
        eid: (e.scenario.meta.name if eid.startswith("tuned:") else e.label(lang))
        for eid, e in pool.items()
    }
    default = [current.id]
    saved = [
        e for e in pool.values() if e.kind == "variant" and (tuned is None or e.id != tuned.id)
    ]
    # the tuned version is preselected unless it has just been saved as a variant
    if tuned is not None and not any(same_numbers(tuned.scenario, v.scenario) for v in saved):
        default.append(tuned.id)
    default += [v.id for v in saved if v.id not in default]
    if len(default) < 2:
        default += [eid for eid in pool if eid not in default][: 2 - len(default)]
    # follow the default (current scenario, its tuned version, saved variants) until the user
    # picks scenarios by hand; drop picks that no longer exist
    picked_ids: list[str] | None = st.session_state.get("compare_choice")
    if picked_ids is None or picked_ids == st.session_state.get("_compare_default"):
        st.session_state["compare_choice"] = default
    elif any(c not in pool for c in picked_ids):
        st.session_state["compare_choice"] = [c for c in picked_ids if c in pool]
    st.session_state["_compare_default"] = default
    chosen = st.multiselect(
        tr("compare_choice", lang),
        list(pool),
        format_func=lambda eid: labels.get(eid, eid),
        key="compare_choice",
    )
    chosen = [c for c in chosen if c in pool]
    if len(chosen) < 2:
        st.info(tr("compare_need_two", lang))
        return
    picked, views = [], []
    for c in chosen:
        try:
            views.append(get_view(pool[c], iterations_choice))
            picked.append(pool[c])
        except RunFailed as exc:
            st.error(f"{md(labels[c])}: {tr('run_failed', lang, what=md(exc))}")
    if len(picked) < 2:
        if len(chosen) >= 2:
            st.info(tr("compare_need_two", lang))
        return
    target = max(v.price_year for v in views)
    factors = [priceindex.factor(v.price_year, target) for v in views]
    st.caption(tr("compare_prices", lang, year=target))
    horizons = {v.horizon for v in views}
    if len(horizons) > 1:
        st.warning(
            tr(
                "compare_horizons",
                lang,
                list=", ".join(
                    f"{labels[e.id]}: {years(v.horizon, lang)}"
                    for e, v in zip(picked, views, strict=True)
                ),
            )
        )

    def money_stats(v: View, f: float) -> dict[str, Any]:
        s = v.summaries[persp]
        return {
            "mean": s["net_benefit"]["mean"] * f,
            "p5": s["net_benefit"]["p5"] * f,
            "p95": s["net_benefit"]["p95"] * f,
            "prob": s["probability_net_benefit_positive"],
            "cpy": s["cost_per_youth"] * f if s.get("cost_per_youth") is not None else None,
            "be": s.get("break_even_year"),
            "costs": s["costs"]["mean"] * f,
            "benefits": s["benefits"]["mean"] * f,
        }

    stats = [money_stats(v, f) for v, f in zip(views, factors, strict=True)]
    base = stats[0]
    per_row = min(len(picked), 4)
    for start in range(0, len(picked), per_row):
        cols = st.columns(per_row, gap="small")
        for i in range(start, min(start + per_row, len(picked))):
            e, stt = picked[i], stats[i]
            with cols[i - start].container(border=True, key=f"cmp_card_{i}"):
                st.markdown(f"**{md(labels[e.id])}**")
                d_net = d_prob = None
                if i > 0:
                    d_net = metric_delta(stt["mean"] - base["mean"], lambda x: kpi_money(x, lang))
                    d_prob = metric_delta(
                        100 * (stt["prob"] - base["prob"]),
                        lambda x: tr("delta_pp", lang, x=fmt.number(x, lang)),
                    )
                st.metric(tr("kpi_net", lang), kpi_money(stt["mean"], lang), delta=d_net)
                st.caption(interval_text(stt["p5"], stt["p95"], lang))
                st.metric(tr("kpi_prob", lang), fmt.percent(stt["prob"], lang), delta=d_prob)
                st.caption(
                    f"{tr('kpi_cpy', lang)}: {kpi_money(stt['cpy'], lang)} · "
                    f"{tr('kpi_be', lang).lower()}: "
                    + (
                        str(stt["be"])
                        if stt["be"]
                        else tr("kpi_be_never", lang, h=years(views[i].horizon, lang)).lower()
                    )
                )
    left, right = st.columns(2, gap="medium")
    with left:
        series = [
            (labels[e.id], v.nets[persp] * f)
            for e, v, f in zip(picked, views, factors, strict=True)
        ]
        _plot(
            charts.compare_distributions(series, lang, _persp_label(persp, lang), target),
            "compare_distributions",
        )
    with right:
        payers = [p for p in PAYERS if any(p in v.summaries[SOCIETY]["by_payer"] for v in views)]
        pseries = [
            (
                labels[e.id],
                [
                    v.summaries[SOCIETY]["by_payer"]
                    .get(p, {})
                    .get("net_benefit", {})
                    .get("mean", 0.0)
                    * f
                    for p in payers
                ],
            )
            for e, v, f in zip(picked, views, factors, strict=True)
        ]
        _plot(
            charts.compare_payers([payer_label(p, lang) for p in payers], pseries, lang, target),
            "compare_payers",
        )
    st.markdown(f"##### {tr('differences', lang, name=md(labels[picked[0].id]))}")
    table = compare_table(picked, views, stats, labels, lang)
    st.table({k: [r[k] for r in table] for k in table[0]}, hide_index=True)


def compare_table(
    picked: list[Entry],
    views: list[View],
    stats: list[dict[str, Any]],
    labels: dict[str, str],
    lang: str,
) -> list[dict[str, str]]:
    """Rows are measures, columns scenarios (easier to read side by side than the reverse)."""
    base = stats[0]
    measure = tr("col_measure", lang)
    names = [md(labels[e.id]) for e in picked]  # st.table renders headers as markdown
    if len(set(names)) < len(names):
        names = [f"{i + 1}. {n}" for i, n in enumerate(names)]

    def row(title: str, cells: list[str]) -> dict[str, str]:
        return {measure: title, **dict(zip(names, cells, strict=True))}

    def diff(i: int, text: Callable[[int], str]) -> str:
        return tr("baseline", lang) if i == 0 else text(i)

    return [
        row(tr("col_method", lang), [e.scenario.method_label(lang) for e in picked]),
        row(tr("col_horizon", lang), [years(v.horizon, lang) for v in views]),
        row(tr("col_net", lang), [fmt.money(round(s_["mean"], -3), lang) for s_ in stats]),
        row(
            tr("col_interval", lang),
            [f"{kpi_money(s_['p5'], lang)} – {kpi_money(s_['p95'], lang)}" for s_ in stats],
        ),
        row(tr("col_prob", lang), [fmt.percent(s_["prob"], lang) for s_ in stats]),
        row(tr("col_costs", lang), [fmt.money(round(s_["costs"], -3), lang) for s_ in stats]),
        row(tr("col_benefits", lang), [fmt.money(round(s_["benefits"], -3), lang) for s_ in stats]),
        row(
            tr("col_cpy", lang),
            [
                fmt.money(round(s_["cpy"], -3), lang) if s_["cpy"] is not None else "–"
                for s_ in stats
            ],
        ),
        row(
            tr("col_be", lang),
            [
                str(s_["be"]) if s_["be"] else tr("kpi_be_never", lang, h=years(v.horizon, lang))
                for s_, v in zip(stats, views, strict=True)
            ],
        ),
        row(
            tr("col_diff_net", lang),
            [
                diff(
                    i,
                    lambda i: signed(
                        stats[i]["mean"] - base["mean"],
                        lambda x: fmt.money(round(x, -3), lang),
                        minus=MINUS[lang],
                    ),
                )
                for i in range(len(stats))
            ],
        ),
        row(
            tr("col_diff_prob", lang),
            [
                diff(
                    i,
                    lambda i: signed(
                        100 * (stats[i]["prob"] - base["prob"]),
                        lambda x: tr("delta_pp", lang, x=fmt.number(x, lang)),
                        minus=MINUS[lang],
                    ),
                )
                for i in range(len(stats))
            ],
        ),
    ]


# --- the app ----------------------------------------------------------------------------------


def _on_upload() -> None:
    """Callback of the uploader: read the file, add it to the list and select it."""
    up = st.session_state.get("upload")
    if up is None:
        st.session_state.pop("_upload_msg", None)
        return
    lang = _lang()
    data = up.getvalue()
    s, problems = parse_upload(up.name, data, lang)
    if s is None:
        st.session_state["_upload_msg"] = ("error", up.name, problems)
        return
    uploads: dict[str, Entry] = st.session_state.setdefault("_uploads", {})
    eid = f"upload:{slug(up.name)}:{s.short_hash}"
    uploads[eid] = Entry(eid, "uploaded", s, up.name)
    st.session_state["scenario_choice"] = eid
    st.session_state["_upload_msg"] = ("ok", up.name, s.meta.name)


def sidebar(
    entries: list[Entry], broken: list[tuple[str, list[Problem]]], lang: str
) -> tuple[Entry | None, str, int]:
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
    sb.file_uploader(
        tr("upload", lang),
        type=["yaml", "yml"],
        key="upload",
        on_change=_on_upload,
        help=tr("upload_help", lang),
        max_upload_size=1,
    )
    entry = by_id.get(choice) if choice else None
    start = entry.scenario.meta.perspective if entry else SOCIETY
    if entry and st.session_state.get("_perspective_for") != entry.id:
        # a newly chosen scenario opens in its own declared view; the user may switch after
        st.session_state["_perspective_for"] = entry.id
        st.session_state["perspective"] = start if start in VIEWS else SOCIETY
    persp = (
        sb.radio(
            tr("perspective_switch", lang),
            VIEWS,
            index=_initial_index("perspective", list(VIEWS), start if start in VIEWS else SOCIETY),
            format_func=lambda v: tr(f"view_{v}", lang),
            key="perspective",
            help=tr("perspective_help", lang),
        )
        or SOCIETY
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
        with sb.expander(tr("broken_scenarios", lang, n=len(broken))):
            for name, problems in broken:
                st.markdown(f"**{md(name)}**")
                st.code(
                    "\n".join(messages.render(p, lang) for p in problems),
                    language=None,
                    wrap_lines=True,
                )
    return entry, persp, int(iterations)


def page_style(lang: str) -> str:
    """A little CSS: less empty space at the top, and the uploader's built-in English words
    replaced in Swedish mode (Streamlit does not translate them)."""
    upload = "Välj fil" if lang == "sv" else "Choose file"
    limit = "Högst 1 MB · YAML" if lang == "sv" else "At most 1 MB · YAML"
    drop = '.st-key-upload [data-testid="stFileUploaderDropzone"]'
    return f"""<style>
[data-testid="stMainBlockContainer"] {{ padding-top: 2.5rem; }}
@media (max-width: 640px) {{
  [data-testid="stLayoutWrapper"]:has(> .st-key-param_scroll) {{
    height: auto !important; flex: 0 0 auto !important; }}
  .st-key-param_scroll {{ overflow: visible !important; }}
}}
{drop} button p {{ font-size: 0 !important; }}
{drop} button p::after {{ content: "{upload}"; font-size: 0.875rem; }}
{drop} [data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0 !important; }}
{drop} [data-testid="stFileUploaderDropzoneInstructions"] span::after {{
  content: "{limit}"; font-size: 0.75rem; }}
</style>"""


TRANSLATED_CHOICES = ("perspective", "iterations", "scenario_choice", "compare_choice")


def _on_language_change() -> None:
    """Re-set the widgets whose option labels are translated, so the browser shows the same
    choice under its new label (Streamlit remembers a choice by its label)."""
    for key in list(st.session_state):
        k = str(key)
        if k in TRANSLATED_CHOICES or k.startswith("kind__"):
            st.session_state[k] = st.session_state[k]
    page = st.session_state.get("page")
    for page_key in PAGE_KEYS:
        if page in {tr(page_key, other) for other in LANG_NAMES}:
            st.session_state["page"] = tr(page_key, _lang())


def main() -> None:
    """Draw the whole dashboard (called by app.py on every rerun)."""
    st.set_page_config(
        page_title=tr("page_title", _lang()), layout="wide", initial_sidebar_state="auto"
    )
    st.sidebar.radio(
        "Språk / Language",
        list(LANG_NAMES),
        format_func=lambda k: LANG_NAMES[k],
        key="lang",
        horizontal=True,
        on_change=_on_language_change,
    )
    lang = _lang()
    shipped, broken = shipped_entries()
    uploads: dict[str, Entry] = st.session_state.get("_uploads", {})
    variants: dict[str, Entry] = st.session_state.get("_variants", {})
    entries = [*shipped, *uploads.values(), *variants.values()]
    entry, persp, iterations = sidebar(entries, broken, lang)

    st.html(page_style(lang))
    st.markdown(f"## {tr('app_title', lang)}")
    msg = st.session_state.get("_upload_msg")
    if msg and msg[0] == "error":
        _, file, problems = msg
        st.error(
            "\n".join(
                [
                    tr("upload_failed", lang, file=md(file), n=len(problems)),
                    *(f"- {ln}" for ln in problem_lines(problems, lang)),
                ]
            )
        )
    elif msg and msg[0] == "ok":
        st.success(tr("upload_ok", lang, file=md(msg[1]), name=md(msg[2])))
        st.session_state.pop("_upload_msg", None)
    flash = st.session_state.pop("_flash", None)
    if flash:
        st.success(flash)
    if entry is None:
        st.warning(tr("no_scenarios", lang, dir=SCENARIO_DIR))
        return

    try:
        view = get_view(entry, iterations)
    except RunFailed as exc:
        st.error(tr("run_failed", lang, what=str(exc)))
        return
    # a keyed tab bar keeps its page across reruns (saving a variant, switching language)
    tab_over, tab_tune, tab_cmp = st.tabs(
        [tr(k, lang) for k in PAGE_KEYS], key="page", on_change="rerun"
    )
    with tab_over:
        overview_page(entry, view, persp, lang)
    with tab_tune:
        tuned = tune_page(entry, view, persp, lang, iterations)
    with tab_cmp:
        compare_page(entries, entry, tuned, persp, lang, iterations)
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
