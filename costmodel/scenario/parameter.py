"""One parameter of a scenario, declared, and the shapes in which a method takes it.

:class:`ParameterSpec` is a leaf of ``parameters:``: label, description, unit, value (a number
or a distribution, :mod:`.values`), reference, note and, for money, the price year of its
figures, what consequences it counts (``includes``) and how much of it is cash
(``cashable``). :mod:`.shapes` gives the shapes in which a method takes it.
"""

from __future__ import annotations

import functools
import math
from typing import Annotated, Any, ClassVar, NoReturn

from pydantic import (
    BeforeValidator,
    Discriminator,
    Field,
    Tag,
    ValidationInfo,
    create_model,
    field_validator,
    model_validator,
)
from pydantic import WithJsonSchema as JsonSchema

from ..errors import did_you_mean
from . import distributions, priceindex
from .consequences import CONSEQUENCES
from .fields import (
    TEXT_MISSING,
    BoundedPlainText,
    BoundedText,
    LineText,
    Missing,
    PlainText,
    Section,
    check_line,
    fail,
    to_number,
)
from .slots import Slot
from .units import MIN_AMOUNT, UNITS, Unit, units_for
from .values import Value

# --- reference: ------------------------------------------------------------------------------

_REF_EXPECTED = "a text, {title: ..., where: ...}, or a list of those"


_WHERE_EXPECTED = "a text, or a mapping {sv: ..., en: ...}"


def _where(value: Any) -> Any:
    """``where`` in one language or both: the model keeps the Swedish text (the dashboard
    reads the English one from the file's data)."""
    if isinstance(value, dict):
        extra = sorted(str(k) for k in value if k not in ("sv", "en"))
        if extra:
            fail(f"unknown language {extra[0]!r}", _WHERE_EXPECTED)
        sv, en = value.get("sv"), value.get("en", "")
        if not isinstance(sv, str) or not sv.strip():
            fail("the Swedish text (sv) is missing", _WHERE_EXPECTED)
        if not isinstance(en, str):
            fail(f"{en!r} is not a text", _WHERE_EXPECTED)
        return sv
    return value


_BILINGUAL_SCHEMA = {
    "anyOf": [
        {"type": ["string", "number"]},
        {
            "type": "object",
            "properties": {"sv": {"type": "string"}, "en": {"type": "string"}},
            "required": ["sv"],
            "additionalProperties": False,
        },
    ]
}


def _title(value: Any) -> str:
    if isinstance(value, dict):  # {sv, en}: the model keeps the Swedish title
        check_line(value.get("en"))
        value = _where(value)
    if not isinstance(value, str) or not value.strip():
        fail("a reference without a title", _REF_EXPECTED, up=1)
    check_line(value.strip())
    return value.strip()


class ReferenceSpec(Section):
    """A source: ``{title, where, file, uncertain, url}`` (a plain text is its title).

    ``title`` is the citation (author, title, year), ``where`` the chapter or page and what it
    says, in one language or ``{sv: ..., en: ...}``; ``file`` the source file the figure was
    read from (a detail for the economist); ``uncertain: true`` marks a source that could not
    be checked (shown as "osäker källa")."""

    WHAT = "a reference"
    title: Annotated[
        str,
        BeforeValidator(_title),
        JsonSchema(_BILINGUAL_SCHEMA),
        Missing("a reference without a title", _REF_EXPECTED, up=1),
    ]
    where: Annotated[BoundedPlainText, BeforeValidator(_where), JsonSchema(_BILINGUAL_SCHEMA)] = ""
    file: PlainText = ""
    uncertain: bool = False
    url: PlainText = ""


def _reference(value: Any) -> Any:
    if isinstance(value, str) and value.strip():
        return {"title": value.strip()}
    if isinstance(value, dict):
        return value
    fail(f"{value!r} is not a reference", _REF_EXPECTED)


def _references(value: Any) -> Any:
    if value is None:
        fail("the parameter has no reference (source)", _REF_EXPECTED)
    if isinstance(value, list) and not value:
        fail("the reference list is empty", _REF_EXPECTED)
    return value


RefItem = Annotated[
    ReferenceSpec, BeforeValidator(_reference, json_schema_input_type=str | ReferenceSpec)
]

References = Annotated[
    Annotated[list[RefItem], Tag("many")] | Annotated[RefItem, Tag("one")],
    Discriminator(lambda v: "many" if isinstance(v, list) else "one"),
    BeforeValidator(_references),
    Missing("the parameter has no reference (source)", _REF_EXPECTED),
]


