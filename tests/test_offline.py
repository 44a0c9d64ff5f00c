"""Offline: the CLI and the dashboard work with the network cut off.

pytest-socket replaces ``socket.socket`` so that creating an internet socket raises (Unix
sockets stay allowed: asyncio's self-pipe uses one). With that guard on, the CLI runs
``run`` and ``sensitivity`` in this process and in a fresh one, and the dashboard renders every
tab under Streamlit's AppTest. A first test shows the guard is real: it refuses a connection.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
import pytest_socket
from streamlit.testing.v1 import AppTest

from costmodel.cli import main

from .conftest import ROOT

VAXJO = str(ROOT / "scenarios" / "vaxjo.yaml")
MALL = str(ROOT / "scenarios" / "mall.yaml")


@pytest.fixture
def offline() -> Iterator[None]:
    pytest_socket.disable_socket(allow_unix_socket=True)
    try:
        yield
    finally:
        pytest_socket.enable_socket()


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_the_guard_blocks_the_network(offline: None) -> None:
    with pytest.raises(pytest_socket.SocketBlockedError):
        socket.create_connection(("192.0.2.1", 80), timeout=1)  # TEST-NET-1, never routed
    with pytest.raises(pytest_socket.SocketBlockedError):
        socket.getaddrinfo("example.org", 443)


def test_cli_runs_offline(offline: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", VAXJO, "--format", "json", "-n", "2000"]) == 0
    run = json.loads(capsys.readouterr().out)
    assert run["iterations"] == 2000 and run["net_benefit"]["mean"] is not None
    assert main(["sensitivity", MALL, "--format", "json", "-n", "400"]) == 0
    sens = json.loads(capsys.readouterr().out)
    assert sens["tornado"] and sens["stamp"]["iterations"] == 400


def test_cli_runs_offline_in_a_fresh_process(tmp_path: Path) -> None:
    """The console command itself, in a new interpreter with the guard set before any import."""
    guard = (
        "import sys, pytest_socket; pytest_socket.disable_socket(allow_unix_socket=True); "
        "from costmodel.cli import main; raise SystemExit(main(sys.argv[1:]))"
    )
    out = tmp_path / "out"
    for args in (
        ["run", VAXJO, "-n", "1000", "--out", str(out)],
        ["sensitivity", VAXJO, "-n", "300"],
    ):
        proc = subprocess.run(
            [sys.executable, "-c", guard, *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=300,
        )
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert "SocketBlockedError" not in proc.stderr
    assert len(list(out.iterdir())) == 3


def test_dashboard_renders_every_tab_offline(offline: None) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert [t.label for t in at.tabs] == ["Översikt", "Anpassa", "Jämför", "Känslighet"]
    assert all(len(t.children) > 0 for t in at.tabs[:3])
    assert at.tabs[0].metric, "no key figures on the overview"
    at.session_state["page"] = "Känslighet"  # computed only while its tab is open
    at.run()
    assert not at.exception and not at.error
    assert len(at.tabs[3].get("plotly_chart")) == 3


def test_streamlit_sends_no_usage_statistics() -> None:
    with (ROOT / ".streamlit" / "config.toml").open("rb") as f:
        config = tomllib.load(f)
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["address"] == "localhost"
