"""The decision analysis as text and JSON: tornado, switching values, break-even, value of
information, Monte Carlo error (``costmodel sensitivity``), Swedish by default.

Computes nothing itself: :func:`analyse` calls :mod:`costmodel.analysis.sensitivity` and
:mod:`costmodel.analysis.information` and turns their results into a JSON-ready dict (English
keys) and a table with sentences in the chosen language.
"""

from __future__ import annotations

import math
from typing import Any

from ..analysis import information, sensitivity
from ..engine import Results
from ..scenario import Scenario
from ..scenario.payers import payer_label, payer_phrase
from ..text import fmt
from .table import _table

WORDS = {
    "title": {"sv": "Känslighet", "en": "Sensitivity"},
    "tornado": {
        "sv": "Vad styr resultatet (nettonytta med varje antagande vid sin 10:e och 90:e "
        "percentil)",
        "en": "What drives the result (net benefit with each input at its 10th and 90th "
        "percentile)",
    },
    "switching": {"sv": "Vad måste gälla för att SIG ska löna sig", "en": "What has to be true"},
    "voi": {
        "sv": "Vilken osäkerhet är värd att utreda (värdet av perfekt information)",
        "en": "Which uncertainty is worth studying (value of perfect information)",
    },
    "parameter": {"sv": "Antagande", "en": "Input"},
    "low": {"sv": "Vid 10 %", "en": "At 10 %"},
    "high": {"sv": "Vid 90 %", "en": "At 90 %"},
    "swing": {"sv": "Spann", "en": "Swing"},
    "value": {"sv": "Värde", "en": "Value"},
    "discount_rate": {"sv": "Diskonteringsränta 1–5 %", "en": "Discount rate 1–5 %"},
    "at_least": {"sv": "minst", "en": "at least"},
    "at_most": {"sv": "högst", "en": "at most"},
    "pays_if": {
        "sv": "SIG lönar sig för {who} om {what} är {bound} {value}",
        "en": "SIG pays off for {who} if {what} is {bound} {value}",
    },
    "outside": {
        "sv": " (utanför antagandets intervall {lo}–{hi})",
        "en": " (outside the input's range {lo}–{hi})",
    },
    "outside_draws": {
        "sv": " (utanför de dragna värdena)",
        "en": " (outside the drawn values)",
    },
    "pays_everywhere": {
        "sv": "{what}: lönar sig i hela intervallet",
        "en": "{what}: pays off over the whole range",
    },
    "never_pays": {
        "sv": "{what}: lönar sig inte i något värde i intervallet",
        "en": "{what}: does not pay off anywhere in the range",
    },
    "break_even": {
        "sv": "Lönsam från år {year} i det centrala fallet; ",
        "en": "Breaks even in year {year} in the central case; ",
    },
    "no_break_even": {
        "sv": "Går inte jämnt ut inom tidshorisonten i det centrala fallet; ",
        "en": "Does not break even within the horizon in the central case; ",
    },
    "p_term": {
        "sv": "sannolikhet att gå jämnt ut inom en mandatperiod (4 år): {term}, inom "
        "tidshorisonten ({h}): {horizon}.",
        "en": "probability of breaking even within a term of office (4 years): {term}, within "
        "the horizon ({h}): {horizon}.",
    },
    "p_short": {
        "sv": "sannolikhet att gå jämnt ut inom tidshorisonten ({h}, högst en mandatperiod): "
        "{horizon}.",
        "en": "probability of breaking even within the horizon ({h}, at most a term of "
        "office): {horizon}.",
    },
    "evpi": {
        "sv": "Att veta allt säkert är värt upp till {value} för beslutet (EVPI).",
        "en": "Knowing everything for certain is worth up to {value} to the decision (EVPI).",
    },
    "evppi": {
        "sv": "Att veta {what} säkert är värt upp till {value}.",
        "en": "Knowing {what} for certain is worth up to {value}.",
    },
    "se": {
        "sv": "Monte Carlo-fel: {mean} i medelvärdet, {prob} procentenheter i sannolikheten "
        "({n} simuleringar).",
        "en": "Monte Carlo error: {mean} in the mean, {prob} percentage points in the "
        "probability ({n} iterations).",
    },
}


def _w(key: str, lang: str) -> str:
    return WORDS[key][lang]


