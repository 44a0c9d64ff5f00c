"""The report as an Excel workbook (openpyxl): one sheet per table group (Sammanfattning,
Antaganden, Per år, Per betalare, Känslighet, ...), every number stored as a number with a
number format and its unit in the column header, the header row frozen and bold.

A sheet may hold more than one table (Sammanfattning: key figures, then facts); its first
table's header is the frozen row. The summary sentences follow the tables on the first sheet.
Core properties and zip dates come from the report's date (:func:`.zipfix.fix_dates`).
"""

from __future__ import annotations

import datetime
import io
import zipfile
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from .content import Cell, Report, Table
from .zipfix import fix_dates

FORMATS = {
    "money": "#,##0",
    "percent": "0.0%",
    "ratio": "0.00",
    "integer": "0",
}
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
TEXT_WIDTH = 60  # the widest a text column gets (sources, notes wrap within it)


def _number_format(cell: Cell) -> str:
    if cell.kind in FORMATS:
        return FORMATS[cell.kind]
    value = cell.value
    if isinstance(value, int | float) and not float(value).is_integer():
        return "#,##0.0##"
    return "#,##0"


def _header(col_label: str, unit: str) -> str:
    return f"{col_label} ({unit})" if unit else col_label


def _write_table(ws: Any, table: Table, top: int) -> int:
    """Write ``table`` from row ``top``; return the next free row."""
    row = top
    if table.caption and top > 1:
        ws.cell(row=row, column=1, value=table.caption).font = Font(bold=True)
        row += 1
    for i, col in enumerate(table.columns, start=1):
        c = ws.cell(row=row, column=i, value=_header(col.label, col.unit))
        c.font = Font(bold=True)
        c.fill = HEADER_FILL
        c.alignment = Alignment(wrap_text=True, vertical="top")
    for r in table.rows:
        row += 1
        for i, cell in enumerate(r, start=1):
            c = ws.cell(row=row, column=i, value=cell.value)
            if cell.numeric and cell.value is not None:
                c.number_format = _number_format(cell)
            else:
                c.alignment = Alignment(wrap_text=True, vertical="top")
    return row + 2


def _widths(ws: Any, tables: list[Table]) -> None:
    widest: dict[int, int] = {}
    for table in tables:
        for i, col in enumerate(table.columns, start=1):
            texts = [_header(col.label, col.unit), *(r[i - 1].text for r in table.rows)]
            widest[i] = max(widest.get(i, 8), *(len(x) + 2 for x in texts))
    for i, width in widest.items():
        ws.column_dimensions[get_column_letter(i)].width = min(width, TEXT_WIDTH)


def to_xlsx(report: Report) -> bytes:
    """The report as the bytes of an .xlsx file."""
    wb = Workbook()
    wb.remove(wb.active)
    sheets: dict[str, list[Table]] = {}
    for table in report.tables():
        if table.sheet:
            sheets.setdefault(table.sheet, []).append(table)
    # the summary sheet first (a tuned variant's changes come before it in the document)
    first = next((t.sheet for t in report.tables() if t.key == "summary"), "")
    ordered = sorted(sheets.items(), key=lambda item: item[0] != first)
    for k, (name, tables) in enumerate(ordered):
        ws = wb.create_sheet(title=name[:31])
        row = 1
        for table in tables:
            row = _write_table(ws, table, row)
        ws.freeze_panes = "A2"
        _widths(ws, tables)
        if k == 0:
            for line in report.summary_text.split("\n\n"):
                ws.cell(row=row, column=1, value=line)
                row += 1
    moment = datetime.datetime.combine(report.date, datetime.time(0, 0))
    props = wb.properties
    props.title = report.title
    props.subject = report.subtitle
    props.creator = "costmodel"
    props.lastModifiedBy = "costmodel"
    props.keywords = report.keywords
    props.language = "sv-SE" if report.lang == "sv" else "en-GB"
    props.created = moment
    props.modified = moment
    buf = io.BytesIO()
    # ExcelWriter rather than wb.save, which stamps the time of saving as "modified"
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    return fix_dates(buf.getvalue(), report.date)
