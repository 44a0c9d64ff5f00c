"""Scenario files: loading (with ``extends:`` and dotted ``overrides:``) and validation.

A scenario is YAML with four top-level keys::

    scenario:   metadata (name, kommun, price_year, horizon_years, discount_rate, ...)
    method:     vaxjo | skarholmen | cohort
    parameters: the tree the method reads (see costmodel.scenario.slots); each leaf is a parameter
                with label, description, unit, value (a number or a distribution),
                reference and note
    extends / overrides: optional; a variant names its base file and replaces values by
                dotted path, e.g. ``parameters.attribution.value: 0.3``

Validation collects every problem in the file and raises one :class:`ScenarioError`; each
problem names ``file:line: key.path``. Data flows one way: YAML -> :class:`Scenario` ->
samples (:mod:`costmodel.engine`).
"""

from __future__ import annotations

import copy
import hashlib
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem, ScenarioError, did_you_mean
from . import distributions, priceindex
from .payers import PAYERS, PERSPECTIVES, SOCIETY
from .slots import LEAF_KEYS, METHOD_LABELS, SCHEMAS, Schema, Slot
from .units import UNITS, Unit, units_for
from .yamlload import KeyPath, dotted, load_file, parse_text

# In a variant these keys replace the base's value whole instead of being merged key by key:
# a new distribution must not inherit the old one's `central` or `mode`.
REPLACED_WHOLE = {"value", "reference", "label", "description", "note", "discount_rate"}

TOP_KEYS = ["scenario", "method", "parameters", "extends", "overrides"]
META_KEYS = [
    "name",
    "kommun",
    "description",
    "price_year",
    "horizon_years",
    "discount_rate",
    "perspective",
    "iterations",
    "seed",
    "intake_years",
    "notes",
]
MAX_ITERATIONS = 10_000_000
MAX_EXTENDS_DEPTH = 10
TUNED_SUFFIX = " (anpassad)"  # marks a scenario changed in memory (dashboard, with_values)

Loc = tuple[str, int]  # (file, line)


# --- data classes ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Reference:
    title: str
    where: str = ""
    url: str = ""

    def __str__(self) -> str:
        parts = [self.title] + [p for p in (self.where, self.url) if p]
        return ", ".join(parts)


@dataclass(frozen=True)
class Parameter:
    """One number of the scenario, with its metadata and distribution."""

    name: str  # dotted path below `parameters`, e.g. "placement_cost.kommun"
    path: KeyPath  # full key path in the file, e.g. ("parameters", "placement_cost", "kommun")
    label: dict[str, str]
    description: dict[str, str]
    unit: Unit
    dist: distributions.Distribution
    references: tuple[Reference, ...]
    note: str  # why this value and range (Swedish, or the only text given)
    price_year: int | None
    price_factor: float  # to the scenario's price year (1.0 for non-money units)
    file: str
    line: int
    slot: str  # the schema slot, e.g. "placement_cost" or "placements.cost"
    payer: str | None = None
    year: int | None = None  # 0-based year for per-year lists
    group_entry: str | None = None  # e.g. "sis" for placements.sis.*
    bounded: bool = False  # the method needs a bounded value above 0 (see schema.Slot)

    note_en: str = ""

    def text(self, lang: str) -> str:
        return self.label.get(lang) or self.label["sv"]

    def note_text(self, lang: str) -> str:
        """The note in ``lang`` (falls back to the Swedish note)."""
        return (self.note_en or self.note) if lang == "en" else self.note

    @property
    def scale(self) -> float:
        """Multiply drawn values by this to get base units in scenario prices."""
        return self.unit.to_base * self.price_factor


@dataclass(frozen=True)
class Meta:
    name: str
    kommun: str
    description: str
    price_year: int
    horizon_years: int
    discount_rate: float
    discount_reference: str
    perspective: str
    iterations: int
    seed: int
    intake_years: int
    name_en: str = ""
    description_en: str = ""

    def title(self, lang: str = "sv") -> str:
        """The scenario's name in ``lang`` (falls back to the Swedish name)."""
        return (self.name_en or self.name) if lang == "en" else self.name

    def about(self, lang: str = "sv") -> str:
        """The description in ``lang`` (falls back to the Swedish one)."""
        return (self.description_en or self.description) if lang == "en" else self.description


