"""The cohort model: youths enter each intake year; SIG reduces what they would have cost.

Placements (probability × length × relative reduction) and offences (rate × relative
reduction) a youth would have had without SIG, times attribution, with an effect that decays
each year after intake; costs by payer.

No double counting of offences and placements (incapacitation): a youth commits offences only
in the time he or she is not placed. Per youth and year, with placed time P0 = Σ p·d without
SIG (at most a year) and f = attribution × keep^(years since intake) the share of the effect
still working, SIG avoids D = f·Σ p·d·r placement-years, so the youth is free for 1 − P0 + D of
the year and offends at (1 − f·r_c) of the rate:

    offences avoided = rate · [(1 − P0) − (1 − f·r_c)(1 − P0 + D)]
                     = rate · [f·r_c·(1 − P0) − f·Q + f²·r_c·Q],   Q = Σ p·d·r

Avoiding a placement without reducing offending therefore *adds* offences (−f·Q).

With ``sig_length`` (L, at most a year) the cost per youth is per youth-year: a youth who starts
at a uniformly random time of the intake year spends L − L²/2 of a year in SIG that year and
L²/2 the next, so the last intake's remaining time is paid for too.

A long criminal career after the horizon (optional, off unless the scenario gives all four
``career_*`` slots): youths × the effect still working at the end of the horizon (attribution ×
keep^(years since intake), summed over the cohorts) × career_probability × career_reduction ×
the career's yearly cost for career_years years after the horizon, discounted to the last year
of the horizon and booked there; the engine discounts it further like that year. Being a
present value already, it is the same in the undiscounted totals.

Youths age out of youth placements: with ``age_at_intake`` given, a placement can only be
avoided for the share of a year the youth is under ``placement_age_limit`` (default 21: care
under LVU ends when the youth turns 21, LVU 21 §); both P0 and Q above take that share.
"""

from __future__ import annotations

import numpy as np

from ...scenario import Scenario
from .flows import BENEFIT, CATEGORY_LABELS, COST, Flow, MethodOutput, Values, by_payer

# LVU (1990:52) 21 §: care under LVU ends at the latest when the youth turns 21
PLACEMENT_AGE_LIMIT = 21.0


def cohort(s: Scenario, v: Values, n: int) -> MethodOutput:
    h = s.meta.horizon_years
    intake = s.meta.intake_years
    youths_per_year = v["youths_per_year"]
    keep = 1.0 - v.get("effect_decay", np.zeros(n))
    age = v.get("age_at_intake")
    limit = v.get("placement_age_limit", np.full(n, PLACEMENT_AGE_LIMIT))
    weight, placed_w, placed_w2 = _weights(keep, age, limit, h, intake)
    attribution = v["attribution"]
    effect_base = (youths_per_year * attribution)[:, None] * placed_w
    flows: list[Flow] = []
    labels = {"sig": CATEGORY_LABELS["sig"]}
    for payer, a in by_payer(s, v, "sig_cost", n, h, years=intake).items():
        flows.append(Flow("sig", payer, COST, a, "sig_cost"))
    cost_per_youth = by_payer(s, v, "sig_cost_per_youth", n, h, years=intake)
    if "sig_length" in v:
        cost_per_youth = {p: _youth_years(a, v["sig_length"]) for p, a in cost_per_youth.items()}
    for payer, a in cost_per_youth.items():
        flows.append(Flow("sig", payer, COST, a * youths_per_year[:, None], "sig_cost_per_youth"))
    outcomes: dict[str, np.ndarray] = {}
    apy_total: np.ndarray | None = None  # the outcomes: the first entry's array, then sums
    placed, placed_avoidable, scale = _placed_time(s, v, n)
    for entry, label in s.group_labels.get("placements", {}).items():
        pre = f"placements.{entry}."
        avoidable = v[pre + "probability"] * v[pre + "duration"] * v[pre + "reduction"] * scale
        apy = effect_base * avoidable[:, None]
        apy_total = apy if apy_total is None else np.add(apy_total, apy, out=apy_total)
        cat = f"placement:{entry}"
        labels[cat] = label
        costs = by_payer(s, v, "placements.cost", n, h, entry=entry, column=True)
        for payer, cost in costs.items():
            flows.append(Flow(cat, payer, BENEFIT, apy * cost, "placements.cost", entry))
    crimes_total: np.ndarray | None = None
    scratch = np.empty((n, h))
    for entry, label in s.group_labels.get("crimes", {}).items():
        pre = f"crimes.{entry}."
        rate, r_c = v[pre + "rate"], v[pre + "reduction"]
        # offences avoided per youth (the module's formula), term by term into one array
        avoided = weight * (r_c * attribution)[:, None]
        np.multiply(placed_w, ((r_c * placed + placed_avoidable) * attribution)[:, None], scratch)
        avoided -= scratch
        np.multiply(placed_w2, (r_c * attribution**2 * placed_avoidable)[:, None], scratch)
        avoided += scratch
        avoided *= (youths_per_year * rate)[:, None]
        # the first entry's array is the total (its flows are made below, as new arrays)
        crimes_total = avoided if crimes_total is None else np.add(crimes_total, avoided)
        cat = f"crime:{entry}"
        labels[cat] = label
        costs = by_payer(s, v, "crimes.cost", n, h, entry=entry, column=True)
        for payer, cost in costs.items():
            flows.append(Flow(cat, payer, BENEFIT, avoided * cost, "crimes.cost", entry))
    if s.by_slot("career_cost"):
        # the effect still working at the end of the horizon, summed over the cohorts
        flows += _career(s, v, n, youths_per_year * attribution * weight[:, -1])
        labels["career"] = CATEGORY_LABELS["career"]
    if s.group_labels.get("placements"):
        outcomes["avoided_placement_years"] = np.zeros((n, h)) if apy_total is None else apy_total
    if s.group_labels.get("crimes"):
        outcomes["avoided_crimes"] = np.zeros((n, h)) if crimes_total is None else crimes_total
    return MethodOutput(flows, labels, youths_per_year * intake, outcomes)


