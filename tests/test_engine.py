"""The engine: Monte Carlo means match closed-form expectations, runs are reproducible."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from costmodel import engine, scenario
from costmodel.errors import ScenarioError
from costmodel.scenario import priceindex
from costmodel.scenario.payers import SOCIETY

from .conftest import FIXTURES, ROOT, shipped


def _within(mean: float, expected: float, sd: float, n: int) -> None:
    se = sd / math.sqrt(n)
    assert abs(mean - expected) <= 4 * se, f"{mean} vs {expected} (4 SE = {4 * se})"


def test_vaxjo_mean_matches_closed_form() -> None:
    # net (kommun, per year) = E[apy] · E[placement cost] − E[sig cost], inputs independent
    s = scenario.load(ROOT / "scenarios" / "vaxjo.yaml")
    r = engine.run(s, iterations=200_000, seed=3)
    p = s.parameters
    expected = (
        p["avoided_placement_years"].dist.mean() * p["placement_cost.kommun"].dist.mean()
        - p["sig_cost.kommun"].dist.mean()
    )
    net = r.net("kommun", discounted=False)
    _within(float(net.mean()), expected, float(net.std()), net.size)


def test_society_is_the_sum_of_payers() -> None:
    s = scenario.load(ROOT / "scenarios" / "mall.yaml")
    r = engine.run(s, iterations=2000, seed=5)
    total = sum(r.net(payer) for payer in r.payers())
    assert np.allclose(r.net(SOCIETY), total)
    assert r.payers() == ["kommun", "stat", "region", "ovrigt"]  # region: BUP at the meetings


def test_minimal_two_year_discounting() -> None:
    # two identical years, the second divided by 1.035
    s = scenario.load(FIXTURES / "minimal.yaml")
    r = engine.run(s, deterministic=True)
    undiscounted = r.net("kommun", discounted=False)[0]
    # (1 · 2 726 000 − 900 000) × 2 = 3 652 000; discounted 1 826 000 × (1 + 1/1.035)
    assert undiscounted == pytest.approx(3_652_000)
    assert r.net("kommun")[0] == pytest.approx(1_826_000 * (1 + 1 / 1.035))


def test_cohort_matches_closed_form_with_fixed_decay() -> None:
    s = scenario.load(ROOT / "scenarios" / "sodertalje.yaml")
    s = scenario.with_values(s, {"effect_decay": 0.3})
    r = engine.run(s, iterations=200_000, seed=11)
    p = s.parameters
    # avoided offences = N · rate · reduction · attribution · (1 + 0.7 + 0.49), independent
    factor = 1 + 0.7 + 0.49
    expected = (
        10
        * p["crimes.all.rate"].dist.mean()
        * p["crimes.all.reduction"].dist.mean()
        * p["attribution"].dist.mean()
        * factor
    )
    crimes = r.outcomes["avoided_crimes"].sum(axis=1)
    _within(float(crimes.mean()), expected, float(crimes.std()), crimes.size)


def test_price_year_conversion_applies_kpi() -> None:
    s = scenario.load(ROOT / "scenarios" / "sodertalje.yaml")
    p = s.parameters["sig_cost_per_youth.kommun"]
    assert p.price_year == 2015 and s.meta.price_year == 2017
    assert p.price_factor == pytest.approx(priceindex.factor(2015, 2017))
    r = engine.run(s, deterministic=True)
    # 10 youths × 160 000 kr per youth-year (2015) × 322.11 / 313.35 × 10/12 of a year in SIG
    assert r.costs(discounted=False)[0] == pytest.approx(10 * 160_000 * 322.11 / 313.35 * 10 / 12)


def test_a_conversion_through_an_uncertain_kpi_figure_says_so(tmp_path: Path) -> None:
    """2024's KPI is derived, not SCB's annual average (data/kpi.csv marks it): a cost moved
    to 2024 prices is moved by 415.15 / 322.11 and its note says the figure is uncertain."""
    assert 2024 in priceindex.uncertain_years() and 2023 not in priceindex.uncertain_years()
    text = (ROOT / "scenarios" / "sodertalje.yaml").read_text(encoding="utf-8")
    assert "price_year: 2017" in text
    path = tmp_path / "moved.yaml"
    path.write_text(text.replace("price_year: 2017", "price_year: 2024", 1), encoding="utf-8")
    s = scenario.load(path)
    p = s.parameters["sig_cost_per_youth.kommun"]
    assert s.meta.price_year == 2024
    assert p.price_factor == pytest.approx(415.15 / 313.35)
    assert "osäker siffra" in p.note and "uncertain figure" in p.note_en
    unmoved = scenario.load(ROOT / "scenarios" / "sodertalje.yaml")
    assert "osäker" not in unmoved.parameters["sig_cost_per_youth.kommun"].note


def _sodertalje_with(tmp_path: Path, old: str, new: str) -> Path:
    text = (ROOT / "scenarios" / "sodertalje.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "sodertalje.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_staff_cost_moved_by_the_municipal_price_index(tmp_path: Path) -> None:
    """price_index: pkv moves the 2015 staff cost to 2017 by SKL's PKV changes for 2016
    (2,7 %) and 2017 (2,8 %), not by KPI; 2017's PKV was a forecast, and the note says so."""
    path = _sodertalje_with(
        tmp_path, "      price_year: 2015\n", "      price_index: pkv\n      price_year: 2015\n"
    )
    s = scenario.load(path)
    p = s.parameters["sig_cost_per_youth.kommun"]
    assert p.price_index == "pkv"
    assert p.price_factor == pytest.approx(1.027 * 1.028)
    assert "PKV för 2017, en osäker siffra" in p.note
    r = engine.run(s, deterministic=True)
    # 10 youths × 160 000 kr (2015) × 1.027 × 1.028 × 10/12 of a year in SIG
    assert r.costs(discounted=False)[0] == pytest.approx(10 * 160_000 * 1.027 * 1.028 * 10 / 12)


