"""Long runs say so on a terminal, and an interrupted run leaves no half-written file (issue 12,
point 5)."""

from __future__ import annotations

import io
import signal
import subprocess
import sys
import time
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


def test_ctrl_c_during_a_long_run_stops_it_cleanly(tmp_path: Path) -> None:
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "costmodel.cli", "run", str(ROOT / "scenarios" / "mall.yaml")]
    proc = subprocess.Popen(
        [*cmd, "-n", "5000000", "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(2.0)  # well inside a run of several tens of seconds
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "avbrutet" in err and "Traceback" not in err
    assert not out.exists() or list(out.iterdir()) == []