def in_sentence(text: str) -> str:
    """A label inside a sentence: 'Undvikna placeringsår' -> 'undvikna placeringsår', 'SIG:s
    kostnad' unchanged."""
    first = text.split(" ", 1)[0]
    return text[0].lower() + text[1:] if len(first) > 1 and first[1:].islower() else text


def _label(s: Scenario, parameter: str, lang: str) -> str:
    """The input's label, with its group entry where it has one ('SiS-placering: Längd')."""
    p = s.parameters[parameter]
    if p.group_entry:
        group = s.group_labels.get(p.slot.split(".")[0], {}).get(p.group_entry)
        if group:
            return f"{group[lang]}: {in_sentence(p.text(lang))}"
    return p.text(lang)


def _amount(value: float, p: Any, lang: str) -> str:
    """A value in the input's own unit: shares as percent, the rest with the unit's name."""
    if p.unit.id in ("share", "probability", "effect"):
        return fmt.percent(value, lang, 1)
    return fmt.in_unit(fmt.compact(value, lang), p.unit.sv if lang == "sv" else p.unit.en, lang)


def _percent(p: float | None, lang: str) -> str:
    return "–" if p is None else fmt.percent(p, lang)


def _scale(s: Scenario, name: str) -> float:
    """A parameter's unit scale; 1 for the rows that are not parameters (discount rate, horizon)."""
    p = s.parameters.get(name)
    return 1.0 if p is None else p.scale


def analyse(results: Results, s: Scenario, perspective: str | None = None) -> dict[str, Any]:
    """Every analysis of one run, JSON-ready (English keys; money in kr, inputs in base units)."""
    persp = s.meta.perspective if perspective is None else perspective
    net = results.net(persp)
    inputs = {k: v for k, v in results.inputs.items() if k in sensitivity.uncertain(s)}
    switching = []
    ranges = {n: (float(x.min()), float(x.max())) for n, x in inputs.items()}
    for sv in sensitivity.switching_values(s, persp, ranges=ranges):
        p = s.parameters[sv.parameter]
        switching.append(
            {
                "parameter": sv.parameter,
                "payer": sv.payer,
                "value": None if sv.value is None else sv.value / p.scale,
                "unit": p.unit.id,
                "within_range": sv.within_range,
                "pays_above": sv.pays_above,
                "pays_everywhere": sv.pays_everywhere,
            }
        )
    be = sensitivity.break_even(results, s, persp)
    se = information.standard_errors(net)
    grid = sensitivity.two_way(results, s, perspective=persp)
    return {
        "perspective": persp,
        "tornado": [
            {
                "parameter": r.parameter,
                "payer": r.payer,
                "low": r.low,
                "high": r.high,
                "swing": r.swing,
                # the input's 10th and 90th percentile, in its own unit
                "low_value": r.low_value / _scale(s, r.parameter),
                "high_value": r.high_value / _scale(s, r.parameter),
            }
            for r in sensitivity.tornado(results, s, persp)
        ],
        "importance": [
            {
                "parameter": i.parameter,
                "rank_correlation": i.rank_correlation,
                "variance_share": i.variance_share,
            }
            for i in information.importance(inputs, net)
        ],
        "switching_values": switching,
        "break_even": {
            "year": be.year,
            "p_within_term": be.p_within_term,
            "p_within_horizon": be.p_within_horizon,
            "horizon": results.horizon,
        },
        "evpi": information.evpi(net),
        "evppi": sorted(
            ({"parameter": name, "value": information.evppi(x, net)} for name, x in inputs.items()),
            key=lambda e: e["value"],
            reverse=True,
        ),
        "two_way": None
        if grid is None
        else {
            "x": grid.x,
            "y": grid.y,
            "x_values": [v / s.parameters[grid.x].scale for v in grid.x_values],
            "y_values": [v / s.parameters[grid.y].scale for v in grid.y_values],
            "net": grid.net.tolist(),
        },
        "standard_error": {
            "mean": se.mean,
            "probability": se.probability,
            "iterations": int(net.size),
        },
    }


