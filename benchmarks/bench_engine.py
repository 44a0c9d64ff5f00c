"""``make bench``: costmodel's speed and memory against the sampling floor, a hand-written numpy
version, squigglepy and monaco, in one run on one machine (issue 9, item 3).

Not a test: it prints a table of this machine's figures and the issue's targets, met or
missed (:mod:`report`), and with ``--json PATH`` writes the figures. What it measures:

1. the engine in-process as ``costmodel run`` uses it (``run_compact``, in pieces, kept or
   streamed by size, and ``Results.summary()``, timed apart) at 10 000,
   100 000 and 1 000 000 iterations, median of ``--repeat`` (5) runs, on the benchmark model
   (``benchmark.yaml``) and every shipped scenario, beside the sampling floor: the same
   variates drawn with one numpy generator and nothing else;
2. peak memory at 1M and 10M (10M once), each in a fresh process (:mod:`child`);
3. on the benchmark model at 1M: the floor, the hand-written vectorised numpy version
   (:mod:`sig_model`), squigglepy and monaco (:mod:`libraries`, the ``bench`` extra), checked to
   compute the same model: central cases to the krona, costmodel's method on the numpy draws per
   iteration, and means within Monte Carlo error;
4. the whole ``costmodel run`` process at 1M against a process that imports numpy and draws the
   same variates (``python benchmarks/sig_model.py``);
5. the dashboard's recompute after a parameter change; the sensitivity analysis when it exists.

``--quick`` runs each timing once, skips 10M and runs monaco on fewer iterations (a smoke run).
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from functools import partial
from pathlib import Path
from typing import Any

import libraries
import measure
import numpy as np
import report
import sig_model

from costmodel import engine, scenario
from costmodel.engine.chunks import run_compact
from costmodel.scenario import Scenario

BENCHMARK = measure.HERE / "benchmark.yaml"
SIZES = (10_000, 100_000, 1_000_000)
BIG = 10_000_000
ONE_M = 1_000_000
SEED = 1
CHECK_ITERATIONS = 100_000
SENSITIVITY_ITERATIONS = 20_000  # the decision-analysis issue's target: <= 2 s at 20 000


def sensitivity_seconds(repeat: int) -> dict[str, Any]:
    """Every decision analysis (views.sensitivity.analyse: run, tornado, switching values,
    break-even, two-way grid, importance, EVPI/EVPPI) on the template at 20 000 iterations."""
    from costmodel.views.sensitivity import analyse

    s = scenario.load(measure.ROOT / "scenarios" / "mall.yaml")

    def once() -> None:
        analyse(engine.run(s, iterations=SENSITIVITY_ITERATIONS, seed=SEED), s)

    return {
        "seconds": measure.median_seconds(once, repeat),
        "reason": f"mall.yaml, {SENSITIVITY_ITERATIONS:,} iterations, run included",
    }


def scenario_files() -> list[Path]:
    return [BENCHMARK, *sorted((measure.ROOT / "scenarios").glob("*.yaml"))]


def benchmark_floor(n: int) -> None:
    """The floor of the benchmark model: its variates drawn with one numpy generator."""
    sig_model.draw(np.random.default_rng(SEED), n)


def floor_draw(s: Scenario, n: int) -> None:
    """The floor of a shipped scenario: each parameter's distribution drawn ``n`` times from one
    numpy generator (one numpy call each; no per-parameter streams, units or correlations)."""
    rng = np.random.default_rng(SEED)
    for p in s.parameters.values():
        p.dist.sample(rng, n)


def engine_timings(s: Scenario, n: int, repeat: int) -> dict[str, Any]:
    """Median seconds of a run as ``costmodel run`` makes it (``run_compact``), of summary()
    and of both, over ``repeat`` runs."""
    runs, summaries, totals = [], [], []
    summary: dict[str, Any] = {}
    for _ in range(repeat):
        start = time.perf_counter()
        results = run_compact(s, iterations=n, seed=SEED)
        ran = time.perf_counter()
        summary = results.summary()
        done = time.perf_counter()
        runs.append(ran - start)
        summaries.append(done - ran)
        totals.append(done - start)
        del results
        gc.collect()
    return {
        "run_seconds": float(np.median(runs)),
        "summary_seconds": float(np.median(summaries)),
        "seconds": float(np.median(totals)),
        "summary": summary,
    }


def measure_scenario(path: Path, sizes: tuple[int, ...], repeat: int, big: bool) -> dict[str, Any]:
    s = scenario.load(path)
    is_benchmark = path == BENCHMARK
    by_n: dict[str, Any] = {}
    for n in sizes:
        floor_fn = partial(benchmark_floor, n) if is_benchmark else partial(floor_draw, s, n)
        floor = measure.median_seconds(floor_fn, repeat)
        # costmodel's own drawing (part of engine.run): for the breakdown, median of at most 3
        draw = measure.median_seconds(partial(engine.draw, s, SEED, n), min(repeat, 3))
        eng = engine_timings(s, n, repeat)
        by_n[str(n)] = {
            "floor_seconds": floor,
            "draw_seconds": draw,
            "run_seconds": eng["run_seconds"],
            "summary_seconds": eng["summary_seconds"],
            "seconds": eng["seconds"],
            "over_floor": eng["seconds"] / floor,
            "us_per_iteration": eng["seconds"] / n * 1e6,
            "net_benefit": eng["summary"]["net_benefit"],
            "monte_carlo_standard_error": eng["summary"]["monte_carlo_standard_error"],
        }
    memory = {str(ONE_M): measure.child("engine", str(path), str(ONE_M), str(SEED))}
    if big:
        memory[str(BIG)] = measure.child("engine", str(path), str(BIG), str(SEED))
    return {
        "file": str(path.relative_to(measure.ROOT)),
        "parameters": len(s.parameters),
        "by_n": by_n,
        "memory": memory,
    }


def per_iteration_check(s: Scenario, n: int) -> dict[str, Any]:
    """costmodel's method on the numpy draws against the hand-written version, per iteration."""
    draws = sig_model.draw(np.random.default_rng(SEED + 1), n)
    values = engine.draw(s, SEED, n)  # the fixed inputs (youths, attribution, decay) from here
    for name, scenario_name in sig_model.SCENARIO_NAMES.items():
        values[scenario_name] = draws[name]
    net = engine.evaluate(s, values).net()
    diff = np.abs(net - sig_model.net_benefit(draws))
    return {"iterations": n, "max_abs_difference": float(diff.max())}


