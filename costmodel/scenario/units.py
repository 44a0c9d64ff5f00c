"""The fixed list of units a parameter may carry.

A unit has a dimension (what kind of quantity it is), a factor that converts it to the
dimension's base unit (money: kr; time: year), and the domain of values it allows. Methods
ask for a dimension; the engine converts the sampled values to base units, so a cost given
per day and a cost given per year are both usable where a yearly cost is needed.
"""

from __future__ import annotations

from dataclasses import dataclass

DAYS_PER_YEAR = 365.0
MONTHS_PER_YEAR = 12.0
# A money amount is 0 or at least 1 (kr, kr/year, kr/day, ...): less is rounding noise, and a
# cost of 1e-300 kr made the benefit per krona infinite (costs are divided into benefits).
MIN_AMOUNT = 1.0
# A period the model divides by (Skärholmen's baseline and follow-up) or multiplies a cost by
# (a stay in SIG) is at least a day: a baseline of 1e-300 months made the cost rate infinite.
MIN_PERIOD_YEARS = 1.0 / DAYS_PER_YEAR


@dataclass(frozen=True)
class Unit:
    """One allowed unit."""

    id: str
    dimension: str
    to_base: float
    low: float  # smallest allowed value
    high: float  # largest allowed value (inf if unbounded)
    sv: str
    en: str
    is_money: bool = False


INF = float("inf")

UNITS: dict[str, Unit] = {
    u.id: u
    for u in [
        Unit("kr", "money", 1.0, 0.0, INF, "kr", "SEK", is_money=True),
        Unit("kr/year", "money/time", 1.0, 0.0, INF, "kr/år", "SEK/year", is_money=True),
        Unit(
            "kr/month",
            "money/time",
            MONTHS_PER_YEAR,
            0.0,
            INF,
            "kr/månad",
            "SEK/month",
            is_money=True,
        ),
        Unit("kr/day", "money/time", DAYS_PER_YEAR, 0.0, INF, "kr/dygn", "SEK/day", is_money=True),
        Unit("kr/youth", "money/youth", 1.0, 0.0, INF, "kr/ungdom", "SEK/youth", is_money=True),
        Unit(
            "kr/offence", "money/offence", 1.0, 0.0, INF, "kr/brott", "SEK/offence", is_money=True
        ),
        Unit("year", "time", 1.0, 0.0, INF, "år", "years"),
        Unit("month", "time", 1.0 / MONTHS_PER_YEAR, 0.0, INF, "månader", "months"),
        Unit("day", "time", 1.0 / DAYS_PER_YEAR, 0.0, INF, "dygn", "days"),
        Unit("share", "share", 1.0, 0.0, 1.0, "andel", "share"),
        Unit("probability", "share", 1.0, 0.0, 1.0, "sannolikhet", "probability"),
        # a relative effect that may be negative (harm: more placements or offences with SIG)
        Unit("effect", "share", 1.0, -1.0, 1.0, "relativ effekt", "relative effect"),
        Unit("ratio", "ratio", 1.0, 0.0, INF, "kvot", "ratio"),
        Unit("youths", "count", 1.0, 0.0, INF, "ungdomar", "youths"),
        Unit("youths/year", "count/time", 1.0, 0.0, INF, "ungdomar/år", "youths/year"),
        Unit("offences", "offences", 1.0, 0.0, INF, "brott", "offences"),
        Unit("offences/year", "offences/time", 1.0, 0.0, INF, "brott/år", "offences/year"),
        Unit(
            "offences/youth-year",
            "offences/youth-time",
            1.0,
            0.0,
            INF,
            "brott per ungdom och år",
            "offences per youth-year",
        ),
        Unit(
            "placement-years/year",
            "placement-years/time",
            1.0,
            0.0,
            INF,
            "placeringsår per år",
            "placement-years per year",
        ),
    ]
}


def units_for(dimension: str, signed: bool = False) -> list[str]:
    """The unit ids of one dimension, for 'expected' hints; signed units only if ``signed``."""
    return [u.id for u in UNITS.values() if u.dimension == dimension and (signed or u.low >= 0)]
