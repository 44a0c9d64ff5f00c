"""The memory guard counts what a run really takes (issue 9: the old formula under-counted the
peak by up to 40 %, so a run the guard allowed could take 8 GB against a 6 GiB promise)."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from costmodel import engine, scenario
from costmodel.engine import memory

from .conftest import ROOT

SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml"))


@pytest.mark.parametrize("name", ["vaxjo.yaml", "mall.yaml"])
def test_the_estimate_covers_the_measured_peak_of_a_run_and_its_summary(name: str) -> None:
    s = scenario.load(ROOT / "scenarios" / name)
    estimate = memory.bytes_per_iteration(s)
    n = 150_000
    tracemalloc.start()
    try:
        engine.run(s, iterations=n, seed=3).summary()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # never under the real peak, and not so far over that the guard refuses runs that fit
    assert peak <= n * estimate <= 1.5 * peak


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.name)
def test_runs_that_pass_the_screen_unprobed_really_are_small(path: Path) -> None:
    s = scenario.load(path)
    assert memory.bytes_per_iteration(s) <= memory.SCREEN * memory.formula_bytes_per_iteration(s)


def test_a_run_over_the_budget_is_refused_with_the_measured_figure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    s = scenario.load(ROOT / "scenarios" / "vaxjo.yaml")
    per = memory.bytes_per_iteration(s)
    monkeypatch.setattr(memory, "MEMORY_BUDGET_BYTES", 100_000 * per)
    assert memory.fit(s, 10_000) == 10_000  # far under: no refusal
    assert memory.fit(s, 200_000) == 100_000
    with pytest.raises(engine.TooLarge, match="expected at most 100000 iterations"):
        engine.run(s, iterations=200_000)


def test_the_estimate_covers_the_measured_peak_of_a_streamed_run() -> None:
    """A streamed run (costmodel/engine/accumulate.py) holds a piece and a few percent of each
    series: its measured peak stays under the guard's estimate, and far under what keeping the
    series would take."""
    from costmodel.engine.chunks import run_compact
    from costmodel.engine.draws import BLOCK

    s = scenario.load(ROOT / "scenarios" / "mall.yaml")
    n, chunk = 8 * BLOCK, BLOCK
    per, kept = memory.bytes_per_iteration(s), memory.kept_bytes_per_iteration(s, 1)
    # measured first: the probes trace memory themselves, which would end this trace
    tracemalloc.start()
    try:
        run_compact(s, n, seed=3, chunk=chunk, stream=True).summary()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert memory.check_streamed(s, n, chunk, 1) is None
    estimate = chunk * (per + kept) + n * memory.STREAMED_SHARE * kept  # check_streamed's
    assert peak <= estimate <= 2 * peak
    assert peak < n * kept  # less than the kept series alone