def benchmark_model(
    at_1m: dict[str, Any], repeat: int, monaco_n: int, run_libraries: bool
) -> dict[str, Any]:
    """Section 3: the benchmark model at 1M in every version, and the checks that they agree."""
    s = scenario.load(BENCHMARK)
    hand = sig_model.handwritten(ONE_M, SEED)
    handwritten_s = measure.median_seconds(lambda: sig_model.handwritten(ONE_M, SEED), repeat)
    central_engine = engine.run(s, deterministic=True).summary()["net_benefit"]["mean"]
    central_numpy = float(sig_model.net_benefit(sig_model.central()))
    engine_mean = at_1m["net_benefit"]["mean"]
    engine_se = at_1m["monte_carlo_standard_error"]
    libs: dict[str, Any] = {}
    if run_libraries:
        libs = libraries.compare(
            engine_mean,
            engine_se,
            central_engine,
            ONE_M,
            SEED,
            repeat=3,
            monaco_iterations=monaco_n,
        )
    return {
        "iterations": ONE_M,
        "floor_seconds": at_1m["floor_seconds"],
        "engine_seconds": at_1m["seconds"],
        "engine_mean": engine_mean,
        "engine_sd": at_1m["net_benefit"]["sd"],
        "engine_se": engine_se,
        "handwritten_seconds": handwritten_s,
        "handwritten": hand,
        "central_engine": central_engine,
        "central_numpy": central_numpy,
        "central_difference": abs(central_engine - central_numpy),
        "per_iteration_check": per_iteration_check(s, CHECK_ITERATIONS),
        "libraries": libs,
    }


def processes(repeat: int) -> dict[str, Any]:
    """Section 4: the whole CLI process at 1M and a numpy process drawing the same variates."""
    costmodel_bin = Path(sys.executable).with_name("costmodel")
    rel = str(BENCHMARK.relative_to(measure.ROOT))
    cli = [str(costmodel_bin), "run", rel, "--iterations", str(ONE_M), "--seed", str(SEED)]
    numpy_cmd = [sys.executable, str(measure.HERE / "sig_model.py"), str(ONE_M)]
    return {
        "cli_command": f"costmodel run {rel} --iterations 1000000 --seed {SEED}",
        "numpy_command": "python benchmarks/sig_model.py 1000000 (imports numpy, draws)",
        "cli": measure.median_process(cli, repeat),
        "numpy": measure.median_process(numpy_cmd, repeat),
    }


def ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None or b == 0 else a / b


