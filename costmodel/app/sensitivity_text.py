"""Känslighet in words and tables: the analysis of :mod:`.sensitivity_data` as sentences and
rows in Swedish or English. Nothing here draws or computes an analysis; it picks, orders,
rounds for display and formats (numbers through :mod:`costmodel.text.fmt`).

- labels: :func:`input_label` (an input with its group and payer), :func:`in_sentence`,
  :func:`input_value` (a value in the input's unit), :func:`moving` (the inputs that move the
  result at all);
- what has to be true: :func:`switching_lines`, :func:`break_even_text`;
- the tornado: :func:`tornado_rows` (chart) and :func:`tornado_table`;
- the value of information: :func:`evppi_rows`, :func:`voi_sentences`, :func:`evppi_table`;
- the two-way grid: :func:`two_way_options`, :func:`two_way_lines`, :func:`two_way_hover`;
- the Monte Carlo error: :func:`mc_error` (the sentence and whether the figures are noisy).
"""

from __future__ import annotations

import math
from typing import Any

from ..scenario import Scenario
from ..scenario.payers import payer_phrase
from ..text import fmt
from ..views.sensitivity import in_sentence, switching_text
from .common import kpi_money, md
from .widgets import param_label, value_text
from .words import tr, years

SHOWN_FIRST = 5  # switching sentences shown before "more"
NOISY_PP = 0.01  # a standard error of P(pays off) above one percentage point is noisy
NOISY_MEAN = 0.05  # ... and one of the mean above 5 % of |mean|
NO_SWING_KR = 0.5  # a swing that rounds to zero kronor does not move the result


def input_label(s: Scenario, name: str, lang: str, sentence: bool = False) -> str:
    """An input's label: its group first where it has one ('SiS-placering: längd'), its payer
    after where it is split by payer ('… – kommunen'); the discount rate by name. With
    ``sentence``, as it reads inside a sentence: 'kostnad för en placering (kommunen)'."""
    if name == "discount_rate":
        text = tr("discount_rate", lang)
        return in_sentence(text) if sentence else text
    p = s.parameters[name]
    text = param_label(p, lang)
    if p.group_entry:
        group = s.group_labels.get(p.slot.split(".")[0], {}).get(p.group_entry)
        if group:
            text = f"{group.get(lang) or group['sv']}: {in_sentence(text)}"
    if sentence:
        text = in_sentence(text)
        return f"{text} ({payer_phrase(p.payer, lang)})" if p.payer else text
    return f"{text} – {payer_phrase(p.payer, lang)}" if p.payer else text


def _significant(x: float, digits: int) -> float:
    """``x`` rounded to ``digits`` significant digits (noisy or grid values for display)."""
    if x == 0 or not math.isfinite(x):
        return x
    return round(x, digits - 1 - math.floor(math.log10(abs(x))))


def input_value(s: Scenario, name: str, value: float, lang: str) -> str:
    """A value of an input in its own unit to three significant digits, '2 230 000 kr/år',
    '25 %' (percentiles and grid values, not figures from the file); the discount rate as a
    percentage."""
    if name == "discount_rate":
        return fmt.percent(value, lang, 0)
    p = s.parameters[name]
    return value_text(value if p.unit.dimension == "share" else _significant(value, 3), p, lang)


def sentence_value(s: Scenario, name: str, value: float, lang: str) -> str:
    """A value written the way :func:`~costmodel.views.sensitivity.switching_text` writes its
    own (shares in percent with one decimal, the rest with the unit after the number), so
    the central value reads the same as the switching value in one sentence."""
    p = s.parameters[name]
    if p.unit.dimension == "share":
        return fmt.percent(value, lang, 1)
    return fmt.in_unit(fmt.compact(value, lang), p.unit.sv if lang == "sv" else p.unit.en, lang)


def voi_money(x: float, lang: str) -> str:
    """A value of information: two significant digits ('75 000 kr'); it is a Monte Carlo
    estimate, and more digits would claim a precision it does not have."""
    return fmt.money(_significant(x, 2), lang)


def moving(a: dict[str, Any]) -> list[str]:
    """The tornado's inputs that move the result at all, widest swing first."""
    return [r["parameter"] for r in a["tornado"] if r["swing"] > NO_SWING_KR]


# --- what has to be true ----------------------------------------------------------------------


