"""Engine speed against the sampling floor (drawing the same numbers and nothing else).

Run with ``make bench``. Not a test: it prints timings for this machine. The goal from the
core issue: ``costmodel run scenarios/vaxjo.yaml --iterations 1000000`` in about a second.
"""

from __future__ import annotations

import time
from pathlib import Path

from costmodel import engine, scenario

ROOT = Path(__file__).resolve().parents[1]
N = 1_000_000


def best_of(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    print(f"{'scenario':<28}{'params':>7}{'floor s':>10}{'run s':>9}{'summary s':>11}{'ratio':>7}")
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        s = scenario.load(path)
        floor = best_of(lambda s=s: engine.draw(s, 1, N))
        run = best_of(lambda s=s: engine.run(s, iterations=N, seed=1))
        r = engine.run(s, iterations=N, seed=1)
        summ = best_of(r.summary, repeat=1)
        print(
            f"{path.stem:<28}{len(s.parameters):>7}{floor:>10.3f}{run:>9.3f}{summ:>11.3f}"
            f"{(run + summ) / floor:>7.1f}"
        )


if __name__ == "__main__":
    main()
