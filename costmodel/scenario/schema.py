"""The scenario file format, declared as pydantic models (and published as JSON Schema).

A scenario file is ``scenario:`` (:class:`MetaSpec`), ``method:`` and ``parameters:``; which
parameters there are depends on the method (:mod:`.slots`), so each method has its own file
model (:func:`file_model`, built when first needed) from its slots: a parameter
(:class:`~.parameter.ParameterSpec`), a parameter per payer (optionally one per year), or a group
of named entries (one per placement type or offence type), see :mod:`.shapes`. The words of
every problem are declared beside the rule; :mod:`.problems` maps them to file and line.
"""

from __future__ import annotations

import functools
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    TypeAdapter,
    ValidationInfo,
    create_model,
    field_validator,
)

from ..errors import did_you_mean
from . import priceindex
from .correlations import CorrelationSpec
from .fields import (
    BoundedPlainText,
    BoundedText,
    LinePlainText,
    LineText,
    Missing,
    Section,
    WholeNumber,
    fail,
    number_or_none,
)
from .model import MAX_ITERATIONS
from .payers import PERSPECTIVES, SOCIETY
from .shapes import group_type, slot_type
from .slots import SCHEMAS, Group, Slot

# --- scenario: -----------------------------------------------------------------------------

_RATE_EXPECTED = "a yearly rate between 0 and 0.2, e.g. {value: 0.035, reference: ASEK}"


def _rate_problem(value: Any) -> str:
    """What is wrong with a discount rate ("" if nothing)."""
    num = number_or_none(value)
    if num is None:
        return "missing" if value is None else f"{value!r} is not a number"
    if not 0 <= num <= 0.2:
        hint = " (write 3.5 % as 0.035)" if 0.2 < num <= 20 else ""
        return f"{num:g} is out of range{hint}"
    return ""


def _rate_in_mapping(value: Any) -> float:
    problem = _rate_problem(value)
    if problem:
        fail(problem, _RATE_EXPECTED, up=1)  # reported at discount_rate, not .value
    return float(value)


class DiscountRate(Section):
    """``discount_rate: 0.035`` or ``{value: 0.035, reference: ASEK}`` (the reference a text
    or ``{sv: ..., en: ...}``)."""

    WHAT = "discount_rate"
    value: Annotated[
        float, BeforeValidator(_rate_in_mapping), Missing("missing", _RATE_EXPECTED, up=1)
    ]
    reference: BoundedText = None


def _rate(value: Any) -> Any:
    if isinstance(value, dict):
        return value
    problem = _rate_problem(value)
    if problem:
        fail(problem, _RATE_EXPECTED)
    return {"value": value}


def _name(value: Any) -> Any:
    if isinstance(value, dict):
        return value
    if value is None or (isinstance(value, str) and not value.strip()):
        fail("missing or empty", "a name such as 'Växjö 2015'")
    if not isinstance(value, str):
        fail(f"{value!r} is not a text", "a name in quotes, e.g. 'Växjö 2015'")
    return {"sv": value, "en": value}


def _known_price_year(year: int) -> int:
    if not priceindex.known(year):
        lo, hi = priceindex.years()
        fail(
            f"{year} is outside the KPI table ({lo}–{hi})",
            f"a price year from {lo} to {hi}; extend costmodel/scenario/data/kpi.csv with its "
            "SCB source to go further",
        )
    return year


def _remember_horizon(years: int, info: ValidationInfo) -> int:
    if isinstance(info.context, dict):
        info.context["horizon"] = years  # the yearly lists of the parameters must fit it
    return years


def _perspective(value: Any) -> str:
    if not isinstance(value, str) or value not in PERSPECTIVES:
        hint = did_you_mean(str(value), PERSPECTIVES)
        fail(
            f"unknown perspective {value!r}" + (f" ({hint})" if hint else ""),
            f"one of {', '.join(PERSPECTIVES)}",
        )
    return value


_LO, _HI = priceindex.years()


_META_NOT_A_MAPPING = (
    "missing or not a mapping",
    "a 'scenario:' section with name, price_year, horizon_years, discount_rate",
)


