"""``make app``'s server (``python -m costmodel.app.serve app.py``, issue 11 point 9): the
dashboard is imported and its first page's work done before Streamlit listens, Streamlit gets
the script and every option unchanged, and a default scenario that is missing or broken never
stops the server (the page reports it). That the served dashboard works is the browser test's
(its server fixture starts it the same way)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.web import cli

from costmodel.app import overview, serve, state

ROOT = Path(__file__).resolve().parents[1]


def test_streamlit_runs_the_script_with_the_options_given(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[list[str]] = []
    monkeypatch.setattr(cli, "main", lambda: seen.append(list(sys.argv)))
    monkeypatch.setattr(sys, "argv", ["serve"])
    serve.main(["app.py", "--server.port", "8765", "--server.headless", "true"])
    assert seen == [
        ["streamlit", "run", "app.py", "--server.port", "8765", "--server.headless", "true"]
    ]


@pytest.mark.parametrize("argv", [[], ["--server.port", "8765"]])
def test_without_a_script_it_says_how_to_call_it(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "main", lambda: pytest.fail("streamlit must not start"))
    with pytest.raises(SystemExit) as exc:
        serve.main(argv)
    assert exc.value.code == 2
    assert "usage: python -m costmodel.app.serve app.py" in capsys.readouterr().err


def test_the_default_scenario_is_run_and_its_figures_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ran: list[str] = []
    built: list[tuple[str, str]] = []
    real_view, real_figure = state.compute_view, overview.build_figure
    monkeypatch.setattr(
        state, "compute_view", lambda s, n, seed: ran.append(s.file) or real_view(s, n, seed)
    )

    def figure(run, chart, persp, lang, view):  # type: ignore[no-untyped-def]
        built.append((chart, persp))
        return real_figure(run, chart, persp, lang, view)

    monkeypatch.setattr(overview, "build_figure", figure)
    serve.warm()
    assert [Path(f).name for f in ran] == [state.DEFAULT_FILE]
    assert sorted(built) == sorted(
        (chart, persp) for chart in ("histogram", "fan", "payers") for persp in state.VIEWS
    )


@pytest.mark.parametrize("content", [None, "scenario: [unclosed\n", "scenario: {}\n"])
def test_a_missing_or_broken_default_scenario_does_not_stop_the_server(
    content: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if content is not None:
        (tmp_path / state.DEFAULT_FILE).write_text(content, encoding="utf-8")
    monkeypatch.setattr(state, "SCENARIO_DIR", tmp_path)
    started: list[bool] = []
    monkeypatch.setattr(cli, "main", lambda: started.append(True))
    serve.main(["app.py"])
    assert started == [True]


def test_a_fault_while_warming_does_not_stop_the_server(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("a fault in the first page's work")

    monkeypatch.setattr(overview, "build_figure", broken)
    started: list[bool] = []
    monkeypatch.setattr(cli, "main", lambda: started.append(True))
    serve.main(["app.py"])
    assert started == [True]


def test_importing_the_dashboard_prints_no_warning() -> None:
    """Streamlit's caches warn when decorated outside its runtime; the server's log (what a
    user of ``make app`` reads) must not start with seven lines of that."""
    code = "from costmodel.app import serve; serve.warm()"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr + done.stdout


def test_ctrl_c_while_warming_stops_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C in the second the dashboard is warmed (before Streamlit handles it) printed a
    Python traceback of an import."""

    def interrupted() -> float:
        raise KeyboardInterrupt

    monkeypatch.setattr(serve, "warm", interrupted)
    monkeypatch.setattr(cli, "main", lambda: pytest.fail("streamlit must not start"))
    with pytest.raises(SystemExit) as exc:
        serve.main(["app.py"])
    assert exc.value.code == 130
    assert exc.value.__suppress_context__  # no 'During handling of ...' traceback either
    assert capsys.readouterr().err == "costmodel: avbrutet innan servern startade\n"
