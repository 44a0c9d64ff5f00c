"""Words of Översikt in Swedish (default) and English: the source's own calculation, the payer
chart's note and the facts of the scenario.

Part of :data:`costmodel.app.words.STRINGS` (look them up with
:func:`costmodel.app.words.tr`); kept apart so that module stays small.
"""

from __future__ import annotations

OVERVIEW: dict[str, dict[str, str]] = {
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
