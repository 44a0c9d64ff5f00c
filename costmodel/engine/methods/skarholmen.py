"""The Skärholmen method: before/after.

The baseline cost rate projected over the follow-up period, minus what was spent there,
times the share attributable to SIG, against the project cost; the avoided cost is spread over
the years by the follow-up time in each. Skärholmen 2014 (sources/000), 3.1.1 and 3.6.
"""

from __future__ import annotations

import numpy as np

from ...scenario import Scenario
from .flows import BENEFIT, CATEGORY_LABELS, COST, Flow, MethodOutput, Values, by_payer


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
    for payer, a in by_payer(s, v, "project_cost", n, h).items():
        flows.append(Flow("sig", payer, COST, a, "project_cost"))
    outcomes = {"counterfactual_cost": counterfactual[:, None] * weights}
    youths = v.get("youths")
    return MethodOutput(flows, dict(CATEGORY_LABELS), youths, outcomes)
