"""The content of a report as data, built once and written by every format's writer.

A :class:`Report` is a title, a few facts for the document's properties and a list of
:class:`Section` s; a section holds blocks in order: :class:`Paragraph`, :class:`Bullets`,
:class:`Table` and :class:`Figure`. Table cells carry both the text a reader sees (Swedish
number format) and the plain number a spreadsheet stores (:class:`Cell`), so the Word and HTML
writers print ``text`` and the Excel writer stores ``value`` with a number format for ``kind``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Cell:
    text: str  # as printed in Word and HTML
    value: float | int | str | None  # as stored in Excel (a number for every number)
    kind: str = "text"  # "text" | "money" | "percent" | "ratio" | "number" | "integer"

    @property
    def numeric(self) -> bool:
        return self.kind != "text"


def text_cell(text: str) -> Cell:
    return Cell(text, text)


@dataclass(frozen=True)
class Column:
    label: str
    unit: str = ""  # shown in the spreadsheet's header: "Medel (kr)"


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    caption: str = ""
    sheet: str = ""  # the spreadsheet's sheet for this table ("" : Word and HTML only)
    key: str = ""  # a stable name for tests and writers ("summary", "per_year", ...)
    # what Word and HTML print (the spreadsheet keeps every column and row): the columns by
    # index (empty: all) and the first rows (0: all), with a note saying what was left out
    doc_columns: tuple[int, ...] = ()
    doc_rows: int = 0
    doc_note: str = ""

    def printed(self) -> Table:
        """The table as Word and HTML print it."""
        keep = self.doc_columns or tuple(range(len(self.columns)))
        rows = self.rows[: self.doc_rows] if self.doc_rows else self.rows
        return Table(
            tuple(self.columns[i] for i in keep),
            tuple(tuple(r[i] for i in keep) for r in rows),
            self.caption,
            self.sheet,
            self.key,
            doc_note=self.doc_note if len(rows) < len(self.rows) or self.doc_columns else "",
        )

    def numeric_column(self, i: int) -> bool:
        """Whether every filled cell of column ``i`` is a number (right-aligned)."""
        cells = [r[i] for r in self.rows if r[i].text]
        return bool(cells) and all(c.numeric for c in cells)


@dataclass(frozen=True)
class Paragraph:
    text: str
    emphasis: bool = False  # the key sentence of a section
    code: bool = False  # a command to copy, in a fixed-width font


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    leads: tuple[str, ...] = ()  # a bold start for each item ("Antagande: "), or none


@dataclass(frozen=True)
class Figure:
    png: bytes
    alt: str  # what the chart shows, in words (also the caption)
    key: str = ""


Block = Paragraph | Bullets | Table | Figure


@dataclass
class Section:
    key: str  # "summary", "background", ... (stable across languages)
    title: str
    blocks: list[Block] = field(default_factory=list)

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


@dataclass
class Report:
    title: str
    subtitle: str
    lang: str
    date: datetime.date
    sections: list[Section]
    summary_text: str  # "Kopiera sammanfattning": the summary as plain text to paste
    keywords: str = ""  # scenario file and hash, for the document's properties

    def tables(self) -> list[Table]:
        return [t for s in self.sections for t in s.tables()]

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)
