"""Properties that hold for every scenario, checked on many generated ones (hypothesis).

- a scenario with random distributions either loads and runs to finite numbers, or is refused
  with ``file:line: key.path`` problems: never a crash;
- a SIG cost at the edges of the bounds (tiny amounts, the widest spreads) runs through the
  CLI's table, JSON and CSV to finite numbers, or is refused (exit 2): never exit 1;
- zero effect gives zero avoided cost;
- scaling every amount of money by k scales every cost, benefit and net benefit by k;
- a discount rate of 0 makes the discounted results equal the undiscounted;
- more iterations give a smaller Monte Carlo standard error;
- a shipped scenario's text with lines deleted, repeated, re-indented or mistyped loads and
  runs, or is refused with problems on a line: never a crash;
- a variant with one override differs only where that parameter flows: the other inputs are
  drawn alike, and only the flows of its payer, its kind (cost or benefit) and its group
  change.

Examples are derandomized and few (CI stays fast and every run checks the same cases);
``deadline=None`` because a run's time depends on the machine.
"""

from __future__ import annotations

import copy
import json
import math
import re
from pathlib import Path
from typing import Any

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from costmodel import engine, scenario
from costmodel.errors import ScenarioError
from costmodel.scenario import Scenario
from costmodel.scenario.payers import SOCIETY
from costmodel.scenario.yamlload import dotted

from .conftest import FIXTURES, shipped
from .conftest import SCENARIOS as SCENARIOS_DIR

SETTINGS = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
SHIPPED = {p.stem: scenario.load(p) for p in shipped()}
NAMES = sorted(SHIPPED)
AMOUNTS = {"value", "low", "mode", "high", "mean", "sd", "central", "scale"}
N = 300

numbers = st.one_of(
    st.floats(0, 1),
    st.floats(0, 20),
    st.floats(0, 5e6),
    st.floats(-1e13, 1e13),
    st.sampled_from([0.0, 1e-300, 5e-324, 1e12, 1.5e12, -1.0, 1e300]),
)


@st.composite
def distributions(draw: st.DrawFn, center: float = 1.0) -> Any:
    """A number or any kind of distribution: mostly around ``center``, sometimes wild."""
    wild = draw(st.integers(0, 3)) == 0
    near = st.floats(0, 3).map(lambda f: f * (center or 1.0))
    a, b, c = sorted(draw(st.lists(numbers if wild else near, min_size=3, max_size=3)))
    kind = draw(st.sampled_from(["number", *scenario.distributions.KINDS]))
    if kind == "number":
        return b
    spec: dict[str, Any] = {"dist": kind}
    keys = {
        "fixed": {"value": b},
        "uniform": {"low": a, "high": c},
        "triangular": {"low": a, "mode": b, "high": c},
        "pert": {"low": a, "mode": b, "high": c},
        "normal": {"mean": b, "sd": abs(c - a) / 4},
        "lognormal": {"mean": b, "sd": c - a},
        "interval90": {"low": a, "high": c},
        "beta": {"mean": min(b, 0.99), "sd": draw(st.floats(0.001, 0.5))},
        "gamma": {"mean": b, "sd": c - a},
        "poisson": {"mean": c},
    }[kind]
    spec.update(keys)
    return spec


def _run(s: Scenario, seed: int = 3, n: int = N) -> engine.Results:
    return engine.run(s, iterations=n, seed=seed)


@SETTINGS
@given(name=st.sampled_from(NAMES), data=st.data(), seed=st.integers(0, 2**31))
def test_random_scenarios_load_and_run_or_are_refused_clearly(
    name: str, data: st.DataObject, seed: int
) -> None:
    base = SHIPPED[name]
    params = sorted(base.parameters)
    picked = data.draw(st.lists(st.sampled_from(params), min_size=1, max_size=4, unique=True))
    changes = {n: data.draw(distributions(base.parameters[n].dist.central())) for n in picked}
    try:
        s = scenario.with_values(base, changes)
    except ScenarioError as exc:
        for p in exc.problems:
            assert p.line >= 1 and p.path and p.message and p.expected, str(p)
        return
    summary = _run(s, seed).summary()
    json.dumps(summary, allow_nan=False)  # every number finite (None where undefined)
    assert math.isfinite(summary["net_benefit"]["mean"])


def _yaml_number(x: float) -> str:
    return f"{x:.6e}"  # YAML 1.1 reads a float only with a dot: "1.000000e-300"


