"""What the command line leaves behind and shows while it works: files written whole or not at
all, and a progress line for long runs.

:func:`write_all` writes every file to a temporary name beside its target and renames them only
when all are written, so an interrupted run (Ctrl-C, a full disk) leaves no half-written file
and overwrites nothing it did not finish. :class:`Progress` prints "Kör … av … simuleringar" on
one line of standard error, only on a terminal and only for runs big enough to take a while;
:func:`announce` says so once before long work that cannot count its steps (sensitivity,
compare).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import TextIO

from ..text import fmt

SHOW_FROM = 500_000  # iterations: smaller runs finish in about a second


def write_all(targets: dict[Path, str] | dict[Path, bytes]) -> None:
    """Write each text (UTF-8) or bytes to its path, all or none (see the module); OSError on
    failure."""
    temporary: list[tuple[Path, Path]] = []
    try:
        for path, text in targets.items():
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            temporary.append((tmp, path))
            if isinstance(text, bytes):
                tmp.write_bytes(text)
            else:
                tmp.write_text(text, encoding="utf-8")
        for tmp, path in temporary:
            os.replace(tmp, path)
    finally:
        for tmp, _ in temporary:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()


def announce(total: int, lang: str = "sv", runs: int = 1, stream: TextIO | None = None) -> None:
    """Say before long work that cannot report its progress ("Kör 10 000 000 simuleringar …"),
    like :class:`Progress`: only on a terminal and only for big runs; ``runs`` scenarios."""
    out = sys.stderr if stream is None else stream
    if total < SHOW_FROM or not out.isatty():
        return
    n = fmt.number(total, lang)
    if lang == "sv":
        each = f" för vart och ett av {runs} scenarier" if runs > 1 else ""
        line = f"Kör {n} simuleringar{each} … (Ctrl-C avbryter)"
    else:
        each = f" for each of {runs} scenarios" if runs > 1 else ""
        line = f"Running {n} iterations{each} … (Ctrl-C stops)"
    out.write(line + "\n")
    out.flush()


class Progress:
    """A callback ``(done, total)`` that redraws one line of ``stream`` (a terminal only)."""

    def __init__(self, total: int, lang: str = "sv", stream: TextIO | None = None) -> None:
        self.stream = sys.stderr if stream is None else stream
        self.lang = lang
        self.shown = total >= SHOW_FROM and self.stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.shown:
            return
        word = "Kör" if self.lang == "sv" else "Running"
        of = "av" if self.lang == "sv" else "of"
        what = "simuleringar" if self.lang == "sv" else "iterations"
        share = fmt.percent(done / total, self.lang)
        done_, total_ = fmt.number(done, self.lang), fmt.number(total, self.lang)
        line = f"{word} {done_} {of} {total_} {what} ({share})"
        end = "\n" if done >= total else ""
        self.stream.write(f"\r{line}{end}")
        self.stream.flush()
