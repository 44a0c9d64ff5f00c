"""Reproducible: the same scenario and seed give identical output in separate processes, and
every output names what made it (scenario hash, seed, iterations, version).

Each command runs twice, in two fresh processes with different hash seeds (so nothing may
depend on the order of a set or the id of an object), and the two outputs must be the same to
the byte.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from costmodel import __version__, scenario

from .conftest import ROOT

SCENARIOS = ROOT / "scenarios"


def _cli(*args: str, hash_seed: str = "0") -> str:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    proc = subprocess.run(
        [sys.executable, "-m", "costmodel.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


COMMANDS = {
    "run-vaxjo": ["run", "scenarios/vaxjo.yaml", "--format", "json", "-n", "3000", "--seed", "11"],
    "run-sodertalje": ["run", "scenarios/sodertalje.yaml", "--format", "json", "-n", "3000"],
    "run-mall-langsiktig": [
        "run",
        "scenarios/mall-langsiktig.yaml",
        "--format",
        "csv",
        "-n",
        "2000",
        "--seed",
        "3",
    ],
    "sensitivity-skarholmen": [
        "sensitivity",
        "scenarios/skarholmen.yaml",
        "--format",
        "json",
        "-n",
        "600",
    ],
    "compare": [
        "compare",
        "scenarios/skarholmen.yaml",
        "scenarios/skarholmen-diskonterad.yaml",
        "--format",
        "json",
        "-n",
        "2000",
    ],
}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_same_seed_same_output_in_separate_processes(name: str) -> None:
    first = _cli(*COMMANDS[name], hash_seed="1")
    second = _cli(*COMMANDS[name], hash_seed="2")
    assert first == second
    assert len(first) > 500


def test_another_seed_gives_other_numbers() -> None:
    a = json.loads(_cli(*COMMANDS["run-vaxjo"]))
    b = json.loads(_cli(*COMMANDS["run-vaxjo"][:-1], "12"))
    assert a["net_benefit"]["mean"] != b["net_benefit"]["mean"]
    assert (a["seed"], b["seed"]) == (11, 12)


def _has_stamp(text: str, sha: str, seed: int, n: int) -> None:
    plain = re.sub(r"(?<=\d)[\s\u00a0\u202f](?=\d)", "", text)  # "1 500" -> "1500"
    assert sha[:12] in plain, "the scenario hash is missing"
    assert re.search(rf"(?i)(slumpfrö|seed)[^0-9]{{0,6}}{seed}\b", plain), "the seed is missing"
    assert re.search(
        rf"(?i)(iteration\w*|simulering\w*)[^0-9]{{0,6}}{n}\b|\b{n} (simuleringar|simulations)",
        plain,
    ), "the number of iterations is missing"
    assert __version__ in plain, "the version is missing"


def test_every_output_carries_the_stamp(tmp_path: Path) -> None:
    path = "scenarios/vaxjo.yaml"
    sha = scenario.load(ROOT / path).sha256
    run = ["run", path, "-n", "1500", "--seed", "5"]
    for fmt in ("table", "json", "csv"):
        _has_stamp(_cli(*run, "--format", fmt), sha, 5, 1500)
    out = tmp_path / "out"
    _cli(*run, "--out", str(out), "--samples")
    files = sorted(out.iterdir())
    assert len(files) == 4
    for f in files:
        assert sha[:12] in f.name and "seed5" in f.name and "n1500" in f.name
        if not f.name.endswith("-samples.csv"):
            _has_stamp(f.read_text(encoding="utf-8"), sha, 5, 1500)
    sens = ["sensitivity", path, "-n", "400", "--seed", "5"]
    _has_stamp(_cli(*sens), sha, 5, 400)
    stamp = json.loads(_cli(*sens, "--format", "json"))["stamp"]
    assert (stamp["sha256"], stamp["seed"], stamp["iterations"]) == (sha, 5, 400)
    assert stamp["version"] == __version__
    cmp = ["compare", path, "scenarios/mall.yaml", "-n", "400", "--seed", "5"]
    _has_stamp(_cli(*cmp), sha, 5, 400)
    result = json.loads(_cli(*cmp, "--format", "json"))
    assert result["version"] == __version__ and result["seed"] == 5
    assert result["iterations"] == 400 and result["scenarios"][0]["sha256"] == sha
