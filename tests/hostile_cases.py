"""Malformed scenarios that cannot be committed as text: made by each test in a temporary folder.

Each case is ``name -> make(folder) -> (file to load, line, key path, fragment)``: binary and
wrongly encoded files, control characters, files too big or too deep, devices, a named pipe,
a folder, and ``extends`` chains that loop through a symlink, run too deep or go round.
Together with ``fixtures/hostile/*.yaml`` they are the corpus of :mod:`tests.test_hostile`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from .conftest import FIXTURES

MINIMAL = FIXTURES / "minimal.yaml"
Case = tuple[Path, int, str, str]


def _bytes(folder: Path, data: bytes, name: str = "case.yaml") -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _text() -> str:
    return MINIMAL.read_text(encoding="utf-8")


def binary_png(f: Path) -> Case:
    data = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40
    return _bytes(f, data), 1, "", "not UTF-8 text (byte 0 "


def nul_byte(f: Path) -> Case:
    return _bytes(f, b"scenario:\n  name: V\x00xjo\n"), 2, "", "U+0000 (NUL) in column 10"


def utf16_with_bom(f: Path) -> Case:
    return _bytes(f, _text().encode("utf-16")), 1, "", "UTF-16 text, not UTF-8"


def utf16_without_bom(f: Path) -> Case:
    return _bytes(f, _text().encode("utf-16-le")), 1, "", "not UTF-8 text"


def utf32_with_bom(f: Path) -> Case:
    return _bytes(f, _text().encode("utf-32")), 1, "", "UTF-32 text, not UTF-8"


def latin1(f: Path) -> Case:
    data = "# comment\nscenario:\n  name: Växjö\n".encode("latin-1")
    return _bytes(f, data), 3, "", "not UTF-8 text"


def bell_character(f: Path) -> Case:
    return _bytes(f, b"scenario:\n  name: ding\x07\n"), 2, "", "U+0007 in column 13"


def raw_escape_sequence(f: Path) -> Case:
    return _bytes(f, b"# a\nscenario:\n  name: \x1b[2Jgone\n"), 3, "", "U+001B in column 9"


def deep_flow_nesting(f: Path) -> Case:
    return _bytes(f, b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n"), 1, "", "nested too deeply"


def deep_block_nesting(f: Path) -> Case:
    lines = [" " * i + f"k{i}:" for i in range(80)]
    return _bytes(f, ("\n".join(lines) + " 1\n").encode()), 50, "", "nested too deeply"


def just_over_1_mb(f: Path) -> Case:
    return _bytes(f, b"#" * 1_000_001), 1, "", "larger than 1 MB"


def file_of_50_mb(f: Path) -> Case:
    path = f / "huge.yaml"
    with path.open("wb") as out:
        for _ in range(50):
            out.write(b"# padding line\n" * 70_000)  # about 1 MB
    return path, 1, "", "larger than 1 MB"


def many_values(f: Path) -> Case:
    return _bytes(f, b"a:\n" + b"- 1\n" * 30_000), 19_999, "", "more than 20000 values"


def many_problems(f: Path) -> Case:
    items = "".join(f"    - {{value: b{i}}}\n" for i in range(6000))
    text = _text().replace(
        "    kommun:\n      label: SIG\n      unit: kr/year\n      value: 900000\n"
        "      reference: test\n",
        "    kommun:\n" + items,
    )
    return _bytes(f, text.encode()), 0, "", "more problems are not shown"


def dev_zero(f: Path) -> Case:
    return Path("/dev/zero"), 1, "", "it is a device"


def named_pipe(f: Path) -> Case:
    path = f / "pipe.yaml"
    os.mkfifo(path)
    return path, 1, "", "it is a named pipe"


def symlink_to_dev_zero(f: Path) -> Case:
    path = f / "zero.yaml"
    path.symlink_to("/dev/zero")
    return path, 1, "", "it is a device"


def folder(f: Path) -> Case:
    path = f / "folder.yaml"
    path.mkdir()
    return path, 1, "", "it is a folder"


def missing_file(f: Path) -> Case:
    return f / "finns-inte.yaml", 1, "", "cannot read the file (No such file or directory)"


def extends_symlink_loop(f: Path) -> Case:
    (f / "loop1.yaml").symlink_to(f / "loop2.yaml")
    (f / "loop2.yaml").symlink_to(f / "loop1.yaml")
    return _bytes(f, b"extends: loop1.yaml\n"), 1, "extends", "cannot be opened"


def extends_named_pipe(f: Path) -> Case:
    os.mkfifo(f / "pipe.yaml")
    data = b"# a pipe\nextends: pipe.yaml\n"
    return _bytes(f, data), 2, "extends", "is a named pipe, not a scenario file"


def extends_dev_zero(f: Path) -> Case:
    return _bytes(f, b"extends: /dev/zero\n"), 1, "extends", "is a device, not a scenario file"


def extends_two_file_cycle(f: Path) -> Case:
    _bytes(f, b"extends: a.yaml\n", "b.yaml")
    return _bytes(f, b"extends: b.yaml\n", "a.yaml"), 1, "extends", "leads back to itself"


def extends_chain_too_deep(f: Path) -> Case:
    (f / "base.yaml").write_text(_text(), encoding="utf-8")
    previous = "base.yaml"
    for i in range(12):
        _bytes(f, f"extends: {previous}\n".encode(), f"v{i}.yaml")
        previous = f"v{i}.yaml"
    return f / previous, 1, "extends", "the chain of bases is longer than 10 files"


def many_overrides(f: Path) -> Case:
    """A short file with 5 000 overrides (each once re-parsed every override key: cubic)."""
    (f / "base.yaml").write_text(_text(), encoding="utf-8")
    lines = "".join(f"  scenario.x{i}: 1\n" for i in range(5000))
    data = f"extends: base.yaml\noverrides:\n{lines}".encode()
    return _bytes(f, data), 3, "scenario.x0", "unknown key"


def name_of_450_000_characters(f: Path) -> Case:
    """A name that validated and made ``run`` print 452 KB."""
    text = _text().replace("  name: Minimal\n", "  name: " + "N" * 450_000 + "\n")
    return _bytes(f, text.encode()), 3, "scenario.name", "the text is 450000 characters long"


def notes_too_long(f: Path) -> Case:
    text = _text().replace("  name: Minimal\n", "  name: Minimal\n  notes: " + "n" * 10_001 + "\n")
    return _bytes(f, text.encode()), 4, "scenario.notes", "at most 10000 characters"


GENERATED: dict[str, Callable[[Path], Case]] = {
    fn.__name__: fn
    for fn in (
        binary_png,
        nul_byte,
        utf16_with_bom,
        utf16_without_bom,
        utf32_with_bom,
        latin1,
        bell_character,
        raw_escape_sequence,
        deep_flow_nesting,
        deep_block_nesting,
        just_over_1_mb,
        file_of_50_mb,
        many_values,
        many_problems,
        dev_zero,
        named_pipe,
        symlink_to_dev_zero,
        folder,
        missing_file,
        extends_symlink_loop,
        extends_named_pipe,
        extends_dev_zero,
        extends_two_file_cycle,
        extends_chain_too_deep,
        many_overrides,
        name_of_450_000_characters,
        notes_too_long,
    )
}
# files that must never be opened in the test process itself: a hang would stop the suite
SUBPROCESS_ONLY = {
    "dev_zero",
    "named_pipe",
    "symlink_to_dev_zero",
    "extends_named_pipe",
    "extends_dev_zero",
}
