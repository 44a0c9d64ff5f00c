"""What each calculation method reads from a scenario's ``parameters:`` tree.

A :class:`Slot` is one parameter the method reads: its dimension (see
:mod:`costmodel.scenario.units`), whether it is required, and whether it is split by payer (a
mapping from payer to a parameter, or to a list with one parameter per year). A :class:`Group`
is a mapping of user-named entries (for example one per placement type) that each follow the
same slots. Validation walks these schemas; the methods in :mod:`costmodel.engine.methods`
read the values by the same names.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Slot:
    dimension: str
    required: bool = True
    by_payer: bool = False
    help: str = ""
    # the method needs a value above 0 with an upper bound (a period length it divides by or
    # fits into the horizon): unbounded distributions cannot pass its checks
    bounded: bool = False
    # may be negative where the scenario declares it (unit `effect`): SIG may do harm
    signed: bool = False
    # an effect of SIG (or the share credited to it): shipped scenarios let it reach zero
    effect: bool = False


@dataclass(frozen=True)
class Group:
    entry: dict[str, Slot]
    help: str = ""
    required: bool = False


Schema = dict[str, "Slot | Group"]

VAXJO: Schema = {
    "sig_cost": Slot("money/time", by_payer=True, help="the SIG's yearly cost"),
    "placement_cost": Slot("money/time", by_payer=True, help="cost of one placement-year"),
    "avoided_placement_years": Slot(
        "placement-years/time", help="placement-years avoided per year of SIG", effect=True
    ),
    "avoided_crimes": Slot(
        "offences/time", required=False, help="offences avoided per year", effect=True
    ),
    "crime_cost": Slot(
        "money/offence", required=False, by_payer=True, help="cost of one offence to each payer"
    ),
    "youths_per_year": Slot("count/time", required=False, help="youths in SIG per year"),
}

SKARHOLMEN: Schema = {
    "baseline_cost": Slot("money", help="placement cost in the baseline period"),
    "baseline_months": Slot("time", help="length of the baseline period", bounded=True),
    "followup_cost": Slot("money", help="placement cost actually spent in the follow-up period"),
    "followup_months": Slot("time", help="length of the follow-up period", bounded=True),
    "followup_months_first_year": Slot(
        "time",
        required=False,
        help="part of the follow-up that falls in the first year",
        bounded=True,
    ),
    "rate_factor": Slot(
        "ratio",
        required=False,
        help="multiplier on the baseline cost rate (small-number uncertainty)",
    ),
    "attribution": Slot("share", required=False, help="share of the fall due to SIG", effect=True),
    "project_cost": Slot("money/time", by_payer=True, help="the project's cost per year"),
    "youths": Slot("count", required=False, help="youths in the project"),
}

COHORT: Schema = {
    "youths_per_year": Slot("count/time", help="youths starting SIG each year"),
    "sig_cost": Slot(
        "money/time", required=False, by_payer=True, help="fixed programme cost per year"
    ),
    "sig_cost_per_youth": Slot(
        "money/youth", required=False, by_payer=True, help="programme cost per youth"
    ),
    "attribution": Slot(
        "share", help="share of the change due to SIG (1 − deadweight)", effect=True
    ),
    "effect_decay": Slot(
        "share", required=False, help="share of the effect lost each year after the intake year"
    ),
    "sig_length": Slot(
        "time",
        required=False,
        bounded=True,
        help="how long a youth stays in SIG (then sig_cost_per_youth is per youth-year)",
    ),
    "age_at_intake": Slot(
        "time", required=False, help="age of the youths when they start SIG (for aging out)"
    ),
    "career_probability": Slot(
        "share",
        required=False,
        help="chance a youth without SIG goes on to a long criminal career after the horizon",
    ),
    "career_reduction": Slot(
        "share",
        required=False,
        signed=True,
        effect=True,
        help="relative reduction of that chance with SIG",
    ),
    "career_cost": Slot(
        "money/time",
        required=False,
        by_payer=True,
        help="yearly cost of a continued criminal career, after the horizon",
    ),
    "career_years": Slot(
        "time", required=False, help="length of the criminal career after the horizon"
    ),
    "placement_age_limit": Slot(
        "time",
        required=False,
        help="age from which no youth placement can be made (default 21: LVU care ends at 21)",
    ),
    "placements": Group(
        {
            "probability": Slot("share", help="chance of a placement per youth without SIG"),
            "duration": Slot("time", help="length of a placement"),
            "cost": Slot("money/time", by_payer=True, help="cost per placement-year by payer"),
            "reduction": Slot(
                "share", help="relative reduction with SIG", signed=True, effect=True
            ),
        },
        help="one entry per placement type (sis, hvb, ...)",
    ),
    "crimes": Group(
        {
            "rate": Slot("offences/youth-time", help="offences per youth-year without SIG"),
            "cost": Slot("money/offence", by_payer=True, help="cost per offence by payer"),
            "reduction": Slot(
                "share", help="relative reduction with SIG", signed=True, effect=True
            ),
        },
        help="one entry per offence type",
    ),
}

# Corrections every method applies to its flows (costmodel.engine.run.adjust), optional: an
# uplift on every cost for optimism bias (HM Treasury Green Book: appraisers underestimate
# costs; start from the guidance's upper bound and lower it as costs are confirmed) and a
# discount on every benefit for weak evidence (the GMCA/HM Treasury model for local
# partnerships lowers benefits by the confidence grade of their data).
ADJUSTMENTS: Schema = {
    "optimism_bias": Slot(
        "share", required=False, help="uplift on every cost for optimism bias (Green Book)"
    ),
    "benefit_discount": Slot(
        "share",
        required=False,
        help="share of every benefit taken off for the evidence's weakness (confidence grade)",
    ),
}
for _schema in (VAXJO, SKARHOLMEN, COHORT):
    _schema.update(ADJUSTMENTS)

SCHEMAS: dict[str, Schema] = {"vaxjo": VAXJO, "skarholmen": SKARHOLMEN, "cohort": COHORT}

METHOD_LABELS: dict[str, dict[str, str]] = {
    "vaxjo": {
        "sv": "Växjömodellen (undvikna placeringsår)",
        "en": "Växjö method (avoided placement-years)",
    },
    "skarholmen": {
        "sv": "Skärholmensmodellen (före/efter)",
        "en": "Skärholmen method (before/after)",
    },
    "cohort": {"sv": "Kohortmodell", "en": "Cohort model"},
}
