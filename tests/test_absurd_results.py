"""A run whose figures are not finite or beyond any plausible result is a user error.

The corpus ``fixtures/hostile/run/*.yaml`` holds scenarios that validate (every input within
its bounds) but multiply into absurd figures; each file's first line is
``# expect: LINE | key.path | fragment`` as in the rest of the hostile corpus. ``run`` in every
format, ``sensitivity`` and ``compare`` refuse them with exit 2 and one line
``file:line: key.path: problem; expected`` naming the parameter at fault (or the scenario file
at line 1), in both languages; nothing is written to stdout. The inputs the review found
(within the old bounds) are refused when the file is read: ``fixtures/hostile/`` (gamma_*,
money_tiny_*, period_tiny_*), here through every output format.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import pytest

from costmodel import cli, scenario
from costmodel.views import figures

from .conftest import FIXTURES, SCENARIOS

RUN_CORPUS = sorted((FIXTURES / "hostile" / "run").glob("*.yaml"))
EXPECT = re.compile(r"^# expect: (\d+) \| (.*) \| (.*)$")
FORMATS = ["table", "json", "csv"]


def _expectation(path: Path) -> tuple[int, str, str]:
    m = EXPECT.match(path.read_text(encoding="utf-8").split("\n", 1)[0])
    assert m, path.name
    return int(m.group(1)), m.group(2), m.group(3)


def _refused(capsys: Any, argv: list[str], path: Path, line: int, key: str) -> str:
    capsys.readouterr()
    status = cli.main(argv)
    out, err = capsys.readouterr()
    assert status == 2, err
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    where = f"{path}:{line}: " + (f"{key}: " if key else "")
    assert lines[0].startswith(where), lines[0]
    assert re.match(r"^\S+:\d+: .+; .+$", lines[0]) and lines[0].isprintable()
    return lines[0]


def test_the_run_corpus_is_there() -> None:
    assert len(RUN_CORPUS) >= 4


@pytest.mark.parametrize("path", RUN_CORPUS, ids=[p.stem for p in RUN_CORPUS])
def test_an_absurd_result_is_refused_in_every_format(path: Path, capsys: Any) -> None:
    line, key, fragment = _expectation(path)
    scenario.load(path)  # it validates: only the run shows the problem
    for fmt in FORMATS:
        argv = ["run", str(path), "-n", "2000", "--format", fmt, "--lang", "en"]
        assert fragment in _refused(capsys, argv, path, line, key)
    swedish = _refused(capsys, ["run", str(path), "-n", "2000"], path, line, key)
    assert "långt bortom varje rimligt resultat" in swedish and "förväntat: " in swedish


@pytest.mark.parametrize("path", RUN_CORPUS[:2], ids=[p.stem for p in RUN_CORPUS[:2]])
def test_sensitivity_and_compare_refuse_it_too(path: Path, capsys: Any) -> None:
    line, key, _ = _expectation(path)
    _refused(capsys, ["sensitivity", str(path), "-n", "500", "--lang", "en"], path, line, key)
    base = SCENARIOS / "vaxjo.yaml"
    argv = ["compare", str(base), str(path), "-n", "500", "--lang", "en"]
    _refused(capsys, argv, path, line, key)


@pytest.mark.parametrize("path", RUN_CORPUS[:2], ids=[p.stem for p in RUN_CORPUS[:2]])
def test_a_report_refuses_it_and_writes_nothing(path: Path, capsys: Any, tmp_path: Path) -> None:
    line, key, _ = _expectation(path)
    out = tmp_path / "r.html"
    argv = ["report", str(path), "--format", "html", "-n", "500", "--out", str(out)]
    _refused(capsys, argv, path, line, key)
    assert not out.exists()


def test_nothing_is_written_with_out(tmp_path: Path, capsys: Any) -> None:
    path = FIXTURES / "hostile" / "run" / "amounts_multiply_beyond_any_budget.yaml"
    line, key, _ = _expectation(path)
    _refused(capsys, ["run", str(path), "-n", "500", "--out", str(tmp_path / "o")], path, line, key)
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    "name",
    [
        "gamma_sd_three_times_the_mean",
        "gamma_sd_ten_times_the_mean",
        "money_tiny_fixed",
        "money_tiny_lognormal",
        "money_tiny_gamma",
        "money_tiny_interval90",
        "period_tiny_baseline",
    ],
)
def test_the_reviews_inputs_stop_every_format_at_their_line(name: str, capsys: Any) -> None:
    """These crashed with exit 1 (babel, JSON's infinity, an overflow in the table) or wrote
    'inf' to the CSV; now the file is refused where the number stands."""
    path = FIXTURES / "hostile" / f"{name}.yaml"
    line, key, fragment = _expectation(path)
    for fmt in FORMATS:
        argv = ["run", str(path), "--format", fmt, "--lang", "en"]
        assert fragment in _refused(capsys, argv, path, line, key)


def test_a_non_finite_figure_is_a_problem_whatever_its_key() -> None:
    s = scenario.load(SCENARIOS / "vaxjo.yaml")
    assert figures.problem({"net_benefit": {"mean": 1.0, "sd": 2.0}}, s) is None
    found = figures.problem({"tornado": [{"swing": math.nan}]}, s, bounded=False)
    assert found is not None and found.line == 1 and found.file == s.file
    assert found.message.startswith("the run's tornado.0.swing comes out as not a finite number")
    # a large threshold in an analysis is allowed, a large summary figure is not
    assert figures.problem({"switching": {"value": 1e18}}, s, bounded=False) is None
    assert figures.problem({"costs": {"mean": 1e18}}, s) is not None
    assert figures.problem({"benefit_cost_ratio": {"p95": 2e6}}, s) is not None
    assert figures.problem({"benefit_cost_ratio": {"p95": 5e5}}, s) is None
    assert figures.problem({"iterations": 10**20}, s) is None  # whole numbers are not figures