def _weights(
    keep: np.ndarray, age: np.ndarray | None, limit: np.ndarray, h: int, intake: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(n, h) sums over the cohorts in each year: active effect-years (Σ keep^d over the
    cohorts, d years after their intake), the same times the share of the year a placement is
    possible (aging out), and with keep² (the f² term of the offences, see the module).

    Per years since intake d: keep^d as a running product; the cohorts of year t are those
    d = t − intake + 1 … t, a window of a prefix sum over d.
    """
    n = keep.size
    powers = np.empty((n, h))
    powers[:, 0] = 1.0
    powers[:, 1:] = keep[:, None]
    np.cumprod(powers, axis=1, out=powers)
    if age is None:
        placeable = None
    else:
        years = np.arange(h, dtype=float)
        placeable = np.clip(limit[:, None] - (age[:, None] + years), 0.0, 1.0)
    by_d = [powers, powers if placeable is None else powers * placeable]
    by_d.append(by_d[1] * powers)
    out = []
    for x in by_d:
        window = np.cumsum(x, axis=1)
        if intake < h:
            window[:, intake:] -= np.cumsum(x, axis=1)[:, : h - intake]
        out.append(window)
    return out[0], out[1], out[2]


def _placed_time(s: Scenario, v: Values, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(P0, Q, scale) per youth-year: time placed without SIG, Σ p·d·r, and the factor that
    keeps the time placed at most a year, without SIG (P0) and with it (P0 − Q when SIG does
    harm, Q < 0). Avoided placement-years use the same factor.
    """
    total = np.zeros(n)
    avoidable = np.zeros(n)
    for entry in s.group_labels.get("placements", {}):
        pre = f"placements.{entry}."
        time = v[pre + "probability"] * v[pre + "duration"]
        total += time
        avoidable += time * v[pre + "reduction"]
    most = np.maximum(total, total - avoidable)
    scale = np.where(most > 1.0, 1.0 / np.maximum(most, 1e-300), 1.0)
    return total * scale, avoidable * scale, scale


def _career(s: Scenario, v: Values, n: int, credited_youths: np.ndarray) -> list[Flow]:
    """Avoided cost of long criminal careers after the horizon, booked in its last year."""
    h = s.meta.horizon_years
    rate = s.meta.discount_rate
    years = v["career_years"]
    # present value at the end of the horizon of one kr a year for `years` years
    annuity = (1.0 - (1.0 + rate) ** -years) / rate if rate > 0 else years
    prevented = credited_youths * v["career_probability"] * v["career_reduction"] * annuity
    flows = []
    for payer, yearly in by_payer(s, v, "career_cost", n, h, column=True).items():
        values = np.zeros((n, h))
        values[:, -1] = prevented * yearly[:, -1]
        flows.append(Flow("career", payer, BENEFIT, values, "career_cost"))
    return flows


def _youth_years(per_youth_year: np.ndarray, length: np.ndarray) -> np.ndarray:
    """Spread a cost per youth-year in each intake year over the time youths spend in SIG."""
    this_year = (length - length**2 / 2)[:, None]
    next_year = (length**2 / 2)[:, None]
    out = per_youth_year * this_year
    out[:, 1:] += per_youth_year[:, :-1] * next_year
    return out
