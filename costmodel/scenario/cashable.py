"""Cash or capacity: how much of a cost line is money in the payer's budget.

An avoided SiS fee or a bought HVB bed not paid for is cash for the municipality; police and
court time that is not used is capacity freed for other work, not money saved; a victim's
suffering avoided is welfare, in nobody's budget. Each flow of a method (a category and a
payer) takes the share that is cash from the parameter behind it (``cashable:``, 0 to 1) or
else from :data:`DEFAULTS` by category and payer; the rest is freed capacity (public payers) or
welfare (victims, unallocated society). Results report the budget figure apart
(:meth:`costmodel.engine.Results.budget`).
"""

from __future__ import annotations

from dataclasses import dataclass

PUBLIC = ("kommun", "stat", "region")


@dataclass(frozen=True)
class Default:
    share: float  # 0..1 of the flow that is cash in the payer's budget
    source: str


_STAFF = Default(
    1.0,
    "a cost the municipality itself pays for the SIG (staff, premises) is paid from its budget",
)
_PARTNER = Default(
    0.0,
    "partners' time at SIG meetings (police, school, BUP) comes from existing staff: capacity "
    "used, not new money (shared/domain.md, 'What a SIG is')",
)
_FEE = Default(
    1.0,
    "a placement not made is a SiS fee or an HVB place the municipality does not pay for "
    "(reference-data.md, 'Placement costs': fees per care day)",
)
_STATE_SIS = Default(
    0.0,
    "the state's part of a SiS placement is an appropriation to SiS: a place not used frees "
    "capacity unless SiS closes places (Riksrevisionen, RiR 2024:7)",
)
_JUSTICE = Default(
    0.0,
    "police, prosecutors, courts and the prison service keep their staff: an offence avoided "
    "frees their time, it does not cut their budgets",
)
_WELFARE = Default(0.0, "victims' and society's unallocated costs are in no public budget")

DEFAULTS: dict[tuple[str, str], Default] = {
    ("sig", "kommun"): _STAFF,
    ("sig", "stat"): _PARTNER,
    ("sig", "region"): _PARTNER,
    ("placements", "kommun"): _FEE,
    ("placements", "stat"): _STATE_SIS,
    ("placements", "region"): _STATE_SIS,
    ("crime", "kommun"): _JUSTICE,
    ("crime", "stat"): _JUSTICE,
    ("crime", "region"): _JUSTICE,
}


def family(category: str) -> str:
    """'placement:sis' -> 'placements', 'crime:violent' -> 'crime', 'sig' -> 'sig'."""
    head = category.split(":", 1)[0]
    return "placements" if head in ("placement", "placements") else head


def default_share(category: str, payer: str) -> Default:
    """The default cash share of a flow (welfare, 0, where no public budget pays)."""
    return DEFAULTS.get((family(category), payer), _WELFARE)


def non_cash_kind(payer: str) -> str:
    """What the non-cash part is for ``payer``: 'capacity' (public) or 'welfare'."""
    return "capacity" if payer in PUBLIC else "welfare"
