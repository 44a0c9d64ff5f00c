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

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

import numpy as np

from ..scenario import Scenario
from ..scenario.payers import SOCIETY
from . import memory, summary
from .accumulate import Accumulator
from .draws import BLOCK, Draws
from .methods import Flow
from .results import Results
from .run import TooLarge, evaluate
from .summary import Key

CHUNK = 2 * BLOCK  # iterations at once: arrays of 1 MB a year, reused rather than mapped anew
# series kept whole up to this (bit for bit a whole run's); beyond, streamed (accumulate.py)
KEEP_BUDGET_BYTES = 64 * 1024**2
STREAM_CHUNK = BLOCK  # a streamed run holds one piece: the smaller, the less memory


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
    chunk: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    stream: bool | None = None,
) -> Results:
    """A Monte Carlo run in pieces of ``chunk`` iterations (a multiple of the draws' block),
    kept for summaries of ``perspectives`` (default: the scenario's); ``progress(done, n)`` is
    called after each piece. ``stream``: accumulate the summary's figures instead of keeping
    its series (:mod:`.accumulate`); None decides by size (:func:`streams`). ``chunk`` defaults to
    :data:`CHUNK` kept, :data:`STREAM_CHUNK` streamed; it never changes the numbers."""
    n = scenario.meta.iterations if iterations is None else iterations
    if n < 1:
        raise ValueError("iterations must be at least 1")
    persps = list(dict.fromkeys(perspectives or [scenario.meta.perspective]))
    s = scenario.meta.seed if seed is None else seed
    streamed = streams(scenario, n, len(persps)) if stream is None else stream
    chunk = chunk or (STREAM_CHUNK if streamed else CHUNK)
    if chunk < 1 or (chunk % BLOCK and chunk < n):
        raise ValueError(f"chunk must be a multiple of {BLOCK}")
    if streamed:
        problem = memory.check_streamed(scenario, n, min(n, chunk), len(persps))
        if problem:
            raise TooLarge(problem)
        return _run_streamed(scenario, n, s, persps, chunk, progress)
    problem = memory.check_compact(scenario, n, min(n, chunk), len(persps))
    if problem:
        raise TooLarge(problem)
    pieces, skeleton = [], None
    sums: list[np.ndarray] = []  # each flow's yearly sum over the iterations so far
    for r in _pieces(scenario, n, s, chunk, progress):
        pieces.append(_Piece.of(r, [p for p in persps if p == SOCIETY or p in r.payers()]))
        sums = _yearly_sums(r, sums)
        skeleton = skeleton or _skeleton(r, n)
    assert skeleton is not None
    return _join(skeleton, pieces, sums, n)


def streams(scenario: Scenario, n: int, perspectives: int) -> bool:
    """Whether a run of ``n`` iterations is streamed (:mod:`.accumulate`) rather than kept: when
    the series it would keep pass :data:`KEEP_BUDGET_BYTES`."""
    if n * memory.formula_bytes_per_iteration(scenario) <= KEEP_BUDGET_BYTES:
        return False  # far under the budget: not probed (the dashboard's runs)
    return n * memory.kept_bytes_per_iteration(scenario, perspectives) > KEEP_BUDGET_BYTES


def _pieces(
    scenario: Scenario,
    n: int,
    seed: int,
    chunk: int,
    progress: Callable[[int, int], None] | None,
) -> Iterator[Results]:
    """The run's pieces, evaluated one after the other (each dropped when the next comes)."""
    draws = Draws(scenario, seed)
    for start in range(0, n, chunk):
        yield evaluate(scenario, draws.take(min(chunk, n - start)), seed=seed)
        if progress is not None:
            progress(min(start + chunk, n), n)


def _yearly_sums(r: Results, sums: list[np.ndarray]) -> list[np.ndarray]:
    """Each flow's yearly sum so far, plus this piece's rows: row after row from the sum so
    far, as numpy sums the rows of a whole run, so the yearly means are its to the last bit."""
    return [
        f.values.sum(axis=0) if not sums else np.vstack([sums[i], f.values]).sum(axis=0)
        for i, f in enumerate(r.flows)
    ]


def _skeleton(r: Results, n: int) -> Results:
    """A :class:`Results` of ``n`` iterations with the piece's flows, labels and discount but
    no values (filled by the caller); the piece itself is not kept."""
    flows = [
        Flow(f.category, f.payer, f.kind, np.empty((0, r.horizon)), f.slot, f.entry, f.cashable)
        for f in r.flows
    ]
    return Results(
        stamp=replace(r.stamp, iterations=n),
        flows=flows,
        category_labels=r.category_labels,
        discount=r.discount,
        youths=None if r.youths is None else np.empty(0),
        outcomes={k: np.empty((0, 1)) for k in r.outcomes},
        compact=True,
    )


def _run_streamed(
    scenario: Scenario,
    n: int,
    seed: int,
    persps: list[str],
    chunk: int,
    progress: Callable[[int, int], None] | None,
) -> Results:
    """A run whose summary figures are accumulated piece by piece (:mod:`.accumulate`)."""
    acc: dict[Key, Accumulator] = {}  # by signature: a series under several keys, once
    named: dict[Key, Key] = {}  # each key the summary reads -> its signature
    blocks: dict[int, list[np.ndarray]] = {}
    skeleton = None
    for r in _pieces(scenario, n, seed, chunk, progress):
        if skeleton is None:
            skeleton = _skeleton(r, n)
            for p in persps:
                if p == SOCIETY or p in r.payers():
                    for key, full in summary.keys(r, p).items():
                        sig = named[key] = summary.signature(r, key)
                        acc[sig] = acc.get(sig) or Accumulator(full)
                        acc[sig].full = acc[sig].full or full
            one = {sig: key for key, sig in named.items()}  # a key to compute each series by
        for key, x in summary.arrays(r, list(one.values())):
            acc[named[key]].add(x)
            for done in [k for k in r._cache if k[0] == "total"]:  # each used once or twice
                del r._cache[done]
        for i, f in enumerate(r.flows):  # each flow's yearly sums, a block at a time
            blocks.setdefault(i, []).extend(
                f.values[start : start + BLOCK].sum(axis=0)
                for start in range(0, f.values.shape[0], BLOCK)
            )
    assert skeleton is not None
    missed = {sig: a for sig, a in acc.items() if a.missed()}
    if missed:  # a bracket missed its percentile: once more over the run, for those series
        for a in missed.values():
            a.widen()
        for r in _pieces(scenario, n, seed, chunk, None):
            for key, x in summary.arrays(r, [one[sig] for sig in missed]):
                missed[named[key]].add(x)
    figures = {sig: a.figures() for sig, a in acc.items()}
    skeleton.streamed = {key: figures[sig] for key, sig in named.items()}
    for i, parts in blocks.items():  # summed exactly over the blocks: whatever the pieces
        years = np.array(parts)
        skeleton._cache[("year-mean", i)] = (
            np.array([math.fsum(years[:, t]) for t in range(skeleton.horizon)]) / n
        )
    return skeleton


def _join(result: Results, pieces: list[_Piece], sums: list[np.ndarray], n: int) -> Results:
    h = result.horizon
    flows = result.flows

    def whole(parts: list[np.ndarray]) -> np.ndarray:
        out = np.concatenate(parts)
        out.flags.writeable = False
        return out

    if result.youths is not None:
        result.youths = whole([p.youths for p in pieces if p.youths is not None])
    result.outcomes = {k: whole([p.outcomes[k] for p in pieces]) for k in result.outcomes}
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
