"""An upload's bytes get every limit of a file on disk (``scenario.loads_bytes``), and its
``extends`` can only name a file directly in the scenario folder."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from costmodel import scenario
from costmodel.errors import ScenarioError
from costmodel.text import messages

from .conftest import FIXTURES, SCENARIOS

HOSTILE = FIXTURES / "hostile"


def _refused(data: bytes, fragment: str, folder: Path = SCENARIOS) -> ScenarioError:
    with pytest.raises(ScenarioError) as info:
        scenario.loads_bytes(data, "upload.yaml", folder)
    assert fragment in str(info.value), str(info.value)
    assert all(p.file and p.line >= 1 for p in info.value.problems)
    return info.value


def test_a_good_upload_loads_and_may_extend_a_shipped_scenario() -> None:
    s = scenario.loads_bytes((SCENARIOS / "vaxjo.yaml").read_bytes(), "upload.yaml", SCENARIOS)
    assert s.method == "vaxjo"
    variant = b"extends: skarholmen.yaml\noverrides:\n  scenario.seed: 3\n"
    assert scenario.loads_bytes(variant, "upload.yaml", SCENARIOS).meta.seed == 3


@pytest.mark.parametrize(
    "name",
    ["alias_bomb_values", "alias_bomb_long_text", "recursive_alias", "escape_sequence_in_key"],
)
def test_an_uploaded_bomb_is_refused_with_bounded_memory(name: str) -> None:
    data = (HOSTILE / f"{name}.yaml").read_bytes()
    tracemalloc.start()
    try:
        with pytest.raises(ScenarioError):
            scenario.loads_bytes(data, "upload.yaml", SCENARIOS)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 64 * 1024**2


def test_upload_size_and_encoding_limits() -> None:
    _refused(b"#" * 1_000_001, "larger than 1 MB")
    _refused("scenario:\n  name: Växjö\n".encode("utf-16"), "UTF-16")
    _refused(b"scenario:\n  name: a\x00b\n", "U+0000")
    _refused(b"\x89PNG\r\n\x1a\n\x00\x00", "not UTF-8")


@pytest.mark.parametrize(
    "target",
    [
        "../tests/fixtures/minimal.yaml",
        str(FIXTURES / "minimal.yaml"),
        "/etc/passwd",
        "/dev/zero",
        "subfolder/x.yaml",
        "..",
    ],
)
def test_an_upload_cannot_extend_a_file_outside_the_folder(target: str) -> None:
    error = _refused(f"extends: {target}\n".encode(), "is not a bare file name in the scenario")
    assert [(p.line, p.path) for p in error.problems] == [(1, "extends")]


def test_the_dashboard_refuses_an_extends_outside_the_folder_in_swedish() -> None:
    from costmodel.app.upload import parse_upload

    s, problems = parse_upload("upload.yaml", b"extends: ../x.yaml\n", "sv", SCENARIOS)
    assert s is None
    shown = messages.render(problems[0], "sv")
    assert "grundfilen '../x.yaml' är inte ett filnamn i scenariomappen" in shown


def test_an_upload_with_thousands_of_overrides_is_checked_quickly() -> None:
    """5 000 override lines once took minutes (every key re-parsed for every override)."""
    lines = "".join(f"  scenario.x{i}: 1\n" for i in range(5000))
    start = time.process_time()
    error = _refused(f"extends: vaxjo.yaml\noverrides:\n{lines}".encode(), "scenario.x0")
    assert time.process_time() - start < 1.0  # a bound on runaway work, not a speed goal
    assert error.problems[0].line == 3


def test_a_symlink_in_the_folder_cannot_lead_out_of_it(tmp_path: Path) -> None:
    folder = tmp_path / "scenarios"
    folder.mkdir()
    (folder / "inside.yaml").symlink_to(FIXTURES / "minimal.yaml")
    _refused(b"extends: inside.yaml\n", "not a bare file name in the scenario folder", folder)


def test_a_base_in_the_folder_cannot_extend_out_of_it(tmp_path: Path) -> None:
    folder = tmp_path / "scenarios"
    folder.mkdir()
    (folder / "base.yaml").write_text(f"extends: {FIXTURES / 'minimal.yaml'}\n", "utf-8")
    _refused(b"extends: base.yaml\n", "not a bare file name in the scenario folder", folder)


def test_the_dashboards_upload_refuses_the_alias_trick_with_bounded_memory() -> None:
    """The issue's case: a long text used many times where a text is expected, 1 MB."""
    from costmodel.app.upload import parse_upload

    text = '"' + "x" * 900_000 + '"'
    data = (
        f"t: &t {text}\nb: &b [*t, *t, *t, *t, *t, *t, *t, *t, *t, *t]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
        "scenario:\n  name: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    ).encode()
    assert len(data) < 1_000_000
    tracemalloc.start()
    try:
        s, problems = parse_upload("bomb.yaml", data, "sv")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert s is None and problems
    assert "alias-expansion bomb" in problems[0].message
    assert peak < 64 * 1024**2
