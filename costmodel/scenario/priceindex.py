"""Price-year conversion with the consumer price index (KPI) shipped in ``data/kpi.csv``.

``factor(from_year, to_year)`` is the ratio of the two annual KPI averages. A year outside the
table is an error, never a silent extrapolation.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

SOURCE = 'SCB, "KPI, fastställda tal (1980=100)", annual averages (costmodel/scenario/data/kpi.csv)'


@cache
def table() -> dict[int, float]:
    """Year -> KPI annual average."""
    text = (
        resources.files("costmodel.scenario").joinpath("data/kpi.csv").read_text(encoding="utf-8")
    )
    rows = [line for line in text.splitlines() if line and not line.startswith("#")]
    return {int(r["year"]): float(r["kpi"]) for r in csv.DictReader(rows)}


@cache
def uncertain_years() -> frozenset[int]:
    """Years whose KPI figure the data file marks as uncertain."""
    text = (
        resources.files("costmodel.scenario").joinpath("data/kpi.csv").read_text(encoding="utf-8")
    )
    rows = [line for line in text.splitlines() if line and not line.startswith("#")]
    return frozenset(int(r["year"]) for r in csv.DictReader(rows) if r.get("note"))


def years() -> tuple[int, int]:
    """First and last year in the table."""
    t = table()
    return min(t), max(t)


def known(year: int) -> bool:
    return year in table()


def factor(from_year: int, to_year: int) -> float:
    """Multiply a cost in ``from_year`` prices by this to get ``to_year`` prices."""
    t = table()
    for y in (from_year, to_year):
        if y not in t:
            lo, hi = years()
            raise ValueError(f"price year {y} is outside the KPI table ({lo}–{hi})")
    return t[to_year] / t[from_year]
