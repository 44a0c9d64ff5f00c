"""A series' summary figures, accumulated piece by piece without holding the series.

A run too big to keep its series (:mod:`.chunks` decides) feeds each piece of each series to
an :class:`Accumulator`, which keeps:

- per block of :data:`~.draws.BLOCK` iterations, the sum of the finite values, and their
  deviations and squared deviations from the first block's mean: the mean and sd are then
  computed with :func:`math.fsum` over the blocks, the same whatever the pieces (a run's
  pieces are whole blocks), equal to numpy's to rounding (about 1e-15 relative; a constant
  series' sd is 0 where numpy's shows rounding noise) rather than to the last bit;
- the count of values above zero;
- for each percentile (5, 50, 95), a **bracket**: the values between two bounds set on the
  first piece, wide enough (:data:`MARGIN_SD` standard deviations of the first piece's
  estimate of the rank) to hold the rank with near certainty, and the count of values below
  it; values equal to a bound are counted, not kept. About 3 % of the values are kept.

At the end each percentile's order statistics are read inside their bracket, so the
percentiles are **exact** (numpy's, to the last bit, but for the sign of a zero where -0.0 and
0.0 tie) and need no sketch. When a bracket
misses its rank (the first piece misled), :meth:`Accumulator.widen` opens it towards the
rank and the run is repeated for that series (:mod:`.chunks` does it): still exact, twice the
time, rare (with independent iterations a 5-sd miss), and that pass keeps the values on the
open side of the rank, more than the few percent the memory guard counts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from .draws import BLOCK
from .quantiles import PERCENTS, STAT_KEYS, interpolate, select
from .summary import Figures

MARGIN_SD = 5.0  # half-width of a bracket, in sd of the first piece's estimate of the rank
TIGHTEN_AFTER = 2  # brackets narrowed when the values counted reach 2, 4, 8, ... first pieces


@dataclass
class Bracket:
    """The values of a series between ``lo`` and ``hi`` (None: unbounded), and counts."""

    lo: float | None
    hi: float | None
    below: int = 0  # values under lo
    at_lo: int = 0  # values equal to lo (counted, not kept)
    at_hi: int = 0  # values equal to hi, when hi differs from lo
    kept: list[np.ndarray] = field(default_factory=list)  # values strictly inside

    def add(self, x: np.ndarray) -> None:
        lo, hi = self.lo, self.hi
        if lo is not None and lo == hi:
            self.below += int(np.count_nonzero(x < lo))
            self.at_lo += int(np.count_nonzero(x == lo))
            return
        keep = np.ones(x.size, dtype=bool) if lo is None else x > lo
        if lo is not None:
            at_least = x >= lo
            self.below += x.size - int(np.count_nonzero(at_least))
            self.at_lo += int(np.count_nonzero(at_least)) - int(np.count_nonzero(keep))
        if hi is not None:
            self.at_hi += int(np.count_nonzero(x == hi))  # above hi: not counted at all
            keep &= x < hi
        self.kept.append(x[keep])

    def tighten(self, p: float, seen: int) -> None:
        """Narrow the bracket to ``p``'s rank among the ``seen`` values counted so far, as
        :func:`_brackets` set it on the first piece: the kept values then grow as the square
        root of the run, not with it. Values it drops lie outside the new bounds; the counts
        stay exact, so the percentile read later is the same."""
        inside = np.sort(np.concatenate(self.kept)) if self.kept else np.empty(0)
        width = MARGIN_SD * math.sqrt(p * (1 - p) / seen) + 2 / seen
        size = self.at_lo + inside.size + self.at_hi

        def value(rank: int) -> float | None:  # the region's value of this rank, if there
            local = rank - self.below
            if not 0 <= local < size:
                return None
            if local < self.at_lo:
                return self.lo
            if local < self.at_lo + inside.size:
                return float(inside[local - self.at_lo])
            return self.hi

        def below(v: float) -> int:  # the region's values under v
            runs = (self.lo if self.at_lo else None, self.hi if self.at_hi else None)
            count = int(np.searchsorted(inside, v, "left"))
            return count + sum(
                c
                for r, c in zip(runs, (self.at_lo, self.at_hi), strict=True)
                if r is not None and r < v
            )

        def equal(v: float) -> int:
            count = int(np.count_nonzero(inside == v))
            if self.at_lo and self.lo == v:
                count += self.at_lo
            if self.at_hi and self.hi == v:
                count += self.at_hi
            return count

        lo = value(math.floor((p - width) * (seen - 1)))
        hi = value(math.ceil((p + width) * (seen - 1)))
        lo = self.lo if lo is None else lo
        hi = self.hi if hi is None else hi
        below_lo = 0 if lo is None else below(lo)
        at_lo = 0 if lo is None else equal(lo)
        at_hi = 0 if hi is None or hi == lo else equal(hi)
        keep = np.ones(inside.size, dtype=bool)
        if lo is not None:
            keep &= inside > lo
        if hi is not None:
            keep &= inside < hi
        self.lo, self.hi = lo, hi
        self.below += below_lo
        self.at_lo, self.at_hi = at_lo, at_hi
        self.kept = [inside[keep]] if lo is None or lo != hi else []

    def order(self, ranks: list[int]) -> dict[int, float] | None:
        """The values of these ranks of the whole series, if they lie in the bracket."""
        inside = np.concatenate(self.kept) if self.kept else np.empty(0)
        out: dict[int, float] = {}
        rest = []
        for k in ranks:
            local = k - self.below
            if local < 0 or local >= self.at_lo + inside.size + self.at_hi:
                return None
            if local < self.at_lo:
                assert self.lo is not None
                out[k] = float(self.lo)
            elif local >= self.at_lo + inside.size:
                assert self.hi is not None
                out[k] = float(self.hi)
            else:
                rest.append(local - self.at_lo)
        out.update(select(inside, rest, self.below + self.at_lo) if rest else {})
        return out


class Accumulator:
    """The :class:`~.summary.Figures` of one series, fed in pieces (see the module)."""

    def __init__(self, full: bool) -> None:
        self.full = full
        self.values = 0  # all values, finite or not
        self.count = 0  # finite values
        self.positive = 0
        self.shift: float | None = None
        self.sums: list[float] = []
        self.dev: list[float] = []
        self.sq: list[float] = []
        self.brackets: list[Bracket] | None = None
        self.second_pass = False
        self.tighten_at = 0  # finite values after which the brackets are narrowed next

    def add(self, x: np.ndarray) -> None:
        """The next piece of the series (whole blocks, but for the run's last piece)."""
        x = np.asarray(x, dtype=float).ravel()
        if not self.second_pass:
            with np.errstate(invalid="ignore", over="ignore"):  # non-finite sums are filtered
                for start in range(0, x.size, BLOCK):
                    self._block(x[start : start + BLOCK])
        if not self.full:
            return
        with np.errstate(invalid="ignore", over="ignore"):
            finite = x if np.isfinite(x.sum()) else x[np.isfinite(x)]
        if self.brackets is None:
            self.brackets = _brackets(finite)
            self.tighten_at = TIGHTEN_AFTER * max(finite.size, 1)
        for b in self.brackets:
            b.add(finite)
        if not self.second_pass and self.count >= self.tighten_at:
            for b, percent in zip(self.brackets, PERCENTS, strict=True):
                b.tighten(percent / 100, self.count)
            self.tighten_at *= TIGHTEN_AFTER

    def _block(self, x: np.ndarray) -> None:
        self.values += x.size
        if self.full:
            self.positive += int(np.count_nonzero(x > 0))
        total = x.sum()
        if not np.isfinite(total):
            x = x[np.isfinite(x)]
            total = x.sum()
        if x.size == 0:
            return
        self.count += x.size
        self.sums.append(float(total))
        if self.full:
            if self.shift is None:
                self.shift = float(total / x.size)
            dev = x - self.shift
            self.dev.append(float(dev.sum()))
            np.multiply(dev, dev, out=dev)
            self.sq.append(float(dev.sum()))

    def missed(self) -> bool:
        """Whether a percentile's rank lies outside its bracket (see :meth:`widen`)."""
        return self.full and self.count > 0 and self._percentiles() is None

    def widen(self) -> None:
        """Open each bracket that missed towards its ranks, for a second pass over the run:
        each side of the new bracket is the tightest bound the counts prove for the group's
        lowest and highest rank (values under lo, equal to lo, inside, equal to hi, above)."""
        assert self.brackets is not None
        new = []
        for b, group in zip(self.brackets, _ranks(self.count), strict=True):
            if b.order(group) is not None:
                new.append(Bracket(b.lo, b.hi))
                continue
            at_lo_end = b.below + b.at_lo  # ranks from here on are above lo
            top = at_lo_end + sum(part.size for part in b.kept)  # from here on: at least hi
            end = top + b.at_hi  # from here on: above hi
            first, last = group[0], group[-1]
            if b.hi is not None and first >= top:
                lo = b.hi
            elif b.lo is not None and first >= b.below:
                lo = b.lo
            else:
                lo = None
            if b.lo is not None and last < at_lo_end:
                hi = b.lo
            elif b.hi is not None and last < end:
                hi = b.hi
            else:
                hi = None
            new.append(Bracket(lo, hi))
        self.brackets = new
        self.second_pass = True

    def _percentiles(self) -> list[float] | None:
        assert self.brackets is not None
        found: dict[int, float] = {}
        for b, group in zip(self.brackets, _ranks(self.count), strict=True):
            values = b.order(group)
            if values is None:
                return None
            found.update(values)
        return interpolate(self.count, PERCENTS, lambda ranks: found)

    def figures(self) -> Figures:
        if self.count == 0:  # no finite value: no statistics, but the share above zero
            positive = self.positive / self.values if self.full and self.values else float("nan")
            return Figures(dict.fromkeys(STAT_KEYS), positive, self.values, self.full)
        mean = math.fsum(self.sums) / self.count
        if not self.full:
            stats = {**dict.fromkeys(STAT_KEYS), "mean": mean}
            return Figures(stats, float("nan"), self.values, False)
        assert self.shift is not None
        if self.count > 1:
            dev = math.fsum(self.dev)
            var = (math.fsum(self.sq) - dev * dev / self.count) / (self.count - 1)
            sd = math.sqrt(max(var, 0.0))
        else:
            sd = 0.0
        p = self._percentiles()
        if p is None:
            raise RuntimeError("a percentile's bracket missed its rank: widen and run again")
        stats = {"mean": mean, "sd": sd, "p5": p[0], "p50": p[1], "p95": p[2]}
        return Figures(stats, self.positive / self.values, self.values)


def _ranks(n: int) -> list[list[int]]:
    """The ranks each percentile interpolates between, one group per percentile."""
    out: list[list[int]] = []

    def record(ranks: list[int]) -> dict[int, float]:
        out.append(sorted(ranks))
        return dict.fromkeys(ranks, 0.0)

    for percent in PERCENTS:
        interpolate(n, (percent,), record)
    return out


def _brackets(first: np.ndarray) -> list[Bracket]:
    """Brackets around each percentile, set on the first piece's finite values."""
    m = first.size
    if m == 0:
        return [Bracket(None, None) for _ in PERCENTS]
    ordered = np.sort(first)  # one sort, read at each bound (any value will do for a bound)
    out = []
    for percent in PERCENTS:
        p = percent / 100
        width = MARGIN_SD * math.sqrt(p * (1 - p) / m) + 2 / m
        lo_i = math.floor((p - width) * (m - 1))
        hi_i = math.ceil((p + width) * (m - 1))
        lo = float(ordered[lo_i]) if lo_i > 0 else None
        hi = float(ordered[hi_i]) if hi_i < m - 1 else None
        out.append(Bracket(lo, hi))
    return out
