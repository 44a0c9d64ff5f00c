"""Numbers typed by a user, read the way they were meant, and numbers shown in a field.

:func:`parse_number` reads Swedish ("1,5", "2 726 000", "2 726 000 kr", "−0,5", "30 %") and
English ("1.5", "2,726,000", "SEK 2,726,000") input with babel's locale data, and refuses what
it cannot read without doubt ("1,5,3", "1.500" in Swedish, "1,5" in English, "5 äpplen") with
an :class:`Unreadable` naming the reason, never a guess. :func:`input_text` writes a number the
way the field shows it ("2 726 000", "0,5"). No Streamlit here: the editor in :mod:`.widgets`
draws the field and the message beside it. :func:`relocalize` rewrites a typed text for the
other language ('1,5 mnkr' -> '1.5 mnkr') after a language switch.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from babel.numbers import NumberFormatError, format_decimal, parse_decimal

from ..text.fmt import LOCALES

# words an amount in kronor may carry, and what they multiply by
MONEY_WORDS = {
    "kr": 1.0,
    "kronor": 1.0,
    "sek": 1.0,
    "tkr": 1e3,
    "tsek": 1e3,
    "mnkr": 1e6,
    "mkr": 1e6,
    "msek": 1e6,
    "miljoner kr": 1e6,
    "milj kr": 1e6,
    "milj. kr": 1e6,
    "m": 1e6,
}
_MINUSES = "\u2212\u2013\u2012-"  # minus sign, en dash, figure dash, hyphen
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_NUMBER = re.compile(r"[+\-]?[\d.,\s]*\d[\d.,\s]*")
# digits grouped by spaces: the first group 1-3 digits, every other exactly three
_SPACED = re.compile(r"\d{1,3}( \d{3})+([.,]\d+)?")


@dataclass(frozen=True)
class Unreadable(ValueError):
    """Text that is not a number without doubt; ``reason`` is a key of the words
    (``num_empty``, ``num_not_a_number``, ``num_ambiguous``, ``num_unit``)."""

    text: str
    reason: str


def _unit_forms(unit_texts: tuple[str, ...]) -> set[str]:
    return {_SPACES.sub(" ", u).strip().lower() for u in unit_texts if u}


def _split(text: str) -> tuple[str, str, str]:
    """(words before, the number, words after), spaces normalised, minus signs as '-'."""
    t = _split_text(text)
    found = _NUMBER.search(t)
    if found is None:
        raise Unreadable(text, "num_not_a_number")
    return t[: found.start()].strip(), found.group().strip(), t[found.end() :].strip()


def _decimal(number: str, lang: str, original: str) -> Decimal:
    sign = ""
    if number[:1] in "+-":
        sign, number = ("-" if number[0] == "-" else ""), number[1:].strip()
    if " " in number:  # spaces group thousands in either language: "2 726 000", "1 500,5"
        if not _SPACED.fullmatch(number):
            raise Unreadable(original, "num_not_a_number")
        number = number.replace(" ", "")
    if lang == "sv" and re.fullmatch(r"[1-9]\d{0,2}\.\d{3}", number):
        raise Unreadable(original, "num_ambiguous")  # "1.500": 1,5 or 1 500?
    if lang == "sv" and "," in number and "." in number:
        raise Unreadable(original, "num_ambiguous")
    if lang == "en" and re.fullmatch(r"\d+,\d{1,2}|0,\d+|\d+,\d{4,}", number):
        raise Unreadable(original, "num_ambiguous")  # "1,5": 1.5 or 15?
    try:
        value = parse_decimal(number, locale=LOCALES.get(lang, "sv_SE"), strict=True)
    except (NumberFormatError, InvalidOperation, ValueError):
        # a dot as the decimal mark in Swedish mode, "1.5", is what the field showed before
        if lang == "sv" and re.fullmatch(r"\d+\.\d+", number):
            return Decimal(sign + number)
        raise Unreadable(original, "num_not_a_number") from None
    return -value if sign == "-" else value


def parse_number(
    text: str | None,
    lang: str,
    *,
    money: bool = False,
    share: bool = False,
    unit_texts: tuple[str, ...] = (),
) -> float | None:
    """The number in ``text``, or None for an empty field; :class:`Unreadable` otherwise.

    ``money``: the field is in kronor, so "kr", "SEK", "tkr" and "mnkr" are read (the last two
    multiply). ``share``: "30 %" is 0.3. ``unit_texts``: the unit as the page shows it
    ("kr/år", "placeringsår per år"), which may follow the number.
    """
    if text is None or not text.strip():
        return None
    before, number, after = _split(text)
    factor = 1.0
    words = " ".join(w for w in (before, after) if w).lower().rstrip(".")
    if words:
        if share and words == "%":
            factor = 0.01
        elif money and words in MONEY_WORDS:
            factor = MONEY_WORDS[words]
        elif money and after.lower().startswith("kr") and not before:
            # "2 726 000 kr/år": kronor in the unit the field is in
            if after.lower() not in _unit_forms(unit_texts) | {"kr"}:
                raise Unreadable(text, "num_unit")
        elif words not in _unit_forms(unit_texts):
            raise Unreadable(text, "num_unit")
    value = float(_decimal(number, lang, text)) * factor
    if not math.isfinite(value):
        raise Unreadable(text, "num_not_a_number")
    return value


def input_text(x: float | None, lang: str) -> str:
    """``x`` as the field shows it: thousands grouped, the language's decimal mark, no
    exponent, no trailing zeros ('2 726 000', '0,5', '1,234.5'); '' for None."""
    if x is None or not math.isfinite(x):
        return ""
    text = format_decimal(
        Decimal(repr(float(x))), format="#,##0.##########", locale=LOCALES.get(lang, "sv_SE")
    )
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    return "\u2212" + text[1:] if lang == "sv" and text.startswith("-") else text


def relocalize(text: str, old: str, new: str) -> str:
    """``text`` typed in language ``old``, written for ``new``: its number in the new form and
    the words around it (a unit, '%', 'mnkr') kept as typed ('1,5 mnkr' -> '1.5 mnkr'), so the
    field reads it as it did, and refuses it as it did (a '30 %' in a field that is not a share
    stays '30 %', never 0.3); :class:`Unreadable` if the number cannot be read or the text is
    more than a number between words ('1e6')."""
    before, number, after = _split(text)
    if " ".join(w for w in (before, number, after) if w) != _split_text(text):
        raise Unreadable(text, "num_not_a_number")
    value = float(_decimal(number, old, text))
    if not math.isfinite(value):
        raise Unreadable(text, "num_not_a_number")
    return " ".join(w for w in (before, input_text(value, new), after) if w)


def _split_text(text: str) -> str:
    """``text`` as :func:`_split` reads it: spaces normalised, minus signs as '-'."""
    t = _SPACES.sub(" ", text).strip()
    for m in _MINUSES:
        t = t.replace(m, "-")
    return t
