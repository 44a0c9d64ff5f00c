"""Safe YAML loading that remembers the line of every key.

Scenario files are parsed with PyYAML's safe composer into a node tree, then converted to
plain Python values while recording, for each key path, the line it stands on. The bytes are
read and checked by :mod:`.source` (a regular file, at most :data:`MAX_BYTES`, UTF-8 without
control characters). The conversion counts what the document expands to, an alias once per
use, so an alias-expansion bomb is refused after :data:`MAX_NODES` values or
:data:`MAX_EXPANDED` characters instead of exhausting memory; nesting deeper than
:data:`MAX_DEPTH` is refused at its line, and so is a text with control characters (a
double-quoted ``"\\e[31m"`` could colour the terminal). Problems come back as
:class:`~costmodel.errors.ScenarioError`, each with a line.

:func:`parse_bytes` is the entry point for an upload (the same limits as a file).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.resolver import Resolver

from ..errors import Problem, ScenarioError, printable, shown
from .source import MAX_BYTES, check_characters, decode, read_bytes

MAX_NODES = 20_000  # values in the document, an alias counted once per use (mall.yaml: 900)
MAX_EXPANDED = 2 * MAX_BYTES  # characters of keys and scalars, an alias counted once per use
MAX_DIGITS = 30  # characters of a whole number (no amount in a scenario comes near)
MAX_DEPTH = 50  # mappings and lists inside each other (a scenario needs about ten)
# control characters, line separators and bidirectional marks a text may not contain
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_KEY_CONTROL = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)  # and \t, \n

KeyPath = tuple[str | int, ...]

SAFE_TAGS = {
    f"tag:yaml.org,2002:{t}"
    for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}


def dotted(path: KeyPath) -> str:
    """``('parameters', 'x', 'value')`` -> ``parameters.x.value``; list indices as ``[0]``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


@dataclass
class Document:
    """A parsed YAML file: its data and the line of each key path (1-based)."""

    file: str
    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)
    text: str = ""

    def line_of(self, path: KeyPath) -> int:
        """The line of ``path``, or of its nearest ancestor that has one."""
        p = tuple(path)
        while p:
            if p in self.lines:
                return self.lines[p]
            p = p[:-1]
        return self.lines.get((), 1)


class Loader(yaml.SafeLoader):
    """PyYAML's safe loader with YAML 1.2 numbers: ``3e6`` is a float, ``010`` is ten, and
    ``1:30`` is text (YAML 1.1 would read 3e6 as text, 010 as octal 8 and 1:30 as 90)."""


Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:int"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_INT_12 = re.compile(r"^(?:[-+]?[0-9][0-9_]*|0x[0-9a-fA-F_]+|0o[0-7_]+)$")
_FLOAT_EXP = re.compile(r"^[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+$")
Loader.add_implicit_resolver("tag:yaml.org,2002:int", _INT_12, list("-+0123456789"))
Loader.add_implicit_resolver("tag:yaml.org,2002:float", _FLOAT_EXP, list("-+0123456789"))


def _construct_int(loader: yaml.SafeLoader, node: yaml.Node) -> int:
    text = str(loader.construct_scalar(node)).replace("_", "")  # type: ignore[arg-type]
    if len(text) > MAX_DIGITS:  # never convert thousands of digits (slow, and no amount)
        raise ValueError(f"more than {MAX_DIGITS} digits")
    if text.lower().startswith(("0x", "-0x", "+0x")):
        return int(text, 16)
    if text.lower().startswith(("0o", "-0o", "+0o")):
        return int(text.replace("0o", "").replace("0O", ""), 8)
    return int(text, 10)


Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)


class _TooDeep(Exception):
    def __init__(self, line: int):
        self.line = line


