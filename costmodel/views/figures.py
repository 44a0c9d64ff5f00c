"""A run's figures before they are shown: a non-finite or absurd figure is a user error.

The bounds on the inputs (:mod:`costmodel.scenario.dist_rules`, the smallest amount and period
in :mod:`costmodel.scenario.units`, the largest amount in :mod:`.distributions`) keep every
ordinary scenario far inside what a float can hold, but allowed extremes can still multiply
into figures no SIG can have (a placement cost of 10¹² kr times 10¹² placement-years, a cost of
1 kr against a benefit of 10¹² kr). Such a run is refused like any other problem of the file
(exit 2, ``file:line: key.path: what is wrong; expected``), never shown as a table of
"1e+24 kr" and never a crash:

- any figure that is not a finite number;
- any amount or count beyond :data:`MAX_FIGURE` (a thousand times Sweden's yearly GDP);
- a benefit per krona beyond :data:`MAX_RATIO`.

The problem names the parameter most likely at fault where one stands out (its draws reach
beyond :data:`ORDINARY` in either direction, in base units: kr, years, counts); otherwise it
points at the scenario file's first line.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np

from ..engine import Results
from ..engine.methods import COST
from ..errors import Problem, ScenarioError
from ..scenario import Parameter, Scenario
from ..scenario.yamlload import dotted

MAX_FIGURE = 1e15  # kr or a count; Sweden's GDP is about 6·10¹² kr a year
MAX_RATIO = 1e6  # benefit per krona
ORDINARY = (1e-6, 1e9)  # a parameter's draws (base units) beyond these stand out
_SAMPLE = 2000  # draws per parameter to find the one at fault (a fixed seed: reproducible)


def _floats(data: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], float]]:
    """Every float of a JSON-ready result, with its key path (whole numbers are counts of
    iterations, seeds, years: not figures)."""
    if isinstance(data, float):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _floats(value, (*path, str(key)))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _floats(value, (*path, str(i)))


def _absurd(path: tuple[str, ...], x: float, bounded: bool) -> bool:
    if not math.isfinite(x):
        return True
    if not bounded:
        return False
    limit = MAX_RATIO if any("ratio" in key for key in path) else MAX_FIGURE
    return abs(x) > limit


def _at_fault(s: Scenario, cost_slots: set[str]) -> tuple[Parameter, float] | None:
    """The parameter whose draws stand out most (and the draw that does), or None; failing
    that, of the parameters in ``cost_slots`` (for a benefit per krona), the one with the
    smallest draw (costs are divided into benefits)."""
    rng = np.random.default_rng(0)
    worst: tuple[float, Parameter, float] | None = None
    cheapest: tuple[float, Parameter] | None = None
    low, high = ORDINARY
    for p in s.parameters.values():
        with np.errstate(all="ignore"):
            x = np.abs(p.dist.sample(rng, _SAMPLE) * p.scale)
        if not np.isfinite(x).all():
            return p, math.inf
        positive = x[x > 0]
        if positive.size == 0:
            continue
        small, big = float(positive.min()), float(positive.max())
        for score, draw in ((math.log10(low / small), small), (math.log10(big / high), big)):
            if score > 0 and (worst is None or score > worst[0]):
                worst = (score, p, draw / p.scale)
        if p.slot in cost_slots and p.unit.is_money and (cheapest is None or small < cheapest[0]):
            cheapest = (small, p)
    if worst is not None:
        return worst[1], worst[2]
    return None if cheapest is None else (cheapest[1], cheapest[0] / cheapest[1].scale)


def _value(x: float) -> str:
    return f"{x:.3g}" if math.isfinite(x) else "not a finite number"


def problem(
    figures: dict[str, Any], s: Scenario, cost_slots: Iterable[str] = (), bounded: bool = True
) -> Problem | None:
    """The problem with a run's JSON-ready ``figures`` (a summary, an analysis), or None.

    ``cost_slots`` are the slots of the run's cost flows (to find the cost behind an absurd
    benefit per krona); with ``bounded`` False only a non-finite figure is a problem (an
    analysis may name large thresholds).
    """
    bad = next(((path, x) for path, x in _floats(figures) if _absurd(path, x, bounded)), None)
    if bad is None:
        return None
    path, x = bad
    message = f"the run's {'.'.join(path)} comes out as {_value(x)}, beyond any plausible result"
    ratio = any("ratio" in key for key in path)
    fault = _at_fault(s, set(cost_slots) if ratio else set())
    if fault is None:
        return Problem(
            s.file,
            1,
            "",
            message,
            "parameters of ordinary size: check the largest and smallest amounts and spreads",
        )
    p, draw = fault
    return Problem(
        *(p.value_at or (p.file, p.line)),
        dotted((*p.path, "value")),
        f"{message}; this parameter's draws reach {_value(draw)} {p.unit.id}",
        "values of ordinary size for this parameter",
    )


def check(figures: dict[str, Any], s: Scenario, results: Results | None = None) -> None:
    """Raise :class:`ScenarioError` if a run's summary holds a non-finite or absurd number
    (``results``: the run, whose cost flows point at the cost behind an absurd ratio)."""
    slots = [f.slot for f in results.flows if f.kind == COST] if results is not None else []
    found = problem(figures, s, slots)
    if found is not None:
        raise ScenarioError([found])


def check_finite(figures: dict[str, Any], s: Scenario) -> None:
    """Raise :class:`ScenarioError` if an analysis holds a number that is not finite."""
    found = problem(figures, s, bounded=False)
    if found is not None:
        raise ScenarioError([found])
