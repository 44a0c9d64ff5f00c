"""Reports for funding applications: Word, Excel and self-contained HTML, Swedish by default.

:func:`build` (in :mod:`.build`) runs the scenario and lays the content out once as data
(:mod:`.content`: sections of paragraphs, bullets, tables and charts); one writer per format
turns it into a file: :func:`.docx_writer.to_docx`, :func:`.xlsx_writer.to_xlsx`,
:func:`.html_writer.to_html`. :func:`render` does both; :mod:`.command` is ``costmodel report``.
Charts are drawn offline with matplotlib (:mod:`.charts`).
"""

from __future__ import annotations

from .build import build
from .content import Report

FORMATS = ("docx", "xlsx", "html")
MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "html": "text/html",
}


def render(report: Report, fmt: str) -> bytes:
    """The bytes of ``report`` as a file of format ``fmt`` (docx, xlsx or html)."""
    if fmt == "docx":
        from .docx_writer import to_docx

        return to_docx(report)
    if fmt == "xlsx":
        from .xlsx_writer import to_xlsx

        return to_xlsx(report)
    if fmt == "html":
        from .html_writer import to_html

        return to_html(report)
    raise ValueError(f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "MIME", "Report", "build", "render"]
