"""The decision analysis behind Känslighet, cached like the runs in :mod:`.state`.

- :func:`get_sensitivity`: what :func:`costmodel.views.sensitivity.analyse` gives for one
  scenario, perspective and number of iterations (tornado, importance, switching values,
  break-even, EVPI and EVPPI, the default two-way grid, the Monte Carlo error), with the
  engine's central case beside it (``central_net``, ``central_inputs``) and each tornado
  input's 10th and 90th percentile (``tornado_inputs``, read off the analysis' tornado rows);
- :func:`get_two_way`: the two-way grid of two chosen inputs
  (:func:`costmodel.analysis.sensitivity.two_way`), in the shape of the analysis' ``two_way``.

Both are cached with ``st.cache_data`` on the scenario's sha256, the iterations, the seed and
the perspective (the grid also on its two inputs), so a page that is drawn again, in the other
language or after a change elsewhere, recomputes nothing. Nothing here draws anything but the
spinner; nothing here computes what the analysis gives.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from .. import engine
from ..analysis import sensitivity
from ..scenario import Scenario
from ..views.sensitivity import analyse
from .common import computing
from .state import Entry, RunFailed, effective_iterations


def _sensitivity(key: str, iterations: int, seed: int, persp: str, _s: Scenario) -> dict[str, Any]:
    del key  # the cache key; ``_s`` is the same scenario, already validated
    r = engine.run(_s, iterations=iterations, seed=seed)
    out = analyse(r, _s, persp)
    # beside the analysis: the central case the tornado starts from, each input's central
    # value and its 10th and 90th percentiles (in the parameter's own unit, like the analysis)
    out["central_net"] = float(engine.run(_s, deterministic=True).net(persp)[0])
    scale = {name: p.scale for name, p in _s.parameters.items()}
    out["central_inputs"] = {
        name: float(v[0]) / scale[name] for name, v in engine.central(_s).items()
    }
    out["tornado_inputs"] = {
        w["parameter"]: [w["low_value"], w["high_value"]] for w in out["tornado"]
    }
    return out


_sensitivity_cached = st.cache_data(show_spinner=False, max_entries=16)(_sensitivity)


def get_sensitivity(entry: Entry, choice: int, persp: str) -> dict[str, Any]:
    """The decision analysis of ``entry`` in ``persp`` (cached): the dict of
    :func:`costmodel.views.sensitivity.analyse` with ``central_net`` (the central case, kr),
    ``central_inputs`` and ``tornado_inputs`` (each input's central value and its 10th and
    90th percentile, in its own unit; the discount rate as a rate)."""
    n = effective_iterations(entry.scenario, choice)
    s = entry.scenario
    try:
        with st.spinner(computing(n)):
            return _sensitivity_cached(entry.cache_key, n, s.meta.seed, persp, s)
    except (ValueError, ArithmeticError) as exc:  # engine.TooLarge is a ValueError
        raise RunFailed(str(exc)) from None


def _two_way(
    key: str, iterations: int, seed: int, persp: str, x: str, y: str, _s: Scenario
) -> dict[str, Any] | None:
    del key
    r = engine.run(_s, iterations=iterations, seed=seed)
    grid = sensitivity.two_way(r, _s, x, y, persp)
    if grid is None:
        return None
    return {
        "x": grid.x,
        "y": grid.y,
        "x_values": [v / _s.parameters[grid.x].scale for v in grid.x_values],
        "y_values": [v / _s.parameters[grid.y].scale for v in grid.y_values],
        "net": grid.net.tolist(),
    }


_two_way_cached = st.cache_data(show_spinner=False, max_entries=64)(_two_way)


def get_two_way(entry: Entry, choice: int, persp: str, x: str, y: str) -> dict[str, Any] | None:
    """Net benefit over a grid of the inputs ``x`` and ``y`` (cached), each from its 5th to its
    95th percentile, the rest at central values; the shape of the analysis' ``two_way``."""
    n = effective_iterations(entry.scenario, choice)
    s = entry.scenario
    try:
        with st.spinner(computing(n)):
            return _two_way_cached(entry.cache_key, n, s.meta.seed, persp, x, y, s)
    except (ValueError, ArithmeticError) as exc:
        raise RunFailed(str(exc)) from None
