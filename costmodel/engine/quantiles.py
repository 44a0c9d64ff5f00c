"""Summary statistics of a long series, exactly numpy's, in a fraction of its time.

:func:`stats` gives the mean, sd (ddof 1) and the 5th, 50th and 95th percentiles (numpy's
default, linear method) of a series' finite values, equal to ``np.mean``, ``np.std`` and
``np.percentile`` to the last bit (tests/test_quantiles.py checks it on random, tied and
non-finite series), but for the sign of a zero where -0.0 and 0.0 tie at a percentile's rank
(numpy's partition leaves either first). Two things make it faster than calling them:

- the sum is taken once: if it is finite, every value is (a NaN or an infinity makes the sum
  NaN or infinite), so the finite filter costs nothing for the usual series, and the mean is
  the sum over the count, as ``np.mean`` computes it;
- the order statistics are found by **bracketing** (as Floyd and Rivest's selection does):
  each target's rank is located on a strided subsample, a bracket of values around it wide
  enough to hold the rank with near certainty is cut from the series, and only that small
  slice is partitioned. The bracket is checked to contain the rank (values below it are
  counted); when it does not, the whole series is partitioned, as numpy does. Either way the
  order statistic is the same value, so the result is exact.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

STAT_KEYS = ("mean", "sd", "p5", "p50", "p95")
PERCENTS = (5.0, 50.0, 95.0)
SMALL = 32_768  # below this, numpy's own partition is as fast
SUBSAMPLE = 16_384  # values in the subsample that locates the ranks
MARGIN_SD = 5.0  # half-width of a bracket in standard deviations of the rank's estimate


def stats(x: np.ndarray) -> dict[str, float | None]:
    """Mean, sd, p5, p50, p95 of the finite values of ``x`` (None if there are none)."""
    x = np.asarray(x, dtype=float).ravel()
    with np.errstate(invalid="ignore", over="ignore"):  # a non-finite sum: filtered below
        total = x.sum()
    if not np.isfinite(total):
        x = x[np.isfinite(x)]
        total = x.sum()
    n = x.size
    if n == 0:
        return dict.fromkeys(STAT_KEYS)
    mean = total / n
    if n > 1:
        dev = x - mean
        np.multiply(dev, dev, out=dev)
        sd = float(np.sqrt(dev.sum() / (n - 1)))
    else:
        sd = 0.0
    p5, p50, p95 = percentiles(x, PERCENTS)
    return {"mean": float(mean), "sd": sd, "p5": p5, "p50": p50, "p95": p95}


def percentiles(x: np.ndarray, percents: tuple[float, ...]) -> list[float]:
    """``np.percentile(x, percents)`` of a finite 1-D series, to the last bit."""
    return interpolate(x.size, percents, lambda ranks: order_statistics(x, ranks))


def interpolate(
    n: int, percents: tuple[float, ...], order: Callable[[list[int]], dict[int, float]]
) -> list[float]:
    """numpy's linear-method percentiles of ``n`` finite values whose order statistics
    ``order(ranks)`` gives (0-based ranks), with numpy's own arithmetic."""
    q = np.true_divide(np.asarray(percents, dtype=float), 100)
    virtual = (n - 1) * q  # numpy's linear method (Hyndman and Fan's 7th)
    previous = np.floor(virtual)
    nxt = previous + 1
    above = virtual >= n - 1
    previous[above] = -1
    nxt[above] = -1
    below = virtual < 0
    previous[below] = 0
    nxt[below] = 0
    prev_i = previous.astype(np.intp)
    next_i = nxt.astype(np.intp)
    gamma = np.asarray(virtual - prev_i, dtype=virtual.dtype)
    values = order(sorted({int(k) % n for k in (*prev_i, *next_i)}))
    a = np.array([values[int(k) % n] for k in prev_i])
    b = np.array([values[int(k) % n] for k in next_i])
    diff = b - a
    out = np.add(a, diff * gamma)
    np.subtract(b, diff * (1 - gamma), out=out, where=gamma >= 0.5)
    return [float(v) for v in out]


def order_statistics(x: np.ndarray, ranks: list[int]) -> dict[int, float]:
    """The values of rank ``ranks`` (0-based) in the sorted finite series ``x``."""
    n = x.size
    if n <= SMALL:
        return select(x.copy(), ranks, 0)
    step = n // SUBSAMPLE
    sub = np.sort(x[::step])
    m = sub.size
    out: dict[int, float] = {}
    for group in _groups(ranks, n):
        found = _bracketed(x, sub, group, n, m)
        if found is None:  # the bracket missed the rank: the whole series, as numpy does
            part = np.partition(x, group)
            found = {k: float(part[k]) for k in group}
        out.update(found)
    return out


def _groups(ranks: list[int], n: int) -> list[list[int]]:
    """Ranks close enough to share one bracket (a percentile's two neighbours)."""
    groups: list[list[int]] = []
    for k in ranks:
        if groups and k - groups[-1][-1] <= max(2, n // 1000):
            groups[-1].append(k)
        else:
            groups.append([k])
    return groups


def _bracketed(
    x: np.ndarray, sub: np.ndarray, group: list[int], n: int, m: int
) -> dict[int, float] | None:
    lo_rank, hi_rank = group[0], group[-1]
    # where the ranks fall in the subsample, and how far its estimate may stray
    p_lo, p_hi = lo_rank / (n - 1), hi_rank / (n - 1)
    width = MARGIN_SD * np.sqrt(m * max(p_lo * (1 - p_lo), p_hi * (1 - p_hi), 1 / m)) + 2
    j_lo = int(np.floor(p_lo * (m - 1) - width))
    j_hi = int(np.ceil(p_hi * (m - 1) + width))
    lo = sub[j_lo] if j_lo > 0 else None
    hi = sub[j_hi] if j_hi < m - 1 else None
    if lo is None and hi is None:
        return None
    if lo is not None and lo == hi:  # a run of equal values: count it, nothing to sort
        below = int(np.count_nonzero(x < lo))
        equal = int(np.count_nonzero(x == lo))
        if below <= lo_rank and hi_rank < below + equal:
            return dict.fromkeys(group, float(lo))
        return None
    if lo is None:
        inside = x[x <= hi]
        below = 0
    elif hi is None:
        keep = x >= lo
        inside = x[keep]
        below = n - inside.size
    else:
        keep = x >= lo
        below = n - int(np.count_nonzero(keep))  # the series is finite: the rest lie below
        keep &= x <= hi
        inside = x[keep]
    if lo_rank < below or hi_rank >= below + inside.size:
        return None
    return select(inside, [k - below for k in group], below)


def select(values: np.ndarray, local: list[int], offset: int) -> dict[int, float]:
    """Order statistics of rank ``local`` (ascending) in ``values``, keyed by rank + offset:
    one single-rank partition each, on what lies above the previous one (a partition with
    several ranks at once is several times slower in numpy)."""
    out: dict[int, float] = {}
    start = 0
    for k in local:  # ``values`` is partitioned in place: from ``start`` on, all lie above
        rest = values[start:]
        rest.partition(k - start)
        out[k + offset] = float(rest[k - start])
        start = k + 1
    return out
