"""Swedish number formats by default, English on request."""

from __future__ import annotations

from costmodel.text import fmt


def test_swedish_money_and_percent() -> None:
    assert fmt.money(1826000).replace("\u00a0", " ") == "1 826 000 kr"
    assert fmt.money(-168971.2).replace("\u00a0", " ") == "\u2212168 971 kr"
    assert fmt.number(-0.001, decimals=2) == "0,00"  # no negative zero
    assert fmt.number(-1.5, "en", 1) == "-1.5"
    assert fmt.percent(0.927).replace("\u00a0", " ") == "93 %"
    assert fmt.mkr(1826000) == "1,8 mnkr"
    assert fmt.ratio(3.0289) == "3,03"


def test_english() -> None:
    assert fmt.money(1826000, "en") == "SEK 1,826,000"
    assert fmt.percent(0.927, "en") == "93%"
    assert fmt.mkr(1826000, "en") == "SEK 1.8m"


def test_missing_values_show_a_dash() -> None:
    assert fmt.money(None) == "–" and fmt.percent(float("nan")) == "–"


def test_non_finite_and_huge_numbers_never_fail() -> None:
    """A run's figures may be anything: no number makes formatting crash (babel's decimal
    arithmetic failed on 1e43, round() on infinity)."""
    for x in (float("inf"), float("-inf"), float("nan")):
        for lang in ("sv", "en"):
            shown = [fmt.money(x, lang), fmt.ratio(x, lang), fmt.mkr(x, lang)]
            shown += [fmt.percent(x, lang), fmt.compact(x, lang), fmt.number(x, lang, 2)]
            assert set(shown) == {"–"}
    assert fmt.ratio(2.317e43) == "2,32e+43"
    assert fmt.money(-2.3e124) == "\u22122,3e+124 kr"
    assert fmt.money(3.7e294, "en") == "SEK 3.7e+294"
    assert fmt.number(1.5e15, "en") == "1.5e+15"
    assert fmt.number(999_999_999_999_999.0).replace("\u00a0", " ") == "999 999 999 999 999"
    assert fmt.money(1e-300) == "0 kr" and fmt.ratio(-1e-300) == "0,00"


def test_a_number_in_its_unit_puts_the_currency_first_in_english() -> None:
    assert fmt.in_unit("1 800 000", "kr/år", "sv") == "1 800 000 kr/år"
    assert fmt.in_unit("1,800,000", "SEK/year", "en") == "SEK 1,800,000/year"
    assert fmt.in_unit("2,000", "SEK", "en") == "SEK 2,000"
    assert fmt.in_unit("6", "months", "en") == "6 months"


def test_years_in_both_languages() -> None:
    assert [fmt.years(n, "sv") for n in (1, 5)] == ["1 år", "5 år"]
    assert [fmt.years(n, "en") for n in (1, 5)] == ["1 year", "5 years"]