@st.composite
def single_costs(draw: st.DrawFn) -> str:
    """The SIG's cost as any kind of distribution at the edges of what is allowed and beyond:
    amounts from 10⁻³⁰⁰ to 10¹³ kr, spreads up to 12 × the mean (the bounds are 10 for a
    lognormal, 1 for a gamma), 90 % intervals up to 3 000 times wide."""
    exponent = st.sampled_from([-300.0, -5.0, 0.0, 12.0, 13.0]) | st.floats(0, 7)
    mean = 10 ** draw(st.floats(3, 7) | exponent)
    cv = draw(st.sampled_from([1.0, 1.01, 3.0, 5.0, 9.99, 10.0, 12.0]) | st.floats(0.01, 12))
    kind = draw(st.sampled_from(["lognormal", "gamma", "interval90", "fixed", "uniform"]))
    n = _yaml_number
    return {
        "fixed": n(mean),
        "lognormal": f"{{dist: lognormal, mean: {n(mean)}, sd: {n(cv * mean)}}}",
        "gamma": f"{{dist: gamma, mean: {n(mean)}, sd: {n(cv * mean)}}}",
        "interval90": f"{{dist: interval90, low: {n(mean)}, high: {n(mean * 10 ** (cv / 3.5))}}}",
        "uniform": f"{{dist: uniform, low: 0, high: {n(mean)}}}",
    }[kind]


