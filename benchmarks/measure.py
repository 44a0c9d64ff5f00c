"""How the benchmark measures: timings in this process, whole processes, and the machine.

- :func:`median_seconds` times a function ``repeat`` times and keeps the median (and all times);
- :func:`run_process` runs a command as a fresh process and returns its wall time;
- :func:`child` runs ``benchmarks/child.py`` (one measurement in a fresh process, so that
  memory measurements never pollute each other) and parses the JSON it prints;
- :func:`machine` describes this machine for the table's first line.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CHILD_TIMEOUT = 600


def median_seconds(fn: Callable[[], Any], repeat: int) -> float:
    """The median wall time of ``repeat`` calls of ``fn``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_process(cmd: list[str]) -> dict[str, Any]:
    """Run ``cmd`` as a fresh process: wall seconds, exit status and output."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, cwd=ROOT, timeout=CHILD_TIMEOUT)
    return {
        "seconds": time.perf_counter() - start,
        "returncode": proc.returncode,
        "stdout": proc.stdout.decode("utf-8", "replace"),
        "stderr": proc.stderr.decode("utf-8", "replace"),
    }


def median_process(cmd: list[str], repeat: int) -> dict[str, Any]:
    """:func:`run_process` ``repeat`` times: the median seconds."""
    runs = [run_process(cmd) for _ in range(repeat)]
    failed = [r for r in runs if r["returncode"] != 0]
    if failed:
        return {"error": f"exit {failed[0]['returncode']}: {failed[0]['stderr'].strip()[-400:]}"}
    return {"seconds": statistics.median(r["seconds"] for r in runs), "runs": repeat}


def child(*args: str) -> dict[str, Any]:
    """One measurement by ``benchmarks/child.py`` in a fresh process: the JSON it prints."""
    res = run_process([sys.executable, str(HERE / "child.py"), *args])
    if res["returncode"] != 0:
        return {"error": f"exit {res['returncode']}: {res['stderr'].strip()[-400:]}"}
    out: dict[str, Any] = json.loads(res["stdout"])
    return out


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gb() -> float | None:
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError):
        return None
    return pages / 1024**3


def _git_commit() -> str:
    try:
        rev = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        return "unknown"
    return f"{rev}{' (uncommitted changes)' if dirty else ''}" if rev else "unknown"


def machine() -> dict[str, Any]:
    """This machine, Python, numpy and the costmodel commit the figures belong to."""
    from costmodel import __version__

    mem = _memory_gb()
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "memory_gb": round(mem, 1) if mem else None,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "costmodel": __version__,
        "commit": _git_commit(),
    }


def machine_line(m: dict[str, Any]) -> str:
    return (
        f"machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB, {m['platform']}; "
        f"Python {m['python']}, numpy {m['numpy']}; costmodel {m['costmodel']} at {m['commit']}"
    )
