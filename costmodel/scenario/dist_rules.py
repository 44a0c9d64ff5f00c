"""The YAML keys of each distribution and the rules that span them.

:data:`ALLOWED_KEYS` and :data:`EXAMPLES` describe each kind's form; :func:`build` checks
what one key cannot check alone (low <= mode <= high, positive spreads, a beta that exists)
and makes the :class:`~costmodel.scenario.distributions.Distribution`. Each rule reports with
``report(key, problem, expected)``; :mod:`.values` turns that into a validation error.

A spread that makes the result meaningless is refused, with documented bounds: a lognormal
whose standard deviation is more than :data:`MAX_CV` times its mean (its mean would rest on a
few huge draws, and far enough out the draws overflow), a lognormal 90 % interval whose high is
more than :data:`MAX_RATIO` times its low (the same spread), a PERT ``lambda`` above
:data:`MAX_LAMBDA`, and a gamma whose shape is below :data:`MIN_GAMMA_SHAPE` (sd above the
mean): its density is infinite at 0, so its draws come arbitrarily close to 0 (with sd = 3 ×
mean, one draw in six is below a millionth of the mean) and anything divided by them, such as
the benefit per krona, has no mean (a run reported 1e43).
"""

from __future__ import annotations

import math
from typing import Any

from ..errors import shown
from .distributions import (
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

MAX_CV = 10.0  # sd / mean of a lognormal
MIN_GAMMA_SHAPE = 1.0  # a gamma's shape: sd at most the mean (shape = (mean / sd)²)
_PILES_AT_ZERO = (
    "a gamma this wide piles its draws up at 0, so a cost drawn from it comes arbitrarily "
    "close to nothing and the benefit per krona has no mean"
)
_GAMMA_EXPECTED = "shape at least 1 (sd at most the mean); for a wider spread, a lognormal"
MAX_RATIO = 1000.0  # high / low of a lognormal 90 % interval (a coefficient of variation of 9)
MAX_LAMBDA = 1000.0  # a PERT's weight of the mode (4 is usual)

EXAMPLES = {
    "fixed": "{dist: fixed, value: 900000} or just 900000",
    "uniform": "{dist: uniform, low: 0.2, high: 0.6}",
    "triangular": "{dist: triangular, low: 750000, mode: 900000, high: 1100000}",
    "pert": "{dist: pert, low: 750000, mode: 900000, high: 1100000}",
    "normal": "{dist: normal, mean: 10, sd: 2} (optionally low:/high: to truncate)",
    "lognormal": "{dist: lognormal, mean: 200000, sd: 60000}",
    "interval90": "{dist: interval90, low: 50000, high: 200000}",
    "beta": "{dist: beta, alpha: 2, beta: 5} or {dist: beta, mean: 0.3, sd: 0.1}",
    "gamma": "{dist: gamma, shape: 7, scale: 0.143} or {dist: gamma, mean: 1, sd: 0.38}",
    "poisson": "{dist: poisson, mean: 9}",
}

ALLOWED_KEYS = {
    "fixed": {"value"},
    "uniform": {"low", "high"},
    "triangular": {"low", "mode", "high"},
    "pert": {"low", "mode", "high", "lambda"},
    "normal": {"mean", "sd", "low", "high"},
    "lognormal": {"mean", "sd"},
    "interval90": {"low", "high", "shape"},
    "beta": {"alpha", "beta", "mean", "sd"},
    "gamma": {"shape", "scale", "mean", "sd"},
    "poisson": {"mean"},
}


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


def _above(x: float, limit: float) -> str:
    """``x`` with enough digits that it visibly exceeds ``limit`` (10000.001, not 10000)."""
    for digits in range(6, 18):
        text = _fmt(x) if digits == 6 else f"{x:.{digits}g}"
        if float(text) > limit:
            return text
    return repr(x)


def _spread(nums: dict[str, float], report: Report) -> bool:
    """A lognormal's sd at most MAX_CV times its mean (checked before anything divides by
    them)."""
    sd, mean = nums["sd"], nums["mean"]
    if sd > MAX_CV * mean:
        report(
            "sd",
            f"sd = {_above(sd, MAX_CV * mean)} is more than {_fmt(MAX_CV)} times the mean "
            f"{_fmt(mean)}: the spread is too wide to give a meaningful result",
            f"sd at most {_fmt(MAX_CV)} × mean",
        )
        return False
    return True


def _gamma_spread(nums: dict[str, float], report: Report) -> bool:
    """A gamma's sd at most its mean (shape at least 1); see the module."""
    sd, mean = nums["sd"], nums["mean"]
    if sd > mean:
        report(
            "sd",
            f"sd = {_above(sd, mean)} is more than the mean {_fmt(mean)}: {_PILES_AT_ZERO}",
            _GAMMA_EXPECTED,
        )
        return False
    return True


def build(
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
        if lamb > MAX_LAMBDA:
            report(
                "lambda",
                f"lambda = {_fmt(lamb)} is above {_fmt(MAX_LAMBDA)}",
                f"a lambda above 0 and at most {_fmt(MAX_LAMBDA)} (4 is usual)",
            )
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
            and _spread(nums, report)
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
            report("shape", f"unknown shape {shown(shape)}", "lognormal or normal")
            return None
        if shape == "lognormal" and nums["low"] <= 0:
            report("low", "a lognormal 90 % interval needs low > 0", "low > 0, or shape: normal")
            return None
        if shape == "lognormal" and nums["high"] > MAX_RATIO * nums["low"]:
            report(
                "high",
                f"high = {_fmt(nums['high'])} is more than {_fmt(MAX_RATIO)} times low = "
                f"{_fmt(nums['low'])}: the spread is too wide to give a meaningful result",
                f"high at most {_fmt(MAX_RATIO)} × low, or shape: normal",
            )
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
            if nums["shape"] < MIN_GAMMA_SHAPE:
                report(
                    "shape",
                    f"shape = {_fmt(nums['shape'])} is below {_fmt(MIN_GAMMA_SHAPE)}: "
                    + _PILES_AT_ZERO,
                    _GAMMA_EXPECTED,
                )
                return None
            return Gamma(shape_k=nums["shape"], scale=nums["scale"])
        if not (
            _need(kind, nums, ["mean", "sd"], report)
            and _positive(nums, "mean", report)
            and _positive(nums, "sd", report)
            and _gamma_spread(nums, report)
        ):
            return None
        k = (nums["mean"] / nums["sd"]) ** 2
        return Gamma(shape_k=k, scale=nums["mean"] / k)
    if kind == "poisson":
        if not (_need(kind, nums, ["mean"], report) and _positive(nums, "mean", report)):
            return None
        return Poisson(lam=nums["mean"])
    raise AssertionError(kind)
