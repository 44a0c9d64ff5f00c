"""What a cost line counts, so that no consequence is counted twice.

A cost line (a money parameter by payer) may say which consequences of the event it prices it
includes, from the fixed list :data:`CONSEQUENCES`::

    crime_cost:
      ovrigt:
        includes: [police, prosecution, court, health, victim_tangible]

:func:`check` refuses a scenario that counts one consequence twice for the same event (two
payer lines of one offence type both including ``court``), or that counts a placement inside
an offence's cost while the scenario already counts placements, each with file and line.
Victims' suffering (``victim_intangible``) is welfare, never a budget: it has its own line, so
budget views can leave it out (:mod:`costmodel.scenario.cashable`).
"""

from __future__ import annotations

from typing import Any

from ..errors import Problem
from .yamlload import dotted

CONSEQUENCES: dict[str, dict[str, str]] = {
    "police": {"sv": "polisens utredning och ingripanden", "en": "police investigation"},
    "prosecution": {"sv": "åklagare", "en": "prosecution"},
    "court": {"sv": "domstol och rättshjälp", "en": "courts and legal aid"},
    "sanction": {
        "sv": "påföljd i kriminalvården (fängelse, frivård)",
        "en": "sanction by the prison and probation service",
    },
    "youth_sanction": {
        "sv": "påföljd för unga (ungdomsvård, sluten ungdomsvård: en placering)",
        "en": "youth sanction (youth care, secure youth care: a placement)",
    },
    "placement": {"sv": "placering (SiS, HVB)", "en": "placement (SiS, HVB)"},
    "social_services": {"sv": "socialtjänstens handläggning", "en": "social services' casework"},
    "health": {"sv": "hälso- och sjukvård", "en": "health care"},
    "victim_tangible": {
        "sv": "brottsoffrets materiella förluster (egendom, inkomst)",
        "en": "victims' material losses (property, income)",
    },
    "victim_intangible": {
        "sv": "brottsoffrets lidande (livskvalitet)",
        "en": "victims' suffering (quality of life)",
    },
}


# the payer-split slots whose avoided costs are benefits (where consequences can double up)
BENEFIT_LINES = ("crime_cost", "crimes.cost", "placement_cost", "placements.cost", "career_cost")


def check(parameters: dict[str, Any], locate: Any) -> list[Problem]:
    """Problems of consequences counted twice; ``parameters`` by dotted name."""
    problems: list[Problem] = []
    seen: dict[tuple[str, str | None, str], str] = {}  # (slot, entry, consequence) -> name
    has_placements = any(
        p.slot in ("placements.cost", "placement_cost") for p in parameters.values()
    )

    def add(path: tuple[Any, ...], message: str, expected: str) -> None:
        file, line = locate(path)
        problems.append(Problem(file, line, dotted(path), message, expected))

    for p in parameters.values():
        for word in p.includes:
            key = (p.slot, p.group_entry, word)
            path = (*p.path, "includes")
            if key in seen:
                add(
                    path,
                    f"'{word}' is already counted in {seen[key]}",
                    "each consequence in one cost line of the same event",
                )
            seen.setdefault(key, p.name)
            if (
                word in ("placement", "youth_sanction")
                and has_placements
                and p.slot in ("crime_cost", "crimes.cost")
            ):
                add(
                    path,
                    f"'{word}' is counted here and again as avoided placements",
                    "leave placements out of the offence's cost",
                )
            if p.slot not in BENEFIT_LINES:
                add(
                    path,
                    "only the cost lines of what SIG avoids count consequences",
                    "remove includes from the SIG's own cost",
                )
    return problems
