"""Distributions a parameter value may take, each a small class that checks its arguments.

A distribution draws all iterations at once from an explicit ``numpy.random.Generator``
(``sample``), knows its closed-form ``mean``, its ``support`` (for checking it against the
unit's domain) and its ``central`` value, used by deterministic runs: the given value of a
fixed number, the mode of a triangular or PERT, the median of a lognormal or 90 % interval,
the mean otherwise, or the ``central`` the scenario states explicitly (for example the value
a published hand calculation used).

The YAML form of each distribution, and the checks on its arguments, are declared in
:mod:`costmodel.scenario.values`; :func:`parse` is its entry point for one value.
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
    """Normal, optionally truncated to [low, high] (sampled by the inverse CDF)."""

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
        if self.sd == 0 or (math.isinf(self.low) and math.isinf(self.high)):
            return rng.normal(self.mu, self.sd, n)
        # the inverse of the normal CDF at a uniform draw inside [Phi(a), Phi(b)]: one uniform
        # per value, so a run drawn in chunks gets the same numbers (rejection would not);
        # an interval right of the mean is mirrored to the left tail, where the CDF is precise
        from scipy.special import ndtri  # 0.3 s to import: only where a truncation needs it

        a, b = (self.low - self.mu) / self.sd, (self.high - self.mu) / self.sd
        flip = a > 0
        if flip:
            a, b = -b, -a
        lo, hi = 0.5 * math.erfc(-a / math.sqrt(2)), 0.5 * math.erfc(-b / math.sqrt(2))
        z = ndtri(rng.uniform(lo, hi, n))
        return self.mu + self.sd * (-z if flip else z)

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

# report(key, message, expected) records one problem at spec key `key` ("" = the spec itself)
Report = Callable[[str, str, str], None]


def parse(spec: Any, report: Report) -> Distribution | None:
    """Parse a YAML value into a distribution, or report what is wrong and return None."""
    from .values import parse_value

    return parse_value(spec, report)