def switching_lines(
    a: dict[str, Any], s: Scenario, persp: str, lang: str
) -> tuple[list[str], list[str]]:
    """The switching sentences of the inputs that move the result, widest swing first: those
    whose value lies within the input's range (up to :data:`SHOWN_FIRST`) and the rest."""
    order = {name: i for i, name in enumerate(moving(a))}
    entries = sorted(
        (e for e in a["switching_values"] if e["parameter"] in order),
        key=lambda e: order[e["parameter"]],
    )

    def line(e: dict[str, Any]) -> str:
        text = switching_text(e, s, persp, lang)
        central = a["central_inputs"].get(e["parameter"])
        if e["value"] is not None and e["within_range"] and central is not None:
            value = sentence_value(s, e["parameter"], central, lang)
            now = tr("sens_central_is", lang, value=value)
            text += f" ({now})"
        return md(text) + "."

    within = [e for e in entries if e["value"] is not None and e["within_range"]]
    first = within[:SHOWN_FIRST]
    rest = [e for e in entries if e not in first]
    return [line(e) for e in first], [line(e) for e in rest]


def break_even_text(a: dict[str, Any], horizon: int, lang: str) -> str:
    """The break-even year of the central case and the chance of breaking even within a term
    of office (four years) and within the horizon, in words."""
    be = a["break_even"]
    h = years(horizon, lang)
    out = (
        tr("sens_break_even", lang, year=be["year"])
        if be["year"]
        else tr("sens_no_break_even", lang, h=h)
    )
    if be["p_within_horizon"] is None:
        return out
    horizon_p = fmt.percent(be["p_within_horizon"], lang)
    if horizon <= 4:  # the whole horizon is within one term of office
        return f"{out} {tr('sens_p_short', lang, h=h, horizon=horizon_p)}"
    term = fmt.percent(be["p_within_term"], lang)
    return f"{out} {tr('sens_p_term', lang, term=term, h=h, horizon=horizon_p)}"


# --- the tornado ------------------------------------------------------------------------------


def tornado_rows(
    a: dict[str, Any], s: Scenario, lang: str
) -> list[tuple[str, float, float, str, str]]:
    """The tornado's rows that move the result, for :func:`~.charts.tornado_chart`: label, net
    benefit at the 10th and at the 90th percentile, and the input's value there as text."""
    rows = []
    for r in a["tornado"]:
        if r["swing"] <= NO_SWING_KR:
            continue
        lo, hi = a["tornado_inputs"][r["parameter"]]
        rows.append(
            (
                input_label(s, r["parameter"], lang),
                r["low"],
                r["high"],
                input_value(s, r["parameter"], lo, lang),
                input_value(s, r["parameter"], hi, lang),
            )
        )
    return rows


def tornado_table(rows: list[tuple[str, float, float, str, str]], lang: str) -> dict[str, list]:
    """The tornado's figures as columns for ``st.table``, widest swing first: the net benefit
    with the input at its 10th and at its 90th percentile, and the input's value there."""

    def at(net: float, value: str) -> str:
        return tr("at_value", lang, net=kpi_money(net, lang), value=md(value))

    return {
        tr("col_input", lang): [md(r[0]) for r in rows],
        tr("col_at_low", lang): [at(r[1], r[3]) for r in rows],
        tr("col_at_high", lang): [at(r[2], r[4]) for r in rows],
    }


def still(a: dict[str, Any], s: Scenario, lang: str) -> list[str]:
    """The uncertain inputs that do not move the result in this perspective."""
    return [
        input_label(s, r["parameter"], lang)
        for r in a["tornado"]
        if r["swing"] <= NO_SWING_KR and r["parameter"] != "discount_rate"
    ]


# --- the value of information -----------------------------------------------------------------


def evppi_rows(a: dict[str, Any], s: Scenario, lang: str) -> list[tuple[str, float, str]]:
    """The inputs worth something to the decision, most first: label, value (kr), as text."""
    return [
        (input_label(s, e["parameter"], lang), e["value"], voi_money(e["value"], lang))
        for e in a["evppi"]
        if e["value"] >= 1.0
    ]


def voi_sentences(a: dict[str, Any], s: Scenario, lang: str) -> list[str]:
    """What knowing the top input for certain is worth, then what knowing everything is."""
    if a["evpi"] < 1.0:
        return [tr("sens_evpi_zero", lang)]
    out = []
    top = [e for e in a["evppi"] if e["value"] >= 1.0][:1]
    for e in top:
        what = input_label(s, e["parameter"], lang, sentence=True)
        out.append(tr("sens_evppi_top", lang, what=md(what), value=voi_money(e["value"], lang)))
    out.append(tr("sens_evpi", lang, value=voi_money(a["evpi"], lang)))
    return out


