"""The report as a Word document (python-docx): real headings (Rubrik 1, 2) and real tables in
the built-in styles, so a reader can restyle the document and paste from it; charts as PNG
images with their description as caption and alternative text.

The document's core properties (title, subject, keywords, created and modified) are set from the
report, and the file's zip entries are dated to the report's date (:func:`.zipfix.fix_dates`),
so the same report on the same date is the same file, byte for byte.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import replace
from math import fsum
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from .content import Bullets, Figure, Paragraph, Report, Table
from .zipfix import fix_dates

WIDE_TABLE = 5  # tables with more columns than this get a smaller font
TEXT_WIDTH_CM = 16.0
SHORT_TABLE = 12  # rows: a table this short is kept on one page
UNIT_IN_HEADER = 6  # columns: a wider table gives 'kr' once, in the header
BOLD = 1.15  # a bold header letter is wider


def _widths(table: Table, char_cm: float) -> list[float]:
    """Column widths in cm over the text width: a number column as wide as its widest number
    (numbers never wrap), the text columns sharing the rest by their longest text."""
    pad = 0.5

    def longest_word(i: int) -> float:
        header = max((len(x) for x in table.columns[i].label.split()), default=1)
        cells = [x for r in table.rows for x in r[i].text.split()]
        bold = BOLD if i == 0 else 1.0  # the table style sets the first column in bold
        return max([header * BOLD, *(len(x) * bold for x in cells)])

    need: list[float] = []
    want: list[float] = []
    for i in range(len(table.columns)):
        if table.numeric_column(i):
            longest = max(len(r[i].text) for r in table.rows)
            need.append(max(longest, longest_word(i)) * char_cm + pad)
            want.append(0.0)
        else:
            longest = max((len(r[i].text) for r in table.rows), default=1)
            need.append(longest_word(i) * char_cm + pad)
            want.append(min(longest, 40) * char_cm + pad)
    spare = TEXT_WIDTH_CM - fsum(need)
    if spare > 0 and fsum(want):
        extra = [max(x - n, 0.0) if x else 0.0 for x, n in zip(want, need, strict=True)]
        share = min(1.0, spare / fsum(extra)) if fsum(extra) else 0.0
        need = [n + e * share for n, e in zip(need, extra, strict=True)]
    total = fsum(need)
    return [n * TEXT_WIDTH_CM / total for n in need] if total > TEXT_WIDTH_CM else need


def _unit_in_header(table: Table) -> Table:
    """A wide table's amounts without 'kr', the unit in the column header instead: 'Medel
    (kr)' over '1 826 000' (seven columns of '1 826 000 kr' do not fit the page)."""
    if len(table.columns) <= UNIT_IN_HEADER:
        return table
    kr = [
        c.unit == "kr" and all(r[i].kind == "money" for r in table.rows)
        for i, c in enumerate(table.columns)
    ]
    return replace(
        table,
        columns=tuple(
            replace(c, label=f"{c.label} (kr)") if kr[i] else c for i, c in enumerate(table.columns)
        ),
        rows=tuple(
            tuple(
                replace(c, text=c.text.removesuffix(" kr")) if kr[i] else c for i, c in enumerate(r)
            )
            for r in table.rows
        ),
    )


def _table(doc: Any, full: Table) -> None:
    if not full.rows:  # nothing to show (a perspective with no flows of that kind)
        return
    table = _unit_in_header(full.printed())
    if table.caption:
        doc.add_paragraph(table.caption, style="Caption").paragraph_format.keep_with_next = True
    t = doc.add_table(rows=1, cols=len(table.columns))
    t.style = "Light Grid Accent 1"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    size = Pt(8) if len(table.columns) > WIDE_TABLE else Pt(9)
    header = t.rows[0]
    # the header row repeats on every page the table runs over
    header._tr.get_or_add_trPr().append(_element("w:tblHeader"))
    numeric = [table.numeric_column(i) for i in range(len(table.columns))]
    for i, col in enumerate(table.columns):
        _fill(header.cells[i], col.label, size, numeric[i], bold=True)
    for row in table.rows:
        added = t.add_row()
        added._tr.get_or_add_trPr().append(_element("w:cantSplit"))  # a row stays on one page
        cells = added.cells
        for i, cell in enumerate(row):
            _fill(cells[i], cell.text, size, numeric[i])
    if len(table.rows) <= SHORT_TABLE:  # a short table stays on one page
        for row in t.rows[:-1]:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
    for i, width in enumerate(_widths(table, 0.17 if size == Pt(8) else 0.19)):
        t.columns[i].width = Cm(width)  # the grid, which LibreOffice reads
        for cell in t.columns[i].cells:
            cell.width = Cm(width)  # and each cell, which Word reads
    if table.doc_note:
        doc.add_paragraph(table.doc_note, style="Caption")


def _element(tag: str) -> Any:
    from docx.oxml import OxmlElement

    el = OxmlElement(tag)
    el.set(qn("w:val"), "true")
    return el


def _fill(cell: Any, text: str, size: Pt, right: bool, bold: bool = False) -> None:
    p = cell.paragraphs[0]
    run = p.add_run(text.replace(" kr", "\u00a0kr"))  # an amount never breaks before its unit
    run.font.size = size
    run.bold = bold or None
    if right:
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _figure(doc: Any, fig: Figure) -> None:
    doc.add_picture(io.BytesIO(fig.png), width=Cm(TEXT_WIDTH_CM))
    inline = doc.inline_shapes[-1]
    inline._inline.docPr.set("descr", fig.alt)  # alternative text for screen readers
    doc.add_paragraph(fig.alt, style="Caption")


def _properties(doc: Any, report: Report) -> None:
    props = doc.core_properties
    moment = datetime.datetime.combine(report.date, datetime.time(0, 0))
    props.title = report.title
    props.subject = report.subtitle
    props.author = "costmodel"
    props.last_modified_by = "costmodel"
    props.keywords = report.keywords
    props.language = "sv-SE" if report.lang == "sv" else "en-GB"
    props.created = moment
    props.modified = moment
    props.last_printed = moment
    props.revision = 1


def to_docx(report: Report) -> bytes:
    """The report as the bytes of a .docx file."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    doc.styles["Caption"].font.color.rgb = RGBColor(0x40, 0x40, 0x40)
    doc.add_heading(report.title, level=0)
    doc.add_paragraph(f"{report.subtitle} · {report.date.isoformat()}", style="Subtitle")
    last = report.sections[-1].blocks[-1]
    for sec in report.sections:
        doc.add_heading(sec.title, level=1)
        for block in sec.blocks:
            if isinstance(block, Paragraph):
                p = doc.add_paragraph()
                run = p.add_run(block.text)
                run.bold = block.emphasis or None
                if block.code:
                    run.font.name = "Courier New"
                    run.font.size = Pt(9)
                p.paragraph_format.keep_with_next = block.emphasis
            elif isinstance(block, Bullets):
                for k, item in enumerate(block.items):
                    p = doc.add_paragraph(style="List Bullet")
                    if block.leads:
                        p.add_run(block.leads[k]).bold = True
                    p.add_run(item)
            elif isinstance(block, Table):
                _table(doc, block)
                if block is not last:  # a space after the table, not a blank last page
                    doc.add_paragraph()
            elif isinstance(block, Figure):
                _figure(doc, block)
    _properties(doc, report)
    buf = io.BytesIO()
    doc.save(buf)
    return fix_dates(buf.getvalue(), report.date)
