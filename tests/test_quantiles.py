"""The summary's statistics equal numpy's to the last bit (costmodel/engine/quantiles.py).

The fast path (one sum, bracketed selection) must give exactly what ``np.mean``,
``np.std(ddof=1)`` and ``np.percentile`` give on the finite values, for long series (where
the brackets are used), short ones (numpy's partition), ties, heavy tails, non-finite values
and series ordered so that a strided subsample misleads (the fallback).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from costmodel.engine import quantiles
from costmodel.engine.quantiles import order_statistics, percentiles, stats


def numpy_stats(x: np.ndarray) -> dict[str, float | None]:
    finite = x[np.isfinite(x)]
    if finite.size == 0:
        return dict.fromkeys(quantiles.STAT_KEYS)
    p5, p50, p95 = np.percentile(finite, [5, 50, 95])
    return {
        "mean": float(finite.mean()),
        "sd": float(finite.std(ddof=1)) if finite.size > 1 else 0.0,
        "p5": float(p5),
        "p50": float(p50),
        "p95": float(p95),
    }


def same(a: dict[str, float | None], b: dict[str, float | None]) -> bool:
    return all(
        (a[k] is None and b[k] is None)
        or (
            a[k] is not None
            and b[k] is not None
            and np.float64(a[k]).tobytes() == np.float64(b[k]).tobytes()
        )
        for k in quantiles.STAT_KEYS
    )


def series(kind: str, n: int, rng: np.random.Generator) -> np.ndarray:
    if kind == "normal":
        return rng.normal(1e6, 3e5, n)
    if kind == "lognormal":
        return rng.lognormal(12, 2.0, n)
    if kind == "ties":  # a few distinct values: the ranks sit inside long runs of equals
        return rng.integers(-3, 4, n).astype(float) * 1_826_000
    if kind == "sorted":  # a strided subsample of a sorted series is still representative
        return np.sort(rng.normal(0, 1, n))
    if kind == "sawtooth":  # blocks of ascending values: the subsample is misleading
        return np.tile(np.linspace(-1e6, 1e6, 4096), n // 4096 + 1)[:n]
    if kind == "mostly_zero":  # net benefit of a scenario where nothing happens most runs
        x = np.zeros(n)
        x[rng.random(n) < 0.03] = rng.normal(5e5, 1e5, int(np.sum(rng.random(n) < 1)))[:1]
        return x
    raise AssertionError(kind)


KINDS = ["normal", "lognormal", "ties", "sorted", "sawtooth", "mostly_zero"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("n", [1, 2, 3, 101, 40_000, 250_001])
def test_stats_equal_numpy_to_the_last_bit(kind: str, n: int) -> None:
    x = series(kind, n, np.random.default_rng(n))
    assert same(stats(x), numpy_stats(x))


def test_non_finite_values_are_left_out_as_before() -> None:
    rng = np.random.default_rng(7)
    x = rng.normal(0, 1, 100_000)
    x[rng.integers(0, x.size, 50)] = np.nan
    x[rng.integers(0, x.size, 20)] = np.inf
    x[rng.integers(0, x.size, 20)] = -np.inf
    assert same(stats(x), numpy_stats(x))
    assert stats(np.array([np.nan, np.inf])) == dict.fromkeys(quantiles.STAT_KEYS)


def test_a_sum_that_overflows_is_still_the_mean_numpy_gives() -> None:
    x = np.full(50_000, 1e304)
    with np.errstate(over="ignore"):  # the overflow is the point
        assert same(stats(x), numpy_stats(x))


def test_the_bracket_is_used_and_the_fallback_when_it_misses(monkeypatch) -> None:
    """Long series go through the bracket; a misleading subsample falls back to numpy's
    partition, and both give the same order statistics."""
    calls = {"bracketed": 0, "missed": 0}
    original = quantiles._bracketed

    def spy(*args):  # type: ignore[no-untyped-def]
        out = original(*args)
        calls["bracketed"] += 1
        calls["missed"] += out is None
        return out

    monkeypatch.setattr(quantiles, "_bracketed", spy)
    rng = np.random.default_rng(3)
    x = rng.normal(0, 1, 200_000)
    ranks = [10_000, 100_000, 189_999]
    assert order_statistics(x, ranks) == {k: float(np.sort(x)[k]) for k in ranks}
    assert calls == {"bracketed": 3, "missed": 0}
    # a subsample that sees only one value of a series that has many: the bracket misses
    y = np.zeros(200_000)
    y[1::2] = np.arange(100_000, dtype=float)
    got = order_statistics(y, ranks)
    assert got == {k: float(np.sort(y)[k]) for k in ranks}
    assert calls["missed"] >= 1


@settings(max_examples=200, deadline=None)
@given(
    arrays(
        np.float64,
        st.integers(1, 2_000),
        elements=st.floats(-1e12, 1e12, allow_nan=False, allow_infinity=False),
    ),
    st.lists(st.floats(0, 100), min_size=1, max_size=5),
)
def test_percentiles_of_any_series_equal_numpy(x: np.ndarray, percents: list[float]) -> None:
    expected = np.percentile(x, percents)
    got = percentiles(x, tuple(percents))
    assert np.array(got).tobytes() == np.asarray(expected, dtype=float).tobytes()


@settings(max_examples=30, deadline=None)
@given(st.integers(40_000, 120_000), st.integers(0, 2**32 - 1), st.sampled_from(KINDS))
def test_long_series_through_the_bracket_equal_numpy(n: int, seed: int, kind: str) -> None:
    x = series(kind, n, np.random.default_rng(seed))
    assert same(stats(x), numpy_stats(x))
