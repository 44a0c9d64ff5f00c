"""``costmodel compare``: differences from common random numbers, tested against independent
runs, and the headline figures against single runs."""

from __future__ import annotations

import json

import numpy as np
import pytest

from costmodel import engine, scenario
from costmodel.analysis.compare import paired_difference
from costmodel.cli import main

from .conftest import ROOT

BASE = ROOT / "scenarios" / "skarholmen.yaml"
VARIANT = ROOT / "scenarios" / "skarholmen-diskonterad.yaml"


def test_common_random_numbers_shrink_the_standard_error_of_the_difference() -> None:
    a, b = scenario.load(BASE), scenario.load(VARIANT)
    n = 20_000
    net_a = engine.run(a, iterations=n, seed=7).net()
    paired = paired_difference(engine.run(b, iterations=n, seed=7).net(), net_a)
    independent = paired_difference(engine.run(b, iterations=n, seed=8).net(), net_a)
    # the same draws: the difference is only the discounting of year 2, a tiny spread;
    # other seeds: the two spreads add up
    assert paired.standard_error * 20 < independent.standard_error
    # the paired difference is exactly the per-iteration difference
    diff = engine.run(b, iterations=n, seed=7).net() - net_a
    assert paired.mean == pytest.approx(float(diff.mean()))
    assert paired.probability_better == pytest.approx(float(np.mean(diff > 0)))


def test_cli_compare_json(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["compare", str(BASE), str(VARIANT), "--format", "json", "-n", "3000", "--seed", "5"]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    first, second = data["scenarios"]
    assert first["difference"] is None
    single = engine.run(scenario.load(BASE), iterations=3000, seed=5).net()
    assert first["net_benefit_mean"] == pytest.approx(float(single.mean()))
    assert second["difference"]["mean"] == pytest.approx(
        second["net_benefit_mean"] - first["net_benefit_mean"]
    )
    assert 0 <= second["difference"]["probability_better"] <= 1
    assert main(["compare", str(BASE), str(VARIANT), "-n", "500"]) == 0
    assert "jämförelsebas" in capsys.readouterr().out


@pytest.mark.parametrize(
    "args,fragment",
    [
        (["compare", str(BASE), str(VARIANT), "--seed", "-1"], "--seed must be a non-negative"),
        (["compare", str(BASE), str(VARIANT), "--perspective", "kommunen"], "unknown --persp"),
        (["sensitivity", str(BASE), "--seed", "-3"], "--seed must be a non-negative"),
        (["sensitivity", str(BASE), "-n", "1"], "--iterations 1 is out of range"),
    ],
)
def test_bad_options_are_user_errors(
    capsys: pytest.CaptureFixture[str], args: list[str], fragment: str
) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert fragment in err and "internal error" not in err
