"""The Monte Carlo engine: draw every parameter, run the method, discount, wrap in Results.

All iterations are drawn at once (:mod:`.draws`: one explicit generator per parameter, no
global state); :mod:`.chunks` runs big ones in pieces for their summary. A deterministic run
sets every parameter to its central value (the most likely value of its distribution) and uses
a single iteration; a published run uses the figures a source published (``published:``) and
central values for the rest, to reproduce a hand calculation.
"""

from __future__ import annotations

import numpy as np

from .. import __version__
from ..scenario import Scenario
from ..scenario.cashable import default_share
from . import memory
from .draws import draw
from .methods import METHODS, Flow, Values
from .results import Results, Stamp


class TooLarge(ValueError):
    """A run that would not fit in memory or gives non-finite numbers; a user error."""


def central(scenario: Scenario) -> Values:
    """Every parameter at its central value, as arrays of shape (1,)."""
    return {name: np.array([p.dist.central() * p.scale]) for name, p in scenario.parameters.items()}


def as_published(scenario: Scenario) -> Values:
    """Every parameter at the figure its source published, else at its central value."""
    return {
        name: np.array([(p.dist.central() if p.published is None else p.published) * p.scale])
        for name, p in scenario.parameters.items()
    }


def cash_share(scenario: Scenario, flow: Flow) -> float:
    """The share of ``flow`` that is cash: its parameters' ``cashable:``, else the default."""
    for p in scenario.by_slot(flow.slot):
        if p.payer == flow.payer and p.group_entry == flow.entry and p.cashable is not None:
            return p.cashable
    return default_share(flow.category, flow.payer).share


def adjust(flows: list[Flow], values: Values) -> None:
    """Every cost times (1 + optimism_bias), every benefit times (1 − benefit_discount), where
    the scenario gives them (:data:`costmodel.scenario.slots.ADJUSTMENTS`)."""
    factors = {
        "cost": 1.0 + values["optimism_bias"] if "optimism_bias" in values else None,
        "benefit": 1.0 - values["benefit_discount"] if "benefit_discount" in values else None,
    }
    for f in flows:
        factor = factors[f.kind]
        if factor is not None:
            f.values = f.values * factor[:, None]


def discount_factors(rate: float, horizon: int) -> np.ndarray:
    """Year 1 is not discounted; year t is divided by (1 + rate)^(t - 1)."""
    return (1.0 + rate) ** -np.arange(horizon, dtype=float)


def evaluate(
    scenario: Scenario,
    values: Values,
    *,
    seed: int | None = None,
    deterministic: bool = False,
    published: bool = False,
) -> Results:
    """Run the scenario's method on given parameter values (all arrays of one length)."""
    n = len(next(iter(values.values()))) if values else 1
    with np.errstate(all="ignore"):
        out = METHODS[scenario.method](scenario, values, n)
    adjust(out.flows, values)
    for f in out.flows:
        f.cashable = cash_share(scenario, f)
        # one sum is finite only if every amount is (a quick pass, no mask); else look closer
        if not np.isfinite(f.values.sum()) and not np.isfinite(f.values).all():
            raise TooLarge(
                f"the inputs give non-finite {f.category} amounts for {f.payer} (a division by "
                "zero or numbers too large); expected inputs of ordinary size"
            )
    stamp = Stamp(
        scenario=scenario.meta.name,
        file=scenario.file,
        sha256=scenario.sha256,
        method=scenario.method,
        seed=scenario.meta.seed if seed is None else seed,
        iterations=n,
        deterministic=deterministic or published,
        published=published,
        version=__version__,
        price_year=scenario.meta.price_year,
        discount_rate=scenario.meta.discount_rate,
        horizon_years=scenario.meta.horizon_years,
        perspective=scenario.meta.perspective,
        numpy_version=np.__version__,
        scenario_en=scenario.meta.title("en"),
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
    published: bool = False,
) -> Results:
    """Run a scenario: Monte Carlo by default, central values when ``deterministic``, the
    published figures (central values for the rest) when ``published``."""
    if published:
        return evaluate(scenario, as_published(scenario), seed=seed, published=True)
    if deterministic:
        return evaluate(scenario, central(scenario), seed=seed, deterministic=True)
    n = scenario.meta.iterations if iterations is None else iterations
    if n < 1:
        raise ValueError("iterations must be at least 1")
    problem = memory.check(scenario, n)
    if problem:
        raise TooLarge(problem)
    s = scenario.meta.seed if seed is None else seed
    return evaluate(scenario, draw(scenario, s, n), seed=s)
