"""Plausible mistakes at every level of a scenario: each gives exit status 2 and a message
naming the line and key, never a traceback (the CLI turns internal errors into exit 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from costmodel.cli import main

from .conftest import FIXTURES, ROOT

MINIMAL = FIXTURES / "minimal.yaml"
SKARHOLMEN = ROOT / "scenarios" / "skarholmen.yaml"
MALL = ROOT / "scenarios" / "mall.yaml"
SODERTALJE = ROOT / "scenarios" / "sodertalje.yaml"

# (base, override lines, expected fragment of the message)
PROBES = [
    (MINIMAL, "method: [vaxjo]", "unknown method"),
    (MINIMAL, "scenario.perspective: [kommun]", "unknown perspective"),
    (MINIMAL, "scenario.name: 2015", "is not a text"),
    (MINIMAL, "scenario.kommun: [a, b]", "a list is not a text"),
    (MINIMAL, "parameters.sig_cost.kommun.value: " + "1" * 330, "more than 30 digits"),
    (MINIMAL, "parameters.sig_cost.kommun.value: 1.0e+308", "implausibly large"),
    (MINIMAL, "parameters.sig_cost.kommun.value: .nan", "neither a number"),
    (
        MINIMAL,
        "parameters.sig_cost.kommun.value: {dist: poisson, mean: 1.0e+300}",
        "implausibly large",
    ),
    (
        MINIMAL,
        "parameters.sig_cost.kommun.value: {dist: gamma, mean: 1.0e+200, sd: 1.0e-200}",
        "cannot be computed",
    ),
    (MINIMAL, "parameters.sig_cost.kommun.value: {dist: gamma, shape: 2, mean: 3}", "not both"),
    (
        MINIMAL,
        "parameters.sig_cost.kommun.value: {dist: normal, mean: 5, sd: 0, low: 10}",
        "mean must lie within",
    ),
    (MINIMAL, "parameters.sig_cost.kommun.value: 2015-13-45", "cannot be read"),
    (MINIMAL, "parameters.sig_cost.kommun.value: 1:30", "neither a number"),
    (MINIMAL, "parameters.sig_cost.kommun: []", "list of yearly values is empty"),
    (
        MINIMAL,
        "parameters.sig_cost.kommun: [{label: a, unit: kr/year, value: 1, reference: x}]",
        "1 yearly values for a horizon of 2 years",
    ),
    (MINIMAL, "parameters.sig_cost: 900000", "costs must be split by payer"),
    (MINIMAL, "parameters.sig_cost.kommun.reference: [a, {where: b}]", "without a title"),
    (MINIMAL, "parameters.sig_cost.kommun.reference: {title: t, where: [a]}", "not a text"),
    (MINIMAL, "parameters.sig_cost.kommun.note: [1]", "not a text"),
    (MINIMAL, "parameters.sig_cost.kommun.label: {en: only English}", "Swedish text"),
    (MINIMAL, "parameters.sig_cost.kommun.price_year: 2030", "outside the KPI table"),
    (MINIMAL, "parameters.avoided_placement_years.price_year: 2015", "only money parameters"),
    (MINIMAL, "parameters[0]: 1", "'parameters' is not a list"),
    (MINIMAL, "extends: other.yaml", "cannot be overridden"),
    (MINIMAL, "scenario.iterations: -5", "out of range"),
    (MINIMAL, "scenario.seed: abc", "not a whole number"),
    (MINIMAL, "scenario: [a]", "not a mapping"),
    (MINIMAL, "parameters: null", "missing or not a mapping"),
    (SKARHOLMEN, "parameters.baseline_months.value: 0", "divide by zero"),
    (SKARHOLMEN, "parameters.followup_months_first_year.value: 18", "more than 12 months"),
    (
        SKARHOLMEN,
        "parameters.project_cost.kommun[2]: {label: a, unit: kr/year, value: 1, reference: x}",
        "out of range",
    ),
    (MALL, "parameters.placements.s.i.s: {}", "does not exist"),
    (MALL, "parameters.crimes: [a]", "not a mapping of named entries"),
    (
        MALL,
        "parameters.placements.sis.cost: {kommun: {label: a, unit: kr/offence, value: 1, "
        "reference: x}}",
        "does not fit here",
    ),
    (MALL, "scenario.intake_years: 9", "longer than horizon_years"),
    (MINIMAL, "parameters.avoided_placement_years.published: -1", "published -1 is impossible"),
    (MINIMAL, "parameters.avoided_placement_years.published: x", "'x' is not a number"),
    (MINIMAL, "parameters.avoided_placement_years.cashable: 0.5", "only money parameters"),
    (MINIMAL, "parameters.sig_cost.kommun.cashable: 1.5", "1.5 is out of range"),
    (
        MALL,
        "parameters.crimes.other.cost.ovrigt.includes: [police, placement]",
        "counted here and again as avoided placements",
    ),
    (MALL, "parameters.crimes.other.rate.includes: [police]", "only money parameters count"),
    (SODERTALJE, "parameters.sig_length.value: 18", "longer than a year is not modelled"),
    (SODERTALJE, "parameters.sig_length.value: 0", "can be 0 months"),
    (SODERTALJE, "parameters.sig_cost_per_youth: null", "sig_length needs sig_cost_per_youth"),
    (MALL, "parameters.age_at_intake: null", "placement_age_limit needs age_at_intake"),
    (MALL, "parameters.sig_cost.kommun.includes: [police]", "only the cost lines of what SIG"),
    (
        MALL,
        "parameters.crimes.other.cost.ovrigt.includes: [youth_sanction]",
        "'youth_sanction' is counted here and again",
    ),
    (MALL, "parameters.crimes.other.cost.ovrigt.includes: police", "'police' is not a list"),
    (MALL, "parameters.attribution.unit: effect", "unit 'effect' does not fit here"),
    (
        MALL,
        "parameters.placements.sis.reduction: {label: a, unit: effect, value: -1.5, reference: x}",
        "impossible for a value in effect",
    ),
]


def _variant(tmp_path: Path, base: Path, override: str) -> Path:
    key, _, value = override.partition(": ")
    text = f"extends: {base}\noverrides:\n  {key}: {value}\n"
    f = tmp_path / "probe.yaml"
    f.write_text(text, encoding="utf-8")
    return f


@pytest.mark.parametrize("base,override,fragment", PROBES, ids=[p[1][:50] for p in PROBES])
def test_probe_is_a_clear_user_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], base: Path, override: str, fragment: str
) -> None:
    f = _variant(tmp_path, base, override)
    for args in (["validate", "--lang", "en", str(f)], ["run", str(f), "-n", "50", "--lang", "en"]):
        code = main(args)
        err = capsys.readouterr().err
        assert code == 2, err
        assert fragment in err, err
        assert "internal error" not in err and "Traceback" not in err


def test_entry_names_must_work_in_key_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = MALL.read_text(encoding="utf-8").replace("    hvb:\n", "    h.v.b:\n")
    f = tmp_path / "dots.yaml"
    f.write_text(text, encoding="utf-8")
    assert main(["validate", "--lang", "en", str(f)]) == 2
    assert "cannot be used in key paths" in capsys.readouterr().err
    assert main(["validate", str(f)]) == 2  # Swedish by default
    assert "går inte att använda i sökvägar" in capsys.readouterr().err


def test_extends_cycle_through_another_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sub = tmp_path / "p"
    sub.mkdir()
    (sub / "a.yaml").write_text("extends: ../p/a.yaml\n", encoding="utf-8")
    assert main(["validate", "--lang", "en", str(sub / "a.yaml")]) == 2
    err = capsys.readouterr().err
    assert "leads back to itself (a.yaml -> a.yaml)" in err


def test_extends_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "v.yaml").write_text("# variant\nextends: ..\n", encoding="utf-8")
    assert main(["validate", str(tmp_path / "v.yaml")]) == 2
    assert f"{tmp_path / 'v.yaml'}:2: extends:" in capsys.readouterr().err


def test_variant_replaces_a_distribution_whole(tmp_path: Path) -> None:
    from costmodel import scenario

    f = tmp_path / "v.yaml"
    f.write_text(
        f"extends: {SKARHOLMEN}\nparameters:\n  attribution:\n    value: "
        "{dist: pert, low: 0.2, mode: 0.5, high: 1.0}\n",
        encoding="utf-8",
    )
    s = scenario.load(f)
    # the base's `central: 1.0` must not survive into the new distribution
    assert s.parameters["attribution"].dist.central() == 0.5
