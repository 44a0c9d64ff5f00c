"""Big runs in pieces, for their summary: bounded working memory, the same numbers.

:func:`run_compact` draws and evaluates :data:`CHUNK` iterations at a time (the draws of
:class:`.draws.Draws` do not depend on the pieces) and keeps of each piece only what a summary
reads: each flow's total over the years per iteration (discounted and not), each flow's yearly
sum, the yearly net benefit of the perspectives asked for, the outcomes' totals and the youths.
The (iterations × years) matrix of every flow, the method's temporaries and the inputs are
dropped piece by piece. The :class:`Results` it returns carries those series in its cache, so
:meth:`Results.summary` runs unchanged on it: every quantile is exact (the kept series are
whole), means and shares are those of the same numbers, and the yearly means are summed row
after row across the pieces as numpy sums a whole run's rows: the summary is identical to the
unchunked one, to the last bit, whatever the pieces. Views that need other years
(another perspective's years, a flow's rows) are refused with a clear error.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from ..scenario import Scenario
from ..scenario.payers import SOCIETY
from . import memory
from .draws import BLOCK, Draws
from .methods import Flow
from .results import Results
from .run import TooLarge, evaluate

CHUNK = 2 * BLOCK  # iterations at once: arrays of 1 MB a year, reused rather than mapped anew


@dataclass
class _Piece:
    """What a summary reads of one piece of a run (see the module)."""

    totals: dict[tuple[int, bool], np.ndarray]
    yearly: dict[str, np.ndarray]
    outcomes: dict[str, np.ndarray]
    youths: np.ndarray | None

    @classmethod
    def of(cls, r: Results, perspectives: list[str]) -> _Piece:
        return cls(
            totals={
                (i, d): np.array(r._flow_total(i, d))
                for i in range(len(r.flows))
                for d in (True, False)
            },
            yearly={p: np.array(r.yearly(None, p, True)) for p in perspectives}
            if r.horizon > 1
            else {},
            outcomes={k: v.sum(axis=1, keepdims=True) for k, v in r.outcomes.items()},
            youths=r.youths,
        )


def run_compact(
    scenario: Scenario,
    iterations: int | None = None,
    seed: int | None = None,
    perspectives: list[str] | None = None,
    chunk: int = CHUNK,
    progress: Callable[[int, int], None] | None = None,
) -> Results:
    """A Monte Carlo run in pieces of ``chunk`` iterations (a multiple of the draws' block),
    kept for summaries of ``perspectives`` (default: the scenario's); ``progress(done, n)`` is
    called after each piece."""
    n = scenario.meta.iterations if iterations is None else iterations
    if n < 1:
        raise ValueError("iterations must be at least 1")
    if chunk < 1 or (chunk % BLOCK and chunk < n):
        raise ValueError(f"chunk must be a multiple of {BLOCK}")
    persps = list(dict.fromkeys(perspectives or [scenario.meta.perspective]))
    problem = memory.check_compact(scenario, n, min(n, chunk), len(persps))
    if problem:
        raise TooLarge(problem)
    s = scenario.meta.seed if seed is None else seed
    draws = Draws(scenario, s)
    pieces, first = [], None
    sums: list[np.ndarray] = []  # each flow's yearly sum over the iterations so far
    for start in range(0, n, chunk):
        r = evaluate(scenario, draws.take(min(chunk, n - start)), seed=s)
        pieces.append(_Piece.of(r, [p for p in persps if p == SOCIETY or p in r.payers()]))
        # row after row from the sum so far, as numpy sums the rows of a whole run: the same
        # yearly means to the last bit
        sums = [
            f.values.sum(axis=0) if first is None else np.vstack([sums[i], f.values]).sum(axis=0)
            for i, f in enumerate(r.flows)
        ]
        first = first or r
        if progress is not None:
            progress(min(start + chunk, n), n)
    assert first is not None
    return _join(first, pieces, sums, n)


def _join(first: Results, pieces: list[_Piece], sums: list[np.ndarray], n: int) -> Results:
    h = first.horizon
    flows = [
        Flow(f.category, f.payer, f.kind, np.empty((0, h)), f.slot, f.entry, f.cashable)
        for f in first.flows
    ]

    def whole(parts: list[np.ndarray]) -> np.ndarray:
        out = np.concatenate(parts)
        out.flags.writeable = False
        return out

    youths = [p.youths for p in pieces if p.youths is not None]
    result = Results(
        stamp=replace(first.stamp, iterations=n),
        flows=flows,
        category_labels=first.category_labels,
        discount=first.discount,
        youths=whole(youths) if youths else None,
        outcomes={k: whole([p.outcomes[k] for p in pieces]) for k in first.outcomes},
        compact=True,
    )
    for i in range(len(flows)):
        for d in (True, False):
            result._cache[("flow", i, d)] = whole([p.totals[(i, d)] for p in pieces])
        if h == 1:  # one column: numpy sums it pairwise, as it does the kept total itself
            result._cache[("year-mean", i)] = np.mean(
                result._cache[("flow", i, False)], keepdims=True
            )
        else:
            result._cache[("year-mean", i)] = sums[i] / n
    for persp in pieces[0].yearly:
        result._cache[("yearly", None, persp, True, None)] = whole(
            [p.yearly[persp] for p in pieces]
        )
    return result
