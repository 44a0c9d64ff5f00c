"""The calculation methods: from sampled parameter values to yearly money flows.

Each method reads the parameters named in its schema (:mod:`costmodel.scenario.slots`) as arrays of
shape ``(n,)`` in base units (kr, years) and scenario prices, and returns :class:`Flow` rows of
shape ``(n, horizon)``: one per cost category and payer, marked as a cost of the SIG or as a
benefit (a cost avoided). All arithmetic is vectorised over the iterations.

- ``vaxjo``: avoided placement-years × placement cost − SIG cost (+ avoided offences × cost
  per offence). SKL 2018 (sources/002), kap. 2.
- ``skarholmen``: before/after. The baseline cost rate projected over the follow-up period,
  minus what was spent there, times the share attributable to SIG, against the project cost.
  Skärholmen 2014 (sources/000), 3.1.1 and 3.6.
- ``cohort``: youths enter each intake year; placements and offences they would have had
  without SIG are reduced by the SIG's relative effect, times attribution, with an effect that
  decays each year after intake.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from ...scenario import Scenario

Values = dict[str, np.ndarray]

COST = "cost"
BENEFIT = "benefit"

CATEGORY_LABELS: dict[str, dict[str, str]] = {
    "sig": {"sv": "Insatsen (SIG)", "en": "The intervention (SIG)"},
    "placements": {"sv": "Placeringar", "en": "Placements"},
    "crime": {"sv": "Brott", "en": "Crime"},
}


@dataclass
class Flow:
    category: str
    payer: str
    kind: str  # COST or BENEFIT
    values: np.ndarray  # (n, horizon), kr in scenario prices, undiscounted


@dataclass
class MethodOutput:
    flows: list[Flow]
    category_labels: dict[str, dict[str, str]]
    youths: np.ndarray | None = None  # (n,) youths served over the horizon
    outcomes: dict[str, np.ndarray] = field(default_factory=dict)  # e.g. avoided placement-years


def _by_payer(
    s: Scenario,
    v: Values,
    slot: str,
    n: int,
    horizon: int,
    entry: str | None = None,
    years: int | None = None,
) -> dict[str, np.ndarray]:
    """Sum a payer-split slot into (n, horizon) arrays per payer.

    A single parameter applies to each of the first ``years`` years (default: all); a list
    gives one value per year.
    """
    out: dict[str, np.ndarray] = {}
    span = horizon if years is None else years
    for p in s.by_slot(slot):
        if entry is not None and p.group_entry != entry:
            continue
        assert p.payer is not None
        arr = out.setdefault(p.payer, np.zeros((n, horizon)))
        if p.year is None:
            arr[:, :span] += v[p.name][:, None]
        elif p.year < horizon:
            arr[:, p.year] += v[p.name]
    return out


def vaxjo(s: Scenario, v: Values, n: int) -> MethodOutput:
    h = s.meta.horizon_years
    flows = [Flow("sig", payer, COST, a) for payer, a in _by_payer(s, v, "sig_cost", n, h).items()]
    apy = v["avoided_placement_years"][:, None] * np.ones((1, h))
    for payer, cost in _by_payer(s, v, "placement_cost", n, h).items():
        flows.append(Flow("placements", payer, BENEFIT, apy * cost))
    outcomes = {"avoided_placement_years": apy}
    if "avoided_crimes" in v:
        crimes = v["avoided_crimes"][:, None] * np.ones((1, h))
        for payer, cost in _by_payer(s, v, "crime_cost", n, h).items():
            flows.append(Flow("crime", payer, BENEFIT, crimes * cost))
        outcomes["avoided_crimes"] = crimes
    youths = v["youths_per_year"] * h if "youths_per_year" in v else None
    return MethodOutput(flows, dict(CATEGORY_LABELS), youths, outcomes)


def skarholmen(s: Scenario, v: Values, n: int) -> MethodOutput:
    h = s.meta.horizon_years
    ones = np.ones(n)
    rate = v["baseline_cost"] / v["baseline_months"]  # kr per year (months are in years)
    rate = rate * v.get("rate_factor", ones)
    follow = v["followup_months"]
    counterfactual = rate * follow
    avoided = (counterfactual - v["followup_cost"]) * v.get("attribution", ones)
    first = v.get("followup_months_first_year", np.minimum(follow, 1.0))
    first = np.minimum(np.minimum(first, follow), 1.0)
    # time of the follow-up falling in each year: `first` in year 1, then up to 1 a year
    shares = np.zeros((n, h))
    shares[:, 0] = first
    left = follow - first
    for t in range(1, h):
        shares[:, t] = np.clip(left, 0.0, 1.0)
        left = left - shares[:, t]
    with np.errstate(invalid="ignore", divide="ignore"):
        weights = np.where(follow[:, None] > 0, shares / follow[:, None], 0.0)
    flows = [Flow("placements", "kommun", BENEFIT, avoided[:, None] * weights)]
    for payer, a in _by_payer(s, v, "project_cost", n, h).items():
        flows.append(Flow("sig", payer, COST, a))
    outcomes = {"counterfactual_cost": counterfactual[:, None] * weights}
    youths = v.get("youths")
    return MethodOutput(flows, dict(CATEGORY_LABELS), youths, outcomes)


def cohort(s: Scenario, v: Values, n: int) -> MethodOutput:
    h = s.meta.horizon_years
    intake = s.meta.intake_years
    youths_per_year = v["youths_per_year"]
    keep = 1.0 - v.get("effect_decay", np.zeros(n))
    # weight[t] = sum over intake years s <= t of keep^(t - s): active effect-years in year t
    weight = np.zeros((n, h))
    for t in range(h):
        for start in range(min(t, intake - 1) + 1):
            weight[:, t] += keep ** (t - start)
    effect_base = (youths_per_year * v["attribution"])[:, None] * weight
    flows: list[Flow] = []
    labels = {"sig": CATEGORY_LABELS["sig"]}
    for payer, a in _by_payer(s, v, "sig_cost", n, h, years=intake).items():
        flows.append(Flow("sig", payer, COST, a))
    per_youth = _by_payer(s, v, "sig_cost_per_youth", n, h, years=intake)
    for payer, a in per_youth.items():
        flows.append(Flow("sig", payer, COST, a * youths_per_year[:, None]))
    outcomes: dict[str, np.ndarray] = {}
    apy_total = np.zeros((n, h))
    for entry, label in s.group_labels.get("placements", {}).items():
        pre = f"placements.{entry}."
        apy = (
            effect_base
            * (v[pre + "probability"] * v[pre + "duration"] * v[pre + "reduction"])[:, None]
        )
        apy_total += apy
        cat = f"placement:{entry}"
        labels[cat] = label
        for payer, cost in _by_payer(s, v, "placements.cost", n, h, entry=entry).items():
            flows.append(Flow(cat, payer, BENEFIT, apy * cost))
    crimes_total = np.zeros((n, h))
    for entry, label in s.group_labels.get("crimes", {}).items():
        pre = f"crimes.{entry}."
        avoided = effect_base * (v[pre + "rate"] * v[pre + "reduction"])[:, None]
        crimes_total += avoided
        cat = f"crime:{entry}"
        labels[cat] = label
        for payer, cost in _by_payer(s, v, "crimes.cost", n, h, entry=entry).items():
            flows.append(Flow(cat, payer, BENEFIT, avoided * cost))
    if s.group_labels.get("placements"):
        outcomes["avoided_placement_years"] = apy_total
    if s.group_labels.get("crimes"):
        outcomes["avoided_crimes"] = crimes_total
    return MethodOutput(flows, labels, youths_per_year * intake, outcomes)


METHODS: dict[str, Callable[[Scenario, Values, int], MethodOutput]] = {
    "vaxjo": vaxjo,
    "skarholmen": skarholmen,
    "cohort": cohort,
}
