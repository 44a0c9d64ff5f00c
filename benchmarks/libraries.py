"""squigglepy and monaco on the benchmark model (the optional ``bench`` extra).

Both compute :func:`sig_model.net_benefit`, the same function the hand-written numpy version
uses, so their central cases are the numpy one to the krona:

- **squigglepy, distribution algebra**: every input is a squigglepy distribution and the model
  is the expression ``net_benefit`` builds from them with ``+ - * /`` and ``sq.dist_max``; one
  ``sq.sample(expression, n)`` draws it. squigglepy draws every *occurrence* of a distribution
  anew (``x - x`` is not 0), so an input that appears in several terms (the placement
  probability, for one) is drawn independently in each. Every term of the model is a product of
  different inputs, so the mean is the model's (up to the rare iterations placed more than a
  year); the spread is not, and is reported beside it.
- **squigglepy, each input drawn once**: the same distributions sampled once each
  (``sq.sample(dist, n)``) and the model on the arrays: the model exactly, with squigglepy's
  samplers.
- **monaco**: one ``monaco.Sim`` with a scipy distribution per input (plain random sampling,
  one core); its run function is ``net_benefit`` on one case's floats. monaco runs Python per
  iteration, so it runs fewer iterations (``MONACO_ITERATIONS``) and its time is scaled up
  linearly.

A library that is not installed is reported as skipped with the reason, never an error.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import sig_model as model

MONACO_ITERATIONS = 100_000


def missing(module: str) -> str | None:
    """None if ``module`` imports, else why not (for the table)."""
    try:
        __import__(module)
    except Exception as exc:  # ImportError, or a broken install
        return f"{module} not installed ({type(exc).__name__}: {exc}); `pip install -e '.[bench]'`"
    return None


# --- squigglepy -----------------------------------------------------------------------------


def squigglepy_inputs() -> dict[str, Any]:
    """The inputs as squigglepy distributions."""
    import squigglepy as sq

    make: dict[str, Callable[..., Any]] = {
        "triangular": sq.triangular,
        "pert": lambda low, mode, high: sq.pert(low, mode, high, lam=model.PERT_LAMBDA),
        "beta": sq.beta,
        "uniform": sq.uniform,
        "lognormal": lambda mu, sigma: sq.lognorm(norm_mean=mu, norm_sd=sigma),
    }
    return {name: make[kind](*args) for name, (kind, args) in model.INPUTS.items()}


def squigglepy_algebra() -> Any:
    """The model as one squigglepy distribution (distribution algebra)."""
    import squigglepy as sq

    return model.net_benefit(squigglepy_inputs(), maximum=sq.dist_max)


def squigglepy_central() -> float:
    """The algebra on constant inputs (``sq.const``): the central case."""
    import squigglepy as sq

    consts = {name: sq.const(x) for name, x in model.central().items()}
    return float(np.ravel(sq.sample(model.net_benefit(consts, maximum=sq.dist_max), n=1))[0])


def squigglepy_run(n: int, seed: int) -> np.ndarray:
    """Net benefit of ``n`` iterations drawn by the algebra."""
    import squigglepy as sq

    sq.set_seed(seed)
    return np.asarray(sq.sample(squigglepy_algebra(), n=n, verbose=False), dtype=float)


def squigglepy_once_run(n: int, seed: int) -> np.ndarray:
    """Net benefit of ``n`` iterations, each input drawn once by squigglepy."""
    import squigglepy as sq

    sq.set_seed(seed)
    draws = {name: sq.sample(d, n=n, verbose=False) for name, d in squigglepy_inputs().items()}
    return model.net_benefit(draws)


# --- monaco ---------------------------------------------------------------------------------


def scipy_distribution(kind: str, args: tuple[float, ...]) -> tuple[Any, dict[str, float]]:
    """An input as monaco takes it: a scipy distribution and its keyword arguments."""
    from scipy import stats

    if kind == "triangular":
        low, mode, high = args
        return stats.triang, {"c": (mode - low) / (high - low), "loc": low, "scale": high - low}
    if kind == "pert":
        low, _, high = args
        a, b = model.pert_shape(*args)
        return stats.beta, {"a": a, "b": b, "loc": low, "scale": high - low}
    if kind == "beta":
        return stats.beta, {"a": args[0], "b": args[1]}
    if kind == "uniform":
        return stats.uniform, {"loc": args[0], "scale": args[1] - args[0]}
    mu, sigma = args
    return stats.lognorm, {"s": sigma, "scale": math.exp(mu)}


def monaco_run(n: int, seed: int) -> np.ndarray:
    """Net benefit of ``n`` monaco cases."""
    import monaco as mc

    names = list(model.INPUTS)

    def preprocess(case: Any) -> tuple[dict[str, float]]:
        return ({name: case.invals[name].val for name in names},)

    def run(values: dict[str, float]) -> tuple[float]:
        return (float(model.net_benefit(values)),)

    def postprocess(case: Any, net: float) -> None:
        case.addOutVal("net", net)

    sim = mc.Sim(
        name="sig-benchmark",
        ndraws=n,
        fcns={
            mc.SimFunctions.PREPROCESS: preprocess,
            mc.SimFunctions.RUN: run,
            mc.SimFunctions.POSTPROCESS: postprocess,
        },
        samplemethod=mc.SampleMethod.RANDOM,
        seed=seed,
        singlethreaded=True,
        verbose=False,
    )
    for name, (kind, args) in model.INPUTS.items():
        dist, kwargs = scipy_distribution(kind, args)
        sim.addInVar(name=name, dist=dist, distkwargs=kwargs)
    sim.runSim()
    return np.asarray(sim.outvars["net"].nums, dtype=float)


def monaco_central() -> float:
    """monaco's run function on the central case."""
    return float(model.net_benefit(model.central()))


