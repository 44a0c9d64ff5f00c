"""The Monte Carlo engine: draw every parameter, run the method, discount, wrap in Results.

All iterations are drawn at once from one explicit ``numpy.random.Generator`` seeded from the
scenario (or the caller). Parameters are drawn in a fixed order (their order in the file), so
the same scenario and seed give identical numbers in any process. A deterministic run sets
every parameter to its central value and uses a single iteration.
"""

from __future__ import annotations

import numpy as np

from . import __version__
from .methods import METHODS, Values
from .results import Results, Stamp
from .scenario import Scenario


class TooLarge(ValueError):
    """A run that would not fit in memory; a user error."""


MEMORY_BUDGET_BYTES = 6 * 1024**3


def bytes_per_iteration(scenario: Scenario) -> int:
    """A rough upper bound of the memory one iteration needs (inputs, flows, cached views)."""
    h = scenario.meta.horizon_years
    money = sum(1 for p in scenario.parameters.values() if p.unit.is_money)
    return 8 * (len(scenario.parameters) + 2 * money * h + 12 * h)


def max_iterations(scenario: Scenario) -> int:
    return MEMORY_BUDGET_BYTES // bytes_per_iteration(scenario)


def draw(scenario: Scenario, rng: np.random.Generator, n: int) -> Values:
    """Sample every parameter: arrays of shape (n,) in base units and scenario prices."""
    return {name: p.dist.sample(rng, n) * p.scale for name, p in scenario.parameters.items()}


def central(scenario: Scenario) -> Values:
    """Every parameter at its central value, as arrays of shape (1,)."""
    return {name: np.array([p.dist.central() * p.scale]) for name, p in scenario.parameters.items()}


def discount_factors(rate: float, horizon: int) -> np.ndarray:
    """Year 1 is not discounted; year t is divided by (1 + rate)^(t - 1)."""
    return (1.0 + rate) ** -np.arange(horizon, dtype=float)


def evaluate(
    scenario: Scenario, values: Values, *, seed: int | None = None, deterministic: bool = False
) -> Results:
    """Run the scenario's method on given parameter values (all arrays of one length)."""
    n = len(next(iter(values.values()))) if values else 1
    out = METHODS[scenario.method](scenario, values, n)
    stamp = Stamp(
        scenario=scenario.meta.name,
        file=scenario.file,
        sha256=scenario.sha256,
        method=scenario.method,
        seed=scenario.meta.seed if seed is None else seed,
        iterations=n,
        deterministic=deterministic,
        version=__version__,
        price_year=scenario.meta.price_year,
        discount_rate=scenario.meta.discount_rate,
        horizon_years=scenario.meta.horizon_years,
        perspective=scenario.meta.perspective,
    )
    return Results(
        stamp=stamp,
        flows=out.flows,
        category_labels=out.category_labels,
        discount=discount_factors(scenario.meta.discount_rate, scenario.meta.horizon_years),
        youths=out.youths,
        outcomes=out.outcomes,
        inputs=values,
    )


def run(
    scenario: Scenario,
    iterations: int | None = None,
    seed: int | None = None,
    deterministic: bool = False,
) -> Results:
    """Run a scenario: Monte Carlo by default, central values when ``deterministic``."""
    if deterministic:
        return evaluate(scenario, central(scenario), seed=seed, deterministic=True)
    n = scenario.meta.iterations if iterations is None else iterations
    if n < 1:
        raise ValueError("iterations must be at least 1")
    if n > max_iterations(scenario):
        raise TooLarge(
            f"{n} iterations of this scenario need about "
            f"{n * bytes_per_iteration(scenario) / 1024**3:.1f} GB of memory; expected at most "
            f"{max_iterations(scenario)} iterations"
        )
    s = scenario.meta.seed if seed is None else seed
    rng = np.random.default_rng(s)
    return evaluate(scenario, draw(scenario, rng, n), seed=s)
