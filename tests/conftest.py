"""Shared test helpers: paths to the repository, shipped scenarios and fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def root() -> Path:
    return ROOT


def shipped() -> list[Path]:
    return sorted(SCENARIOS.glob("*.yaml"))
