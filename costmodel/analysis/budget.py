"""Cash or not: what part of a run's net benefit is money in a budget.

The engine gives, per payer of ``Results.summary()["by_payer"]``, the mean net benefit in cash
(``budget``) and the rest (``non_cash``) with its kind: freed capacity for public payers,
welfare for victims and unallocated costs (:mod:`costmodel.scenario.cashable`).
:func:`non_cash_by_kind` adds the non-cash parts up by kind, so a page can say how much of
society's figure is capacity and how much is welfare.

Nothing here imports streamlit, plotly, the CLI or a report writer, and nothing is rounded or
formatted: that is for the caller.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..scenario.payers import SOCIETY

NON_CASH_KINDS = ("capacity", "welfare")


def non_cash_by_kind(by_payer: Mapping[str, Any]) -> dict[str, float]:
    """The non-cash part of expected net benefit summed over the payers of a ``by_payer`` split,
    by kind: ``{"capacity": kr, "welfare": kr}``. Society as a whole is the sum of the payers,
    not one of them, and is left out."""
    out = dict.fromkeys(NON_CASH_KINDS, 0.0)
    for payer, d in by_payer.items():
        if payer != SOCIETY and d.get("non_cash_kind") in out:
            out[d["non_cash_kind"]] += d.get("non_cash", 0.0)
    return out
