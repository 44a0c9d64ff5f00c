"""The benchmark model of issue 9 in numpy alone: its inputs, the sampling floor, a hand-written
vectorised version of it, and its central case.

The model is ``benchmarks/benchmark.yaml`` on costmodel's cohort method: 10 yearly cohorts of 10
youths followed to the end of a 10-year horizon, an effect that decays 20 % a year after each
cohort's intake, attribution 1, 3.5 % discounting, and offences only in the time a youth is not
placed (incapacitation). :func:`net_benefit` computes costmodel's discounted net benefit for
society (the cohort method's flows summed over years and payers) in closed form: every year's
flows are a fixed weight times the same per-iteration product, so the sum over years is three
precomputed sums (:func:`horizon_sums`) instead of ``(n, 10)`` arrays.

Per youth-year, with P0 = p·d placed time and Q = p·d·r (both scaled down so that P0 is at most
a year) and f the share of the effect still working, the cohort method avoids f·Q
placement-years and rate·[f·r_c·(1 − P0) − f·Q + f²·r_c·Q] offences; see
``costmodel/engine/methods/cohort.py``.

:func:`net_benefit` only uses ``+ - * /`` and the ``maximum`` it is given, so the same function
runs on numpy arrays (the hand-written version), on floats (one monaco case, the central case)
and on squigglepy distributions (distribution algebra, ``maximum=squigglepy.dist_max``).

Run as a script, ``python benchmarks/sig_model.py N`` is a process that imports numpy and draws
the model's variates N times, nothing else: what the whole CLI process is compared with.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

YOUTHS_PER_YEAR = 10.0
INTAKE_YEARS = 10
HORIZON_YEARS = 10
EFFECT_DECAY = 0.2
DISCOUNT_RATE = 0.035
ATTRIBUTION = 1.0
PERT_LAMBDA = 4.0

# The uncertain inputs, as in benchmark.yaml: (distribution, its arguments). The lognormal is
# given by the mean and sd of its logarithm (median 6, σ 0.5).
INPUTS: dict[str, tuple[str, tuple[float, ...]]] = {
    "sig_cost": ("triangular", (700_000.0, 900_000.0, 1_200_000.0)),
    "placement_cost": ("triangular", (2_000_000.0, 2_726_000.0, 3_500_000.0)),
    "probability": ("beta", (7.0, 13.0)),
    "placement_reduction": ("pert", (0.1, 0.4, 0.7)),
    "duration": ("uniform", (0.5, 1.5)),
    "offence_rate": ("lognormal", (math.log(6.0), 0.5)),
    "offence_reduction": ("pert", (0.1, 0.3, 0.6)),
    "offence_cost": ("triangular", (50_000.0, 120_000.0, 250_000.0)),
}

# costmodel's name of each input in benchmark.yaml (for ``costmodel describe`` and checks)
SCENARIO_NAMES = {
    "sig_cost": "sig_cost.kommun",
    "placement_cost": "placements.placement.cost.kommun",
    "probability": "placements.placement.probability",
    "placement_reduction": "placements.placement.reduction",
    "duration": "placements.placement.duration",
    "offence_rate": "crimes.all.rate",
    "offence_reduction": "crimes.all.reduction",
    "offence_cost": "crimes.all.cost.ovrigt",
}


def pert_shape(low: float, mode: float, high: float) -> tuple[float, float]:
    """The beta shape parameters of a PERT distribution (λ = 4)."""
    width = high - low
    return 1 + PERT_LAMBDA * (mode - low) / width, 1 + PERT_LAMBDA * (high - mode) / width


def central() -> dict[str, float]:
    """costmodel's central case: the mode of a triangular or PERT, the median of a lognormal,
    the mean of the rest."""
    out = {}
    for name, (kind, args) in INPUTS.items():
        if kind in ("triangular", "pert"):
            out[name] = args[1]
        elif kind == "lognormal":
            out[name] = math.exp(args[0])
        elif kind == "beta":
            out[name] = args[0] / (args[0] + args[1])
        else:  # uniform
            out[name] = (args[0] + args[1]) / 2
    return out


def draw(rng: np.random.Generator, n: int) -> dict[str, np.ndarray]:
    """The sampling floor: every input drawn ``n`` times with numpy, and nothing else."""
    out = {}
    for name, (kind, args) in INPUTS.items():
        if kind == "triangular":
            low, mode, high = args
            out[name] = rng.triangular(low, mode, high, n)
        elif kind == "pert":
            low, mode, high = args
            a, b = pert_shape(low, mode, high)
            out[name] = low + (high - low) * rng.beta(a, b, n)
        elif kind == "beta":
            a, b = args
            out[name] = rng.beta(a, b, n)
        elif kind == "uniform":
            low, high = args
            out[name] = rng.uniform(low, high, n)
        else:
            mu, sigma = args
            out[name] = rng.lognormal(mu, sigma, n)
    return out


def horizon_sums() -> tuple[float, float, float]:
    """(W1, W2, S): discounted sums over the horizon of the active effect-years f, of f², and
    of the years SIG is paid for.

    Year t (0-based) has cohorts that started in years s ≤ min(t, intake − 1), each with
    f = attribution · keep^(t − s); year t is discounted by (1 + rate)^−t.
    """
    keep = 1.0 - EFFECT_DECAY
    w1 = w2 = paid = 0.0
    for t in range(HORIZON_YEARS):
        discount = (1.0 + DISCOUNT_RATE) ** -t
        for start in range(min(t, INTAKE_YEARS - 1) + 1):
            w1 += discount * keep ** (t - start)
            w2 += discount * keep ** (2 * (t - start))
        if t < INTAKE_YEARS:
            paid += discount
    return w1, w2, paid


W1, W2, PAID_YEARS = horizon_sums()


def net_benefit(v: Mapping[str, Any], maximum: Callable[[Any, Any], Any] = np.maximum) -> Any:
    """Discounted net benefit for society: avoided placements and offences less SIG's cost.

    ``v`` maps each name in :data:`INPUTS` to arrays, floats or distributions alike.
    """
    p, d, r = v["probability"], v["duration"], v["placement_reduction"]
    r_c = v["offence_reduction"]
    a = ATTRIBUTION
    placed = p * d
    # placed more than a year: P0, Q and the avoided placement-years scaled down to a year (the
    # method caps the larger of P0 and P0 − Q; the reduction here is positive, so that is P0)
    cap = maximum(placed, 1.0)
    avoidable = placed * r / cap  # Q, avoided placement-years per youth-year of full effect
    placements = YOUTHS_PER_YEAR * a * W1 * avoidable * v["placement_cost"]
    offences_per_youth = (
        a * W1 * r_c - a * W1 * (r_c * placed / cap + avoidable) + a * a * W2 * (r_c * avoidable)
    )
    offences = YOUTHS_PER_YEAR * v["offence_rate"] * offences_per_youth * v["offence_cost"]
    return placements + offences - PAID_YEARS * v["sig_cost"]


def stats(net: np.ndarray) -> dict[str, float]:
    """The headline figures of a run: mean, sd, 5/50/95 % and the chance SIG pays off."""
    p5, p50, p95 = np.percentile(net, [5, 50, 95])
    return {
        "mean": float(net.mean()),
        "sd": float(net.std(ddof=1)),
        "p5": float(p5),
        "p50": float(p50),
        "p95": float(p95),
        "probability_positive": float(np.mean(net > 0)),
    }


def handwritten(n: int, seed: int) -> dict[str, float]:
    """The hand-written vectorised version: draw, compute, summarise."""
    return stats(net_benefit(draw(np.random.default_rng(seed), n)))


def main(argv: list[str]) -> None:
    """Draw the variates N times (default 1 000 000) and exit: the floor as a process."""
    n = int(argv[0]) if argv else 1_000_000
    draw(np.random.default_rng(1), n)


if __name__ == "__main__":
    main(sys.argv[1:])
