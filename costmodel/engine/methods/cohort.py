"""The cohort model: youths enter each intake year; SIG reduces what they would have cost.

Placements (probability × length × relative reduction) and offences (rate × relative
reduction) a youth would have had without SIG, times attribution, with an effect that decays
each year after intake; costs by payer.
"""

from __future__ import annotations

import numpy as np

from ...scenario import Scenario
from .flows import BENEFIT, CATEGORY_LABELS, COST, Flow, MethodOutput, Values, by_payer


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
    for payer, a in by_payer(s, v, "sig_cost", n, h, years=intake).items():
        flows.append(Flow("sig", payer, COST, a))
    per_youth = by_payer(s, v, "sig_cost_per_youth", n, h, years=intake)
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
        for payer, cost in by_payer(s, v, "placements.cost", n, h, entry=entry).items():
            flows.append(Flow(cat, payer, BENEFIT, apy * cost))
    crimes_total = np.zeros((n, h))
    for entry, label in s.group_labels.get("crimes", {}).items():
        pre = f"crimes.{entry}."
        avoided = effect_base * (v[pre + "rate"] * v[pre + "reduction"])[:, None]
        crimes_total += avoided
        cat = f"crime:{entry}"
        labels[cat] = label
        for payer, cost in by_payer(s, v, "crimes.cost", n, h, entry=entry).items():
            flows.append(Flow(cat, payer, BENEFIT, avoided * cost))
    if s.group_labels.get("placements"):
        outcomes["avoided_placement_years"] = apy_total
    if s.group_labels.get("crimes"):
        outcomes["avoided_crimes"] = crimes_total
    return MethodOutput(flows, labels, youths_per_year * intake, outcomes)
