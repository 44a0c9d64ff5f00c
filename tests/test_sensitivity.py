"""Decision analysis on a linear case worked by hand: net benefit = 2 726 000 · X − S.

X (avoided placement-years) ~ uniform(0, 2); S (SIG cost) ~ uniform(800 000, 1 000 000) or
fixed at 900 000; the placement cost is fixed at 2 726 000; one year, no discounting.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from costmodel import engine, scenario
from costmodel.analysis import information, sensitivity
from costmodel.cli import main

from .conftest import FIXTURES, ROOT

C = 2_726_000.0


def _linear(tmp_path: Path, sig: str = "{dist: uniform, low: 800000, high: 1000000}") -> Path:
    f = tmp_path / "linear.yaml"
    f.write_text(
        f"extends: {FIXTURES / 'minimal.yaml'}\n"
        "scenario: {horizon_years: 1, discount_rate: 0}\n"
        "overrides:\n"
        f"  parameters.sig_cost.kommun.value: {sig}\n"
        f"  parameters.placement_cost.kommun.value: {C:.0f}\n",
        encoding="utf-8",
    )
    return f


def test_switching_values(tmp_path: Path) -> None:
    s = scenario.load(_linear(tmp_path))
    found = {v.parameter: v for v in sensitivity.switching_values(s)}
    # X: 900 000 / 2 726 000 = 0.330154; pays off above it, within its range 0–2
    x = found["avoided_placement_years"]
    assert x.value == pytest.approx(900_000 / C, abs=1e-6) and x.pays_above and x.within_range
    # S: 2 726 000 × 1 (X at its central value, the mean 1): pays off below it, outside 0.8–1 M
    sig = found["sig_cost.kommun"]
    assert sig.value == pytest.approx(C, rel=1e-9)
    assert sig.pays_above is False and not sig.within_range


def test_switching_value_of_vaxjo_as_the_issue_asks() -> None:
    s = scenario.load(ROOT / "scenarios" / "vaxjo.yaml")
    found = {v.parameter: v for v in sensitivity.switching_values(s)}
    # 900 000 / 2 726 000 = 0.330 placement-years per year
    assert found["avoided_placement_years"].value == pytest.approx(0.330, abs=0.005)


def test_tornado(tmp_path: Path) -> None:
    s = scenario.load(_linear(tmp_path))
    r = engine.run(s, iterations=20_000, seed=3)
    rows = {row.parameter: row for row in sensitivity.tornado(r, s)}
    q10, q90 = np.percentile(r.inputs["avoided_placement_years"], [10, 90])
    x = rows["avoided_placement_years"]
    # the others at their central values: S at 900 000
    assert x.low == pytest.approx(C * q10 - 900_000)
    assert x.high == pytest.approx(C * q90 - 900_000)
    s10, s90 = np.percentile(r.inputs["sig_cost.kommun"], [10, 90])
    sig = rows["sig_cost.kommun"]
    assert sig.low == pytest.approx(C - s10) and sig.high == pytest.approx(C - s90)
    # widest first: X swings about 2 726 000 × 1.6, S about 160 000; no discounting: rate 0
    assert sensitivity.tornado(r, s)[0].parameter == "avoided_placement_years"
    assert rows["discount_rate"].swing == pytest.approx(0)


def test_evpi_and_evppi_against_the_closed_form_and_nested_monte_carlo(tmp_path: Path) -> None:
    s = scenario.load(_linear(tmp_path))
    r = engine.run(s, iterations=200_000, seed=8)
    net = r.net()
    # EVPPI(X) = E[max(E_S[NB | X], 0)] − max(E[NB], 0) = E[(900 000 − C·X)+] because E[NB] > 0
    #   = ∫0^x0 (900 000 − C·x) dx / 2 with x0 = 900 000 / C: 900 000 · x0 / 4 = 74 284
    closed = 900_000 * (900_000 / C) / 4
    x = r.inputs["avoided_placement_years"]
    assert information.evppi(x, net) == pytest.approx(closed, rel=0.05)
    # brute force: nested Monte Carlo, 400 outer draws of X × 400 inner draws of S
    rng = np.random.default_rng(1)
    outer = rng.uniform(0, 2, 400)
    inner = rng.uniform(800_000, 1_000_000, (400, 400))
    conditional = (C * outer[:, None] - inner).mean(axis=1)
    nested = np.maximum(conditional, 0).mean() - max((C * outer[:, None] - inner).mean(), 0)
    assert information.evppi(x, net) == pytest.approx(nested, rel=0.15)
    # S never decides alone: C·E[X] − S > 0 for every S in 0.8–1 M, so its EVPPI is 0
    assert information.evppi(r.inputs["sig_cost.kommun"], net) == pytest.approx(0, abs=2_000)
    # EVPI ≥ EVPPI(X), and with S fixed EVPI is the same closed form
    assert information.evpi(net) >= information.evppi(x, net) - 1
    fixed = scenario.load(_linear(tmp_path, "900000"))
    assert information.evpi(engine.run(fixed, iterations=200_000, seed=8).net()) == (
        pytest.approx(closed, rel=0.03)
    )


def test_break_even_and_standard_errors(tmp_path: Path) -> None:
    s = scenario.load(_linear(tmp_path))
    r = engine.run(s, iterations=50_000, seed=2)
    be = sensitivity.break_even(r, s)
    # central: 2 726 000 × 1 − 900 000 > 0 in year 1; one year: within term = within horizon
    assert be.year == 1
    assert be.p_within_term == be.p_within_horizon == pytest.approx(float(np.mean(r.net() > 0)))
    se = information.standard_errors(r.net())
    assert se.mean == pytest.approx(float(np.std(r.net(), ddof=1)) / np.sqrt(50_000))
    more = information.standard_errors(engine.run(s, iterations=200_000, seed=2).net())
    assert more.mean < se.mean  # more iterations, a smaller standard error


def test_importance_ranks_the_input_that_matters(tmp_path: Path) -> None:
    s = scenario.load(_linear(tmp_path))
    r = engine.run(s, iterations=50_000, seed=4)
    rows = information.importance(r.inputs, r.net())
    assert rows[0].parameter == "avoided_placement_years"
    # Var(C·X) = C² · 4/12; Var(S) = 200 000² / 12: X's share is 99.4 %
    share = C**2 * 4 / 12 / (C**2 * 4 / 12 + 200_000**2 / 12)
    assert rows[0].variance_share == pytest.approx(share, abs=0.01)


def test_cli_json_has_the_keys_the_issue_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    assert main(["sensitivity", str(_linear(tmp_path)), "--format", "json", "-n", "5000"]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("tornado", "importance", "switching_values", "break_even", "evpi", "evppi"):
        assert key in data
    assert {"parameter", "payer", "low", "high", "swing"} <= set(data["tornado"][0])
    assert main(["sensitivity", str(ROOT / "scenarios" / "vaxjo.yaml")]) == 0
    out = capsys.readouterr().out.replace("\xa0", " ")
    assert "minst 0,33 placeringsår per år" in out


def test_two_way_grid(tmp_path: Path) -> None:
    s = scenario.load(_linear(tmp_path))
    r = engine.run(s, iterations=20_000, seed=6)
    grid = sensitivity.two_way(r, s, steps=5)
    assert grid is not None
    assert (grid.x, grid.y) == ("avoided_placement_years", "sig_cost.kommun")
    # every cell is C·x − s exactly
    expected = C * grid.x_values[None, :] - grid.y_values[:, None]
    assert np.allclose(grid.net, expected)
    x5, x95 = np.percentile(r.inputs["avoided_placement_years"], [5, 95])
    assert grid.x_values[0] == pytest.approx(x5) and grid.x_values[-1] == pytest.approx(x95)


@pytest.mark.parametrize(("name", "both"), [("vaxjo.yaml", False), ("mall.yaml", True)])
def test_break_even_line_names_the_term_of_office_only_when_the_horizon_is_longer(
    name: str, both: bool
) -> None:
    # Växjö's horizon is one year: "within four years" would be the same chance said twice
    from costmodel.views.sensitivity import analyse, render

    s = scenario.load(ROOT / "scenarios" / name)
    a = analyse(engine.run(s, iterations=2000, seed=1), s)
    text = render(a, s, "sv")
    assert a["break_even"]["horizon"] == s.meta.horizon_years
    assert ("mandatperiod (4 år):" in text) is both
    assert f"inom tidshorisonten ({s.meta.horizon_years} år" in text


@pytest.mark.parametrize(("name", "horizon"), [("vaxjo.yaml", "1 year"), ("mall.yaml", "5 years")])
def test_the_horizon_is_said_with_its_number_in_english(name: str, horizon: str) -> None:
    from costmodel.views.sensitivity import analyse, render

    s = scenario.load(ROOT / "scenarios" / name)
    text = render(analyse(engine.run(s, iterations=2000, seed=1), s), s, "en")
    assert f"within the horizon ({horizon}" in text
    assert "(1 years" not in text
