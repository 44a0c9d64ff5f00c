"""Sources a user can read (#11 point 2): citations in the chosen language, no internal file
names or unexplained marks in the line, the file kept as a detail; the scenario format takes
``where`` and ``title`` in both languages and the shipped scenarios give both."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from costmodel import scenario
from costmodel.errors import ScenarioError
from costmodel.views.sources import citations

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = sorted((ROOT / "scenarios").glob("*.yaml"))
FILE_NAME = re.compile(r"\d{3}_[0-9a-f]{16}\.txt|\.md\b|\(U\)")


def references(node: Any) -> list[dict[str, Any]]:
    """Every reference mapping in a scenario's data."""
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "reference":
                items = value if isinstance(value, list) else [value]
                found += [r for r in items if isinstance(r, dict)]
            else:
                found += references(value)
    elif isinstance(node, list):
        for item in node:
            found += references(item)
    return found


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_citations_have_no_file_names_and_follow_the_language(path: Path) -> None:
    s = scenario.load(path)
    for p in s.parameters.values():
        sv = citations(s, p, "sv")
        en = citations(s, p, "en")
        assert len(sv) == len(en) == len(p.references)
        for c in [*sv, *en]:
            assert not FILE_NAME.search(c.text), (p.name, c.text)
        for c_sv, c_en in zip(sv, en, strict=True):
            assert c_sv.file == c_en.file
            if "osäker källa" in c_sv.text:
                assert "uncertain source" in c_en.text


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_shipped_references_give_where_in_both_languages(path: Path) -> None:
    s = scenario.load(path)
    refs = references(s.data.get("parameters"))
    assert refs or path.name == "skarholmen-diskonterad.yaml"
    for ref in refs:
        where = ref.get("where")
        if where is None:
            continue
        assert isinstance(where, dict) and where.get("sv") and where.get("en"), ref
        assert not FILE_NAME.search(where["sv"]) and not FILE_NAME.search(where["en"]), ref


def test_uncertain_sources_are_spelled_out() -> None:
    s = scenario.load(ROOT / "scenarios" / "vaxjo.yaml")
    texts = [c.text for c in citations(s, s.parameters["placement_cost.kommun"], "sv")]
    assert any(t.endswith("(osäker källa)") for t in texts)
    first = citations(s, s.parameters["placement_cost.kommun"], "sv")[0]
    assert first.text.startswith("SKL, Att arbeta med sociala insatsgrupper")
    assert "kap. 2: 2 726 000 kr per år" in first.text
    assert first.file == "002_83700c7e99f2a08c.txt"
    en = citations(s, s.parameters["placement_cost.kommun"], "en")[0]
    assert "ch. 2: SEK 2,726,000 a year" in en.text


def test_the_format_takes_where_and_title_in_two_languages_and_nothing_else() -> None:
    base = (ROOT / "scenarios" / "vaxjo.yaml").read_text(encoding="utf-8")
    old = base[
        base.index("        title: SKL") : base.index("      note:", base.index("title: SKL"))
    ]
    good = (
        "        title: {sv: Källa på svenska, en: Source in English}\n"
        "        where: {sv: 'kap. 1', en: 'ch. 1'}\n"
        "        file: a.txt\n"
        "        uncertain: true\n"
    )
    s = scenario.loads(base.replace(old, good, 1), base_dir=ROOT / "scenarios")
    p = s.parameters["sig_cost.kommun"]
    assert (p.references[0].title, p.references[0].where) == ("Källa på svenska", "kap. 1")
    assert citations(s, p, "en")[0].text == "Source in English, ch. 1 (uncertain source)"
    bad = good.replace("en: 'ch. 1'", "de: 'Kap. 1'")
    with pytest.raises(ScenarioError) as exc:
        scenario.loads(base.replace(old, bad, 1), base_dir=ROOT / "scenarios")
    assert "where" in exc.value.problems[0].path


def test_the_tune_page_cites_without_file_names_and_keeps_them_in_the_tooltip() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["page"] = "Anpassa"  # drawn only while open, like every page but the first
    at.run()
    sources = [c for c in at.tabs[1].caption if "Källa: " in c.value]
    assert sources
    for c in sources:
        assert not FILE_NAME.search(c.value), c.value
    cost = next(c for c in sources if "2 726 000 kr per år" in c.value)
    assert "002_83700c7e99f2a08c.txt" in (cost.help or "")
    at.sidebar.radio(key="lang").set_value("en").run()
    sources = [c.value for c in at.tabs[1].caption if "Source: " in c.value]
    assert any("SEK 2,726,000 a year" in c for c in sources)
    assert not any("kap." in c or "osäker" in c for c in sources)
