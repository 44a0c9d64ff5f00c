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


# from here on a number is written in scientific form ("2,3e+43"): digits this long say
# nothing to a reader, and babel's decimal arithmetic is exact to 28 digits only
SCIENTIFIC_FROM = 1e15


def _missing(x: float | None) -> bool:
    """None, NaN or ±inf: shown as a dash (never an error, whatever a run computed)."""
    return x is None or not math.isfinite(x)


def scientific(x: float, lang: str = "sv") -> str:
    """'2,32e+43' (sv, real minus sign) or '2.32e+43' (en): three significant digits."""
    text = f"{x:.3g}"
    if lang == "sv":
        text = text.replace(".", ",").replace("-", "\u2212")
    return text


def number(x: float | None, lang: str = "sv", decimals: int = 0) -> str:
    if x is None or _missing(x):
        return "–"
    if abs(x) >= SCIENTIFIC_FROM:
        return scientific(x, lang)
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
    if x is None or _missing(x):
        return "–"
    if abs(x) >= 100 or float(x).is_integer():  # (and scientific from SCIENTIFIC_FROM)
        return number(x, lang)
    text = number(x, lang, 3)
    sep = "," if lang == "sv" else "."
    return text.rstrip("0").rstrip(sep) if sep in text else text


def money(x: float | None, lang: str = "sv") -> str:
    """Whole kronor: '1 826 000 kr' (sv) or 'SEK 1,826,000' (en)."""
    if x is None or _missing(x):
        return "–"
    return f"{number(x, lang)} kr" if lang == "sv" else f"SEK {number(x, lang)}"


def in_unit(number_text: str, unit: str, lang: str = "sv") -> str:
    """A written number with its unit: '1 800 000 kr/år' (sv), 'SEK 1,800,000/year' (en: the
    currency before the number, as :func:`money` writes it), '6 months'."""
    if lang == "en" and unit.startswith("SEK"):
        return f"SEK {number_text}{unit[3:]}"
    return f"{number_text} {unit}"


def years(n: int, lang: str = "sv") -> str:
    """A number of years: '1 år', '5 år' (sv); '1 year', '5 years' (en)."""
    if lang == "en":
        return "1 year" if n == 1 else f"{number(n, lang)} years"
    return f"{number(n, lang)} år"


def mkr(x: float | None, lang: str = "sv", decimals: int = 1) -> str:
    """Millions: '1,8 mnkr' (sv) or 'SEK 1.8m' (en)."""
    if x is None or _missing(x):
        return "–"
    v = number(x / 1e6, lang, decimals)
    return f"{v} mnkr" if lang == "sv" else f"SEK {v}m"


def percent(p: float | None, lang: str = "sv", decimals: int = 0) -> str:
    """'93 %' (sv, with a no-break space) or '93%' (en)."""
    if p is None or _missing(p):
        return "–"
    v = number(100 * p, lang, decimals)
    return f"{v}\u00a0%" if lang == "sv" else f"{v}%"


def ratio(x: float | None, lang: str = "sv") -> str:
    return number(x, lang, 2)