def test_a_price_index_that_does_not_cover_the_scenario_year_is_refused(tmp_path: Path) -> None:
    path = _sodertalje_with(
        tmp_path, "      price_year: 2015\n", "      price_index: pkv\n      price_year: 2015\n"
    )
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("price_year: 2017", "price_year: 2022", 1), encoding="utf-8")
    with pytest.raises(ScenarioError) as err:
        scenario.load(path)
    (problem,) = [p for p in err.value.problems if p.path.endswith("price_index")]
    assert problem.path == "parameters.sig_cost_per_youth.kommun.price_index"
    assert "2022 is outside the PKV table (2014–2017)" in problem.message
    assert text.splitlines()[problem.line - 1].strip() == "price_index: pkv"


@pytest.mark.parametrize(
    ("line", "wanted"),
    [
        ("      price_index: pvk\n", "'pvk' is not a price index (did you mean 'pkv'?)"),
        ("      price_index: pkv\n      price_year: 2012\n", "2012 is outside the PKV table"),
    ],
)
def test_bad_price_indexes_are_named(tmp_path: Path, line: str, wanted: str) -> None:
    path = _sodertalje_with(
        tmp_path,
        "      price_year: 2015\n",
        line if "2012" in line else line + "      price_year: 2015\n",
    )
    with pytest.raises(ScenarioError) as err:
        scenario.load(path)
    assert any(wanted in p.message for p in err.value.problems), err.value.problems


def test_priceindex_refuses_years_outside_the_table() -> None:
    with pytest.raises(ValueError, match="outside the KPI table"):
        priceindex.factor(2009, 2015)
    assert priceindex.factor(2015, 2015) == 1.0


