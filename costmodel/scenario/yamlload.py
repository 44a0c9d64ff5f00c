"""Safe YAML loading that remembers the line of every key.

Scenario files are parsed with PyYAML's safe composer into a node tree, then converted to
plain Python values while recording, for each key path, the line it stands on. Files over
:data:`MAX_BYTES` are refused before parsing, and the conversion counts nodes (an alias counts
once per use) so an alias-expansion bomb is refused after :data:`MAX_NODES` steps instead of
exhausting memory. Problems come back as :class:`~costmodel.errors.ScenarioError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import Problem, ScenarioError

MAX_BYTES = 1_000_000
MAX_NODES = 100_000

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
    if text.lower().startswith(("0x", "-0x", "+0x")):
        return int(text, 16)
    if text.lower().startswith(("0o", "-0o", "+0o")):
        return int(text.replace("0o", "").replace("0O", ""), 8)
    return int(text, 10)


Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)


class _Converter:
    def __init__(self, file: str):
        self.file = file
        self.count = 0
        self.lines: dict[KeyPath, int] = {}
        self.problems: list[Problem] = []
        self._scalars = Loader("")

    def convert(self, node: yaml.Node, path: KeyPath) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise ScenarioError.one(
                self.file,
                node.start_mark.line + 1,
                dotted(path),
                f"the document expands to more than {MAX_NODES} values (an alias-expansion bomb?)",
                "a scenario file of ordinary size",
            )
        self.lines.setdefault(path, node.start_mark.line + 1)
        if str(node.tag) not in SAFE_TAGS:
            self.problems.append(
                Problem(
                    self.file,
                    node.start_mark.line + 1,
                    dotted(path),
                    f"the YAML tag {node.tag!r} is not allowed",
                    "plain values without '!' tags",
                )
            )
            return None
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                line = key_node.start_mark.line + 1
                if not isinstance(key_node, yaml.ScalarNode):
                    self.problems.append(
                        Problem(
                            self.file,
                            line,
                            dotted(path),
                            "a key is not a plain name",
                            "keys are words such as 'value' or 'label'",
                        )
                    )
                    continue
                key = str(key_node.value)
                if key == "<<":
                    self.problems.append(
                        Problem(
                            self.file,
                            line,
                            dotted(path),
                            "YAML merge keys ('<<') are not supported",
                            "use 'extends:' and 'overrides:' instead",
                        )
                    )
                    continue
                if key in out:
                    self.problems.append(
                        Problem(
                            self.file,
                            line,
                            dotted((*path, key)),
                            "the key is given twice",
                            "each key once per mapping",
                        )
                    )
                    continue
                self.lines[(*path, key)] = line
                out[key] = self.convert(value_node, (*path, key))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        try:
            return self._scalars.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
            self.problems.append(
                Problem(
                    self.file,
                    node.start_mark.line + 1,
                    dotted(path),
                    f"{node.value!r} cannot be read ({exc})",
                    "a plain number or text",
                )
            )
            return None


def parse_text(text: str, file: str) -> Document:
    """Parse YAML text; raise :class:`ScenarioError` on any syntax or size problem."""
    if len(text.encode("utf-8", errors="replace")) > MAX_BYTES:
        raise ScenarioError.one(
            file,
            0,
            "",
            f"the file is larger than {MAX_BYTES // 1_000_000} MB",
            "a scenario file under 1 MB",
        )
    too_deep = ("the document is nested too deeply", "a scenario with ordinary nesting")
    try:
        root = yaml.compose(text, Loader=Loader)
    except RecursionError:
        raise ScenarioError.one(file, 0, "", *too_deep) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        what = exc.problem or "the YAML cannot be read"
        ctx = exc.context_mark
        if exc.context and ctx is not None and ctx.line + 1 != line:
            what += f" ({exc.context} started on line {ctx.line + 1})"
        raise ScenarioError.one(
            file,
            line,
            "",
            f"YAML syntax error: {what}",
            "valid YAML (check indentation, colons and quotes)",
        ) from None
    except yaml.YAMLError as exc:
        raise ScenarioError.one(file, 0, "", f"YAML error: {exc}", "valid YAML") from None
    if root is None:
        return Document(file, {}, {(): 1}, text)
    conv = _Converter(file)
    try:
        data = conv.convert(root, ())
    except RecursionError:
        raise ScenarioError.one(file, 0, "", *too_deep) from None
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        raise ScenarioError.one(file, 0, "", f"YAML value error: {exc}", "valid YAML") from None
    if conv.problems:
        raise ScenarioError(conv.problems)
    return Document(file, data, conv.lines, text)


def load_file(path: str | Path) -> Document:
    """Read and parse one YAML file with size and encoding checks."""
    p = Path(path)
    name = str(path)
    unreadable = "an existing, readable YAML file"
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise ScenarioError.one(
                name,
                0,
                "",
                f"the file is {size} bytes, larger than 1 MB",
                "a scenario file under 1 MB",
            )
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ScenarioError.one(
            name, 0, "", "the file is not UTF-8 text", "a UTF-8 encoded YAML file"
        ) from None
    except OSError as exc:
        raise ScenarioError.one(
            name, 0, "", f"cannot read the file ({exc.strerror})", unreadable
        ) from None
    return parse_text(text, name)
