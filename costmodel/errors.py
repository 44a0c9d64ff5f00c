"""The one error type for scenario problems, and the bounds on what a problem may echo.

Every user-facing problem with a scenario file is a :class:`Problem` carrying the file, the
line, the dotted key path, what is wrong and what is expected. Problems are collected (all
errors in a file are reported at once) and raised together as :class:`ScenarioError`, whose
message is one line per problem in the form ``file:line: key.path: what is wrong; expected``.

Whatever a file contains, a problem stays one short, harmless line: :func:`printable` escapes
control characters (so a key cannot colour or clear the terminal, or forge another
``file:line:`` line), every field is cut to a bounded length with "…", :func:`shown` is the
bounded ``repr`` used to echo a value, and :class:`ScenarioError` keeps at most
:data:`MAX_PROBLEMS` problems and says how many more there were.
"""

from __future__ import annotations

import difflib
import re
import reprlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

MAX_PROBLEMS = 50  # problems reported per error; the rest are counted in one last line
MAX_FIELD = 300  # characters of a file name, key path or expected text in a problem
MAX_MESSAGE = 500  # characters of a problem's message

# C0 and C1 control characters, DEL, line and paragraph separators and the bidirectional
# embedding, override and isolate marks (which can make text display in another order)
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match[str]) -> str:
    ch = m.group(0)
    return _NAMED.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")


def cut(text: str, limit: int) -> str:
    """``text`` at most ``limit`` characters: the start and the end, joined by "…"."""
    if len(text) <= limit:
        return text
    head = (limit - 1) * 2 // 3
    tail = limit - 1 - head
    return text[:head] + "…" + (text[-tail:] if tail else "")


def printable(text: str, limit: int = MAX_FIELD) -> str:
    """``text`` with control characters escaped (``\\x1b``, ``\\n``), cut to ``limit``."""
    # cut first (with room for escapes), so a huge text is never copied whole
    return cut(_UNSAFE.sub(_escape, cut(text, 4 * limit)), limit)


class _Repr(reprlib.Repr):
    def __init__(self) -> None:
        super().__init__()
        self.maxlevel = 3
        self.maxstring = 60
        self.maxother = 60
        self.maxlist = self.maxtuple = self.maxset = 6
        self.maxdict = 4

    def repr_int(self, x: int, level: int) -> str:
        if x.bit_length() > 128:  # never convert a huge whole number to text
            return f"<a whole number of about {int(x.bit_length() * 0.30103)} digits>"
        return super().repr_int(x, level)

    def repr_str(self, x: str, level: int) -> str:
        return repr(cut(x, self.maxstring))


_REPR = _Repr()


def shown(value: Any) -> str:
    """A short ``repr`` of a value from a file, to echo in a problem: "'abc…xyz'", "[1, 2, ...]"."""
    try:
        return printable(_REPR.repr(value), 120)
    except Exception:  # a value whose repr fails is still named
        return f"<{type(value).__name__}>"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a scenario file; every field is escaped and bounded on creation."""

    file: str
    line: int
    path: str
    message: str
    expected: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "file", printable(str(self.file)))
        object.__setattr__(self, "line", max(int(self.line), 1))
        object.__setattr__(self, "path", printable(str(self.path)))
        object.__setattr__(self, "message", printable(str(self.message), MAX_MESSAGE))
        object.__setattr__(self, "expected", printable(str(self.expected)))

    def __str__(self) -> str:
        key = f" {self.path}:" if self.path else ""
        text = f"{self.file}:{self.line}:{key} {self.message}"
        if self.expected:
            text += f"; {self.expected}"
        return text


def capped(problems: list[Problem], limit: int = MAX_PROBLEMS, more: int = 0) -> list[Problem]:
    """The first ``limit`` problems, and one more saying how many are not shown.

    ``more`` counts problems found but never turned into a :class:`Problem` (see
    :func:`costmodel.scenario.problems.problems`).
    """
    hidden = max(len(problems) - limit, 0) + more
    if not hidden:
        return problems
    last = problems[min(limit, len(problems) - 1)] if problems else Problem("", 1, "", "")
    note = Problem(
        last.file,
        last.line,
        "",
        f"{hidden} more problems are not shown",
        "fix the problems above and check the file again",
    )
    return [*problems[:limit], note]


class ScenarioError(Exception):
    """One or more problems in a scenario; ``str()`` lists them one per line.

    At most :data:`MAX_PROBLEMS` are kept; a last line then counts the others (and the
    ``more`` that were found but not described).
    """

    def __init__(self, problems: Iterable[Problem], more: int = 0):
        self.problems: list[Problem] = capped(list(problems), more=more)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def one(cls, file: str, line: int, path: str, message: str, expected: str) -> ScenarioError:
        """An error with a single problem."""
        return cls([Problem(file, line, path, message, expected)])


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A short hint naming the closest allowed key, or an empty string."""
    match = difflib.get_close_matches(cut(word, 100), list(choices), n=1, cutoff=0.6)
    return f"did you mean '{match[0]}'?" if match else ""
