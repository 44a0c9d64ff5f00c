"""Correlated draws with exact marginals: a Gaussian copula applied to ranks.

Each parameter is first drawn alone from its own stream (:func:`costmodel.engine.run.draw`).
For the parameters a scenario correlates (:mod:`costmodel.scenario.correlations`), normal scores
with the wanted correlation are drawn from one more stream, seeded by the run's seed and the
word "correlations", and each parameter's draws are reordered so that their ranks follow the
scores' ranks (Iman & Conover 1982, with random normal scores). The values themselves are not
changed, so every marginal distribution is kept exactly; only which values meet in one
iteration changes. The same seed gives the same reordering in any process.
"""

from __future__ import annotations

import numpy as np

from ..scenario import Scenario
from ..scenario.correlations import matrix
from .methods import Values


def factor(m: np.ndarray) -> np.ndarray:
    """L with L·Lᵀ = m for a positive semi-definite m (eigen-decomposition, not Cholesky,
    so a correlation of exactly 1 works)."""
    values, vectors = np.linalg.eigh(m)
    return np.asarray(vectors * np.sqrt(np.clip(values, 0.0, None)))


def correlate(scenario: Scenario, values: Values, rng: np.random.Generator) -> Values:
    """``values`` with the correlated parameters' draws reordered: a new dict whose correlated
    entries are new arrays (the others are the same arrays)."""
    if not scenario.correlations:
        return values
    names = sorted({n for c in scenario.correlations for n in c.names})
    n = len(values[names[0]])
    if n < 2:
        return values
    scores = rng.standard_normal((n, len(names))) @ factor(matrix(names, scenario.correlations)).T
    out = dict(values)
    for j, name in enumerate(names):
        # the draw of rank k goes where the score of rank k is. Normal scores have no ties
        # (but with a chance of about 1e-7 a block), so any sort orders them alike; numpy's
        # default is six times faster than a stable one, and deterministic all the same
        reordered = np.empty(n)
        reordered[np.argsort(scores[:, j])] = np.sort(values[name])
        out[name] = reordered
    return out
