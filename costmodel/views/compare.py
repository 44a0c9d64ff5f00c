"""``costmodel compare``: scenarios side by side, each against the first, as table or JSON.

Every scenario is run with the same seed and iterations, so inputs the variants share are drawn
alike in each iteration (common random numbers) and the differences
(:func:`costmodel.analysis.compare.paired_difference`) are not drowned in sampling noise.
Amounts are converted to the latest price year of the compared scenarios (KPI).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..analysis.compare import common_prices, in_prices, paired_difference
from ..engine import Results, run
from ..scenario import Scenario
from ..scenario.payers import payer_label
from ..text import fmt
from . import figures
from .table import _table

WORDS = {
    "title": {
        "sv": "Jämförelse ({persp}, {year} års priser, {n} simuleringar, slumpfrö {seed})",
        "en": "Comparison ({persp}, {year} prices, {n} iterations, seed {seed})",
    },
    "scenario": {"sv": "Scenario", "en": "Scenario"},
    "mean": {"sv": "Nettonytta, medel", "en": "Net benefit, mean"},
    "interval": {"sv": "90 % intervall", "en": "90 % interval"},
    "p": {"sv": "Lönar sig", "en": "Pays off"},
    "diff": {"sv": "Skillnad mot första", "en": "Difference to the first"},
    "diff_interval": {"sv": "Skillnadens 90 % intervall", "en": "90 % interval of the difference"},
    "better": {"sv": "Sannolikhet att vara bättre", "en": "Probability of being better"},
    "reference": {"sv": "jämförelsebas", "en": "reference"},
}


def _checked(results: Results, s: Scenario, perspective: str) -> np.ndarray:
    """The run's net benefit, once its summary has passed :func:`.figures.check`."""
    figures.check(results.summary(perspective), s, results)
    return results.net(perspective)


def compare(
    scenarios: list[Scenario], perspective: str, iterations: int, seed: int
) -> dict[str, Any]:
    """Every scenario's headline figures and its difference to the first, JSON-ready."""
    year, factors = common_prices([s.meta.price_year for s in scenarios])
    nets = [
        in_prices(_checked(run(s, iterations=iterations, seed=seed), s, perspective), f)
        for s, f in zip(scenarios, factors, strict=True)
    ]
    out: dict[str, Any] = {
        "perspective": perspective,
        "price_year": year,
        "iterations": iterations,
        "seed": seed,
        "scenarios": [],
    }
    for s, net in zip(scenarios, nets, strict=True):
        p5, p95 = (float(q) for q in np.percentile(net, [5, 95]))
        entry: dict[str, Any] = {
            "file": s.file,
            "name": s.meta.name,
            "sha256": s.sha256,
            "net_benefit_mean": float(net.mean()),
            "net_benefit_p5": p5,
            "net_benefit_p95": p95,
            "probability_net_benefit_positive": float((net > 0).mean()),
            "difference": None,
        }
        if s is not scenarios[0]:
            d = paired_difference(net, nets[0])
            entry["difference"] = {
                "mean": d.mean,
                "p5": d.p5,
                "p95": d.p95,
                "probability_better": d.probability_better,
                "standard_error": d.standard_error,
            }
        out["scenarios"].append(entry)
    return out


def render(c: dict[str, Any], scenarios: list[Scenario], lang: str = "sv") -> str:
    w = {k: v[lang] for k, v in WORDS.items()}
    head = [w["scenario"], w["mean"], w["interval"], w["p"], w["diff"], w["diff_interval"]]
    rows = [[*head, w["better"]]]
    for s, e in zip(scenarios, c["scenarios"], strict=True):
        d = e["difference"]
        rows.append(
            [
                s.meta.title(lang),
                fmt.money(e["net_benefit_mean"], lang),
                f"{fmt.money(e['net_benefit_p5'], lang)} – {fmt.money(e['net_benefit_p95'], lang)}",
                fmt.percent(e["probability_net_benefit_positive"], lang),
                w["reference"] if d is None else fmt.money(d["mean"], lang),
                "" if d is None else f"{fmt.money(d['p5'], lang)} – {fmt.money(d['p95'], lang)}",
                "" if d is None else fmt.percent(d["probability_better"], lang),
            ]
        )
    title = w["title"].format(
        persp=payer_label(c["perspective"], lang).lower(),
        year=c["price_year"],
        n=fmt.number(c["iterations"], lang),
        seed=c["seed"],
    )
    return f"{title}\n\n{_table(rows)}\n"
