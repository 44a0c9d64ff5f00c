"""Loading a scenario: YAML with lines, variants resolved, the schema checked, a :class:`Scenario`.

:func:`load` reads a file (and the bases it ``extends``), validates the merged data against the
method's file model in :mod:`.schema`, and, if nothing is wrong, builds the frozen dataclasses
of :mod:`.model`. Every problem, wherever found, is raised together as one
:class:`~costmodel.errors.ScenarioError`, sorted by file and line.
"""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path
from typing import Any, cast

from pydantic import ValidationError

from ..errors import Problem, ScenarioError
from . import distributions, priceindex
from .consequences import check as check_consequences
from .correlations import check as check_correlations
from .model import MAX_ITERATIONS, TUNED_SUFFIX, Meta, Parameter, Reference, Scenario
from .parameter import ParameterSpec
from .problems import problems as to_problems
from .schema import FileSpec, MetaSpec, file_model
from .slots import SCHEMAS, Group, Slot
from .units import MIN_PERIOD_YEARS
from .variants import Tree, get, load_tree, resolve, tree_from_doc
from .yamlload import KeyPath, dotted, parse_bytes, parse_text

__all__ = ["MAX_ITERATIONS", "TUNED_SUFFIX", "Meta", "Parameter", "Reference", "Scenario"]


def validate_tree(tree: Tree) -> Scenario:
    """Check merged scenario data against its method's schema; build the :class:`Scenario`."""
    data = tree.data
    if not isinstance(data, dict) or not data:
        raise ScenarioError.one(
            tree.file,
            1,
            "",
            "the file is empty or not a mapping",
            "a scenario with scenario:, method: and parameters:",
        )
    method = data.get("method")
    model = file_model(method) if isinstance(method, str) and method in SCHEMAS else FileSpec
    context: dict[str, Any] = {"method": method, "owners": {}}
    problems = presence_checks(tree, str(method)) if model is not FileSpec else []
    try:
        spec = model.model_validate(data, context=context)
    except ValidationError as exc:
        found, more = to_problems(exc, data, context["owners"], tree.loc)
        problems = found + problems
        raise ScenarioError(sorted(problems, key=lambda p: (p.file, p.line)), more) from None
    assert isinstance(method, str) and model is not FileSpec
    meta = _meta(spec.scenario)
    params, groups = _parameters(tree, spec.parameters, method, meta)
    problems += value_checks(tree, method, params, meta)
    correlations, found = check_correlations(spec.correlations or [], params, tree.loc)
    problems += found + check_consequences(params, tree.loc)
    if problems:
        raise ScenarioError(sorted(problems, key=lambda p: (p.file, p.line)))
    digest = hashlib.sha256("\x00".join(tree.texts).encode("utf-8")).hexdigest()
    return Scenario(
        file=tree.file,
        meta=meta,
        method=method,
        parameters=params,
        group_labels=groups,
        data=data,
        sha256=digest,
        notes=spec.scenario.notes,
        correlations=correlations,
    )


def _meta(m: MetaSpec) -> Meta:
    description = m.description.pair() if m.description else {"sv": "", "en": ""}
    rate_ref = m.discount_rate.reference
    ref = rate_ref.pair() if rate_ref else {"sv": "", "en": ""}
    return Meta(
        name=m.name.sv,
        name_en=m.name.get("en"),
        kommun=m.kommun,
        description=description["sv"],
        description_en=description["en"],
        price_year=m.price_year,
        horizon_years=m.horizon_years,
        discount_rate=m.discount_rate.value,
        discount_reference=ref["sv"],
        discount_reference_en=ref["en"],
        perspective=m.perspective,
        iterations=m.iterations,
        seed=m.seed,
        intake_years=m.intake_years or m.horizon_years,
    )