class _Limits:
    """Composing a document (PyYAML's composer) with limits: nesting deeper than
    :data:`MAX_DEPTH` (the composer recurses once per level, so a deep file would end in
    RecursionError) and more than :data:`MAX_NODES` values are refused at their line,
    before the rest of the file is parsed."""

    depth = 0
    nodes = 0
    name = ""

    def compose_node(self, parent: Any, index: Any) -> Any:
        self.depth += 1
        self.nodes += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _TooDeep(self.peek_event().start_mark.line + 1)  # type: ignore[attr-defined]
            if self.nodes > MAX_NODES:
                line = self.peek_event().start_mark.line + 1  # type: ignore[attr-defined]
                raise ScenarioError.one(
                    self.name,
                    line,
                    "",
                    f"the file has more than {MAX_NODES} values",
                    "a scenario file of ordinary size",
                )
            return Composer.compose_node(self, parent, index)  # type: ignore[arg-type]
        finally:
            self.depth -= 1


class _PureLoader(_Limits, Loader):
    """The limits on PyYAML's pure-Python parser."""


def _fast_loader() -> type | None:
    """The limits on libyaml's event parser (about seven times faster), if PyYAML has it."""
    try:
        from yaml._yaml import CParser
    except ImportError:
        return None

    class _FastLoader(_Limits, CParser, Resolver):
        yaml_implicit_resolvers = Loader.yaml_implicit_resolvers  # YAML 1.2 numbers
        get_single_node = Composer.get_single_node
        compose_document = Composer.compose_document
        compose_scalar_node = Composer.compose_scalar_node
        compose_sequence_node = Composer.compose_sequence_node
        compose_mapping_node = Composer.compose_mapping_node

        def __init__(self, stream: str):
            CParser.__init__(self, stream)
            Resolver.__init__(self)
            self.anchors: dict[str, yaml.Node] = {}

    return _FastLoader


_COMPOSER = _fast_loader() or _PureLoader


_TOO_DEEP = (
    f"the document is nested too deeply (more than {MAX_DEPTH} levels)",
    "a scenario with ordinary nesting",
)


def _bomb(what: str) -> tuple[str, str]:
    return (
        f"the document expands to more than {what} (an alias-expansion bomb?)",
        "a scenario file of ordinary size",
    )


class _Converter:
    def __init__(self, file: str):
        self.file = file
        self.count = 0
        self.chars = 0
        self.lines: dict[KeyPath, int] = {}
        self.problems: list[Problem] = []
        self._scalars = Loader("")

    def _add(self, node: yaml.Node, path: KeyPath, message: str, expected: str) -> None:
        self.problems.append(
            Problem(self.file, node.start_mark.line + 1, dotted(path), message, expected)
        )

    def _grow(self, node: yaml.Node, path: KeyPath, chars: int, values: int = 1) -> None:
        """Count a value (or a key) of the expanded document; refuse a bomb before it is built."""
        self.count += values
        self.chars += chars
        line = node.start_mark.line + 1
        if self.count > MAX_NODES:
            raise ScenarioError.one(self.file, line, dotted(path), *_bomb(f"{MAX_NODES} values"))
        if self.chars > MAX_EXPANDED:
            raise ScenarioError.one(
                self.file, line, dotted(path), *_bomb(f"{MAX_EXPANDED} characters")
            )
        if len(path) > MAX_DEPTH:
            raise ScenarioError.one(self.file, line, dotted(path[:MAX_DEPTH]), *_TOO_DEEP)

    def _text_ok(self, node: yaml.Node, path: KeyPath, text: str, what: str) -> bool:
        m = (_KEY_CONTROL if what == "the key" else _CONTROL).search(text)
        if m is None:
            return True
        self._add(
            node,
            path,
            f"{what} contains the control character U+{ord(m.group(0)):04X}",
            "plain text without control characters",
        )
        return False

    def convert(self, node: yaml.Node, path: KeyPath) -> Any:
        size = len(node.value) if isinstance(node, yaml.ScalarNode) else 0
        self._grow(node, path, size)
        self.lines.setdefault(path, node.start_mark.line + 1)
        if str(node.tag) not in SAFE_TAGS:
            self._add(
                node,
                path,
                f"the YAML tag {shown(node.tag)} is not allowed",
                "plain values without '!' tags",
            )
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        try:
            value = self._scalars.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
            self._add(
                node,
                path,
                f"{shown(node.value)} cannot be read ({printable(str(exc), 120)})",
                "a plain number or text",
            )
            return None
        if isinstance(value, str) and not self._text_ok(node, path, value, "the text"):
            return None
        return value

    def _mapping(self, node: yaml.MappingNode, path: KeyPath) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self._add(
                    key_node,
                    path,
                    "a key is not a plain name",
                    "keys are words such as 'value' or 'label'",
                )
                continue
            key = str(key_node.value)
            self._grow(key_node, path, len(key), values=0)
            if not self._text_ok(key_node, (*path, key), key, "the key"):
                continue
            if key == "<<":
                self._add(
                    key_node,
                    path,
                    "YAML merge keys ('<<') are not supported",
                    "use 'extends:' and 'overrides:' instead",
                )
                continue
            if key in out:
                self._add(
                    key_node, (*path, key), "the key is given twice", "each key once per mapping"
                )
                continue
            self.lines[(*path, key)] = key_node.start_mark.line + 1
            out[key] = self.convert(value_node, (*path, key))
        return out


