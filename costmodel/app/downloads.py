"""Getting figures out of the dashboard (#11 point 10): tables as CSV and Excel, charts as
images named by scenario and stamp.

- :func:`stamp_name`: '<scenario>-<sha256 12>-seed<seed>-n<iterations>', the stem of every
  download, so a file says which run it came from;
- :func:`overview_tables` and :func:`compare_frame`: the tables behind Översikt (per payer,
  per year) and Jämför as numbers (kr, shares), not formatted text;
- :func:`to_csv` (Swedish: ';' and a decimal comma, as Swedish Excel reads it) and
  :func:`to_xlsx` (openpyxl: one sheet per table and one with the stamp);
- charts: :func:`costmodel.app.common.plot` sets the plotly modebar's own image button, which
  draws the PNG or SVG (:func:`image_format`) in the user's browser (nothing installed on the
  server, nothing sent anywhere), to save under the scenario's stamp;
- :func:`table_buttons`: the two download buttons under a table.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st

from .. import __version__
from .common import slug
from .state import Entry, View
from .words import tr


def stamp_of(entry: Entry, view: View) -> dict[str, object]:
    """The stamp written beside every exported table: which run the figures come from."""
    return {
        "scenario": entry.scenario.meta.name,
        "file": entry.source,
        "sha256": view.sha256,
        "seed": view.seed,
        "iterations": view.iterations,
        "price_year": view.price_year,
        "version": __version__,
    }


def stamp_name(name: str, sha256: str, seed: int, iterations: int) -> str:
    return f"{slug(name).replace('_', '-')[:60]}-{sha256[:12]}-seed{seed}-n{iterations}"


IMAGE_FORMATS = ("png", "svg")


def image_format(lang: str) -> None:
    """The choice of image format for the charts' camera buttons (``image_format``)."""
    st.radio(
        tr("image_format", lang),
        IMAGE_FORMATS,
        format_func=str.upper,
        key="image_format",
        horizontal=True,
        help=tr("chart_download_hint", lang),
    )


def _pct(stats: Mapping[str, float], key: str) -> float | None:
    v = stats.get(key)
    return None if v is None else float(v)


def overview_tables(
    summary: dict[str, Any], society: dict[str, Any], lang: str
) -> dict[str, pd.DataFrame]:
    """Översikt's figures: the net benefit per payer (society's view, every payer) and per
    year in the chosen view, in kronor."""
    payers = []
    for payer, row in society["by_payer"].items():
        nb = row["net_benefit"]
        payers.append(
            {
                tr("col_payer", lang): payer,
                f"{tr('col_mean', lang)} (kr)": _pct(nb, "mean"),
                f"{tr('col_p5', lang)} (kr)": _pct(nb, "p5"),
                f"{tr('col_p95', lang)} (kr)": _pct(nb, "p95"),
                f"{tr('kpi_cash', lang)} (kr)": row.get("budget"),
            }
        )
    years = []
    for y in summary.get("by_year", []):
        nb = y["net_benefit"]
        cum = y.get("cumulative_net_benefit", {})
        years.append(
            {
                tr("col_year", lang): y["year"],
                f"{tr('col_costs', lang)} (kr)": y.get("costs"),
                f"{tr('col_benefits', lang)} (kr)": y.get("benefits"),
                f"{tr('col_mean', lang)} (kr)": _pct(nb, "mean"),
                f"{tr('col_p5', lang)} (kr)": _pct(nb, "p5"),
                f"{tr('col_p95', lang)} (kr)": _pct(nb, "p95"),
                f"{tr('axis_cum', lang)} (kr)": _pct(cum, "mean"),
            }
        )
    return {
        tr("sheet_payers", lang): pd.DataFrame(payers),
        tr("sheet_years", lang): pd.DataFrame(years),
    }


def compare_frame(table: list[dict[str, str]]) -> pd.DataFrame:
    """Jämför's table of differences as shown (measures as rows, scenarios as columns)."""
    return pd.DataFrame(table)


def to_csv(frame: pd.DataFrame, lang: str) -> bytes:
    """CSV as the user's spreadsheet reads it: Swedish ';' and ',' decimals; UTF-8 with BOM."""
    if lang == "sv":
        text = frame.to_csv(index=False, sep=";", decimal=",")
    else:
        text = frame.to_csv(index=False)
    return text.encode("utf-8-sig")


def to_xlsx(frames: Mapping[str, pd.DataFrame], stamp: Mapping[str, object]) -> bytes:
    """An Excel workbook: one sheet per table (numbers as numbers) and one with the stamp."""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xl:
        for name, frame in frames.items():
            frame.to_excel(xl, sheet_name=name[:31], index=False)
        pd.DataFrame({"": list(stamp), " ": [str(v) for v in stamp.values()]}).to_excel(
            xl, sheet_name="costmodel", index=False
        )
    return buf.getvalue()


def table_buttons(
    frames: Mapping[str, pd.DataFrame],
    stem: str,
    stamp: Mapping[str, object],
    key: str,
    lang: str,
) -> None:
    """Download buttons for the tables: each as CSV, all together as one Excel file."""
    cols = st.columns(len(frames) + 1, gap="small")
    for col, (name, frame) in zip(cols, frames.items(), strict=False):
        col.download_button(
            f"{tr('download_csv', lang)}: {name.lower()}",
            data=functools.partial(to_csv, frame, lang),  # made when clicked
            file_name=f"{stem}-{slug(name).replace('_', '-')}.csv",
            mime="text/csv",
            key=f"{key}_csv_{slug(name)}",
            on_click="ignore",
        )
    cols[-1].download_button(
        tr("download_xlsx", lang),
        data=functools.partial(to_xlsx, frames, stamp),
        file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key}_xlsx",
        on_click="ignore",
    )
