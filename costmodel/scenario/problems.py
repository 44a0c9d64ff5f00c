"""From pydantic's validation errors to our problems: ``file:line: key.path: problem; expected``.

Pydantic reports each error with a location (a tuple of keys, list indices and the tags of the
unions it chose) and a type. :func:`error_parts` walks the location through the YAML data the
error came from, dropping the union tags, so the path is the user's key path; it then takes the
words from where they are declared:

- our own rules raise :func:`~costmodel.scenario.fields.fail` with the problem and what is
  expected (error type ``costmodel``);
- an unknown key is described by the section that refused it (``Section.unknown_key``: the
  allowed keys and a did-you-mean);
- a missing key by the :class:`~costmodel.scenario.fields.Missing` marker of its field.

:func:`problems` adds the file and line from the line map of :mod:`.variants`.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ..errors import MAX_PROBLEMS, Problem, shown
from .fields import ERROR_TYPE, Section
from .yamlload import KeyPath, dotted

# pydantic's own checks of a field's type, in our words: (problem, expected)
_BUILT_IN: dict[str, tuple[str, str]] = {
    "list_type": ("{value} is not a list", "a list, e.g. [a, b]"),
    "string_type": ("{value} is not a text", "a text"),
    "dict_type": ("{value} is not a mapping", "a mapping of keys and values"),
    "model_type": ("{value} is not a mapping", "a mapping of keys and values"),
    "float_type": ("{value} is not a number", "a number"),
    "float_parsing": ("{value} is not a number", "a number"),
    "int_type": ("{value} is not a whole number", "a whole number"),
    "int_parsing": ("{value} is not a whole number", "a whole number"),
}


def _walk(loc: tuple[Any, ...], data: Any, missing: bool) -> tuple[list[Any], list[Any]]:
    """The user's key path of ``loc`` in ``data`` and the nodes along it (union tags dropped)."""
    path: list[Any] = []
    nodes: list[Any] = [data]
    for i, part in enumerate(loc):
        node = nodes[-1]
        if part == "[key]":
            continue  # a mapping key was refused: the key is already the last part
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        ):
            nodes.append(node[part])
        elif missing and i == len(loc) - 1:
            nodes.append(None)  # the missing key itself
        else:
            continue  # the tag of a union member
        path.append(part)
    return path, nodes


def _owner(node: Any, owners: dict[int, type[Section]]) -> type[Section] | None:
    return owners.get(id(node)) if isinstance(node, dict) else None


def error_parts(
    exc: ValidationError, data: Any, owners: dict[int, type[Section]] | None = None
) -> list[tuple[str, str, str]]:
    """(dotted key path, problem, expected) for each error, paths relative to ``data``."""
    return [(dotted(tuple(p)), m, e) for p, m, e in _parts(exc, data, owners or {})]


def _parts(
    exc: ValidationError, data: Any, owners: dict[int, type[Section]], limit: int | None = None
) -> list[tuple[list[Any], str, str]]:
    out: list[tuple[list[Any], str, str]] = []
    # unknown keys first, as a reader checks a section's keys before its values
    errors = sorted(exc.errors(include_url=False), key=lambda e: e["type"] != "extra_forbidden")
    for err in errors[:limit]:
        kind = err["type"]
        path, nodes = _walk(tuple(err["loc"]), data, kind == "missing")
        ctx = err.get("ctx") or {}
        if kind == ERROR_TYPE:
            up = int(ctx.get("up") or 0)
            if up:
                path = path[:-up]
            if ctx.get("at"):
                path.append(ctx["at"])
            out.append((path, str(ctx["message"]), str(ctx.get("expected") or "")))
        elif kind == "extra_forbidden" and path:
            owner = _owner(nodes[-2], owners)
            message, expected = owner.unknown_key(str(path[-1])) if owner else ("unknown key", "")
            out.append((path, message, expected))
        elif kind == "missing" and path:
            owner = _owner(nodes[-2], owners)
            marker = owner.missing(str(path[-1])) if owner else None
            where = dotted(tuple(path[1:-1]))
            message = marker.message if marker else "missing"
            expected = marker.expected if marker else ""
            if marker and marker.up:
                path = path[: -marker.up]
            out.append((path, message, expected.replace("{where}", where)))
        elif kind in _BUILT_IN:
            message, expected = _BUILT_IN[kind]
            out.append((path, message.format(value=shown(err.get("input"))), expected))
        else:  # a rule declared without our words: still a clear problem, never a traceback
            out.append((path, str(err["msg"]), ""))
    return out


def problems(
    exc: ValidationError,
    data: Any,
    owners: dict[int, type[Section]],
    locate: Any,
    limit: int = 2 * MAX_PROBLEMS,
) -> tuple[list[Problem], int]:
    """Problems with file and line (``locate(path) -> (file, line)``), at most ``limit`` of
    them, and how many more there are: a list of ten thousand bad items is described by its
    first problems and a count, not ten thousand lines."""
    out = []
    for path, message, expected in _parts(exc, data, owners, limit):
        key: KeyPath = tuple(path)
        file, line = locate(key)
        out.append(Problem(file, line, dotted(key), message, expected))
    return out, max(exc.error_count() - limit, 0)
