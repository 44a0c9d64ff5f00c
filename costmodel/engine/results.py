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

from ..scenario.payers import PAYERS, SOCIETY
from . import summary
from .quantiles import STAT_KEYS, stats
from .summary import Figures, Key

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
    streamed: dict[Key, Figures] | None = None  # the figures of a streamed run (.stream)
    _figures: dict[Key, Figures] = field(default_factory=dict, repr=False)

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
            self._need_rows(f"the totals of {self.flows[i].category}")
            # a sum of products per row (numpy's einsum, not BLAS: the same loop for every
            # row, whatever the number of rows): several times faster than multiplying and
            # summing along the short axis of years
            weights = self.discount if discounted else np.ones(self.horizon)
            cached = np.einsum("ij,j->i", self.flows[i].values, weights)
            cached.flags.writeable = False
            self._cache[key] = cached
        return cached

    def terms(
        self,
        kind: str | None,
        perspective: str | None,
        category: str | None = None,
        cash: bool = False,
    ) -> tuple[tuple[int, float], ...]:
        """The flows (index, weight) whose totals add up to costs, benefits (``kind``) or net
        benefit (kind None) of a perspective (and category); ``cash`` weighs each flow by its
        cash share. Two series with the same terms are the same numbers."""
        persp = self.stamp.perspective if perspective is None else perspective
        out = []
        for i in self._select(persp, kind, category):
            f = self.flows[i]
            weight = (f.cashable if cash else 1.0) * (
                1.0 if f.kind == "benefit" or kind is not None else -1.0
            )
            if weight:
                out.append((i, weight))
        return tuple(out)

    def _total(
        self,
        kind: str | None,
        perspective: str | None,
        discounted: bool,
        category: str | None = None,
        cash: bool = False,
    ) -> np.ndarray:
        """(n,) sum over the years of costs, benefits (``kind``) or net benefit (kind None),
        from the flows' totals (:meth:`terms`), once per distinct sum."""
        terms = self.terms(kind, perspective, category, cash)
        key = ("total", terms, discounted)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        total = np.zeros(self.n)
        for i, weight in terms:
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

    def figures(self, key: Key, full: bool = True) -> Figures:
        """The :class:`~.summary.Figures` of one series (see :mod:`.summary`), once per run:
        from the arrays, or as a run in pieces streamed them (:mod:`.accumulate`)."""
        if self.streamed is not None:
            found = self.streamed.get(key)
            if found is None or (full and not found.full):
                raise ValueError(
                    f"a run streamed for its summary has not kept the series {key}; "
                    "run it whole (costmodel.engine.run) for this view"
                )
            return found
        sig = summary.signature(self, key)  # the same numbers under another name: once
        cached = self._figures.get(sig)
        if cached is not None and (cached.full or not full):
            return cached
        if key[0] in ("year", "cumulative"):  # the years of a perspective at once
            years = [(w, key[1], t) for w in ("year", "cumulative") for t in range(self.horizon)]
            for k, x in summary.arrays(self, years):
                self._figures[k] = Figures.of(x)
        else:
            self._figures[sig] = Figures.of(summary.series(self, key), full)
        return self._figures[sig]

    def summary(self, perspective: str | None = None) -> dict[str, Any]:
        """JSON-ready summary for ``perspective`` (default: the scenario's); see
        :func:`.summary.build`."""
        return summary.build(self, self.stamp.perspective if perspective is None else perspective)

    def stamp_dict(self) -> dict[str, Any]:
        return asdict(self.stamp)