def _parameters(
    tree: Tree, spec: Any, method: str, meta: Meta
) -> tuple[dict[str, Parameter], dict[str, dict[str, dict[str, str]]]]:
    """Every parameter of the validated tree, by dotted name, with its file and line."""
    out: dict[str, Parameter] = {}
    groups: dict[str, dict[str, dict[str, str]]] = {}

    def leaf(
        p: ParameterSpec,
        path: KeyPath,
        slot: str,
        payer: str | None = None,
        year: int | None = None,
        entry: str | None = None,
    ) -> None:
        factor = 1.0
        index = p.price_index or priceindex.DEFAULT
        # a scenario year outside the parameter's index is a problem of its own (value_checks)
        movable = p.price_year is not None and p.unit.is_money
        if movable and priceindex.known(meta.price_year, index):
            assert p.price_year is not None
            factor = priceindex.factor(p.price_year, meta.price_year, index)
        note = p.note.pair() if p.note else {"sv": "", "en": ""}
        if p.price_year is not None and p.price_year != meta.price_year:
            note = _index_caveat(note, index, p.price_year, meta.price_year)
        description = p.description.pair() if p.description else {"sv": "", "en": ""}
        refs = p.reference if isinstance(p.reference, list) else [p.reference]
        file, line = tree.loc(path)
        name = dotted(path[1:])
        out[name] = Parameter(
            name=name,
            path=path,
            label=p.label.pair(),
            description=description,
            unit=p.unit,
            dist=cast(distributions.Distribution, p.value),  # a validated value
            references=tuple(Reference(r.title, r.where, r.url) for r in refs),
            note=note["sv"],
            note_en=note["en"],
            price_year=p.price_year,
            price_factor=factor,
            file=file,
            line=line,
            value_at=tree.loc((*path, "value")),
            slot=slot,
            payer=payer,
            year=year,
            group_entry=entry,
            bounded=p.SLOT.bounded,
            published=p.published,
            effect=p.SLOT.effect,
            cashable=p.cashable,
            includes=tuple(p.includes or ()),
            price_index=index,
        )

    def slot(value: Any, path: KeyPath, name: str, s: Slot, entry: str | None = None) -> None:
        if not s.by_payer:
            leaf(value, path, name, entry=entry)
            return
        for payer, sub in value.items():  # a PayerSplit
            if isinstance(sub, list):
                for i, item in enumerate(sub):
                    leaf(item, (*path, payer, i), name, payer, i, entry)
            else:
                leaf(sub, (*path, payer), name, payer, None, entry)

    for key, kind in SCHEMAS[method].items():
        value = getattr(spec, key)
        if value is None:
            continue
        path: KeyPath = ("parameters", key)
        if isinstance(kind, Slot):
            slot(value, path, key, kind)
            continue
        assert isinstance(kind, Group)
        groups[key] = {}
        for entry, body in value.items():
            label = body.label.pair() if body.label else {"sv": entry, "en": entry}
            groups[key][entry] = label
            for skey, sslot in kind.entry.items():
                if getattr(body, skey) is not None:
                    slot(getattr(body, skey), (*path, entry, skey), f"{key}.{skey}", sslot, entry)
    return out, groups


def presence_checks(tree: Tree, method: str) -> list[Problem]:
    """Parameters the method needs together: checked on the data, even when values are wrong."""
    problems: list[Problem] = []
    data = tree.data.get("parameters")
    if not isinstance(data, dict):
        return problems

    def add(path: KeyPath, message: str, expected: str) -> None:
        problems.append(Problem(*tree.loc(path), dotted(path), message, expected))

    career = ["career_probability", "career_reduction", "career_cost", "career_years"]
    given = [k for k in career if data.get(k) is not None]
    if method == "cohort" and given and len(given) < len(career):
        missing = [k for k in career if k not in given]
        # point at a key written empty, if any, else at the first one given
        where = next((k for k in missing if k in data), given[0])
        add(
            ("parameters", where),
            f"{given[0]} needs {', '.join(missing)}",
            "all four career_* parameters, or none",
        )
    for have, needs in (
        ("sig_length", "sig_cost_per_youth"),
        ("placement_age_limit", "age_at_intake"),
    ):
        if method == "cohort" and data.get(have) is not None and data.get(needs) is None:
            add(
                ("parameters", have),
                f"{have} needs {needs}",
                f"add '{needs}', or remove '{have}'",
            )
    if method == "cohort" and "sig_cost" not in data and "sig_cost_per_youth" not in data:
        add(
            ("parameters",),
            "the SIG has no cost",
            "sig_cost (per year), sig_cost_per_youth, or both",
        )
    if method != "vaxjo":
        return problems
    pair = ("avoided_crimes", "crime_cost")
    for have, other in (pair, pair[::-1]):
        if have in data and other not in data:
            add(
                ("parameters", have),
                f"{have} needs {other}",
                f"add '{other}', or remove '{have}'",
            )
    return problems


_A_DAY = "a length of at least 1 day in every draw"


def _shorter_than_a_day(p: Parameter) -> bool:
    """Some draw (or the central value) of a period is shorter than a day (see units)."""
    low = min(p.dist.support()[0], p.dist.central()) * p.scale
    return low < MIN_PERIOD_YEARS * (1 - 1e-9)