@dataclass
class Scenario:
    """A validated scenario, ready for the engine."""

    file: str
    meta: Meta
    method: str
    parameters: dict[str, Parameter]
    group_labels: dict[str, dict[str, dict[str, str]]]
    data: dict[str, Any]  # the merged YAML data (extends and overrides applied)
    sha256: str
    notes: str = ""

    @property
    def short_hash(self) -> str:
        return self.sha256[:12]

    def by_slot(self, slot: str) -> list[Parameter]:
        return [p for p in self.parameters.values() if p.slot == slot]

    def has(self, name: str) -> bool:
        return name in self.parameters

    def method_label(self, lang: str = "sv") -> str:
        return METHOD_LABELS[self.method][lang]


# --- loading with extends and overrides -------------------------------------------------------


@dataclass
class Tree:
    data: dict[str, Any]
    locs: dict[KeyPath, Loc] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)
    file: str = ""

    def loc(self, path: KeyPath) -> Loc:
        p = tuple(path)
        while p:
            if p in self.locs:
                return self.locs[p]
            p = p[:-1]
        return self.locs.get((), (self.file, 1))


_ENTRY_RE = re.compile(r"^[A-Za-z0-9_\-]+$")
_PATH_RE = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def parse_dotted(text: str) -> KeyPath | None:
    """``a.b[0].c`` -> ('a', 'b', 0, 'c'); None if malformed."""
    parts: list[str | int] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        if text[pos] == "." and parts:
            pos += 1
        m = _PATH_RE.match(text, pos)
        if not m:
            return None
        parts.append(m.group(1) if m.group(1) is not None else int(m.group(2)))
        pos = m.end()
    return tuple(parts) if parts else None


def _tree_from_doc(doc: Any) -> Tree:
    locs = {path: (doc.file, line) for path, line in doc.lines.items()}
    data = doc.data if isinstance(doc.data, dict) else {}
    return Tree(data, locs, [doc.text], doc.file)


def _merge(base: Tree, child: Tree, path: KeyPath = ()) -> None:
    """Deep-merge ``child`` data (at ``path``) into ``base`` in place."""
    node = _get(base.data, path)
    cnode = _get(child.data, path)
    assert isinstance(node, dict) and isinstance(cnode, dict)
    for key, value in cnode.items():
        sub = (*path, key)
        if key in ("extends", "overrides") and not path:
            continue
        if (
            isinstance(value, dict)
            and isinstance(node.get(key), dict)
            and key not in REPLACED_WHOLE
            and "dist" not in value
        ):
            base.locs[sub] = child.locs.get(sub, base.loc(sub))
            _merge(base, child, sub)
        else:
            _drop_locs(base, sub)
            node[key] = copy.deepcopy(value)
            for p, loc in child.locs.items():
                if p[: len(sub)] == sub:
                    base.locs[p] = loc


def _get(data: Any, path: KeyPath) -> Any:
    for part in path:
        data = data[part]
    return data


def _drop_locs(tree: Tree, prefix: KeyPath) -> None:
    for p in [p for p in tree.locs if p[: len(prefix)] == prefix]:
        del tree.locs[p]


