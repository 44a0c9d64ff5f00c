"""Text from a scenario or its file name cannot forge a line or flood the screen.

Labels, names, titles and kommun are single lines of at most 200 characters (refused at their
line otherwise: ``fixtures/hostile/label_forges_a_line.yaml``, ``name_with_newline_and_tab``,
``label_too_long``, ``title_with_newline``, ``english_label_with_newline``, and the generated
``name_of_450_000_characters`` and ``notes_too_long``); a file name is escaped wherever the
CLI echoes it (validate's OK line, run's stamp line, describe's header, the stamp under
sensitivity and compare, the --out message).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from costmodel import cli

from .conftest import FIXTURES

HOSTILE = FIXTURES / "hostile"
NAME = "evil\x1b[2J\nforged.yaml:1: x: y; z.yaml"


def _main(capsys: Any, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def evil_file(tmp_path: Path) -> Path:
    path = tmp_path / NAME
    path.write_text((FIXTURES / "minimal.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "argv",
    [
        ["validate"],
        ["run"],
        ["run", "--format", "csv"],
        ["describe"],
        ["sensitivity", "-n", "200"],
        ["compare", "-n", "200"],
    ],
    ids=lambda a: "-".join(a),
)
def test_a_file_name_with_escape_and_newline_is_echoed_escaped(
    argv: list[str], evil_file: Path, capsys: Any, tmp_path: Path
) -> None:
    files = [str(evil_file), str(evil_file)] if argv[0] == "compare" else [str(evil_file)]
    status, out, err = _main(capsys, argv[0], *files, *argv[1:])
    assert status == 0, err
    for text in (out, err):
        assert "\x1b" not in text
        assert not any(line.startswith("forged.yaml") for line in text.splitlines())
    assert "evil\\x1b[2J\\nforged.yaml" in out


def test_the_out_message_escapes_the_folder(tmp_path: Path, capsys: Any) -> None:
    out_dir = tmp_path / "o\x1b[31m\nx"
    minimal = str(FIXTURES / "minimal.yaml")
    status, _, err = _main(
        capsys, "run", minimal, "-n", "200", "--out", str(out_dir), "--lang", "en"
    )
    assert status == 0 and err.startswith("Wrote 3 files to") and len(err.splitlines()) == 1
    assert "\x1b" not in err


def test_validate_speaks_the_chosen_language(capsys: Any) -> None:
    minimal = str(FIXTURES / "minimal.yaml")
    assert "3 parameters," in _main(capsys, "validate", minimal, "--lang", "en")[1]
    assert "3 parametrar," in _main(capsys, "validate", minimal)[1]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("label_forges_a_line", "parameters.sig_cost.kommun.label"),
        ("name_with_newline_and_tab", "scenario.name"),
        ("label_too_long", "parameters.sig_cost.kommun.label"),
    ],
)
@pytest.mark.parametrize("command", ["describe", "run", "validate"])
def test_a_forged_or_flooding_text_is_refused_by_every_command(
    name: str, key: str, command: str, capsys: Any
) -> None:
    path = HOSTILE / f"{name}.yaml"
    status, out, err = _main(capsys, command, str(path), "--lang", "en")
    assert status == 2 and out == ""
    assert err.startswith(f"{path}:4: {key}: ") and len(err.splitlines()) == 1
    assert "forged" not in err
