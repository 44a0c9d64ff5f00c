"""The one error type for scenario problems.

Every user-facing problem with a scenario file is a :class:`Problem` carrying the file, the
line, the dotted key path, what is wrong and what is expected. Problems are collected (all
errors in a file are reported at once) and raised together as :class:`ScenarioError`, whose
message is one line per problem in the form ``file:line: key.path: what is wrong; expected``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a scenario file."""

    file: str
    line: int
    path: str
    message: str
    expected: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        key = f" {self.path}:" if self.path else ""
        text = f"{where}:{key} {self.message}"
        if self.expected:
            text += f"; {self.expected}"
        return text


class ScenarioError(Exception):
    """One or more problems in a scenario; ``str()`` lists them one per line."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def one(cls, file: str, line: int, path: str, message: str, expected: str) -> ScenarioError:
        """An error with a single problem."""
        return cls([Problem(file, line, path, message, expected)])


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A short hint naming the closest allowed key, or an empty string."""
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{match[0]}'?" if match else ""
