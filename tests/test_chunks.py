"""Runs in pieces give the numbers of a whole run (issue 9): the draws do not depend on how a run
is cut, and the summary of a run kept in pieces is the whole run's, to the last bit."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from costmodel import engine, scenario
from costmodel.engine.chunks import run_compact
from costmodel.engine.draws import BLOCK, Draws

from .conftest import FIXTURES, ROOT

SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml"))


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.name)
def test_a_summary_kept_in_pieces_is_the_whole_runs_whatever_the_pieces(path: Path) -> None:
    s = scenario.load(path)
    n = 2 * BLOCK + 123  # two whole blocks and a short one
    whole = engine.run(s, iterations=n, seed=11).summary()
    for chunk in (BLOCK, 2 * BLOCK, 4 * BLOCK):
        assert run_compact(s, n, seed=11, chunk=chunk, stream=False).summary() == whole, chunk


def _with_truncated_normal(tmp_path: Path) -> scenario.Scenario:
    # Växjö (which correlates two inputs) with one input a truncated normal, the one
    # distribution that was sampled by rejection: its redraws came after the whole batch
    text = (ROOT / "scenarios" / "vaxjo.yaml").read_text(encoding="utf-8")
    old = "value: {dist: triangular, low: 3, mode: 4, high: 6}"
    assert old in text
    path = tmp_path / "truncated.yaml"
    path.write_text(text.replace(old, "value: {dist: normal, mean: 4, sd: 2, low: 3}"), "utf-8")
    return scenario.load(path)


def test_draws_taken_in_pieces_are_the_draws_taken_at_once(tmp_path: Path) -> None:
    s = _with_truncated_normal(tmp_path)
    assert s.correlations
    n = 3 * BLOCK + 7
    at_once = engine.draw(s, 5, n)
    draws = Draws(s, 5)
    pieces = [draws.take(m) for m in (BLOCK, 2 * BLOCK, 7)]
    for name, x in at_once.items():
        assert np.array_equal(np.concatenate([p[name] for p in pieces]), x), name
    truncated = next(x for name, x in at_once.items() if s.parameters[name].dist.kind == "normal")
    assert truncated.min() >= 3


def test_a_piece_must_keep_the_blocks_whole(tmp_path: Path) -> None:
    draws = Draws(scenario.load(ROOT / "scenarios" / "vaxjo.yaml"), 1)
    draws.take(100)  # a short piece is the last one
    with pytest.raises(ValueError, match="multiples"):
        draws.take(100)


def test_a_run_kept_for_its_summary_refuses_views_it_did_not_keep() -> None:
    s = scenario.load(ROOT / "scenarios" / "mall.yaml")
    r = run_compact(s, 1000, seed=1)  # kept for the scenario's perspective only
    assert r.summary()["iterations"] == 1000
    with pytest.raises(ValueError, match="has not kept the years of kommun"):
        r.yearly(None, "kommun")


def _flat(x: object, key: str = "") -> dict[str, object]:
    """A nested summary as {dotted.key: leaf}."""
    if isinstance(x, dict):
        return {k: v for name, sub in x.items() for k, v in _flat(sub, f"{key}.{name}").items()}
    if isinstance(x, list):
        return {k: v for i, sub in enumerate(x) for k, v in _flat(sub, f"{key}[{i}]").items()}
    return {key: x}


def _numbers(s: scenario.Scenario) -> str:
    """A hash of what decides a run's numbers: not labels, references or notes, which change
    often (the sources were made readable after the file was written)."""
    m = s.meta
    data = {
        "method": s.method,
        "meta": [
            m.price_year,
            m.horizon_years,
            m.discount_rate,
            m.perspective,
            m.iterations,
            m.seed,
            getattr(m, "intake_years", None),
        ],
        "parameters": sorted(
            [name, repr(p.dist), p.scale, p.payer, p.year, p.cashable, p.published]
            for name, p in s.parameters.items()
        ),
        "correlations": [[sorted(c.names), c.rank] for c in s.correlations],
    }
    return hashlib.sha256(json.dumps(data, default=str).encode()).hexdigest()


def test_shipped_summaries_at_their_own_seed_are_unchanged_by_running_in_pieces() -> None:
    # The summaries of the code before runs were cut into pieces, saved with a hash of what
    # decides each scenario's numbers; a scenario whose numbers changed since then on purpose
    # (the template) is compared no more.
    before = json.loads((FIXTURES / "summaries_before_chunks.json").read_text("utf-8"))
    compared = 0
    for name, saved in before.items():
        s = scenario.load(ROOT / "scenarios" / name)
        if _numbers(s) != saved["numbers"]:
            continue
        now = json.loads(json.dumps(run_compact(s, stream=False).summary(), allow_nan=False))
        for key in ("version", "file", "scenario_sha256"):  # where and by what it was read
            now.pop(key), saved["summary"].pop(key)
        # to 12 significant digits: the cohort method's sums were reordered for speed after the
        # file was written (the same arithmetic, rounded differently in the last bits)
        a, b = _flat(now), _flat(saved["summary"])
        assert a.keys() == b.keys(), name
        for key, value in b.items():
            if isinstance(value, float):
                assert a[key] == pytest.approx(value, rel=1e-12, abs=1e-6), (name, key)
            else:
                assert a[key] == value, (name, key)
        compared += 1
    assert compared >= 3, "fewer than three shipped scenarios left to compare: refresh the file"
