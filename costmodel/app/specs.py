"""A parameter's distribution as Anpassa edits it, with no Streamlit calls: the kinds offered
for a parameter (:func:`kinds_for`; never :data:`UNBOUNDED_KINDS` for a bounded one), the
numbers of each kind (:func:`arg_fields`), starting numbers for a new kind
(:func:`suggest_args`), the YAML value built from typed numbers (:func:`build_spec`), its
comparison and cache key (:func:`same_spec`, :func:`spec_key`) and its mean and 90 % range
(:func:`dist_stats`). :mod:`.widgets` draws the fields; :mod:`.tune` reads them.
"""

from __future__ import annotations

import functools
import json
import math
from typing import Any

import numpy as np

from ..scenario import Parameter
from ..scenario.distributions import KINDS, Distribution, parse
from ..scenario.units import Unit

# the editable numbers of each distribution kind, in display order
ARG_FIELDS: dict[str, list[str]] = {
    "fixed": ["value"],
    "uniform": ["low", "high"],
    "triangular": ["low", "mode", "high"],
    "pert": ["low", "mode", "high"],
    "normal": ["mean", "sd", "low", "high"],
    "lognormal": ["mean", "sd"],
    "interval90": ["low", "high"],
    "beta": ["alpha", "beta"],
    "gamma": ["shape", "scale"],
    "poisson": ["mean"],
}
OPTIONAL_ARGS = {("normal", "low"), ("normal", "high")}
UNITLESS_ARGS = {"alpha", "beta", "shape", "lambda"}
UNBOUNDED_KINDS = ("lognormal", "interval90", "gamma", "poisson")
# Poisson draws whole numbers: only for counts, never for amounts or durations
COUNT_DIMENSIONS = ("count", "count/time", "offences", "offences/time", "offences/youth-time")


# --- parameter specs --------------------------------------------------------------------------


def nice(x: float) -> float:
    """``x`` rounded to four significant digits (suggested numbers for a new distribution)."""
    if x == 0 or not math.isfinite(x):
        return 0.0
    digits = 3 - math.floor(math.log10(abs(x)))
    v = round(x, digits)
    return float(int(v)) if v == int(v) else v


def round3(x: float) -> float:
    """``x`` to three significant digits (noisy sampled percentiles)."""
    if x == 0 or not math.isfinite(x):
        return x
    return round(x, 2 - math.floor(math.log10(abs(x))))


def kinds_for(p: Parameter) -> list[str]:
    """The distribution kinds offered for ``p``: those that can stay inside its unit's range
    (a share cannot be lognormal), and always its current kind."""
    bounded = math.isfinite(p.unit.high)
    # beta lives on 0-1: offered where the unit ends at 1 and allows 0 (shares, probabilities,
    # and effects, whose range -1..1 also allows harm; a beta then claims no harm)
    on_unit_interval = p.unit.low <= 0 and p.unit.high == 1

    def offered(kind: str) -> bool:
        if kind == p.dist.kind:
            return True
        if (bounded or p.bounded) and kind in UNBOUNDED_KINDS:
            return False
        if p.bounded and kind == "normal":  # the method needs a bounded value above 0
            return False
        if kind == "beta" and not on_unit_interval:
            return False
        return kind != "poisson" or p.unit.dimension in COUNT_DIMENSIONS

    return [k for k in KINDS if offered(k)]


def arg_fields(kind: str, dist: Distribution) -> list[str]:
    fields = list(ARG_FIELDS[kind])
    if kind == "pert" and dist.kind == "pert" and "lambda" in dist.args():
        fields.append("lambda")
    return fields


def suggest_args(dist: Distribution, kind: str, unit: Unit) -> dict[str, float | None]:
    """Starting numbers for ``kind`` that describe roughly the same uncertainty as ``dist``."""
    if kind == dist.kind:
        args: dict[str, float | None] = {k: float(v) for k, v in dist.args().items()}
        for f in ARG_FIELDS[kind]:
            args.setdefault(f, None)
        return args
    x = dist.sample(np.random.default_rng(0), 20_000)
    mean = float(np.mean(x))
    sd = float(np.std(x))
    p5, p95 = (float(v) for v in np.percentile(x, [5, 95]))
    lo, hi = dist.support()
    lo = lo if math.isfinite(lo) else p5
    hi = hi if math.isfinite(hi) else p95
    c = min(max(dist.central(), lo), hi)
    if sd <= 0:
        sd = abs(mean) * 0.2 or 1.0
    if kind == "fixed":
        return {"value": nice(c)}
    if kind == "uniform":
        return {"low": nice(lo), "high": nice(hi)}
    if kind in ("triangular", "pert"):
        return {"low": nice(lo), "mode": nice(c), "high": nice(hi)}
    if kind == "normal":
        return {
            "mean": nice(mean),
            "sd": nice(sd),
            "low": unit.low,
            "high": unit.high if math.isfinite(unit.high) else None,
        }
    if kind == "lognormal":
        m = mean if mean > 0 else 1.0
        return {"mean": nice(m), "sd": nice(sd)}
    if kind == "interval90":
        a = p5 if p5 > 0 else max(p95 / 100, 1e-6)
        b = p95 if p95 > a else a * 10
        return {"low": nice(a), "high": nice(b)}
    if kind == "beta":
        m = min(max(mean, 0.01), 0.99)
        s_ = min(sd, 0.9 * math.sqrt(m * (1 - m)))
        k = m * (1 - m) / (s_ * s_) - 1
        return {"alpha": nice(m * k), "beta": nice((1 - m) * k)}
    if kind == "gamma":
        m = mean if mean > 0 else 1.0
        shape = (m / sd) ** 2
        return {"shape": nice(shape), "scale": nice(m / shape)}
    if kind == "poisson":
        return {"mean": nice(mean if mean > 0 else 1.0)}
    raise KeyError(kind)


def build_spec(p: Parameter, kind: str, values: dict[str, float | None]) -> Any:
    """The YAML value for ``kind`` with ``values``; keeps the original's extra keys if the kind
    is unchanged (a stated ``central`` still inside the range, an interval's ``shape``)."""
    if kind == "fixed":
        v = values.get("value")
        return float(v) if v is not None else None
    spec: dict[str, Any] = {"dist": kind}
    original = p.dist.to_spec()
    if kind == p.dist.kind and isinstance(original, dict):
        spec.update({k: v for k, v in original.items() if k not in ("dist", *values)})
    for k, v in values.items():
        if v is not None:
            spec[k] = float(v)
    if "central" in spec:
        dist = parse({k: v for k, v in spec.items() if k != "central"}, lambda *_: None)
        lo, hi = dist.support() if dist else (math.inf, -math.inf)
        if not lo <= spec["central"] <= hi:
            del spec["central"]
    return spec


def same_spec(a: Any, b: Any) -> bool:
    """Equal YAML values, with numbers compared to 12 significant digits."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_spec(a[k], b[k]) for k in a)
    if isinstance(a, int | float) and isinstance(b, int | float) and not isinstance(a, bool):
        return math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=1e-12)
    return bool(a == b)


def spec_key(spec: Any) -> str:
    return json.dumps(spec, sort_keys=True)


@functools.lru_cache(maxsize=4096)
def dist_stats(spec_json: str) -> tuple[float, float, float] | None:
    """Mean, 5th and 95th percentile of a YAML value (None if it is not a valid distribution)."""
    dist = parse(json.loads(spec_json), lambda *_: None)
    if dist is None:
        return None
    x = dist.sample(np.random.default_rng(12345), 20_000)
    p5, p95 = np.percentile(x, [5, 95])
    return float(dist.mean()), float(p5), float(p95)