class MetaSpec(Section):
    """``scenario:``: name, price year, horizon, discount rate, perspective, run settings."""

    WHAT = "scenario"
    NOT_A_MAPPING = _META_NOT_A_MAPPING

    name: Annotated[
        LineText,
        BeforeValidator(_name),
        Missing("missing or empty", "a name such as 'Växjö 2015'"),
    ]
    kommun: LinePlainText = ""
    description: BoundedText = None
    price_year: Annotated[
        int,
        WholeNumber(1900, 2200, f"a year in the price index table ({_LO}–{_HI})"),
        AfterValidator(_known_price_year),
    ]
    horizon_years: Annotated[
        int,
        WholeNumber(1, 50, "a whole number of years from 1 to 50"),
        AfterValidator(_remember_horizon),
    ]
    discount_rate: Annotated[
        DiscountRate,
        BeforeValidator(_rate, json_schema_input_type=float | DiscountRate),
        Missing("missing", _RATE_EXPECTED),
    ]
    perspective: Annotated[
        Literal[tuple(PERSPECTIVES)],  # type: ignore[valid-type]
        BeforeValidator(_perspective),
    ] = SOCIETY
    iterations: Annotated[
        int, WholeNumber(1, MAX_ITERATIONS, f"a whole number from 1 to {MAX_ITERATIONS}")
    ] = 10_000
    seed: Annotated[int, WholeNumber(0, 2**63 - 1, "a non-negative whole number")] = 20240101
    intake_years: Annotated[
        int | None, WholeNumber(1, 50, "a whole number of years, at most horizon_years")
    ] = None
    notes: BoundedPlainText = ""

    @field_validator("intake_years")
    @classmethod
    def _intake(cls, years: int | None, info: ValidationInfo) -> int | None:
        method = info.context.get("method") if isinstance(info.context, dict) else None
        if years is not None and method != "cohort":
            fail("only the cohort method uses intake_years", "remove it, or use method: cohort")
        horizon = info.data.get("horizon_years")
        if years is not None and horizon is not None and years > horizon:
            fail(f"{years} is longer than horizon_years {horizon}", "intake_years <= horizon_years")
        return years


# --- parameters: and the whole file, per method -------------------------------------------------


def _params_model(method: str) -> type[Section]:
    fields: dict[str, Any] = {}
    for key, spec in SCHEMAS[method].items():
        where = f"a parameter '{key}' under parameters"
        if isinstance(spec, Slot):
            fields[key] = slot_type(f"{method}.{key}", spec, where)
        else:
            assert isinstance(spec, Group)
            fields[key] = group_type(key, spec, method, where)
    model = create_model(f"{method.title()}Parameters", __base__=Section, **fields)
    model.WHAT = f"parameters of method '{method}'"
    model.NOT_A_MAPPING = ("missing or not a mapping", "a 'parameters:' section")
    return model


def _method(value: Any) -> str:
    if not isinstance(value, str) or value not in SCHEMAS:
        hint = did_you_mean(str(value), SCHEMAS) if value is not None else ""
        fail(
            "missing"
            if value is None
            else f"unknown method {value!r}" + (f" ({hint})" if hint else ""),
            f"one of {', '.join(SCHEMAS)}",
        )
    return value


_PARAMETERS_MISSING = Missing("missing or not a mapping", "a 'parameters:' section")


class FileSpec(Section):
    """A scenario file whose method is not known yet: its method and metadata are checked."""

    WHAT = "the scenario file"

    scenario: Annotated[MetaSpec, Missing(*_META_NOT_A_MAPPING)]
    method: Annotated[
        str, BeforeValidator(_method), Missing("missing", f"one of {', '.join(SCHEMAS)}")
    ]
    parameters: Annotated[Any, _PARAMETERS_MISSING] = None
    extends: Annotated[str | None, Field(description="the base scenario's file name")] = None
    overrides: Annotated[dict[str, Any] | None, Field(description="dotted key path: new value")] = (
        None
    )
    correlations: Annotated[
        list[CorrelationSpec] | None,
        Field(description="rank correlations between parameters (marginals kept exactly)"),
    ] = None


@functools.cache
def file_model(method: str) -> type[FileSpec]:
    """The file model of one method (built on first use: building all costs a CLI start)."""
    fields: dict[str, Any] = {
        "method": (Literal[method], ...),
        "parameters": (Annotated[_params_model(method), _PARAMETERS_MISSING], ...),
    }
    return create_model(
        f"{method.title()}Scenario",
        __base__=FileSpec,
        __doc__=f"A scenario on the {method} method.",
        **fields,
    )


@functools.cache
def json_schema() -> dict[str, Any]:
    """The JSON Schema of a scenario file (for editors: completion and red underlines)."""
    models = [file_model(m) for m in SCHEMAS]
    members: Any = functools.reduce(lambda a, b: a | b, models)  # type: ignore[arg-type, return-value]
    union: Any = Annotated[members, Field(discriminator="method")]
    full = TypeAdapter(union).json_schema(ref_template="#/$defs/{model}")
    defs = full.pop("$defs", {})
    variant = {
        "title": "Variant",
        "description": "A variant: a base scenario plus overrides by dotted key path.",
        "type": "object",
        "required": ["extends"],
        "properties": {
            "extends": {"type": "string", "description": "the base scenario's file name"},
            "overrides": {"type": "object", "description": "dotted key path: new value"},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "costmodel scenario",
        "description": "A scenario for costmodel: what a social insatsgrupp (SIG) costs and saves.",
        "anyOf": [variant, full],
        "$defs": defs,
    }