def _apply_overrides(base: Tree, child: Tree, problems: list[Problem]) -> None:
    overrides = child.data.get("overrides")
    if overrides is None:
        return
    if not isinstance(overrides, dict):
        f, line = child.loc(("overrides",))
        problems.append(
            Problem(
                f,
                line,
                "overrides",
                "overrides is not a mapping",
                "a mapping from dotted key path to new value, e.g. "
                "'parameters.attribution.value: 0.3'",
            )
        )
        return
    planned: list[tuple[KeyPath, Any, Loc]] = []
    for key, value in overrides.items():
        loc = child.loc(("overrides", key))
        path = parse_dotted(str(key))
        if path is not None and path[0] in ("extends", "overrides"):
            problems.append(
                Problem(
                    *loc,
                    f"overrides.{key}",
                    f"'{path[0]}' cannot be overridden",
                    "a path into scenario, method or parameters",
                )
            )
            continue
        if path is None:
            problems.append(
                Problem(
                    *loc,
                    f"overrides.{key}",
                    "not a dotted key path",
                    "a path such as parameters.attribution.value",
                )
            )
            continue
        node: Any = base.data
        ok = True
        for i, part in enumerate(path[:-1]):
            if isinstance(part, int) or isinstance(node, list):
                if not isinstance(node, list) or not isinstance(part, int) or part >= len(node):
                    ok = False
            elif not isinstance(node, dict) or part not in node:
                ok = False
            if not ok:
                choices = list(node) if isinstance(node, dict) else []
                hint = did_you_mean(str(part), choices)
                problems.append(
                    Problem(
                        *loc,
                        f"overrides.{key}",
                        f"'{dotted(path[: i + 1])}' does not exist in the base scenario"
                        + (f" ({hint})" if hint else ""),
                        "a path that exists in the file named by 'extends'",
                    )
                )
                break
            node = node[part]
        if not ok:
            continue
        last = path[-1]
        if isinstance(last, int) and not isinstance(node, list):
            problems.append(
                Problem(
                    *loc,
                    f"overrides.{key}",
                    f"'{dotted(path[:-1])}' is not a list",
                    "a [index] only after a list",
                )
            )
            continue
        if isinstance(last, int) and last >= len(node):
            problems.append(
                Problem(
                    *loc,
                    f"overrides.{key}",
                    f"list index {last} is out of range (the list has {len(node)} items)",
                    "an index of an existing list item",
                )
            )
            continue
        if isinstance(last, str) and not isinstance(node, dict):
            problems.append(
                Problem(
                    *loc,
                    f"overrides.{key}",
                    f"'{dotted(path[:-1])}' is not a mapping",
                    "a path to a key inside a mapping",
                )
            )
            continue
        planned.append((path, value, loc))
    if problems:
        return  # validate every override before applying any
    for path, value, loc in planned:
        parent = _get(base.data, path[:-1])
        last = path[-1]
        parent[last] = copy.deepcopy(value)
        _drop_locs(base, path)
        base.locs[path] = loc
        # keys inside a mapping override stand on the lines of the override entry
        for p, ploc in child.locs.items():
            if p[:2] == ("overrides", key_of(child, path)) and len(p) > 2:
                base.locs[(*path, *p[2:])] = ploc


def key_of(child: Tree, path: KeyPath) -> str:
    for key in child.data.get("overrides", {}):
        if parse_dotted(str(key)) == path:
            return str(key)
    return dotted(path)


def load_tree(path: str | Path, _chain: tuple[str, ...] = ()) -> Tree:
    """Load a YAML file, resolving ``extends`` and ``overrides`` recursively."""
    doc = load_file(path)
    return _resolve(_tree_from_doc(doc), Path(path).parent, (*_chain, str(Path(path).resolve())))


def _resolve(child: Tree, base_dir: Path, chain: tuple[str, ...]) -> Tree:
    ext = child.data.get("extends")
    if ext is None:
        if "overrides" in child.data:
            f, line = child.loc(("overrides",))
            raise ScenarioError.one(
                f,
                line,
                "overrides",
                "overrides without extends",
                "'extends: base.yaml' next to 'overrides'",
            )
        return child
    f, line = child.loc(("extends",))
    if not isinstance(ext, str) or not ext.strip():
        raise ScenarioError.one(
            f,
            line,
            "extends",
            f"{ext!r} is not a file name",
            "the base scenario's file name, e.g. vaxjo.yaml",
        )
    base_path = base_dir / ext
    if str(base_path.resolve()) in chain or len(chain) > MAX_EXTENDS_DEPTH:
        names = " -> ".join(Path(c).name for c in (*chain, str(base_path)))
        raise ScenarioError.one(
            f,
            line,
            "extends",
            f"'{ext}' leads back to itself ({names})",
            "a chain of bases without cycles",
        )
    if not base_path.is_file():
        raise ScenarioError.one(
            f,
            line,
            "extends",
            f"the base file '{ext}' does not exist"
            + (" (it is a folder)" if base_path.is_dir() else ""),
            f"a file next to {Path(child.file).name}",
        )
    base = load_tree(base_path, chain)
    problems: list[Problem] = []
    _merge(base, child)
    _apply_overrides(base, child, problems)
    if problems:
        raise ScenarioError(problems)
    base.texts = base.texts + child.texts
    base.file = child.file
    base.data.pop("extends", None)
    base.data.pop("overrides", None)
    return base


# --- validation -------------------------------------------------------------------------------


