"""User-facing words in Swedish (default) and English, for the CLI, dashboard and reports.

``t(key, lang)`` looks a string up; a missing English text falls back to the Swedish one, a
missing key is a programming error (KeyError) so tests catch it.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "scenario": {"sv": "Scenario", "en": "Scenario"},
    "method": {"sv": "Metod", "en": "Method"},
    "perspective": {"sv": "Perspektiv", "en": "Perspective"},
    "price_year": {"sv": "Prisår", "en": "Price year"},
    "horizon": {"sv": "Tidshorisont", "en": "Horizon"},
    "discount_rate": {"sv": "Diskonteringsränta", "en": "Discount rate"},
    "iterations": {"sv": "Iterationer", "en": "Iterations"},
    "seed": {"sv": "Slumpfrö", "en": "Seed"},
    "published": {
        "sv": "som publicerat (källornas siffror, i övrigt centrala värden)",
        "en": "as published (the sources' figures, central values for the rest)",
    },
    "deterministic": {
        "sv": "deterministisk (centrala värden)",
        "en": "deterministic (central values)",
    },
    "version": {"sv": "Version", "en": "Version"},
    "file_hash": {"sv": "Filens kontrollsumma", "en": "File hash"},
    "measure": {"sv": "Mått", "en": "Measure"},
    "mean": {"sv": "Medel", "en": "Mean"},
    "p5": {"sv": "5 %", "en": "5%"},
    "p50": {"sv": "Median", "en": "Median"},
    "p95": {"sv": "95 %", "en": "95%"},
    "net_benefit": {"sv": "Nettonytta (diskonterad)", "en": "Net benefit (discounted)"},
    "net_benefit_undiscounted": {
        "sv": "Nettonytta (odiskonterad)",
        "en": "Net benefit (undiscounted)",
    },
    "costs": {"sv": "Kostnader", "en": "Costs"},
    "benefits": {"sv": "Undvikna kostnader", "en": "Avoided costs"},
    "benefit_cost_ratio": {"sv": "Nytta per satsad krona", "en": "Benefit-cost ratio"},
    "probability_positive": {
        "sv": "Sannolikhet att SIG lönar sig",
        "en": "Probability that SIG pays off",
    },
    "mcse": {"sv": "Monte Carlo-fel i medelvärdet", "en": "Monte Carlo error of the mean"},
    "break_even_year": {"sv": "Lönsam från år", "en": "Break-even year"},
    "never": {"sv": "inte inom horisonten", "en": "not within the horizon"},
    "cost_per_youth": {"sv": "Kostnad per ungdom", "en": "Cost per youth"},
    "budget_net_benefit": {
        "sv": "  varav i budgeten (kontant)",
        "en": "  of which in budgets (cash)",
    },
    "budget": {"sv": "Budget (kontant)", "en": "Budget (cash)"},
    "non_cash": {"sv": "Ej kontant", "en": "Not cash"},
    "non_cash_capacity": {"sv": "frigjord kapacitet", "en": "freed capacity"},
    "non_cash_welfare": {"sv": "välfärd", "en": "welfare"},
    "non_cash_mixed": {"sv": "kapacitet och välfärd", "en": "capacity and welfare"},
    "by_payer": {"sv": "Per betalare (nettonytta)", "en": "By payer (net benefit)"},
    "by_category": {"sv": "Per kostnadsslag", "en": "By category"},
    "by_year": {"sv": "Per år", "en": "By year"},
    "payer": {"sv": "Betalare", "en": "Payer"},
    "category": {"sv": "Kostnadsslag", "en": "Category"},
    "year": {"sv": "År", "en": "Year"},
    "cumulative": {"sv": "Ackumulerad nettonytta", "en": "Cumulative net benefit"},
    "kind_cost": {"sv": "kostnad", "en": "cost"},
    "kind_benefit": {"sv": "undviken kostnad", "en": "avoided cost"},
    "valid": {"sv": "giltigt", "en": "valid"},
    "interval90": {"sv": "90 % intervall", "en": "90% interval"},
    "value": {"sv": "Värde", "en": "Value"},
    "kind": {"sv": "Slag", "en": "Kind"},
    "ratio_of_means": {
        "sv": "Nytta per satsad krona (kvot av medelvärden)",
        "en": "Benefit-cost ratio (ratio of means)",
    },
    "sentence_deterministic": {
        "sv": "Med {persp_lower} som perspektiv och centrala värden för alla antaganden ger SIG "
        "{mean} i nettonytta. Det är en punktskattning utan osäkerhet; kör utan "
        "--deterministic för intervall och sannolikhet.",
        "en": "From the perspective of {persp_lower}, with every assumption at its central "
        "value, SIG yields a net benefit of {mean}. This is a point estimate without "
        "uncertainty; run without --deterministic for ranges and a probability.",
    },
    "sentence_published": {
        "sv": "Med {persp_lower} som perspektiv och källornas publicerade siffror ger SIG {mean} "
        "i nettonytta. Så räknade källan, utan osäkerhet; kör utan --published för intervall "
        "och sannolikhet.",
        "en": "From the perspective of {persp_lower}, with the figures the sources published, SIG "
        "yields a net benefit of {mean}. This is the source's own calculation, without "
        "uncertainty; run without --published for ranges and a probability.",
    },
    "sentence_costs": {
        "sv": "Med {persp_lower} som perspektiv kostar SIG i genomsnitt {cost} netto "
        "(nettonyttan ligger mellan {low} och {high} i 90 % av simuleringarna). "
        "Sannolikheten att insatsen lönar sig är {prob}.",
        "en": "From the perspective of {persp_lower}, SIG costs {cost} net on average "
        "(the net benefit lies between {low} and {high} in 90% of simulations). "
        "The probability that it pays off is {prob}.",
    },
    "sentence_pays": {
        "sv": "Med {persp_lower} som perspektiv ger SIG i genomsnitt {mean} i nettonytta "
        "({low} till {high} i 90 % av simuleringarna). Sannolikheten att insatsen "
        "lönar sig är {prob}.",
        "en": "From the perspective of {persp_lower}, SIG yields an expected net benefit of "
        "{mean} ({low} to {high} in 90% of simulations). The probability that it pays "
        "off is {prob}.",
    },
}


def t(key: str, lang: str = "sv") -> str:
    entry = STRINGS[key]
    return entry.get(lang) or entry["sv"]
