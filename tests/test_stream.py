"""A run streamed in pieces gives the summary of a run that keeps its series (issue 9).

Streamed (costmodel/engine/accumulate.py), a run holds a piece at a time and about 3 % of each
series' values (the brackets round its percentiles): its percentiles must be exactly the kept
run's, its means and sds equal to rounding, its other figures equal, whatever the pieces, and a
bracket that misses its rank must be repaired by a second pass, not reported wrong.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from costmodel import scenario
from costmodel.engine import accumulate as stream  # the module; engine.stream is the draws
from costmodel.engine import chunks
from costmodel.engine.draws import BLOCK
from costmodel.engine.quantiles import PERCENTS
from costmodel.engine.summary import Figures

from .conftest import ROOT
from .test_chunks import _flat

SCENARIOS = [*sorted((ROOT / "scenarios").glob("*.yaml")), ROOT / "benchmarks" / "benchmark.yaml"]
N = 3 * BLOCK + 123  # three whole blocks and a short one


def _agree(kept: dict[str, object], streamed: dict[str, object]) -> None:
    assert kept.keys() == streamed.keys()
    for key, a in kept.items():
        b = streamed[key]
        if key.rsplit(".", 1)[-1] in ("p5", "p50", "p95"):
            assert a == b, key  # exact: the same order statistics, numpy's interpolation
        elif isinstance(a, float) and isinstance(b, float):
            assert math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-6), (key, a, b)
        else:
            assert a == b, key


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.name)
def test_a_streamed_summary_is_the_kept_ones(path: Path) -> None:
    s = scenario.load(path)
    persps = ["samhalle", "kommun"]
    kept = chunks.run_compact(s, N, seed=5, perspectives=persps, stream=False)
    streamed = chunks.run_compact(s, N, seed=5, perspectives=persps, stream=True)
    assert streamed.streamed is not None and kept.streamed is None
    for p in persps:
        _agree(_flat(kept.summary(p)), _flat(streamed.summary(p)))


@pytest.mark.parametrize("name", ["vaxjo.yaml", "mall.yaml"])
def test_a_streamed_summary_does_not_depend_on_the_pieces(name: str) -> None:
    s = scenario.load(ROOT / "scenarios" / name)
    runs = [chunks.run_compact(s, N, seed=2, chunk=c, stream=True) for c in (BLOCK, 2 * BLOCK)]
    assert runs[0].summary() == runs[1].summary()


def test_a_bracket_that_misses_is_repaired_by_a_second_pass(monkeypatch) -> None:
    """With brackets of almost no width the first pass misses; the figures still equal the
    kept run's exactly, through the second pass."""
    s = scenario.load(ROOT / "scenarios" / "mall.yaml")
    kept = chunks.run_compact(s, N, seed=8, stream=False).summary()
    widened = []
    original = stream.Accumulator.widen

    def spy(self: stream.Accumulator) -> None:
        widened.append(self)
        original(self)

    monkeypatch.setattr(stream, "MARGIN_SD", 0.0)
    monkeypatch.setattr(stream.Accumulator, "widen", spy)
    streamed = chunks.run_compact(s, N, seed=8, stream=True).summary()
    assert widened, "no bracket missed: the test does not reach the second pass"
    _agree(_flat(kept), _flat(streamed))


def _missed_then_repaired(pieces: list[np.ndarray]) -> tuple[Figures, np.ndarray]:
    """Feed the pieces, expect a miss, widen, feed them again: numpy's percentiles."""
    acc = stream.Accumulator(full=True)
    for x in pieces:
        acc.add(x)
    assert acc.missed()
    acc.widen()
    for x in pieces:
        acc.add(x)
    assert not acc.missed()
    got, whole = acc.figures(), np.concatenate(pieces)
    assert [got.stats[f"p{p:g}"] for p in PERCENTS] == list(np.percentile(whole, PERCENTS))
    return got, whole


def test_an_accumulator_fed_a_misleading_first_piece() -> None:
    """The first piece sees only small values; the percentiles lie far above its brackets."""
    rng = np.random.default_rng(4)
    pieces = [rng.normal(0, 1, BLOCK)] + [rng.normal(100, 5, BLOCK) for _ in range(9)]
    got, whole = _missed_then_repaired(pieces)
    assert math.isclose(got.mean, float(whole.mean()), rel_tol=1e-14)
    assert math.isclose(got.stats["sd"] or 0.0, float(whole.std(ddof=1)), rel_tol=1e-12)
    assert got.positive == float(np.mean(whole > 0))