class _Validator:
    def __init__(self, tree: Tree):
        self.tree = tree
        self.problems: list[Problem] = []
        self.horizon_ok = True

    def add(self, path: KeyPath, message: str, expected: str = "") -> None:
        f, line = self.tree.loc(path)
        self.problems.append(Problem(f, line, dotted(path), message, expected))

    def unknown_keys(
        self, node: dict[str, Any], path: KeyPath, allowed: list[str], what: str
    ) -> None:
        for key in node:
            if key not in allowed:
                hint = did_you_mean(key, allowed)
                self.add(
                    (*path, key),
                    f"unknown key in {what}" + (f" ({hint})" if hint else ""),
                    f"one of {', '.join(allowed)}",
                )

    # metadata ------------------------------------------------------------------------------
    def text(self, node: Any, path: KeyPath, required: bool = True) -> dict[str, str]:
        if node is None:
            if required:
                self.add(path, "missing", "a text, or a mapping {sv: ..., en: ...}")
            return {"sv": "", "en": ""}
        if isinstance(node, str | int | float) and not isinstance(node, bool):
            return {"sv": str(node), "en": str(node)}
        if isinstance(node, dict):
            self.unknown_keys(node, path, ["sv", "en"], "a text")
            sv = node.get("sv")
            if not isinstance(sv, str) or not sv.strip():
                self.add(path, "the Swedish text (sv) is missing", "{sv: ..., en: ...}")
                return {"sv": "", "en": ""}
            en = node.get("en")
            return {"sv": sv, "en": en if isinstance(en, str) and en.strip() else sv}
        self.add(path, f"{node!r} is not a text", "a text, or a mapping {sv: ..., en: ...}")
        return {"sv": "", "en": ""}

    def plain_text(self, value: Any, path: KeyPath) -> str:
        """An optional free text; numbers are accepted as text, lists and mappings are not."""
        if value is None:
            return ""
        if isinstance(value, dict | list):
            self.add(
                path,
                f"a {'list' if isinstance(value, list) else 'mapping'} is not a text",
                "a plain text",
            )
            return ""
        return str(value)

    def integer(
        self,
        node: dict[str, Any],
        key: str,
        path: KeyPath,
        low: int,
        high: int,
        default: int | None,
        what: str,
    ) -> int:
        value = node.get(key, default)
        p = (*path, key)
        if value is None:
            self.add(p, "missing", what)
            return low
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            else:
                self.add(p, f"{value!r} is not a whole number", what)
                return low
        if not low <= value <= high:
            self.add(p, f"{value} is out of range", what)
            return low
        return int(value)

    def meta(self, method: str) -> Meta:
        path: KeyPath = ("scenario",)
        node = self.tree.data.get("scenario")
        if not isinstance(node, dict):
            self.add(
                path,
                "missing or not a mapping",
                "a 'scenario:' section with name, price_year, horizon_years, discount_rate",
            )
            node = {}
        self.unknown_keys(node, path, META_KEYS, "scenario")
        name = node.get("name")
        names = {"sv": "", "en": ""}
        if isinstance(name, dict):
            names = self.text(name, (*path, "name"))
        elif name is None or (isinstance(name, str) and not name.strip()):
            self.add((*path, "name"), "missing or empty", "a name such as 'Växjö 2015'")
        elif not isinstance(name, str):
            self.add(
                (*path, "name"), f"{name!r} is not a text", "a name in quotes, e.g. 'Växjö 2015'"
            )
        else:
            names = {"sv": name, "en": name}
        for key in ("kommun", "notes"):
            self.plain_text(node.get(key), (*path, key))
        descriptions = self.text(node.get("description"), (*path, "description"), required=False)
        lo, hi = priceindex.years()
        price_year = self.integer(
            node,
            "price_year",
            path,
            1900,
            2200,
            None,
            f"a year in the price index table ({lo}–{hi})",
        )
        if price_year != 1900 and not priceindex.known(price_year):
            self.add(
                (*path, "price_year"),
                f"{price_year} is outside the KPI table ({lo}–{hi})",
                f"a price year from {lo} to {hi}; extend costmodel/scenario/data/kpi.csv with its "
                "SCB source to go further",
            )
        before = len(self.problems)
        horizon = self.integer(
            node, "horizon_years", path, 1, 50, None, "a whole number of years from 1 to 50"
        )
        self.horizon_ok = len(self.problems) == before
        rate, rate_ref = self.discount(node.get("discount_rate"), (*path, "discount_rate"))
        perspective = node.get("perspective", SOCIETY)
        if not isinstance(perspective, str) or perspective not in PERSPECTIVES:
            hint = did_you_mean(str(perspective), PERSPECTIVES)
            self.add(
                (*path, "perspective"),
                f"unknown perspective {perspective!r}" + (f" ({hint})" if hint else ""),
                f"one of {', '.join(PERSPECTIVES)}",
            )
            perspective = SOCIETY
        iterations = self.integer(
            node,
            "iterations",
            path,
            1,
            MAX_ITERATIONS,
            10_000,
            f"a whole number from 1 to {MAX_ITERATIONS}",
        )
        seed = self.integer(
            node, "seed", path, 0, 2**63 - 1, 20240101, "a non-negative whole number"
        )
        intake = self.integer(
            node,
            "intake_years",
            path,
            1,
            50,
            horizon or 1,
            "a whole number of years, at most horizon_years",
        )
        if "intake_years" in node and method != "cohort":
            self.add(
                (*path, "intake_years"),
                "only the cohort method uses intake_years",
                "remove it, or use method: cohort",
            )
        if intake > horizon >= 1:
            self.add(
                (*path, "intake_years"),
                f"{intake} is longer than horizon_years {horizon}",
                "intake_years <= horizon_years",
            )
        return Meta(
            name=names["sv"],
            name_en=names["en"],
            kommun=str(node.get("kommun", "")),
            description=descriptions["sv"],
            description_en=descriptions["en"],
            price_year=price_year,
            horizon_years=horizon,
            discount_rate=rate,
            discount_reference=rate_ref,
            perspective=str(perspective),
            iterations=iterations,
            seed=seed,
            intake_years=min(intake, max(horizon, 1)),
        )

    def discount(self, node: Any, path: KeyPath) -> tuple[float, str]:
        expected = "a yearly rate between 0 and 0.2, e.g. {value: 0.035, reference: ASEK}"
        ref = ""
        if isinstance(node, dict):
            self.unknown_keys(node, path, ["value", "reference"], "discount_rate")
            ref = str(node.get("reference", ""))
            node = node.get("value")
        value = distributions.number_or_none(node)
        if value is None:
            self.add(path, "missing" if node is None else f"{node!r} is not a number", expected)
            return 0.0, ref
        if not 0 <= value <= 0.2:
            hint = " (write 3.5 % as 0.035)" if 0.2 < value <= 20 else ""
            self.add(path, f"{value:g} is out of range{hint}", expected)
            return 0.0, ref
        return value, ref

    # parameters ----------------------------------------------------------------------------
    def references(self, node: Any, path: KeyPath) -> tuple[Reference, ...]:
        expected = "a text, {title: ..., where: ...}, or a list of those"
        if node is None:
            self.add(path, "the parameter has no reference (source)", expected)
            return ()
        items = node if isinstance(node, list) else [node]
        refs: list[Reference] = []
        for i, item in enumerate(items):
            p = (*path, i) if isinstance(node, list) else path
            if isinstance(item, str) and item.strip():
                refs.append(Reference(item.strip()))
            elif isinstance(item, dict):
                self.unknown_keys(item, p, ["title", "where", "url"], "a reference")
                title = item.get("title")
                if not isinstance(title, str) or not title.strip():
                    self.add(p, "a reference without a title", expected)
                    continue
                where = self.plain_text(item.get("where"), (*p, "where"))
                url = self.plain_text(item.get("url"), (*p, "url"))
                refs.append(Reference(title.strip(), where, url))
            else:
                self.add(p, f"{item!r} is not a reference", expected)
        if not refs and not isinstance(node, list):
            return ()
        if isinstance(node, list) and not node:
            self.add(path, "the reference list is empty", expected)
        return tuple(refs)

    def leaf(
        self,
        node: Any,
        path: KeyPath,
        slot_name: str,
        slot: Slot,
        meta: Meta,
        payer: str | None = None,
        year: int | None = None,
        entry: str | None = None,
    ) -> Parameter | None:
        if not isinstance(node, dict) or "value" not in node:
            if isinstance(node, dict):
                self.unknown_keys(node, path, LEAF_KEYS, "a parameter")
                self.add(
                    path, "the parameter has no value", "a 'value:' with a number or a distribution"
                )
            else:
                self.add(
                    path,
                    f"expected a parameter, got {node!r}",
                    "a mapping with label, unit, value and reference",
                )
            return None
        self.unknown_keys(node, path, LEAF_KEYS, "a parameter")
        start = len(self.problems)
        label = self.text(node.get("label"), (*path, "label"))
        description = self.text(node.get("description", ""), (*path, "description"), False)
        unit_id = node.get("unit")
        allowed = units_for(slot.dimension)
        unit = UNITS.get(unit_id) if isinstance(unit_id, str) else None
        if unit_id is None:
            self.add((*path, "unit"), "missing", f"one of {', '.join(allowed)}")
        elif unit is None:
            hint = did_you_mean(str(unit_id), UNITS)
            self.add(
                (*path, "unit"),
                f"unknown unit {unit_id!r}" + (f" ({hint})" if hint else ""),
                f"one of {', '.join(allowed)}",
            )
        elif unit.dimension != slot.dimension:
            self.add(
                (*path, "unit"),
                f"unit {unit_id!r} does not fit here ({slot.help})",
                f"one of {', '.join(allowed)}",
            )
            unit = None
        vpath = (*path, "value")

        def report(key: str, message: str, expected: str) -> None:
            self.add((*vpath, key) if key else vpath, message, expected)

        dist = distributions.parse(node.get("value"), report)
        if dist is not None and unit is not None:
            lo, hi = dist.support()
            if lo < unit.low or hi > unit.high:
                rng = (
                    f"{unit.low:g}–{unit.high:g}"
                    if math.isfinite(unit.high)
                    else f"{unit.low:g} or more"
                )
                kind = "value" if isinstance(dist, distributions.Fixed) else "distribution"
                what = f"{lo:g}" if lo < unit.low else f"{hi:g}"
                bounded = "pert, triangular, uniform, beta, or truncate"
                extra = "" if kind == "value" else f" (use a bounded distribution: {bounded})"
                noun = {"share": "a share", "probability": "a probability"}.get(
                    unit.id, f"a value in {unit.id}"
                )
                self.add(
                    vpath,
                    f"the {kind} allows {what}, impossible for {noun}",
                    f"values {rng}{extra}",
                )
        price_year = node.get("price_year")
        factor = 1.0
        if price_year is not None:
            if unit is not None and not unit.is_money:
                self.add(
                    (*path, "price_year"),
                    "only money parameters have a price year",
                    "remove price_year, or use a kr unit",
                )
            elif isinstance(price_year, bool) or not isinstance(price_year, int):
                self.add((*path, "price_year"), f"{price_year!r} is not a year", "e.g. 2015")
            elif not priceindex.known(price_year):
                lo, hi = priceindex.years()
                self.add(
                    (*path, "price_year"),
                    f"{price_year} is outside the KPI table ({lo}–{hi})",
                    f"a year from {lo} to {hi}",
                )
            elif priceindex.known(meta.price_year):
                factor = priceindex.factor(price_year, meta.price_year)
        refs = self.references(node.get("reference"), (*path, "reference"))
        note = self.text(node.get("note"), (*path, "note"), required=False)
        if len(self.problems) > start or dist is None or unit is None:
            return None
        name = dotted(path[1:])
        f, line = self.tree.loc(path)
        return Parameter(
            name=name,
            path=path,
            label=label,
            description=description,
            unit=unit,
            dist=dist,
            references=refs,
            note=note["sv"],
            note_en=note["en"],
            price_year=price_year if isinstance(price_year, int) else None,
            price_factor=factor,
            file=f,
            line=line,
            slot=slot_name,
            payer=payer,
            year=year,
            group_entry=entry,
            bounded=slot.bounded,
        )

    def slot(
        self,
        node: Any,
        path: KeyPath,
        slot_name: str,
        slot: Slot,
        meta: Meta,
        out: dict[str, Parameter],
        entry: str | None = None,
    ) -> None:
        if not slot.by_payer:
            p = self.leaf(node, path, slot_name, slot, meta, entry=entry)
            if p:
                out[p.name] = p
            return
        expected = (
            "a mapping from payer (" + ", ".join(PAYERS) + ") to a parameter, "
            "or to a list with one parameter per year"
        )
        if not isinstance(node, dict) or not node or "value" in node:
            self.add(path, f"{slot.help}: costs must be split by payer", expected)
            return
        for payer, sub in node.items():
            ppath = (*path, payer)
            if payer not in PAYERS:
                hint = did_you_mean(str(payer), PAYERS)
                self.add(
                    ppath,
                    f"unknown payer {payer!r}" + (f" ({hint})" if hint else ""),
                    f"one of {', '.join(PAYERS)}",
                )
                continue
            if isinstance(sub, list):
                if not sub:
                    self.add(
                        ppath,
                        "the list of yearly values is empty",
                        "one parameter per year of the horizon, or a single parameter",
                    )
                elif self.horizon_ok and len(sub) != meta.horizon_years:
                    self.add(
                        ppath,
                        f"{len(sub)} yearly values for a horizon of {meta.horizon_years} years",
                        f"exactly {meta.horizon_years} (one per year; write 0 for a year "
                        "without cost), or a single parameter for every year",
                    )
                for i, item in enumerate(sub):
                    p = self.leaf(item, (*ppath, i), slot_name, slot, meta, payer, i, entry)
                    if p:
                        out[p.name] = p
            else:
                p = self.leaf(sub, ppath, slot_name, slot, meta, payer, None, entry)
                if p:
                    out[p.name] = p

    def parameters(
        self, schema: Schema, meta: Meta, method: str
    ) -> tuple[dict[str, Parameter], dict[str, dict[str, dict[str, str]]]]:
        path: KeyPath = ("parameters",)
        node = self.tree.data.get("parameters")
        out: dict[str, Parameter] = {}
        groups: dict[str, dict[str, dict[str, str]]] = {}
        if not isinstance(node, dict):
            self.add(path, "missing or not a mapping", "a 'parameters:' section")
            return out, groups
        self.unknown_keys(node, path, list(schema), f"parameters of method '{method}'")
        for key, spec in schema.items():
            sub = node.get(key)
            kpath = (*path, key)
            if sub is None:
                if spec.required:
                    self.add(
                        kpath, f"missing ({spec.help})", f"a parameter '{key}' under parameters"
                    )
                continue
            if isinstance(spec, Slot):
                self.slot(sub, kpath, key, spec, meta, out)
                continue
            groups[key] = {}
            if not isinstance(sub, dict) or not sub:
                self.add(kpath, "not a mapping of named entries", spec.help)
                continue
            for entry, body in sub.items():
                epath = (*kpath, entry)
                if not _ENTRY_RE.match(entry):
                    self.add(
                        epath,
                        f"the name {entry!r} cannot be used in key paths",
                        "letters, digits, _ and -, e.g. sis or hvb_lvu",
                    )
                    continue
                if not isinstance(body, dict):
                    self.add(epath, "not a mapping", f"{', '.join(spec.entry)} and a label")
                    continue
                self.unknown_keys(body, epath, [*spec.entry, "label"], f"{key} entry")
                groups[key][entry] = self.text(body.get("label", entry), (*epath, "label"))
                for skey, sslot in spec.entry.items():
                    if skey not in body:
                        if sslot.required:
                            self.add(
                                (*epath, skey),
                                f"missing ({sslot.help})",
                                f"a parameter '{skey}' in {key}.{entry}",
                            )
                        continue
                    self.slot(body[skey], (*epath, skey), f"{key}.{skey}", sslot, meta, out, entry)
        return out, groups

    # cross-checks --------------------------------------------------------------------------
    def method_checks(self, method: str, params: dict[str, Parameter], meta: Meta) -> None:
        data = self.tree.data.get("parameters")
        if not isinstance(data, dict):
            return
        for name, what in (
            ("baseline_months", "the baseline period"),
            ("followup_months", "the follow-up period"),
        ):
            p = params.get(name)
            if method == "skarholmen" and p is not None and p.dist.support()[0] <= 0:
                self.add(
                    (*p.path, "value"),
                    f"{what} can be 0 months, and the cost rate would divide by zero",
                    "a length above 0 in every draw",
                )
        first_p = params.get("followup_months_first_year")
        if first_p is not None and first_p.dist.support()[1] * first_p.scale > 1 + 1e-9:
            self.add(
                (*first_p.path, "value"),
                "the first year cannot hold more than 12 months",
                "at most 12 months",
            )
        follow = params.get("followup_months")
        if method == "skarholmen" and follow is not None and meta.horizon_years >= 1:
            # the largest follow-up must fit: the first year's part, then a year at a time
            longest = follow.dist.support()[1] * follow.scale
            first = params.get("followup_months_first_year")
            first_len = first.dist.support()[0] * first.scale if first else min(longest, 1.0)
            if longest - first_len > meta.horizon_years - 1 + 1e-9:
                self.add(
                    ("scenario", "horizon_years"),
                    f"the follow-up period (up to {longest * 12:g} months) does not fit in "
                    f"{meta.horizon_years} year(s), so part of the avoided cost would be lost",
                    "a horizon long enough for the whole follow-up",
                )
        if method == "cohort" and "sig_cost" not in data and "sig_cost_per_youth" not in data:
            self.add(
                ("parameters",),
                "the SIG has no cost",
                "sig_cost (per year), sig_cost_per_youth, or both",
            )
        if method != "vaxjo":
            return
        pair = ("avoided_crimes", "crime_cost")
        for have, other in (pair, pair[::-1]):
            if have in data and other not in data:
                self.add(
                    ("parameters", have),
                    f"{have} needs {other}",
                    f"add '{other}', or remove '{have}'",
                )


