"""Distributions a parameter value may take, each a small class that checks its arguments.

A distribution draws all iterations at once from an explicit ``numpy.random.Generator``
(``sample``), knows its closed-form ``mean``, its ``support`` (for checking it against the
unit's domain) and its ``central`` value, used by deterministic runs: the given value of a
fixed number, the mode of a triangular or PERT, the median of a lognormal or 90 % interval,
the mean otherwise, or the ``central`` the scenario states explicitly (for example the value
a published hand calculation used).

:func:`parse` turns a YAML value (a number, or a mapping with ``dist:``) into a distribution
and reports every problem with its key path.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

MAX_MAGNITUDE = 1e12  # no input of this model comes near a thousand billion
Z95 = 1.6448536269514722  # standard normal 95th percentile: a 90 % interval is mean ± Z95·sd


def _phi(x: float) -> float:
    return math.exp(-0.5 * x * x) / math.sqrt(2 * math.pi)


def _Phi(x: float) -> float:
    return 0.5 * (1.0 + math.erf(x / math.sqrt(2)))


def _fmt(x: float) -> str:
    """Numbers as a person wrote them: 2726000, 0.35, 1e-09."""
    if float(x).is_integer() and abs(x) < 1e15:
        return str(int(x))
    return f"{x:.6g}"


@dataclass(frozen=True)
class Distribution:
    """Base class; subclasses set ``kind`` and implement the methods below."""

    central_override: float | None = field(default=None, kw_only=True)
    kind: str = field(default="", init=False)

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        raise NotImplementedError

    def mean(self) -> float:
        raise NotImplementedError

    def natural_central(self) -> float:
        return self.mean()

    def central(self) -> float:
        if self.central_override is not None:
            return self.central_override
        return self.natural_central()

    def support(self) -> tuple[float, float]:
        raise NotImplementedError

    def args(self) -> dict[str, float]:
        raise NotImplementedError

    def to_spec(self) -> Any:
        """The YAML form that parses back to this distribution."""
        spec: dict[str, Any] = {"dist": self.kind, **self.args()}
        if self.central_override is not None:
            spec["central"] = self.central_override
        return spec

    def __str__(self) -> str:
        inner = ", ".join(f"{k}={_fmt(v)}" for k, v in self.args().items())
        return f"{self.kind}({inner})"


@dataclass(frozen=True)
class Fixed(Distribution):
    value: float = 0.0
    kind: str = field(default="fixed", init=False)

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        return np.full(n, float(self.value))

    def mean(self) -> float:
        return float(self.value)

    def support(self) -> tuple[float, float]:
        return (self.value, self.value)

    def args(self) -> dict[str, float]:
        return {"value": self.value}

    def to_spec(self) -> Any:
        return self.value


@dataclass(frozen=True)
class Uniform(Distribution):
    low: float = 0.0
    high: float = 1.0
    kind: str = field(default="uniform", init=False)

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        return rng.uniform(self.low, self.high, n)

    def mean(self) -> float:
        return (self.low + self.high) / 2

    def support(self) -> tuple[float, float]:
        return (self.low, self.high)

    def args(self) -> dict[str, float]:
        return {"low": self.low, "high": self.high}


@dataclass(frozen=True)
class Triangular(Distribution):
    low: float = 0.0
    mode: float = 0.5
    high: float = 1.0
    kind: str = field(default="triangular", init=False)

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        if self.low == self.high:
            return np.full(n, float(self.low))
        return rng.triangular(self.low, self.mode, self.high, n)

    def mean(self) -> float:
        return (self.low + self.mode + self.high) / 3

    def natural_central(self) -> float:
        return self.mode

    def support(self) -> tuple[float, float]:
        return (self.low, self.high)

    def args(self) -> dict[str, float]:
        return {"low": self.low, "mode": self.mode, "high": self.high}


@dataclass(frozen=True)
class Pert(Distribution):
    low: float = 0.0
    mode: float = 0.5
    high: float = 1.0
    lamb: float = 4.0
    kind: str = field(default="pert", init=False)

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        width = self.high - self.low
        if width == 0:
            return np.full(n, float(self.low))
        a = 1 + self.lamb * (self.mode - self.low) / width
        b = 1 + self.lamb * (self.high - self.mode) / width
        return self.low + width * rng.beta(a, b, n)

    def mean(self) -> float:
        return (self.low + self.lamb * self.mode + self.high) / (self.lamb + 2)

    def natural_central(self) -> float:
        return self.mode

    def support(self) -> tuple[float, float]:
        return (self.low, self.high)

    def args(self) -> dict[str, float]:
        out = {"low": self.low, "mode": self.mode, "high": self.high}
        if self.lamb != 4.0:
            out["lambda"] = self.lamb
        return out


@dataclass(frozen=True)
class Normal(Distribution):
    """Normal, optionally truncated to [low, high] (sampled by vectorised rejection)."""

    mu: float = 0.0
    sd: float = 1.0
    low: float = -math.inf
    high: float = math.inf
    kind: str = field(default="normal", init=False)

    def kept_mass(self) -> float:
        if self.sd == 0:
            return 1.0
        return _Phi((self.high - self.mu) / self.sd) - _Phi((self.low - self.mu) / self.sd)

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        out = rng.normal(self.mu, self.sd, n)
        if self.sd == 0 or (math.isinf(self.low) and math.isinf(self.high)):
            return out
        bad = (out < self.low) | (out > self.high)
        while bad.any():
            k = int(bad.sum())
            out[bad] = rng.normal(self.mu, self.sd, k)
            bad = (out < self.low) | (out > self.high)
        return out

    def mean(self) -> float:
        if self.sd == 0 or (math.isinf(self.low) and math.isinf(self.high)):
            return self.mu
        a = (self.low - self.mu) / self.sd
        b = (self.high - self.mu) / self.sd
        pa = 0.0 if math.isinf(a) else _phi(a)
        pb = 0.0 if math.isinf(b) else _phi(b)
        return self.mu + self.sd * (pa - pb) / self.kept_mass()

    def support(self) -> tuple[float, float]:
        if self.sd == 0:
            return (self.mu, self.mu)
        return (self.low, self.high)

    def args(self) -> dict[str, float]:
        out = {"mean": self.mu, "sd": self.sd}
        if not math.isinf(self.low):
            out["low"] = self.low
        if not math.isinf(self.high):
            out["high"] = self.high
        return out


@dataclass(frozen=True)
class Lognormal(Distribution):
    """Lognormal given by the mean and sd of the value itself (not of its logarithm)."""

    m: float = 1.0
    sd: float = 1.0
    kind: str = field(default="lognormal", init=False)

    def log_params(self) -> tuple[float, float]:
        sigma2 = math.log1p((self.sd / self.m) ** 2)
        return math.log(self.m) - sigma2 / 2, math.sqrt(sigma2)

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        mu, sigma = self.log_params()
        return rng.lognormal(mu, sigma, n)

    def mean(self) -> float:
        return self.m

    def natural_central(self) -> float:
        return math.exp(self.log_params()[0])  # the median

    def support(self) -> tuple[float, float]:
        return (0.0, math.inf)

    def args(self) -> dict[str, float]:
        return {"mean": self.m, "sd": self.sd}


@dataclass(frozen=True)
class Interval90(Distribution):
    """'90 % sure it lies between low and high': lognormal if low > 0, else normal."""

    low: float = 1.0
    high: float = 10.0
    shape: str = "lognormal"
    kind: str = field(default="interval90", init=False)

    def _log(self) -> tuple[float, float]:
        a, b = math.log(self.low), math.log(self.high)
        return (a + b) / 2, (b - a) / (2 * Z95)

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        if self.shape == "lognormal":
            mu, sigma = self._log()
            return rng.lognormal(mu, sigma, n)
        mid, sd = (self.low + self.high) / 2, (self.high - self.low) / (2 * Z95)
        return rng.normal(mid, sd, n)

    def mean(self) -> float:
        if self.shape == "lognormal":
            mu, sigma = self._log()
            return math.exp(mu + sigma * sigma / 2)
        return (self.low + self.high) / 2

    def natural_central(self) -> float:
        if self.shape == "lognormal":
            return math.sqrt(self.low * self.high)
        return (self.low + self.high) / 2

    def support(self) -> tuple[float, float]:
        return (0.0, math.inf) if self.shape == "lognormal" else (-math.inf, math.inf)

    def args(self) -> dict[str, float]:
        return {"low": self.low, "high": self.high}

    def to_spec(self) -> Any:
        spec = super().to_spec()
        if self.shape != ("lognormal" if self.low > 0 else "normal"):
            spec["shape"] = self.shape
        return spec


@dataclass(frozen=True)
class Beta(Distribution):
    alpha: float = 1.0
    beta: float = 1.0
    kind: str = field(default="beta", init=False)

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        return rng.beta(self.alpha, self.beta, n)

    def mean(self) -> float:
        return self.alpha / (self.alpha + self.beta)

    def support(self) -> tuple[float, float]:
        return (0.0, 1.0)

    def args(self) -> dict[str, float]:
        return {"alpha": self.alpha, "beta": self.beta}


@dataclass(frozen=True)
class Gamma(Distribution):
    shape_k: float = 1.0
    scale: float = 1.0
    kind: str = field(default="gamma", init=False)

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        return rng.gamma(self.shape_k, self.scale, n)

    def mean(self) -> float:
        return self.shape_k * self.scale

    def support(self) -> tuple[float, float]:
        return (0.0, math.inf)

    def args(self) -> dict[str, float]:
        return {"shape": self.shape_k, "scale": self.scale}


@dataclass(frozen=True)
class Poisson(Distribution):
    lam: float = 1.0
    kind: str = field(default="poisson", init=False)

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        return rng.poisson(self.lam, n).astype(float)

    def mean(self) -> float:
        return self.lam

    def support(self) -> tuple[float, float]:
        return (0.0, math.inf)

    def args(self) -> dict[str, float]:
        return {"mean": self.lam}


# --- parsing -------------------------------------------------------------------------------

KINDS = [
    "fixed",
    "uniform",
    "triangular",
    "pert",
    "normal",
    "lognormal",
    "interval90",
    "beta",
    "gamma",
    "poisson",
]

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

# report(key, message, expected) records one problem at spec key `key` ("" = the spec itself)
Report = Callable[[str, str, str], None]


def number_or_none(value: Any) -> float | None:
    """A finite float from an int/float YAML value, else None (booleans are not numbers)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        f = float(value)
    except OverflowError:
        return None
    return f if math.isfinite(f) else None