def test_ties_at_a_bracket_are_counted_not_kept() -> None:
    """A series that is mostly one value (a fixed cost, no effect in most runs) keeps almost
    nothing, and its percentiles are still numpy's."""
    rng = np.random.default_rng(1)
    x = np.where(rng.random(8 * BLOCK) < 0.9, 900_000.0, rng.normal(900_000, 1e5, 8 * BLOCK))
    acc = stream.Accumulator(full=True)
    for start in range(0, x.size, 2 * BLOCK):
        acc.add(x[start : start + 2 * BLOCK])
    assert acc.brackets is not None
    kept = sum(part.size for b in acc.brackets for part in b.kept)
    assert kept <= 0.05 * x.size
    got = acc.figures()
    assert [got.stats[f"p{p:g}"] for p in PERCENTS] == list(np.percentile(x, PERCENTS))


def test_a_streamed_run_keeps_a_few_percent_of_each_series(monkeypatch) -> None:
    s = scenario.load(ROOT / "scenarios" / "mall.yaml")
    accumulators: list[stream.Accumulator] = []
    original = stream.Accumulator.__init__

    def spy(self: stream.Accumulator, full: bool) -> None:
        original(self, full)
        accumulators.append(self)

    monkeypatch.setattr(stream.Accumulator, "__init__", spy)
    n = 8 * BLOCK
    chunks.run_compact(s, n, seed=3, stream=True).summary()
    full = [a for a in accumulators if a.full]
    assert full
    for a in full:
        assert a.brackets is not None
        assert sum(part.size for b in a.brackets for part in b.kept) <= 0.05 * n


def test_big_runs_stream_and_small_ones_keep_their_series() -> None:
    s = scenario.load(ROOT / "scenarios" / "mall.yaml")
    assert chunks.streams(s, 10_000_000, 1)
    assert not chunks.streams(s, s.meta.iterations, 1)


def test_a_streamed_run_refuses_views_it_did_not_keep() -> None:
    s = scenario.load(ROOT / "scenarios" / "vaxjo.yaml")
    r = chunks.run_compact(s, 1000, seed=1, stream=True)
    with pytest.raises(ValueError, match="has not kept"):
        r.net("kommun")
    with pytest.raises(ValueError, match="has not kept"):
        r.summary("staten")


@pytest.mark.parametrize("name", ["mall.yaml", "skarholmen.yaml", "vaxjo.yaml"])
def test_brackets_narrowed_after_every_piece_give_the_same_figures(name: str, monkeypatch) -> None:
    """Narrowing the brackets as the run goes (Bracket.tighten) drops values, never ranks:
    narrowed after every piece, the figures are still the kept run's."""
    s = scenario.load(ROOT / "scenarios" / name)
    kept = chunks.run_compact(s, N, seed=6, stream=False).summary()
    monkeypatch.setattr(stream, "TIGHTEN_AFTER", 1)
    narrowed = chunks.run_compact(s, N, seed=6, chunk=BLOCK, stream=True).summary()
    _agree(_flat(kept), _flat(narrowed))


@pytest.mark.parametrize("kind", ["normal", "ties"])
def test_a_long_run_keeps_a_share_that_shrinks(kind: str) -> None:
    """After 64 pieces the brackets hold far less than the first piece's 3 %, and still give
    numpy's percentiles."""
    rng = np.random.default_rng(11)
    pieces = [
        rng.normal(0, 1, BLOCK)
        if kind == "normal"
        else np.round(rng.normal(0, 1, BLOCK), 1)  # about 80 distinct values: many ties
        for _ in range(64)
    ]
    acc = stream.Accumulator(full=True)
    for x in pieces:
        acc.add(x)
    assert acc.brackets is not None
    kept = sum(part.size for b in acc.brackets for part in b.kept)
    assert kept <= 0.005 * 64 * BLOCK
    whole = np.concatenate(pieces)
    got = acc.figures()
    assert [got.stats[f"p{p:g}"] for p in PERCENTS] == list(np.percentile(whole, PERCENTS))


def test_a_miss_that_straddles_a_run_of_ties_is_repaired() -> None:
    """The review's case: a first piece of zeros makes a bracket of one value; the median's two
    ranks lie on both sides of the zeros' end, so the second pass must open both sides."""
    for size in (40, BLOCK):
        _missed_then_repaired([np.zeros(size), np.ones(size)])


def test_the_share_above_zero_counts_every_value_even_with_no_finite_one() -> None:
    for values, share in (([np.inf], 1.0), ([np.nan, np.nan], 0.0), ([-np.inf, np.inf], 0.5)):
        acc = stream.Accumulator(full=True)
        acc.add(np.array(values))
        assert acc.figures().positive == share
