"""The summary of a run, from the figures of its series.

Everything :meth:`Results.summary` reports is read from a fixed set of **series**, each one
number per iteration, named by a key: net benefit per perspective (discounted and not), the
budget, costs, benefits and benefit-cost ratio, each category's total, each year's and each
cumulative year's net benefit, the outcomes and the youths (:func:`keys`). Of each series the
summary reads only its :class:`Figures`: mean, sd, p5, p50, p95 of the finite values, the share
above zero and the count. A run kept whole computes them from the arrays (:func:`arrays`);
a run streamed in pieces (:mod:`.accumulate`) accumulates them piece by piece and never holds a
whole series. Both go through the same keys, so the two summaries have the same shape.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ..scenario.cashable import non_cash_kind
from ..scenario.payers import SOCIETY
from .quantiles import STAT_KEYS, stats

if TYPE_CHECKING:
    from .results import Results

Key = tuple[Any, ...]


@dataclass(frozen=True)
class Figures:
    """What a summary reads of one series."""

    stats: dict[str, float | None]  # mean, sd, p5, p50, p95 of the finite values
    positive: float  # share of all values above zero
    count: int  # values, finite or not

    full: bool = True  # False: the mean only (sd and percentiles None, positive NaN)

    @classmethod
    def of(cls, x: np.ndarray, full: bool = True) -> Figures:
        x = np.asarray(x, dtype=float).ravel()
        if not full:
            finite = x if np.isfinite(x.sum()) else x[np.isfinite(x)]
            mean = float(finite.sum() / finite.size) if finite.size else None
            return cls({**dict.fromkeys(STAT_KEYS), "mean": mean}, float("nan"), x.size, False)
        positive = float(np.count_nonzero(x > 0) / x.size) if x.size else float("nan")
        return cls(stats(x), positive, x.size)

    @property
    def mean(self) -> float:
        return float("nan") if self.stats["mean"] is None else float(self.stats["mean"])


def keys(r: Results, persp: str) -> dict[Key, bool]:
    """Every series the summary of ``persp`` reads, in a fixed order, and whether it reads
    all its figures (True) or only its mean (False)."""
    out: dict[Key, bool] = {}

    def want(key: Key, full: bool) -> None:
        out[key] = out.get(key, False) or full

    want(("net", persp, True), True)
    if not _undiscounted_is_discounted(r):
        want(("net", persp, False), True)
    for what in ("budget", "costs", "benefits", "ratio"):
        want((what, persp), True)
    for payer in [SOCIETY, *r.payers()]:
        want(("net", payer, True), True)
        for what in ("budget", "costs", "benefits"):
            want((what, payer), False)
    for cat in r.categories():
        flows = [r.flows[i] for i in r._select(persp, category=cat)]
        if flows:
            kind = flows[0].kind
            want(("category", cat, kind, persp), True)
            for f in flows:
                want(("category", cat, kind, f.payer), False)
    if r.horizon > 1:
        for what in ("year", "cumulative"):
            for t in range(r.horizon):
                want((what, persp, t), True)
    for k in r.outcomes:
        want(("outcome", k), False)
    if r.youths is not None:
        want(("youths",), False)
    return out


def arrays(r: Results, wanted: list[Key]) -> Iterator[tuple[Key, np.ndarray]]:
    """Each wanted series of ``r`` as an (n,) array; the years of a perspective at once."""
    rows: dict[str, np.ndarray] = {}
    for key in wanted:
        what = key[0]
        if what in ("year", "cumulative"):
            persp, t = key[1], key[2]
            if persp not in rows:
                # a year per row: each year's series contiguous (the same sums in the same
                # order as along the rows), then the cumulative sums under it
                both = np.empty((2 * r.horizon, r.n))
                both[: r.horizon] = r.yearly(None, persp, True).T
                np.cumsum(both[: r.horizon], axis=0, out=both[r.horizon :])
                rows[persp] = both
            yield key, rows[persp][t + (r.horizon if what == "cumulative" else 0)]
        else:
            yield key, series(r, key)


def series(r: Results, key: Key) -> np.ndarray:
    """One series (not a year's) of ``r`` by its key."""
    what = key[0]
    if what == "net":
        return r.net(key[1], discounted=key[2])
    if what in ("budget", "costs", "benefits", "ratio"):
        method = getattr(r, what)
        return np.asarray(method(key[1]))
    if what == "category":
        return r._total(key[2], key[3], True, key[1])
    if what == "outcome":
        return r.outcomes[key[1]].sum(axis=1)
    if what == "youths":
        assert r.youths is not None
        return r.youths
    raise KeyError(key)


def signature(r: Results, key: Key) -> Key:
    """What decides a series' numbers: keys with one signature are the same series (a payer's
    costs and its only cost category, say), whose figures are computed once."""
    what = key[0]
    if what == "net":
        return ("total", r.terms(None, key[1]), key[2])
    if what == "budget":
        return ("total", r.terms(None, key[1], cash=True), True)
    if what in ("costs", "benefits"):
        return ("total", r.terms({"costs": "cost", "benefits": "benefit"}[what], key[1]), True)
    if what == "ratio":
        return ("ratio", r.terms("cost", key[1]), r.terms("benefit", key[1]))
    if what == "category":
        return ("total", r.terms(key[2], key[3], key[1]), True)
    return key


def _undiscounted_is_discounted(r: Results) -> bool:
    # every factor exactly 1 (a one-year horizon, or a rate of 0): the same numbers
    return bool(np.all(r.discount == 1.0))


def build(r: Results, persp: str) -> dict[str, Any]:
    """The JSON-ready summary of ``persp`` (see :meth:`Results.summary`)."""
    fig = r.figures
    net = fig(("net", persp, True))
    costs, benefits = fig(("costs", persp)), fig(("benefits", persp))
    undiscounted = net if _undiscounted_is_discounted(r) else fig(("net", persp, False))
    s = r.stamp
    youths = fig(("youths",), False).mean if r.youths is not None else None
    return {
        "scenario": s.scenario,
        "scenario_en": s.scenario_en or s.scenario,
        "file": s.file,
        "scenario_sha256": s.sha256,
        "method": s.method,
        "version": s.version,
        "iterations": s.iterations,
        "seed": s.seed,
        "deterministic": s.deterministic,
        "published": s.published,
        "price_year": s.price_year,
        "discount_rate": s.discount_rate,
        "horizon_years": s.horizon_years,
        "perspective": persp,
        "net_benefit": dict(net.stats),
        "net_benefit_undiscounted": dict(undiscounted.stats),
        "budget_net_benefit": dict(fig(("budget", persp)).stats),
        "costs": dict(costs.stats),
        "benefits": dict(benefits.stats),
        "benefit_cost_ratio": dict(fig(("ratio", persp)).stats),
        "benefit_cost_ratio_of_means": benefits.mean / costs.mean if costs.mean > 0 else None,
        "probability_net_benefit_positive": _probability(r, net),
        "monte_carlo_standard_error": float(net.stats["sd"] / np.sqrt(net.count))
        if net.count > 1
        else None,
        "break_even_year": r.break_even_year(persp),
        "cost_per_youth": costs.mean / youths if youths is not None and youths > 0 else None,
        "youths": youths,
        "by_payer": _by_payer(r),
        "by_category": _by_category(r, persp),
        "by_year": _by_year(r, persp),
        "outcomes": {k: fig(("outcome", k), False).mean for k in r.outcomes},
    }


def _probability(r: Results, net: Figures) -> float | None:
    return None if r.stamp.deterministic else net.positive


def _by_payer(r: Results) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for payer in [SOCIETY, *r.payers()]:
        net = r.figures(("net", payer, True))
        budget = r.figures(("budget", payer), False).mean
        out[payer] = {
            "net_benefit": dict(net.stats),
            "budget": budget,  # cash in the payer's budget (mean, discounted)
            "non_cash": net.mean - budget,  # freed capacity or welfare
            "non_cash_kind": non_cash_kind(payer) if payer != SOCIETY else "mixed",
            "costs": r.figures(("costs", payer), False).mean,
            "benefits": r.figures(("benefits", payer), False).mean,
            "probability_net_benefit_positive": _probability(r, net),
        }
    return out


def _by_category(r: Results, persp: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for cat in r.categories():
        flows = [r.flows[i] for i in r._select(persp, category=cat)]
        if not flows:
            continue
        kind = flows[0].kind
        out[cat] = {
            "label": r.category_labels.get(cat, {"sv": cat, "en": cat}),
            "kind": kind,
            **r.figures(("category", cat, kind, persp)).stats,
            "by_payer": {
                payer: r.figures(("category", cat, kind, payer), False).mean
                for payer in dict.fromkeys(f.payer for f in flows)
            },
        }
    return out


def _by_year(r: Results, persp: str) -> list[dict[str, Any]]:
    costs = r._yearly_mean("cost", persp)
    benefits = r._yearly_mean("benefit", persp)
    if r.horizon == 1:  # the one year is the total: its series is net benefit itself
        net = r.figures(("net", persp, True)).stats
        by_year, cumulative = [net], [net]
    else:
        by_year = [r.figures(("year", persp, t)).stats for t in range(r.horizon)]
        cumulative = [r.figures(("cumulative", persp, t)).stats for t in range(r.horizon)]
    return [
        {
            "year": t + 1,
            "discount_factor": float(r.discount[t]),
            "costs": float(costs[t]),
            "benefits": float(benefits[t]),
            "net_benefit": dict(by_year[t]),
            "cumulative_net_benefit": dict(cumulative[t]),
        }
        for t in range(r.horizon)
    ]
