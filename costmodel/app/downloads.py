"""Getting figures out of the dashboard (#11 point 10): tables as CSV and Excel, charts as
images named by scenario and stamp.

- :func:`stamp_name`: '<scenario>-<sha256 12>-seed<seed>-n<iterations>', the stem of every
  download, so a file says which run it came from;
- :func:`overview_tables`: the tables behind Översikt (per payer, per year) as rows of
  numbers (kr, shares), not formatted text; Jämför's is its table as shown;
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
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import streamlit as st

from .. import __version__
from .common import slug
from .state import Entry, View
from .words import tr

if TYPE_CHECKING:
    import pandas as pd

# A table as rows of {column: value}; pandas (about 0.2 s to import) is needed only when a
# download is clicked, so the first page does not wait for it.
Rows = Sequence[Mapping[str, Any]]


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


def overview_tables(summary: dict[str, Any], society: dict[str, Any], lang: str) -> dict[str, Rows]:
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
    return {tr("sheet_payers", lang): payers, tr("sheet_years", lang): years}


def frame(rows: Rows) -> pd.DataFrame:
    """``rows`` as a pandas frame (imported here, when a download is made)."""
    import pandas as pd

    return pd.DataFrame(list(rows))


def to_csv(rows: Rows, lang: str) -> bytes:
    """CSV as the user's spreadsheet reads it: Swedish ';' and ',' decimals; UTF-8 with BOM."""
    frame_ = frame(rows)
    if lang == "sv":
        text = frame_.to_csv(index=False, sep=";", decimal=",")
    else:
        text = frame_.to_csv(index=False)
    return text.encode("utf-8-sig")


def to_xlsx(tables: Mapping[str, Rows], stamp: Mapping[str, object]) -> bytes:
    """An Excel workbook: one sheet per table (numbers as numbers) and one with the stamp."""
    import pandas as pd

    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xl:
        for name, rows in tables.items():
            frame(rows).to_excel(xl, sheet_name=name[:31], index=False)
        pd.DataFrame({"": list(stamp), " ": [str(v) for v in stamp.values()]}).to_excel(
            xl, sheet_name="costmodel", index=False
        )
    return buf.getvalue()


def table_buttons(
    tables: Mapping[str, Rows],
    stem: str,
    stamp: Mapping[str, object],
    key: str,
    lang: str,
) -> None:
    """Download buttons for the tables: each as CSV, all together as one Excel file."""
    cols = st.columns(len(tables) + 1, gap="small")
    for col, (name, rows) in zip(cols, tables.items(), strict=False):
        col.download_button(
            f"{tr('download_csv', lang)}: {name.lower()}",
            data=functools.partial(to_csv, rows, lang),  # made when clicked
            file_name=f"{stem}-{slug(name).replace('_', '-')}.csv",
            mime="text/csv",
            key=f"{key}_csv_{slug(name)}",
            on_click="ignore",
        )
    cols[-1].download_button(
        tr("download_xlsx", lang),
        data=functools.partial(to_xlsx, tables, stamp),
        file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key}_xlsx",
        on_click="ignore",
    )
