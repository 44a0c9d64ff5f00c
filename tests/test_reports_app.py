"""Report downloads in the dashboard: three formats on Översikt and Anpassa, the summary to
copy, and files with the figures the page shows (the tuned variant's with its changes)."""

from __future__ import annotations

import io

import docx
import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from costmodel import scenario
from costmodel.app import report_downloads, state
from costmodel.scenario.payers import SOCIETY
from costmodel.text import fmt
from costmodel.views.table import headline

from .test_app import APP, APY_PUBLISHED, MODE_KEY, VAXJO, no_errors

LABELS = ["Word (.docx)", "Excel (.xlsx)", "Webbsida (.html)"]


def _app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    no_errors(at)
    return at


def test_overview_and_tune_offer_three_formats_and_the_summary() -> None:
    at = _app()
    # the overview's tables have their own downloads (CSV, Excel) before the reports
    assert [b.label for b in at.tabs[0].get("download_button")][-3:] == LABELS
    at.session_state["page"] = "Anpassa"  # drawn only while open
    at.run()
    no_errors(at)
    over = at.tabs[0]
    assert [b.label for b in at.tabs[1].get("download_button")][-3:] == LABELS
    s = scenario.load(VAXJO)
    view = state.compute_view(s, s.meta.iterations, s.meta.seed)
    copy = [c.value for c in over.code]
    assert len(copy) == 1
    assert copy[0].startswith(s.meta.name)
    assert headline(view.summaries["kommun"]) in copy[0]
    assert fmt.money(view.summaries[SOCIETY]["by_payer"]["stat"]["net_benefit"]["mean"]) in copy[0]
    at.text_input(key=MODE_KEY).input(str(APY_PUBLISHED).replace(".", ",")).run()
    no_errors(at)
    captions = " ".join(c.value for c in at.tabs[1].caption)
    assert "Rapporten gäller den anpassade varianten och listar dess ändringar." in captions


def _entry() -> state.Entry:
    s = scenario.load(VAXJO)
    return state.Entry("file:vaxjo.yaml", "shipped", s, "vaxjo.yaml")


def test_a_download_holds_the_figures_on_screen() -> None:
    entry = _entry()
    view = state.compute_view(entry.scenario, 300, 5)
    data = report_downloads._maker(entry, view, "kommun", "sv", None, "xlsx")()
    wb = openpyxl.load_workbook(io.BytesIO(data))
    rows = {r[0].value: r for r in wb["Sammanfattning"].iter_rows(min_row=2) if r[0].value}
    net = view.summaries["kommun"]["net_benefit"]
    assert rows["Nettonytta (diskonterad)"][1].value == pytest.approx(net["mean"], rel=1e-14)
    about = {r[0]: r[1] for r in wb["Om kalkylen"].iter_rows(values_only=True)}
    assert about["Slumpfrö"] == 5 and about["Simuleringar"] == 300
    assert about["Scenariofil"] == "vaxjo.yaml"


def test_the_tuned_variants_report_lists_its_changes() -> None:
    entry = _entry()
    tuned_s = scenario.with_values(
        entry.scenario, {"avoided_placement_years": 1.0}, name="Växjö (anpassad)"
    )
    tuned = state.Entry("tuned:file:vaxjo.yaml", "variant", tuned_s, "vaxjo.yaml")
    view = state.compute_view(tuned_s, 200, 5)
    data = report_downloads._maker(tuned, view, "kommun", "sv", entry, "docx")()
    d = docx.Document(io.BytesIO(data))
    changed = {tuple(c.text for c in r.cells) for t in d.tables for r in t.rows}
    assert (
        "Undvikna placeringsår per år med SIG",
        "PERT lägst 0, troligast 0,5, högst 1,5",
        "fast värde 1",
    ) in changed
    assert d.paragraphs[0].text == "Växjö (anpassad)"
    assert "anpassad variant av Växjö – en undviken placering per år" in d.paragraphs[1].text
