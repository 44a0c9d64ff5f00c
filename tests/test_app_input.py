"""Numbers typed into the dashboard (#11 point 1) and the upload path (#11 point 3, #12 point 6):
Swedish and English input read as meant, what cannot be read refused beside the field, uploads
capped and kept inside the scenario folder, tuned scenarios saved without overwriting."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from costmodel import scenario
from costmodel.app import field_help, saving, state, upload, widgets
from costmodel.app.numbers import Unreadable, input_text, parse_number, relocalize

from .test_app import new_app

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
VAXJO = ROOT / "scenarios" / "vaxjo.yaml"
V = "file_vaxjo_yaml"
MODE_KEY = f"arg__{V}__avoided_placement_years__pert__mode"
COST_KEY = f"arg__{V}__placement_cost_kommun__pert__mode"
LOW_KEY = f"arg__{V}__avoided_placement_years__pert__low"
KIND_KEY = f"kind__{V}__avoided_placement_years"
TUNE_NET = "Förväntad nettonytta"


def tune_net(at: AppTest) -> str:
    return next(m.value for m in at.tabs[1].metric if m.label in (TUNE_NET, "Expected net benefit"))


# --- reading numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "kw", "value"),
    [
        ("1,5", "sv", {}, 1.5),
        ("1.5", "sv", {}, 1.5),  # what the field showed before the decimal comma
        ("0.125", "sv", {}, 0.125),
        ("2 726 000", "sv", {}, 2_726_000),
        ("2\u00a0726\u00a0000", "sv", {}, 2_726_000),
        ("2 726 000 kr", "sv", {"money": True}, 2_726_000),
        ("2 726 000 kr/år", "sv", {"money": True, "unit_texts": ("kr/år",)}, 2_726_000),
        ("1,5 mnkr", "sv", {"money": True}, 1_500_000),
        ("\u22120,5", "sv", {}, -0.5),
        ("1 500,5", "sv", {}, 1500.5),
        ("30 %", "sv", {"share": True}, 0.3),
        ("0,5 placeringsår per år", "sv", {"unit_texts": ("placeringsår per år",)}, 0.5),
        ("1.5", "en", {}, 1.5),
        ("2,726,000", "en", {}, 2_726_000),
        ("1,500", "en", {}, 1500),
        ("SEK 2,726,000", "en", {"money": True}, 2_726_000),
        ("-3", "en", {}, -3),
    ],
)
def test_swedish_and_english_numbers_are_read_as_meant(
    text: str, lang: str, kw: dict[str, object], value: float
) -> None:
    assert parse_number(text, lang, **kw) == pytest.approx(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "lang", "reason"),
    [
        ("1,5,3", "sv", "num_not_a_number"),
        ("1.500", "sv", "num_ambiguous"),  # 1,5 or 1 500?
        ("1,5", "en", "num_ambiguous"),  # 1.5 or 15?
        ("12 34", "sv", "num_not_a_number"),
        ("abc", "sv", "num_not_a_number"),
        ("5 äpplen", "sv", "num_unit"),
        ("30 %", "sv", "num_unit"),  # not a share
        ("1e6", "sv", "num_unit"),
    ],
)
def test_what_cannot_be_read_is_refused_not_guessed(text: str, lang: str, reason: str) -> None:
    with pytest.raises(Unreadable) as exc:
        parse_number(text, lang)
    assert exc.value.reason == reason


def test_numbers_are_shown_with_thousands_and_the_decimal_mark() -> None:
    assert input_text(2_726_000.0, "sv") == "2 726 000"
    assert input_text(2_726_000.0, "en") == "2,726,000"
    assert input_text(0.5, "sv") == "0,5"
    assert input_text(-0.15, "sv") == "\u22120,15"
    assert input_text(1e-6, "sv") == "0,000001"  # never an exponent
    for x in (0.5, 2_726_000.0, -0.15, 1234.5, 0.000001):
        for lang in ("sv", "en"):
            assert parse_number(input_text(x, lang), lang) == pytest.approx(x)


# --- typing into the tuning form ----------------------------------------------------------------


def test_a_decimal_comma_is_read_as_a_decimal_not_tenfold() -> None:
    at = new_app()
    at.text_input(key=MODE_KEY).input("1").run()
    one = tune_net(at)
    at.text_input(key=MODE_KEY).input("1,0").run()
    assert tune_net(at) == one  # "1,0" is 1, not 10
    at.text_input(key=MODE_KEY).input("1,5").run()
    assert not at.tabs[1].error
    # 1,5 is the PERT's high: a valid mode; read as 15 it would be refused as above the high
    assert f"kind__{V}__avoided_placement_years" in [s.key for s in at.tabs[1].selectbox]
    assert tune_net(at) != one


def test_kronor_with_spaces_and_kr_are_read() -> None:
    at = new_app()
    box = at.text_input(key=COST_KEY)
    assert box.value == "2 726 000"  # thousands separated
    box.input("2 726 000 kr").run()
    assert not at.tabs[1].error
    assert "ändrad" not in " ".join(m.value for m in at.tabs[1].markdown if "Kostnad" in m.value)
    at.text_input(key=COST_KEY).input("3 000 000 kr").run()
    assert not at.tabs[1].error
    assert any("ändrad" in m.value for m in at.tabs[1].markdown)


def test_an_unreadable_number_is_refused_beside_the_field() -> None:
    at = new_app()
    before = tune_net(at)
    at.text_input(key=MODE_KEY).input("1,5,3").run()
    errors = [e.value for e in at.tabs[1].error]
    assert len(errors) == 1 and "”1,5,3” går inte att läsa som ett tal" in errors[0]
    assert tune_net(at) == before  # not used in the calculation
    assert any("1 ändring är ogiltig" in w.value for w in at.tabs[1].warning)


def test_english_input_and_the_language_switch_rewrite_the_number() -> None:
    at = new_app()
    at.text_input(key=MODE_KEY).input("0,75").run()
    sv_net = tune_net(at)
    at.sidebar.radio(key="lang").set_value("en").run()
    assert at.text_input(key=MODE_KEY).value == "0.75"
    assert not at.tabs[1].error
    at.text_input(key=MODE_KEY).input("1,5").run()  # ambiguous in English: refused
    assert any("could mean two different numbers" in e.value for e in at.tabs[1].error)
    at.text_input(key=MODE_KEY).input("0.75").run()
    assert not at.tabs[1].error
    assert sv_net.replace(",", ".").replace(" mnkr", "") in tune_net(at)


@pytest.mark.parametrize(
    ("text", "old", "new", "out"),
    [
        ("0,75", "sv", "en", "0.75"),
        ("\u22120,5", "sv", "en", "-0.5"),
        ("1,5 mnkr", "sv", "en", "1.5 mnkr"),  # the words stay: read as before
        ("2 726 000 kr", "sv", "en", "2,726,000 kr"),
        ("SEK 2,726,000", "en", "sv", "SEK 2 726 000"),
        ("30 %", "en", "sv", "30 %"),  # refused where it was refused, never 0,3
        ("0,5 placeringsår per år", "sv", "en", "0.5 placeringsår per år"),
    ],
)
def test_a_typed_text_is_rewritten_for_the_other_language(
    text: str, old: str, new: str, out: str
) -> None:
    assert relocalize(text, old, new) == out


@pytest.mark.parametrize("text", ["2,5", "abc", "1e6", "1.500 kr"])
def test_a_text_whose_number_cannot_be_read_is_not_rewritten(text: str) -> None:
    old = "en" if text == "2,5" else "sv"
    with pytest.raises(Unreadable):
        relocalize(text, old, "sv" if old == "en" else "en")


def test_the_language_switch_never_turns_a_refused_text_into_a_number() -> None:
    """'30 %' in a field that is not a share was refused, then after a language switch
    rewritten as '0,3', a valid number the user never typed; '1,5 mnkr' in a field that is
    not in kronor became 1 500 000."""
    at = new_app()
    at.sidebar.radio(key="lang").set_value("en").run()
    at.text_input(key=MODE_KEY).input("30 %").run()
    assert any("carries a unit" in e.value for e in at.tabs[1].error)
    at.sidebar.radio(key="lang").set_value("sv").run()
    assert at.text_input(key=MODE_KEY).value == "30 %"
    errors = [e.value for e in at.tabs[1].error]
    assert len(errors) == 1 and "har en enhet som fältet inte använder" in errors[0]
    at.text_input(key=MODE_KEY).input("1,5 mnkr").run()
    at.sidebar.radio(key="lang").set_value("en").run()
    assert at.text_input(key=MODE_KEY).value == "1.5 mnkr"
    assert len(at.tabs[1].error) == 1
    # in a field in kronor the same words are read, before and after the switch
    at.text_input(key=MODE_KEY).input("0.5").run()
    at.sidebar.radio(key="lang").set_value("sv").run()
    at.text_input(key=COST_KEY).input("2,8 mnkr").run()
    sv_net = tune_net(at)
    at.sidebar.radio(key="lang").set_value("en").run()
    assert at.text_input(key=COST_KEY).value == "2.8 mnkr"
    assert not at.tabs[1].error
    assert sv_net.replace(",", ".").replace(" mnkr", "") in tune_net(at)


def tuned_compared(at: AppTest) -> bool:
    """Whether Jämför (opened, then closed again) compares a tuned version of the scenario."""
    at.session_state["page"] = "Jämför"
    at.run()
    chosen = at.multiselect(key="compare_choice").value
    at.session_state["page"] = "Anpassa"
    at.run()
    return any(str(v).startswith("tuned:") for v in chosen)


def test_typed_numbers_come_back_after_another_kind_page_or_scenario() -> None:
    """Streamlit forgets a field's text while it is not drawn: a number typed for a PERT was
    gone after trying another kind, and a refused text gone after a visit to another page
    (while that page used the rest of the edit, which Anpassa had left out)."""
    at = new_app()
    original = tune_net(at)
    at.text_input(key=MODE_KEY).input("1").run()
    one = tune_net(at)
    at.selectbox(key=KIND_KEY).set_value("fixed").run()
    at.selectbox(key=KIND_KEY).set_value("pert").run()
    assert at.text_input(key=MODE_KEY).value == "1"
    assert tune_net(at) == one != original
    assert tuned_compared(at)
    at.text_input(key=LOW_KEY).input("abc").run()
    assert tune_net(at) == original  # the parameter's edit is left out while one text is wrong
    assert not tuned_compared(at)  # and Jämför leaves it out too

    def as_typed() -> None:
        assert at.text_input(key=LOW_KEY).value == "abc"
        assert at.text_input(key=MODE_KEY).value == "1"
        errors = [e.value for e in at.tabs[1].error]
        assert len(errors) == 1 and "”abc” går inte att läsa som ett tal" in errors[0]
        assert tune_net(at) == original

    as_typed()  # after the visit to Jämför
    at.selectbox(key="scenario_choice").set_value("file:skarholmen.yaml").run()
    at.selectbox(key="scenario_choice").set_value("file:vaxjo.yaml").run()
    as_typed()
    at.text_input(key=LOW_KEY).input("0").run()
    assert tune_net(at) == one
    at.button(key="reset_edits").click().run()
    at.selectbox(key=KIND_KEY).set_value("fixed").run()
    at.selectbox(key=KIND_KEY).set_value("pert").run()
    assert at.text_input(key=MODE_KEY).value == "0,5"  # reset forgets the kept texts too
    assert tune_net(at) == original


def test_every_number_field_says_what_it_is_its_unit_and_source() -> None:
    at = new_app()
    for lang, words in (
        ("sv", ("Det mest troliga värdet för ”", "Enhet: kr/år.", "Källa: SKL, Att arbeta")),
        ("en", ("The most likely value of “", "Unit: SEK/year.", "Source: SKL, Att arbeta")),
    ):
        if lang == "en":
            at.sidebar.radio(key="lang").set_value("en").run()
        fields = [t for t in at.tabs[1].text_input if str(t.key).startswith("arg__")]
        assert len(fields) >= 10 and all(t.help for t in fields)
        # every field's help names its own parameter, as the page labels it
        labels = {str(t.key).split("__")[2] for t in fields}
        assert len({t.help for t in fields}) == len(fields) > len(labels)
        cost = at.text_input(key=COST_KEY).help
        assert all(w in cost for w in words), cost
        other = "Källa" if lang == "en" else "Source:"
        assert all(other not in str(t.help) for t in fields)
    assert "Unit: placement-years per year." in str(at.text_input(key=MODE_KEY).help)


def test_field_help_of_a_share_and_of_a_unitless_number() -> None:
    s = scenario.load(ROOT / "scenarios" / "mall.yaml")
    p = s.parameters["placements.sis.reduction"]
    sv = field_help.field_help("Minskning", p.unit, "pert", "low", [], "sv")
    assert sv.startswith("Det lägsta möjliga värdet för ”Minskning”.")
    assert "som decimaltal eller procent (0,3 eller 30 %)" in sv and "Ingen källa angiven." in sv
    en = field_help.field_help("Reduction", p.unit, "beta", "alpha", ["X (2020)"], "en")
    assert "No unit." in en and "Source: X (2020)." in en and "mean = α / (α + β)" in en
    bound = field_help.field_help("Cost", p.unit, "interval90", "high", [], "en")
    assert bound.startswith("The 95% value of “Cost”: 5% of the outcomes lie above it.")


# --- uploads ------------------------------------------------------------------------------------


def test_an_upload_cannot_extend_a_file_outside_the_scenario_folder(tmp_path: Path) -> None:
    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(VAXJO, folder / "vaxjo.yaml")
    secret = tmp_path / "hemlig.yaml"
    secret.write_text(VAXJO.read_text(encoding="utf-8"), encoding="utf-8")
    os.symlink(secret, folder / "lank.yaml")  # a link in the folder that leads out of it
    for ext in ("../hemlig.yaml", str(secret), "lank.yaml", "vaxjo.yaml/../../hemlig.yaml"):
        text = f"extends: {ext}\n".encode()
        s, problems = upload.parse_upload("x.yaml", text, "sv", folder=folder)
        assert s is None, ext
        assert problems[0].path == "extends" and "vaxjo.yaml" in problems[0].expected
        assert "lank.yaml" not in problems[0].expected
    s, problems = upload.parse_upload("x.yaml", b"extends: vaxjo.yaml\n", "sv", folder=folder)
    assert problems == [] and s is not None


def test_upload_errors_in_the_language_once_and_cleared_with_the_file() -> None:
    at = new_app()
    at.file_uploader(key="upload").set_value(("trasig.yaml", b"scenario: [x\n", "text/yaml"))
    at.run()
    errors = [e.value for e in at.error]
    assert len(errors) == 1  # shown once, on the page where the upload happened
    assert "(1 fel)" in errors[0] and "YAML-syntaxfel" in errors[0]
    # the upload happened on Anpassa: the message is there and nowhere else
    assert len(at.tabs[1].error) == 1 and not at.tabs[0].error and not at.tabs[2].error
    at.sidebar.radio(key="lang").set_value("en").run()
    (msg,) = [e.value for e in at.error]
    assert "(1 problem)" in msg and "YAML syntax error" in msg  # singular, in English
    at.file_uploader(key="upload").set_value(None)
    at.run()
    assert not at.error


def test_an_upload_over_the_limit_is_refused_before_parsing() -> None:
    s, problems = upload.parse_upload("stor.yaml", b"#" * 1_000_001, "en")
    assert s is None and "1.0 MB" in problems[0].message and problems[0].line == 1


# --- saving -------------------------------------------------------------------------------------


def test_saving_never_overwrites_silently_and_writes_atomically(tmp_path: Path) -> None:
    target = saving.file_for(tmp_path, "Växjö (justerad) ../../etc")
    assert target.parent == tmp_path and target.name == "vaxjo-justerad-etc.yaml"
    saving.write_atomic(target, "a: 1\n")
    with pytest.raises(FileExistsError):
        saving.write_atomic(target, "a: 2\n")
    assert target.read_text(encoding="utf-8") == "a: 1\n"
    saving.write_atomic(target, "a: 2\n", overwrite=True)
    assert target.read_text(encoding="utf-8") == "a: 2\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temporary left
    assert saving.unique_name("V", {"V", "V 2"}) == "V 3"


def test_the_tune_page_saves_a_file_and_asks_before_replacing_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(VAXJO, tmp_path / "vaxjo.yaml")
    monkeypatch.setattr(state, "SCENARIO_DIR", tmp_path)
    at = new_app()
    at.text_input(key=MODE_KEY).input("1").run()
    at.text_input(key=f"variant_name__{V}").input("Min variant").run()
    at.button(key="save_file").click().run()
    saved = tmp_path / "min-variant.yaml"
    assert saved.exists()
    assert scenario.load(saved).parameters["avoided_placement_years"].dist.args()["mode"] == 1
    first = saved.read_text(encoding="utf-8")
    at.text_input(key=MODE_KEY).input("1,2").run()
    at.button(key="save_file").click().run()
    assert saved.read_text(encoding="utf-8") == first  # not replaced without a yes
    assert any("Det finns redan en fil min-variant.yaml" in w.value for w in at.warning)
    at.checkbox(key="save_overwrite").check().run()
    at.button(key="save_file").click().run()
    assert saved.read_text(encoding="utf-8") != first
    assert scenario.load(saved).parameters["avoided_placement_years"].dist.args()["mode"] == 1.2


def test_a_field_of_a_share_takes_percent(tmp_path: Path) -> None:
    s = scenario.load(ROOT / "scenarios" / "mall.yaml")
    p = s.parameters["placements.sis.reduction"]
    assert widgets.read_field("22 %", p, "sv") == pytest.approx(0.22)
    assert widgets.read_field("0,22", p, "sv") == pytest.approx(0.22)
