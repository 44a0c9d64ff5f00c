"""What the dashboard holds: the scenarios to choose from, their cached runs, tuned variants.

- :data:`SCENARIO_DIR` and the loading of shipped files (:func:`shipped_entries`, and
  :func:`first_entry`, the chosen one alone, for the page's first answer; uploads are read in
  :mod:`.upload`);
- :class:`Entry`, one scenario the user can pick, and :class:`View`, what the pages draw from one
  run; :func:`compute_view` and the cached :func:`get_view`, :func:`effective_iterations`;
- the source's own calculation: :func:`get_published`, the cached run with the published figures;
- an edit checked against the whole scenario (:func:`check_change`), the tuned scenario
  (:func:`tuned_scenario`, both cached) and its download (:func:`tuned_yaml`).

Runs are cached on the scenario's sha256 (:attr:`Entry.cache_key`), the iterations and the
seed (the published run on the sha256 alone), so a parameter change recomputes in
milliseconds; Känslighet's analyses are cached the same way in :mod:`.sensitivity_data`.
Nothing here draws anything but the spinner of a run.

Session state, by key:

- the widgets' own values: ``lang``, ``scenario_choice``, ``upload``, ``perspective`` and
  ``iterations`` (sidebar), ``page`` (the tab bar), ``compare_choice`` (Jämför), ``two_way_x``
  and ``two_way_y`` (Känslighet), and in Anpassa ``kind__<entry>__<param>``,
  ``arg__<entry>__<param>__<kind>__<arg>``,
  ``variant_name__<entry>`` (``<entry>`` and ``<param>`` are :func:`~.common.slug` forms);
- ``_uploads`` and ``_variants``: uploaded scenarios and saved variants, ``{entry id: Entry}``;
- ``_upload_msg``: the outcome of the last upload, shown on the page where it happened
  (:mod:`.upload`);
- ``_flash``: a message shown once (a variant was saved);
- ``_perspective_for``: the entry whose declared perspective the switch was last set to;
- ``_edits``: per entry id, ``{parameter: (kind, values, spec, unreadable)}`` as last edited
  in Anpassa (``unreadable``: a field's text could not be read, so the edit is not used);
- ``_texts``: ``{arg__... key: text}``, the texts typed into Anpassa's fields, kept while a
  field is not drawn (Streamlit forgets a widget's value then);
- ``_compare_default``: the comparison Jämför last proposed (followed until the user picks).
"""

from __future__ import annotations

import copy
import functools
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import streamlit as st

from .. import engine, scenario
from ..analysis.compare import cumulative_bands
from ..errors import Problem, ScenarioError
from ..scenario import Scenario
from ..scenario.payers import SOCIETY
from .common import computing, slug
from .words import LANG_NAMES, tr

SCENARIO_DIR = Path(
    os.environ.get("COSTMODEL_SCENARIO_DIR") or Path(__file__).resolve().parents[2] / "scenarios"
)
DEFAULT_FILE = "vaxjo.yaml"
TEMPLATE_FILE = "mall.yaml"
MAX_ITERATIONS = 200_000
ITERATION_CHOICES = [0, 1_000, 10_000, 50_000, 100_000, MAX_ITERATIONS]  # 0: the scenario's own
VIEWS = ("kommun", SOCIETY)


# --- scenarios --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One scenario the user can pick: a shipped file, an upload, or a saved variant."""

    id: str
    kind: str  # "shipped" | "uploaded" | "variant"
    scenario: Scenario
    source: str  # file name shown to the user and used for downloads

    @property
    def slug(self) -> str:
        return slug(self.id)

    @property
    def cache_key(self) -> str:
        """The key of its cached runs and checks: the sha256 of the scenario's source texts
        (its bases' included; a tuned scenario's is that of its YAML text), so the same
        content gives the same key at no cost (the YAML text took 0.04 s to write each run)."""
        return self.scenario.sha256

    @functools.cached_property
    def yaml_text(self) -> str:
        """The standalone YAML of the scenario."""
        return scenario.to_yaml(self.scenario.data)

    def label(self, lang: str) -> str:
        word = {"shipped": "", "uploaded": tr("uploaded", lang), "variant": tr("variant", lang)}[
            self.kind
        ]
        title = self.scenario.meta.title(lang)
        return f"{title} · {word}" if word else title


def _load_file(path: str, mtime: float) -> tuple[Scenario | None, list[Problem]]:
    del mtime  # part of the cache key only
    try:
        return scenario.load(path), []
    except ScenarioError as exc:
        return None, exc.problems


_load_file_cached = st.cache_data(show_spinner=False, max_entries=64)(_load_file)


def _files(folder: Path) -> tuple[list[Path], float]:
    """The folder's scenario files (the default first, the template last, the rest by name) and
    the newest modification time among them (a file may extend another: any change in the
    folder invalidates every cached load)."""
    files = sorted(
        folder.glob("*.yaml"),
        key=lambda p: (p.name != DEFAULT_FILE, p.name == TEMPLATE_FILE, p.stem),
    )
    return files, max((p.stat().st_mtime for p in files), default=0.0)


def shipped_entries(
    folder: Path | None = None,
) -> tuple[list[Entry], list[tuple[str, list[Problem]]]]:
    """The readable scenario files in ``folder`` (the default first) and the broken ones."""
    folder = SCENARIO_DIR if folder is None else folder
    entries: list[Entry] = []
    broken: list[tuple[str, list[Problem]]] = []
    files, stamp = _files(folder)
    for path in files:
        s, problems = _load_file_cached(str(path), stamp)
        if s is None:
            broken.append((path.name, problems))
        else:
            entries.append(Entry(f"file:{path.name}", "shipped", s, path.name))
    return entries, broken