def evppi_table(
    a: dict[str, Any], rows: list[tuple[str, float, str]], lang: str
) -> dict[str, list]:
    """The value of information per input beside the share of the spread of the net benefit
    the input alone explains (first-order variance share)."""
    share = {i["parameter"]: i["variance_share"] for i in a["importance"]}
    names = [e["parameter"] for e in a["evppi"] if e["value"] >= 1.0]
    return {
        tr("col_input", lang): [md(r[0]) for r in rows],
        tr("col_evppi", lang): [r[2] for r in rows],
        tr("col_share", lang): [fmt.percent(share.get(n, 0.0), lang) for n in names],
    }


def worthless(a: dict[str, Any], s: Scenario, lang: str) -> list[str]:
    """The inputs that move the result but whose value to the decision is nothing."""
    worth = {e["parameter"] for e in a["evppi"] if e["value"] >= 1.0}
    known = {e["parameter"] for e in a["evppi"]}
    return [input_label(s, n, lang) for n in moving(a) if n in known and n not in worth]


# --- the two-way grid -------------------------------------------------------------------------


def two_way_options(a: dict[str, Any]) -> list[str]:
    """The inputs a heat map can show, widest tornado swing first: the sampled inputs that move
    the result (all sampled inputs if fewer than two move it)."""
    sampled = {e["parameter"] for e in a["evppi"]}
    ordered = [r["parameter"] for r in a["tornado"] if r["parameter"] in sampled]
    moves = [n for n in ordered if n in set(moving(a))]
    return moves if len(moves) >= 2 else ordered


def two_way_lines(
    grid: dict[str, Any], s: Scenario, lang: str, central_x: float | None = None
) -> tuple[str, list[str]]:
    """The lead and, for the lowest value of the grid's x, the one nearest ``central_x`` (else
    the middle one) and the highest: the values of y at which SIG pays off, read from the grid
    (the other inputs at their central values)."""
    xs, ys, net = grid["x_values"], grid["y_values"], grid["net"]
    y_name = md(input_label(s, grid["y"], lang, sentence=True))
    lo, hi = (md(input_value(s, grid["y"], v, lang)) for v in (ys[0], ys[-1]))
    middle = (
        len(xs) // 2
        if central_x is None
        else min(range(len(xs)), key=lambda i: abs(xs[i] - central_x))
    )
    out = []
    for i in sorted({0, middle, len(xs) - 1}):
        pays = [row[i] > 0 for row in net]
        words = {"xv": md(input_value(s, grid["x"], xs[i], lang)), "y": y_name}
        first = pays.index(True) if any(pays) else len(pays)
        last = len(pays) - 1 - pays[::-1].index(True) if any(pays) else -1
        if all(pays):
            out.append(tr("two_way_always", lang, lo=lo, hi=hi, **words))
        elif not any(pays):
            out.append(tr("two_way_never", lang, lo=lo, hi=hi, **words))
        elif all(pays[first:]):  # pays from some value of y upwards
            yv = md(input_value(s, grid["y"], ys[first], lang))
            out.append(tr("two_way_at_least", lang, yv=yv, **words))
        elif all(pays[: last + 1]):  # pays up to some value of y
            yv = md(input_value(s, grid["y"], ys[last], lang))
            out.append(tr("two_way_at_most", lang, yv=yv, **words))
        else:
            out.append(tr("two_way_mixed", lang, **words))
    lead = tr("two_way_lead", lang, x=md(input_label(s, grid["x"], lang, sentence=True)))
    return lead, out


def two_way_hover(grid: dict[str, Any], s: Scenario, lang: str) -> list[list[str]]:
    """The hover text of each cell: both inputs' values and the net benefit."""
    x_label = input_label(s, grid["x"], lang)
    y_label = input_label(s, grid["y"], lang)
    xs = [input_value(s, grid["x"], v, lang) for v in grid["x_values"]]
    ys = [input_value(s, grid["y"], v, lang) for v in grid["y_values"]]
    net = tr("axis_net", lang)
    return [
        [
            f"{x_label}: {xs[i]}<br>{y_label}: {ys[j]}<br>{net}: {fmt.money(v, lang)}"
            for i, v in enumerate(row)
        ]
        for j, row in enumerate(grid["net"])
    ]


# --- the Monte Carlo error --------------------------------------------------------------------


def mc_error(a: dict[str, Any], mean: float, lang: str) -> tuple[str, bool]:
    """The Monte Carlo error in words, and whether the figures are still noisy: the standard
    error of P(pays off) above one percentage point, or that of the mean above 5 % of |mean|."""
    se = a["standard_error"]
    text = tr(
        "sens_mc",
        lang,
        n=fmt.number(se["iterations"], lang),
        mean=fmt.money(_significant(se["mean"], 2), lang),
        prob=fmt.number(100 * se["probability"], lang, 1),
    )
    noisy = se["probability"] > NOISY_PP or se["mean"] > NOISY_MEAN * abs(mean)
    return text, noisy
