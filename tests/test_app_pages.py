"""What the pages say (#11 points 6, 7, 8, 10, 11 under AppTest): the comparison warns about
everything that differs besides the assumptions and names what a variant changed, the user's
view stays when the scenario changes, a one-year horizon shows a distribution, tables download
as CSV and Excel and charts save under the scenario's stamp, every chart has its figures in
text beside it and colour never carries meaning alone."""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from costmodel.app import charts, common, downloads

ROOT = Path(__file__).resolve().parents[1]
V = "file_vaxjo_yaml"
MODE_KEY = f"arg__{V}__avoided_placement_years__pert__mode"


def new_app() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["page"] = "Anpassa"  # drawn only while open, like every page but the first
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_compare(at: AppTest) -> None:
    at.session_state["page"] = "Jämför"
    at.run()


def charts_config(at: AppTest, tab: int) -> list[dict[str, object]]:
    return [json.loads(c.proto.config) for c in at.tabs[tab].get("plotly_chart")]


def test_comparison_warns_about_discount_rate_price_year_and_perspective() -> None:
    at = new_app()
    open_compare(at)
    at.multiselect(key="compare_choice").set_value(
        ["file:skarholmen.yaml", "file:skarholmen-diskonterad.yaml"]
    ).run()
    warnings = " ".join(w.value for w in at.tabs[2].warning)
    assert "diskonteringsränta" in warnings and "3,5 %" in warnings
    at.multiselect(key="compare_choice").set_value(
        ["file:vaxjo.yaml", "file:sodertalje.yaml"]
    ).run()
    warnings = " ".join(w.value for w in at.tabs[2].warning)
    assert "prisår (" in warnings and "2015" in warnings and "2017" in warnings
    assert "perspektiv" in warnings and "tidshorisont" in warnings


def test_comparison_table_names_what_changed_in_kronor_with_a_minus_sign() -> None:
    at = new_app()
    at.text_input(key=MODE_KEY).input("0,2").run()  # a worse effect: a negative difference
    open_compare(at)  # Anpassa's edits count while its tab is closed
    table = next(t.value for t in at.tabs[2].table if t.value.columns[0] == "Mått")
    rows = {r.iloc[0]: list(r.iloc[1:]) for _, r in table.iterrows()}
    assert rows["Ändrade antaganden"] == ["jämförelsebas", "Undvikna placeringsår per år med SIG"]
    assert all("mnkr" not in c and c.count(" kr") == 2 for c in rows["90 % intervall"])
    assert rows["Skillnad i nettonytta"][1].startswith("\u2212")
    assert "-" not in rows["Skillnad i nettonytta"][1]
    deltas = [m.delta for m in at.tabs[2].metric if m.delta]
    assert deltas and all(d[0] in "+\u2212" for d in deltas)


def test_percentage_points_are_singular_for_one() -> None:
    assert common.pp_text(1.0, "sv") == "1 procentenhet"
    assert common.pp_text(2.0, "sv") == "2 procentenheter"
    assert common.pp_text(1.0, "en") == "1 percentage point"


def test_the_payer_chart_of_the_comparison_says_every_payer() -> None:
    fig = charts.compare_payers(["Kommunen"], [("A", [1.0e6]), ("B", [2.0e6])], "sv", 2024)
    assert "Alla betalare" in charts.figure_texts(fig)["subtitle"]
    assert "Hela samhället" not in charts.figure_texts(fig)["subtitle"]


def test_the_chosen_view_stays_when_another_scenario_is_chosen() -> None:
    at = new_app()
    assert at.sidebar.radio(key="perspective").value == "kommun"  # Växjö's own
    at.sidebar.radio(key="perspective").set_value("samhalle").run()
    at.selectbox(key="scenario_choice").set_value("file:skarholmen.yaml").run()
    assert at.sidebar.radio(key="perspective").value == "samhalle"
    captions = " ".join(c.value for c in at.sidebar.caption)
    assert "Du visar hela samhället" in captions and "kommunens budget" in captions


def test_a_one_year_horizon_shows_the_distribution_not_a_curve() -> None:
    at = new_app()  # Växjö: one year
    keys = [c.proto.id for c in at.tabs[0].get("plotly_chart")]
    assert any("net_histogram_overview" in k for k in keys)
    assert not any("fan_chart" in k for k in keys)
    labels = [m.label for m in at.tabs[0].metric]
    assert "Lönsam från år" not in labels
    assert any(
        "Lönar sig i" in c.value and "av simuleringarna" in c.value for c in at.tabs[0].caption
    )
    at.selectbox(key="scenario_choice").set_value("file:sodertalje.yaml").run()  # three years
    keys = [c.proto.id for c in at.tabs[0].get("plotly_chart")]
    assert any("fan_chart" in k for k in keys)
    assert "Lönsam från år" in [m.label for m in at.tabs[0].metric]


def test_charts_save_under_the_scenarios_stamp() -> None:
    at = new_app()
    open_compare(at)
    for tab in (0, 1, 2):
        for config in charts_config(at, tab):
            options = config["toImageButtonOptions"]
            assert isinstance(options, dict) and options["format"] == "png"
            name = str(options["filename"])
            assert ("-seed" in name and "-n" in name) or name.startswith("jamforelse-"), name
    name = str(charts_config(at, 0)[0]["toImageButtonOptions"]["filename"])  # type: ignore[index]
    assert name.startswith("vaxjo-") and "seed20150801-n10000" in name
    at.radio(key="image_format").set_value("svg").run()
    assert charts_config(at, 0)[0]["toImageButtonOptions"]["format"] == "svg"  # type: ignore[index]


