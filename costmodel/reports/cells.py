"""Table cells with both the text a reader sees (Swedish number format, :mod:`costmodel.text.fmt`)
and the number a spreadsheet stores: money, percent, ratio, and a value in a parameter's own
unit (:func:`amount`, :func:`unit`); a parameter's value or distribution in words
(:func:`describe_value`)."""

from __future__ import annotations

from typing import Any

from ..text import fmt
from .content import Cell
from .words import ARG_NAMES, DIST_NAMES, w

SHARE_UNITS = ("share", "probability", "effect")


def money(x: float | None, lang: str) -> Cell:
    return Cell(fmt.money(x, lang), x, "money")


def percent(x: float | None, lang: str, decimals: int = 0) -> Cell:
    return Cell(fmt.percent(x, lang, decimals), x, "percent")


def ratio(x: float | None, lang: str) -> Cell:
    return Cell(fmt.ratio(x, lang), x, "ratio")


def amount(x: float, p: Any, lang: str, rounded: bool = False) -> Cell:
    """A value in a parameter's own unit: shares as percent, the rest as plain numbers;
    ``rounded`` prints three significant digits (a percentile of draws), the cell keeps all."""
    shown = float(f"{x:.3g}") if rounded and x else x
    if p.unit.id in SHARE_UNITS:
        return Cell(fmt.percent(shown, lang, 1), float(x), "percent")
    return Cell(fmt.compact(shown, lang), float(x), "number")


def unit(p: Any, lang: str) -> str:
    """The unit as a column shows it, with the price year of an amount: 'kr/år (2015)'."""
    name = "%" if p.unit.id in SHARE_UNITS else (p.unit.sv if lang == "sv" else p.unit.en)
    return f"{name} ({p.price_year})" if p.price_year else name


def describe_value(p: Any, lang: str) -> str:
    """A parameter's value or distribution in words: 'PERT lägst 0, troligast 0,5, högst 1,5'."""
    d = p.dist
    args = d.args()
    if d.kind == "fixed":
        return w("dist_fixed", lang, value=fmt.compact(args["value"], lang))
    parts = [f"{ARG_NAMES.get(k, {}).get(lang, k)} {fmt.compact(v, lang)}" for k, v in args.items()]
    return f"{DIST_NAMES.get(d.kind, {}).get(lang, d.kind)} {', '.join(parts)}"
