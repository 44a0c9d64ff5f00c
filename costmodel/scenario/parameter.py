"""One parameter of a scenario, declared, and the shapes in which a method takes it.

:class:`ParameterSpec` is a leaf of ``parameters:``: label, description, unit, value (a number
or a distribution, :mod:`.values`), reference, note and, for money, the price year of its
figures. :func:`slot_type` gives the type of one slot of a method (:mod:`.slots`): a parameter,
a parameter per payer (``{kommun: ..., stat: ...}``) optionally with one parameter per year, or
a group of named entries (``placements: {sis: ..., hvb: ...}``).
"""

from __future__ import annotations

import functools
import math
import re
from typing import Annotated, Any, ClassVar, NoReturn

from pydantic import (
    AfterValidator,
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
from .fields import (
    TEXT_MISSING,
    Missing,
    OptText,
    PlainText,
    Section,
    Text,
    TextOrDefault,
    fail,
    to_number,
)
from .payers import PAYERS
from .slots import Group, Slot
from .units import UNITS, Unit, units_for
from .values import Value

# --- reference: ------------------------------------------------------------------------------

_REF_EXPECTED = "a text, {title: ..., where: ...}, or a list of those"


def _title(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        fail("a reference without a title", _REF_EXPECTED, up=1)
    return value.strip()


class ReferenceSpec(Section):
    """A source: ``{title, where, url}`` (a plain text is its title)."""

    WHAT = "a reference"
    title: Annotated[
        str, BeforeValidator(_title), Missing("a reference without a title", _REF_EXPECTED, up=1)
    ]
    where: PlainText = ""
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


def _domain(unit: Unit) -> str:
    """The values a unit allows, in words: '0–1', '0 or more'."""
    return f"{unit.low:g}–{unit.high:g}" if math.isfinite(unit.high) else f"{unit.low:g} or more"


class ParameterSpec(Section):
    """A parameter: a number with its metadata. :func:`parameter_model` makes one per slot."""

    WHAT = "a parameter"
    SLOT: ClassVar[Slot] = Slot("money")

    label: Annotated[Text, TEXT_MISSING]
    description: OptText = None
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
    note: OptText = None
    price_year: int | None = None
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
        return dist

    @field_validator("published")
    @classmethod
    def _published_within_unit(cls, value: float | None, info: ValidationInfo) -> float | None:
        unit = info.data.get("unit")
        if value is not None and isinstance(unit, Unit) and not unit.low <= value <= unit.high:
            fail(f"published {value:g} is impossible in {unit.id}", f"values {_domain(unit)}")
        return value

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

    @field_validator("price_year", mode="before")
    @classmethod
    def _price_year(cls, year: Any, info: ValidationInfo) -> int | None:
        unit = info.data.get("unit")
        if year is None:
            return None
        if isinstance(unit, Unit) and not unit.is_money:
            fail("only money parameters have a price year", "remove price_year, or use a kr unit")
        if isinstance(year, bool) or not isinstance(year, int):
            fail(f"{year!r} is not a year", "e.g. 2015")
        if not priceindex.known(year):
            lo, hi = priceindex.years()
            fail(f"{year} is outside the KPI table ({lo}–{hi})", f"a year from {lo} to {hi}")
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


# --- by payer, by year ---------------------------------------------------------------------


def _split_by_payer(slot: Slot) -> Any:
    def check(value: Any) -> Any:
        if not isinstance(value, dict) or not value or "value" in value:
            fail(
                f"{slot.help}: costs must be split by payer",
                "a mapping from payer (" + ", ".join(PAYERS) + ") to a parameter, "
                "or to a list with one parameter per year",
            )
        return value

    return check


def _some_years(value: Any) -> Any:
    if isinstance(value, list) and not value:
        fail(
            "the list of yearly values is empty",
            "one parameter per year of the horizon, or a single parameter",
        )
    return value


def _years_fit(values: list[Any], info: ValidationInfo) -> list[Any]:
    horizon = info.context.get("horizon") if isinstance(info.context, dict) else None
    if horizon is not None and len(values) != horizon:
        fail(
            f"{len(values)} yearly values for a horizon of {horizon} years",
            f"exactly {horizon} (one per year; write 0 for a year without cost), "
            "or a single parameter for every year",
        )
    return values


class PayerSplit(Section):
    """A cost split by payer: one parameter (or one per year) for each payer that pays."""

    WHAT = "payers"

    @classmethod
    def unknown_key(cls, key: str) -> tuple[str, str]:
        hint = did_you_mean(key, PAYERS)
        return f"unknown payer {key!r}" + (f" ({hint})" if hint else ""), (
            f"one of {', '.join(PAYERS)}"
        )

    def items(self) -> list[tuple[str, Any]]:
        """(payer, parameter or list of yearly parameters) for each payer given."""
        return [(p, getattr(self, p)) for p in PAYERS if getattr(self, p) is not None]


def _by_payer(name: str, leaf: Any, slot: Slot) -> Any:
    years: Any = Annotated[list[leaf], BeforeValidator(_some_years), AfterValidator(_years_fit)]
    one_or_years: Any = Annotated[
        Annotated[leaf, Tag("one")] | Annotated[years, Tag("years")],
        Discriminator(lambda v: "years" if isinstance(v, list) else "one"),
    ]
    # a payer may be left out, but a payer written with nothing after it is a mistake
    fields: dict[str, Any] = {p: (one_or_years, None) for p in PAYERS}
    model = create_model(f"{name}ByPayer", __base__=PayerSplit, __doc__=slot.help, **fields)
    return Annotated[model, BeforeValidator(_split_by_payer(slot))]


# --- groups of named entries ---------------------------------------------------------------

_ENTRY_RE = re.compile(r"^[A-Za-z0-9_\-]+$")


def _entry_name(value: Any) -> str:
    if not isinstance(value, str) or not _ENTRY_RE.match(value):
        fail(
            f"the name {value!r} cannot be used in key paths",
            "letters, digits, _ and -, e.g. sis or hvb_lvu",
        )
    return value


def _group_mapping(group: Group) -> Any:
    def check(value: Any) -> Any:
        if not isinstance(value, dict) or not value:
            fail("not a mapping of named entries", group.help)
        return value

    return check


def _entry_model(name: str, key: str, group: Group, method: str) -> type[Section]:
    fields: dict[str, Any] = {
        skey: slot_type(
            f"{method}.{key}.{skey}", sslot, f"a parameter '{skey}' in {{where}}", False
        )
        for skey, sslot in group.entry.items()
    }
    fields["label"] = (TextOrDefault, None)  # default: the entry's name
    model = create_model(name, __base__=Section, __doc__=group.help, **fields)
    model.WHAT = f"{key} entry"
    model.NOT_A_MAPPING = ("not a mapping", f"{', '.join(group.entry)} and a label")
    return model


def slot_type(name: str, slot: Slot, where: str, null_is_missing: bool = True) -> tuple[Any, Any]:
    """(type, default) of one slot; ``where`` says where a missing required one belongs.

    ``null_is_missing``: a key with nothing after it counts as missing (top-level slots).
    """
    model_name = "".join(part.title() for part in re.split(r"[._]", name))
    leaf = parameter_model(model_name, slot)
    kind: Any = _by_payer(model_name, leaf, slot) if slot.by_payer else leaf
    if slot.required:
        missing = Missing(f"missing ({slot.help})", where)
        if not null_is_missing:
            return Annotated[kind, missing], ...

        def present(value: Any) -> Any:
            if value is None:
                fail(missing.message, missing.expected)
            return value

        return Annotated[kind, BeforeValidator(present), missing], ...
    return kind | None, None


def group_type(key: str, group: Group, method: str, where: str) -> tuple[Any, Any]:
    """(type, default) of a group of named entries, e.g. ``placements``."""
    entry: Any = _entry_model(f"{method.title()}{key.title()}Entry", key, group, method)
    kind: Any = Annotated[
        dict[Annotated[str, BeforeValidator(_entry_name)], entry],
        BeforeValidator(_group_mapping(group)),
    ]
    if group.required:
        return Annotated[kind, Missing(f"missing ({group.help})", where)], ...
    return kind | None, None
