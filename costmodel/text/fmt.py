"""Number formatting for users: Swedish by default ("1 826 000 kr"), English on request.

Built on babel's CLDR locale data, so group separators, decimal commas and percent signs
follow each language's conventions (Swedish groups with a no-break space).
"""

from __future__ import annotations

import math

from babel.numbers import format_decimal

LOCALES = {"sv": "sv_SE", "en": "en_GB"}
LANGS = tuple(LOCALES)


def _loc(lang: str) -> str:
    return LOCALES.get(lang, "sv_SE")


def number(x: float | None, lang: str = "sv", decimals: int = 0) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    text = format_decimal(
        round(x, decimals) if decimals else round(x), format=pattern, locale=_loc(lang)
    )
    if text.startswith("-") and not any(c in "123456789" for c in text):
        text = text[1:]  # no negative zero after rounding
    # Swedish typography writes a real minus sign (U+2212), as the chart axes do
    return "\u2212" + text[1:] if lang == "sv" and text.startswith("-") else text


def compact(x: float | None, lang: str = "sv") -> str:
    """Whole numbers without decimals, others with up to three: '2 726 000', '1', '0,583'."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    if abs(x) >= 100 or float(x).is_integer():
        return number(x, lang)
    text = number(x, lang, 3)
    sep = "," if lang == "sv" else "."
    return text.rstrip("0").rstrip(sep) if sep in text else text


def money(x: float | None, lang: str = "sv") -> str:
    """Whole kronor: '1 826 000 kr' (sv) or 'SEK 1,826,000' (en)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return f"{number(x, lang)} kr" if lang == "sv" else f"SEK {number(x, lang)}"


def mkr(x: float | None, lang: str = "sv", decimals: int = 1) -> str:
    """Millions: '1,8 mnkr' (sv) or 'SEK 1.8m' (en)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    v = number(x / 1e6, lang, decimals)
    return f"{v} mnkr" if lang == "sv" else f"SEK {v}m"


def percent(p: float | None, lang: str = "sv", decimals: int = 0) -> str:
    """'93 %' (sv, with a no-break space) or '93%' (en)."""
    if p is None or (isinstance(p, float) and math.isnan(p)):
        return "–"
    v = number(100 * p, lang, decimals)
    return f"{v}\u00a0%" if lang == "sv" else f"{v}%"


def ratio(x: float | None, lang: str = "sv") -> str:
    return number(x, lang, 2)
