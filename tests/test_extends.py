"""Variants: ``extends`` plus dotted ``overrides``, validated before any is applied."""

from __future__ import annotations

from pathlib import Path

import pytest

from costmodel import engine, scenario
from costmodel.errors import ScenarioError

from .conftest import FIXTURES, ROOT


def _write(tmp_path: Path, name: str, text: str) -> Path:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return f


def test_override_changes_one_value_and_keeps_the_rest(tmp_path: Path) -> None:
    base = FIXTURES / "minimal.yaml"
    f = _write(
        tmp_path,
        "v.yaml",
        f"extends: {base}\nscenario:\n  name: Variant\n"
        "overrides:\n  parameters.sig_cost.kommun.value: 1000000\n",
    )
    s = scenario.load(f)
    b = scenario.load(base)
    assert s.meta.name == "Variant" and s.meta.price_year == b.meta.price_year
    assert s.parameters["sig_cost.kommun"].dist.central() == 1_000_000
    kept, orig = s.parameters["placement_cost.kommun"], b.parameters["placement_cost.kommun"]
    assert (kept.dist, kept.references, kept.line) == (orig.dist, orig.references, orig.line)
    assert kept.file == str(base)
    # a problem in an overridden value points at the variant's line
    bad = _write(
        tmp_path,
        "bad.yaml",
        f"extends: {base}\noverrides:\n  parameters.sig_cost.kommun.value: -5\n",
    )
    with pytest.raises(ScenarioError) as info:
        scenario.load(bad)
    assert str(info.value).startswith(f"{bad}:3: parameters.sig_cost.kommun.value:")


def test_problems_in_the_base_point_at_the_base_file(tmp_path: Path) -> None:
    base = _write(
        tmp_path,
        "base.yaml",
        (FIXTURES / "minimal.yaml").read_text().replace("value: 900000", "value: -900000"),
    )
    child = _write(tmp_path, "child.yaml", "extends: base.yaml\n")
    with pytest.raises(ScenarioError) as info:
        scenario.load(child)
    assert info.value.problems[0].file == str(base)


def test_no_override_is_applied_when_one_is_wrong(tmp_path: Path) -> None:
    base = FIXTURES / "minimal.yaml"
    f = _write(
        tmp_path,
        "v.yaml",
        f"extends: {base}\noverrides:\n"
        "  parameters.sig_cost.kommun.value: 1\n  parameters.nope.value: 2\n",
    )
    with pytest.raises(ScenarioError) as info:
        scenario.load(f)
    assert [p.path for p in info.value.problems] == ["overrides.parameters.nope.value"]


def test_missing_base(tmp_path: Path) -> None:
    f = _write(tmp_path, "v.yaml", "extends: finns-inte.yaml\n")
    with pytest.raises(ScenarioError, match=r"finns-inte\.yaml' does not exist"):
        scenario.load(f)


def test_overrides_without_extends(tmp_path: Path) -> None:
    f = _write(tmp_path, "v.yaml", "overrides:\n  a.b: 1\n")
    with pytest.raises(ScenarioError, match="overrides without extends"):
        scenario.load(f)


def test_shipped_variant_differs_only_in_discounting() -> None:
    a = scenario.load(ROOT / "scenarios" / "skarholmen.yaml")
    b = scenario.load(ROOT / "scenarios" / "skarholmen-diskonterad.yaml")
    assert a.meta.discount_rate == 0 and b.meta.discount_rate == 0.035
    ra, rb = engine.run(a, deterministic=True), engine.run(b, deterministic=True)
    assert ra.net(discounted=False)[0] == pytest.approx(rb.net(discounted=False)[0])
    # the same yearly flows, year 2 (2013) divided by 1.035
    yearly = rb.yearly(None, discounted=False)[0]
    assert rb.net()[0] == pytest.approx(yearly[0] + yearly[1] / 1.035)
    assert rb.net()[0] != pytest.approx(ra.net()[0])


def test_tuned_scenario_round_trips_through_yaml(tmp_path: Path) -> None:
    s = scenario.load(ROOT / "scenarios" / "sodertalje.yaml")
    tuned = scenario.with_values(
        s, {"attribution": {"dist": "uniform", "low": 0.1, "high": 0.4}}, name="Tuned"
    )
    f = _write(tmp_path, "tuned.yaml", scenario.to_yaml(tuned.data))
    again = scenario.load(f)
    r1 = engine.run(tuned, iterations=2000, seed=4).summary()
    r2 = engine.run(again, iterations=2000, seed=4).summary()
    assert r1["net_benefit"] == r2["net_benefit"]
    assert again.meta.name == "Tuned"
    assert (
        r1["net_benefit"]["mean"]
        != engine.run(s, iterations=2000, seed=4).summary()["net_benefit"]["mean"]
    )


def _chain(folder: Path, files: int) -> Path:
    """A chain of ``files`` files: v1 extends v2 ... extends base.yaml (the last)."""
    (folder / "base.yaml").write_text((FIXTURES / "minimal.yaml").read_text("utf-8"), "utf-8")
    previous = "base.yaml"
    for i in range(files - 1, 0, -1):
        (folder / f"v{i}.yaml").write_text(f"# v{i}\nextends: {previous}\n", "utf-8")
        previous = f"v{i}.yaml"
    return folder / previous


def test_a_chain_of_ten_files_loads_and_eleven_are_refused_at_the_users_file(
    tmp_path: Path,
) -> None:
    """The message says "at most 10 files": 10 load, 11 do not, and the problem stands at the
    extends line of the file the user loaded (where the chain can be shortened)."""
    ten, eleven = tmp_path / "ten", tmp_path / "eleven"
    ten.mkdir()
    eleven.mkdir()
    assert scenario.load(_chain(ten, 10)).meta.name == "Minimal"
    top = _chain(eleven, 11)
    with pytest.raises(ScenarioError) as info:
        scenario.load(top)
    [p] = info.value.problems
    assert (p.file, p.line, p.path) == (str(top), 2, "extends")
    assert p.message.startswith("the chain of bases is longer than 10 files (v1.yaml -> v2.yaml")
    assert p.message.endswith("v10.yaml -> base.yaml)")
    assert p.expected == "at most 10 files, each extending the next"
