"""Correlated inputs: marginals kept exactly, the rank correlation asked for, the same numbers
for the same seed, and a hand-worked mean of a product."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from costmodel import engine, scenario
from costmodel.scenario.correlations import pearson_of_rank

from .conftest import FIXTURES

MINIMAL = FIXTURES / "minimal.yaml"


def _with(tmp_path: Path, correlations: str, extra: str = "") -> scenario.Scenario:
    f = tmp_path / "c.yaml"
    f.write_text(f"extends: {MINIMAL}\n{extra}correlations:\n{correlations}", encoding="utf-8")
    return scenario.load(f)


def _spearman(a: np.ndarray, b: np.ndarray) -> float:
    ra, rb = np.argsort(np.argsort(a)), np.argsort(np.argsort(b))
    return float(np.corrcoef(ra, rb)[0, 1])


@pytest.mark.parametrize("rank", [-0.6, 0.3, 0.8])
def test_the_rank_correlation_asked_for_and_exact_marginals(tmp_path: Path, rank: float) -> None:
    s = _with(
        tmp_path,
        f"  - {{between: [placement_cost.kommun, avoided_placement_years], rank: {rank}, "
        "reference: test}\n",
    )
    plain = scenario.load(MINIMAL)
    n = 40_000
    corr = engine.draw(s, 3, n)
    free = engine.draw(plain, 3, n)
    for name in corr:  # the same values, only their order changes
        assert np.array_equal(np.sort(corr[name]), np.sort(free[name])), name
    got = _spearman(corr["placement_cost.kommun"], corr["avoided_placement_years"])
    # the standard error of a rank correlation near ρ at n = 40 000 is about (1 − ρ²)/√n < 0.005
    assert got == pytest.approx(rank, abs=0.02)
    assert _spearman(free["placement_cost.kommun"], free["avoided_placement_years"]) == (
        pytest.approx(0, abs=0.02)
    )
    # parameters outside the correlation keep their draws in place
    assert np.array_equal(corr["sig_cost.kommun"], free["sig_cost.kommun"])


def test_a_shared_factor_correlates_every_pair(tmp_path: Path) -> None:
    s = _with(
        tmp_path,
        "  - between: [sig_cost.kommun, placement_cost.kommun, avoided_placement_years]\n"
        "    rank: 0.5\n    reference: test\n",
        "overrides:\n  parameters.sig_cost.kommun.value: {dist: uniform, low: 1, high: 2}\n",
    )
    v = engine.draw(s, 9, 40_000)
    names = ["sig_cost.kommun", "placement_cost.kommun", "avoided_placement_years"]
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            assert _spearman(v[a], v[b]) == pytest.approx(0.5, abs=0.02), (a, b)


def test_same_seed_same_numbers(tmp_path: Path) -> None:
    s = _with(
        tmp_path,
        "  - {between: [placement_cost.kommun, avoided_placement_years], rank: 0.7, "
        "reference: test}\n",
    )
    a = engine.run(s, iterations=5000, seed=4).summary()
    b = engine.run(s, iterations=5000, seed=4).summary()
    assert a == b
    assert engine.run(s, iterations=5000, seed=5).summary() != a


def test_comonotone_inputs_give_the_hand_worked_mean(tmp_path: Path) -> None:
    # avoided placement-years X ~ U(0, 2), placement cost Y ~ U(2 000 000, 3 000 000) with rank
    # correlation 1, so Y = 2 000 000 + 500 000·X. Benefit X·Y per year:
    #   E[XY] = 2 000 000·E[X] + 500 000·E[X²] = 2 000 000·1 + 500 000·4/3 = 2 666 666.67
    # independent: E[X]·E[Y] = 1 × 2 500 000 = 2 500 000
    extra = (
        "overrides:\n"
        "  parameters.placement_cost.kommun.value: {dist: uniform, low: 2000000, high: 3000000}\n"
    )
    s = _with(
        tmp_path,
        "  - {between: [placement_cost.kommun, avoided_placement_years], rank: 1, "
        "reference: test}\n",
        extra,
    )
    r = engine.run(s, iterations=200_000, seed=1)
    benefit = r.yearly("benefit", "kommun", discounted=False)[:, 0]
    # sd of XY is below 2 000 000; the standard error at 200 000 draws below 4 500 kr
    assert benefit.mean() == pytest.approx(2_666_666.67, abs=15_000)
    assert abs(benefit.mean() - 2_500_000) > 100_000


def test_spearman_to_normal_scores() -> None:
    # 2·sin(π·ρ/6): 0 → 0, 1 → 1, 0.5 → 2·sin(π/12) = 0.5176
    assert pearson_of_rank(0) == 0
    assert pearson_of_rank(1) == pytest.approx(1)
    assert pearson_of_rank(0.5) == pytest.approx(0.517638, abs=1e-6)


def test_a_deterministic_run_ignores_correlations(tmp_path: Path) -> None:
    s = _with(
        tmp_path,
        "  - {between: [placement_cost.kommun, avoided_placement_years], rank: 0.9, "
        "reference: test}\n",
    )
    assert (
        engine.run(s, deterministic=True).summary()["net_benefit"]
        == engine.run(scenario.load(MINIMAL), deterministic=True).summary()["net_benefit"]
    )
