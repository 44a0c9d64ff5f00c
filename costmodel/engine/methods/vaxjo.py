"""The Växjö method: avoided placement-years × placement cost − SIG cost (+ crime).

SKL (2018), sources/002, kap. 2: 2 726 000 − 900 000 = 1 826 000 kr for one avoided
placement-year. Optionally avoided offences × cost per offence, by payer.
"""

from __future__ import annotations

import numpy as np

from ...scenario import Scenario
from .flows import BENEFIT, CATEGORY_LABELS, COST, Flow, MethodOutput, Values, by_payer


def vaxjo(s: Scenario, v: Values, n: int) -> MethodOutput:
    h = s.meta.horizon_years
    flows = [
        Flow("sig", payer, COST, a, "sig_cost")
        for payer, a in by_payer(s, v, "sig_cost", n, h).items()
    ]
    apy = v["avoided_placement_years"][:, None] * np.ones((1, h))
    for payer, cost in by_payer(s, v, "placement_cost", n, h).items():
        flows.append(Flow("placements", payer, BENEFIT, apy * cost, "placement_cost"))
    outcomes = {"avoided_placement_years": apy}
    if "avoided_crimes" in v:
        crimes = v["avoided_crimes"][:, None] * np.ones((1, h))
        for payer, cost in by_payer(s, v, "crime_cost", n, h).items():
            flows.append(Flow("crime", payer, BENEFIT, crimes * cost, "crime_cost"))
        outcomes["avoided_crimes"] = crimes
    youths = v["youths_per_year"] * h if "youths_per_year" in v else None
    return MethodOutput(flows, dict(CATEGORY_LABELS), youths, outcomes)