@settings(SETTINGS, max_examples=40)
@given(cost=single_costs(), fmt=st.sampled_from(["table", "json", "csv"]))
def test_extreme_single_costs_run_or_are_refused_never_crash(
    cost: str, fmt: str, tmp_path: Path, capsys: Any
) -> None:
    """The class of the review's findings: a cost within the bounds (gamma sd = 3 × mean, a
    tiny amount) gave a benefit per krona of 1e43, and the table crashed, the JSON failed on
    infinity, the CSV wrote 'inf'. Every format either shows finite numbers (exit 0) or
    refuses the file with ``file:line: key.path: ...`` (exit 2)."""
    from costmodel import cli

    path = tmp_path / "cost.yaml"
    path.write_text(
        f"extends: {SCENARIOS_DIR / 'vaxjo.yaml'}\noverrides:\n"
        f"  parameters.sig_cost.kommun.value: {cost}\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    status = cli.main(["run", str(path), "-n", "2000", "--format", fmt, "--lang", "en"])
    out, err = capsys.readouterr()
    assert status in (0, 2), err
    if status == 2:
        assert out == "" and err
        for line in err.splitlines():
            assert re.match(rf"^{re.escape(str(path))}:\d+: (\S+: )?.+; .+$", line), line
        return
    assert not re.search(r"\b(inf|nan)\b", out, re.IGNORECASE), out
    if fmt == "json":
        summary = json.loads(out)
        ratio = summary["benefit_cost_ratio"]
        assert all(v is None or math.isfinite(v) for v in ratio.values())


def _with_all(s: Scenario, change: Any) -> Scenario:
    """``s`` with ``change(parameter)`` as the new value of every parameter it returns one for."""
    changes = {n: v for n, p in s.parameters.items() if (v := change(p)) is not None}
    return scenario.with_values(s, changes)


@SETTINGS
@given(name=st.sampled_from(NAMES), seed=st.integers(0, 2**31))
def test_zero_effect_gives_zero_avoided_cost(name: str, seed: int) -> None:
    s = _with_all(SHIPPED[name], lambda p: 0 if p.effect else None)
    r = _run(s, seed)
    for payer in [SOCIETY, *r.payers()]:
        assert np.all(r.benefits(payer) == 0), payer
        assert np.all(r.benefits(payer, discounted=False) == 0), payer
    assert np.all(r.costs(SOCIETY) > 0)


def _scaled(spec: Any, k: float) -> Any:
    if not isinstance(spec, dict):
        return spec * k
    return {key: v * k if key in AMOUNTS else v for key, v in spec.items()}


@SETTINGS
@given(name=st.sampled_from(NAMES), k=st.floats(0.1, 10), seed=st.integers(0, 2**31))
def test_scaling_every_amount_scales_every_result(name: str, k: float, seed: int) -> None:
    base = SHIPPED[name]
    s = _with_all(base, lambda p: _scaled(p.dist.to_spec(), k) if p.unit.is_money else None)
    a, b = _run(base, seed), _run(s, seed)
    for payer in [SOCIETY, *a.payers()]:
        for what in ("costs", "benefits", "net"):
            for discounted in (True, False):
                x = getattr(a, what)(payer, discounted=discounted)
                y = getattr(b, what)(payer, discounted=discounted)
                np.testing.assert_allclose(y, k * x, rtol=1e-9, atol=1e-6)
    assert a.probability_positive() == b.probability_positive()


@SETTINGS
@given(name=st.sampled_from(NAMES), seed=st.integers(0, 2**31))
def test_discount_rate_zero_makes_discounted_equal_undiscounted(name: str, seed: int) -> None:
    data = copy.deepcopy(SHIPPED[name].data)
    data["scenario"]["discount_rate"] = {"value": 0, "reference": "test"}
    s = scenario.loads(scenario.to_yaml(data), name=f"{name}-0.yaml")
    r = _run(s, seed)
    for payer in [SOCIETY, *r.payers()]:
        for what in ("costs", "benefits", "net"):
            x = getattr(r, what)(payer, discounted=True)
            np.testing.assert_array_equal(x, getattr(r, what)(payer, discounted=False))


@SETTINGS
@given(name=st.sampled_from(NAMES), seed=st.integers(0, 2**31))
def test_more_iterations_shrink_the_standard_error(name: str, seed: int) -> None:
    s = SHIPPED[name]
    few = _run(s, seed, 200).summary()["monte_carlo_standard_error"]
    many = _run(s, seed, 5000).summary()["monte_carlo_standard_error"]
    assert many < few


def _override_value(s: Scenario, name: str, k: float, folder: Path) -> Scenario:
    p = s.parameters[name]
    key = dotted(p.path) + ".value"
    text = json.dumps(_scaled(p.dist.to_spec(), k))
    variant = folder / "variant.yaml"
    variant.write_text(
        f"extends: {Path(s.file).resolve()}\noverrides:\n  {key}: {text}\n", encoding="utf-8"
    )
    return scenario.load(variant)


@SETTINGS
@given(
    name=st.sampled_from(NAMES),
    pick=st.integers(0, 1000),
    k=st.floats(1.1, 3),
    seed=st.integers(0, 2**31),
)
def test_one_override_changes_only_where_the_parameter_flows(
    name: str, pick: int, k: float, seed: int, tmp_path: Path
) -> None:
    base = SHIPPED[name]
    money = [n for n, p in base.parameters.items() if p.unit.is_money and p.payer]
    target = money[pick % len(money)]
    p = base.parameters[target]
    a, b = _run(base, seed), _run(_override_value(base, target, k, tmp_path), seed)
    for other in a.inputs:
        same = np.array_equal(a.inputs[other], b.inputs[other])
        assert same != (other == target), other
    for key in a.outcomes:
        np.testing.assert_array_equal(a.outcomes[key], b.outcomes[key])
    own_kind = "cost" if p.slot.startswith(("sig_cost", "project_cost")) else "benefit"
    changed = []
    for fa, fb in zip(a.flows, b.flows, strict=True):
        assert (fa.payer, fa.kind, fa.category) == (fb.payer, fb.kind, fb.category)
        if not np.array_equal(fa.values, fb.values):
            changed.append(fa)
    assert changed, f"{target} flows nowhere"
    for f in changed:
        assert f.payer == p.payer and f.kind == own_kind, (target, f.payer, f.kind)
        if p.group_entry:
            assert f.category.endswith(":" + p.group_entry), (target, f.category)


def test_the_properties_also_hold_for_the_test_fixtures() -> None:
    """The fixtures' methods and shapes (career, youth years, aging out) are covered too."""
    for path in sorted(FIXTURES.glob("*.yaml")):
        s = scenario.load(path)
        zero = _with_all(s, lambda p: 0 if p.effect else None)
        assert np.all(_run(zero).benefits(SOCIETY) == 0), path.name


TEXTS = {p.stem: p.read_text(encoding="utf-8") for p in shipped()}
TOKENS = ["-", "0", ".", ":", "[", "{", '"', "#", "*a", "&a", "!!", "\t", "1e400", ".nan", "e9"]


@st.composite
def broken_texts(draw: st.DrawFn) -> str:
    """A shipped scenario's text with a few lines deleted, repeated, re-indented or typo'd."""
    lines = TEXTS[draw(st.sampled_from(NAMES))].split("\n")
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "repeat", "indent", "typo", "number"]))
        if op == "delete":
            del lines[i]
        elif op == "repeat":
            lines.insert(i, lines[draw(st.integers(0, len(lines) - 1))])
        elif op == "indent":
            lines[i] = " " * draw(st.integers(0, 7)) + lines[i].lstrip()
        elif op == "typo" and lines[i]:
            k = draw(st.integers(0, len(lines[i]) - 1))
            lines[i] = lines[i][:k] + draw(st.sampled_from(TOKENS)) + lines[i][k + 1 :]
        else:
            new = draw(st.sampled_from(["-1", "0", "1e12", "1e-300", "2.5", "100000000"]))
            lines[i] = re.sub(r"\d+(\.\d+)?", new, lines[i], count=1)
    return "\n".join(lines)


@settings(SETTINGS, max_examples=60)
@given(text=broken_texts(), seed=st.integers(0, 2**31))
def test_broken_scenario_texts_never_crash(text: str, seed: int) -> None:
    try:
        s = scenario.loads(text, name="broken.yaml", base_dir=SCENARIOS_DIR)
    except ScenarioError as exc:
        for p in exc.problems:
            assert p.line >= 1 and p.message, str(p)
            assert str(p).isprintable()
        return
    json.dumps(_run(s, seed, 100).summary(), allow_nan=False)
