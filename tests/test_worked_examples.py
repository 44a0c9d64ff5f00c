"""The published hand calculations and the central cases, reproduced (cases in YAML)."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from costmodel import engine, scenario

from .conftest import ROOT

CASES = yaml.safe_load((ROOT / "tests" / "worked_examples.yaml").read_text(encoding="utf-8"))


def _get(d: Any, dotted: str) -> float:
    """``a.b[1].c`` from a summary."""
    for part in dotted.split("."):
        name, _, index = part.partition("[")
        d = d[name]
        if index:
            d = d[int(index.rstrip("]"))]
    return float(d)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_worked_example(case: dict[str, Any]) -> None:
    s = scenario.load(ROOT / case["scenario"])
    if case.get("overrides"):
        s = scenario.with_values(s, case["overrides"])
    mode = case["mode"]
    assert mode in ("published", "central"), mode
    summary = engine.run(s, deterministic=True, published=mode == "published").summary()
    for key, expected in case["checks"].items():
        assert _get(summary, key) == pytest.approx(expected, abs=case["tolerance"]), key
