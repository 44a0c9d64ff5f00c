"""How much memory a run needs: measured on a small run of the same scenario, not guessed.

A formula over parameters and flows under-counted the real peak by up to 40 % (the method's
temporaries, the summary's per-flow totals and caches): a run the guard allowed could take
8 GB against the 6 GiB it promised. Every array a run makes has one row per iteration, so the
peak grows linearly with the iterations; :func:`bytes_per_iteration` therefore runs the scenario
twice, at the two sizes of :data:`PROBE_ITERATIONS`, under ``tracemalloc`` (which sees numpy's
buffers), including its summary, and takes the slope of the peak: the bytes each further
iteration adds, without a run's fixed cost. The figure is cached per scenario hash (a
probe takes a few tenths of a second) and carries a safety margin. Runs that fit by far
(:data:`SCREEN`) are not probed, so the dashboard's small runs never pay for it.
"""

from __future__ import annotations

import tracemalloc

from ..scenario import Scenario

MEMORY_BUDGET_BYTES = 6 * 1024**3
PROBE_ITERATIONS = (10_000, 30_000)  # two small runs; the peak's slope between them
MARGIN = 1.2  # the measured slope, plus a fifth for what a bigger run's allocator adds
# A run whose formula figure, times this, fits the budget fits without a probe: the measured
# figure is at most about 1.5 times the formula's in every shipped scenario (a test checks 8).
SCREEN = 8

_measured: dict[tuple[str, str], int] = {}


def formula_bytes_per_iteration(scenario: Scenario) -> int:
    """A quick lower figure: the inputs and one money row per parameter and year."""
    h = scenario.meta.horizon_years
    money = sum(1 for p in scenario.parameters.values() if p.unit.is_money)
    return 8 * (len(scenario.parameters) + 2 * money * h + 12 * h)


def bytes_per_iteration(scenario: Scenario) -> int:
    """Peak bytes one iteration of a run and its summary take, measured (see the module)."""
    key = (scenario.sha256, scenario.method)
    if key not in _measured:
        _measured[key] = _probe(scenario)
    return _measured[key]


def _probe(scenario: Scenario) -> int:
    if tracemalloc.is_tracing():  # someone else is measuring: do not disturb their figures
        return 3 * formula_bytes_per_iteration(scenario)
    _peak(scenario, 500)  # a warm-up: what the first run of a process allocates once
    peaks = [_peak(scenario, n) for n in PROBE_ITERATIONS]
    # the slope: what each further iteration adds, without the fixed cost of a run
    slope = (peaks[1] - peaks[0]) / (PROBE_ITERATIONS[1] - PROBE_ITERATIONS[0])
    return max(formula_bytes_per_iteration(scenario), int(MARGIN * slope))


def _peak(scenario: Scenario, n: int) -> int:
    from .run import draw, evaluate

    tracemalloc.start()
    try:
        results = evaluate(scenario, draw(scenario, 0, n), seed=0)
        results.summary()  # `run` imports this module for its guard: import `run` late
        return int(tracemalloc.get_traced_memory()[1])
    finally:
        tracemalloc.stop()


def max_iterations(scenario: Scenario) -> int:
    """The most iterations that fit in :data:`MEMORY_BUDGET_BYTES`."""
    return MEMORY_BUDGET_BYTES // bytes_per_iteration(scenario)


def fit(scenario: Scenario, n: int) -> int:
    """``n``, or the most iterations that fit when ``n`` would not."""
    if n * SCREEN * formula_bytes_per_iteration(scenario) <= MEMORY_BUDGET_BYTES:
        return n
    return min(n, max_iterations(scenario))


def check(scenario: Scenario, n: int) -> str | None:
    """Why ``n`` iterations would not fit (a sentence), or None when they do."""
    if fit(scenario, n) == n:
        return None
    per = bytes_per_iteration(scenario)
    return (
        f"{n} iterations of this scenario need about {n * per / 1024**3:.1f} GB of memory; "
        f"expected at most {MEMORY_BUDGET_BYTES // per} iterations"
    )


def kept_bytes_per_iteration(scenario: Scenario, perspectives: int) -> int:
    """Bytes per iteration a run in pieces keeps for its summary (:mod:`.chunks`): each flow's
    two totals, the yearly net of each perspective asked for, and the summary's own series
    (per payer and category totals, budgets); counted on a small run, with the margin."""
    key = (scenario.sha256, f"kept-{perspectives}")
    if key not in _measured:
        from .chunks import run_compact

        n = PROBE_ITERATIONS[0]
        r = run_compact(scenario, n, seed=0, perspectives=None, chunk=n, stream=False)
        r.summary()
        kept = sum(a.nbytes for a in r._cache.values())
        kept += (perspectives - 1) * scenario.meta.horizon_years * 8 * n
        _measured[key] = int(MARGIN * kept / n)
    return _measured[key]


def check_compact(scenario: Scenario, n: int, chunk: int, perspectives: int) -> str | None:
    """Why a run of ``n`` iterations in pieces of ``chunk`` would not fit, or None."""
    if n * SCREEN * formula_bytes_per_iteration(scenario) <= MEMORY_BUDGET_BYTES:
        return None
    per_piece = chunk * bytes_per_iteration(scenario)
    return _refusal(n, kept_bytes_per_iteration(scenario, perspectives), per_piece)


def _refusal(n: int, kept: int, per_piece: int) -> str | None:
    """Why ``n`` iterations keeping ``kept`` bytes each, beside a piece, would not fit."""
    if n * kept + per_piece <= MEMORY_BUDGET_BYTES:
        return None
    return (
        f"{n} iterations of this scenario need about "
        f"{(n * kept + per_piece) / 1024**3:.1f} GB of memory; expected at most "
        f"{max(0, MEMORY_BUDGET_BYTES - per_piece) // kept} iterations"
    )


STREAMED_SHARE = 0.05  # a streamed run keeps at most this share of the kept run's series


def check_streamed(scenario: Scenario, n: int, chunk: int, perspectives: int) -> str | None:
    """Why a streamed run (:mod:`.accumulate`) of ``n`` iterations would not fit, or None: a piece
    at a time, plus the brackets' few percent of each series (tests/test_stream.py checks the
    share; tests/test_memory.py the estimate against a measured peak)."""
    if (chunk + STREAMED_SHARE * n) * 2 * SCREEN * formula_bytes_per_iteration(
        scenario
    ) <= MEMORY_BUDGET_BYTES:
        return None  # fits by far (a piece and its totals: twice a run's bytes), not probed
    whole = kept_bytes_per_iteration(scenario, perspectives)
    # a piece: its run, and the totals its series are made of while they are fed
    per_piece = chunk * (bytes_per_iteration(scenario) + whole)
    return _refusal(n, max(1, int(STREAMED_SHARE * whole)), per_piece)