def test_tables_download_as_csv_and_excel() -> None:
    at = new_app()
    open_compare(at)
    labels = [b.label for b in at.tabs[0].get("download_button")]
    assert "Ladda ner tabellen (Excel)" in labels
    assert any(lb.startswith("Ladda ner tabellen (CSV)") for lb in labels)
    assert any(b.label == "Ladda ner tabellen (Excel)" for b in at.tabs[2].get("download_button"))
    frame = [{"År": 1, "Nettonytta (kr)": 1234.5}, {"År": 2, "Nettonytta (kr)": -10.0}]
    csv = downloads.to_csv(frame, "sv").decode("utf-8-sig")
    assert csv.splitlines() == ["År;Nettonytta (kr)", "1;1234,5", "2;-10,0"]
    assert downloads.to_csv(frame, "en").decode("utf-8-sig").splitlines()[1] == "1,1234.5"
    book = openpyxl.load_workbook(
        io.BytesIO(downloads.to_xlsx({"Per år": frame}, {"sha256": "abc", "seed": 7}))
    )
    assert book.sheetnames == ["Per år", "costmodel"]
    assert book["Per år"]["B2"].value == 1234.5  # a number, not a text
    assert [c.value for c in book["costmodel"]["A"]][1:] == ["sha256", "seed"]


def test_overview_tables_hold_every_payer_and_year() -> None:
    from costmodel import engine, scenario

    s = scenario.load(ROOT / "scenarios" / "sodertalje.yaml")
    r = engine.run(s, iterations=500, seed=1)
    tables = downloads.overview_tables(r.summary("kommun"), r.summary("samhalle"), "sv")
    payers, years = tables["Per betalare"], tables["Per år"]
    assert {row["Betalare"] for row in payers} == set(r.summary("samhalle")["by_payer"])
    assert [row["År"] for row in years] == [1, 2, 3]


def test_every_chart_has_its_figures_in_text_beside_it() -> None:
    at = new_app()
    over = at.tabs[0]
    assert any(e.label == "Siffrorna i diagrammet" for e in over.expander)
    assert all(c.proto.alt for c in over.get("plotly_chart"))
    tune = at.tabs[1]
    assert any("Lönar sig i" in c.value for c in tune.caption)
    assert any(e.label == "Siffrorna i diagrammet" for e in tune.expander)
    open_compare(at)
    assert all(c.proto.alt for c in at.tabs[2].get("plotly_chart"))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_figure_in_a_chart_table_never_breaks_over_two_lines(lang: str) -> None:
    """On a phone "−513 000 kr" wrapped as "−513 000" / "kr": a figure's spaces do not break,
    the first column's words (payer, year, category) still do."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["lang"] = lang
    at.run()
    label = {"sv": "Siffrorna i diagrammet", "en": "The figures in the chart"}[lang]
    tables = [e.markdown[0].value for e in at.tabs[0].expander if e.label == label]
    assert tables
    for table in tables:
        rows = [line.strip("|").split(" | ") for line in table.splitlines()[2:]]
        assert rows and all(len(r) >= 2 for r in rows)
        figures = [cell.strip() for r in rows for cell in r[1:]]
        assert all(any(ch.isdigit() for ch in f) for f in figures), figures
        assert not any(" " in f for f in figures), figures
        assert any("\u00a0" in f for f in figures)  # amounts with their unit, unbroken
    assert any(
        " " in r[0]
        for t in tables
        for r in [ln.strip("|").split(" | ") for ln in t.splitlines()[2:]]
    )


def test_losses_are_hatched_not_only_coloured() -> None:
    fig = charts.net_histogram(np.linspace(-1e6, 2e6, 1000), "sv", "Kommunen", 2024)
    loses = next(t for t in fig.data if t.name.startswith("Lönar sig inte"))
    pays = next(t for t in fig.data if t.name.startswith("Lönar sig ("))
    assert loses.marker.pattern.shape == "/" and not pays.marker.pattern.shape


def test_only_the_first_and_the_open_page_are_drawn() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()  # a new visitor: Översikt only
    assert at.tabs[0].get("plotly_chart")
    assert len(at.tabs[1].children) == len(at.tabs[2].children) == len(at.tabs[3].children) == 0
    at.session_state["page"] = "Anpassa"
    at.run()
    assert at.tabs[1].get("plotly_chart") and len(at.tabs[2].children) == 0


def test_assumptions_fold_in_groups_and_long_names_are_written_out() -> None:
    at = new_app()
    at.selectbox(key="scenario_choice").set_value("file:mall.yaml").run()
    groups = [e for e in at.tabs[1].expander if e.label != "Siffrorna i diagrammet"]
    assert len(groups) >= 3  # the intervention, then one group per placement and offence
    at.selectbox(key="scenario_choice").set_value("file:mall-langsiktig.yaml").run()
    label = "Mall – med långsiktig brottskarriär (osäker)"
    assert any(c.value == label for c in at.sidebar.caption)  # the whole name under the box


@pytest.mark.parametrize(
    ("lang", "text"),
    [("sv", "Räknar 200 000 simuleringar …"), ("en", "Running 200,000 iterations …")],
)
def test_the_spinner_says_how_many_iterations_run(
    lang: str, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # issue 12: long work in the dashboard says so, with the count
    monkeypatch.setattr(common, "current_lang", lambda: lang)
    assert common.computing(200_000).replace("\xa0", " ") == text
