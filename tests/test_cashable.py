"""Cash or capacity: budgets apart from freed capacity and welfare (hand-worked cases)."""

from __future__ import annotations

from pathlib import Path

import pytest

from costmodel import engine, scenario
from costmodel.scenario.cashable import default_share, family, non_cash_kind

from .conftest import FIXTURES, ROOT


def test_vaxjo_as_published_for_society() -> None:
    # kommun: 1 × 2 726 000 − 900 000 = 1 826 000, all cash (a fee not paid, staff paid)
    # stat: 1 × 681 500 (uniform(0, 1 363 000) at its mean) = 681 500, freed SiS capacity
    # ovrigt: 0.5 offences × 200 000 = 100 000, welfare
    s = scenario.load(ROOT / "scenarios" / "vaxjo.yaml")
    summary = engine.run(s, published=True).summary("samhalle")
    assert summary["budget_net_benefit"]["mean"] == pytest.approx(1_826_000)
    assert summary["net_benefit"]["mean"] == pytest.approx(1_826_000 + 681_500 + 100_000)
    payers = summary["by_payer"]
    assert payers["kommun"]["budget"] == pytest.approx(1_826_000)
    assert payers["stat"]["budget"] == 0 and payers["stat"]["non_cash"] == pytest.approx(681_500)
    assert payers["stat"]["non_cash_kind"] == "capacity"
    assert payers["ovrigt"]["non_cash"] == pytest.approx(100_000)
    assert payers["ovrigt"]["non_cash_kind"] == "welfare"


def test_a_cost_line_may_say_how_much_is_cash(tmp_path: Path) -> None:
    # half the municipality's placement cost is cash (say, a place it would have filled anyway):
    # budget 0.5 × 2 726 000 × 1 avoided − 900 000 = 463 000; net benefit still 1 826 000
    f = tmp_path / "half.yaml"
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "      value: {dist: triangular, low: 2000000, mode: 2726000, high: 3000000}\n",
        "      value: 2726000\n      cashable: 0.5\n",
    ).replace("value: {dist: uniform, low: 0, high: 2}", "value: 1")
    f.write_text(text, encoding="utf-8")
    r = engine.run(scenario.load(f), deterministic=True)
    assert r.budget("kommun", discounted=False)[0] == pytest.approx(463_000 * 2)  # 2 years
    assert r.net("kommun", discounted=False)[0] == pytest.approx(1_826_000 * 2)


def test_defaults_by_category_and_payer() -> None:
    assert family("placement:sis") == "placements" and family("crime:violent") == "crime"
    assert default_share("placement:sis", "kommun").share == 1.0  # a fee not paid
    assert default_share("placement:sis", "stat").share == 0.0  # SiS capacity
    assert default_share("crime:other", "stat").share == 0.0  # police time
    assert default_share("crime", "brottsoffer").share == 0.0  # welfare
    assert default_share("sig", "kommun").share == 1.0
    assert non_cash_kind("stat") == "capacity" and non_cash_kind("brottsoffer") == "welfare"
    assert all(d.source for d in [default_share("sig", "stat"), default_share("crime", "x")])
