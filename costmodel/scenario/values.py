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

from ..errors import did_you_mean
from . import distributions as d
from .distributions import (
    ALLOWED_KEYS,
    EXAMPLES,
    KINDS,
    MAX_MAGNITUDE,
    Beta,
    Distribution,
    Fixed,
    Gamma,
    Interval90,
    Lognormal,
    Normal,
    Pert,
    Poisson,
    Report,
    Triangular,
    Uniform,
    _fmt,
)
from .fields import Number, Section, fail, number_hint, number_or_none

Num = Number | None


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
        dist = _build(kind, {} if shape is None else {"shape": shape}, nums, _report)
        assert dist is not None  # _report raises
        if not all(math.isfinite(v) for v in dist.args().values()):
            fail(
                "these numbers give a distribution that cannot be computed",
                f"numbers of ordinary size, e.g. {EXAMPLES[kind]}",
            )
        lo, hi = dist.support()
        size = max([abs(dist.mean())] + [abs(b) for b in (lo, hi) if math.isfinite(b)])
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
            f"{spec!r} is neither a number nor a distribution",
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
        f"unknown distribution {kind!r}" + (f" ({hint})" if hint else ""),
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


# --- the rules that span keys, per kind ---------------------------------------------------------


def _need(kind: str, nums: dict[str, float], keys: list[str], report: Report) -> bool:
    missing = [k for k in keys if k not in nums]
    if missing:
        report("", f"a {kind} distribution needs {', '.join(missing)}", f"e.g. {EXAMPLES[kind]}")
        return False
    return True


def _ordered(nums: dict[str, float], keys: list[str], report: Report) -> bool:
    values = [nums[k] for k in keys]
    if values != sorted(values):
        shown = " <= ".join(keys)
        got = ", ".join(f"{k}={_fmt(nums[k])}" for k in keys)
        report(keys[0], f"{got} are out of order", f"{shown}")
        return False
    return True


def _positive(nums: dict[str, float], key: str, report: Report, strict: bool = True) -> bool:
    bad = nums[key] <= 0 if strict else nums[key] < 0
    if bad:
        report(
            key,
            f"{key} = {_fmt(nums[key])} must be {'above' if strict else 'at least'} 0",
            f"a {'positive' if strict else 'non-negative'} number",
        )
        return False
    return True


def _build(
    kind: str, spec: dict[str, Any], nums: dict[str, float], report: Report
) -> Distribution | None:
    if kind == "fixed":
        return Fixed(value=nums["value"]) if _need(kind, nums, ["value"], report) else None
    if kind == "uniform":
        if not (
            _need(kind, nums, ["low", "high"], report) and _ordered(nums, ["low", "high"], report)
        ):
            return None
        return Uniform(low=nums["low"], high=nums["high"])
    if kind in ("triangular", "pert"):
        if not (
            _need(kind, nums, ["low", "mode", "high"], report)
            and _ordered(nums, ["low", "mode", "high"], report)
        ):
            return None
        if kind == "triangular":
            return Triangular(low=nums["low"], mode=nums["mode"], high=nums["high"])
        lamb = nums.get("lambda", 4.0)
        if "lambda" in nums and not _positive(nums, "lambda", report):
            return None
        return Pert(low=nums["low"], mode=nums["mode"], high=nums["high"], lamb=lamb)
    if kind == "normal":
        if not (
            _need(kind, nums, ["mean", "sd"], report)
            and _positive(nums, "sd", report, strict=False)
        ):
            return None
        low, high = nums.get("low", -math.inf), nums.get("high", math.inf)
        if low >= high:
            report("low", f"low = {_fmt(low)} is not below high = {_fmt(high)}", "low < high")
            return None
        dist = Normal(mu=nums["mean"], sd=nums["sd"], low=low, high=high)
        if nums["sd"] == 0 and not low <= nums["mean"] <= high:
            report("mean", "with sd 0 the mean must lie within low and high", "low <= mean <= high")
            return None
        if dist.kept_mass() < 1e-3:
            report(
                "",
                "the truncation keeps less than 0.1 % of the normal distribution",
                "low/high around the mean, or another distribution",
            )
            return None
        return dist
    if kind == "lognormal":
        if not (
            _need(kind, nums, ["mean", "sd"], report)
            and _positive(nums, "mean", report)
            and _positive(nums, "sd", report)
        ):
            return None
        return Lognormal(m=nums["mean"], sd=nums["sd"])
    if kind == "interval90":
        if not (_need(kind, nums, ["low", "high"], report)):
            return None
        if nums["low"] >= nums["high"]:
            report(
                "low",
                f"low = {_fmt(nums['low'])} is not below high = {_fmt(nums['high'])}",
                "low < high",
            )
            return None
        shape = spec.get("shape", "lognormal" if nums["low"] > 0 else "normal")
        if shape not in ("lognormal", "normal"):
            report("shape", f"unknown shape {shape!r}", "lognormal or normal")
            return None
        if shape == "lognormal" and nums["low"] <= 0:
            report("low", "a lognormal 90 % interval needs low > 0", "low > 0, or shape: normal")
            return None
        return Interval90(low=nums["low"], high=nums["high"], shape=shape)
    if kind == "beta":
        if "alpha" in nums or "beta" in nums:
            if not (
                _need(kind, nums, ["alpha", "beta"], report)
                and _positive(nums, "alpha", report)
                and _positive(nums, "beta", report)
            ):
                return None
            return Beta(alpha=nums["alpha"], beta=nums["beta"])
        if not _need(kind, nums, ["mean", "sd"], report):
            return None
        m, sd = nums["mean"], nums["sd"]
        if not 0 < m < 1 or sd <= 0 or sd * sd >= m * (1 - m):
            report(
                "sd",
                f"no beta distribution has mean {_fmt(m)} and sd {_fmt(sd)}",
                "0 < mean < 1 and sd² < mean·(1 − mean)",
            )
            return None
        k = m * (1 - m) / (sd * sd) - 1
        return Beta(alpha=m * k, beta=(1 - m) * k)
    if kind == "gamma":
        if "shape" in nums or "scale" in nums:
            if not (
                _need(kind, nums, ["shape", "scale"], report)
                and _positive(nums, "shape", report)
                and _positive(nums, "scale", report)
            ):
                return None
            return Gamma(shape_k=nums["shape"], scale=nums["scale"])
        if not (
            _need(kind, nums, ["mean", "sd"], report)
            and _positive(nums, "mean", report)
            and _positive(nums, "sd", report)
        ):
            return None
        k = (nums["mean"] / nums["sd"]) ** 2
        return Gamma(shape_k=k, scale=nums["mean"] / k)
    if kind == "poisson":
        if not (_need(kind, nums, ["mean"], report) and _positive(nums, "mean", report)):
            return None
        return Poisson(lam=nums["mean"])
    raise AssertionError(kind)