def test_same_seed_same_numbers_in_separate_processes() -> None:
    cmd = [
        sys.executable,
        "-m",
        "costmodel.cli",
        "run",
        "scenarios/mall.yaml",
        "--iterations",
        "5000",
        "--seed",
        "123",
        "--format",
        "json",
    ]
    outs = [
        subprocess.run(
            cmd, capture_output=True, text=True, cwd=ROOT, check=True, timeout=120
        ).stdout
        for _ in range(2)
    ]
    assert outs[0] == outs[1]
    other = subprocess.run(
        [*cmd[:-4], "--seed", "124", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        timeout=120,
    ).stdout
    assert json.loads(other)["net_benefit"]["mean"] != json.loads(outs[0])["net_benefit"]["mean"]


def test_results_are_stamped() -> None:
    s = scenario.load(ROOT / "scenarios" / "vaxjo.yaml")
    out = engine.run(s, iterations=100, seed=9).summary()
    assert out["seed"] == 9 and out["iterations"] == 100
    assert out["scenario_sha256"] == s.sha256 and len(s.sha256) == 64
    from costmodel import __version__

    assert out["version"] == __version__


def test_hash_changes_when_the_file_changes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    a = scenario.loads(text, "a.yaml")
    b = scenario.loads(text.replace("900000", "900001"), "b.yaml")
    assert a.sha256 != b.sha256


@pytest.mark.parametrize("path", shipped(), ids=[p.stem for p in shipped()])
def test_summary_is_consistent(path) -> None:  # type: ignore[no-untyped-def]
    s = scenario.load(path)
    r = engine.run(s, iterations=3000, seed=1)
    out = r.summary()
    nb = out["net_benefit"]
    assert nb["p5"] <= nb["p50"] <= nb["p95"]
    assert out["net_benefit"]["mean"] == pytest.approx(
        out["benefits"]["mean"] - out["costs"]["mean"], rel=1e-9, abs=1e-6
    )
    # the payers' net benefits add up to society's, iteration by iteration
    assert np.allclose(sum(r.net(p) for p in r.payers()), r.net(SOCIETY))
    # each category's split by payer adds up to the category's total
    for cat in out["by_category"].values():
        assert sum(cat["by_payer"].values()) == pytest.approx(cat["mean"], rel=1e-9, abs=1e-6)
    assert 0.0 <= out["probability_net_benefit_positive"] <= 1.0
    for key in (
        "scenario",
        "method",
        "iterations",
        "seed",
        "price_year",
        "discount_rate",
        "horizon_years",
        "probability_net_benefit_positive",
        "by_payer",
        "by_category",
        "by_year",
    ):
        assert key in out
    for key in (
        "net_benefit",
        "net_benefit_undiscounted",
        "costs",
        "benefits",
        "benefit_cost_ratio",
    ):
        assert set(out[key]) == {"mean", "sd", "p5", "p50", "p95"}
    json.dumps(out, allow_nan=False)  # strict JSON: no NaN or Infinity


def test_deterministic_uses_modes_medians_and_stated_centrals() -> None:
    s = scenario.load(ROOT / "scenarios" / "skarholmen.yaml")
    r = engine.run(s, deterministic=True)
    assert r.n == 1
    assert r.inputs["attribution"][0] == pytest.approx(0.4)  # pert(0, 0.4, 1): its mode
    assert r.inputs["rate_factor"][0] == pytest.approx(1.0)  # gamma(7, 1/7): its mean
    published = engine.run(s, published=True)
    assert published.inputs["attribution"][0] == 1.0  # published: 1 (the report's implicit)
    assert published.inputs["baseline_months"][0] == pytest.approx(7 / 12)  # no figure: central
    mall = scenario.load(ROOT / "tests" / "fixtures" / "minimal.yaml")
    stated = scenario.with_values(
        mall, {"avoided_placement_years": {"dist": "uniform", "low": 0, "high": 2, "central": 0.25}}
    )
    assert engine.run(stated, deterministic=True).inputs["avoided_placement_years"][0] == 0.25
    assert r.inputs["baseline_months"][0] == pytest.approx(7 / 12)  # months -> years
    v = engine.run(scenario.load(ROOT / "scenarios" / "vaxjo.yaml"), deterministic=True)
    assert v.inputs["placement_cost.kommun"][0] == 2_726_000  # the PERT's mode
    assert v.inputs["crime_cost.ovrigt"][0] == 200_000  # the triangular's mode
    m = engine.run(scenario.load(ROOT / "scenarios" / "mall.yaml"), deterministic=True)
    # SiS fee: 5 400 kr/day in 2020 prices -> per year, 2022 prices
    expected = 5400 * 365 * 371.91 / 335.92
    assert m.inputs["placements.sis.cost.kommun"][0] == pytest.approx(expected)
    assert r.summary()["probability_net_benefit_positive"] is None


def test_parameter_order_does_not_change_the_numbers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = (ROOT / "scenarios" / "vaxjo.yaml").read_text(encoding="utf-8")
    start = text.index("    stat:\n")
    end = text.index("\n  avoided_placement_years:")
    kommun_start = text.index("  placement_cost:\n") + len("  placement_cost:\n")
    reordered = text[:kommun_start] + text[start:end] + "\n" + text[kommun_start:start] + text[end:]
    assert reordered != text and len(reordered) == len(text) + 1
    f = tmp_path / "vaxjo.yaml"
    f.write_text(reordered, encoding="utf-8")
    a = engine.run(scenario.load(ROOT / "scenarios" / "vaxjo.yaml"), iterations=3000, seed=8)
    b = engine.run(scenario.load(f), iterations=3000, seed=8)
    # the same draws; only the order of adding the flows differs (floating-point rounding)
    assert np.allclose(a.net(SOCIETY), b.net(SOCIETY), rtol=1e-12, atol=0)
    assert np.array_equal(a.inputs["placement_cost.stat"], b.inputs["placement_cost.stat"])


def test_cohort_weights_with_several_intake_years() -> None:
    # mall: 5 years, intake in years 1-3, decay fixed at 0.3 (keep k = 0.7); active
    # effect-years per year: 1, 1+k, 1+k+k², k+k²+k³, k²+k³+k⁴
    s = scenario.with_values(scenario.load(ROOT / "scenarios" / "mall.yaml"), {"effect_decay": 0.3})
    r = engine.run(s, deterministic=True)
    k = 0.7
    weights = [1, 1 + k, 1 + k + k**2, k + k**2 + k**3, k**2 + k**3 + k**4]
    placements = r.outcomes["avoided_placement_years"][0]
    assert placements == pytest.approx([placements[0] * w for w in weights])
    # offences carry the incapacitation term in f² (cohort.py): α·Σk^(t-s) + β·Σk^(2(t-s));
    # α and β from years 1 and 2, then years 3-5 must follow
    k2 = k * k
    weights2 = [1, 1 + k2, 1 + k2 + k2**2, k2 + k2**2 + k2**3, k2**2 + k2**3 + k2**4]
    crimes = r.outcomes["avoided_crimes"][0]
    alpha, beta = np.linalg.solve([[1, 1], [1 + k, 1 + k2]], crimes[:2])
    assert crimes == pytest.approx(
        [alpha * w + beta * w2 for w, w2 in zip(weights, weights2, strict=True)]
    )
    assert beta != pytest.approx(0)  # placements and offences interact
    # programme cost only in the three intake years
    costs = r.yearly("cost", SOCIETY, discounted=False)[0]
    assert costs[3] == costs[4] == 0 and costs[0] == pytest.approx(costs[2])


def test_skarholmen_splits_the_follow_up_by_year() -> None:
    r = engine.run(scenario.load(ROOT / "scenarios" / "skarholmen.yaml"), deterministic=True)
    benefits = r.yearly("benefit", "kommun", discounted=False)[0]
    # 5 of 17 follow-up months fall in 2012
    assert benefits[0] / benefits.sum() == pytest.approx(5 / 17)


def test_optimism_bias_lifts_every_cost_and_the_benefit_discount_lowers_every_benefit(
    tmp_path: Path,
) -> None:
    # Minimal (Växjö method), central case: 1 avoided placement-year × 2 726 000, SIG 900 000.
    # With a 20 % optimism bias and a 25 % benefit discount, per year:
    #   costs 900 000 × 1.2 = 1 080 000; benefits 2 726 000 × 0.75 = 2 044 500;
    #   net 964 500; two years, the second divided by 1.035: 964 500 × (1 + 1/1.035)
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    text += (
        "  optimism_bias: {label: OB, unit: share, value: 0.2, reference: test}\n"
        "  benefit_discount: {label: BD, unit: share, value: 0.25, reference: test}\n"
    )
    path = tmp_path / "adjusted.yaml"
    path.write_text(text, encoding="utf-8")
    r = engine.run(scenario.load(path), deterministic=True)
    assert r.costs("kommun", discounted=False)[0] == pytest.approx(2 * 1_080_000)
    assert r.benefits("kommun", discounted=False)[0] == pytest.approx(2 * 2_044_500)
    assert r.net("kommun")[0] == pytest.approx(964_500 * (1 + 1 / 1.035))
    # without them the same file gives the plain figures
    plain = engine.run(scenario.load(FIXTURES / "minimal.yaml"), deterministic=True)
    assert plain.costs("kommun", discounted=False)[0] == pytest.approx(2 * 900_000)