def first_entry(others: dict[str, Entry], folder: Path | None = None) -> Entry | None:
    """The entry the sidebar is going to show, found without reading every file, so that the
    page can answer before the sidebar's list is loaded: the chosen upload or variant, or the
    chosen shipped file (the first of the folder when nothing is chosen yet) loaded alone.
    None when it cannot be told without the whole list (the chosen file is gone or broken)."""
    folder = SCENARIO_DIR if folder is None else folder
    choice = st.session_state.get("scenario_choice")
    if isinstance(choice, str) and choice in others:
        return others[choice]
    files, stamp = _files(folder)
    if choice is None:
        path = files[0] if files else None
    else:
        path = next((p for p in files if f"file:{p.name}" == choice), None)
    if path is None:
        return None
    s, _ = _load_file_cached(str(path), stamp)  # the same cached load as shipped_entries'
    return None if s is None else Entry(f"file:{path.name}", "shipped", s, path.name)


# --- runs -------------------------------------------------------------------------------------


@dataclass
class View:
    """What the pages draw from one run, per perspective in :data:`VIEWS`."""

    summaries: dict[str, dict[str, Any]]
    nets: dict[str, np.ndarray]  # (n,) discounted net benefit
    bands: dict[str, dict[str, np.ndarray]]  # cumulative net by year: p5..p95 and mean
    iterations: int
    seed: int
    price_year: int
    horizon: int
    sha256: str


def compute_view(s: Scenario, iterations: int, seed: int) -> View:
    """Run ``s`` and keep the summaries, net arrays and bands both views need."""
    r = engine.run(s, iterations=iterations, seed=seed)
    summaries: dict[str, dict[str, Any]] = {}
    nets: dict[str, np.ndarray] = {}
    bands: dict[str, dict[str, np.ndarray]] = {}
    for persp in VIEWS:
        summaries[persp] = r.summary(persp)
        nets[persp] = r.net(persp)
        bands[persp] = cumulative_bands(r.cumulative_net(persp))
    return View(
        summaries, nets, bands, r.n, r.stamp.seed, s.meta.price_year, s.meta.horizon_years, s.sha256
    )


def _view(key: str, iterations: int, seed: int, _s: Scenario) -> View:
    del key  # the cache key; ``_s`` is the same scenario, already validated
    return compute_view(_s, iterations, seed)


_view_cached = st.cache_data(show_spinner=False, max_entries=32)(_view)


def effective_iterations(s: Scenario, choice: int) -> int:
    """The iterations to run: the choice or the scenario's own, within the dashboard's cap."""
    n = choice or s.meta.iterations
    return max(1, engine.memory.fit(s, min(n, MAX_ITERATIONS)))


class RunFailed(Exception):
    """A scenario that validates but cannot be run (e.g. a division by zero in its inputs)."""


def get_view(entry: Entry, choice: int) -> View:
    """The cached view of ``entry``; a spinner shows if the run takes more than half a second."""
    n = effective_iterations(entry.scenario, choice)
    try:
        with st.spinner(computing(n)):
            return _view_cached(entry.cache_key, n, entry.scenario.meta.seed, entry.scenario)
    except (ValueError, ArithmeticError) as exc:  # engine.TooLarge is a ValueError
        raise RunFailed(str(exc)) from None


def _published(key: str, _s: Scenario) -> dict[str, dict[str, Any]]:
    del key  # the cache key; ``_s`` is the same scenario, already validated
    r = engine.run(_s, published=True)
    return {persp: r.summary(persp) for persp in VIEWS}


_published_cached = st.cache_data(show_spinner=False, max_entries=32)(_published)


def get_published(entry: Entry) -> dict[str, dict[str, Any]] | None:
    """The summaries per perspective in :data:`VIEWS` of ``entry`` run with the figures its
    sources published (central values for the rest, no uncertainty); None if it has none."""
    if not entry.scenario.published:
        return None
    try:
        return _published_cached(entry.cache_key, entry.scenario)
    except (ValueError, ArithmeticError) as exc:
        raise RunFailed(str(exc)) from None


# --- tuned scenarios --------------------------------------------------------------------------


def _check_change(key: str, name: str, spec_json: str, _s: Scenario) -> list[Problem]:
    del key
    try:
        scenario.with_values(_s, {name: json.loads(spec_json)})
    except ScenarioError as exc:
        return exc.problems
    return []


check_change = st.cache_data(show_spinner=False, max_entries=1024)(_check_change)


def _tuned(key: str, changes_json: str, name: str, _s: Scenario) -> Scenario:
    del key
    return scenario.with_values(_s, json.loads(changes_json), name=name)


tuned_scenario = st.cache_data(show_spinner=False, max_entries=64)(_tuned)


def tuned_yaml(original: Entry, tuned: Scenario, changed: list[str], lang: str) -> str:
    """The download: a comment saying where it came from, then the standalone YAML."""
    head = tr(
        "yaml_header",
        lang,
        file=original.source,
        sha=original.scenario.short_hash,
        changed=", ".join(changed) if changed else tr("none", lang),
    )
    data = copy.deepcopy(tuned.data)
    for name in changed:
        before = original.scenario.parameters.get(name)
        after = tuned.parameters.get(name)
        if before is None or after is None:
            continue
        node: Any = data
        for part in after.path:
            node = node[part]
        # the old note justified the old value: say in the file that it was changed
        marks = {k: tr("note_changed", k, was=str(before.dist)) for k in LANG_NAMES}
        old_note = node.get("note")
        if isinstance(old_note, dict):
            node["note"] = {k: f"{marks[k]} {v}" for k, v in old_note.items()}
        else:
            node["note"] = {k: f"{marks[k]} {old_note or ''}".strip() for k in ("sv", "en")}
    return head + scenario.to_yaml(data)
