"""Swedish wording of scenario problems covers every problem the fixtures and probes produce."""

from __future__ import annotations

from pathlib import Path

import pytest

from costmodel import scenario
from costmodel.errors import Problem, ScenarioError
from costmodel.text import messages

from .conftest import FIXTURES
from .test_validation_probes import PROBES, _variant


def _problems(path: Path) -> list[Problem]:
    try:
        scenario.load(path)
    except ScenarioError as exc:
        return exc.problems
    return []


def _all_problems(tmp_path: Path) -> list[Problem]:
    found: list[Problem] = []
    for path in sorted((FIXTURES / "bad").glob("*.yaml")):
        found += _problems(path)
    for i, (base, override, _) in enumerate(PROBES):
        sub = tmp_path / str(i)
        sub.mkdir()
        found += _problems(_variant(sub, base, override))
    return found


def test_every_known_problem_has_swedish_wording(tmp_path: Path) -> None:
    problems = _all_problems(tmp_path)
    assert len(problems) > 50
    missing = [
        p
        for p in problems
        if messages.translate_message(p.message) is None
        or messages.translate_expected(p.expected) is None
    ]
    assert not missing, "\n".join(f"{p.message} || {p.expected}" for p in missing)


@pytest.mark.parametrize(
    "english,swedish",
    [
        (
            "unknown key in a parameter (did you mean 'value'?)",
            "okänd nyckel i en parameter (menade du 'value'?)",
        ),
        ("low=3, mode=2, high=1 are out of order", "low=3, mode=2, high=1 står i fel ordning"),
        (
            "the value allows 1.5, impossible for a share",
            "värdet tillåter 1.5, vilket är omöjligt för en andel",
        ),
    ],
)
def test_translations(english: str, swedish: str) -> None:
    assert messages.translate_message(english) == swedish


def test_render_keeps_the_location_format() -> None:
    p = Problem(
        "a.yaml",
        4,
        "scenario.horizon_years",
        "0 is out of range",
        "a whole number of years from 1 to 50",
    )
    assert messages.render(p, "sv") == (
        "a.yaml:4: scenario.horizon_years: 0 ligger utanför det tillåtna intervallet; "
        "förväntat: ett helt antal år från 1 till 50"
    )
    assert messages.render(p, "en") == str(p)


def test_unknown_text_falls_back_to_english() -> None:
    p = Problem("a.yaml", 1, "x", "something new", "something else")
    assert messages.localize(p, "sv") == ("something new", "something else")


def _swedish_problems(text: str, tmp_path: Path) -> list[str]:
    (tmp_path / "minimal.yaml").write_text((FIXTURES / "minimal.yaml").read_text("utf-8"), "utf-8")
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        scenario.load(path)
    return [messages.render(p, "sv") for p in info.value.problems]


@pytest.mark.parametrize(
    ("text", "swedish"),
    [
        (
            "extends: minimal.yaml\noverrides:\n  parameters.sig_cost: 5\n",
            "parameters.sig_cost: kostnaderna ska delas upp per betalare; förväntat: en "
            "mappning från betalare (kommun, stat, region, brottsoffer, ovrigt) till en "
            "parameter, eller till en lista med en parameter per år",
        ),
        (
            "extends: minimal.yaml\noverrides:\n  parameters.sig_cost.kommun.unit: youths\n",
            "parameters.sig_cost.kommun.unit: enheten 'youths' passar inte här; förväntat: "
            "något av kr/year, kr/month, kr/day",
        ),
        (
            "extends: minimal.yaml\noverrides:\n  parameters.sig_cost.kommun.value: "
            "{dist: lognormal, mean: 1000, sd: 10000.001}\n",
            "sd = 10000.001 är mer än 10 gånger medelvärdet 1000",
        ),
    ],
)
def test_swedish_problems_have_no_english_left(text: str, swedish: str, tmp_path: Path) -> None:
    """The slots' help is English: it is left out of the Swedish line (the key path names
    the slot); a spread's sd shows the digits that make the statement true."""
    [line] = _swedish_problems(text, tmp_path)
    assert swedish in line


def test_a_missing_parameter_in_swedish_has_no_english_help(tmp_path: Path) -> None:
    text = (FIXTURES / "minimal.yaml").read_text("utf-8")
    start = text.index("  sig_cost:")
    text = text[:start] + text[text.index("  placement_cost:") :]
    lines = _swedish_problems(text, tmp_path)
    assert any(
        line.endswith(
            "parameters.sig_cost: saknas; förväntat: en parameter 'sig_cost' under parameters"
        )
        for line in lines
    ), lines
    assert not any("the SIG's" in line for line in lines)