def switching_text(entry: dict[str, Any], s: Scenario, persp: str, lang: str) -> str:
    """One sentence: what has to be true of this input for SIG to pay off."""
    p = s.parameters[entry["parameter"]]
    what = in_sentence(_label(s, entry["parameter"], lang))
    if entry["value"] is None:
        key = "pays_everywhere" if entry["pays_everywhere"] else "never_pays"
        return _w(key, lang).format(what=_label(s, entry["parameter"], lang))
    value = _amount(entry["value"], p, lang)
    bound = _w("at_least" if entry["pays_above"] else "at_most", lang)
    text = _w("pays_if", lang).format(
        who=payer_phrase(persp, lang), what=what, bound=bound, value=value
    )
    if not entry["within_range"]:
        lo, hi = p.dist.support()
        if math.isfinite(lo) and math.isfinite(hi):
            text += _w("outside", lang).format(lo=_amount(lo, p, lang), hi=_amount(hi, p, lang))
        else:  # an unbounded input was searched over its draws (switching_values)
            text += _w("outside_draws", lang)
    return text


def input_name(s: Scenario, parameter: str, lang: str) -> str:
    """An input as the analysis names it: its label with its group entry and payer
    ('SiS-placering: Längd – kommunen'), or the discount rate."""
    if parameter == "discount_rate":
        return _w("discount_rate", lang)
    p = s.parameters[parameter]
    payer = f" – {in_sentence(payer_label(p.payer, lang))}" if p.payer else ""
    return _label(s, parameter, lang) + payer


def render(a: dict[str, Any], s: Scenario, lang: str = "sv") -> str:
    """The analysis as a table with sentences, in ``lang``."""
    persp = a["perspective"]

    def name(parameter: str) -> str:
        return input_name(s, parameter, lang)

    out = [f"{s.meta.title(lang)} – {_w('title', lang)} ({payer_label(persp, lang).lower()})", ""]
    out.append(_w("tornado", lang))
    rows = [[_w("parameter", lang), _w("low", lang), _w("high", lang), _w("swing", lang)]]
    for r in a["tornado"]:
        rows.append(
            [
                name(r["parameter"]),
                fmt.money(r["low"], lang),
                fmt.money(r["high"], lang),
                fmt.money(r["swing"], lang),
            ]
        )
    out += [_table(rows), "", _w("switching", lang)]
    out += [f"- {switching_text(e, s, persp, lang)}" for e in moving_switching(a)]
    out += [
        "",
        break_even_text(a, lang),
        "",
        _w("voi", lang),
        _w("evpi", lang).format(value=fmt.money(a["evpi"], lang)),
    ]
    out += ["- " + text for text in evppi_texts(a, s, lang)]
    out += ["", se_text(a, lang)]
    return "\n".join(out) + "\n"


def moving_switching(a: dict[str, Any]) -> list[dict[str, Any]]:
    """The switching values of the inputs that move net benefit in this perspective (the
    others say nothing)."""
    moves = {r["parameter"] for r in a["tornado"] if r["swing"] > 0}
    return [e for e in a["switching_values"] if e["parameter"] in moves]


def break_even_text(a: dict[str, Any], lang: str) -> str:
    """When SIG breaks even in the central case, and how likely within a term of office and
    the horizon (the horizon alone when it is no longer than a term)."""
    be = a["break_even"]
    short = be["horizon"] <= sensitivity.TERM_OF_OFFICE_YEARS
    return _w("break_even" if be["year"] else "no_break_even", lang).format(year=be["year"]) + _w(
        "p_short" if short else "p_term", lang
    ).format(
        h=fmt.years(be["horizon"], lang),
        term=_percent(be["p_within_term"], lang),
        horizon=_percent(be["p_within_horizon"], lang),
    )


def evppi_texts(a: dict[str, Any], s: Scenario, lang: str) -> list[str]:
    """'Knowing X for certain is worth up to Y.' for each input worth anything."""
    return [
        _w("evppi", lang).format(
            what=in_sentence(input_name(s, e["parameter"], lang)),
            value=fmt.money(e["value"], lang),
        )
        for e in a["evppi"]
        if e["value"] > 0
    ]


def se_text(a: dict[str, Any], lang: str) -> str:
    """The Monte Carlo error of the mean and of the probability, in one sentence."""
    se = a["standard_error"]
    return _w("se", lang).format(
        mean=fmt.money(se["mean"], lang),
        prob=fmt.number(100 * se["probability"], lang, 1),
        n=fmt.number(se["iterations"], lang),
    )
