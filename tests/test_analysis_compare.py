"""costmodel.analysis.compare: what the dashboard shows of two runs side by side, checked
against numbers worked out by hand (price-index factors, scaled summaries, differences, payer
totals, percentile bands) and against scenarios that do or do not compute the same thing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from costmodel import scenario
from costmodel.analysis.compare import (
    BAND_KEYS,
    MoneyStats,
    change,
    common_prices,
    cumulative_bands,
    in_prices,
    money_stats,
    payer_totals,
    payers_present,
    same_numbers,
)

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"


def summary(
    mean: float,
    p5: float,
    p95: float,
    prob: float,
    costs: float,
    benefits: float,
    cpy: float | None = None,
    be: int | None = None,
) -> dict[str, Any]:
    """The part of ``Results.summary()`` the comparison reads."""
    return {
        "net_benefit": {"mean": mean, "sd": 1.0, "p5": p5, "p50": mean, "p95": p95},
        "probability_net_benefit_positive": prob,
        "cost_per_youth": cpy,
        "break_even_year": be,
        "costs": {"mean": costs},
        "benefits": {"mean": benefits},
    }


def stats(mean: float, prob: float, cpy: float | None = None, be: int | None = None) -> MoneyStats:
    return {
        "mean": mean,
        "p5": 0.0,
        "p95": 0.0,
        "prob": prob,
        "cpy": cpy,
        "be": be,
        "costs": 0.0,
        "benefits": 0.0,
    }


# --- prices -----------------------------------------------------------------------------------


def test_common_prices_converts_to_the_latest_year_with_the_kpi_ratio() -> None:
    # SCB KPI annual averages (1980=100) in scenario/data/kpi.csv: 2015 313.35, 2017 322.11.
    # 322.11 / 313.35 = 1 + 8.76 / 313.35 = 1.027956
    target, factors = common_prices([2015, 2017])
    assert target == 2017
    assert factors[0] == pytest.approx(1.027956, abs=1e-6)
    assert factors[1] == 1.0  # already in 2017 prices


def test_common_prices_takes_the_latest_year_wherever_it_stands() -> None:
    # KPI 2012 is 314.20, a little above 2015's 313.35 (prices fell in 2013-2015), so 2012
    # needs a smaller factor: 322.11 / 314.20 = 1 + 7.91 / 314.20 = 1.025175
    target, factors = common_prices([2012, 2017, 2015])
    assert target == 2017
    assert factors == pytest.approx([1.025175, 1.0, 1.027956], abs=1e-6)


def test_common_prices_of_one_year_changes_nothing() -> None:
    assert common_prices([2015, 2015]) == (2015, [1.0, 1.0])


def test_common_prices_refuses_a_year_outside_the_kpi_table() -> None:
    with pytest.raises(ValueError, match="outside the KPI table"):
        common_prices([1066, 2015])


def test_in_prices_multiplies_every_draw() -> None:
    # 1 000 000 kr and −250 000 kr in 2015 prices × 1.0718 = 1 071 800 kr and −267 950 kr
    out = in_prices(np.array([1_000_000.0, -250_000.0]), 1.0718)
    np.testing.assert_allclose(out, [1_071_800.0, -267_950.0])


# --- money_stats and change -------------------------------------------------------------------


def test_money_stats_scales_the_amounts_and_nothing_else() -> None:
    s = summary(
        mean=1_000_000,
        p5=-200_000,
        p95=2_500_000,
        prob=0.8,
        costs=900_000,
        benefits=1_900_000,
        cpy=150_000,
        be=2,
    )
    m = money_stats(s, 1.0718)
    # 1 000 000 kr in 2015 prices × KPI factor 1.0718 = 1 071 800 kr
    assert m["mean"] == pytest.approx(1_071_800)
    # −200 000 × 1.0718 = −214 360; 2 500 000 × 1.0718 = 2 679 500
    assert m["p5"] == pytest.approx(-214_360)
    assert m["p95"] == pytest.approx(2_679_500)
    # 150 000 × 1.0718 = 160 770
    assert m["cpy"] == pytest.approx(160_770)
    # 900 000 × 1.0718 = 964 620; 1 900 000 × 1.0718 = 2 036 420
    assert m["costs"] == pytest.approx(964_620)
    assert m["benefits"] == pytest.approx(2_036_420)
    # a share and a year are not amounts: no price index applies
    assert m["prob"] == 0.8
    assert m["be"] == 2


def test_money_stats_without_a_factor_keeps_the_summary_s_own_prices() -> None:
    m = money_stats(summary(1_234_567, -1, 2, 0.5, 10, 20, cpy=99_999, be=3))
    assert (m["mean"], m["p5"], m["p95"], m["cpy"], m["costs"], m["benefits"]) == (
        1_234_567,
        -1,
        2,
        99_999,
        10,
        20,
    )


def test_money_stats_keeps_a_missing_cost_per_youth_and_break_even_missing() -> None:
    m = money_stats(summary(1.0, 0.0, 2.0, 0.6, 1.0, 2.0, cpy=None, be=None), 2.0)
    assert m["cpy"] is None
    assert m["be"] is None
    # keys absent altogether (an older summary) read as missing too
    bare = summary(1.0, 0.0, 2.0, 0.6, 1.0, 2.0)
    del bare["cost_per_youth"], bare["break_even_year"]
    assert money_stats(bare)["cpy"] is None
    assert money_stats(bare)["be"] is None


def test_change_is_this_minus_the_reference_in_kr_points_and_years() -> None:
    tuned = stats(mean=1_500_000, prob=0.85, cpy=120_000, be=1)
    original = stats(mean=1_000_000, prob=0.80, cpy=150_000, be=2)
    d = change(tuned, original)
    assert d["net"] == pytest.approx(500_000)  # 1 500 000 − 1 000 000
    assert d["prob_pp"] == pytest.approx(5.0)  # 85 % − 80 % = 5 percentage points
    assert d["cpy"] == pytest.approx(-30_000)  # 120 000 − 150 000
    assert d["be"] == -1  # year 1 instead of year 2
    back = change(original, tuned)
    assert back["net"] == pytest.approx(-500_000)
    assert back["prob_pp"] == pytest.approx(-5.0)


def test_change_of_a_missing_cost_per_youth_or_break_even_is_missing() -> None:
    d = change(stats(1.0, 0.5, cpy=100.0, be=None), stats(1.0, 0.5, cpy=None, be=3))
    assert d["cpy"] is None
    assert d["be"] is None
    # the same year twice is no change, not a missing one
    assert change(stats(1.0, 0.5, be=3), stats(2.0, 0.5, be=3))["be"] == 0


def test_change_against_itself_is_zero() -> None:
    s = money_stats(summary(1_600_000, -170_000, 3_500_000, 0.93, 900_000, 2_500_000, 1e5, 1))
    assert change(s, s) == {"net": 0.0, "prob_pp": 0.0, "cpy": 0.0, "be": 0}


# --- payers -----------------------------------------------------------------------------------


def net(mean: float) -> dict[str, Any]:
    return {"net_benefit": {"mean": mean}}


def test_payers_present_lists_each_payer_once_in_the_fixed_order() -> None:
    one = {"samhalle": net(3.0), "stat": net(1.0), "kommun": net(2.0)}
    two = {"samhalle": net(1.0), "region": net(1.0), "kommun": net(0.5)}
    # the order of PAYERS (kommun, stat, region, brottsoffer, ovrigt), not of the runs;
    # society as a whole is the sum, not a payer
    assert payers_present([one, two]) == ["kommun", "stat", "region"]
    assert payers_present([two]) == ["kommun", "region"]
    assert payers_present([]) == []


def test_payer_totals_scale_each_payer_and_give_zero_for_an_absent_one() -> None:
    by_payer = {"kommun": net(600_000.0), "stat": net(-100_000.0), "samhalle": net(500_000.0)}
    # 600 000 × 1.1 = 660 000; −100 000 × 1.1 = −110 000; no region flows: 0
    assert payer_totals(by_payer, ["kommun", "stat", "region"], 1.1) == pytest.approx(
        [660_000.0, -110_000.0, 0.0]
    )
    assert payer_totals(by_payer, ["stat", "kommun"]) == [-100_000.0, 600_000.0]


# --- bands --------------------------------------------------------------------------------------


def test_cumulative_bands_are_percentiles_and_mean_year_by_year() -> None:
    # five draws over two years (rows are draws). Sorted, year 1 is 0, 10, 20, 30, 40 and
    # year 2 is 100, 110, 120, 130, 140. numpy's linear percentile of five sorted values sits
    # at position q/100 × 4: p5 at 0.2 (0 + 0.2 × 10 = 2), p25 at 1, p50 at 2, p75 at 3 and
    # p95 at 3.8 (30 + 0.8 × 10 = 38); the means are 100 / 5 = 20 and 600 / 5 = 120.
    cum = np.array([[30.0, 140.0], [0.0, 100.0], [40.0, 130.0], [10.0, 110.0], [20.0, 120.0]])
    bands = cumulative_bands(cum)
    assert set(bands) == {*BAND_KEYS, "mean"}
    expected = {
        "p5": [2.0, 102.0],
        "p25": [10.0, 110.0],
        "p50": [20.0, 120.0],
        "p75": [30.0, 130.0],
        "p95": [38.0, 138.0],
        "mean": [20.0, 120.0],
    }
    for key, want in expected.items():
        np.testing.assert_allclose(bands[key], want, err_msg=key)


def test_cumulative_bands_of_identical_draws_collapse_to_the_value() -> None:
    cum = np.tile([-900_000.0, 1_600_000.0], (7, 1))  # every draw the same
    for key, band in cumulative_bands(cum).items():
        np.testing.assert_allclose(band, [-900_000.0, 1_600_000.0], err_msg=key)


# --- same_numbers -------------------------------------------------------------------------------


def test_same_numbers_ignores_the_name_but_not_a_value() -> None:
    vaxjo = scenario.load(SCENARIOS / "vaxjo.yaml")
    renamed = scenario.with_values(vaxjo, {}, name="Växjö, annat namn")
    assert renamed.meta.name != vaxjo.meta.name
    assert same_numbers(vaxjo, renamed)
    # the mode of avoided placement-years moved from 1 to 1.5
    changed = scenario.with_values(
        vaxjo,
        {"avoided_placement_years": {"dist": "triangular", "low": 0, "mode": 1.5, "high": 2}},
    )
    assert not same_numbers(vaxjo, changed)
    assert not same_numbers(vaxjo, scenario.load(SCENARIOS / "skarholmen.yaml"))
