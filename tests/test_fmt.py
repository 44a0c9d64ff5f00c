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
