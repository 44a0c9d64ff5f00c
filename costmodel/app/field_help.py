"""The help ("?") beside each number field of Anpassa (#11): what the field is, its unit, where
the parameter's figure comes from, and how to type a number, in the page's language.

:func:`field_help` is pure (no Streamlit calls); :func:`costmodel.app.widgets.draw_parameter`
gives it to every field's ``help=``.
"""

from __future__ import annotations

from ..scenario.units import Unit
from .common import md
from .words import tr

WHAT: dict[str, dict[str, str]] = {
    "value": {"sv": "Det fasta värdet för {param}", "en": "The fixed value of {param}"},
    "low": {
        "sv": "Det lägsta möjliga värdet för {param}",
        "en": "The lowest possible value of {param}",
    },
    "mode": {"sv": "Det mest troliga värdet för {param}", "en": "The most likely value of {param}"},
    "high": {
        "sv": "Det högsta möjliga värdet för {param}",
        "en": "The highest possible value of {param}",
    },
    "mean": {"sv": "Medelvärdet för {param}", "en": "The mean of {param}"},
    "sd": {
        "sv": "Standardavvikelsen för {param}: hur mycket värdet sprider sig kring medel",
        "en": "The standard deviation of {param}: how far it spreads around the mean",
    },
    "low_trunc": {
        "sv": "Den nedre gränsen för {param}: inga värden under den",
        "en": "The lower bound of {param}: no values below it",
    },
    "high_trunc": {
        "sv": "Den övre gränsen för {param}: inga värden över den (tomt fält: ingen gräns)",
        "en": "The upper bound of {param}: no values above it (empty: no bound)",
    },
    "low90": {
        "sv": "5 %-värdet för {param}: 5 % av utfallen ligger under det",
        "en": "The 5% value of {param}: 5% of the outcomes lie below it",
    },
    "high90": {
        "sv": "95 %-värdet för {param}: 5 % av utfallen ligger över det",
        "en": "The 95% value of {param}: 5% of the outcomes lie above it",
    },
    "alpha": {
        "sv": "Betafördelningens α för {param} (medel = α / (α + β))",
        "en": "The beta distribution's α for {param} (mean = α / (α + β))",
    },
    "beta": {
        "sv": "Betafördelningens β för {param} (medel = α / (α + β))",
        "en": "The beta distribution's β for {param} (mean = α / (α + β))",
    },
    "shape": {
        "sv": "Gammafördelningens form för {param} (medel = form × skala)",
        "en": "The gamma distribution's shape for {param} (mean = shape × scale)",
    },
    "scale": {
        "sv": "Gammafördelningens skala för {param} (medel = form × skala)",
        "en": "The gamma distribution's scale for {param} (mean = shape × scale)",
    },
    "lambda": {
        "sv": "Hur spetsig fördelningen av {param} är kring det troligaste värdet",
        "en": "How peaked the distribution of {param} is around the most likely value",
    },
}
WORDS: dict[str, dict[str, str]] = {
    "unit": {"sv": "Enhet: {unit}.", "en": "Unit: {unit}."},
    "unit_share": {
        "sv": "Enhet: {unit}, som decimaltal eller procent (0,3 eller 30 %).",
        "en": "Unit: {unit}, as a decimal or a percentage (0.3 or 30%).",
    },
    "no_unit": {"sv": "Utan enhet.", "en": "No unit."},
    "source": {"sv": "Källa: {cites}.", "en": "Source: {cites}."},
    "no_source": {"sv": "Ingen källa angiven.", "en": "No source given."},
}
UNITLESS = {"alpha", "beta", "shape", "lambda"}


def _w(table: dict[str, dict[str, str]], key: str, lang: str, **kw: str) -> str:
    words = table[key]
    return (words.get(lang) or words["sv"]).format(**kw)


def what_key(kind: str, arg: str) -> str:
    """Which meaning the field ``arg`` of a ``kind`` distribution has (its key in
    :data:`WHAT`): a normal's low/high are bounds, an interval's its 5 % and 95 % values."""
    if kind == "interval90" and arg in ("low", "high"):
        return f"{arg}90"
    if kind == "normal" and arg in ("low", "high"):
        return f"{arg}_trunc"
    return arg


def field_help(label: str, unit: Unit, kind: str, arg: str, cites: list[str], lang: str) -> str:
    """The help of one number field: what it is for the parameter ``label``, its unit, the
    parameter's sources (``cites``, as the page cites them) and how to type a number.

    'Det mest troliga värdet för ”SIG:s kostnad per år”. Enhet: kr/år. Källa: SKL, Att arbeta
    med sociala insatsgrupper … (2018), kap. 2 … Skriv ett tal, t.ex. 1,5 eller 2 726 000 …'"""
    quoted = f"”{md(label)}”" if lang == "sv" else f"“{md(label)}”"
    what = _w(WHAT, what_key(kind, arg), lang, param=quoted)
    unit_words = unit.sv if lang == "sv" else unit.en
    if arg in UNITLESS:
        unit_text = _w(WORDS, "no_unit", lang)
    elif unit.dimension == "share":
        unit_text = _w(WORDS, "unit_share", lang, unit=md(unit_words))
    else:
        unit_text = _w(WORDS, "unit", lang, unit=md(unit_words))
    source = (
        _w(WORDS, "source", lang, cites=md("; ".join(cites)))
        if cites
        else _w(WORDS, "no_source", lang)
    )
    return f"{what}. {unit_text} {source}\n\n{tr('number_help', lang)}"
