"""A hostile user's corpus: every malformed scenario is a clear, bounded, harmless user error.

The corpus is ``fixtures/hostile/*.yaml`` (one file per failure mode, named by it, the first
line ``# expect: LINE | key.path | fragment``) and the files :mod:`tests.hostile_cases` makes
in a temporary folder (binary, wrongly encoded, 50 MB, devices, a named pipe, extends loops).
For each: a :class:`ScenarioError` naming that line, key and problem; every reported line in
both languages has the form ``file:line: key.path: problem; expected`` and no control
character; the work is bounded (CPU time and memory, with wide margins: these are bounds on
runaway work, not speed goals). Through the CLI, in a subprocess with a memory limit and a
timeout as a hang guard, a representative subset (and every device and pipe) exits 2 with no
traceback.
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from costmodel import scenario
from costmodel.errors import ScenarioError
from costmodel.text import messages

from .conftest import FIXTURES, ROOT
from .hostile_cases import GENERATED, SUBPROCESS_ONLY

HOSTILE = sorted((FIXTURES / "hostile").glob("*.yaml"))
EXPECT = re.compile(r"^# expect: (\d+) \| (.*) \| (.*)$")
IN_PROCESS = [n for n in GENERATED if n not in SUBPROCESS_ONLY]
CPU_SECONDS = 1.0  # per file; the slowest case takes about a third of it
MEMORY_BYTES = 64 * 1024**2  # Python allocations while loading one file
CLI_MEMORY_BYTES = 1024**3  # address space of the whole CLI process (it needs about 300 MB)


def _expectation(path: Path) -> tuple[int, str, str]:
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    m = EXPECT.match(first)
    assert m, f"{path.name}: the first line is not '# expect: LINE | key.path | fragment'"
    return int(m.group(1)), m.group(2), m.group(3)


def _check_lines(text: str, file: str) -> None:
    """Every line is ``file:line: [key.path: ]problem; expected`` (the file loaded or a base
    it extends), printable, bounded."""
    lines = text.splitlines()
    assert lines, "no problem reported"
    for line in lines:
        m = re.match(r"^(\S+?):(\d+): .+; .+$", line)
        assert m, line[:200]
        assert m.group(1) == file or Path(m.group(1)).exists(), line[:200]
        assert int(m.group(2)) >= 1
        assert line.isprintable(), f"control character in {line[:200]!r}"
        assert len(line) < 2000, "an echoed value was not cut"


def _load_checked(path: Path, line: int, key: str, fragment: str) -> ScenarioError:
    start = time.process_time()
    with pytest.raises(ScenarioError) as info:
        scenario.load(path)
    cpu = time.process_time() - start
    problems = info.value.problems
    hits = [
        p
        for p in problems
        if (not key or p.path == key)
        and (not line or p.line == line)
        and fragment in f"{p.message}; {p.expected}"
    ]
    assert hits, f"expected {line} | {key} | {fragment}\ngot:\n{info.value}"
    for lang in ("sv", "en"):
        _check_lines("\n".join(messages.render(p, lang) for p in problems), str(path))
    assert cpu < CPU_SECONDS, f"{cpu:.2f} s of CPU for {path.name}"
    return info.value


def test_the_corpus_has_sixty_failure_modes_each_named_once() -> None:
    names = [p.stem for p in HOSTILE] + list(GENERATED)
    assert len(names) >= 60
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("path", HOSTILE, ids=[p.stem for p in HOSTILE])
def test_committed_file_is_refused_clearly(path: Path) -> None:
    _load_checked(path, *_expectation(path))


@pytest.mark.parametrize("name", IN_PROCESS)
def test_generated_file_is_refused_clearly(name: str, tmp_path: Path) -> None:
    _load_checked(*GENERATED[name](tmp_path))


@pytest.mark.parametrize(
    "name",
    [
        "alias_bomb_values",
        "alias_bomb_long_text",
        "recursive_alias",
        "long_text_where_number_expected",
        "file_of_50_mb",
        "many_values",
        "many_problems",
        "deep_flow_nesting",
    ],
)
def test_memory_is_bounded(name: str, tmp_path: Path) -> None:
    if name in GENERATED:
        path, *_ = GENERATED[name](tmp_path)
    else:
        path = FIXTURES / "hostile" / f"{name}.yaml"
    tracemalloc.start()
    try:
        with pytest.raises(ScenarioError):
            scenario.load(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_BYTES, f"{peak / 1e6:.0f} MB for {name}"


def test_every_problem_of_the_corpus_has_swedish_wording(tmp_path: Path) -> None:
    found = []
    for path in HOSTILE:
        with pytest.raises(ScenarioError) as info:
            scenario.load(path)
        found += info.value.problems
    for name in IN_PROCESS:
        sub = tmp_path / name
        sub.mkdir()
        with pytest.raises(ScenarioError) as info:
            scenario.load(GENERATED[name](sub)[0])
        found += info.value.problems
    missing = {
        f"{p.message} || {p.expected}"
        for p in found
        if messages.translate_message(p.message) is None
        or messages.translate_expected(p.expected) is None
    }
    assert not missing, "\n".join(sorted(missing))


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (CLI_MEMORY_BYTES, CLI_MEMORY_BYTES))


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "costmodel.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=30,  # a hang guard: every case finishes in well under a second
        preexec_fn=_limit_memory,
        env={**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"},
    )


SUBPROCESS_COMMITTED = [
    "alias_bomb_long_text",
    "escape_sequence_in_key",
    "newline_in_key_forges_a_line",
    "bidi_override_in_text",
    "label_forges_a_line",
    "name_with_newline_and_tab",
    "extends_nul_byte",
    "extends_long_name",
    "gamma_absurd_spread",
    "lognormal_absurd_spread",
    "interval90_absurd_ratio",
    "syntax_unclosed_bracket",
    "too_many_digits",
]
SUBPROCESS_GENERATED = [
    *sorted(SUBPROCESS_ONLY),
    "file_of_50_mb",
    "many_problems",
    "binary_png",
    "utf16_with_bom",
    "nul_byte",
    "deep_flow_nesting",
    "extends_symlink_loop",
    "extends_chain_too_deep",
    "many_overrides",
    "name_of_450_000_characters",
]


def _cli_checked(path: Path, fragment: str, lang: str, command: str = "validate") -> None:
    proc = _cli(command, str(path), "--lang", lang)
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr
    assert proc.stdout == ""
    _check_lines(proc.stderr, str(path))
    if lang == "en":
        assert fragment in proc.stderr


@pytest.mark.parametrize("name", SUBPROCESS_COMMITTED)
def test_cli_refuses_committed_file(name: str) -> None:
    path = FIXTURES / "hostile" / f"{name}.yaml"
    _line, _key, fragment = _expectation(path)
    _cli_checked(path, fragment, "en")
    _cli_checked(path, fragment, "sv")


@pytest.mark.parametrize("name", SUBPROCESS_GENERATED)
def test_cli_refuses_generated_file(name: str, tmp_path: Path) -> None:
    path, _line, _key, fragment = GENERATED[name](tmp_path)
    _cli_checked(path, fragment, "en")


@pytest.mark.parametrize("command", ["run", "sensitivity", "describe"])
def test_an_absurd_spread_stops_every_command_at_its_line(command: str) -> None:
    path = FIXTURES / "hostile" / "lognormal_absurd_spread.yaml"
    proc = _cli(command, str(path), "--lang", "en")
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert re.match(
        rf"^{re.escape(str(path))}:\d+: parameters\.sig_cost\.kommun\.value\.sd: ", proc.stderr
    )


def test_a_forged_line_cannot_appear(tmp_path: Path) -> None:
    path = FIXTURES / "hostile" / "newline_in_key_forges_a_line.yaml"
    proc = _cli("validate", str(path), "--lang", "en")
    assert "\nforged.yaml" not in proc.stderr and "\x1b" not in proc.stderr
    assert all(line.startswith(str(path)) for line in proc.stderr.splitlines())


@pytest.mark.parametrize("form", ["crlf", "bom", "bom_crlf"])
def test_windows_line_ends_and_a_byte_order_mark_still_load(form: str, tmp_path: Path) -> None:
    """The limits refuse control characters, not a file saved by Notepad."""
    original = ROOT / "scenarios" / "vaxjo.yaml"
    text = original.read_text(encoding="utf-8")
    data = text.replace("\n", "\r\n").encode() if "crlf" in form else text.encode()
    path = tmp_path / "vaxjo.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + data if "bom" in form else data)
    a, b = scenario.load(path), scenario.load(original)
    assert a.data == b.data
    assert {n: p.line for n, p in a.parameters.items()} == {
        n: p.line for n, p in b.parameters.items()
    }


def test_the_pure_python_parser_refuses_the_corpus_alike(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Where PyYAML is built without libyaml, its own parser gets the same limits."""
    from costmodel.scenario import yamlload

    monkeypatch.setattr(yamlload, "_COMPOSER", yamlload._PureLoader)
    for path in HOSTILE:
        _load_checked(path, *_expectation(path))
    for name in ["deep_flow_nesting", "deep_block_nesting", "many_values", "file_of_50_mb"]:
        sub = tmp_path / name
        sub.mkdir()
        _load_checked(*GENERATED[name](sub))
