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
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from .content import Bullets, Figure, Paragraph, Report, Table
from .zipfix import fix_dates

WIDE_TABLE = 6  # tables with more columns than this get a smaller font


def _table(doc: Any, table: Table) -> None:
    if table.caption:
        doc.add_paragraph(table.caption, style="Caption")
    t = doc.add_table(rows=1, cols=len(table.columns))
    t.style = "Light Grid Accent 1"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    size = Pt(7.5) if len(table.columns) > WIDE_TABLE else Pt(9)
    header = t.rows[0]
    # the header row repeats on every page the table runs over
    header._tr.get_or_add_trPr().append(_element("w:tblHeader"))
    numeric = [any(r[i].numeric for r in table.rows) for i in range(len(table.columns))]
    for i, col in enumerate(table.columns):
        _fill(header.cells[i], col.label, size, numeric[i], bold=True)
    for row in table.rows:
        cells = t.add_row().cells
        for i, cell in enumerate(row):
            _fill(cells[i], cell.text, size, cell.numeric)


def _element(tag: str) -> Any:
    from docx.oxml import OxmlElement

    el = OxmlElement(tag)
    el.set(qn("w:val"), "true")
    return el


def _fill(cell: Any, text: str, size: Pt, right: bool, bold: bool = False) -> None:
    p = cell.paragraphs[0]
    run = p.add_run(text)
    run.font.size = size
    run.bold = bold or None
    if right:
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _figure(doc: Any, fig: Figure) -> None:
    doc.add_picture(io.BytesIO(fig.png), width=Cm(16))
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
    for sec in report.sections:
        doc.add_heading(sec.title, level=1)
        for block in sec.blocks:
            if isinstance(block, Paragraph):
                p = doc.add_paragraph()
                p.add_run(block.text).bold = block.emphasis or None
            elif isinstance(block, Bullets):
                for item in block.items:
                    doc.add_paragraph(item, style="List Bullet")
            elif isinstance(block, Table):
                _table(doc, block)
                doc.add_paragraph()
            elif isinstance(block, Figure):
                _figure(doc, block)
    _properties(doc, report)
    buf = io.BytesIO()
    doc.save(buf)
    return fix_dates(buf.getvalue(), report.date)
