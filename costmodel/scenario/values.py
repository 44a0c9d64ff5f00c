"""A parameter's ``value:``, declared: a number, or a distribution chosen by its ``dist:`` key.

:data:`Value` is a discriminated union on ``dist`` with one model per kind (``fixed``,
``uniform``, ``triangular``, ``pert``, ``normal``, ``lognormal``, ``interval90``, ``beta``,
``gamma``, ``poisson``); each model knows its keys, refuses others with a did-you-mean, and
builds its :class:`~costmodel.scenario.distributions.Distribution`. The rules that span keys
(order of low/mode/high, positive spreads, either alpha/beta or mean/sd, a central value
within the range) are the one custom validator of each model. A validated value *is* the
distribution object.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Annotated, Any, ClassVar, Literal, NoReturn

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Discriminator,
    Field,
    PrivateAttr,
    Tag,
    TypeAdapter,
    ValidationError,
    model_validator,
)
from pydantic import WithJsonSchema as JsonSchema
from pydantic.json_schema import SkipJsonSchema

from ..errors import did_you_mean, shown
from . import distributions as d
from .dist_rules import ALLOWED_KEYS, EXAMPLES, build
from .distributions import KINDS, MAX_MAGNITUDE, Report, _fmt
from .fields import Section, fail, number_hint, number_or_none, to_number

# a key may be left out (None by default), but a key written as `null` is not a number
Num = Annotated[float | None, BeforeValidator(to_number), JsonSchema({"type": "number"})]


# the keys that are amounts in the parameter's unit (not shapes or weights)
_AMOUNTS = {"value", "low", "mode", "high", "mean", "sd", "scale", "central"}


def _report(key: str, message: str, expected: str) -> NoReturn:
    fail(message, expected, at=key or None)


class DistSpec(Section):
    """The keys shared by every distribution; subclasses add their own."""

    KIND: ClassVar[str] = ""
    central: Num = None
    _dist: d.Distribution | None = PrivateAttr(default=None)

    @classmethod
    def unknown_key(cls, key: str) -> tuple[str, str]:
        allowed = ALLOWED_KEYS[cls.KIND]
        hint = did_you_mean(key, allowed | {"central"})
        return f"unknown key for a {cls.KIND} distribution" + (f" ({hint})" if hint else ""), (
            f"keys {', '.join(sorted(allowed))}, e.g. {EXAMPLES[cls.KIND]}"
        )

    def numbers(self) -> dict[str, float]:
        keys = ALLOWED_KEYS[self.KIND] - ({"shape"} if self.KIND == "interval90" else set())
        out = {k: self.model_dump(by_alias=True).get(k) for k in keys}
        return {k: float(v) for k, v in out.items() if v is not None}

    @model_validator(mode="after")
    def _build(self) -> DistSpec:
        nums = self.numbers()
        kind = self.KIND
        for key, both in (("beta", ("alpha", "beta")), ("gamma", ("shape", "scale"))):
            if (
                kind == key
                and any(k in nums for k in both)
                and any(k in nums for k in ("mean", "sd"))
            ):
                fail(
                    f"a {kind} distribution takes either {' and '.join(both)} or mean and sd, "
                    "not both",
                    EXAMPLES[kind],
                )
        shape = getattr(self, "shape", None) if kind == "interval90" else None
        dist = build(kind, {} if shape is None else {"shape": shape}, nums, _report)
        assert dist is not None  # _report raises
        if not all(math.isfinite(v) for v in dist.args().values()):
            fail(
                "these numbers give a distribution that cannot be computed",
                f"numbers of ordinary size, e.g. {EXAMPLES[kind]}",
            )
        lo, hi = dist.support()
        given = [abs(v) for k, v in nums.items() if k in _AMOUNTS]  # e.g. a normal's sd
        size = max([abs(dist.mean()), *given] + [abs(b) for b in (lo, hi) if math.isfinite(b)])
        if size > MAX_MAGNITUDE:
            fail(f"{_fmt(size)} is implausibly large", f"values below {_fmt(MAX_MAGNITUDE)}")
        if self.central is not None:
            if not lo <= self.central <= hi:
                fail(
                    f"central {_fmt(self.central)} lies outside the distribution's range "
                    f"{_fmt(lo)}–{_fmt(hi)}",
                    "a central value within the range",
                    at="central",
                )
            dist = dataclasses.replace(dist, central_override=self.central)
        self._dist = dist
        return self


class FixedSpec(DistSpec):
    KIND = "fixed"
    dist: Literal["fixed"]
    value: Num = None


class UniformSpec(DistSpec):
    KIND = "uniform"
    dist: Literal["uniform"]
    low: Num = None
    high: Num = None


class TriangularSpec(DistSpec):
    KIND = "triangular"
    dist: Literal["triangular"]
    low: Num = None
    mode: Num = None
    high: Num = None


class PertSpec(DistSpec):
    KIND = "pert"
    dist: Literal["pert"]
    low: Num = None
    mode: Num = None
    high: Num = None
    lamb: Num = Field(default=None, alias="lambda")


class NormalSpec(DistSpec):
    KIND = "normal"
    dist: Literal["normal"]
    mean: Num = None
    sd: Num = None
    low: Num = None
    high: Num = None


class LognormalSpec(DistSpec):
    KIND = "lognormal"
    dist: Literal["lognormal"]
    mean: Num = None
    sd: Num = None


class Interval90Spec(DistSpec):
    KIND = "interval90"
    dist: Literal["interval90"]
    low: Num = None
    high: Num = None
    # checked with the numbers (see _build below): an unknown shape after low < high
    shape: Annotated[Any, JsonSchema({"enum": ["lognormal", "normal"]})] = None


class BetaSpec(DistSpec):
    KIND = "beta"
    dist: Literal["beta"]
    alpha: Num = None
    beta: Num = None
    mean: Num = None
    sd: Num = None


class GammaSpec(DistSpec):
    KIND = "gamma"
    dist: Literal["gamma"]
    shape: Num = None
    scale: Num = None
    mean: Num = None
    sd: Num = None


class PoissonSpec(DistSpec):
    KIND = "poisson"
    dist: Literal["poisson"]
    mean: Num = None


SPECS: dict[str, type[DistSpec]] = {
    s.KIND: s
    for s in (
        FixedSpec,
        UniformSpec,
        TriangularSpec,
        PertSpec,
        NormalSpec,
        LognormalSpec,
        Interval90Spec,
        BetaSpec,
        GammaSpec,
        PoissonSpec,
    )
}
assert list(SPECS) == KINDS


def _plain(value: float) -> d.Distribution:
    if abs(value) > MAX_MAGNITUDE:
        fail(f"{_fmt(value)} is implausibly large", f"values below {_fmt(MAX_MAGNITUDE)}")
    return d.Fixed(value=value)


def _invalid(spec: Any) -> NoReturn:
    if not isinstance(spec, dict):
        fail(
            f"{shown(spec)} is neither a number nor a distribution",
            f"{number_hint(spec)} or a mapping such as {EXAMPLES['triangular']}",
        )
    kind = spec.get("dist")
    if kind is None:
        fail(
            "the distribution has no 'dist:' key",
            f"one of {', '.join(KINDS)}, e.g. {EXAMPLES['pert']}",
        )
    hint = did_you_mean(str(kind), KINDS)
    fail(
        f"unknown distribution {shown(kind)}" + (f" ({hint})" if hint else ""),
        f"one of {', '.join(KINDS)}",
        at="dist",
    )


def _tag(spec: Any) -> str:
    if number_or_none(spec) is not None:
        return "number"
    kind = spec.get("dist") if isinstance(spec, dict) else None
    if isinstance(kind, str) and kind in SPECS:
        return kind
    return "invalid"


def _built(spec: DistSpec) -> d.Distribution:
    assert spec._dist is not None
    return spec._dist


Value = Annotated[
    Annotated[float, AfterValidator(_plain), Tag("number")]
    | Annotated[FixedSpec, AfterValidator(_built), Tag("fixed")]
    | Annotated[UniformSpec, AfterValidator(_built), Tag("uniform")]
    | Annotated[TriangularSpec, AfterValidator(_built), Tag("triangular")]
    | Annotated[PertSpec, AfterValidator(_built), Tag("pert")]
    | Annotated[NormalSpec, AfterValidator(_built), Tag("normal")]
    | Annotated[LognormalSpec, AfterValidator(_built), Tag("lognormal")]
    | Annotated[Interval90Spec, AfterValidator(_built), Tag("interval90")]
    | Annotated[BetaSpec, AfterValidator(_built), Tag("beta")]
    | Annotated[GammaSpec, AfterValidator(_built), Tag("gamma")]
    | Annotated[PoissonSpec, AfterValidator(_built), Tag("poisson")]
    | SkipJsonSchema[Annotated[Any, BeforeValidator(_invalid), Tag("invalid")]],
    Discriminator(_tag),
]
"""A number or a distribution; validated, it is a :class:`Distribution`."""

_VALUE = TypeAdapter(Value)


def parse_value(spec: Any, report: Report) -> d.Distribution | None:
    """Validate one value outside a scenario (the dashboard's editing widgets)."""
    from .problems import error_parts

    context: dict[str, Any] = {}
    try:
        dist = _VALUE.validate_python(spec, context=context)
    except ValidationError as exc:
        for key, message, expected in error_parts(exc, spec, context.get("owners")):
            report(key, message, expected)
        return None
    assert isinstance(dist, d.Distribution)
    return dist
