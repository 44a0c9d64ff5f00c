"""Price-year conversion with a named price index shipped in ``data/``.

Two indexes, each a data file with its source in its header:

- ``kpi`` (the default): Statistics Sweden's consumer price index, ``data/kpi.csv``, annual
  averages (1980 = 100);
- ``pkv``: SKR's price index for municipal activity (wages, materials, bought activity), the
  index municipalities move staff and placement costs with, ``data/pkv.csv`` (yearly changes
  chained, 2014 = 100).

A parameter names its index with ``price_index:``. ``factor(from_year, to_year, index)`` is the
ratio of the two years' figures. A year outside the table is an error, never a silent
extrapolation; a figure the data file marks as uncertain is reported (:func:`uncertain_years`).
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

INDEXES: dict[str, dict[str, str]] = {
    "kpi": {
        "file": "kpi.csv",
        "column": "kpi",
        "name": "KPI",
        "source": 'SCB, "KPI, fastställda tal (1980=100)", annual averages '
        "(costmodel/scenario/data/kpi.csv)",
    },
    "pkv": {
        "file": "pkv.csv",
        "column": "index",
        "name": "PKV",
        "source": 'SKL, "Prisindex för kommunal verksamhet" (PKV table of 2017-09-28), chained '
        "(costmodel/scenario/data/pkv.csv)",
    },
}
DEFAULT = "kpi"
SOURCE = INDEXES[DEFAULT]["source"]


@cache
def _rows(index: str) -> list[dict[str, str]]:
    name = INDEXES[index]["file"]
    text = resources.files("costmodel.scenario").joinpath(f"data/{name}").read_text("utf-8")
    return list(csv.DictReader(line for line in text.splitlines() if line and line[0] != "#"))


@cache
def table(index: str = DEFAULT) -> dict[int, float]:
    """Year -> the index's figure."""
    column = INDEXES[index]["column"]
    return {int(r["year"]): float(r[column]) for r in _rows(index)}


@cache
def uncertain_years(index: str = DEFAULT) -> frozenset[int]:
    """Years whose figure the data file marks as uncertain."""
    return frozenset(int(r["year"]) for r in _rows(index) if r.get("note"))


def name(index: str = DEFAULT) -> str:
    return INDEXES[index]["name"]


def years(index: str = DEFAULT) -> tuple[int, int]:
    """First and last year in the table."""
    t = table(index)
    return min(t), max(t)


def known(year: int, index: str = DEFAULT) -> bool:
    return year in table(index)


def factor(from_year: int, to_year: int, index: str = DEFAULT) -> float:
    """Multiply a cost in ``from_year`` prices by this to get ``to_year`` prices."""
    t = table(index)
    for y in (from_year, to_year):
        if y not in t:
            lo, hi = years(index)
            raise ValueError(f"price year {y} is outside the {name(index)} table ({lo}–{hi})")
    return t[to_year] / t[from_year]
