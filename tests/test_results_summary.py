"""The summary, built from each flow's totals, equals the plain definition from the flows.

The reference below builds the (iterations × years) matrices the straightforward way and takes
the statistics of them; the summary must give the same figures (to rounding) for every shipped
scenario and perspective.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from costmodel import engine, scenario
from costmodel.scenario.payers import SOCIETY

from .conftest import shipped


def _reference(r: engine.Results, persp: str) -> dict[str, np.ndarray]:
    def matrix(kind: str | None, payer: str, cash: bool = False) -> np.ndarray:
        total = np.zeros((r.n, r.horizon))
        for f in r.flows:
            if payer != SOCIETY and f.payer != payer:
                continue
            if kind is not None and f.kind != kind:
                continue
            sign = 1.0 if kind is not None or f.kind == "benefit" else -1.0
            total += sign * (f.cashable if cash else 1.0) * f.values
        return total

    net = matrix(None, persp) * r.discount
    return {
        "net": net.sum(axis=1),
        "net_u": matrix(None, persp).sum(axis=1),
        "budget": (matrix(None, persp, cash=True) * r.discount).sum(axis=1),
        "costs": (matrix("cost", persp) * r.discount).sum(axis=1),
        "benefits": (matrix("benefit", persp) * r.discount).sum(axis=1),
        "by_year": net,
        "year_costs": (matrix("cost", persp) * r.discount).mean(axis=0),
        "year_benefits": (matrix("benefit", persp) * r.discount).mean(axis=0),
        "cumulative": np.cumsum(net, axis=1),
    }


def _close(summary_stats: dict[str, float | None], x: np.ndarray) -> None:
    p5, p50, p95 = np.percentile(x, [5, 50, 95])
    expected = {"mean": x.mean(), "sd": x.std(ddof=1), "p5": p5, "p50": p50, "p95": p95}
    for key, value in expected.items():
        assert summary_stats[key] == pytest.approx(value, rel=1e-9, abs=1e-6), key


@pytest.mark.parametrize("path", shipped(), ids=[p.stem for p in shipped()])
def test_summary_equals_the_plain_definition(path: Path) -> None:
    r = engine.run(scenario.load(path), iterations=3000, seed=5)
    for persp in (SOCIETY, "kommun"):
        s = r.summary(persp)
        ref = _reference(r, persp)
        _close(s["net_benefit"], ref["net"])
        _close(s["net_benefit_undiscounted"], ref["net_u"])
        _close(s["budget_net_benefit"], ref["budget"])
        _close(s["costs"], ref["costs"])
        _close(s["benefits"], ref["benefits"])
        for t, row in enumerate(s["by_year"]):
            _close(row["net_benefit"], ref["by_year"][:, t])
            _close(row["cumulative_net_benefit"], ref["cumulative"][:, t])
            assert row["costs"] == pytest.approx(ref["year_costs"][t], rel=1e-9, abs=1e-6)
            assert row["benefits"] == pytest.approx(ref["year_benefits"][t], rel=1e-9, abs=1e-6)
        assert s["probability_net_benefit_positive"] == float(np.mean(ref["net"] > 0))
        mean_cum = ref["cumulative"].mean(axis=0)
        hits = np.nonzero(mean_cum >= 0)[0]
        assert s["break_even_year"] == (int(hits[0]) + 1 if hits.size else None)
