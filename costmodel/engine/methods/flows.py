"""What every method returns: money flows per category, payer and year, and a shared helper.

A :class:`Flow` is one row of shape ``(n, horizon)`` in kr, scenario prices, undiscounted:
a cost of the SIG or a benefit (a cost avoided), for one category and one payer.
:func:`by_payer` sums a payer-split slot into such arrays.
"""

from __future__ import annotations

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
    "career": {
        "sv": "Långsiktig brottskarriär (nuvärde efter tidshorisonten, osäkert)",
        "en": "Long-term criminal career (present value after the horizon, uncertain)",
    },
}


@dataclass
class Flow:
    category: str
    payer: str
    kind: str  # COST or BENEFIT
    values: np.ndarray  # (n, horizon), kr in scenario prices, undiscounted
    slot: str = ""  # the payer-split slot behind it (finds its parameters' `cashable:`)
    entry: str | None = None  # the group entry, e.g. "sis"
    cashable: float = 1.0  # share that is cash in the payer's budget (set by the engine)


@dataclass
class MethodOutput:
    flows: list[Flow]
    category_labels: dict[str, dict[str, str]]
    youths: np.ndarray | None = None  # (n,) youths served over the horizon
    outcomes: dict[str, np.ndarray] = field(default_factory=dict)  # e.g. avoided placement-years


def by_payer(
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