# --- all of it ------------------------------------------------------------------------------


def timed(fn: Callable[[int, int], np.ndarray], n: int, seed: int) -> tuple[float, np.ndarray]:
    start = time.perf_counter()
    net = fn(n, seed)
    return time.perf_counter() - start, net


def compare(
    engine_mean: float,
    engine_se: float,
    engine_central: float,
    n: int,
    seed: int,
    repeat: int = 3,
    monaco_iterations: int = MONACO_ITERATIONS,
) -> dict[str, dict[str, Any]]:
    """Time each library on the benchmark model and check it against costmodel.

    ``engine_mean`` and ``engine_se`` are costmodel's mean net benefit at ``n`` iterations and
    its Monte Carlo standard error; a library's mean agrees if the difference is within four
    combined standard errors. ``engine_central`` is costmodel's deterministic run. squigglepy
    runs ``n`` iterations (median of ``repeat``), monaco ``monaco_iterations`` once.
    """
    runs: list[tuple[str, str, Callable[[int, int], np.ndarray], Callable[[], float], int]] = [
        ("squigglepy", "squigglepy", squigglepy_run, squigglepy_central, n),
        ("squigglepy_once", "squigglepy", squigglepy_once_run, squigglepy_central, n),
        ("monaco", "monaco", monaco_run, monaco_central, min(n, monaco_iterations)),
    ]
    out: dict[str, dict[str, Any]] = {}
    for key, module, fn, central_fn, iterations in runs:
        reason = missing(module)
        if reason is not None:
            out[key] = {"skipped": reason}
            continue
        reps = repeat if iterations == n else 1
        times, net = [], np.empty(0)
        for i in range(reps):
            seconds, net = timed(fn, iterations, seed + i)
            times.append(seconds)
        seconds = float(np.median(times))
        se = float(net.std(ddof=1) / math.sqrt(net.size))
        central = central_fn()
        out[key] = {
            "iterations": iterations,
            "runs": reps,
            "seconds": seconds,
            "seconds_at_n": seconds * n / iterations,  # scaled linearly when fewer were run
            "mean": float(net.mean()),
            "sd": float(net.std(ddof=1)),
            "standard_error": se,
            "mean_agrees": abs(net.mean() - engine_mean) <= 4 * math.hypot(se, engine_se),
            "central": central,
            "central_agrees": abs(central - engine_central) < 0.5,
        }
    return out
