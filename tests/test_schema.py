"""The published JSON Schema of a scenario file: current, valid, and true to the validator.

`costmodel schema` prints it; `scenarios/scenario.schema.json` is the committed copy that
editors with the YAML language server read (each shipped scenario names it on its first line).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from costmodel.cli import main

from .conftest import FIXTURES, ROOT

SCHEMA_FILE = ROOT / "scenarios" / "scenario.schema.json"
SHIPPED = sorted((ROOT / "scenarios").glob("*.yaml"))
HEADER = "# yaml-language-server: $schema=scenario.schema.json"


def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_committed_schema_is_current(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = capsys.readouterr().out
    assert json.loads(printed) == json.loads(SCHEMA_FILE.read_text(encoding="utf-8")), (
        "scenarios/scenario.schema.json is stale: run "
        "'.venv/bin/costmodel schema > scenarios/scenario.schema.json' (or 'make schema')"
    )


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_shipped_scenarios_name_the_schema(path: Path) -> None:
    assert path.read_text(encoding="utf-8").splitlines()[0] == HEADER


@pytest.mark.parametrize(
    "path", [*SHIPPED, FIXTURES / "minimal.yaml"], ids=[p.name for p in [*SHIPPED, FIXTURES]]
)
def test_valid_scenarios_satisfy_the_schema(path: Path) -> None:
    errors = [e.message for e in _validator().iter_errors(_yaml(path))]
    assert errors == []


def _mutations() -> list[tuple[str, Any]]:
    """(what, a full scenario the validator refuses) — the editor must underline each too."""
    base = _yaml(ROOT / "scenarios" / "vaxjo.yaml")
    out = []

    def mutate(what: str, change: Any) -> None:
        data = copy.deepcopy(base)
        change(data)
        out.append((what, data))

    mutate("unknown top-level key", lambda d: d.update(methdo="vaxjo"))
    mutate("unknown method", lambda d: d.update(method="vaxjö"))
    mutate(
        "unit of another dimension",
        lambda d: d["parameters"]["sig_cost"]["kommun"].update(unit="placement-years/year"),
    )
    mutate(
        "unknown payer",
        lambda d: d["parameters"]["sig_cost"].update(
            kommunen=d["parameters"]["sig_cost"]["kommun"]
        ),
    )
    mutate(
        "unknown distribution",
        lambda d: d["parameters"]["avoided_placement_years"].update(
            value={"dist": "pertt", "low": 0, "mode": 1, "high": 2}
        ),
    )
    mutate(
        "unknown key of a distribution",
        lambda d: d["parameters"]["avoided_placement_years"].update(
            value={"dist": "uniform", "low": 0, "high": 2, "mode": 1}
        ),
    )
    mutate(
        "missing reference", lambda d: d["parameters"]["avoided_placement_years"].pop("reference")
    )
    mutate("horizon out of range", lambda d: d["scenario"].update(horizon_years=0))
    return out


@pytest.mark.parametrize("what,data", _mutations(), ids=[w for w, _ in _mutations()])
def test_schema_refuses_what_the_validator_refuses(what: str, data: Any, tmp_path: Path) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert main(["validate", "--lang", "en", str(f)]) == 2, what
    assert list(_validator().iter_errors(data)), f"the schema accepts: {what}"
