"""``costmodel report`` as users run it: never overwrites, bad input exits 2 with one line,
the same scenario, seed and iterations give the same report apart from the date, English on
request, and a tuned variant lists its changes."""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from costmodel import scenario
from costmodel.cli import main
from costmodel.reports import build, render
from costmodel.reports.content import Table

from .conftest import FIXTURES, ROOT

VAXJO = str(ROOT / "scenarios" / "vaxjo.yaml")
FAST = ["-n", "100", "--seed", "3"]
DAY = 86_400


def _report(tmp_path: Path, *args: str) -> tuple[int, Path]:
    target = tmp_path / "r.docx"
    return main(["report", VAXJO, "--out", str(target), *FAST, *args]), target


def test_never_overwrites_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, target = _report(tmp_path)
    assert code == 0 and target.stat().st_size > 0
    capsys.readouterr()
    target.write_bytes(b"my own edits")
    code, _ = _report(tmp_path)
    err = capsys.readouterr().err
    assert code == 2 and target.read_bytes() == b"my own edits"
    assert err.strip() == (
        f"costmodel: error: {target} already exists; expected a new --out path, or --force "
        "to overwrite"
    )
    code, _ = _report(tmp_path, "--force")
    assert code == 0 and zipfile.is_zipfile(target)


def test_default_name_and_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["report", VAXJO, "--format", "html", *FAST]) == 0
    s = scenario.load(VAXJO)
    name = f"vaxjo-{s.short_hash}-kommun-seed3-n100.html"
    assert (tmp_path / name).is_file()
    (tmp_path / "out").mkdir()
    assert main(["report", VAXJO, "--format", "xlsx", "--out", "out", *FAST]) == 0
    assert (tmp_path / "out" / name.replace(".html", ".xlsx")).is_file()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--iterations", "1"], "--iterations 1 is out of range; expected 2 to"),
        (["--seed", "-4"], "--seed must be a non-negative whole number"),
        (["--perspective", "grannar"], "unknown --perspective 'grannar'; expected one of"),
        (["--out", "rapport.pdf"], "--out rapport.pdf does not end in .docx; expected"),
    ],
)
def test_bad_options_exit_2_with_one_line(
    args: list[str],
    expected: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["report", VAXJO, *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("costmodel: error: " + expected) and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_bad_scenario_exits_2_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = sorted((FIXTURES / "bad").glob("*.yaml"))[0]
    assert main(["report", str(bad), "--out", str(tmp_path / "r.docx")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{bad}:") and "Traceback" not in err
    assert not (tmp_path / "r.docx").exists()


def test_unwritable_target_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["report", VAXJO, "--out", str(blocker / "r.docx"), *FAST]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"costmodel: error: cannot write {blocker / 'r.docx'}")
    assert "expected a writable path" in err


def _docx_text(data: bytes) -> list[str]:
    d = docx.Document(io.BytesIO(data))
    texts = [p.text for p in d.paragraphs]
    texts += [c.text for t in d.tables for r in t.rows for c in r.cells]
    return texts


def _xlsx_values(data: bytes) -> list[object]:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return [v for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row]


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "html"])
def test_same_inputs_same_report_apart_from_the_date(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = []
    for k, epoch in enumerate((20_000 * DAY, 20_000 * DAY, 20_001 * DAY)):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch + 3600))
        target = tmp_path / f"r{k}.{fmt}"
        assert main(["report", VAXJO, "--format", fmt, "--out", str(target), *FAST]) == 0
        files.append(target.read_bytes())
    assert files[0] == files[1]  # the same day: the same bytes
    assert files[0] != files[2]
    day1, day2 = "2024-10-04", "2024-10-05"  # days 20 000 and 20 001 after 1970-01-01
    assert datetime.date(1970, 1, 1) + datetime.timedelta(days=20_000) == datetime.date(2024, 10, 4)
    if fmt == "html":
        a, b = files[0].decode(), files[2].decode()
        assert day1 in a and a.replace(day1, day2) == b
    elif fmt == "docx":
        a_t, b_t = _docx_text(files[0]), _docx_text(files[2])
        assert any(day1 in x for x in a_t)
        assert [x.replace(day1, day2) for x in a_t] == b_t
        props = docx.Document(io.BytesIO(files[2])).core_properties
        assert (
            props.created == props.modified == datetime.datetime(2024, 10, 5, tzinfo=datetime.UTC)
        )
    else:
        a_v, b_v = _xlsx_values(files[0]), _xlsx_values(files[2])
        assert day1 in a_v
        assert [day2 if v == day1 else v for v in a_v] == b_v


def test_english_on_request(tmp_path: Path) -> None:
    code, target = _report(tmp_path, "--lang", "en")
    assert code == 0
    d = docx.Document(str(target))
    headings = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    assert headings[:3] == ["Summary", "Background and purpose", "Method"]
    assert d.core_properties.language == "en-GB"


def test_tuned_variant_lists_its_changes() -> None:
    s = scenario.load(VAXJO)
    tuned = scenario.with_values(s, {"avoided_placement_years": 1.2}, name="Växjö, egen")
    report = build(tuned, iterations=100, seed=3, original=s, date=datetime.date(2025, 1, 1))
    background = report.section("background")
    texts = [getattr(b, "text", "") for b in background.blocks]
    assert any("skiljer sig från originalet" in t and "1 antaganden" in t for t in texts)
    table = next(b for b in background.blocks if isinstance(b, Table))
    assert [[c.text for c in r] for r in table.rows] == [
        [
            "Undvikna placeringsår per år med SIG",
            "PERT lägst 0, troligast 0,5, högst 1,5",
            "fast värde 1,2",
        ]
    ]
    wb = openpyxl.load_workbook(io.BytesIO(render(report, "xlsx")))
    assert wb.sheetnames[0] == "Sammanfattning" and "Ändringar" in wb.sheetnames
    assert wb["Ändringar"]["C2"].value == "fast värde 1,2"
    assert report.title == "Växjö, egen"
    assert report.subtitle.endswith(", anpassad variant av Växjö – en undviken placering per år")
    html = render(report, "html").decode()
    assert "fast värde 1,2" in html


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "html"])
def test_a_perspective_with_nothing_in_it_still_reports(fmt: str, tmp_path: Path) -> None:
    """Växjö has no flows for the region: every table of it is empty, the report is not."""
    target = tmp_path / f"r.{fmt}"
    args = ["report", VAXJO, "--perspective", "region", "--format", fmt, "--out", str(target)]
    assert main([*args, *FAST]) == 0
    if fmt == "docx":
        headings = [p.text for p in docx.Document(str(target)).paragraphs]
        assert "Reproducerbarhet" in headings and "Med regionen som perspektiv" in "".join(headings)
    elif fmt == "xlsx":
        rows = openpyxl.load_workbook(target)["Sammanfattning"].iter_rows(values_only=True)
        assert ("Nettonytta (diskonterad)", 0, 0, 0, 0) in list(rows)
    else:
        assert "Med regionen som perspektiv" in target.read_text(encoding="utf-8")


def test_an_unbounded_input_outside_its_draws_is_said_in_words(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """mall.yaml at 200 iterations, seed 11: an interval90 input (support up to infinity) has
    its switching value outside its draws; the sentence says so instead of failing."""
    mall = str(ROOT / "scenarios" / "mall.yaml")
    assert main(["sensitivity", mall, "-n", "200", "--seed", "11"]) == 0
    assert "(utanför de dragna värdena)" in capsys.readouterr().out
