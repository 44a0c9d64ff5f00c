"""Who pays and who gains: the fixed list of payers and the perspectives built on them."""

from __future__ import annotations

PAYERS: dict[str, dict[str, str]] = {
    "kommun": {"sv": "Kommunen", "en": "Municipality"},
    "stat": {"sv": "Staten", "en": "Central government"},
    "region": {"sv": "Regionen", "en": "Region (health care)"},
    "brottsoffer": {"sv": "Brottsoffer och den unga", "en": "Victims and the young person"},
    "ovrigt": {"sv": "Övriga samhället (ej fördelat)", "en": "Rest of society (unallocated)"},
}

SOCIETY = "samhalle"

PERSPECTIVES: dict[str, dict[str, str]] = {
    SOCIETY: {"sv": "Hela samhället", "en": "Society as a whole"},
    **PAYERS,
}


# How each perspective reads inside a sentence ("from the perspective of ...").
IN_SENTENCE: dict[str, dict[str, str]] = {
    SOCIETY: {"sv": "hela samhället", "en": "society as a whole"},
    "kommun": {"sv": "kommunen", "en": "the municipality"},
    "stat": {"sv": "staten", "en": "central government"},
    "region": {"sv": "regionen", "en": "the region"},
    "brottsoffer": {"sv": "brottsoffren och den unga", "en": "victims and the young person"},
    "ovrigt": {"sv": "övriga samhället", "en": "the rest of society"},
}


def payer_label(payer: str, lang: str = "sv") -> str:
    return PERSPECTIVES.get(payer, {}).get(lang, payer)


def payer_phrase(payer: str, lang: str = "sv") -> str:
    """The perspective's name as it reads inside a sentence: 'kommunen', 'the municipality'."""
    return IN_SENTENCE.get(payer, {}).get(lang, payer_label(payer, lang).lower())
