"""The validated scenario as the engine reads it: plain frozen dataclasses.

:class:`Scenario` holds the metadata (:class:`Meta`), the method's name and every
:class:`Parameter` by its dotted name, each with its unit, distribution, sources and the file
and line it came from. Nothing here validates: :mod:`costmodel.scenario.load` builds these
only from input that passed the schema in :mod:`costmodel.scenario.schema`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import distributions
from .correlations import Correlation
from .slots import METHOD_LABELS
from .units import Unit
from .yamlload import KeyPath

MAX_ITERATIONS = 10_000_000
TUNED_SUFFIX = " (anpassad)"  # marks a scenario changed in memory (dashboard, with_values)


@dataclass(frozen=True)
class Reference:
    title: str
    where: str = ""
    url: str = ""

    def __str__(self) -> str:
        parts = [self.title] + [p for p in (self.where, self.url) if p]
        return ", ".join(parts)


@dataclass(frozen=True)
class Parameter:
    """One number of the scenario, with its metadata and distribution."""

    name: str  # dotted path below `parameters`, e.g. "placement_cost.kommun"
    path: KeyPath  # full key path in the file, e.g. ("parameters", "placement_cost", "kommun")
    label: dict[str, str]
    description: dict[str, str]
    unit: Unit
    dist: distributions.Distribution
    references: tuple[Reference, ...]
    note: str  # why this value and range (Swedish, or the only text given)
    price_year: int | None
    price_factor: float  # to the scenario's price year (1.0 for non-money units)
    file: str
    line: int
    slot: str  # the schema slot, e.g. "placement_cost" or "placements.cost"
    payer: str | None = None
    year: int | None = None  # 0-based year for per-year lists
    group_entry: str | None = None  # e.g. "sis" for placements.sis.*
    bounded: bool = False  # the method needs a bounded value above 0 (see schema.Slot)
    published: float | None = None  # the figure a source published, in the parameter's unit
    effect: bool = False  # an effect of SIG, or the share credited to it (see slots.Slot)
    cashable: float | None = None  # share of this cost line that is cash (None: the default)
    includes: tuple[str, ...] = ()  # consequences of the event this cost line counts

    note_en: str = ""
    value_at: tuple[str, int] | None = None  # file and line of its `value:` (an override's)
    price_index: str = "kpi"  # the index that moves it between price years (.priceindex)

    def text(self, lang: str) -> str:
        return self.label.get(lang) or self.label["sv"]

    def note_text(self, lang: str) -> str:
        """The note in ``lang`` (falls back to the Swedish note)."""
        return (self.note_en or self.note) if lang == "en" else self.note

    @property
    def scale(self) -> float:
        """Multiply drawn values by this to get base units in scenario prices."""
        return self.unit.to_base * self.price_factor


@dataclass(frozen=True)
class Meta:
    name: str
    kommun: str
    description: str
    price_year: int
    horizon_years: int
    discount_rate: float
    discount_reference: str
    perspective: str
    iterations: int
    seed: int
    intake_years: int
    name_en: str = ""
    description_en: str = ""
    discount_reference_en: str = ""

    def title(self, lang: str = "sv") -> str:
        """The scenario's name in ``lang`` (falls back to the Swedish name)."""
        return (self.name_en or self.name) if lang == "en" else self.name

    def discount_source(self, lang: str = "sv") -> str:
        """The discount rate's source in ``lang`` (falls back to the Swedish text)."""
        if lang == "en":
            return self.discount_reference_en or self.discount_reference
        return self.discount_reference

    def about(self, lang: str = "sv") -> str:
        """The description in ``lang`` (falls back to the Swedish one)."""
        return (self.description_en or self.description) if lang == "en" else self.description


@dataclass
class Scenario:
    """A validated scenario, ready for the engine."""

    file: str
    meta: Meta
    method: str
    parameters: dict[str, Parameter]
    group_labels: dict[str, dict[str, dict[str, str]]]
    data: dict[str, Any]  # the merged YAML data (extends and overrides applied)
    sha256: str
    notes: str = ""
    correlations: tuple[Correlation, ...] = ()  # rank correlations between parameters

    @property
    def short_hash(self) -> str:
        return self.sha256[:12]

    def by_slot(self, slot: str) -> list[Parameter]:
        return [p for p in self.parameters.values() if p.slot == slot]

    @property
    def published(self) -> list[Parameter]:
        """The parameters that carry a figure a source published."""
        return [p for p in self.parameters.values() if p.published is not None]

    def has(self, name: str) -> bool:
        return name in self.parameters

    def method_label(self, lang: str = "sv") -> str:
        return METHOD_LABELS[self.method][lang]