def number_hint(value: Any) -> str:
    """What to write instead of a value that is not a number."""
    if isinstance(value, str):
        s = value.replace("\u00a0", " ").strip()
        compact = s.replace(" ", "").replace(",", ".")
        try:
            float(compact)
            return f"a plain number: write {compact} (no spaces, a decimal point, no unit)"
        except ValueError:
            pass
    return "a number"


def parse(spec: Any, report: Report) -> Distribution | None:
    """Parse a YAML value into a distribution, or report what is wrong and return None."""
    num = number_or_none(spec)
    if num is not None:
        if abs(num) > MAX_MAGNITUDE:
            report("", f"{_fmt(num)} is implausibly large", f"values below {_fmt(MAX_MAGNITUDE)}")
            return None
        return Fixed(value=num)
    if not isinstance(spec, dict):
        report(
            "",
            f"{spec!r} is neither a number nor a distribution",
            f"{number_hint(spec)} or a mapping such as {EXAMPLES['triangular']}",
        )
        return None
    kind = spec.get("dist")
    if kind is None:
        report(
            "",
            "the distribution has no 'dist:' key",
            f"one of {', '.join(KINDS)}, e.g. {EXAMPLES['pert']}",
        )
        return None
    if kind not in KINDS:
        from ..errors import did_you_mean

        hint = did_you_mean(str(kind), KINDS)
        report(
            "dist",
            f"unknown distribution {kind!r}" + (f" ({hint})" if hint else ""),
            f"one of {', '.join(KINDS)}",
        )
        return None
    ok = True
    for key in spec:
        if key not in ALLOWED_KEYS[kind] | {"dist", "central"}:
            from ..errors import did_you_mean

            hint = did_you_mean(key, ALLOWED_KEYS[kind] | {"central"})
            report(
                key,
                f"unknown key for a {kind} distribution" + (f" ({hint})" if hint else ""),
                f"keys {', '.join(sorted(ALLOWED_KEYS[kind]))}, e.g. {EXAMPLES[kind]}",
            )
            ok = False
    nums: dict[str, float] = {}
    for key in spec:
        if key in ("dist", "shape") and not (key == "shape" and kind == "gamma"):
            continue
        if key not in ALLOWED_KEYS[kind] | {"central"}:
            continue
        val = number_or_none(spec[key])
        if val is None:
            report(key, f"{spec[key]!r} is not a number", number_hint(spec[key]))
            ok = False
        else:
            nums[key] = val
    if not ok:
        return None
    central = nums.pop("central", None)
    for key, both in (("beta", ("alpha", "beta")), ("gamma", ("shape", "scale"))):
        if kind == key and any(k in nums for k in both) and any(k in nums for k in ("mean", "sd")):
            report(
                "",
                f"a {kind} distribution takes either {' and '.join(both)} or mean and sd, not both",
                EXAMPLES[kind],
            )
            return None
    dist = _build(kind, spec, nums, report)
    if dist is None:
        return None
    if not all(math.isfinite(v) for v in dist.args().values()):
        report(
            "",
            "these numbers give a distribution that cannot be computed",
            f"numbers of ordinary size, e.g. {EXAMPLES[kind]}",
        )
        return None
    lo, hi = dist.support()
    size = max([abs(dist.mean())] + [abs(b) for b in (lo, hi) if math.isfinite(b)])
    if size > MAX_MAGNITUDE:
        report("", f"{_fmt(size)} is implausibly large", f"values below {_fmt(MAX_MAGNITUDE)}")
        return None
    if central is not None:
        lo, hi = dist.support()
        if not lo <= central <= hi:
            report(
                "central",
                f"central {_fmt(central)} lies outside the distribution's range "
                f"{_fmt(lo)}–{_fmt(hi)}",
                "a central value within the range",
            )
            return None
        dist = _with_central(dist, central)
    return dist


def _with_central(dist: Distribution, central: float) -> Distribution:
    import dataclasses

    return dataclasses.replace(dist, central_override=central)


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
