"""The results of a run: yearly flows per category and payer, and their summaries.

:class:`Results` keeps every iteration's flows (``(n, horizon)`` arrays), the discount
factors and the sampled inputs, so later analyses (per-payer views, sensitivity, switching
values, reports) work from the same object without re-running. ``summary()`` gives the
JSON-ready figures: mean, sd, p5, p50, p95 of net benefit (discounted and undiscounted), costs,
benefits and the benefit-cost ratio; the probability that net benefit is positive; the Monte
Carlo standard error; and splits by payer, category and year. Every summary carries the
:class:`Stamp` (scenario, file hash, seed, iterations, version).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from ..scenario.cashable import non_cash_kind
from ..scenario.payers import PAYERS, SOCIETY
from .quantiles import STAT_KEYS, stats

__all__ = ["STAT_KEYS", "Results", "Stamp", "stats"]


@dataclass(frozen=True)
class Stamp:
    scenario: str
    file: str
    sha256: str
    method: str
    seed: int
    iterations: int
    deterministic: bool
    version: str
    price_year: int
    discount_rate: float
    horizon_years: int
    perspective: str
    numpy_version: str = ""
    scenario_en: str = ""
    published: bool = False  # the figures a source published (a deterministic run)


@dataclass
class Results:
    stamp: Stamp
    flows: list[Any]  # list[methods.Flow]
    category_labels: dict[str, dict[str, str]]
    discount: np.ndarray  # (horizon,)
    youths: np.ndarray | None = None
    outcomes: dict[str, np.ndarray] = field(default_factory=dict)
    inputs: dict[str, np.ndarray] = field(default_factory=dict)
    compact: bool = False  # only the series a summary reads (:mod:`.chunks`); no flow rows
    _cache: dict[tuple[Any, ...], np.ndarray] = field(default_factory=dict, repr=False)
    _summaries: dict[tuple[Any, ...], dict[str, float | None]] = field(
        default_factory=dict, repr=False
    )

    @property
    def n(self) -> int:
        return self.stamp.iterations

    @property
    def horizon(self) -> int:
        return self.stamp.horizon_years

    def payers(self) -> list[str]:
        """Payers that appear in the flows, in the fixed order of :data:`PAYERS`."""
        seen = {f.payer for f in self.flows}
        return [p for p in PAYERS if p in seen]

    def categories(self) -> list[str]:
        out: list[str] = []
        for f in self.flows:
            if f.category not in out:
                out.append(f.category)
        return out

    def _select(
        self, perspective: str | None, kind: str | None = None, category: str | None = None
    ) -> list[int]:
        """Indices of the flows of a perspective (and kind, category)."""
        persp = self.stamp.perspective if perspective is None else perspective
        return [
            i
            for i, f in enumerate(self.flows)
            if (persp == SOCIETY or f.payer == persp)
            and (kind is None or f.kind == kind)
            and (category is None or f.category == category)
        ]

    def _flow_total(self, i: int, discounted: bool) -> np.ndarray:
        """(n,) total of flow ``i`` over the years, computed once per flow."""
        key = ("flow", i, discounted)
        cached = self._cache.get(key)
        if cached is None:
            values = self.flows[i].values
            cached = (values * self.discount if discounted else values).sum(axis=1)
            cached.flags.writeable = False
            self._cache[key] = cached
        return cached

    def _total(
        self,
        kind: str | None,
        perspective: str | None,
        discounted: bool,
        category: str | None = None,
        cash: bool = False,
    ) -> np.ndarray:
        """(n,) sum over the years of costs, benefits (``kind``) or net benefit (kind None),
        from the flows' totals; ``cash`` weighs each flow by its cash share."""
        persp = self.stamp.perspective if perspective is None else perspective
        key = ("total", kind, persp, discounted, category, cash)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        total = np.zeros(self.n)
        for i in self._select(persp, kind, category):
            f = self.flows[i]
            weight = (f.cashable if cash else 1.0) * (
                1.0 if f.kind == "benefit" or kind is not None else -1.0
            )
            if weight:
                total += weight * self._flow_total(i, discounted)
        total.flags.writeable = False
        self._cache[key] = total
        return total

    def yearly(
        self,
        kind: str | None = None,
        perspective: str | None = None,
        discounted: bool = True,
        category: str | None = None,
    ) -> np.ndarray:
        """(n, horizon) array: costs, benefits (``kind``) or net benefit (kind None).

        Built only for views that need the years (by year, cumulative); totals over the
        years come from the flows' totals instead. Cached and returned read-only.
        """
        persp = self.stamp.perspective if perspective is None else perspective
        key = ("yearly", kind, persp, discounted, category)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        self._need_rows(f"the years of {persp}")
        total = np.zeros((self.n, self.horizon))
        for i in self._select(persp, kind, category):
            f = self.flows[i]
            if f.kind == "benefit" or kind is not None:
                total += f.values
            else:
                total -= f.values
        if discounted:
            total *= self.discount
        total.flags.writeable = False
        self._cache[key] = total
        return total

    def _yearly_mean(self, kind: str, perspective: str) -> np.ndarray:
        """(horizon,) expected discounted costs or benefits per year, from the flows' means."""
        out = np.zeros(self.horizon)
        for i in self._select(perspective, kind):
            key = ("year-mean", i)
            mean = self._cache.get(key)
            if mean is None:
                self._need_rows("the yearly means")
                mean = self.flows[i].values.mean(axis=0)
                self._cache[key] = mean
            out += mean
        return out * self.discount

    def _need_rows(self, what: str) -> None:
        if self.compact:
            raise ValueError(
                f"a run kept for its summary (in pieces) has not kept {what}; "
                "run it whole (costmodel.engine.run) for this view"
            )

    def budget(self, perspective: str | None = None, discounted: bool = True) -> np.ndarray:
        """Net benefit in cash only (n,): each flow times its cash share
        (:mod:`costmodel.scenario.cashable`); the rest is freed capacity or welfare."""
        return self._total(None, perspective, discounted, cash=True)

    def net(self, perspective: str | None = None, discounted: bool = True) -> np.ndarray:
        return self._total(None, perspective, discounted)

    def costs(self, perspective: str | None = None, discounted: bool = True) -> np.ndarray:
        return self._total("cost", perspective, discounted)

    def benefits(self, perspective: str | None = None, discounted: bool = True) -> np.ndarray:
        return self._total("benefit", perspective, discounted)

    def ratio(self, perspective: str | None = None) -> np.ndarray:
        c = self.costs(perspective)
        b = self.benefits(perspective)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(c > 0, b / np.where(c > 0, c, 1.0), np.nan)

    def cumulative_net(self, perspective: str | None = None) -> np.ndarray:
        """(n, horizon): discounted net benefit accumulated to the end of each year."""
        return np.cumsum(self.yearly(None, perspective, True), axis=1)

    def break_even_year(self, perspective: str | None = None) -> int | None:
        """First year (1-based) whose expected cumulative net benefit is >= 0, else None."""
        persp = self.stamp.perspective if perspective is None else perspective
        mean_net = self._yearly_mean("benefit", persp) - self._yearly_mean("cost", persp)
        hits = np.nonzero(np.cumsum(mean_net) >= 0)[0]
        return int(hits[0]) + 1 if hits.size else None

    def cost_per_youth(self, perspective: str | None = None) -> float | None:
        if self.youths is None:
            return None
        y = float(np.mean(self.youths))
        return float(self.costs(perspective).mean()) / y if y > 0 else None

    def probability_positive(self, perspective: str | None = None) -> float | None:
        """Share of iterations with net benefit > 0; None for a deterministic run."""
        return self._probability(self.net(perspective))

    def _probability(self, net: np.ndarray) -> float | None:
        return None if self.stamp.deterministic else float(np.mean(net > 0))

    def _stats(self, key: tuple[Any, ...], x: np.ndarray) -> dict[str, float | None]:
        """:func:`stats` of a series, computed once per series (key) and run."""
        cached = self._summaries.get(key)
        if cached is None:
            cached = self._summaries[key] = stats(x)
        return dict(cached)

    def _undiscounted_is_discounted(self) -> bool:
        # every factor exactly 1 (a one-year horizon, or a rate of 0): the same numbers
        return bool(np.all(self.discount == 1.0))

    def summary(self, perspective: str | None = None) -> dict[str, Any]:
        """JSON-ready summary for ``perspective`` (default: the scenario's)."""
        persp = self.stamp.perspective if perspective is None else perspective
        net = self.net(persp)
        costs_d = self.costs(persp)
        benefits_d = self.benefits(persp)
        ratio = self.ratio(persp)
        mean_c = float(costs_d.mean())
        s = self.stamp
        out: dict[str, Any] = {
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
            "net_benefit": self._stats(("net", persp), net),
            "net_benefit_undiscounted": self._stats(("net", persp), net)
            if self._undiscounted_is_discounted()
            else self._stats(("net-u", persp), self.net(persp, discounted=False)),
            "budget_net_benefit": self._stats(("budget", persp), self.budget(persp)),
            "costs": self._stats(("costs", persp), costs_d),
            "benefits": self._stats(("benefits", persp), benefits_d),
            "benefit_cost_ratio": self._stats(("ratio", persp), ratio),
            "benefit_cost_ratio_of_means": float(benefits_d.mean()) / mean_c
            if mean_c > 0
            else None,
            "probability_net_benefit_positive": self._probability(net),
            "monte_carlo_standard_error": float(net.std(ddof=1) / np.sqrt(net.size))
            if net.size > 1
            else None,
            "break_even_year": self.break_even_year(persp),
            "cost_per_youth": self.cost_per_youth(persp),
            "youths": float(np.mean(self.youths)) if self.youths is not None else None,
            "by_payer": self._by_payer(),
            "by_category": self._by_category(persp),
            "by_year": self._by_year(persp),
            "outcomes": {k: float(v.sum(axis=1).mean()) for k, v in self.outcomes.items()},
        }
        return out

    def _by_payer(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for payer in [SOCIETY, *self.payers()]:
            net = self.net(payer)
            budget = float(self.budget(payer).mean())
            out[payer] = {
                "net_benefit": self._stats(("net", payer), net),
                "budget": budget,  # cash in the payer's budget (mean, discounted)
                "non_cash": float(net.mean()) - budget,  # freed capacity or welfare
                "non_cash_kind": non_cash_kind(payer) if payer != SOCIETY else "mixed",
                "costs": float(self.costs(payer).mean()),
                "benefits": float(self.benefits(payer).mean()),
                "probability_net_benefit_positive": self._probability(net),
            }
        return out

    def _by_category(self, persp: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for cat in self.categories():
            flows = [self.flows[i] for i in self._select(persp, category=cat)]
            if not flows:
                continue
            kind = flows[0].kind
            total = self._total(kind, persp, True, cat)
            out[cat] = {
                "label": self.category_labels.get(cat, {"sv": cat, "en": cat}),
                "kind": kind,
                **self._stats(("category", cat, persp), total),
                "by_payer": {
                    payer: float(self._total(kind, payer, True, cat).mean())
                    for payer in dict.fromkeys(f.payer for f in flows)
                },
            }
        return out

    def _by_year(self, persp: str) -> list[dict[str, Any]]:
        costs = self._yearly_mean("cost", persp)
        benefits = self._yearly_mean("benefit", persp)
        if self.horizon == 1:  # the one year is the total: its series is net benefit itself
            net_stats = self._stats(("net", persp), self.net(persp))
            by_year, cumulative = [net_stats], [net_stats]
        else:
            # a year per row: each year's series contiguous (the same sums, in the same order)
            net = self.yearly(None, persp, True).T.copy()
            by_year = [stats(row) for row in net]
            cumulative = [stats(row) for row in np.cumsum(net, axis=0, out=net)]
        return [
            {
                "year": t + 1,
                "discount_factor": float(self.discount[t]),
                "costs": float(costs[t]),
                "benefits": float(benefits[t]),
                "net_benefit": dict(by_year[t]),
                "cumulative_net_benefit": dict(cumulative[t]),
            }
            for t in range(self.horizon)
        ]

    def stamp_dict(self) -> dict[str, Any]:
        return asdict(self.stamp)
