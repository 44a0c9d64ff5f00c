"""Correlated inputs: ``correlations:``, a list of rank correlations between parameters.

Each entry names two or more parameters by their dotted names (as ``costmodel describe`` lists
them) and one Spearman rank correlation; with more than two names every pair gets it, which is a
shared factor driving them together (one SIG that works well reduces placements and offending
alike)::

    correlations:
      - between: [placements.sis.cost.kommun, placements.sis.cost.stat]
        rank: 0.8
        reference: {title: Riksrevisionen, RiR 2024:7, where: fees ≈ 2/3, state ≈ 1/3}
        note: both follow the full cost of a care day

The engine keeps every marginal exactly and only reorders the draws (a Gaussian copula on
ranks, :mod:`costmodel.engine.correlate`). :func:`check` refuses unknown names, a parameter
paired with itself or twice, and a set of correlations no joint distribution can have (the
matrix is not positive semi-definite). A parameter set to a fixed value (say, while tuning
in the dashboard) simply keeps its value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Annotated, Any

import numpy as np
from pydantic import BeforeValidator, Field

from ..errors import Problem, did_you_mean
from .fields import Missing, OptText, Section, fail, to_number
from .parameter import References
from .yamlload import KeyPath, dotted

_RANK_EXPECTED = "a rank correlation from -1 to 1"


def _rank(value: Any) -> float:
    num = to_number(value)
    if not -1.0 <= num <= 1.0:
        fail(f"{num:g} is out of range", _RANK_EXPECTED)
    return num


def _names(value: Any) -> Any:
    if not isinstance(value, list) or len(value) < 2:
        fail(f"{value!r} is not a list of two or more parameters", "e.g. [sig_cost.kommun, ...]")
    return value


class CorrelationSpec(Section):
    """One rank correlation shared by every pair of the parameters it names."""

    WHAT = "a correlation"
    between: Annotated[
        list[str],
        BeforeValidator(_names),
        Missing("missing", "the parameters that move together, e.g. [a.kommun, a.stat]"),
        Field(description="two or more parameters by dotted name"),
    ]
    rank: Annotated[
        float,
        BeforeValidator(_rank),
        Missing("missing", _RANK_EXPECTED),
        Field(description="Spearman rank correlation, -1 to 1"),
    ]
    reference: References
    note: OptText = None


@dataclass(frozen=True)
class Correlation:
    """A validated correlation: parameter names, rank correlation, sources."""

    names: tuple[str, ...]
    rank: float
    line: int
    note: dict[str, str] | None = None  # {sv, en}
    sources: tuple[str, ...] = ()  # each reference as one line


def pearson_of_rank(rank: float) -> float:
    """The normal-score correlation with Spearman rank correlation ``rank``: 2·sin(π·ρ/6)."""
    return 2.0 * math.sin(math.pi * rank / 6.0)


def matrix(names: list[str], correlations: tuple[Correlation, ...]) -> np.ndarray:
    """The normal-score correlation matrix over ``names`` (identity where nothing is said)."""
    index = {name: i for i, name in enumerate(names)}
    m = np.eye(len(names))
    for c in correlations:
        r = pearson_of_rank(c.rank)
        for a in c.names:
            for b in c.names:
                if a != b:
                    m[index[a], index[b]] = r
    return m


def check(
    specs: list[CorrelationSpec],
    parameters: dict[str, Any],
    locate: Any,
) -> tuple[tuple[Correlation, ...], list[Problem]]:
    """Validated correlations and the problems found; ``locate(path) -> (file, line)``."""
    problems: list[Problem] = []
    out: list[Correlation] = []
    seen: dict[frozenset[str], int] = {}
    known = list(parameters)

    def add(path: KeyPath, message: str, expected: str) -> None:
        file, line = locate(path)
        problems.append(Problem(file, line, dotted(path), message, expected))

    for i, spec in enumerate(specs):
        path: KeyPath = ("correlations", i, "between")
        ok = True
        for j, name in enumerate(spec.between):
            if name not in known:
                hint = did_you_mean(str(name), known)
                add(
                    (*path, j),
                    f"unknown parameter {name!r}" + (f" ({hint})" if hint else ""),
                    "a parameter's dotted name as 'costmodel describe' lists it",
                )
                ok = False
        if len(set(spec.between)) < len(spec.between):
            add(path, "a parameter is named twice", "each parameter once")
            ok = False
        for a in spec.between:
            for b in spec.between:
                pair = frozenset((a, b))
                if a < b and pair in seen and seen[pair] != i:
                    add(path, f"{a} and {b} are already correlated", "each pair once")
                    ok = False
                seen.setdefault(pair, i)
        if ok:
            _, line = locate(("correlations", i))
            note = spec.note.pair() if spec.note else None
            refs = spec.reference if isinstance(spec.reference, list) else [spec.reference]
            sources = tuple(", ".join(x for x in (r.title, r.where, r.url) if x) for r in refs)
            out.append(Correlation(tuple(spec.between), spec.rank, line, note, sources))
    if problems or not out:
        return tuple(out), problems
    names = sorted({n for c in out for n in c.names})
    smallest = float(np.linalg.eigvalsh(matrix(names, tuple(out))).min())
    if smallest < -1e-9:
        add(
            ("correlations",),
            "these correlations contradict each other: no joint distribution has them (the "
            f"matrix is not positive semi-definite, smallest eigenvalue {smallest:.3g})",
            "weaker or consistent correlations (if a moves with b and b with c, a moves with c)",
        )
    return tuple(out), problems
