"""Bad input gets a clear message: one fixture per failure mode, expectations in its header.

Each file in ``fixtures/bad/`` starts with ``# expect: LINE: key.path: message`` lines. The
test loads it, and checks that every expected problem is reported with that line (0 = any) and
that message text. Through the CLI, the same files exit with status 2 and no traceback.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from costmodel import scenario
from costmodel.errors import ScenarioError

from .conftest import FIXTURES, ROOT

BAD = sorted((FIXTURES / "bad").glob("*.yaml"))
EXPECT = re.compile(r"^# expect: (\d+): ([^:]*): (.*)$")


def _expectations(path: Path) -> list[tuple[int, str, str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = EXPECT.match(line)
        if m:
            out.append((int(m.group(1)), m.group(2), m.group(3)))
    return out


def test_every_fixture_declares_what_it_expects() -> None:
    assert len(BAD) >= 15
    for path in BAD:
        assert _expectations(path), f"{path.name} has no '# expect:' line"


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_fixture_message(path: Path) -> None:
    with pytest.raises(ScenarioError) as info:
        scenario.load(path)
    problems = info.value.problems
    for line, key, text in _expectations(path):
        matches = [
            p
            for p in problems
            if p.path == key
            and (line == 0 or p.line == line)
            and text in f"{p.message}; {p.expected}"
        ]
        assert matches, f"expected {line}: {key}: {text}\ngot:\n{info.value}"
    shape = re.compile(r"^[^:]+:\d+: ([\w.\[\]-]+: )?.+; .+$")
    for line in str(info.value).splitlines():
        assert shape.match(line), f"not 'file:line: key.path: problem; expected': {line}"


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_cli_exits_2_without_traceback(path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "costmodel.cli", "validate", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith(str(path)), proc.stderr


def test_all_problems_in_a_file_are_reported_at_once(tmp_path: Path) -> None:
    f = tmp_path / "many.yaml"
    f.write_text(
        "scenario:\n  name: X\n  price_year: 1999\n  horizon_years: 0\n  discount_rate: 0.5\n"
        "method: vaxjo\nparameters:\n  sig_cost: 5\n",
        encoding="utf-8",
    )
    with pytest.raises(ScenarioError) as info:
        scenario.load(f)
    keys = {p.path for p in info.value.problems}
    assert {
        "scenario.price_year",
        "scenario.horizon_years",
        "scenario.discount_rate",
        "parameters.sig_cost",
        "parameters.placement_cost",
    } <= keys
    lines = [p.line for p in info.value.problems]
    assert lines == sorted(lines)


def test_large_file_is_refused_before_parsing(tmp_path: Path) -> None:
    f = tmp_path / "big.yaml"
    f.write_text("a: " + "x" * 1_100_000 + "\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match="larger than 1 MB"):
        scenario.load(f)


def test_alias_bomb_is_refused_quickly() -> None:
    start = time.perf_counter()
    with pytest.raises(ScenarioError, match="alias-expansion bomb"):
        scenario.load(FIXTURES / "bad" / "alias_bomb.yaml")
    # not a speed goal: a bomb that expanded would take minutes and gigabytes
    assert time.perf_counter() - start < 30


def test_unsafe_yaml_tags_are_refused(tmp_path: Path) -> None:
    f = tmp_path / "evil.yaml"
    f.write_text("scenario: !!python/object/apply:os.system ['echo hi']\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"tag .* is not allowed"):
        scenario.load(f)


def test_missing_file_is_a_user_error() -> None:
    with pytest.raises(ScenarioError, match="cannot read the file"):
        scenario.load(ROOT / "scenarios" / "finns-inte.yaml")


def test_non_utf8_file(tmp_path: Path) -> None:
    f = tmp_path / "latin1.yaml"
    f.write_bytes("scenario:\n  name: V\xe4xj\xf6\n".encode("latin-1"))
    with pytest.raises(ScenarioError, match="not UTF-8"):
        scenario.load(f)


def test_deep_nesting_is_a_user_error(tmp_path: Path) -> None:
    f = tmp_path / "deep.yaml"
    f.write_text("a: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match="nested too deeply"):
        scenario.load(f)
