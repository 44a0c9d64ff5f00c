"""Reports read back: every shipped scenario as docx (python-docx), xlsx (openpyxl) and html
(html.parser), with their figures checked against ``costmodel run`` and ``costmodel
sensitivity`` (same seed and iterations) and their sources against the scenario's references."""

from __future__ import annotations

import contextlib
import io
import json
import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

from costmodel import scenario
from costmodel.cli import main
from costmodel.scenario.payers import payer_label
from costmodel.text import fmt
from costmodel.views.table import headline

from .conftest import shipped

N = "200"  # small: the suite stays fast; the figures must still match run's exactly
SEED = "11"
SECTIONS = [
    "Sammanfattning",
    "Bakgrund och syfte",
    "Metod",
    "Antaganden",
    "Resultat",
    "Känslighet",
    "Uppföljning",
    "Begränsningar",
    "Reproducerbarhet",
]
SCENARIOS = shipped()
EXCEL = {"rel": 1e-14, "abs": 1e-6}  # openpyxl writes 16 significant digits (Excel keeps 15)


def _same(stored: list[Any], expected: list[Any]) -> bool:
    return all(isinstance(v, int | float) for v in stored) and stored == pytest.approx(
        expected, **EXCEL
    )


def _json(*args: str) -> dict[str, Any]:
    """What ``costmodel ARGS --format json`` prints."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main([*args, "--format", "json"]) == 0
    return json.loads(out.getvalue())


def _kr(text: str) -> str:
    """A Word cell's amount as fmt.money writes it (Word keeps 'kr' on the number's line)."""
    return text.replace("\u00a0kr", " kr")


def _references(node: Any) -> list[str]:
    """Every reference title in the scenario's YAML data, found without costmodel's loader."""
    out: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "reference":
                refs = value if isinstance(value, list) else [value]
                titles = [r["title"] if isinstance(r, dict) else str(r) for r in refs]
                # a title in both languages: the report is in Swedish
                out += [x["sv"] if isinstance(x, dict) else x for x in titles]
            else:
                out += _references(value)
    elif isinstance(node, list):
        for value in node:
            out += _references(value)
    return out


@pytest.fixture(scope="module", params=SCENARIOS, ids=[p.name for p in SCENARIOS])
def produced(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The three reports of one scenario, and what run and sensitivity say (same seed)."""
    path: Path = request.param
    out = tmp_path_factory.mktemp(path.stem)
    files = {}
    for fmt_ in ("docx", "xlsx", "html"):
        target = out / f"report.{fmt_}"
        args = ["report", str(path), "--format", fmt_, "--out", str(target), "-n", N]
        assert main([*args, "--seed", SEED]) == 0
        files[fmt_] = target
    s = scenario.load(path)
    run = _json("run", str(path), "-n", N, "--seed", SEED)
    sens = _json("sensitivity", str(path), "-n", N, "--seed", SEED)
    return s, run, sens, files


def test_docx_reads_back_with_run_figures_and_sources(produced: Any) -> None:
    s, run, _sens, files = produced
    d = docx.Document(str(files["docx"]))
    headings = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    assert headings == SECTIONS
    assert d.paragraphs[0].style.name == "Title"
    # each table by its first two column headers
    tables = {tuple(c.text for c in t.rows[0].cells[:2]): t for t in d.tables}
    summary = [[_kr(c.text) for c in r.cells] for r in tables["Mått", "Medel"].rows]
    net = run["net_benefit"]
    assert summary[1][1:] == [fmt.money(net[k]) for k in ("mean", "p5", "p50", "p95")]
    payers = {
        r.cells[0].text: [_kr(c.text) for c in r.cells]
        for r in tables["Betalare", "Medel (kr)"].rows[1:]
    }
    # seven columns: the amounts without 'kr', the unit in the header
    assert [c.text for c in tables["Betalare", "Medel (kr)"].rows[0].cells][1] == "Medel (kr)"
    for payer, d_ in run["by_payer"].items():
        assert payers[payer_label(payer)][1] + " kr" == fmt.money(d_["net_benefit"]["mean"])
    years = [[_kr(c.text) for c in r.cells] for r in tables["År", "Kostnader"].rows[1:]]
    assert [y[3] for y in years] == [fmt.money(y["net_benefit"]["mean"]) for y in run["by_year"]]
    text = "\n".join(p.text for p in d.paragraphs)
    for title in _references(s.data["parameters"]):
        assert title in text  # under the table: Källor och motiveringar
    names = [r.cells[0].text for r in tables["Antagande", "Värde eller fördelning"].rows[1:]]
    assert len(names) == len(s.parameters)
    # the summary is run's own sentence, with run's figures
    assert headline(run) in text
    assert fmt.percent(run["probability_net_benefit_positive"]) in headline(run)
    shapes = d.inline_shapes
    assert len(shapes) >= 3
    assert all(sh._inline.docPr.get("descr") for sh in shapes)  # alternative text
    assert run["scenario_sha256"] in "\n".join(
        c.text for r in tables["Uppgift", "Värde"].rows for c in r.cells
    )


