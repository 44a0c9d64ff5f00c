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


def payer_label(payer: str, lang: str = "sv") -> str:
    return PERSPECTIVES.get(payer, {}).get(lang, payer)
