"""Variants: ``extends: base.yaml`` plus ``overrides:`` by dotted key path.

A :class:`Tree` is the merged YAML data of a scenario and its bases, with the file and line of
every key (so a problem in an inherited key points at the base file's line). A variant's keys
are deep-merged into its base, except the keys in :data:`REPLACED_WHOLE`, which replace the
base's value whole; then every override is checked before any is applied.
"""

from __future__ import annotations

import copy
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem, ScenarioError, did_you_mean, shown
from .source import file_kind
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
MAX_NAME = 255  # characters of a base file name

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
            if key in node:
                _drop_locs(base, sub, node[key])
            node[key] = copy.deepcopy(value)
            _copy_locs(base, child, sub, sub, value)


def get(data: Any, path: KeyPath) -> Any:
    for part in path:
        data = data[part]
    return data


def _paths(value: Any, prefix: KeyPath) -> Iterator[KeyPath]:
    """``prefix`` and the path of every key and item inside ``value`` (the paths of its locs).

    Walking the value instead of every loc of the tree keeps merging and overriding linear in
    the size of what changes (scanning all locs per key made a long ``overrides:`` cubic).
    """
    stack: list[tuple[KeyPath, Any]] = [(prefix, value)]
    while stack:
        path, node = stack.pop()
        yield path
        if isinstance(node, dict):
            stack.extend(((*path, k), v) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend(((*path, i), v) for i, v in enumerate(node))


def _drop_locs(tree: Tree, prefix: KeyPath, old: Any) -> None:
    """Forget the locs of ``old``, the value at ``prefix`` that is being replaced."""
    for p in _paths(old, prefix):
        tree.locs.pop(p, None)


def _copy_locs(dst: Tree, src: Tree, src_path: KeyPath, dst_path: KeyPath, value: Any) -> None:
    """Give ``dst`` the locs ``src`` has for ``value`` (at ``src_path``), moved to ``dst_path``."""
    cut = len(src_path)
    for p in _paths(value, src_path):
        if p in src.locs:
            dst.locs[(*dst_path, *p[cut:])] = src.locs[p]


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
    planned: list[tuple[str, KeyPath, Any, Loc]] = []
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
        planned.append((key, path, value, loc))
    whole = {path: key for key, path, _, _ in planned}
    for key, path, _, loc in planned:
        inside = next((path[:i] for i in range(1, len(path)) if path[:i] in whole), None)
        if inside is not None:
            problems.append(
                Problem(
                    *loc,
                    f"overrides.{key}",
                    f"'{whole[inside]}' is overridden whole, so '{key}' cannot change a key "
                    "inside it",
                    "either the whole value or keys inside it, not both",
                )
            )
    if problems:
        return  # validate every override before applying any
    for key, path, value, loc in planned:
        parent: Any = get(base.data, path[:-1])
        last = path[-1]
        if last in parent if isinstance(parent, dict) else isinstance(last, int):
            _drop_locs(base, path, parent[last])
        parent[last] = copy.deepcopy(value)
        # keys inside a mapping override stand on the lines of the override entry
        _copy_locs(base, child, ("overrides", key), path, value)
        base.locs[path] = loc


def load_tree(
    path: str | Path,
    _chain: tuple[str, ...] = (),
    confine: Path | None = None,
    _origin: Loc | None = None,
) -> Tree:
    """Load a YAML file, resolving ``extends`` and ``overrides`` recursively."""
    doc = load_file(path)
    chain = (*_chain, _real(path))
    return resolve(tree_from_doc(doc), Path(path).parent, chain, confine, _origin)


def _real(path: str | Path) -> str:
    """The canonical path, for finding cycles (a symlink loop raises, see :func:`_base_file`)."""
    return os.path.realpath(path)


def _base_file(ext: str, base_dir: Path, confine: Path | None) -> tuple[Path | None, str]:
    """The base file ``extends`` names, or None and what is wrong with the name."""
    if "\0" in ext or any(ord(c) < 32 for c in ext):
        return None, "contains a control character"
    if len(ext) > MAX_NAME:
        return None, f"is longer than {MAX_NAME} characters"
    if confine is not None and (Path(ext).name != ext or ext in (".", "..")):
        return None, "is not a bare file name in the scenario folder"
    path = base_dir / ext
    try:
        real = Path(os.path.realpath(path, strict=True))
        if confine is not None and real.parent != Path(os.path.realpath(confine)):
            return None, "is not a bare file name in the scenario folder"
        mode = os.stat(real).st_mode
        if not stat.S_ISREG(mode):  # a folder, a named pipe, a device: refused at this line
            return None, f"is {file_kind(mode)}, not a scenario file"
    except FileNotFoundError:
        return None, "does not exist"
    except (OSError, RuntimeError, ValueError) as exc:  # a symlink loop, a name too long
        reason = getattr(exc, "strerror", None) or "it cannot be opened"
        return None, f"cannot be opened ({reason})"
    return path, ""


def resolve(
    child: Tree,
    base_dir: Path,
    chain: tuple[str, ...],
    confine: Path | None = None,
    origin: Loc | None = None,
) -> Tree:
    """Merge ``child`` into the base it ``extends`` (found in ``base_dir``), recursively.

    ``chain`` is the canonical paths of the files already on the way (to find cycles);
    with ``confine`` set to a folder, ``extends`` may only name a file directly in it.
    ``origin`` is the ``extends`` line of the file the user loaded: a chain too long is
    reported there, where it can be shortened.
    """
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
            f"{shown(ext)} is not a file name",
            "the base scenario's file name, e.g. vaxjo.yaml",
        )
    base_path, wrong = _base_file(ext, base_dir, confine)
    if base_path is None:
        raise ScenarioError.one(
            f,
            line,
            "extends",
            f"the base file {shown(ext)} {wrong}",
            f"a file next to {Path(child.file).name}",
        )
    real = _real(base_path)
    if real in chain:
        names = " -> ".join(Path(c).name for c in (*chain, real))
        raise ScenarioError.one(
            f,
            line,
            "extends",
            f"'{ext}' leads back to itself ({names})",
            "a chain of bases without cycles",
        )
    origin = origin or (f, line)
    if len(chain) >= MAX_EXTENDS_DEPTH:  # the base would be file number MAX + 1
        names = " -> ".join(Path(c).name for c in (*chain, real))
        raise ScenarioError.one(
            *origin,
            "extends",
            f"the chain of bases is longer than {MAX_EXTENDS_DEPTH} files ({names})",
            f"at most {MAX_EXTENDS_DEPTH} files, each extending the next",
        )
    base = load_tree(base_path, chain, confine, origin)
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