def validate_tree(tree: Tree) -> Scenario:
    v = _Validator(tree)
    data = tree.data
    if not isinstance(data, dict) or not data:
        raise ScenarioError.one(
            tree.file,
            1,
            "",
            "the file is empty or not a mapping",
            "a scenario with scenario:, method: and parameters:",
        )
    v.unknown_keys(data, (), TOP_KEYS, "the scenario file")
    method = data.get("method")
    if not isinstance(method, str) or method not in SCHEMAS:
        hint = did_you_mean(str(method), SCHEMAS) if method is not None else ""
        v.add(
            ("method",),
            "missing"
            if method is None
            else f"unknown method {method!r}" + (f" ({hint})" if hint else ""),
            f"one of {', '.join(SCHEMAS)}",
        )
        meta = v.meta("")
        raise ScenarioError(v.problems)
    meta = v.meta(str(method))
    params, groups = v.parameters(SCHEMAS[method], meta, str(method))
    v.method_checks(str(method), params, meta)
    if v.problems:
        raise ScenarioError(sorted(v.problems, key=lambda p: (p.file, p.line)))
    digest = hashlib.sha256("\x00".join(tree.texts).encode("utf-8")).hexdigest()
    notes = data.get("scenario", {}).get("notes", "")
    return Scenario(
        file=tree.file,
        meta=meta,
        method=str(method),
        parameters=params,
        group_labels=groups,
        data=data,
        sha256=digest,
        notes=str(notes or ""),
    )


