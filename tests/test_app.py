"""The dashboard under Streamlit's AppTest: every page renders, edits move the KPIs, uploads
report their problems in the page, and the pure helpers behind the pages keep their promises
(valid suggested distributions, a download that loads back to the same numbers)."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import numpy as np
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block

from costmodel import engine, scenario
from costmodel.analysis.budget import non_cash_by_kind
from costmodel.app import charts, common, sensitivity_text, specs, state, upload, widgets
from costmodel.app.words import STRINGS, tr
from costmodel.scenario.distributions import KINDS, parse
from costmodel.scenario.payers import SOCIETY

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
VAXJO = ROOT / "scenarios" / "vaxjo.yaml"
V = "file_vaxjo_yaml"  # the key slug of the shipped Växjö scenario
# the effect the tests edit: pert(0, 0.5, 1.5), its published figure 1 placement-year a year
APY = scenario.load(VAXJO).parameters["avoided_placement_years"]
APY_MODE = APY.dist.args()["mode"]  # 0.5
APY_PUBLISHED = APY.published  # 1.0
MODE_KEY = f"arg__{V}__avoided_placement_years__{APY.dist.kind}__mode"
KIND_KEY = f"kind__{V}__avoided_placement_years"


def new_app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["page"] = "Anpassa"  # drawn only while open, like every page but the first
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_compare(at: AppTest, lang: str = "sv") -> None:
    """Open Jämför (drawn only while its tab is open)."""
    at.session_state["page"] = tr("tab_compare", lang)
    at.run()
    no_errors(at)


def metric(at: AppTest, label: str, tab: int) -> str:
    """The value of the KPI card ``label`` on tab ``tab`` (0 Översikt, 1 Anpassa, 2 Jämför,
    3 Känslighet)."""
    values = [m.value for m in at.tabs[tab].metric if m.label == label]
    assert values, f"no metric {label!r} on tab {tab}"
    return values[0]


def mnkr(text: str) -> float:
    """'1,6 mnkr' or '-0,83 mnkr' -> 1.6 / -0.83."""
    return float(
        text.replace("mnkr", "")
        .replace("\xa0", "")
        .replace(" ", "")
        .replace(",", ".")
        .replace("\u2212", "-")
    )


def no_errors(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


# --- pages render ------------------------------------------------------------------------------


def test_overview_renders_kpis_sentence_and_charts() -> None:
    at = new_app()
    no_errors(at)
    assert [t.label for t in at.tabs] == ["Översikt", "Anpassa", "Jämför", "Känslighet"]
    over = at.tabs[0]
    labels = [m.label for m in over.metric]
    assert labels == [
        "Kommunens budget",
        "Hela samhället",
        "Chans att SIG lönar sig",
        "Kostnad per ungdom",
        "Sämsta 5 % av utfallen",  # a one-year horizon: no 'from year 1 within 1 year'
    ]
    # Växjö, municipal budget: a placement-year at 2,52 mnkr on average × pert(0, 0.5, 1.5)
    # placement-years (mean 0.58) − SIG at 0,92 mnkr on average ≈ 0,56 mnkr
    assert 0.4 < mnkr(metric(at, "Kommunens budget", 0)) < 0.7
    assert mnkr(metric(at, "Sämsta 5 % av utfallen", 0)) < mnkr(metric(at, "Kommunens budget", 0))
    sentence = over.info[0].value
    assert sentence.startswith("Med kommunen som perspektiv ger SIG i genomsnitt")
    assert "90 % av simuleringarna" in sentence
    assert any("90 % intervall" in c.value for c in over.caption)
    charts_on_page = over.get("plotly_chart")
    assert len(charts_on_page) == 2


def test_tune_page_has_an_editor_per_parameter_with_unit_and_source() -> None:
    at = new_app()
    tune = at.tabs[1]
    s = scenario.load(VAXJO)
    kinds = [sb.key for sb in tune.selectbox]
    for name in s.parameters:
        assert f"kind__{V}__{common.slug(name)}" in kinds
    titles = " ".join(m.value for m in tune.markdown)
    assert "**SIG:s kostnad per år** · kr/år" in titles
    sources = [c.value for c in tune.caption if c.value.startswith("medel")]
    assert len(sources) == len(s.parameters)
    assert all("Källa: " in c for c in sources)
    assert tune.get("download_button")[0].label == "Ladda ner som YAML-fil"
    assert len(tune.get("plotly_chart")) == 2


def test_compare_page_renders_two_scenarios_by_default() -> None:
    at = new_app()
    open_compare(at)
    no_errors(at)
    cmp_ = at.tabs[2]
    chosen = at.multiselect(key="compare_choice").value
    assert len(chosen) == 2 and chosen[0] == "file:vaxjo.yaml"
    assert len([m for m in cmp_.metric if m.label == "Förväntad nettonytta"]) == 2
    assert len(cmp_.get("plotly_chart")) == 2
    assert len(cmp_.table) == 1  # the differences
    # the payer chart's figures beside it, as a markdown table in its folded expander
    figures = next(e for e in cmp_.expander if e.label == "Siffrorna i diagrammet")
    assert figures.markdown[0].value.startswith("| Betalare |")


# --- interaction -------------------------------------------------------------------------------


def test_changing_a_parameter_moves_the_tune_kpis_but_not_the_overview() -> None:
    at = new_app()
    before_tune = mnkr(metric(at, "Förväntad nettonytta", 1))
    before_over = metric(at, "Kommunens budget", 0)
    assert at.text_input(key=MODE_KEY).value == "0,5" and APY_MODE == 0.5
    at.text_input(key=MODE_KEY).input("1").run()  # the published 1 as the mode
    no_errors(at)
    after_tune = mnkr(metric(at, "Förväntad nettonytta", 1))
    # half a placement-year more in the PERT's mode adds 4 × 0.5 / 6 = 1/3 placement-year on
    # average, at 2,52 mnkr each: ≈ +0,8 mnkr, from 0,56 to 1,4 mnkr
    assert 0.7 < after_tune - before_tune < 1.0
    assert 1.3 <= after_tune <= 1.5
    delta = next(m.delta for m in at.tabs[1].metric if m.label == "Förväntad nettonytta")
    assert delta.startswith("+") and delta.endswith("mnkr")
    assert metric(at, "Kommunens budget", 0) == before_over
    assert any("ändrad" in m.value for m in at.tabs[1].markdown)
    # the tuned variant is offered for comparison at once
    open_compare(at)
    assert f"tuned:file:{VAXJO.name}" in at.multiselect(key="compare_choice").value


def source_calculation(at: AppTest) -> list[str]:
    """The lines of the source's own calculation on Översikt: the block keyed
    ``published_overview``, which must come right after the KPI cards ([] if absent)."""
    children = list(at.tabs[0].children.values())
    blocks = {i: node for i, node in enumerate(children) if isinstance(node, Block)}
    found = [i for i, b in blocks.items() if b.proto.id.endswith("-published_overview")]
    if not found:
        return []
    assert len(found) == 1
    kpis = next(i for i, b in blocks.items() if b.proto.id.endswith("-kpi_cards_overview"))
    assert found[0] == kpis + 1, "not right below the KPI cards"
    return [c.value for c in children[found[0]].caption]


def test_overview_shows_the_source_calculation_apart_from_the_estimate() -> None:
    s = scenario.load(VAXJO)
    assert s.published
    published = engine.run(s, published=True).summary("kommun")["net_benefit"]["mean"]
    assert published == 2_726_000 - 900_000  # Växjö's hand calculation
    at = new_app()
    no_errors(at)
    assert source_calculation(at) == [
        "**Så räknade källan (publicerade siffror, utan osäkerhet):** 1\xa0826\xa0000 kr för "
        "kommunen. Vår bedömning ovan bygger på ärligare intervall."
    ]
    # the Monte Carlo estimate above it keeps its own, lower value
    assert mnkr(metric(at, "Kommunens budget", 0)) < 0.7
    at.radio(key="lang").set_value("en").run()
    no_errors(at)
    assert source_calculation(at) == [
        "**As the source calculated it (published figures, no uncertainty):** SEK 1,826,000 for "
        "the municipality. Our estimate above uses more honest ranges."
    ]
    # Växjö counted the municipality only: for society the central values fill in the rest
    # (the state's share of a SiS placement 681 500, half a robbery at 200 000)
    at.radio(key="perspective").set_value(SOCIETY).run()
    no_errors(at)
    assert source_calculation(at) == [
        "**With the source's published figures (central values for the rest, no uncertainty):** "
        "SEK 2,607,500 for society as a whole. The source calculated for the municipality; our "
        "estimate above uses more honest ranges."
    ]
    # the template publishes nothing: no line
    assert not scenario.load(ROOT / "scenarios" / "mall.yaml").published
    at.selectbox(key="scenario_choice").set_value("file:mall.yaml").run()
    no_errors(at)
    assert len(at.tabs[0].metric) == 5 and source_calculation(at) == []


def test_an_upload_without_published_figures_shows_no_source_calculation() -> None:
    at = new_app()
    assert source_calculation(at) != []  # Växjö's
    data = (ROOT / "tests" / "fixtures" / "minimal.yaml").read_bytes()
    assert b"published" not in data
    at.file_uploader(key="upload").set_value(("minimal.yaml", data, "application/x-yaml"))
    at.run()
    no_errors(at)
    assert at.selectbox(key="scenario_choice").value.startswith("upload:minimal_yaml:")
    assert len(at.tabs[0].metric) == 5 and source_calculation(at) == []


def test_perspective_switch_changes_the_overview() -> None:
    at = new_app()
    assert at.radio(key="perspective").value == "kommun"
    kommun = mnkr(metric(at, "Kommunens budget", 0))
    at.radio(key="perspective").set_value(SOCIETY).run()
    no_errors(at)
    society = mnkr(metric(at, "Förväntad nettonytta", 0))
    # society adds the state's share of a SiS placement and the robbery avoided
    assert society > kommun + 0.5
    assert at.tabs[0].info[0].value.startswith("Med hela samhället som perspektiv")


def dashboard_summaries() -> dict[str, dict[str, object]]:
    """Växjö's summaries from the engine itself, with the dashboard's iterations and seed."""
    s = scenario.load(VAXJO)
    r = engine.run(s, iterations=state.effective_iterations(s, 0), seed=s.meta.seed)
    return {persp: r.summary(persp) for persp in state.VIEWS}


def kpi_row(at: AppTest, label: str) -> list[str]:
    """The labels of the KPI cards in the same row as the card ``label`` on Översikt."""
    box = next(
        node
        for node in at.tabs[0].children.values()
        if isinstance(node, Block) and node.proto.id.endswith("-kpi_cards_overview")
    )
    for row in box.children.values():  # the rows of columns
        labels = [m.label for m in row.get("metric")]
        if label in labels:
            return labels
    raise AssertionError(f"no KPI card {label!r}")


def test_the_first_card_is_the_kommuns_budget_with_society_beside_it() -> None:
    summaries = dashboard_summaries()
    kommun, society = summaries["kommun"], summaries[SOCIETY]
    budget = kommun["budget_net_benefit"]
    soc = society["by_payer"][SOCIETY]
    # Växjö counts placements only for the kommun: all cash, so its budget is its net benefit;
    # society adds the state's SiS share (capacity) and the robbery avoided (welfare)
    assert budget == kommun["net_benefit"]
    assert soc["non_cash"] > 0.3e6 and soc["non_cash_kind"] == "mixed"
    at = new_app()
    no_errors(at)
    cards = at.tabs[0].metric
    assert cards[0].label == "Kommunens budget"
    assert cards[0].value == common.kpi_money(budget["mean"], "sv")
    assert kpi_row(at, "Kommunens budget") == ["Kommunens budget", "Hela samhället"]
    assert cards[1].value == common.kpi_money(society["net_benefit"]["mean"], "sv")
    captions = [c.value for c in at.tabs[0].caption]
    assert captions[0] == common.interval_text(budget["p5"], budget["p95"], "sv")
    net = society["net_benefit"]
    assert captions[1].split("  \n") == [
        common.interval_text(net["p5"], net["p95"], "sv"),
        f"varav {common.kpi_money(soc['non_cash'], 'sv')} frigjord kapacitet och välfärd, "
        "inte pengar i någon budget",
    ]
    # the help says in words what is cash, what is freed capacity and what is welfare
    split = non_cash_by_kind(society["by_payer"])
    help_ = str(cards[1].proto.help)
    for amount in (soc["budget"], split["capacity"], split["welfare"]):
        assert common.kpi_money(amount, "sv") in help_
    assert "frigjord kapacitet" in help_ and "välfärd" in help_
    at.radio(key="lang").set_value("en").run()
    no_errors(at)
    assert kpi_row(at, "Municipal budget") == ["Municipal budget", "Society as a whole"]
    cards = at.tabs[0].metric
    assert cards[0].value == common.kpi_money(budget["mean"], "en")
    assert cards[1].value == common.kpi_money(net["mean"], "en")
    assert "not money in any budget" in at.tabs[0].caption[1].value


def test_society_shows_its_cash_part_beside_the_net_benefit() -> None:
    society = dashboard_summaries()[SOCIETY]
    at = new_app()
    at.radio(key="perspective").set_value(SOCIETY).run()
    no_errors(at)
    cards = at.tabs[0].metric
    assert [m.label for m in cards][:2] == ["Förväntad nettonytta", "Varav i budgetarna (kontant)"]
    assert kpi_row(at, "Förväntad nettonytta") == [m.label for m in cards][:2]
    assert cards[0].value == common.kpi_money(society["net_benefit"]["mean"], "sv")
    assert cards[1].value == common.kpi_money(society["budget_net_benefit"]["mean"], "sv")
    rest = common.kpi_money(society["by_payer"][SOCIETY]["non_cash"], "sv")
    assert f"resten, {rest}, är frigjord kapacitet och välfärd" in at.tabs[0].caption[1].value
    assert len(at.tabs[0].get("plotly_chart")) == 2
    # a scenario whose society is the kommun alone, all cash, shows no second figure
    at.selectbox(key="scenario_choice").set_value("file:skarholmen.yaml").run()
    at.radio(key="perspective").set_value(SOCIETY).run()
    no_errors(at)
    assert [m.label for m in at.tabs[0].metric][:2] == [
        "Förväntad nettonytta",
        "Chans att SIG lönar sig",
    ]


def test_non_cash_is_summed_by_kind_over_the_payers() -> None:
    by_payer = {
        SOCIETY: {"non_cash": 5.0, "non_cash_kind": "mixed"},
        "kommun": {"non_cash": 0.0, "non_cash_kind": "capacity"},
        "stat": {"non_cash": 3.0, "non_cash_kind": "capacity"},
        "region": {"non_cash": -1.0, "non_cash_kind": "capacity"},
        "ovrigt": {"non_cash": 3.0, "non_cash_kind": "welfare"},
    }
    assert non_cash_by_kind(by_payer) == {"capacity": 2.0, "welfare": 3.0}
    assert non_cash_by_kind({}) == {"capacity": 0.0, "welfare": 0.0}


def test_changing_the_distribution_kind_gives_new_inputs() -> None:
    at = new_app()
    at.selectbox(key=KIND_KEY).set_value("fixed").run()
    no_errors(at)
    key = f"arg__{V}__avoided_placement_years__fixed__value"
    assert at.text_input(key=key).value == "0,5"  # the PERT's mode
    at.text_input(key=key).input("0").run()
    no_errors(at)
    # no placement avoided: the municipality only pays for SIG
    assert mnkr(metric(at, "Förväntad nettonytta", 1)) < -0.7
    assert metric(at, "Chans att SIG lönar sig", 1) == "0\xa0%"


def test_an_invalid_edit_is_explained_and_left_out() -> None:
    at = new_app()
    before = metric(at, "Förväntad nettonytta", 1)
    at.text_input(key=MODE_KEY).input("5").run()  # mode above high (1.5)
    assert not at.exception
    errors = [e.value for e in at.tabs[1].error]
    assert len(errors) == 1
    assert "Ogiltigt värde" in errors[0]
    # the fields' labels, not the YAML keys (#11 point 4)
    assert "- Lägsta = 0, Troligast = 5, Högsta = 1,5 står i fel ordning" in errors[0]
    assert "Lägsta ≤ Troligast ≤ Högsta" in errors[0]
    assert "low" not in errors[0] and "mode" not in errors[0]
    assert "rad " not in errors[0]  # no line numbers of a file the user never wrote
    assert metric(at, "Förväntad nettonytta", 1) == before
    warnings = [w.value for w in at.tabs[1].warning]
    assert any("1 ändring är ogiltig och används inte" in w for w in warnings)
    # one message about the edits, not "invalid: 1" beside "no edits yet"
    captions = " ".join(c.value for c in at.tabs[1].caption)
    assert "Inga ändringar ännu" not in captions
    assert "Inga giltiga ändringar" in captions


def test_a_zero_that_would_divide_is_refused_in_place() -> None:
    at = new_app()
    at.selectbox(key="scenario_choice").set_value("file:skarholmen.yaml").run()
    no_errors(at)
    before = metric(at, "Förväntad nettonytta", 1)
    key = "arg__file_skarholmen_yaml__baseline_months__fixed__value"
    at.text_input(key=key).input("0").run()  # baseline cost per month: division by zero
    assert not at.exception
    messages = [e.value for e in at.tabs[1].error]
    assert len(messages) == 1 and "perioden före kan bli 0 månader" in messages[0]
    assert metric(at, "Förväntad nettonytta", 1) == before


def test_a_run_that_fails_shows_an_error_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise engine.TooLarge("the inputs give non-finite amounts")

    st.cache_data.clear()
    monkeypatch.setattr(state.engine, "run", refuse)
    at = new_app()
    assert not at.exception
    assert at.error[0].value.startswith("Scenariot kan inte räknas: the inputs give non-finite")
    assert len(at.metric) == 0
    st.cache_data.clear()


def test_reset_restores_the_original_numbers() -> None:
    at = new_app()
    original = metric(at, "Förväntad nettonytta", 1)
    at.text_input(key=MODE_KEY).input("1").run()
    assert metric(at, "Förväntad nettonytta", 1) != original
    at.button(key="reset_edits").click().run()
    no_errors(at)
    assert metric(at, "Förväntad nettonytta", 1) == original
    assert at.text_input(key=MODE_KEY).value == "0,5"


def test_edits_valid_alone_but_not_together_can_be_reset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two edits each valid alone but not together: the results are the scenario's own, so
    the page said 'no edits yet' beside them and the reset button was disabled."""
    shutil.copy(ROOT / "scenarios" / "skarholmen.yaml", tmp_path / "skarholmen.yaml")
    # a month of room: the 17-month follow-up fits in 2 years with 6 of them in the first
    (tmp_path / "slack.yaml").write_text(
        "extends: skarholmen.yaml\nscenario:\n  name: {sv: Slack, en: Slack}\n"
        "overrides:\n  parameters.followup_months_first_year.value: 6\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(state, "SCENARIO_DIR", tmp_path)
    at = new_app()
    at.selectbox(key="scenario_choice").set_value("file:slack.yaml").run()
    no_errors(at)
    original = metric(at, "Förväntad nettonytta", 1)
    follow = "arg__file_slack_yaml__followup_months__fixed__value"
    first = "arg__file_slack_yaml__followup_months_first_year__fixed__value"
    at.text_input(key=follow).input("18").run()  # 18 - 6 months: fits
    no_errors(at)
    assert metric(at, "Förväntad nettonytta", 1) != original
    at.text_input(key=first).input("5").run()  # 17 - 5 fits too, but 18 - 5 does not
    errors = [e.value for e in at.tabs[1].error]
    assert len(errors) == 1 and errors[0].startswith("Ändringarna går var för sig men inte")
    assert metric(at, "Förväntad nettonytta", 1) == original
    captions = " ".join(c.value for c in at.tabs[1].caption)
    assert "Inga giltiga ändringar" in captions and "Inga ändringar ännu" not in captions
    assert not at.button(key="reset_edits").disabled
    at.button(key="reset_edits").click().run()
    no_errors(at)
    assert at.text_input(key=follow).value == "17"
    assert at.text_input(key=first).value == "6"


def test_saved_variant_joins_the_scenario_list_and_the_comparison() -> None:
    at = new_app()
    at.text_input(key=MODE_KEY).input("1").run()
    at.text_input(key=f"variant_name__{V}").set_value("Växjö optimistisk").run()
    at.button(key="save_variant").click().run()
    no_errors(at)
    options = at.selectbox(key="scenario_choice").options
    assert any("Växjö optimistisk" in o for o in options)
    assert any("Sparade ”Växjö optimistisk”" in s.value for s in at.success)
    open_compare(at)
    labels = at.multiselect(key="compare_choice").options
    assert any(o.startswith("Växjö optimistisk") for o in labels)
    # the saved variant is compared once: not also as the identical tuned version
    chosen = at.multiselect(key="compare_choice").value
    assert len(chosen) == 2 and chosen[1].startswith("variant:"), chosen


def test_compare_three_and_then_one() -> None:
    at = new_app()
    open_compare(at)
    ms = at.multiselect(key="compare_choice")
    ids = ["file:vaxjo.yaml", "file:skarholmen.yaml", "file:sodertalje.yaml"]
    ms.set_value(ids).run()
    no_errors(at)
    assert len([m for m in at.tabs[2].metric if m.label == "Förväntad nettonytta"]) == 3
    deltas = [m.delta for m in at.tabs[2].metric if m.label == "Förväntad nettonytta"]
    assert deltas[0] is None or deltas[0] == ""
    assert all(d and d[0] in "+\u2212" for d in deltas[1:])  # the minus sign, not a hyphen
    # different price years are converted to the latest one
    assert any("2017 års priser" in c.value for c in at.tabs[2].caption)
    at.multiselect(key="compare_choice").set_value(ids[:1]).run()
    no_errors(at)
    assert any("minst två" in i.value for i in at.tabs[2].info)


# --- language ----------------------------------------------------------------------------------


def test_english_toggle_translates_pages_and_parameters() -> None:
    at = new_app()
    at.radio(key="lang").set_value("en").run()
    no_errors(at)
    assert [t.label for t in at.tabs] == ["Overview", "Tune", "Compare", "Sensitivity"]
    assert [m.label for m in at.tabs[0].metric] == [
        "Municipal budget",
        "Society as a whole",
        "Chance it pays off",
        "Cost per youth",
        "Worst 5% of outcomes",
    ]
    assert metric(at, "Municipal budget", 0).startswith("SEK ")
    assert at.tabs[0].info[0].value.startswith("From the perspective of ")
    assert "in 90% of simulations" in at.tabs[0].info[0].value
    titles = " ".join(m.value for m in at.tabs[1].markdown)
    assert "**Cost of SIG per year** · SEK/year" in titles
    assert at.text_input(key=MODE_KEY).label == "Most likely"
    assert at.radio(key="perspective").options == ["The municipal budget", "Society as a whole"]


def test_parameter_help_gives_description_and_note_in_the_language() -> None:
    at = new_app()
    s = scenario.load(VAXJO)
    p = s.parameters["sig_cost.kommun"]

    def help_of(label: str) -> str:
        title = next(m for m in at.tabs[1].markdown if m.value.startswith(f"**{label}**"))
        return str(title.proto.help)

    sv = help_of(p.text("sv"))
    assert sv.startswith(p.description["sv"]) and f"Anmärkning: {p.note_text('sv')}" in sv
    at.radio(key="lang").set_value("en").run()
    en = help_of(p.text("en"))
    assert en.startswith(p.description["en"]) and f"Note: {p.note_text('en')}" in en


def test_language_switch_keeps_every_choice() -> None:
    at = new_app()
    at.radio(key="perspective").set_value(SOCIETY).run()
    at.selectbox(key=KIND_KEY).set_value("pert").run()
    at.selectbox(key="iterations").set_value(1_000).run()
    sv_net = metric(at, "Förväntad nettonytta", 1)
    at.radio(key="lang").set_value("en").run()
    no_errors(at)
    assert at.radio(key="perspective").value == SOCIETY
    assert at.selectbox(key=KIND_KEY).value == "pert"
    assert at.selectbox(key="iterations").value == 1_000
    name = at.text_input(key=f"variant_name__{V}").value
    assert name == "Växjö – one placement avoided a year (tuned)"  # the English title
    en_net = metric(at, "Expected net benefit", 1)
    assert mnkr(sv_net) == float(en_net.removeprefix("SEK ").removesuffix("m"))


def test_swedish_mode_has_no_english_widget_or_kpi_words() -> None:
    at = new_app()
    english = {
        "Net benefit",
        "Probability",
        "Upload",
        "Scenario to",
        "Compare",
        "Tune",
        "Overview",
        "Download",
        "Reset",
        "Low",
        "High",
        "Most likely",
        "Expected",
    }
    texts = [t.label for t in at.tabs] + [m.label for m in at.metric]
    texts += [
        w.label
        for w in [
            *at.text_input,
            *at.selectbox,
            *at.radio,
            *at.multiselect,
            *at.button,
            *at.text_input,
        ]
    ]
    leaks = [t for t in texts for word in english if word in t]
    assert leaks == []


def test_every_string_has_both_languages() -> None:
    for key, entry in STRINGS.items():
        assert entry.get("sv"), key
        assert entry.get("en"), key
        assert set(_fields(entry["sv"])) == set(_fields(entry["en"])), key


def _fields(text: str) -> list[str]:
    import string

    return [f for _, f, _, _ in string.Formatter().parse(text) if f]


# --- uploads -----------------------------------------------------------------------------------


def test_upload_of_a_valid_scenario_selects_it() -> None:
    at = new_app()
    text = VAXJO.read_text(encoding="utf-8").replace(
        "name: {sv: Växjö – en undviken placering per år, "
        "en: Växjö – one placement avoided a year}",
        "name: Växjö med dubbla placeringar",
    )
    assert "Växjö med dubbla placeringar" in text
    shipped = "{dist: pert, low: 0, mode: 0.5, high: 1.5}"
    assert shipped in text
    text = text.replace(shipped, "{dist: pert, low: 0, mode: 1, high: 3}")
    at.file_uploader(key="upload").set_value(("variant.yaml", text.encode(), "application/x-yaml"))
    at.run()
    no_errors(at)
    assert at.selectbox(key="scenario_choice").value.startswith("upload:variant_yaml:")
    assert any("Växjö med dubbla placeringar" in s.value for s in at.success)
    assert at.tabs[0].subheader[0].value == "Växjö med dubbla placeringar"
    # twice the placement-years avoided (mean 7/6 instead of 7/12): 7/6 × 2,52 − 0,92 ≈ 2,0
    # mnkr, where the shipped scenario gives 0,56 mnkr
    assert 1.8 < mnkr(metric(at, "Kommunens budget", 0)) < 2.3


def test_upload_with_errors_lists_each_problem_with_line_and_key() -> None:
    at = new_app()
    text = VAXJO.read_text(encoding="utf-8")
    text = text.replace(
        "value: {dist: triangular, low: 750000, mode: 900000, high: 1100000}", "value: 9OO OOO"
    )
    text = text.replace("  horizon_years: 1", "  horizon_yaers: 1")
    lines = text.splitlines()
    bad_value_line = next(i for i, ln in enumerate(lines, 1) if "9OO OOO" in ln)
    at.file_uploader(key="upload").set_value(("trasig.yaml", text.encode(), "application/x-yaml"))
    at.run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert len(errors) == 1
    msg = errors[0]
    assert msg.startswith("Filen trasig.yaml kunde inte läsas")
    assert f"rad {bad_value_line} · `parameters.sig_cost.kommun.value`" in msg
    assert "`scenario.horizon_yaers`" in msg and "menade du 'horizon_years'" in msg
    # the shipped scenario stays selected and the pages still work
    assert at.selectbox(key="scenario_choice").value == "file:vaxjo.yaml"
    assert len(at.tabs[0].metric) == 5


def test_upload_syntax_error_binary_and_foreign_extends_are_reported() -> None:
    s, problems = upload.parse_upload("x.yaml", b"scenario: [unclosed\n")
    assert s is None and problems[0].line >= 1 and "YAML syntax error" in problems[0].message
    # PyYAML speaks English: the page says it in Swedish (#11 point 3)
    (line,) = upload.upload_lines(problems, "sv")
    assert "YAML-syntaxfel: en lista inom \\[ \\] avslutas inte" in line, line
    assert "expected" not in line
    s, problems = upload.parse_upload("x.yaml", b"\xff\xfe\x00binary")
    assert s is None
    assert upload.upload_lines(problems, "sv")[0].startswith("rad 1: filen är UTF-16-text, inte")
    s, problems = upload.parse_upload("x.yaml", b"extends: ../../etc/passwd\n")
    assert s is None
    assert problems[0].path == "extends" and problems[0].line == 1
    assert "vaxjo.yaml" in problems[0].expected
    s, problems = upload.parse_upload("x.yaml", b"x" * 1_100_000)
    assert s is None and "1,1 MB" in problems[0].message and "1 MB" in problems[0].expected


def test_upload_may_extend_a_shipped_scenario() -> None:
    text = (
        "extends: vaxjo.yaml\nscenario:\n  name: Växjö, halv effekt\noverrides:\n"
        "  parameters.avoided_placement_years.value: 0.5\n"
    )
    s, problems = upload.parse_upload("halv.yaml", text.encode())
    assert problems == [] and s is not None
    assert s.meta.name == "Växjö, halv effekt"
    assert s.parameters["avoided_placement_years"].dist.mean() == 0.5


def test_a_broken_shipped_file_is_skipped_and_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(VAXJO, tmp_path / "vaxjo.yaml")
    (tmp_path / "trasig.yaml").write_text("scenario:\n  name: x\nmethod: nej\n", "utf-8")
    monkeypatch.setattr(state, "SCENARIO_DIR", tmp_path)
    at = new_app()
    no_errors(at)
    assert at.selectbox(key="scenario_choice").options == ["Växjö – en undviken placering per år"]
    assert "1 medföljande scenariofil kunde inte läsas" in at.sidebar.expander[0].label
    assert "trasig.yaml" in at.sidebar.code[0].value
    assert "okänd metod 'nej'" in at.sidebar.code[0].value


def test_an_empty_scenario_folder_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(state, "SCENARIO_DIR", tmp_path)
    at = new_app()
    assert not at.exception
    assert at.warning[0].value.startswith(f"Det finns inga läsbara scenarier i {tmp_path}.")
    assert len(at.tabs) == 0


def test_streamlit_config_is_offline_private_and_capped() -> None:
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["maxUploadSize"] == 1
    assert config["server"]["address"] == "localhost"
    assert config["client"]["showErrorDetails"] == "none"
    assert config["theme"]["primaryColor"] in charts.PALETTE


# --- pure helpers ------------------------------------------------------------------------------


def test_amounts_are_not_offered_beta_or_poisson() -> None:
    s = scenario.load(VAXJO)
    cost = s.parameters["sig_cost.kommun"]
    assert "beta" not in specs.kinds_for(cost)
    assert "poisson" not in specs.kinds_for(cost)
    assert "lognormal" in specs.kinds_for(cost)
    crimes = s.parameters["avoided_crimes"]
    assert "poisson" in specs.kinds_for(crimes)


@pytest.mark.parametrize("kind", KINDS)
def test_suggested_numbers_are_valid_for_every_kind_and_parameter(kind: str) -> None:
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        s = scenario.load(path)
        for p in s.parameters.values():
            if kind not in specs.kinds_for(p):
                bounded = math.isfinite(p.unit.high) and kind in specs.UNBOUNDED_KINDS
                beta_off_share = kind == "beta" and p.unit.high != 1
                poisson_off_count = (
                    kind == "poisson" and p.unit.dimension not in specs.COUNT_DIMENSIONS
                )
                method_bound = p.bounded and kind in (*specs.UNBOUNDED_KINDS, "normal")
                assert bounded or beta_off_share or poisson_off_count or method_bound, (
                    p.name,
                    kind,
                )
                continue
            args = specs.suggest_args(p.dist, kind, p.unit)
            spec = specs.build_spec(p, kind, args)
            problems: list[tuple[str, ...]] = []
            dist = parse(spec, lambda *a, out=problems: out.append(a))
            assert dist is not None and not problems, (path.name, p.name, spec, problems)
            # and the whole scenario still validates with it (the method's own checks too)
            whole = state._check_change("", p.name, json.dumps(spec), s)
            assert not whole, (path.name, p.name, spec, [str(w) for w in whole])
            lo, hi = dist.support()
            if kind != "interval90" or spec.get("low", 1) > 0:
                assert lo >= p.unit.low and hi <= p.unit.high, (path.name, p.name, spec)


def test_shares_are_not_offered_unbounded_distributions() -> None:
    s = scenario.load(ROOT / "scenarios" / "mall.yaml")
    kinds = specs.kinds_for(s.parameters["attribution"])
    assert "beta" in kinds and "pert" in kinds
    assert not set(kinds) & {"lognormal", "gamma", "poisson", "interval90"}
    assert "lognormal" in specs.kinds_for(s.parameters["sig_cost.kommun"])


def test_effects_are_edited_like_shares_that_may_be_negative() -> None:
    s = scenario.load(ROOT / "scenarios" / "mall.yaml")
    p = s.parameters["placements.sis.reduction"]
    assert (p.unit.id, p.unit.low, p.unit.high) == ("effect", -1.0, 1.0)
    kinds = specs.kinds_for(p)
    assert "beta" in kinds and "pert" in kinds  # beta's 0-1 lies inside -1..1
    assert not set(kinds) & set(specs.UNBOUNDED_KINDS)
    assert widgets.value_text(0.22, p, "sv") == "22\xa0%"
    assert widgets.value_text(-0.1, p, "sv") == "\u221210\xa0%"  # harm


def test_unchanged_widgets_give_the_original_spec() -> None:
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        s = scenario.load(path)
        for p in s.parameters.values():
            args = specs.suggest_args(p.dist, p.dist.kind, p.unit)
            fields = specs.arg_fields(p.dist.kind, p.dist)
            spec = specs.build_spec(p, p.dist.kind, {f: args.get(f) for f in fields})
            assert specs.same_spec(spec, p.dist.to_spec()), (path.name, p.name, spec)


def test_download_loads_back_to_the_same_numbers() -> None:
    entries, _ = state.shipped_entries()
    entry = next(e for e in entries if e.source == "vaxjo.yaml")
    changes = {
        "avoided_placement_years": {"dist": "pert", "low": 0.5, "mode": 1.5, "high": 2.5},
        "sig_cost.kommun": 950000.0,
    }
    tuned = scenario.with_values(entry.scenario, changes, name="Växjö, justerad")
    text = state.tuned_yaml(entry, tuned, sorted(changes), "sv")
    assert text.startswith("# Justerad i costmodels instrumentpanel från vaxjo.yaml")
    back = scenario.loads(text, name="nedladdad.yaml")
    a = engine.run(tuned).summary("kommun")
    b = engine.run(back).summary("kommun")
    assert a["net_benefit"] == b["net_benefit"]
    assert a["probability_net_benefit_positive"] == b["probability_net_benefit_positive"]
    assert back.meta.name == "Växjö, justerad"
    # the changed parameter says so in its note; an unchanged one keeps its note
    changed = back.parameters["sig_cost.kommun"]
    assert changed.note.startswith("[Ändrat i instrumentpanelen; tidigare triangular(")
    assert changed.note_text("en").startswith("[Changed in the dashboard; was triangular(")
    kept = back.parameters["placement_cost.kommun"]
    assert kept.note == entry.scenario.parameters["placement_cost.kommun"].note


def test_view_matches_the_engine() -> None:
    s = scenario.load(VAXJO)
    view = state.compute_view(s, 2_000, 7)
    r = engine.run(s, iterations=2_000, seed=7)
    for persp in state.VIEWS:
        assert view.summaries[persp]["net_benefit"] == r.summary(persp)["net_benefit"]
        np.testing.assert_allclose(view.bands[persp]["mean"], r.cumulative_net(persp).mean(0))
        assert view.nets[persp].shape == (2_000,)


def test_formatting_helpers() -> None:
    assert common.kpi_money(1_826_000, "sv") == "1,8\xa0mnkr".replace("\xa0", " ")
    assert common.kpi_money(211_331, "sv") == "0,21 mnkr"
    assert common.kpi_money(-168_971, "en") == "SEK -0.17m"
    assert common.signed(-0.3e6, lambda x: common.kpi_money(x, "en")) == "-SEK 0.30m"
    assert common.signed(2.0, str) == "+2.0"
    assert common.slug("file:skarholmen-diskonterad.yaml") == "file_skarholmen_diskonterad_yaml"


def test_iterations_are_capped() -> None:
    s = scenario.load(VAXJO)
    assert state.effective_iterations(s, 0) == s.meta.iterations
    assert state.effective_iterations(s, 10**9) == state.MAX_ITERATIONS


# --- charts ------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_charts_have_titles_and_axes_with_units_in_the_language(lang: str) -> None:
    s = scenario.load(VAXJO)
    view = state.compute_view(s, 1_000, 1)
    unit = "(mnkr)" if lang == "sv" else "(SEK million)"
    persp = tr("view_kommun", lang)
    figs = [
        charts.fan_chart(view.bands["kommun"], lang, persp, 2015),
        charts.net_histogram(
            view.nets["kommun"], lang, persp, 2015, original=view.nets["kommun"] * 0.9
        ),
        charts.category_waterfall(
            [("SIG", "cost", 9e5), ("Placeringar", "benefit", 2.5e6)], lang, persp, 2015
        ),
        charts.payer_bars([("kommun", "Kommunen", 1.6e6, -1.7e5, 3.5e6)], lang, 2015),
        charts.compare_distributions(
            [("A", view.nets["kommun"]), ("B", view.nets["samhalle"])], lang, persp, 2015
        ),
        charts.compare_payers(["Kommunen"], [("A", [1.0e6]), ("B", [2.0e6])], lang, 2015),
    ]
    for fig in figs:
        texts = charts.figure_texts(fig)
        assert texts["title"], fig
        assert unit in texts["x"] + texts["y"], texts
        assert ("års priser" if lang == "sv" else "prices") in texts["subtitle"]
        assert fig.layout.separators == (", " if lang == "sv" else ".,")
    assert charts.figure_texts(figs[0])["x"] == ("År" if lang == "sv" else "Year")


def test_chart_colours_come_from_the_okabe_ito_palette() -> None:
    okabe_ito = {
        "#000000",
        "#E69F00",
        "#56B4E9",
        "#009E73",
        "#F0E442",
        "#0072B2",
        "#D55E00",
        "#CC79A7",
        "#999999",
    }
    assert set(charts.PALETTE) <= okabe_ito
    assert set(charts.PAYER_COLORS.values()) <= okabe_ito
    fig = charts.payer_bars(
        [("kommun", "K", 1.0, 0.0, 2.0), ("stat", "S", 1.0, 0.0, 2.0)], "sv", 2015
    )
    assert list(fig.data[0].marker.color) == [charts.BLUE, charts.ORANGE]


def test_waterfall_ends_in_the_net_benefit() -> None:
    fig = charts.category_waterfall(
        [("SIG", "cost", 900_000.0), ("P", "benefit", 2_726_000.0)], "sv", "Kommunens budget", 2015
    )
    wf = fig.data[0]
    assert list(wf.measure) == ["relative", "relative", "total"]
    assert math.isclose(wf.x[-1], 1.826)
    assert list(wf.x[:2]) == [-0.9, 2.726]
    assert fig.layout.yaxis.ticktext[-1] == "Nettonytta<br><b>1,8 mnkr</b>"


# --- Känslighet ----------------------------------------------------------------------------------

SENS = 3  # the tab's index


def open_sensitivity(at: AppTest, lang: str = "sv") -> Block:
    """Open Känslighet (the tab bar's key holds the open tab's label) and return the tab."""
    at.session_state["page"] = tr("tab_sensitivity", lang)
    at.run()
    no_errors(at)
    return at.tabs[SENS]


def texts(tab: Block) -> list[str]:
    return [m.value for m in tab.markdown]


def block(tab: Block, key: str) -> Block:
    """The keyed container ``key`` anywhere on ``tab``."""
    found = [
        node
        for node in tab
        if isinstance(node, Block) and str(getattr(node.proto, "id", "")).endswith(f"-{key}")
    ]
    assert len(found) == 1, key
    return found[0]


def figure(tab: Block, key: str) -> dict[str, object]:
    """The plotly figure drawn under ``key`` as plotly's JSON."""
    found = [c for c in tab.get("plotly_chart") if c.proto.id.endswith(f"-{key}")]
    assert len(found) == 1, key
    return dict(json.loads(found[0].proto.spec))


def test_sensitivity_is_only_computed_while_its_tab_is_open() -> None:
    at = new_app()
    assert at.tabs[SENS].label == "Känslighet"
    assert len(at.tabs[SENS].children) == 0  # nothing computed for a page nobody looks at
    tab = open_sensitivity(at)
    assert len(tab.get("plotly_chart")) == 3
    headings = [v for v in texts(tab) if v.startswith("#")]
    assert headings == [
        "#### Vad måste gälla för att SIG ska löna sig?",
        "#### Vad styr resultatet?",
        "#### Vilken osäkerhet är värd att utreda?",
        "#### Två antaganden samtidigt",
        "#### Hur säkra är siffrorna?",
    ]
    assert tab.subheader[0].value == "Växjö – en undviken placering per år"


def test_sensitivity_says_first_what_has_to_be_true_for_vaxjo() -> None:
    tab = open_sensitivity(new_app())
    first = [m.value for m in block(tab, "sens_switching").markdown]
    # Växjö, municipal view: 2,73 mnkr a placement-year at the central case against 0,90 mnkr
    # for SIG: a third of a placement-year a year pays for it
    assert first[0].startswith(
        "- SIG lönar sig för kommunen om undvikna placeringsår per år med SIG är minst "
        "0,33 placeringsår per år (i dag antas 0,5 placeringsår per år)."
    )
    assert "kostnad för en placering per år är minst 1\xa0800\xa0000 kr/år" in first[0]
    # one year's horizon is within a term of office: the chance is said once
    assert first[1].startswith("**I det centrala fallet går SIG jämnt ut år 1. Tidshorisonten")
    assert "chansen att gå jämnt ut inom den är" in first[1]
    # the state's share of a SiS placement does not touch the municipality: no sentence
    assert not any("Statens del" in v for v in texts(tab))


def test_the_tornado_table_starts_with_the_widest_input() -> None:
    tab = open_sensitivity(new_app())
    table = block(tab, "sens_tornado_table").table[0].value
    assert list(table.columns) == ["Antagande", "Vid 10:e percentilen", "Vid 90:e percentilen"]
    assert table.iloc[0, 0] == "Undvikna placeringsår per år med SIG"
    assert len(table) == 3  # only the inputs that move the municipality's result
    assert "placeringsår per år)" in table.iloc[0, 1]
    fig = figure(tab, "tornado_chart")
    assert [d["name"] for d in fig["data"]] == [
        "Antagandet lågt (10:e percentilen)",
        "Antagandet högt (90:e percentilen)",
    ]
    assert fig["data"][0]["y"][0] == "Undvikna placeringsår per år<br>med SIG"
    notes = " ".join(c.value for c in block(tab, "sens_tornado_table").caption)
    assert "Påverkar inte resultatet för kommunen: Statens del av en SiS-placering" in notes


def test_the_value_of_information_is_said_in_words() -> None:
    tab = open_sensitivity(new_app())
    voi = block(tab, "sens_voi").markdown[0].value
    assert voi.startswith("Att veta undvikna placeringsår per år med SIG säkert är värt upp till ")
    assert " kr för beslutet. Att veta allt säkert är värt upp till " in voi
    table = block(tab, "sens_evppi_table").table[0].value
    assert table.iloc[0, 0] == "Undvikna placeringsår per år med SIG"
    assert table.iloc[0, 1].endswith(" kr")


def test_choosing_two_other_inputs_changes_the_heat_map() -> None:
    at = new_app()
    tab = open_sensitivity(at)
    # by default the two widest inputs of the tornado
    assert at.selectbox(key="two_way_x").value == "avoided_placement_years"
    assert at.selectbox(key="two_way_y").value == "placement_cost.kommun"
    fig = figure(tab, "two_way_heatmap")
    assert fig["layout"]["xaxis"]["title"]["text"] == "Undvikna placeringsår per år med SIG"
    names = [d.get("name") for d in fig["data"]]
    assert "Noll: gränsen för lönsamhet" in names and "Centralt fall" in names
    at.selectbox(key="two_way_y").set_value("sig_cost.kommun").run()
    tab = at.tabs[SENS]
    no_errors(at)
    fig = figure(tab, "two_way_heatmap")
    assert fig["layout"]["yaxis"]["title"]["text"].startswith("SIG:s kostnad per år")
    words = block(tab, "sens_two_way_words").markdown
    assert "SIG:s kostnad per år (kommunen)" in words[1].value
    # the x input cannot be the y input too: choosing it moves y to another
    at.selectbox(key="two_way_x").set_value("sig_cost.kommun").run()
    no_errors(at)
    assert at.selectbox(key="two_way_y").value != "sig_cost.kommun"
    fig = figure(at.tabs[SENS], "two_way_heatmap")
    assert fig["layout"]["xaxis"]["title"]["text"].startswith("SIG:s kostnad per år")


def test_sensitivity_in_english() -> None:
    at = new_app()
    at.radio(key="lang").set_value("en").run()
    tab = open_sensitivity(at, "en")
    assert at.tabs[SENS].label == "Sensitivity"
    first = block(tab, "sens_switching").markdown[0].value
    assert first.startswith(
        "- SIG pays off for the municipality if placement-years avoided per year of SIG is at "
        "least 0.33 placement-years per year"
    )
    # the currency first, as Anpassa and the key figures write it
    assert "cost of one placement-year is at least SEK 1,800,000/year (assumed now: SEK" in first
    assert "SEK/year" not in " ".join(texts(tab))
    table = block(tab, "sens_tornado_table").table[0].value
    assert table.columns[0] == "Input"
    assert table.iloc[0, 0] == "Placement-years avoided per year of SIG"
    assert block(tab, "sens_voi").markdown[0].value.startswith("Knowing placement-years avoided")
    assert at.selectbox(key="two_way_x").label == "Horizontal axis"
    fig = figure(tab, "tornado_chart")
    assert fig["layout"]["title"]["text"] == "Net benefit when one input at a time is moved"
    assert fig["layout"]["separators"] == ".,"
    # the choice of inputs stays when the language goes back
    at.selectbox(key="two_way_y").set_value("sig_cost.kommun").run()
    at.radio(key="lang").set_value("sv").run()
    no_errors(at)
    assert at.selectbox(key="two_way_y").value == "sig_cost.kommun"
    assert at.tabs[SENS].label == "Känslighet"


def test_sensitivity_follows_the_tuned_scenario() -> None:
    at = new_app()
    at.text_input(key=MODE_KEY).input("1").run()
    tab = open_sensitivity(at)
    assert any("Visar scenariot med dina ändringar från Anpassa" in c.value for c in tab.caption)
    first = block(tab, "sens_switching").markdown[0].value
    assert "(i dag antas 1 placeringsår per år)" in first


def test_few_simulations_are_called_noisy() -> None:
    at = new_app()
    tab = open_sensitivity(at)
    mc = block(tab, "sens_mc")
    assert mc.markdown[0].value.startswith("Slumpens fel (Monte Carlo-fel) med 10\xa0000 ")
    assert not mc.warning
    # 1 000 simulations: the standard error of the chance it pays off is above one point
    at.selectbox(key="iterations").set_value(1_000).run()
    no_errors(at)
    warning = block(at.tabs[SENS], "sens_mc").warning[0].value
    assert "Siffrorna är fortfarande osäkra av slumpen; öka antalet simuleringar" in warning


def test_sensitivity_words_read_the_analysis() -> None:
    s = scenario.load(VAXJO)
    a = {
        "standard_error": {"mean": 30_000.0, "probability": 0.004, "iterations": 10_000},
    }
    text, noisy = sensitivity_text.mc_error(a, 500_000.0, "sv")
    assert noisy and "±30\xa0000 kr" in text  # 6 % of the mean
    assert not sensitivity_text.mc_error(a, 700_000.0, "sv")[1]
    grid = {
        "x": "avoided_placement_years",
        "y": "placement_cost.kommun",
        "x_values": [0.1, 0.5, 1.0],
        "y_values": [1e6, 2e6, 3e6],
        "net": [[-5.0, -1.0, 2.0], [-4.0, 1.0, 3.0], [-3.0, 2.0, 4.0]],
    }
    lead, lines = sensitivity_text.two_way_lines(grid, s, "sv", central_x=0.5)
    assert lead.endswith("När undvikna placeringsår per år med SIG är")
    assert lines[0].startswith("0,10 placeringsår per år: lönar det sig inte")
    assert lines[1] == (
        "0,50 placeringsår per år: lönar det sig om kostnad för en placering per år "
        "(kommunen) är minst 2\xa0000\xa0000 kr/år"
    )
    assert lines[2].startswith("1,00 placeringsår per år: lönar det sig vad")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_sensitivity_charts_in_the_language_and_palette(lang: str) -> None:
    okabe_ito = {charts.BLACK, charts.ORANGE, charts.BLUE, charts.VERMILLION, "#FFFFFF"}
    rows = [("A", -1e6, 2e6, "1", "3"), ("B", 5e5, 6e5, "x", "y")]
    tornado = charts.tornado_chart(rows, 4e5, lang, tr("view_kommun", lang), 2015)
    assert {d.marker.color for d in tornado.data} <= okabe_ito
    assert tornado.data[0].marker.pattern.shape == "/"  # not told apart by colour alone
    assert tornado.layout.xaxis.range[0] < -1.0 and tornado.layout.xaxis.range[1] > 2.0
    # the two lines' labels start at the plot's left edge (beside the line they ran off a
    # phone screen) and carry the line's pattern in words
    labels = [a for a in tornado.layout.annotations if a.text.startswith(("– – ", "—— "))]
    assert len(labels) == 2
    assert all(a.xref == "paper" and a.x == 0 and a.xanchor == "left" for a in labels)
    bars = charts.evppi_bars([("A", 75_000.0, "75 000 kr")], lang, "K", 2015)
    assert list(bars.data[0].text) == ["75 000 kr"]
    heat = charts.two_way_heatmap(
        [0.0, 1.0],
        [0.0, 1.0],
        [[-1e6, 1e6], [-2e5, 2e6]],
        ("X", "Y"),
        [["a", "b"], ["c", "d"]],
        lang,
        "K",
        2015,
        central=(0.5, 0.5),
    )
    assert {c for _, c in heat.data[0].colorscale} <= {
        charts.VERMILLION.lower(),
        charts.BLUE.lower(),
        "#ffffff",
    } | okabe_ito
    contour = heat.data[1]
    assert contour.type == "contour" and contour.name == tr("break_even", lang)
    assert contour.contours.start == contour.contours.end == 0
    for fig in (tornado, bars, heat):
        texts_ = charts.figure_texts(fig)
        assert (
            texts_["title"] and ("års priser" if lang == "sv" else "prices") in (texts_["subtitle"])
        )
        assert fig.layout.separators == (", " if lang == "sv" else ".,")
