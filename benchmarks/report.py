"""The benchmark's printed table and its targets (issue 9, item 3).

Each ``*_section`` function formats one part of the figures :mod:`bench_engine` gathered;
:func:`targets` compares the headline figures with the issue's targets. The targets are for
this report, not timed tests: a missed one is printed as missed, never an error.
"""

from __future__ import annotations

from typing import Any

MB = "MB"


def secs(x: float | None) -> str:
    if x is None:
        return "-"
    return f"{x:.3f}" if x < 100 else f"{x:.0f}"


def times(x: float | None) -> str:
    if x is None:
        return "-"
    return (
        f"{x:.3f}×"
        if x < 0.1
        else f"{x:.2f}×"
        if x < 10
        else f"{x:.1f}×"
        if x < 1000
        else f"{x:.0f}×"
    )


def kr(x: float | None) -> str:
    return "-" if x is None else f"{x:,.0f}".replace(",", " ")


def mb(x: float | None) -> str:
    return "-" if x is None else f"{x:.0f}"


def table(headers: list[str], rows: list[list[str]], left: int = 1) -> str:
    """Plain text columns: the first ``left`` columns left-aligned, the rest right-aligned."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return "  ".join(
            c.ljust(w) if i < left else c.rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *map(line, rows)])


def engine_section(scenarios: dict[str, Any], repeat: int) -> str:
    rows = []
    for name, sc in scenarios.items():
        for n, f in sc["by_n"].items():
            rows.append(
                [
                    name,
                    f"{int(n):,}".replace(",", " "),
                    secs(f["floor_seconds"]),
                    secs(f["draw_seconds"]),
                    secs(f["run_seconds"]),
                    secs(f["summary_seconds"]),
                    secs(f["seconds"]),
                    times(f["over_floor"]),
                    f"{f['us_per_iteration']:.2f}",
                ]
            )
    head = (
        f"1. costmodel's engine in-process, median of {repeat} (run = run_compact, as "
        "costmodel run makes it, in pieces, kept or streamed by size; summary = "
        "Results.summary(), total = both; floor = the same variates drawn with one numpy "
        "generator; draw = costmodel's own drawing, part of run, median of 3)"
    )
    headers = ["scenario", "iterations", "floor s", "draw s", "run s", "summary s", "total s"]
    return head + "\n" + table([*headers, "÷ floor", "µs/iter"], rows, left=1)


def memory_section(scenarios: dict[str, Any]) -> str:
    rows = []
    for name, sc in scenarios.items():
        cells = [name]
        for n in ("1000000", "10000000"):
            m = sc["memory"].get(n)
            if m is None:
                cells += ["not run", "", ""]
            elif "refused" in m:
                cells += ["refused", "", ""]
            elif "error" in m:
                cells += ["error", "", ""]
            else:
                cells += [secs(m["seconds"]), mb(m["peak_rss_mb"]), mb(m["baseline_rss_mb"])]
        rows.append(cells)
    head = (
        "2. Peak memory: one fresh process per measurement (benchmarks/child.py), engine.run + "
        "summary once; peak resident memory (VmHWM) in MB, and the same after imports and loading"
    )
    headers = ["scenario", "1M s", "1M peak", "1M base", "10M s", "10M peak", "10M base"]
    out = head + "\n" + table(headers, rows, left=1)
    refusals = {
        name: sc["memory"]["10000000"]["refused"]
        for name, sc in scenarios.items()
        if "refused" in sc["memory"].get("10000000", {})
    }
    for name, msg in refusals.items():
        out += f"\n  {name} at 10M refused (engine.TooLarge): {msg}"
    for name, sc in scenarios.items():
        for n, m in sc["memory"].items():
            if "error" in m:
                out += f"\n  {name} at {n}: {m['error']}"
    return out


def model_section(bm: dict[str, Any]) -> str:
    n = f"{bm['iterations']:,}".replace(",", " ")
    engine_s = bm["engine_seconds"]
    rows = [
        [
            "numpy floor (the draws only)",
            secs(bm["floor_seconds"]),
            times(bm["floor_seconds"] / engine_s),
            "-",
            "-",
            "-",
            "",
        ],
        [
            "hand-written numpy",
            secs(bm["handwritten_seconds"]),
            times(bm["handwritten_seconds"] / engine_s),
            kr(bm["handwritten"]["mean"]),
            kr(bm["handwritten"]["sd"]),
            kr(bm["central_numpy"]),
            "",
        ],
        [
            "costmodel (run + summary)",
            secs(engine_s),
            "1.0×",
            kr(bm["engine_mean"]),
            kr(bm["engine_sd"]),
            kr(bm["central_engine"]),
            f"± {kr(bm['engine_se'])} (1 se)",
        ],
    ]
    labels = {
        "squigglepy": "squigglepy, distribution algebra",
        "squigglepy_once": "squigglepy, inputs drawn once",
        "monaco": "monaco",
    }
    notes = []
    for key, label in labels.items():
        lib = bm["libraries"].get(key)
        if lib is None:
            continue
        if "skipped" in lib:
            rows.append([label, "skipped", "", "", "", "", ""])
            notes.append(f"  {label}: {lib['skipped']}")
            continue
        scaled = lib["iterations"] != bm["iterations"]
        if scaled:
            label += f" ({lib['iterations']:,} its, time ×{bm['iterations'] // lib['iterations']})"
        agrees = "mean agrees" if lib["mean_agrees"] else "MEAN DIFFERS"
        agrees += ", central agrees" if lib["central_agrees"] else ", CENTRAL DIFFERS"
        rows.append(
            [
                label,
                secs(lib["seconds_at_n"]),
                times(lib["seconds_at_n"] / engine_s),
                kr(lib["mean"]),
                kr(lib["sd"]),
                kr(lib["central"]),
                agrees,
            ]
        )
    head = (
        f"3. The benchmark model (benchmarks/benchmark.yaml) at {n} iterations: seconds (median), "
        "÷ costmodel, mean and sd of the discounted net benefit for society (kr), central case"
    )
    headers = ["version", "seconds", "÷ costmodel", "mean", "sd", "central", "check"]
    out = head + "\n" + table(headers, rows, left=1)
    check = bm["per_iteration_check"]
    out += (
        f"\n  same model: central cases {kr(bm['central_engine'])} (costmodel) and "
        f"{kr(bm['central_numpy'])} (numpy) kr, difference {bm['central_difference']:.2g} kr; "
        f"costmodel's method on the numpy draws ({check['iterations']:,} iterations) differs "
        f"from the hand-written version by at most {check['max_abs_difference']:.2g} kr"
    )
    out += (
        "\n  squigglepy's algebra draws each occurrence of an input anew (x − x is not 0), so "
        "inputs used in several terms are independent there: same mean, wider sd"
    )
    return "\n".join([out, *notes])


def process_section(proc: dict[str, Any]) -> str:
    rows = []
    for key, label in (("cli", proc["cli_command"]), ("numpy", proc["numpy_command"])):
        p = proc[key]
        rows.append(
            [label, "error", ""] if "error" in p else [label, secs(p["seconds"]), str(p["runs"])]
        )
    head = "4. Whole processes at 1 000 000 iterations (wall seconds from start to exit, median)"
    out = head + "\n" + table(["command", "seconds", "runs"], rows, left=1)
    for key in ("cli", "numpy"):
        if "error" in proc[key]:
            out += f"\n  {key}: {proc[key]['error']}"
    return out


def other_section(data: dict[str, Any]) -> str:
    rc = data["recompute"]
    lines = ["5. The dashboard and the analyses"]
    if "error" in rc:
        lines.append(f"  dashboard recompute: error: {rc['error']}")
    else:
        lines.append(
            f"  dashboard recompute after a parameter change ({rc['scenario']}, "
            f"{rc['parameter']} +5 %, {rc['iterations']:,} iterations, median of {rc['runs']}): "
            f"{secs(rc['seconds'])} s, of which compute_view {secs(rc['compute_view_seconds'])} s"
        )
        lines.append(
            "    (outside Streamlit: the undecorated state._check_change, state._tuned, "
            "Entry.yaml_text and state.compute_view; Streamlit's rerun and drawing not included)"
        )
    sens = data["sensitivity"]
    lines.append(f"  sensitivity analysis: {secs(sens['seconds'])} ({sens['reason']})")
    return "\n".join(lines)


def targets(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The issue's targets against the figures: what, target, value, met (None: not measured)."""
    f = data["figures"]
    rows: list[dict[str, Any]] = []

    def row(what: str, target: str, value: str, met: bool | None) -> None:
        rows.append({"what": what, "target": target, "value": value, "met": met})

    def ratio_row(what: str, key: str, limit: float, most: bool) -> None:
        x = f[key]
        met = None if x is None else x <= limit if most else x >= limit
        row(what, f"{'≤' if most else '≥'} {limit:g}", times(x), met)

    ratio_row("engine ÷ floor at 1M", "engine_over_floor_1m", 1.5, most=True)
    ratio_row("engine ÷ hand-written numpy at 1M", "engine_over_handwritten_1m", 1.2, most=True)
    ratio_row("CLI process ÷ numpy process at 1M", "cli_over_numpy_process_1m", 2, most=True)
    ratio_row("monaco ÷ engine at 1M", "monaco_over_engine_1m", 100, most=False)
    ratio_row("squigglepy ÷ engine at 1M", "squigglepy_over_engine_1m", 1, most=False)

    memory = [sc["memory"] for sc in data["scenarios"].values()]
    at_1m = [m.get("1000000", {}).get("peak_rss_mb") for m in memory]
    known = [x for x in at_1m if x is not None]
    met = None if len(known) < len(at_1m) else all(x <= 500 for x in known)
    largest = f"max {mb(max(known, default=None))} MB"
    row("peak memory at 1M, every scenario", "≤ 500 MB", largest, met)
    # 10M "no more" than 1M, allowing 10 % for the interpreter's own noise; refused is not met
    no_more = [
        "peak_rss_mb" in m.get("10000000", {})
        and m["10000000"]["peak_rss_mb"] <= 1.1 * m["1000000"].get("peak_rss_mb", 0)
        for m in memory
    ]
    ran_10m = any("10000000" in m for m in memory)
    at_10m = [m.get("10000000", {}).get("peak_rss_mb") for m in memory]
    row(
        "peak memory at 10M ≤ 500 MB, every scenario",
        "≤ 500 MB",
        f"max {mb(max((x for x in at_10m if x is not None), default=None))} MB",
        all(x is not None and x <= 500 for x in at_10m) if ran_10m else None,
    )
    row(
        "peak memory at 10M ≤ at 1M, every scenario",
        "all",
        f"{sum(no_more)} of {len(no_more)}",
        all(no_more) if ran_10m else None,
    )
    for key, label in (("1m_over_100k", "1M ÷ 100k"), ("10m_over_1m", "10M ÷ 1M")):
        lin = [x[key] for x in f["linearity"].values() if x[key] is not None]
        worst = max(lin, key=lambda x: abs(x - 1), default=None)
        row(
            f"time linear: time per iteration at {label}, worst scenario",
            "0.67–1.5",
            times(worst),
            None if worst is None else all(0.67 <= x <= 1.5 for x in lin),
        )
    bm = data["benchmark_model"]
    ran = {k: lib for k, lib in bm["libraries"].items() if "skipped" not in lib}
    central_ok = bm["central_difference"] < 0.5 and all(x["central_agrees"] for x in ran.values())
    per_iteration = bm["per_iteration_check"]["max_abs_difference"]
    row(
        "same model: central cases; costmodel on the numpy draws, per iteration",
        "< 0.5 kr",
        f"{bm['central_difference']:.2g} kr; {per_iteration:.2g} kr",
        central_ok and per_iteration < 0.5,
    )
    row(
        "same model: library means within MC error of costmodel's",
        "4 se",
        f"{sum(x['mean_agrees'] for x in ran.values())} of {len(ran)}",
        all(x["mean_agrees"] for x in ran.values()) if ran else None,
    )
    rc = f["recompute_seconds"]
    row("dashboard recompute", "≤ 0.3 s", f"{secs(rc)} s", None if rc is None else rc <= 0.3)
    return rows


def targets_section(rows: list[dict[str, Any]]) -> str:
    word = {True: "met", False: "MISSED", None: "not measured"}
    body = [[r["what"], r["target"], r["value"], word[r["met"]]] for r in rows]
    return "6. Targets\n" + table(["target", "wanted", "measured", "verdict"], body, left=1)
