"""The calculation methods: from sampled parameter values to yearly money flows.

Each method (one module each) reads the parameters named in its slots
(:mod:`costmodel.scenario.slots`) as arrays of shape ``(n,)`` in base units (kr, years) and
scenario prices, and returns :class:`Flow` rows (:mod:`.flows`) of shape ``(n, horizon)``:
one per cost category and payer, marked as a cost of the SIG or as a benefit (a cost avoided).
All arithmetic is vectorised over the iterations.

- :mod:`.vaxjo`: avoided placement-years × placement cost − SIG cost (+ avoided offences × cost
  per offence). SKL 2018 (sources/002), kap. 2.
- :mod:`.skarholmen`: before/after. The baseline cost rate projected over the follow-up period,
  minus what was spent there, times the share attributable to SIG, against the project cost.
  Skärholmen 2014 (sources/000), 3.1.1 and 3.6.
- :mod:`.cohort`: youths enter each intake year; placements and offences they would have had
  without SIG are reduced by the SIG's relative effect, times attribution, with an effect that
  decays each year after intake.
"""

from __future__ import annotations

from collections.abc import Callable

from ...scenario import Scenario
from .cohort import cohort
from .flows import BENEFIT, CATEGORY_LABELS, COST, Flow, MethodOutput, Values
from .skarholmen import skarholmen
from .vaxjo import vaxjo

METHODS: dict[str, Callable[[Scenario, Values, int], MethodOutput]] = {
    "vaxjo": vaxjo,
    "skarholmen": skarholmen,
    "cohort": cohort,
}

__all__ = ["BENEFIT", "CATEGORY_LABELS", "COST", "METHODS", "Flow", "MethodOutput", "Values"]