def _syntax_error(exc: yaml.MarkedYAMLError, file: str) -> ScenarioError:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    if "nesting depth" in str(exc.problem):  # libyaml's own limit, met while reading ahead
        return ScenarioError.one(file, line, "", *_TOO_DEEP)
    what = exc.problem or "the YAML cannot be read"
    ctx = exc.context_mark
    if exc.context and ctx is not None and ctx.line + 1 != line:
        what += f" ({exc.context} started on line {ctx.line + 1})"
    return ScenarioError.one(
        file,
        line,
        "",
        f"YAML syntax error: {what}",
        "valid YAML (check indentation, colons and quotes)",
    )


def parse_text(text: str, file: str) -> Document:
    """Parse YAML text; raise :class:`ScenarioError` on any syntax or size problem."""
    if len(text) > MAX_BYTES or len(text.encode("utf-8", errors="replace")) > MAX_BYTES:
        raise ScenarioError.one(
            file, 1, "", "the file is larger than 1 MB", "a scenario file under 1 MB"
        )
    check_characters(text, file)
    loader = _COMPOSER(text)
    loader.name = file
    try:
        root = loader.get_single_node()
    except _TooDeep as exc:
        raise ScenarioError.one(file, exc.line, "", *_TOO_DEEP) from None
    except RecursionError:
        raise ScenarioError.one(file, 1, "", *_TOO_DEEP) from None
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, file) from None
    except yaml.reader.ReaderError as exc:  # a character check above missed: still a line
        line = text.count("\n", 0, max(exc.position, 0)) + 1
        raise ScenarioError.one(
            file, line, "", "the file contains a character YAML does not allow", "valid YAML"
        ) from None
    except yaml.YAMLError as exc:
        raise ScenarioError.one(
            file, 1, "", f"YAML error: {printable(str(exc), 120)}", "valid YAML"
        ) from None
    finally:
        loader.dispose()
    if root is None:
        return Document(file, {}, {(): 1}, text)
    conv = _Converter(file)
    try:
        data = conv.convert(root, ())
    except RecursionError:
        raise ScenarioError.one(file, 1, "", *_TOO_DEEP) from None
    if conv.problems:
        raise ScenarioError(conv.problems)
    return Document(file, data, conv.lines, text)


def parse_bytes(data: bytes, file: str) -> Document:
    """Parse an upload's bytes with the limits of a file: size, encoding, characters, YAML."""
    return parse_text(decode(data, file), file)


def load_file(path: str | Path) -> Document:
    """Read and parse one YAML file: a regular file, at most 1 MB, UTF-8 text."""
    return parse_bytes(read_bytes(path), str(path))
