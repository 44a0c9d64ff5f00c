"""Reading a scenario's bytes with hard limits, before any YAML is parsed.

:func:`read_bytes` refuses anything that is not a regular file (a folder, ``/dev/zero``, a
named pipe, a socket) without reading from it, and reads at most :data:`MAX_BYTES` + 1 bytes
whatever size the file claims. :func:`decode` turns bytes into text or says what is wrong and
where: not UTF-8 (with the line and the byte offset), UTF-16 or UTF-32, or a control
character that YAML does not allow (with its line and column). Both raise
:class:`~costmodel.errors.ScenarioError`; the dashboard calls :func:`decode` on an upload.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path

from ..errors import ScenarioError

MAX_BYTES = 1_000_000

_SIZE = (
    "the file is larger than 1 MB",
    "a scenario file under 1 MB",
)
_UNREADABLE = "an existing, readable YAML file"
# the characters YAML refuses in a stream (PyYAML's Reader.NON_PRINTABLE)
_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is: "a folder", "a named pipe", "a device" …"""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _not_regular(name: str, mode: int) -> ScenarioError:
    return ScenarioError.one(
        name, 1, "", f"cannot read the file (it is {file_kind(mode)})", "a regular YAML file"
    )


def read_bytes(path: str | Path, limit: int = MAX_BYTES) -> bytes:
    """At most ``limit`` bytes of a regular file; a :class:`ScenarioError` for anything else."""
    name = str(path)
    try:
        mode = os.stat(path).st_mode  # follows symlinks; never opens a pipe or device
        if not stat.S_ISREG(mode):
            raise _not_regular(name, mode)
        # O_NONBLOCK: should a pipe be swapped in after the check, opening it does not wait
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as f:
            mode = os.fstat(f.fileno()).st_mode
            if not stat.S_ISREG(mode):
                raise _not_regular(name, mode)
            data = f.read(limit + 1)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ScenarioError.one(
            name, 1, "", f"cannot read the file ({reason})", _UNREADABLE
        ) from None
    if len(data) > limit:
        raise ScenarioError.one(name, 1, "", *_SIZE)
    return data


def decode(data: bytes, name: str, limit: int = MAX_BYTES) -> str:
    """UTF-8 text of ``data``, or a :class:`ScenarioError` naming the line of the first fault."""
    if len(data) > limit:
        raise ScenarioError.one(name, 1, "", *_SIZE)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            raise ScenarioError.one(
                name,
                1,
                "",
                f"the file is {encoding} text, not UTF-8",
                "a UTF-8 encoded YAML file (save it as UTF-8)",
            )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ScenarioError.one(
            name,
            line,
            "",
            f"the file is not UTF-8 text (byte {exc.start} cannot be read as UTF-8)",
            "a UTF-8 encoded YAML file",
        ) from None
    check_characters(text, name)
    return text.removeprefix("\ufeff")


def check_characters(text: str, name: str) -> None:
    """Refuse a control character YAML does not allow, naming its line and column."""
    m = _NOT_YAML.search(text[1:] if text.startswith("\ufeff") else text)
    if m is None:
        return
    start = m.start() + (1 if text.startswith("\ufeff") else 0)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    code = f"U+{ord(m.group(0)):04X}" + (" (NUL)" if m.group(0) == "\0" else "")
    raise ScenarioError.one(
        name,
        line,
        "",
        f"the file contains the control character {code} in column {column}",
        "text without control characters (is it a binary file?)",
    )
