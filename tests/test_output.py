"""Long runs say so on a terminal, and an interrupted run leaves no half-written file (issue 12,
point 5). The Ctrl-C tests run the CLI on a pseudo-terminal and interrupt it once its own
progress line shows that the work has begun (no fixed sleep that a slow machine could beat)."""

from __future__ import annotations

import io
import os
import pty
import re
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from costmodel import scenario
from costmodel.cli import main
from costmodel.engine.chunks import run_compact
from costmodel.views import output
from costmodel.views.output import Progress, write_all

from .conftest import ROOT

VAXJO = str(ROOT / "scenarios" / "vaxjo.yaml")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_shown_on_a_terminal_for_big_runs_only() -> None:
    term, pipe = _Terminal(), io.StringIO()
    Progress(2_000_000, "sv", term)(500_000, 2_000_000)
    Progress(2_000_000, "sv", pipe)(500_000, 2_000_000)  # a file or a pipe: nothing
    small = _Terminal()
    Progress(10_000, "sv", small)(10_000, 10_000)  # done in a moment: nothing
    # Swedish number format: non-breaking spaces between thousands and before the per cent sign
    shown = term.getvalue().replace("\xa0", " ")
    assert shown == "\rKör 500 000 av 2 000 000 simuleringar (25 %)"
    assert pipe.getvalue() == small.getvalue() == ""


def test_a_run_in_pieces_reports_each_piece() -> None:
    seen: list[tuple[int, int]] = []
    s = scenario.load(VAXJO)
    run_compact(s, 70_000, seed=1, chunk=65_536, progress=lambda d, n: seen.append((d, n)))
    assert seen == [(65_536, 70_000), (70_000, 70_000)]


def test_files_are_written_whole_or_not_at_all(tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "missing-dir" / "b.csv"
    with pytest.raises(OSError):
        write_all({first: "{}", second: "x"})
    assert list(tmp_path.iterdir()) == []  # neither file, nor a temporary one


def test_ctrl_c_while_writing_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calls = {"n": 0}
    real = Path.write_text

    def interrupted(self: Path, *args: object, **kwargs: object) -> int:
        calls["n"] += 1
        if calls["n"] == 2:  # Ctrl-C after the first file
            raise KeyboardInterrupt
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(output.Path, "write_text", interrupted)
    out = tmp_path / "out"
    assert main(["run", VAXJO, "-n", "200", "--out", str(out)]) == 130
    assert "avbrutet" in capsys.readouterr().err
    assert list(out.iterdir()) == []


def _interrupted_on_a_terminal(argv: list[str]) -> tuple[int, str]:
    """Run the CLI with standard error on a pseudo-terminal (so it shows its progress), send
    Ctrl-C once its first progress line has appeared (the work has begun, inside ``main``'s
    handler), and return the exit status and everything it wrote to the terminal."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "costmodel.cli", *argv],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=slave,
        env={**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"},
    )
    os.close(slave)
    seen = b""
    try:
        while "Kör".encode() not in seen:
            ready, _, _ = select.select([master], [], [], 120)  # a hang guard, not a timing
            assert ready, f"no progress line: {seen!r}"
            seen += os.read(master, 4096)
        proc.send_signal(signal.SIGINT)
        while True:
            ready, _, _ = select.select([master], [], [], 120)
            assert ready, f"no end after Ctrl-C: {seen!r}"
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the terminal's other end closed: the process has ended
                break
            if not chunk:
                break
            seen += chunk
        return proc.wait(timeout=120), seen.decode("utf-8", "replace")
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)


def test_ctrl_c_during_a_long_run_stops_it_cleanly(tmp_path: Path) -> None:
    out = tmp_path / "out"
    argv = ["run", str(ROOT / "scenarios" / "mall.yaml"), "-n", "5000000", "--out", str(out)]
    status, shown = _interrupted_on_a_terminal(argv)
    assert status == 130, shown
    assert re.search(r"Kör [\d ]+ av 5 000 000 simuleringar", shown.replace("\xa0", " "))
    assert "avbrutet; ingen halvskriven fil lämnades kvar" in shown
    assert "Traceback" not in shown
    assert not out.exists() or list(out.iterdir()) == []


@pytest.mark.parametrize("command", ["sensitivity", "compare"])
def test_sensitivity_and_compare_say_they_work_and_stop_on_ctrl_c(command: str) -> None:
    files = [VAXJO] if command == "sensitivity" else [VAXJO, VAXJO]
    status, shown = _interrupted_on_a_terminal([command, *files, "-n", "2000000"])
    assert status == 130, shown
    lines = [line.strip() for line in shown.replace("\xa0", " ").splitlines() if line.strip()]
    each = " för vart och ett av 2 scenarier" if command == "compare" else ""
    assert lines[0] == f"Kör 2 000 000 simuleringar{each} … (Ctrl-C avbryter)"
    assert lines[-1] == "costmodel: avbrutet; ingen halvskriven fil lämnades kvar"
    assert "Traceback" not in shown


def test_the_announcement_is_for_big_runs_on_a_terminal_only() -> None:
    term, pipe, small = _Terminal(), io.StringIO(), _Terminal()
    output.announce(10_000_000, "en", stream=term)
    output.announce(10_000_000, "sv", stream=pipe)
    output.announce(10_000, "sv", stream=small)
    assert term.getvalue() == "Running 10,000,000 iterations … (Ctrl-C stops)\n"
    assert pipe.getvalue() == small.getvalue() == ""
