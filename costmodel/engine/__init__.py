"""The Monte Carlo engine: a validated scenario in, :class:`Results` out.

:mod:`.run` draws every parameter from its own explicit generator and evaluates the method;
:mod:`.methods` turns parameter values into yearly flows (one module per method);
:mod:`.results` holds the flows and summarises them; :mod:`.memory` measures what a run needs
and guards the memory budget.
"""

from .draws import draw, stream
from .memory import max_iterations
from .results import Results, Stamp
from .run import TooLarge, as_published, central, evaluate, run

__all__ = [
    "Results",
    "Stamp",
    "TooLarge",
    "as_published",
    "central",
    "draw",
    "evaluate",
    "max_iterations",
    "run",
    "stream",
]