# --- one parameter ---------------------------------------------------------------------------


def _consequence(word: Any) -> str:
    if word not in CONSEQUENCES:
        hint = did_you_mean(str(word), CONSEQUENCES)
        fail(
            f"unknown consequence {word!r}" + (f" ({hint})" if hint else ""),
            f"one of {', '.join(CONSEQUENCES)}",
        )
    return str(word)


Consequence = Annotated[
    str, BeforeValidator(_consequence), JsonSchema({"enum": list(CONSEQUENCES)})
]


def _tiny_amount(dist: distributions.Distribution) -> tuple[str, float] | None:
    """The first of a money value's mean, central value and bounds that is above 0 but below
    :data:`MIN_AMOUNT` (what it is, and its value), or None."""
    lo, hi = dist.support()
    fixed = isinstance(dist, distributions.Fixed)
    for what, x in (
        ("the value" if fixed else "the mean", dist.mean()),
        ("the central value", dist.central()),
        ("the lowest value", lo),
        ("the highest value", hi),
    ):
        if 0 < abs(x) < MIN_AMOUNT:
            return what, x
    return None


def _too_small(what: str, x: float, unit: Unit) -> NoReturn:
    fail(
        f"{what} {x:g} {unit.id} is above 0 but below {MIN_AMOUNT:g} {unit.id}",
        f"0, or at least {MIN_AMOUNT:g} {unit.id} (a smaller amount is rounding noise, and the "
        "benefit per krona would divide by it)",
    )


def _domain(unit: Unit) -> str:
    """The values a unit allows, in words: '0–1', '0 or more'."""
    return f"{unit.low:g}–{unit.high:g}" if math.isfinite(unit.high) else f"{unit.low:g} or more"


