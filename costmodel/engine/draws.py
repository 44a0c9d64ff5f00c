"""The random draws of a run: one explicit generator per parameter, consumed in order.

Each parameter has its own ``numpy.random.Generator``, seeded by the run's seed and the
parameter's name (no global state), so the same scenario and seed give identical numbers in
any process, whatever the order of the parameters in the file, and two variants of a scenario
share their random numbers wherever their inputs agree (common random numbers).

:class:`Draws` hands out the iterations in pieces: ``take(m)`` gives the next ``m`` values of
every parameter. Every sampler of :mod:`costmodel.scenario.distributions` draws its values one
after another from its generator, so the values do not depend on how a run is cut into pieces.
Correlated parameters (:mod:`.correlate`) are reordered within blocks of :data:`BLOCK`
iterations, each block with the next normal scores of one more stream; a piece is therefore a
whole number of blocks (the last may be short), and a run of at most one block is reordered as
a whole, exactly as before runs were cut into pieces.
"""

from __future__ import annotations

import hashlib

import numpy as np

from ..scenario import Scenario
from .correlate import correlate
from .methods import Values

BLOCK = 65_536  # iterations reordered together for correlations


def stream(seed: int, name: str) -> np.random.Generator:
    """The generator of one parameter: seeded by the run's seed and the parameter's name."""
    key = int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "little")
    return np.random.default_rng([seed, key])


class Draws:
    """The draws of one run, handed out in order (see the module)."""

    def __init__(self, scenario: Scenario, seed: int) -> None:
        self.scenario = scenario
        self.generators = {name: stream(seed, name) for name in scenario.parameters}
        self.scores = stream(seed, "correlations")
        self.taken = 0

    def take(self, m: int) -> Values:
        """The next ``m`` iterations of every parameter, in base units and scenario prices."""
        if self.taken % BLOCK:
            raise ValueError(f"pieces after the first short one; expected multiples of {BLOCK}")
        values = {
            name: p.dist.sample(self.generators[name], m) * p.scale
            for name, p in self.scenario.parameters.items()
        }
        self.taken += m
        if not self.scenario.correlations:
            return values
        for start in range(0, m, BLOCK):
            block = {k: v[start : start + BLOCK] for k, v in values.items()}
            for k, v in correlate(self.scenario, block, self.scores).items():
                values[k][start : start + BLOCK] = v
        return values


def draw(scenario: Scenario, seed: int, n: int) -> Values:
    """Every parameter's ``n`` draws at once: arrays of shape (n,) (see :class:`Draws`)."""
    return Draws(scenario, seed).take(n)
