"""The report as one self-contained HTML file: styles inline, charts as ``data:`` images, no
script, font, stylesheet or link to any other host, so it opens offline and prints on A4.

Headings in order (h1 title, h2 sections), tables with ``<th scope>`` headers and captions,
every chart with its description as ``alt`` text and caption; numbers right-aligned.
"""

from __future__ import annotations

import base64
from html import escape

from .content import Bullets, Figure, Paragraph, Report, Table

STYLE = """
:root { color-scheme: light; }
body { font-family: "Segoe UI", Calibri, "Liberation Sans", Arial, sans-serif; color: #1f1f1f;
  max-width: 60rem; margin: 2rem auto; padding: 0 1.25rem; line-height: 1.5; }
h1 { font-size: 1.9rem; margin-bottom: 0.2rem; color: #0b3d6b; }
h2 { font-size: 1.35rem; margin-top: 2.2rem; border-bottom: 2px solid #0072B2;
  color: #0b3d6b; padding-bottom: 0.2rem; }
.subtitle { color: #4a4a4a; margin-top: 0; }
.lead { font-weight: 600; font-size: 1.08rem; }
table { border-collapse: collapse; width: 100%; margin: 0.8rem 0 1.2rem; font-size: 0.85rem; }
caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
th, td { border: 1px solid #b8c4d0; padding: 0.25rem 0.45rem; vertical-align: top; }
th { background: #dce6f1; text-align: left; }
td.num, th.num { text-align: right; white-space: nowrap; }
.wide, .fit { overflow-x: auto; }
.wide table { font-size: 0.75rem; }
figure { margin: 1rem 0 1.5rem; }
figure img { width: 100%; max-width: 44rem; height: auto; display: block; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f3f5f8; padding: 0.5rem 0.75rem;
  font-size: 0.85rem; }
figcaption { color: #404040; font-size: 0.9rem; }
.note { color: #404040; font-size: 0.85rem; margin-top: -0.8rem; }
code { font-size: 0.85rem; word-break: break-all; }
@page { size: A4; margin: 18mm 15mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; }
  figure, tr, .short { break-inside: avoid; }
  figure img { max-width: 15cm; }
  caption { break-after: avoid; }
  thead { display: table-header-group; }
  .wide, .fit { overflow: visible; }
}
"""

WIDE_TABLE = 6
NUM = ' class="num"'
SHORT_TABLE = 12  # a table this short is kept on one printed page


def _table(full: Table) -> str:
    if not full.rows:  # nothing to show (a perspective with no flows of that kind)
        return ""
    table = full.printed()
    cls = [NUM if table.numeric_column(i) else "" for i in range(len(table.columns))]
    head = "".join(
        f'<th scope="col"{cls[i]}>{escape(c.label)}</th>' for i, c in enumerate(table.columns)
    )
    body = []
    for row in table.rows:
        first = row[0].text
        cells = [
            f"<td{cls[0]}>{escape(first)}</td>"
            if cls[0]
            else f'<th scope="row">{escape(first)}</th>'
        ]
        cells += [f"<td{cls[i]}>{escape(c.text)}</td>" for i, c in enumerate(row) if i]
        body.append(f"<tr>{''.join(cells)}</tr>")
    caption = f"<caption>{escape(table.caption)}</caption>" if table.caption else ""
    html = f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    note = f'<p class="note">{escape(table.doc_note)}</p>' if table.doc_note else ""
    wrap = "wide" if len(table.columns) > WIDE_TABLE else "fit"
    wrap += " short" if len(table.rows) <= SHORT_TABLE else ""
    return f'<div class="{wrap}" data-table="{escape(table.key)}">{html}{note}</div>'


def _figure(fig: Figure) -> str:
    data = base64.b64encode(fig.png).decode("ascii")
    return (
        f'<figure data-figure="{escape(fig.key)}"><img src="data:image/png;base64,{data}" '
        f'alt="{escape(fig.alt)}"><figcaption>{escape(fig.alt)}</figcaption></figure>'
    )


def to_html(report: Report) -> bytes:
    """The report as the bytes of a UTF-8 .html file."""
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{report.lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="costmodel">',
        f'<meta name="keywords" content="{escape(report.keywords)}">',
        f"<title>{escape(report.title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{escape(report.title)}</h1>",
        f'<p class="subtitle">{escape(report.subtitle)} · '
        f'<time datetime="{report.date.isoformat()}">{report.date.isoformat()}</time></p>',
        "</header>",
        "<main>",
    ]
    for sec in report.sections:
        parts.append(f'<section id="{sec.key}"><h2>{escape(sec.title)}</h2>')
        for block in sec.blocks:
            if isinstance(block, Paragraph) and block.code:
                parts.append(f"<pre><code>{escape(block.text)}</code></pre>")
            elif isinstance(block, Paragraph):
                cls = ' class="lead"' if block.emphasis else ""
                parts.append(f"<p{cls}>{escape(block.text)}</p>")
            elif isinstance(block, Bullets):
                leads = [f"<strong>{escape(x)}</strong>" for x in block.leads] or [""] * len(
                    block.items
                )
                items = "".join(
                    f"<li>{lead}{escape(i)}</li>"
                    for lead, i in zip(leads, block.items, strict=True)
                )
                parts.append(f"<ul>{items}</ul>")
            elif isinstance(block, Table):
                parts.append(_table(block))
            elif isinstance(block, Figure):
                parts.append(_figure(block))
        parts.append("</section>")
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts).encode("utf-8")
