"""One measurement in a fresh process, printed as JSON (run by :func:`measure.child`).

``python benchmarks/child.py engine FILE N SEED``
    Load the scenario, then run it in pieces as ``costmodel run`` does (``run_compact``) and
    take ``results.summary()``: seconds of each and the process's peak resident memory after
    loading (the interpreter, the libraries, the scenario) and at the end.
    A run the engine refuses (``engine.TooLarge``) gives ``refused`` and the message.

``python benchmarks/child.py recompute REPEAT``
    What the dashboard does after a parameter change in Anpassa, outside Streamlit: the edit
    checked against the scenario (``state._check_change``), the tuned scenario
    (``state._tuned``), its cache key (``Entry.yaml_text``) and the run the pages draw from
    (``state.compute_view``) at the dashboard's default iterations on the default scenario.
    The Streamlit-cached wrappers would return a stored result; their undecorated functions
    are what a cache miss runs. Median of REPEAT, each with a fresh change.
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any


def rss_mb() -> float:
    """Peak resident memory of this process so far, in MB.

    Linux's ``VmHWM`` (the high-water mark of this program's memory since it started), not
    ``ru_maxrss``: a child started by a large parent inherits the parent's peak in
    ``ru_maxrss`` (it is carried across ``exec``), which would make every measurement at least
    as large as the benchmark's own process.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def engine_case(path: str, n: int, seed: int) -> dict[str, Any]:
    from costmodel import engine, scenario
    from costmodel.engine.chunks import run_compact

    s = scenario.load(path)
    baseline = rss_mb()
    start = time.perf_counter()
    try:  # as `costmodel run` does: in pieces, kept for the summary
        results = run_compact(s, iterations=n, seed=seed)
    except engine.TooLarge as exc:
        return {"refused": str(exc), "max_iterations": engine.max_iterations(s)}
    ran = time.perf_counter()
    results.summary()
    done = time.perf_counter()
    return {
        "iterations": n,
        "run_seconds": ran - start,
        "summary_seconds": done - ran,
        "seconds": done - start,
        "baseline_rss_mb": baseline,
        "peak_rss_mb": rss_mb(),
    }


def _changed_spec(value: Any) -> Any:
    """A money parameter's value 5 % higher (a number or every bound of a distribution)."""
    if isinstance(value, dict):
        return {k: v * 1.05 if isinstance(v, int | float) else v for k, v in value.items()}
    return value * 1.05


def recompute(repeat: int) -> dict[str, Any]:
    from costmodel import scenario
    from costmodel.app import state

    s = scenario.load(state.SCENARIO_DIR / state.DEFAULT_FILE)
    entry = state.Entry(f"file:{state.DEFAULT_FILE}", "shipped", s, state.DEFAULT_FILE)
    money = [p for p in s.parameters.values() if p.unit.is_money]
    name = money[0].name
    n = state.effective_iterations(s, 0)
    times, view_times = [], []
    for i in range(repeat):
        spec = _changed_spec(money[0].dist.to_spec())
        spec = _changed_spec(spec) if i % 2 else spec  # a new change each time
        start = time.perf_counter()
        problems = state._check_change(entry.yaml_text, name, json.dumps(spec), s)
        if problems:
            return {"error": f"the change to {name} was refused: {problems[0]}"}
        tuned = state._tuned(entry.yaml_text, json.dumps({name: spec}), "bench", s)
        tuned_entry = state.Entry(f"tuned:{entry.id}", "variant", tuned, entry.source)
        _ = tuned_entry.yaml_text
        view_start = time.perf_counter()
        state.compute_view(tuned, n, tuned.meta.seed)
        done = time.perf_counter()
        times.append(done - start)
        view_times.append(done - view_start)
    return {
        "scenario": state.DEFAULT_FILE,
        "parameter": name,
        "iterations": n,
        "runs": repeat,
        "seconds": statistics.median(times),
        "compute_view_seconds": statistics.median(view_times),
    }


def main(argv: list[str]) -> None:
    if argv[0] == "engine":
        out = engine_case(argv[1], int(argv[2]), int(argv[3]))
    elif argv[0] == "recompute":
        out = recompute(int(argv[1]))
    else:
        raise SystemExit(f"unknown measurement {argv[0]!r}")
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1:])
