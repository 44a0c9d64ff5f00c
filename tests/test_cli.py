"""The command line as users run it: Swedish tables, JSON keys, exports that never overwrite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from costmodel.cli import main

from .conftest import ROOT

VAXJO = str(ROOT / "scenarios" / "vaxjo.yaml")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_published_json_reproduces_vaxjo(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "run", VAXJO, "--published", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["net_benefit_undiscounted"]["mean"] == 1826000  # 2 726 000 − 900 000
    assert data["published"] is True and data["deterministic"] is True
    assert data["perspective"] == "kommun" and data["method"] == "vaxjo"
    # the central case is not the published one: half the effect, 0.5 × 2 726 000 − 900 000
    code, out, _ = _run(capsys, "run", VAXJO, "--deterministic", "--format", "json")
    data = json.loads(out)
    assert data["net_benefit_undiscounted"]["mean"] == 463000 and data["published"] is False


def test_published_needs_published_figures(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    f = tmp_path / "none.yaml"
    f.write_text((ROOT / "tests" / "fixtures" / "minimal.yaml").read_text(), encoding="utf-8")
    code, _, err = _run(capsys, "run", str(f), "--published")
    assert code == 2 and "has no published figures" in err
    with pytest.raises(SystemExit) as info:
        main(["run", VAXJO, "--published", "--deterministic"])
    assert info.value.code == 2 and "not allowed with" in capsys.readouterr().err


def test_swedish_table_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "run", VAXJO, "--deterministic")
    assert code == 0
    text = out.replace("\u00a0", " ")
    assert "Nettonytta (odiskonterad)" in text
    assert "463 000 kr" in text
    # a deterministic run claims no probability; a Monte Carlo run does
    assert "Sannolikhet att SIG lönar sig" not in text and "punktskattning" in text
    code, out, _ = _run(capsys, "run", VAXJO, "--published")
    text = out.replace("\u00a0", " ")
    assert "1 826 000 kr" in text and "som publicerat" in text and "Så räknade källan" in text
    code, out, _ = _run(capsys, "run", VAXJO, "--iterations", "500")
    assert code == 0 and "Sannolikhet att SIG lönar sig" in out and "Median" in out


def test_english_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "run", VAXJO, "--published", "--lang", "en")
    assert code == 0
    assert "SEK 1,826,000" in out and "as published" in out and "source's own" in out
    assert "Nettonytta" not in out
    assert "| Horizon 1 year |" in out  # Växjö counts one year: not "1 years"


def test_perspective_switch(capsys: pytest.CaptureFixture[str]) -> None:
    _, out_k, _ = _run(capsys, "run", VAXJO, "--deterministic", "--format", "json")
    _, out_s, _ = _run(
        capsys, "run", VAXJO, "--deterministic", "--format", "json", "--perspective", "samhalle"
    )
    assert json.loads(out_s)["net_benefit"]["mean"] > json.loads(out_k)["net_benefit"]["mean"]
    code, _, err = _run(capsys, "run", VAXJO, "--perspective", "kommunen")
    assert code == 2 and "unknown --perspective" in err


def test_csv_has_the_headline_figures(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "run", VAXJO, "--published", "--format", "csv")
    assert code == 0
    assert out.splitlines()[0] == "section,key,statistic,value"
    assert "total,net_benefit_undiscounted,mean,1826000.0" in out


def test_out_dir_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["run", VAXJO, "--iterations", "200", "--seed", "1", "--out", str(tmp_path)]
    assert _run(capsys, *args)[0] == 0
    files = sorted(tmp_path.iterdir())
    assert [f.suffix for f in files] == [".csv", ".json", ".txt"]
    files[1].write_text("my notes", encoding="utf-8")
    code, _, err = _run(capsys, *args)
    assert code == 2 and "already exists" in err
    assert files[1].read_text(encoding="utf-8") == "my notes"
    assert _run(capsys, *args, "--force")[0] == 0
    assert json.loads(files[1].read_text(encoding="utf-8"))["iterations"] == 200


def test_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["run", VAXJO, "--iterations", "many"])
    assert info.value.code == 2
    assert _run(capsys, "run", VAXJO, "--iterations", "0")[0] == 2
    code, _, err = _run(capsys, "validate", str(ROOT / "nope.yaml"))
    assert code == 2 and "filen kan inte läsas" in err


def test_validate_ok(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "validate", *map(str, sorted((ROOT / "scenarios").glob("*.yaml"))))
    assert code == 0 and out.count(": OK") >= 4


def test_describe_lists_every_parameter_with_its_source(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _run(capsys, "describe", VAXJO)
    assert code == 0
    for name in ("sig_cost.kommun", "placement_cost.kommun", "avoided_placement_years"):
        assert name in out
    assert out.count("källa:") >= 7
    assert "2\u00a0726\u00a0000" in out


def test_too_many_iterations_for_memory_is_a_user_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from costmodel.engine import memory

    # a big run is streamed: a piece at a time (about 130 MB for mall) and a few percent of
    # its series (about 30 bytes an iteration), so 10 million iterations need about 0.4 GB
    monkeypatch.setattr(memory, "MEMORY_BUDGET_BYTES", 300 * 1024**2)
    code, _, err = _run(capsys, "run", str(ROOT / "scenarios" / "mall.yaml"), "-n", "10000000")
    assert code == 2 and "GB of memory" in err and "Traceback" not in err
    assert "expected at most" in err


def test_samples_export_has_one_row_per_iteration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import csv

    args = ["run", VAXJO, "-n", "300", "--seed", "4", "--out", str(tmp_path), "--samples"]
    assert _run(capsys, *args)[0] == 0
    (samples,) = tmp_path.glob("*-samples.csv")
    rows = list(csv.DictReader(samples.open(encoding="utf-8")))
    assert len(rows) == 300
    summary = json.loads(next(tmp_path.glob("*n300.json")).read_text(encoding="utf-8"))
    mean = sum(float(r["net_benefit.kommun"]) for r in rows) / len(rows)
    assert mean == pytest.approx(summary["net_benefit"]["mean"], rel=1e-8)
    assert _run(capsys, "run", VAXJO, "--samples")[0] == 2