class ParameterSpec(Section):
    """A parameter: a number with its metadata. :func:`parameter_model` makes one per slot."""

    WHAT = "a parameter"
    SLOT: ClassVar[Slot] = Slot("money")

    label: Annotated[LineText, TEXT_MISSING]
    description: BoundedText = None
    unit: Unit
    value: Annotated[
        Value,
        Missing("the parameter has no value", "a 'value:' with a number or a distribution", up=1),
    ]
    published: Annotated[
        float | None,
        BeforeValidator(to_number),
        Field(description="the figure a source published (used by 'run --published')"),
    ] = None
    reference: References
    note: BoundedText = None
    price_index: Annotated[
        str | None,
        JsonSchema(
            {
                "enum": list(priceindex.INDEXES),
                "description": "the index that moves this cost between price years: kpi "
                "(consumer prices, the default) or pkv (SKR's index for municipal activity)",
            }
        ),
    ] = None
    price_year: int | None = None
    includes: Annotated[
        list[Consequence] | None,
        Field(description="the consequences of the event this cost line counts"),
    ] = None
    cashable: Annotated[
        float | None,
        BeforeValidator(to_number),
        Field(description="share of this cost line that is cash in the payer's budget, 0 to 1"),
    ] = None

    @model_validator(mode="before")
    @classmethod
    def _no_value(cls, data: Any, info: ValidationInfo) -> Any:
        """Without a value, only the value (and unknown keys) are worth a problem."""
        if isinstance(data, dict) and "value" not in data:
            if isinstance(info.context, dict):
                info.context.setdefault("owners", {})[id(data)] = cls
            unit = units_for(cls.SLOT.dimension)[0]
            fillers = {"label": "-", "unit": unit, "reference": "-"}
            return {**fillers, **{k: v for k, v in data.items() if k not in fillers}}
        return data

    @classmethod
    def not_a_mapping(cls, data: Any) -> NoReturn:
        fail(
            f"expected a parameter, got {data!r}",
            "a mapping with label, unit, value and reference",
        )

    @classmethod
    def missing(cls, key: str) -> Missing:
        if key == "unit":
            units = units_for(cls.SLOT.dimension, cls.SLOT.signed)
            return Missing("missing", f"one of {', '.join(units)}")
        return super().missing(key)

    @field_validator("unit", mode="before")
    @classmethod
    def _unit(cls, unit_id: Any) -> Unit:
        slot = cls.SLOT
        allowed = f"one of {', '.join(units_for(slot.dimension, slot.signed))}"
        unit = UNITS.get(unit_id) if isinstance(unit_id, str) else None
        if unit_id is None:
            fail("missing", allowed)
        if unit is None:
            hint = did_you_mean(str(unit_id), UNITS)
            fail(f"unknown unit {unit_id!r}" + (f" ({hint})" if hint else ""), allowed)
        if unit.dimension != slot.dimension or (unit.low < 0 and not slot.signed):
            fail(f"unit {unit_id!r} does not fit here ({slot.help})", allowed)
        return unit

    @field_validator("value")
    @classmethod
    def _within_unit(
        cls, dist: distributions.Distribution, info: ValidationInfo
    ) -> distributions.Distribution:
        unit = info.data.get("unit")
        if not isinstance(unit, Unit):
            return dist
        lo, hi = dist.support()
        if lo < unit.low or hi > unit.high:
            rng = _domain(unit)
            kind = "value" if isinstance(dist, distributions.Fixed) else "distribution"
            what = f"{lo:g}" if lo < unit.low else f"{hi:g}"
            bounded = "pert, triangular, uniform, beta, or truncate"
            extra = "" if kind == "value" else f" (use a bounded distribution: {bounded})"
            noun = {"share": "a share", "probability": "a probability"}.get(
                unit.id, f"a value in {unit.id}"
            )
            fail(f"the {kind} allows {what}, impossible for {noun}", f"values {rng}{extra}")
        if unit.is_money:
            tiny = _tiny_amount(dist)
            if tiny is not None:
                _too_small(*tiny, unit)
        return dist

    @field_validator("published")
    @classmethod
    def _published_within_unit(cls, value: float | None, info: ValidationInfo) -> float | None:
        unit = info.data.get("unit")
        if value is not None and isinstance(unit, Unit) and not unit.low <= value <= unit.high:
            fail(f"published {value:g} is impossible in {unit.id}", f"values {_domain(unit)}")
        if (
            value is not None
            and isinstance(unit, Unit)
            and unit.is_money
            and 0 < value < MIN_AMOUNT
        ):
            _too_small("the published figure", value, unit)
        return value

    @field_validator("includes")
    @classmethod
    def _includes(cls, words: list[str] | None, info: ValidationInfo) -> list[str] | None:
        unit = info.data.get("unit")
        if words is not None and isinstance(unit, Unit) and not unit.is_money:
            fail("only money parameters count consequences", "remove includes, or use a kr unit")
        return words

    @field_validator("cashable")
    @classmethod
    def _cashable(cls, share: float | None, info: ValidationInfo) -> float | None:
        unit = info.data.get("unit")
        if share is None:
            return None
        if isinstance(unit, Unit) and not unit.is_money:
            fail("only money parameters can be cash", "remove cashable, or use a kr unit")
        if not 0 <= share <= 1:
            fail(f"{share:g} is out of range", "a share of the cost from 0 to 1")
        return share

    @field_validator("price_index", mode="before")
    @classmethod
    def _price_index(cls, index: Any, info: ValidationInfo) -> str | None:
        unit = info.data.get("unit")
        if index is None:
            return None
        if isinstance(unit, Unit) and not unit.is_money:
            fail("only money parameters have a price index", "remove price_index")
        if index not in priceindex.INDEXES:
            known = ", ".join(priceindex.INDEXES)
            hint = did_you_mean(str(index), priceindex.INDEXES)
            words = f"{index!r} is not a price index" + (f" ({hint})" if hint else "")
            fail(words, f"one of {known}")
        return str(index)

    @field_validator("price_year", mode="before")
    @classmethod
    def _price_year(cls, year: Any, info: ValidationInfo) -> int | None:
        unit = info.data.get("unit")
        index = info.data.get("price_index") or priceindex.DEFAULT
        if year is None:
            return None
        if isinstance(unit, Unit) and not unit.is_money:
            fail("only money parameters have a price year", "remove price_year, or use a kr unit")
        if isinstance(year, bool) or not isinstance(year, int):
            fail(f"{year!r} is not a year", "e.g. 2015")
        if not priceindex.known(year, index):
            lo, hi = priceindex.years(index)
            fail(
                f"{year} is outside the {priceindex.name(index)} table ({lo}–{hi})",
                f"a year from {lo} to {hi}",
            )
        return year


@functools.cache
def parameter_model(name: str, slot: Slot) -> type[ParameterSpec]:
    """The parameter model of one slot: its units offered, its help in the schema."""
    units = units_for(slot.dimension, slot.signed)
    fields: dict[str, Any] = {
        "unit": (Annotated[Unit, JsonSchema({"enum": units, "description": "unit"})], ...)
    }
    model = create_model(name, __base__=ParameterSpec, __doc__=slot.help, **fields)
    model.SLOT = slot
    return model