def value_checks(
    tree: Tree, method: str, params: dict[str, Parameter], meta: Meta
) -> list[Problem]:
    """The rules that span the method's parameters and the horizon."""
    problems: list[Problem] = []

    def add(path: KeyPath, message: str, expected: str) -> None:
        problems.append(Problem(*tree.loc(path), dotted(path), message, expected))

    for q in params.values():  # the scenario's price year must be in the parameter's index
        if q.price_year is not None and not priceindex.known(meta.price_year, q.price_index):
            lo, hi = priceindex.years(q.price_index)
            add(
                (*q.path, "price_index"),
                f"the scenario's price year {meta.price_year} is outside the "
                f"{priceindex.name(q.price_index)} table ({lo}–{hi})",
                f"a scenario price year from {lo} to {hi}, or another price index",
            )
    for name, what in (
        ("baseline_months", "the baseline period"),
        ("followup_months", "the follow-up period"),
    ):
        p = params.get(name)
        if method == "skarholmen" and p is not None and p.dist.support()[0] <= 0:
            add(
                (*p.path, "value"),
                f"{what} can be 0 months, and the cost rate would divide by zero",
                "a length above 0 in every draw",
            )
        elif method == "skarholmen" and p is not None and _shorter_than_a_day(p):
            add(
                (*p.path, "value"),
                f"{what} can be shorter than a day, and the cost rate would divide by it",
                _A_DAY,
            )
    length = params.get("sig_length")
    if length is not None and length.dist.support()[0] <= 0:
        add(
            (*length.path, "value"),
            "a stay in SIG can be 0 months, and the SIG would cost nothing",
            "a length above 0 in every draw",
        )
    elif length is not None and _shorter_than_a_day(length):
        add(
            (*length.path, "value"),
            "a stay in SIG can be shorter than a day, and the SIG would cost next to nothing",
            _A_DAY,
        )
    for name, message in (
        ("sig_length", "a stay in SIG longer than a year is not modelled"),
        ("followup_months_first_year", "the first year cannot hold more than 12 months"),
    ):
        p = params.get(name)
        if p is not None and p.dist.support()[1] * p.scale > 1 + 1e-9:
            add((*p.path, "value"), message, "at most 12 months")
    follow = params.get("followup_months")
    if method == "skarholmen" and follow is not None and meta.horizon_years >= 1:
        # the largest follow-up must fit: the first year's part, then a year at a time
        longest = follow.dist.support()[1] * follow.scale
        first = params.get("followup_months_first_year")
        first_len = first.dist.support()[0] * first.scale if first else min(longest, 1.0)
        if longest - first_len > meta.horizon_years - 1 + 1e-9:
            add(
                ("scenario", "horizon_years"),
                f"the follow-up period (up to {longest * 12:g} months) does not fit in "
                f"{meta.horizon_years} year(s), so part of the avoided cost would be lost",
                "a horizon long enough for the whole follow-up",
            )
    return problems


def load(path: str | Path) -> Scenario:
    """Load and validate a scenario file; raises :class:`ScenarioError` on any problem."""
    return validate_tree(load_tree(path))


def loads(text: str, name: str = "<uppladdad>", base_dir: str | Path | None = None) -> Scenario:
    """Load a scenario from text (e.g. an upload); ``extends`` resolves against ``base_dir``."""
    doc = parse_text(text, name)
    tree = tree_from_doc(doc)
    tree = resolve(tree, Path(base_dir) if base_dir else Path.cwd(), (name,))
    return validate_tree(tree)


def loads_bytes(data: bytes, name: str, folder: str | Path) -> Scenario:
    """Load an uploaded file's bytes with every limit of a file on disk (the dashboard's entry).

    At most 1 MB, UTF-8, no control characters, no alias bomb, ordinary nesting, at most
    50 problems reported; ``extends`` may only name a file directly in ``folder``, so an
    upload can never make the server read anything else.
    """
    doc = parse_bytes(data, name)
    tree = resolve(tree_from_doc(doc), Path(folder), (name,), confine=Path(folder))
    return validate_tree(tree)


def to_yaml(data: dict[str, Any]) -> str:
    """A standalone YAML text of merged scenario data (comments are not kept).

    Written by libyaml's emitter where PyYAML has it (about 7 times faster: the dashboard
    writes a tuned scenario on every edit), the same text as PyYAML's own
    (tests/test_scenarios.py compares them)."""
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)


def with_values(s: Scenario, changes: dict[str, Any], name: str | None = None) -> Scenario:
    """A new validated scenario with parameter values replaced.

    ``changes`` maps a parameter name (``Parameter.name``) to a distribution or to a YAML
    value (a number or a ``{dist: ...}`` mapping). The result is re-validated from its YAML
    text, so it loads back to the same numbers and carries a fresh hash.
    """
    data = copy.deepcopy(s.data)
    for pname, value in changes.items():
        p = s.parameters[pname]
        node = get(data, p.path)
        node["value"] = value.to_spec() if isinstance(value, distributions.Distribution) else value
    if name is not None:
        data.setdefault("scenario", {})["name"] = name
    label = s.file if s.file.endswith(TUNED_SUFFIX) else s.file + TUNED_SUFFIX
    return loads(to_yaml(data), name=label)


def _index_caveat(note: dict[str, str], index: str, *years: int | None) -> dict[str, str]:
    """The note, plus a word when the price conversion used an index figure its data file
    marks as uncertain (costmodel/scenario/data/), so the figure is never used unsaid."""
    uncertain = priceindex.uncertain_years(index)
    shaky = sorted(y for y in set(years) if y is not None and y in uncertain)
    if not shaky:
        return note
    year, what = ", ".join(str(y) for y in shaky), priceindex.name(index)
    words = {
        "sv": f"Omräknad med {what} för {year}, en osäker siffra (se indexets datafil).",
        "en": f"Converted with the {what} for {year}, an uncertain figure (see the index's "
        "data file).",
    }
    return {k: " ".join(t for t in (note[k], words[k]) if t) for k in ("sv", "en")}
