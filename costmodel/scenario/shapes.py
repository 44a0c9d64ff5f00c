"""The shapes in which a method takes its parameters (:mod:`.slots`), as pydantic types.

:func:`slot_type` gives the type of one slot: a parameter (:class:`.parameter.ParameterSpec`),
a parameter per payer (``{kommun: ..., stat: ...}``, :class:`PayerSplit`) optionally with one
parameter per year, and :func:`group_type` a group of named entries
(``placements: {sis: ..., hvb: ...}``) that each follow the same slots.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Discriminator,
    Tag,
    ValidationInfo,
    create_model,
)

from ..errors import did_you_mean
from .fields import LineTextOrDefault, Missing, Section, fail
from .parameter import parameter_model
from .payers import PAYERS
from .slots import Group, Slot

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
    fields["label"] = (LineTextOrDefault, None)  # default: the entry's name
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
