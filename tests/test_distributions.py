"""Distributions: Monte Carlo means agree with closed forms; arguments are checked."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

from costmodel.scenario import distributions as d

N = 200_000

CASES: list[tuple[Any, float]] = [
    # (spec, closed-form mean)
    (5.0, 5.0),
    ({"dist": "uniform", "low": 2, "high": 6}, 4.0),
    ({"dist": "triangular", "low": 0, "mode": 1, "high": 5}, 2.0),  # (0 + 1 + 5) / 3
    ({"dist": "pert", "low": 0, "mode": 1, "high": 5}, 1.5),  # (0 + 4·1 + 5) / 6
    ({"dist": "normal", "mean": 10, "sd": 2}, 10.0),
    # truncated at the mean: 0 + 1·φ(0)/(1/2) = 2/√(2π)
    ({"dist": "normal", "mean": 0, "sd": 1, "low": 0}, 2 / math.sqrt(2 * math.pi)),
    ({"dist": "lognormal", "mean": 200000, "sd": 60000}, 200000.0),
    # exp(μ + σ²/2) with μ = ln √(1·10), σ = ln(10)/(2·1.645)
    (
        {"dist": "interval90", "low": 1, "high": 10},
        math.exp(math.log(10) / 2 + (math.log(10) / (2 * d.Z95)) ** 2 / 2),
    ),
    ({"dist": "interval90", "low": -1, "high": 3}, 1.0),
    ({"dist": "beta", "alpha": 2, "beta": 6}, 0.25),
    ({"dist": "beta", "mean": 0.3, "sd": 0.1}, 0.3),
    ({"dist": "gamma", "shape": 7, "scale": 1 / 7}, 1.0),
    ({"dist": "gamma", "mean": 9, "sd": 1}, 9.0),
    ({"dist": "poisson", "mean": 9}, 9.0),
]


def _parse(spec: Any) -> d.Distribution:
    problems: list[str] = []
    dist = d.parse(spec, lambda k, m, e: problems.append(f"{k}: {m}; {e}"))
    assert dist is not None, problems
    return dist


@pytest.mark.parametrize("spec,mean", CASES, ids=[str(c[0]) for c in CASES])
def test_sample_mean_matches_closed_form(spec: Any, mean: float) -> None:
    dist = _parse(spec)
    assert dist.mean() == pytest.approx(mean, rel=1e-9)
    x = dist.sample(np.random.default_rng(1), N)
    se = x.std() / math.sqrt(N)
    assert abs(x.mean() - mean) <= 4 * se + 1e-12
    lo, hi = dist.support()
    assert x.min() >= lo and x.max() <= hi


def test_central_values() -> None:
    assert _parse({"dist": "triangular", "low": 0, "mode": 1, "high": 5}).central() == 1
    assert _parse({"dist": "pert", "low": 0, "mode": 1, "high": 5}).central() == 1
    assert _parse({"dist": "interval90", "low": 1, "high": 100}).central() == pytest.approx(10)
    assert _parse({"dist": "uniform", "low": 0.25, "high": 1, "central": 1}).central() == 1
    assert _parse(7).central() == 7


def test_to_spec_round_trips() -> None:
    for spec, _ in CASES:
        dist = _parse(spec)
        again = _parse(dist.to_spec())
        assert again.mean() == pytest.approx(dist.mean())
        assert again.central() == pytest.approx(dist.central())


def test_same_generator_state_same_draws() -> None:
    dist = _parse({"dist": "pert", "low": 0, "mode": 1, "high": 5})
    a = dist.sample(np.random.default_rng(42), 1000)
    b = dist.sample(np.random.default_rng(42), 1000)
    c = dist.sample(np.random.default_rng(43), 1000)
    assert np.array_equal(a, b)
    assert not np.array_equal(a, c)


@pytest.mark.parametrize(
    "spec,fragment",
    [
        ({"dist": "triangular", "low": 3, "mode": 2, "high": 1}, "out of order"),
        ({"dist": "uniform", "low": 1}, "needs high"),
        ({"dist": "normal", "mean": 1, "sd": -1}, "must be at least 0"),
        ({"dist": "beta", "mean": 0.5, "sd": 0.6}, "no beta distribution"),
        ({"dist": "lognormal", "mean": 0, "sd": 1}, "must be above 0"),
        ({"dist": "poisson", "mean": "nio"}, "is not a number"),
        ({"dist": "pert", "low": 1, "mode": 2, "high": 3, "mod": 2}, "did you mean 'mode'"),
        ({"dist": "uniform", "low": 0, "high": 1, "central": 2}, "outside the distribution"),
        ({"dist": "normal", "mean": 0, "sd": 1, "low": 5, "high": 6}, "less than 0.1 %"),
        ({"dist": "interval90", "low": 0, "high": 1, "shape": "lognormal"}, "needs low > 0"),
        ({"low": 1, "high": 2}, "no 'dist:' key"),
        ("2 726 000", "write 2726000"),
        (True, "neither a number"),
    ],
)
def test_bad_arguments_are_reported(spec: Any, fragment: str) -> None:
    problems: list[str] = []
    assert d.parse(spec, lambda k, m, e: problems.append(f"{k}: {m}; {e}")) is None
    assert any(fragment in p for p in problems), problems


def test_str_is_readable() -> None:
    assert (
        str(_parse({"dist": "pert", "low": 1, "mode": 2, "high": 4}))
        == "pert(low=1, mode=2, high=4)"
    )
