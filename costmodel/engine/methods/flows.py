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
    column: bool = False,
) -> dict[str, np.ndarray]:
    """Sum a payer-split slot into (n, horizon) arrays per payer.

    A single parameter applies to each of the first ``years`` years (default: all); a list
    gives one value per year. With ``column``, a payer whose amount is the same in every year
    gets an (n, 1) column instead, for a caller that multiplies it with (n, horizon) arrays.
    """
    out: dict[str, np.ndarray] = {}
    span = horizon if years is None else years
    params = [p for p in s.by_slot(slot) if entry is None or p.group_entry == entry]
    if column and span >= horizon:
        for payer in dict.fromkeys(p.payer for p in params):
            mine = [p for p in params if p.payer == payer]
            if payer is not None and all(p.year is None for p in mine):
                out[payer] = np.sum([v[p.name] for p in mine], axis=0)[:, None]
        params = [p for p in params if p.payer not in out]
    for p in params:
        assert p.payer is not None
        arr = out.setdefault(p.payer, np.zeros((n, horizon)))
        if p.year is None:
            arr[:, :span] += v[p.name][:, None]
        elif p.year < horizon:
            arr[:, p.year] += v[p.name]
    return out
