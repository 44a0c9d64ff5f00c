"""Comparisons of results: scenarios side by side, a run against a reference run.

What the dashboard shows but does not compute itself; everything here works on plain data
(summaries from ``Results.summary()``, numpy arrays, :class:`~costmodel.scenario.Scenario`):

- prices: :func:`common_prices` (the latest price year of the compared scenarios and the KPI
  factor that brings each to it) and :func:`in_prices` (amounts times such a factor);
- :func:`money_stats`: the figures of one summary that a comparison shows, in kr converted by a
  factor; :func:`change`: how one set of such figures differs from another (kr, percentage
  points, years);
- payers: :func:`payers_present` (the payers found in any of the runs, in the order of
  :data:`~costmodel.scenario.payers.PAYERS`) and :func:`payer_totals` (expected net benefit per
  payer, converted by a factor);
- :func:`cumulative_bands`: the percentiles and the mean of cumulative net benefit by year, the
  spread of one run over time (Översikt's fan chart);
- :func:`same_numbers`: whether two scenarios compute the same thing, names and notes aside;
- :func:`paired_difference`: one run minus another, iteration by iteration, with common random
  numbers (``costmodel compare``).

Nothing here imports streamlit, plotly, the CLI or a report writer, and nothing is rounded or
formatted: that is for the caller.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypedDict

import numpy as np

from ..scenario import Scenario, priceindex
from ..scenario.payers import PAYERS

BAND_KEYS = ("p5", "p25", "p50", "p75", "p95")
BAND_PERCENTILES = [5, 25, 50, 75, 95]


class MoneyStats(TypedDict):
    """The figures of one summary a comparison shows; amounts in kr of one price year."""

    mean: float  # expected net benefit
    p5: float  # 5th percentile of net benefit
    p95: float  # 95th percentile of net benefit
    prob: float  # probability that net benefit is positive (a share, 0..1)
    cpy: float | None  # cost per youth, None when the scenario has no youths
    be: int | None  # break-even year (1-based), None when it never breaks even
    costs: float  # expected costs
    benefits: float  # expected benefits (avoided costs)


class Change(TypedDict):
    """How one :class:`MoneyStats` differs from a reference one (this minus the reference)."""

    net: float  # kr
    prob_pp: float  # percentage points
    cpy: float | None  # kr, None unless both have a cost per youth
    be: int | None  # years, None unless both break even


# --- prices -----------------------------------------------------------------------------------


def common_prices(price_years: Sequence[int]) -> tuple[int, list[float]]:
    """The latest of ``price_years`` and, for each year, the KPI factor that converts it there.

    Comparing a 2015 scenario with a 2017 one gives ``(2017, [KPI 2017 / KPI 2015, 1.0])``.
    """
    target = max(price_years)
    return target, [priceindex.factor(year, target) for year in price_years]


def in_prices(amounts: np.ndarray, factor: float) -> np.ndarray:
    """Amounts in kr converted to another price year by ``factor`` (see :func:`common_prices`)."""
    return amounts * factor


# --- one summary against another --------------------------------------------------------------


def money_stats(summary: Mapping[str, Any], factor: float = 1.0) -> MoneyStats:
    """The figures of ``summary`` a comparison shows, amounts multiplied by ``factor``.

    The probability and the break-even year are not amounts and stay as they are.
    """
    cpy = summary.get("cost_per_youth")
    return {
        "mean": summary["net_benefit"]["mean"] * factor,
        "p5": summary["net_benefit"]["p5"] * factor,
        "p95": summary["net_benefit"]["p95"] * factor,
        "prob": summary["probability_net_benefit_positive"],
        "cpy": cpy * factor if cpy is not None else None,
        "be": summary.get("break_even_year"),
        "costs": summary["costs"]["mean"] * factor,
        "benefits": summary["benefits"]["mean"] * factor,
    }


def change(stats: MoneyStats, ref: MoneyStats) -> Change:
    """``stats`` minus ``ref``: net benefit in kr, probability in percentage points, cost per
    youth in kr and break-even year in years (the last two None unless both have one)."""
    cpy, ref_cpy = stats["cpy"], ref["cpy"]
    be, ref_be = stats["be"], ref["be"]
    return {
        "net": stats["mean"] - ref["mean"],
        "prob_pp": 100 * (stats["prob"] - ref["prob"]),
        "cpy": cpy - ref_cpy if cpy is not None and ref_cpy is not None else None,
        "be": be - ref_be if be is not None and ref_be is not None else None,
    }


# --- payers -----------------------------------------------------------------------------------


def payers_present(by_payers: Sequence[Mapping[str, Any]]) -> list[str]:
    """The payers found in any of the ``by_payer`` splits of ``Results.summary()``, in the order
    of :data:`~costmodel.scenario.payers.PAYERS` (society as a whole is not a payer)."""
    return [p for p in PAYERS if any(p in by_payer for by_payer in by_payers)]


def payer_totals(
    by_payer: Mapping[str, Any], payers: Sequence[str], factor: float = 1.0
) -> list[float]:
    """Expected net benefit of each of ``payers`` times ``factor``; 0 for a payer the run has
    no flows for."""
    return [by_payer.get(p, {}).get("net_benefit", {}).get("mean", 0.0) * factor for p in payers]


# --- one run over the years -------------------------------------------------------------------


def cumulative_bands(cumulative: np.ndarray) -> dict[str, np.ndarray]:
    """The 5th, 25th, 50th, 75th and 95th percentiles (keys :data:`BAND_KEYS`) and the mean of
    cumulative net benefit, year by year: ``cumulative`` is ``(iterations, years)``, as from
    ``Results.cumulative_net``; each band is an array over the years."""
    qs = np.percentile(cumulative, BAND_PERCENTILES, axis=0)
    bands = {k: qs[i] for i, k in enumerate(BAND_KEYS)}
    bands["mean"] = cumulative.mean(axis=0)
    return bands


# --- scenarios --------------------------------------------------------------------------------


def same_numbers(a: Scenario, b: Scenario) -> bool:
    """True when two scenarios compute the same thing (names and notes aside)."""
    keys = ("price_year", "horizon_years", "discount_rate", "iterations", "seed", "intake_years")
    return (
        a.method == b.method
        and all(getattr(a.meta, k) == getattr(b.meta, k) for k in keys)
        and {n: p.dist for n, p in a.parameters.items()}
        == {n: p.dist for n, p in b.parameters.items()}
    )


@dataclass(frozen=True)
class PairedDifference:
    """Variant minus reference, iteration by iteration (common random numbers)."""

    mean: float
    p5: float
    p95: float
    probability_better: float  # P(variant's net benefit > the reference's)
    standard_error: float  # of the mean difference, from the paired differences


def paired_difference(net: np.ndarray, reference: np.ndarray) -> PairedDifference:
    """The difference of two runs drawn with the same seed: each parameter's stream is seeded
    by the run's seed and its name, so inputs the variants share take the same values in the
    same iteration and the difference is not drowned in sampling noise."""
    diff = net - reference
    p5, p95 = np.percentile(diff, [5, 95])
    return PairedDifference(
        mean=float(diff.mean()),
        p5=float(p5),
        p95=float(p95),
        probability_better=float(np.mean(diff > 0)),
        standard_error=float(diff.std(ddof=1) / np.sqrt(diff.size)) if diff.size > 1 else 0.0,
    )
