"""The layout keeps its promises: small modules that say what they are.

The import rules (data flows scenario -> engine -> analysis -> views; the model never imports
streamlit, plotly, the CLI or a report writer) are import-linter contracts in pyproject.toml,
checked by `make lint`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

MODULES = sorted((ROOT / "costmodel").rglob("*.py"))
MAX_LINES = 400


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(ROOT)) for p in MODULES])
def test_module_is_small_and_says_what_it_is(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.count("\n")
    assert lines <= MAX_LINES, f"{path.name} has {lines} lines: split it by concern"
    assert ast.get_docstring(ast.parse(text)), f"{path.name} has no module docstring"


def test_every_package_is_mapped_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    packages = sorted(p.parent for p in MODULES if p.name == "__init__.py")
    for package in packages:
        # top-level packages by their path, sub-packages by name inside their parent's line
        rel = package.relative_to(ROOT).as_posix()
        name = rel if package.parent.name == "costmodel" else package.name
        assert f"{name}/" in readme, f"README's layout map does not name {rel}/"