def figures(data: dict[str, Any]) -> dict[str, Any]:
    """The flat figures the issue asks for (None where not measured or refused)."""
    bm = data["benchmark_model"]
    engine_s = bm["engine_seconds"]
    libs = bm["libraries"]
    at_1m = data["scenarios"]["benchmark"]["by_n"][str(ONE_M)]
    mem = data["scenarios"]["benchmark"]["memory"]
    big = mem.get(str(BIG), {})
    cli, numpy_proc = data["processes"]["cli"], data["processes"]["numpy"]
    peaks_1m = [
        m["peak_rss_mb"]
        for sc in data["scenarios"].values()
        if "peak_rss_mb" in (m := sc["memory"][str(ONE_M)])
    ]
    # time per iteration at 1M ÷ at 100k (in-process medians), and at 10M ÷ at 1M (one fresh
    # process each, section 2); 1 is linear
    linearity: dict[str, dict[str, float | None]] = {}
    for name, sc in data["scenarios"].items():
        per = {n: f["us_per_iteration"] for n, f in sc["by_n"].items()}
        cold = {n: m["seconds"] / int(n) for n, m in sc["memory"].items() if "seconds" in m}
        linearity[name] = {
            "1m_over_100k": ratio(per.get(str(ONE_M)), per.get("100000")),
            "10m_over_1m": ratio(cold.get(str(BIG)), cold.get(str(ONE_M))),
        }
    return {
        "engine_over_floor_1m": ratio(engine_s, bm["floor_seconds"]),
        "engine_over_handwritten_1m": ratio(engine_s, bm["handwritten_seconds"]),
        "engine_seconds_1m": engine_s,
        "engine_run_seconds_1m": at_1m["run_seconds"],
        "engine_summary_seconds_1m": at_1m["summary_seconds"],
        "floor_seconds_1m": bm["floor_seconds"],
        "handwritten_seconds_1m": bm["handwritten_seconds"],
        "cli_seconds_1m": cli.get("seconds"),
        "numpy_process_seconds_1m": numpy_proc.get("seconds"),
        "cli_over_numpy_process_1m": ratio(cli.get("seconds"), numpy_proc.get("seconds")),
        "squigglepy_over_engine_1m": ratio(
            libs.get("squigglepy", {}).get("seconds_at_n"), engine_s
        ),
        "squigglepy_once_over_engine_1m": ratio(
            libs.get("squigglepy_once", {}).get("seconds_at_n"), engine_s
        ),
        "monaco_over_engine_1m": ratio(libs.get("monaco", {}).get("seconds_at_n"), engine_s),
        "peak_memory_mb_1m": mem[str(ONE_M)].get("peak_rss_mb"),
        "peak_memory_mb_1m_max_scenarios": max(peaks_1m, default=None),
        "seconds_10m": big.get("seconds"),
        "peak_memory_mb_10m": big.get("peak_rss_mb"),
        "refused_10m": big.get("refused"),
        "recompute_seconds": data["recompute"].get("seconds"),
        "sensitivity_seconds": data["sensitivity"]["seconds"],
        "linearity": linearity,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", metavar="PATH", help="also write the figures as JSON to PATH")
    ap.add_argument("--repeat", type=int, default=5, help="runs per timing (median; default 5)")
    ap.add_argument("--quick", action="store_true", help="one run each, no 10M, small monaco")
    ap.add_argument("--no-libraries", action="store_true", help="skip squigglepy and monaco")
    args = ap.parse_args(argv)
    repeat = 1 if args.quick else max(1, args.repeat)
    started = time.perf_counter()
    data: dict[str, Any] = {"machine": measure.machine(), "repeat": repeat}
    print(measure.machine_line(data["machine"]), flush=True)

    scenarios = {}
    for path in scenario_files():
        print(f"  measuring {path.name} ...", file=sys.stderr, flush=True)
        scenarios[path.stem] = measure_scenario(path, SIZES, repeat, big=not args.quick)
    data["scenarios"] = scenarios
    print("\n" + report.engine_section(scenarios, repeat), flush=True)
    print("\n" + report.memory_section(scenarios), flush=True)

    print("  the benchmark model in numpy, squigglepy, monaco ...", file=sys.stderr, flush=True)
    at_1m = scenarios["benchmark"]["by_n"][str(ONE_M)]
    monaco_n = 2_000 if args.quick else libraries.MONACO_ITERATIONS
    data["benchmark_model"] = benchmark_model(at_1m, repeat, monaco_n, not args.no_libraries)
    print("\n" + report.model_section(data["benchmark_model"]), flush=True)

    print("  whole processes ...", file=sys.stderr, flush=True)
    data["processes"] = processes(min(repeat, 3))
    print("\n" + report.process_section(data["processes"]), flush=True)

    data["recompute"] = measure.child("recompute", str(repeat))
    data["sensitivity"] = sensitivity_seconds(repeat)
    print("\n" + report.other_section(data), flush=True)

    data["figures"] = figures(data)
    data["targets"] = report.targets(data)
    print("\n" + report.targets_section(data["targets"]))
    data["bench_seconds"] = time.perf_counter() - started
    print(f"\n(make bench took {data['bench_seconds']:.0f} s)")
    if args.json:
        out = {
            **data["figures"],
            "machine": data["machine"],
            "targets": data["targets"],
            "details": data,
        }
        Path(args.json).write_text(json.dumps(out, indent=2, ensure_ascii=False, default=str))
        print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
