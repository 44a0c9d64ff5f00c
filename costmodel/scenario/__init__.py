"""The scenario format: reading YAML with lines, ``extends``/``overrides``, validation.

A scenario file becomes a validated :class:`Scenario` here and nowhere else; the engine reads
only :class:`Scenario`. Modules: :mod:`.source` (reading bytes with hard limits),
:mod:`.yamlload` (safe YAML that keeps every key's line),
:mod:`.variants` (``extends`` and dotted ``overrides``), :mod:`.load` (validation into the
dataclasses of :mod:`.model`), :mod:`.slots` (what each method reads), :mod:`.units`,
:mod:`.payers`, :mod:`.priceindex` (KPI) and :mod:`.distributions`.
"""

from .load import (
    MAX_ITERATIONS,
    TUNED_SUFFIX,
    Meta,
    Parameter,
    Reference,
    Scenario,
    load,
    loads,
    loads_bytes,
    to_yaml,
    with_values,
)

__all__ = [
    "MAX_ITERATIONS",
    "TUNED_SUFFIX",
    "Meta",
    "Parameter",
    "Reference",
    "Scenario",
    "load",
    "loads",
    "loads_bytes",
    "to_yaml",
    "with_values",
]
