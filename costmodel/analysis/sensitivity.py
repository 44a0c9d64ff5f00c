"""What drives the verdict: one-way sensitivity (tornado), switching values and break-even.

All three hold every input at its central value (:func:`costmodel.engine.central`) and move
one at a time, evaluating the scenario's method on a batch of input rows in one vectorised
call (:func:`costmodel.engine.evaluate`):

- :func:`tornado`: net benefit with each input at its 10th and at its 90th percentile (taken
  from the Monte Carlo sample of the same run), sorted by swing; payer-split inputs are moved
  per payer line; the discount rate (1 % to 5 %) is a row of its own;
- :func:`switching_values`: the value of each input at which net benefit is zero, found by
  bisection on a grid over the input's range, and widened to its unit's domain when the range
  holds none (then the verdict does not switch within the range);
- :func:`break_even`: the first year whose cumulative discounted net benefit is at least 0 in
  the central case, and the probability of breaking even within a term of office (four years)
  and within the horizon;
- :func:`two_way`: net benefit over a grid of two inputs (by default the two widest in the
  tornado), for a heat map with its zero contour.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import numpy as np

from ..engine import Results, central, evaluate
from ..scenario import Scenario, loads, to_yaml

TERM_OF_OFFICE_YEARS = 4  # a mandatperiod: many social investment funds ask for break-even in it


@dataclass(frozen=True)
class Swing:
    parameter: str
    payer: str | None
    low: float  # net benefit with the input at its 10th percentile
    high: float  # ... at its 90th percentile
    low_value: float  # the input's 10th percentile (base units: kr, years)
    high_value: float

    @property
    def swing(self) -> float:
        return abs(self.high - self.low)


def _net_of_rows(s: Scenario, rows: dict[str, np.ndarray], perspective: str) -> np.ndarray:
    return evaluate(s, rows, deterministic=True).net(perspective)


def _batch(s: Scenario, changes: list[tuple[str, float]]) -> dict[str, np.ndarray]:
    """Central values repeated for each change, with that one input changed."""
    base = central(s)
    rows = {name: np.repeat(v, len(changes)) for name, v in base.items()}
    for i, (name, value) in enumerate(changes):
        rows[name][i] = value
    return rows


def uncertain(s: Scenario) -> list[str]:
    """The inputs that are not fixed numbers."""
    out = []
    for name, p in s.parameters.items():
        lo, hi = p.dist.support()
        if lo != hi:
            out.append(name)
    return out


def tornado(results: Results, s: Scenario, perspective: str | None = None) -> list[Swing]:
    """One-way sensitivity at the 10th and 90th percentiles, widest swing first."""
    persp = s.meta.perspective if perspective is None else perspective
    names = [n for n in uncertain(s) if n in results.inputs]
    quantiles = {n: np.percentile(results.inputs[n], [10, 90]) for n in names}
    changes = [(n, float(q)) for n in names for q in quantiles[n]]
    if not changes:
        return []
    net = _net_of_rows(s, _batch(s, changes), persp)
    rows = [
        Swing(
            n,
            s.parameters[n].payer,
            float(net[2 * i]),
            float(net[2 * i + 1]),
            float(quantiles[n][0]),
            float(quantiles[n][1]),
        )
        for i, n in enumerate(names)
    ]
    rows.append(_discount_swing(s, persp))
    return sorted(rows, key=lambda r: r.swing, reverse=True)


def _discount_swing(s: Scenario, perspective: str) -> Swing:
    nets = []
    for rate in (0.01, 0.05):
        data = copy.deepcopy(s.data)
        data["scenario"]["discount_rate"] = rate
        variant = loads(to_yaml(data), name=f"{s.file} (diskonteringsränta {rate:g})")
        nets.append(
            float(evaluate(variant, central(variant), deterministic=True).net(perspective)[0])
        )
    return Swing("discount_rate", None, nets[0], nets[1], 0.01, 0.05)


@dataclass(frozen=True)
class SwitchingValue:
    parameter: str
    payer: str | None
    value: float | None  # base units (kr, years); None if net benefit never crosses zero
    within_range: bool  # the value lies within the input's distribution's range
    pays_above: bool | None  # SIG pays off when the input is above the value (else below)
    pays_everywhere: bool | None  # with no switching value: pays in the whole searched range


def switching_values(
    s: Scenario,
    perspective: str | None = None,
    names: list[str] | None = None,
    steps: int = 64,
    ranges: dict[str, tuple[float, float]] | None = None,
) -> list[SwitchingValue]:
    """For each input, the value at which central net benefit is zero (others central).

    The search range is the input's distribution's range; an unbounded one (lognormal, gamma,
    a 90 % interval) takes the lowest and highest draws of ``ranges`` (base units) instead.
    """
    persp = s.meta.perspective if perspective is None else perspective
    out = []
    for name in names if names is not None else uncertain(s):
        p = s.parameters[name]
        lo, hi = (b * p.scale for b in p.dist.support())
        if not (np.isfinite(lo) and np.isfinite(hi)):
            drawn = (ranges or {}).get(name)
            if drawn is None:
                continue  # no finite range to search
            lo = lo if np.isfinite(lo) else drawn[0]
            hi = hi if np.isfinite(hi) else drawn[1]
        found = _root(s, persp, name, lo, hi, steps)
        within = found is not None
        if found is None:  # widen to the unit's domain: how far would the input have to go?
            u_lo = p.unit.low * p.scale
            u_hi = p.unit.high * p.scale if np.isfinite(p.unit.high) else max(hi, 1.0) * 10
            found = _root(s, persp, name, u_lo, u_hi, steps)
        if found is None:
            net = _net_of_rows(s, _batch(s, [(name, lo), (name, hi)]), persp)
            out.append(SwitchingValue(name, p.payer, None, False, None, bool(net.min() > 0)))
            continue
        value, pays_above = found
        out.append(SwitchingValue(name, p.payer, value, within, pays_above, None))
    return out


def _root(
    s: Scenario, persp: str, name: str, lo: float, hi: float, steps: int
) -> tuple[float, bool] | None:
    """(value, pays above it) where net benefit crosses zero in [lo, hi], by grid and bisection."""
    if not hi > lo:
        return None
    grid = np.linspace(lo, hi, steps + 1)
    net = _net_of_rows(s, _batch(s, [(name, float(x)) for x in grid]), persp)
    sign = np.sign(net)
    crossings = [
        int(i)
        for i in np.nonzero(sign[:-1] * sign[1:] <= 0)[0]
        if not (sign[i] == 0 and sign[i + 1] == 0)
    ]
    if not crossings:
        return None
    i = crossings[0]
    a, b, fa = grid[i], grid[i + 1], net[i]
    for _ in range(60):  # bisection to machine precision
        mid = 0.5 * (a + b)
        fm = _net_of_rows(s, _batch(s, [(name, mid)]), persp)[0]
        if (fm > 0) == (fa > 0):
            a, fa = mid, fm
        else:
            b = mid
    return float(0.5 * (a + b)), bool(net[i + 1] > net[i])


@dataclass(frozen=True)
class BreakEven:
    year: int | None  # first year with cumulative discounted net benefit >= 0 (central case)
    p_within_term: float | None  # P(cumulative net benefit >= 0 by year 4, or the horizon)
    p_within_horizon: float | None


def break_even(results: Results, s: Scenario, perspective: str | None = None) -> BreakEven:
    persp = s.meta.perspective if perspective is None else perspective
    central_run = evaluate(s, central(s), deterministic=True)
    cum = np.cumsum(central_run.yearly(None, persp, True)[0])
    hits = np.nonzero(cum >= 0)[0]
    year = int(hits[0]) + 1 if hits.size else None
    if results.stamp.deterministic:
        return BreakEven(year, None, None)
    cumulative = results.cumulative_net(persp)
    term = min(TERM_OF_OFFICE_YEARS, results.horizon) - 1
    return BreakEven(
        year,
        float(np.mean(cumulative[:, term] >= 0)),
        float(np.mean(cumulative[:, -1] >= 0)),
    )


@dataclass(frozen=True)
class TwoWay:
    """Central net benefit over a grid of two inputs (base units), the rest at central values."""

    x: str
    y: str
    x_values: np.ndarray  # (k,)
    y_values: np.ndarray  # (m,)
    net: np.ndarray  # (m, k): row j is y_values[j], column i is x_values[i]


def two_way(
    results: Results,
    s: Scenario,
    x: str | None = None,
    y: str | None = None,
    perspective: str | None = None,
    steps: int = 21,
) -> TwoWay | None:
    """Net benefit over a grid of two inputs, each from its 5th to its 95th percentile in the
    run's sample; by default the two inputs with the widest tornado swing."""
    persp = s.meta.perspective if perspective is None else perspective
    if x is None or y is None:
        names = [r.parameter for r in tornado(results, s, persp) if r.parameter in results.inputs]
        if len(names) < 2:
            return None
        x, y = x or names[0], y or next(n for n in names if n != (x or names[0]))
    x_lo, x_hi = (float(q) for q in np.percentile(results.inputs[x], [5, 95]))
    y_lo, y_hi = (float(q) for q in np.percentile(results.inputs[y], [5, 95]))
    xs = np.linspace(x_lo, x_hi, steps)
    ys = np.linspace(y_lo, y_hi, steps)
    base = central(s)
    rows = {name: np.repeat(v, steps * steps) for name, v in base.items()}
    grid_x, grid_y = np.meshgrid(xs, ys)
    rows[x] = grid_x.ravel().copy()
    rows[y] = grid_y.ravel().copy()
    net = _net_of_rows(s, rows, persp).reshape(steps, steps)
    return TwoWay(x, y, xs, ys, net)
