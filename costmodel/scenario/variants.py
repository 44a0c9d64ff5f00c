"""Variants: ``extends: base.yaml`` plus ``overrides:`` by dotted key path.

A :class:`Tree` is the merged YAML data of a scenario and its bases, with the file and line of
every key (so a problem in an inherited key points at the base file's line). A variant's keys
are deep-merged into its base, except the keys in :data:`REPLACED_WHOLE`, which replace the
base's value whole; then every override is checked before any is applied.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem, ScenarioError, did_you_mean
from .yamlload import KeyPath, dotted, load_file

# In a variant these keys replace the base's value whole instead of being merged key by key:
# a new distribution must not inherit the old one's `central` or `mode`.
REPLACED_WHOLE = {
    "value",
    "published",
    "reference",
    "label",
    "description",
    "note",
    "discount_rate",
}
MAX_EXTENDS_DEPTH = 10

Loc = tuple[str, int]  # (file, line)


@dataclass
class Tree:
    data: dict[str, Any]
    locs: dict[KeyPath, Loc] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)
    file: str = ""

    def loc(self, path: KeyPath) -> Loc:
        p = tuple(path)
        while p:
            if p in self.locs:
                return self.locs[p]
            p = p[:-1]
        return self.locs.get((), (self.file, 1))


_PATH_RE = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def parse_dotted(text: str) -> KeyPath | None:
    """``a.b[0].c`` -> ('a', 'b', 0, 'c'); None if malformed."""
    parts: list[str | int] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        if text[pos] == "." and parts:
            pos += 1
        m = _PATH_RE.match(text, pos)
        if not m:
            return None
        parts.append(m.group(1) if m.group(1) is not None else int(m.group(2)))
        pos = m.end()
    return tuple(parts) if parts else None


def tree_from_doc(doc: Any) -> Tree:
    locs = {path: (doc.file, line) for path, line in doc.lines.items()}
    data = doc.data if isinstance(doc.data, dict) else {}
    return Tree(data, locs, [doc.text], doc.file)


def _merge(base: Tree, child: Tree, path: KeyPath = ()) -> None:
    """Deep-merge ``child`` data (at ``path``) into ``base`` in place."""
    node = get(base.data, path)
    cnode = get(child.data, path)
    assert isinstance(node, dict) and isinstance(cnode, dict)
    for key, value in cnode.items():
        sub = (*path, key)
        if key in ("extends", "overrides") and not path:
            continue
        if (
            isinstance(value, dict)
            and isinstance(node.get(key), dict)
            and key not in REPLACED_WHOLE
            and "dist" not in value
        ):
            base.locs[sub] = child.locs.get(sub, base.loc(sub))
            _merge(base, child, sub)
        else:
            _drop_locs(base, sub)
            node[key] = copy.deepcopy(value)
            for p, loc in child.locs.items():
                if p[: len(sub)] == sub:
                    base.locs[p] = loc


def get(data: Any, path: KeyPath) -> Any:
    for part in path:
        data = data[part]
    return data


def _drop_locs(tree: Tree, prefix: KeyPath) -> None:
    for p in [p for p in tree.locs if p[: len(prefix)] == prefix]:
        del tree.locs[p]


def _apply_overrides(base: Tree, child: Tree, problems: list[Problem]) -> None:
    overrides = child.data.get("overrides")
    if overrides is None:
        return
    if not isinstance(overrides, dict):
        f, line = child.loc(("overrides",))
        problems.append(
            Problem(
                f,
                line,
                "overrides",
                "overrides is not a mapping",
                "a mapping from dotted key path to new value, e.g. "
                "'parameters.attribution.value: 0.3'",
            )
        )
        return
    planned: list[tuple[KeyPath, Any, Loc]] = []
    for key, value in overrides.items():
        loc = child.loc(("overrides", key))
        path = parse_dotted(str(key))
        if path is not None and path[0] in ("extends", "overrides"):
            problems.append(
                Problem(
                    *loc,
                    f"overrides.{key}",
                    f"'{path[0]}' cannot be overridden",
                    "a path into scenario, method or parameters",
                )
            )
            continue
        if path is None:
            problems.append(
                Problem(
                    *loc,
                    f"overrides.{key}",
                    "not a dotted key path",
                    "a path such as parameters.attribution.value",
                )
            )
            continue
        node: Any = base.data
        ok = True
        for i, part in enumerate(path[:-1]):
            if isinstance(part, int) or isinstance(node, list):
                if not isinstance(node, list) or not isinstance(part, int) or part >= len(node):
                    ok = False
            elif not isinstance(node, dict) or part not in node:
                ok = False
            if not ok:
                choices = list(node) if isinstance(node, dict) else []
                hint = did_you_mean(str(part), choices)
                problems.append(
                    Problem(
                        *loc,
                        f"overrides.{key}",
                        f"'{dotted(path[: i + 1])}' does not exist in the base scenario"
                        + (f" ({hint})" if hint else ""),
                        "a path that exists in the file named by 'extends'",
                    )
                )
                break
            node = node[part]
        if not ok:
            continue
        last = path[-1]
        if isinstance(last, int) and not isinstance(node, list):
            problems.append(
                Problem(
                    *loc,
                    f"overrides.{key}",
                    f"'{dotted(path[:-1])}' is not a list",
                    "a [index] only after a list",
                )
            )
            continue
        if isinstance(last, int) and last >= len(node):
            problems.append(
                Problem(
                    *loc,
                    f"overrides.{key}",
                    f"list index {last} is out of range (the list has {len(node)} items)",
                    "an index of an existing list item",
                )
            )
            continue
        if isinstance(last, str) and not isinstance(node, dict):
            problems.append(
                Problem(
                    *loc,
                    f"overrides.{key}",
                    f"'{dotted(path[:-1])}' is not a mapping",
                    "a path to a key inside a mapping",
                )
            )
            continue
        planned.append((path, value, loc))
    if problems:
        return  # validate every override before applying any
    for path, value, loc in planned:
        parent = get(base.data, path[:-1])
        last = path[-1]
        parent[last] = copy.deepcopy(value)
        _drop_locs(base, path)
        base.locs[path] = loc
        # keys inside a mapping override stand on the lines of the override entry
        for p, ploc in child.locs.items():
            if p[:2] == ("overrides", key_of(child, path)) and len(p) > 2:
                base.locs[(*path, *p[2:])] = ploc


def key_of(child: Tree, path: KeyPath) -> str:
    for key in child.data.get("overrides", {}):
        if parse_dotted(str(key)) == path:
            return str(key)
    return dotted(path)


def load_tree(path: str | Path, _chain: tuple[str, ...] = ()) -> Tree:
    """Load a YAML file, resolving ``extends`` and ``overrides`` recursively."""
    doc = load_file(path)
    return resolve(tree_from_doc(doc), Path(path).parent, (*_chain, str(Path(path).resolve())))


def resolve(child: Tree, base_dir: Path, chain: tuple[str, ...]) -> Tree:
    ext = child.data.get("extends")
    if ext is None:
        if "overrides" in child.data:
            f, line = child.loc(("overrides",))
            raise ScenarioError.one(
                f,
                line,
                "overrides",
                "overrides without extends",
                "'extends: base.yaml' next to 'overrides'",
            )
        return child
    f, line = child.loc(("extends",))
    if not isinstance(ext, str) or not ext.strip():
        raise ScenarioError.one(
            f,
            line,
            "extends",
            f"{ext!r} is not a file name",
            "the base scenario's file name, e.g. vaxjo.yaml",
        )
    base_path = base_dir / ext
    if str(base_path.resolve()) in chain or len(chain) > MAX_EXTENDS_DEPTH:
        names = " -> ".join(Path(c).name for c in (*chain, str(base_path)))
        raise ScenarioError.one(
            f,
            line,
            "extends",
            f"'{ext}' leads back to itself ({names})",
            "a chain of bases without cycles",
        )
    if not base_path.is_file():
        raise ScenarioError.one(
            f,
            line,
            "extends",
            f"the base file '{ext}' does not exist"
            + (" (it is a folder)" if base_path.is_dir() else ""),
            f"a file next to {Path(child.file).name}",
        )
    base = load_tree(base_path, chain)
    problems: list[Problem] = []
    _merge(base, child)
    _apply_overrides(base, child, problems)
    if problems:
        raise ScenarioError(problems)
    base.texts = base.texts + child.texts
    base.file = child.file
    base.data.pop("extends", None)
    base.data.pop("overrides", None)
    return base