def test_xlsx_stores_numbers_as_numbers(produced: Any) -> None:
    s, run, sens, files = produced
    wb = openpyxl.load_workbook(files["xlsx"])
    for name in ("Sammanfattning", "Antaganden", "Per år", "Per betalare", "Känslighet"):
        assert name in wb.sheetnames
        assert wb[name].freeze_panes == "A2"
        assert all(c.font.bold for c in wb[name][1] if c.value is not None)
    rows = {r[0].value: r for r in wb["Sammanfattning"].iter_rows(min_row=2) if r[0].value}
    net = rows["Nettonytta (diskonterad)"]
    assert _same(
        [c.value for c in net[1:5]], [run["net_benefit"][k] for k in ("mean", "p5", "p50", "p95")]
    )
    assert net[1].number_format == "#,##0"
    assert wb["Sammanfattning"]["B1"].value == "Medel (kr)"
    payers = {r[0].value: r for r in wb["Per betalare"].iter_rows(min_row=2)}
    for payer, d_ in run["by_payer"].items():
        row = payers[payer_label(payer)]
        assert _same([row[1].value, row[4].value], [d_["net_benefit"]["mean"], d_["budget"]])
    years = list(wb["Per år"].iter_rows(min_row=2, values_only=True))
    assert [y[0] for y in years] == [y["year"] for y in run["by_year"]]
    assert _same([y[1] for y in years], [y["costs"] for y in run["by_year"]])
    assert _same(
        [y[6] for y in years], [y["cumulative_net_benefit"]["mean"] for y in run["by_year"]]
    )
    tornado = list(wb["Känslighet"].iter_rows(min_row=2, values_only=True))
    assert _same([r[1] for r in tornado], [e["low"] for e in sens["tornado"]])
    assert _same([r[2] for r in tornado], [e["high"] for e in sens["tornado"]])
    sources = " ".join(str(r[7]) for r in wb["Antaganden"].iter_rows(min_row=2, values_only=True))
    for title in _references(s.data["parameters"]):
        assert title in sources
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            for v in row:
                assert not (isinstance(v, str) and _looks_numeric(v)), f"{ws.title}: {v!r} is text"


def _looks_numeric(text: str) -> bool:
    """Whether a text is a number in disguise ('1 826 000 kr', '0,33', '11', '93 %')."""
    plain = text.replace("\u2212", "-").replace("\u00a0", "").replace(" ", "")
    plain = plain.removesuffix("kr").removesuffix("%").replace(",", ".")
    try:
        float(plain)
    except ValueError:
        return False
    return True


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.cells: dict[str, list[str]] = {}
        self._table = ""
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "div" and a.get("data-table"):
            self._table = a["data-table"] or ""
            self.cells[self._table] = []
        if tag in ("td", "th", "h1", "h2"):
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in in ("td", "th") and self._table:
            self.cells[self._table].append(data)
        if self._in in ("h1", "h2"):
            self.tags.append((f"{self._in}-text", {"text": data}))


def test_html_is_self_contained_with_run_figures(produced: Any) -> None:
    s, run, _sens, files = produced
    raw = files["html"].read_text(encoding="utf-8")
    page = _Page()
    page.feed(raw)
    names = {tag for tag, _ in page.tags}
    assert not names & {"script", "link", "iframe", "object", "embed", "base"}
    for tag, attrs in page.tags:
        for key in ("src", "href", "srcset", "poster", "action", "data"):
            value = attrs.get(key)
            if value is not None:
                assert value.startswith(("data:", "#")), f"<{tag} {key}={value[:40]}>"
        if tag == "img":
            assert attrs.get("alt")
    assert "@import" not in raw and "url(" not in raw
    assert not re.search(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", raw.split("<body>")[0])
    assert [a["text"] for t, a in page.tags if t == "h2-text"] == SECTIONS
    assert sum(1 for t, _ in page.tags if t == "h1") == 1
    assert ("html", {"lang": "sv"}) in page.tags
    cells = page.cells["summary"]
    net = run["net_benefit"]
    row = cells.index("Nettonytta (diskonterad)")
    assert cells[row + 1 : row + 5] == [fmt.money(net[k]) for k in ("mean", "p5", "p50", "p95")]
    section = raw.split('<section id="assumptions">')[1].split("</section>")[0]
    for title in _references(s.data["parameters"]):
        assert escape(title) in section
