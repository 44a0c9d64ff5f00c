"""Code health over every shipped scenario: loads, runs, every number sourced and explained."""

from __future__ import annotations

from pathlib import Path

import pytest

from costmodel import engine, scenario
from costmodel.scenario import priceindex
from costmodel.scenario.slots import ADJUSTMENTS, SCHEMAS, Group

from .conftest import SCENARIOS, shipped

REQUIRED = {"vaxjo.yaml", "skarholmen.yaml", "sodertalje.yaml", "mall.yaml"}


def test_the_required_scenarios_ship() -> None:
    assert {p.name for p in shipped()} >= REQUIRED


@pytest.mark.parametrize("path", shipped(), ids=[p.stem for p in shipped()])
def test_every_parameter_has_label_unit_reference_and_note(path: Path) -> None:
    s = scenario.load(path)
    assert s.parameters
    for p in s.parameters.values():
        assert p.label["sv"].strip() and p.label["en"].strip(), p.name
        assert p.references, p.name
        assert all(r.title.strip() for r in p.references), p.name
        assert p.note.strip(), f"{path.name}: {p.name} has no note explaining its range"
    assert s.meta.discount_reference.strip(), "discount_rate needs a reference"
    assert s.meta.name and s.meta.kommun


@pytest.mark.parametrize("path", shipped(), ids=[p.stem for p in shipped()])
def test_every_source_file_cited_exists(path: Path) -> None:
    sources = SCENARIOS.parent.parent / "shared" / "sources"
    if not sources.is_dir():
        pytest.skip("shared/sources is not next to the checkout")
    s = scenario.load(path)
    for p in s.parameters.values():
        for r in p.references:
            for word in f"{r.title} {r.where}".replace(",", " ").split():
                if word.endswith(".txt") and word[:3].isdigit():
                    assert (sources / word).exists(), f"{p.name}: {word}"


@pytest.mark.parametrize("path", shipped(), ids=[p.stem for p in shipped()])
def test_effects_can_be_zero_and_are_not_centred_on_their_best_case(path: Path) -> None:
    # A verdict no more confident than its evidence: every effect of SIG (reductions, avoided
    # placement-years and offences, the share credited to SIG) may be nothing at all, and its
    # central value is never the top of its range (that is what `published:` is for).
    s = scenario.load(path)
    effects = [p for p in s.parameters.values() if p.effect]
    assert effects, f"{path.name} has no effect parameter"
    for p in effects:
        low, high = p.dist.support()
        assert low <= 0, f"{path.name}: {p.name} cannot be zero (range {low}–{high})"
        # the most likely value sits in the lower 60 % of the range, never near its top
        assert p.dist.central() <= low + 0.6 * (high - low), (
            f"{path.name}: {p.name} is centred near its best case"
        )


@pytest.mark.parametrize("path", shipped(), ids=[p.stem for p in shipped()])
def test_runs_in_both_modes(path: Path) -> None:
    s = scenario.load(path)
    engine.run(s, deterministic=True).summary()
    engine.run(s, iterations=500, seed=2).summary()


def test_every_slot_the_engine_reads_exists_in_some_scenario() -> None:
    used: dict[str, set[str]] = {m: set() for m in SCHEMAS}
    for path in shipped():
        s = scenario.load(path)
        used[s.method] |= {p.slot for p in s.parameters.values()}
    for method, schema in SCHEMAS.items():
        for key, spec in schema.items():
            if key in ADJUSTMENTS:  # shared by every method: one scenario of any method will do
                continue
            names = [f"{key}.{k}" for k in spec.entry] if isinstance(spec, Group) else [key]
            for name in names:
                assert name in used[method], f"{method}: no shipped scenario exercises {name}"
    for key in ADJUSTMENTS:
        assert any(key in slots for slots in used.values()), f"no shipped scenario has {key}"


def test_sis_fee_plus_state_share_is_the_audit_offices_full_cost() -> None:
    # Riksrevisionen (RiR 2024:7): a SiS care day costs society more than 12 000 kr (2022) and
    # more than 13 000 kr (2023); the municipal fee and the state's share must add up to that.
    s = scenario.load(SCENARIOS / "mall.yaml")
    fee, state = (
        s.parameters["placements.sis.cost.kommun"],
        s.parameters["placements.sis.cost.stat"],
    )
    per_day = (fee.dist.central() * fee.scale + state.dist.central() * state.scale) / 365
    kpi_2022 = priceindex.factor(2022, s.meta.price_year)
    assert 12_000 * kpi_2022 <= per_day <= 12_500 * kpi_2022


def test_partners_meeting_time_is_skl_hourly_cost_times_hours_shared_by_seat() -> None:
    # SKL (2015): a joint meeting of socialtjänst/skola/BUP/polis costs 3 156 kr an hour.
    # Meeting hours per youth: 4 (quarterly, 1 h), 18 (most likely), 24 (monthly, 2 h).
    # Seats: kommun 2 (social services, school), region 1 (BUP), stat 1 (police), so
    # kommun 3 156 × 2/4 × (4, 18, 24) = 6 312 / 28 404 / 37 872 kr per youth, the others half.
    s = scenario.load(SCENARIOS / "mall.yaml")
    seats = {"kommun": 2, "region": 1, "stat": 1}
    for payer, n in seats.items():
        p = s.parameters[f"sig_cost_per_youth.{payer}"]
        assert p.price_year == 2015
        assert p.cashable == 0  # working time freed or taken, not money in a budget
        d = p.dist
        assert (d.low, d.mode, d.high) == tuple(3156 * n / 4 * h for h in (4, 18, 24))


def test_the_discount_rates_source_is_given_in_both_languages() -> None:
    # the report's Metod section cites it in the report's language
    for path in shipped():
        m = scenario.load(path).meta
        assert m.discount_source("sv") and m.discount_source("en")
        assert m.discount_source("sv") != m.discount_source("en"), path.name


@pytest.mark.parametrize("path", shipped(), ids=[p.stem for p in shipped()])
def test_a_scenario_is_written_as_pyyamls_own_emitter_writes_it(path: Path) -> None:
    """``scenario.to_yaml`` uses libyaml's emitter for speed: its text must be the pure-Python
    emitter's, byte for byte (a tuned variant's hash and saved file depend on it), for every
    shipped scenario and for texts that test the emitter (quotes, line breaks, long lines,
    non-ASCII, things that look like numbers or booleans)."""
    import yaml

    data = scenario.load(path).data
    data["scenario"]["note"] = {
        "sv": "Ränta 3,5 %: ”citat” och 'apostrof', # inte kommentar, ja/nej, 1e3, 0o17 " * 4,
        "en": "line one\nline two\n\ttabbed: yes\u2212no \u00e5\u00e4\u00f6 \U0001f600 null ~",
    }
    pure = yaml.dump(data, Dumper=yaml.SafeDumper, sort_keys=False, allow_unicode=True, width=100)
    assert scenario.to_yaml(data) == pure
