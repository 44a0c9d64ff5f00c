"""Swedish wording of scenario problems, for the dashboard and the CLI (``--lang sv``).

The validator writes each :class:`~costmodel.errors.Problem` in English (its message and what
is expected), because tests and developers read those. :func:`localize` rewrites them for
Swedish users by matching each text against the templates of :mod:`.problem_words`; a text no
template matches is shown in English, so a new message is never lost, only untranslated (a test
lists the fixtures' messages and checks that each one is covered).
"""

from __future__ import annotations

import re

from ..errors import Problem
from .expected_words import EXPECTED
from .problem_words import MESSAGES

_COMPILED = [(re.compile(p), r) for p, r in MESSAGES]
_COMPILED_EXPECTED = [(re.compile(p), r) for p, r in EXPECTED[:-1]]
_HINT = re.compile(r" \(did you mean '([^']+)'\?\)")


def _apply(text: str, table: list[tuple[re.Pattern[str], object]]) -> str | None:
    for pattern, repl in table:
        m = pattern.fullmatch(text)
        if m:
            return repl(m) if callable(repl) else m.expand(str(repl))
    return None


def translate_message(text: str) -> str | None:
    """The Swedish form of a problem's message, or None if no template matches."""
    hint = _HINT.search(text)
    core = _HINT.sub("", text)
    out = _apply(core, _COMPILED)
    if out is None:
        return None
    return out + (f" (menade du '{hint.group(1)}'?)" if hint else "")


def translate_expected(text: str) -> str | None:
    """The Swedish form of what is expected, or None if no template matches."""
    if not text:
        return ""
    out = _apply(text, _COMPILED_EXPECTED)
    if out is None and re.fullmatch(EXPECTED[-1][0], text):
        return text  # a formula, the same in both languages
    return out


def localize(problem: Problem, lang: str) -> tuple[str, str]:
    """``(message, expected)`` in ``lang``; English where no Swedish template matches."""
    if lang != "sv":
        return problem.message, problem.expected
    message = translate_message(problem.message) or problem.message
    expected = translate_expected(problem.expected)
    return message, problem.expected if expected is None else expected


def render(problem: Problem, lang: str) -> str:
    """The problem as one line, ``file:line: key.path: message; expected``, in ``lang``."""
    message, expected = localize(problem, lang)
    where = f"{problem.file}:{problem.line}"  # a Problem always has a line (1 at least)
    key = f" {problem.path}:" if problem.path else ""
    exp = f"; {'förväntat' if lang == 'sv' else 'expected'}: {expected}" if expected else ""
    if lang != "sv":
        exp = f"; {expected}" if expected else ""
    return f"{where}:{key} {message}{exp}"
