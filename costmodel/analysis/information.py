"""Which uncertainty is worth reducing: importance, value of information, Monte Carlo error.

From one Monte Carlo run (its inputs and net benefit per iteration):

- :func:`importance`: the rank correlation of each input with net benefit, and the share of
  the variance of net benefit its value alone explains (a first-order index: the variance of
  the mean net benefit over equal-count bins of the input, over the total variance);
- :func:`evpi`: the expected value of perfect information for the decision "SIG or not",
  E[max(NB, 0)] − max(E[NB], 0), in kronor;
- :func:`evppi`: the same for learning one input exactly, by the nonparametric regression
  method of Strong, Oakley & Brennan (2014): net benefit smoothed against the input (here the
  mean within equal-count bins), then E[max(ĝ, 0)] − max(E[NB], 0);
- :func:`standard_errors`: the Monte Carlo standard error of the mean net benefit and of
  P(pays off), and the iterations needed for a chosen precision.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

DEFAULT_BINS = 50


def _bins(x: np.ndarray, bins: int) -> np.ndarray:
    """Equal-count bin of each iteration, by the rank of ``x``."""
    order = np.argsort(x, kind="stable")
    index = np.empty(x.size, dtype=np.int64)
    index[order] = np.arange(x.size) * bins // x.size
    return index


def conditional_means(x: np.ndarray, y: np.ndarray, bins: int = DEFAULT_BINS) -> np.ndarray:
    """ĝ: for each iteration, the mean of ``y`` over the iterations in the same bin of ``x``."""
    index = _bins(x, bins)
    sums = np.bincount(index, weights=y, minlength=bins)
    counts = np.bincount(index, minlength=bins)
    means = sums / np.maximum(counts, 1)
    return np.asarray(means[index])


def evpi(net: np.ndarray) -> float:
    """E[max(NB, 0)] − max(E[NB], 0): what knowing everything is worth to the decision."""
    return float(np.mean(np.maximum(net, 0.0)) - max(float(np.mean(net)), 0.0))


def evppi(x: np.ndarray, net: np.ndarray, bins: int = DEFAULT_BINS) -> float:
    """What knowing input ``x`` exactly is worth (Strong, Oakley & Brennan 2014, binned)."""
    if np.ptp(x) == 0:
        return 0.0
    g = conditional_means(x, net, bins)
    return float(max(np.mean(np.maximum(g, 0.0)) - max(float(np.mean(net)), 0.0), 0.0))


@dataclass(frozen=True)
class Importance:
    parameter: str
    rank_correlation: float
    variance_share: float  # first-order: Var(E[NB | input]) / Var(NB)


def _rank(x: np.ndarray) -> np.ndarray:
    order = np.argsort(x, kind="stable")
    ranks = np.empty(x.size)
    ranks[order] = np.arange(x.size)
    return ranks


def importance(
    inputs: dict[str, np.ndarray], net: np.ndarray, bins: int = DEFAULT_BINS
) -> list[Importance]:
    """Each uncertain input's rank correlation and first-order variance share, largest first."""
    total = float(np.var(net))
    ranked_net = _rank(net)
    out = []
    for name, x in inputs.items():
        if np.ptp(x) == 0 or total == 0:
            continue
        rho = float(np.corrcoef(_rank(x), ranked_net)[0, 1])
        share = float(np.var(conditional_means(x, net, bins)) / total)
        out.append(Importance(name, rho, share))
    return sorted(out, key=lambda i: i.variance_share, reverse=True)


@dataclass(frozen=True)
class StandardErrors:
    mean: float  # Monte Carlo standard error of the mean net benefit, kr
    probability: float  # ... of P(pays off)
    iterations_for_mean: int  # iterations for a standard error of `target_kr`
    iterations_for_probability: int  # ... for a standard error of one percentage point
    target_kr: float


def standard_errors(net: np.ndarray, target_kr: float = 10_000.0) -> StandardErrors:
    n = net.size
    sd = float(np.std(net, ddof=1)) if n > 1 else 0.0
    p = float(np.mean(net > 0))
    return StandardErrors(
        mean=sd / math.sqrt(n),
        probability=math.sqrt(p * (1 - p) / n),
        iterations_for_mean=math.ceil((sd / target_kr) ** 2) if target_kr > 0 else 0,
        iterations_for_probability=math.ceil(p * (1 - p) / 0.01**2),
        target_kr=target_kr,
    )