def load(path: str | Path) -> Scenario:
    """Load and validate a scenario file; raises :class:`ScenarioError` on any problem."""
    return validate_tree(load_tree(path))


def loads(text: str, name: str = "<uppladdad>", base_dir: str | Path | None = None) -> Scenario:
    """Load a scenario from text (e.g. an upload); ``extends`` resolves against ``base_dir``."""
    doc = parse_text(text, name)
    tree = _tree_from_doc(doc)
    tree = _resolve(tree, Path(base_dir) if base_dir else Path.cwd(), (name,))
    return validate_tree(tree)


def to_yaml(data: dict[str, Any]) -> str:
    """A standalone YAML text of merged scenario data (comments are not kept)."""
    import yaml

    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def with_values(s: Scenario, changes: dict[str, Any], name: str | None = None) -> Scenario:
    """A new validated scenario with parameter values replaced.

    ``changes`` maps a parameter name (``Parameter.name``) to a distribution or to a YAML
    value (a number or a ``{dist: ...}`` mapping). The result is re-validated from its YAML
    text, so it loads back to the same numbers and carries a fresh hash.
    """
    data = copy.deepcopy(s.data)
    for pname, value in changes.items():
        p = s.parameters[pname]
        node = _get(data, p.path)
        node["value"] = value.to_spec() if isinstance(value, distributions.Distribution) else value
    if name is not None:
        data.setdefault("scenario", {})["name"] = name
    label = s.file if s.file.endswith(TUNED_SUFFIX) else s.file + TUNED_SUFFIX
    return loads(to_yaml(data), name=label)
