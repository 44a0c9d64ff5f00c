"""Words of Översikt in Swedish (default) and English: the budget cards beside the KPIs, the
source's own calculation, the payer chart's note and the facts of the scenario.

Part of :data:`costmodel.app.words.STRINGS` (look them up with
:func:`costmodel.app.words.tr`); kept apart so that module stays small.
"""

from __future__ import annotations

OVERVIEW: dict[str, dict[str, str]] = {
    # the first KPI cards: the municipality's budget (cash) with society as a whole beside it;
    # for another perspective, the cash part beside the net benefit
    "kpi_budget_kommun": {"sv": "Kommunens budget", "en": "Municipal budget"},
    "kpi_budget_kommun_help": {
        "sv": "Insatsens kostnad och de undvikna kostnader som är pengar i kommunens budget "
        "(till exempel placeringsavgifter som inte betalas), diskonterat, i genomsnitt över "
        "simuleringarna. Frigjord kapacitet, tid som kan användas till annat men inte sparar "
        "pengar, räknas inte här.",
        "en": "The cost of SIG and the avoided costs that are money in the municipality's "
        "budget (such as placement fees not paid), discounted, averaged over the simulations. "
        "Freed capacity, time that can go to other work but saves no money, is not counted "
        "here.",
    },
    "kpi_budget_kommun_capacity": {
        "sv": "därtill {amount} frigjord kapacitet i kommunen, inte pengar",
        "en": "plus {amount} of freed capacity in the municipality, not money",
    },
    "kpi_society": {"sv": "Hela samhället", "en": "Society as a whole"},
    "kpi_society_non_cash": {
        "sv": "varav {amount} {kind}, inte pengar i någon budget",
        "en": "of which {amount} is {kind}, not money in any budget",
    },
    "kpi_society_all_cash": {
        "sv": "allt är pengar i någon budget",
        "en": "all of it is money in a budget",
    },
    "kpi_society_help": {
        "sv": "Nettonyttan för alla som betalar eller vinner: kommunen, staten, regionen, "
        "brottsoffer och övriga, diskonterat, i genomsnitt över simuleringarna. {cash} av den "
        "är pengar i någon budget.",
        "en": "The net benefit for everyone who pays or gains: the municipality, the state, "
        "the region, victims and others, discounted, averaged over the simulations. {cash} of "
        "it is money in a budget.",
    },
    "kpi_help_capacity": {
        "sv": "{amount} är frigjord kapacitet: platser och arbetstid, till exempel hos SiS, "
        "polis och domstolar, som kan användas till annat men inte sparar pengar.",
        "en": "{amount} is freed capacity: places and staff time, for example at SiS, the "
        "police and the courts, that can go to other use but save no money.",
    },
    "kpi_help_welfare": {
        "sv": "{amount} är välfärd, som skador för brottsoffer och samhället som undviks, och "
        "finns inte i någon budget.",
        "en": "{amount} is welfare, such as harm to victims and society avoided, and is in "
        "nobody's budget.",
    },
    "kpi_cash": {"sv": "Varav i budgetarna (kontant)", "en": "Of which in budgets (cash)"},
    "kpi_cash_help": {
        "sv": "Den del av nettonyttan som är pengar i någon budget, diskonterat, i genomsnitt "
        "över simuleringarna.",
        "en": "The part of the net benefit that is money in a budget, discounted, averaged "
        "over the simulations.",
    },
    "kpi_cash_caption": {
        "sv": "resten, {amount}, är {kind}, inte pengar i någon budget",
        "en": "the rest, {amount}, is {kind}, not money in any budget",
    },
    "non_cash_capacity": {"sv": "frigjord kapacitet", "en": "freed capacity"},
    "non_cash_welfare": {"sv": "välfärd", "en": "welfare"},
    "non_cash_mixed": {
        "sv": "frigjord kapacitet och välfärd",
        "en": "freed capacity and welfare",
    },
    # the payer chart's note and the facts of the scenario
    "about_scenario": {"sv": "Om scenariot", "en": "About the scenario"},
    "meta_kommun": {"sv": "Kommun", "en": "Municipality"},
    "meta_file": {"sv": "Fil", "en": "File"},
    "meta_default_persp": {"sv": "Scenariots perspektiv", "en": "The scenario's perspective"},
    "notes": {"sv": "Anteckningar", "en": "Notes"},
    "payers_absent": {
        "sv": "Ingår inte i scenariot: {names}.",
        "en": "Not part of the scenario: {names}.",
    },
    "society_hint": {
        "sv": "Staplarna visar alla betalare oavsett vald vy; summan är hela samhällets "
        "nettonytta, {total}.",
        "en": "The bars show every payer whatever the chosen view; their sum is society's "
        "net benefit, {total}.",
    },
    # the source's own calculation, below the KPI cards: in the perspective the source used,
    # and in the other one, where the central values fill in what the source did not count
    "published_label": {
        "sv": "Så räknade källan (publicerade siffror, utan osäkerhet):",
        "en": "As the source calculated it (published figures, no uncertainty):",
    },
    "published_result": {
        "sv": "{amount} för {whom}. Vår bedömning ovan bygger på ärligare intervall.",
        "en": "{amount} for {whom}. Our estimate above uses more honest ranges.",
    },
    "published_label_other": {
        "sv": "Med källans publicerade siffror (centrala värden för resten, utan osäkerhet):",
        "en": "With the source's published figures (central values for the rest, no uncertainty):",
    },
    "published_result_other": {
        "sv": "{amount} för {whom}. Källan räknade för {source}; vår bedömning ovan bygger på "
        "ärligare intervall.",
        "en": "{amount} for {whom}. The source calculated for {source}; our estimate above "
        "uses more honest ranges.",
    },
    "published_failed": {
        "sv": "Källans publicerade siffror kan inte räknas: {what}.",
        "en": "The source's published figures cannot be computed: {what}.",
    },
}
