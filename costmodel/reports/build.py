"""Build a report's content once (:func:`build`): run the scenario, take the decision analysis,
and lay out the sections as data (:mod:`.content`) for every writer.

Nothing is computed here that the engine or the analysis already gives: the figures are
:meth:`costmodel.engine.Results.summary` (the same as ``costmodel run`` with the same seed and
iterations) and :func:`costmodel.views.sensitivity.analyse` (as ``costmodel sensitivity``); the
sentences are the CLI's (:func:`costmodel.views.table.headline`, the analysis' sentences).
The sections are Sammanfattning, Bakgrund och syfte, Metod and Reproducerbarhet here, and the
rest in :mod:`.sections`.
"""

from __future__ import annotations

import datetime
from typing import Any

import numpy as np

from .. import engine
from ..scenario import Scenario
from ..scenario.payers import SOCIETY, payer_label, payer_phrase
from ..text import fmt
from ..text.i18n import t
from ..views import figures
from ..views.sensitivity import analyse, input_name
from ..views.table import headline
from . import decision, sections
from .cells import describe_value
from .content import Cell, Column, Paragraph, Report, Section, Table, text_cell
from .words import w


def changes(tuned: Scenario, original: Scenario, lang: str) -> Table:
    """The parameters a tuned variant changed, before and after, as a table (a sheet of its
    own in the spreadsheet)."""
    rows = []
    for name, p in tuned.parameters.items():
        before = original.parameters.get(name)
        if before is None or before.dist != p.dist:
            rows.append(
                (
                    text_cell(input_name(tuned, name, lang)),
                    text_cell(describe_value(before, lang) if before is not None else "–"),
                    text_cell(describe_value(p, lang)),
                )
            )
    cols = (
        Column(w("col_assumption", lang)),
        Column(w("col_before", lang)),
        Column(w("col_after", lang)),
    )
    return Table(cols, tuple(rows), sheet=w("changes_sheet", lang), key="changes")


def summary_paragraphs(summary: dict[str, Any], society: dict[str, Any], lang: str) -> list[str]:
    """Sammanfattning in two or three sentences: the CLI's headline (the result, its 90 %
    range and the probability that SIG pays off) and who gains, per payer."""
    gains = [
        f"{payer_phrase(payer, lang)} {fmt.money(d['net_benefit']['mean'], lang)}"
        for payer, d in society["by_payer"].items()
        if payer != SOCIETY
    ]
    text = [headline(summary, lang)]
    if len(gains) > 1:  # with one payer the headline has said it
        text.append(w("who_gains", lang, items=", ".join(gains)))
    return text


def summary_text(title: str, summary: dict[str, Any], society: dict[str, Any], lang: str) -> str:
    """The summary as plain text to paste ("Kopiera sammanfattning")."""
    return "\n\n".join([title, *summary_paragraphs(summary, society, lang)])


def _summary(summary: dict[str, Any], society: dict[str, Any], lang: str) -> Section:
    text = summary_paragraphs(summary, society, lang)
    return Section(
        "summary",
        w("s_summary", lang),
        [Paragraph(text[0], emphasis=True), *(Paragraph(x) for x in text[1:])],
    )


def _background(s: Scenario, original: Scenario | None, original_file: str, lang: str) -> Section:
    where = w("where", lang, kommun=s.meta.kommun) if s.meta.kommun else ""
    blocks: list[Any] = [Paragraph(s.meta.about(lang)), Paragraph(w("purpose", lang, where=where))]
    if original is not None:
        changed = changes(s, original, lang)
        blocks += [
            Paragraph(w("changes", lang, file=original_file, n=len(changed.rows))),
            changed,
        ]
    if s.notes:
        blocks.append(Paragraph(w("notes", lang, notes=s.notes)))
    return Section("background", w("s_background", lang), blocks)


def _method(s: Scenario, summary: dict[str, Any], lang: str) -> Section:
    m = s.meta
    source = m.discount_source(lang).strip().rstrip(".")
    blocks = [
        Paragraph(
            w(
                "method_used",
                lang,
                method=s.method_label(lang),
                persp=payer_phrase(summary["perspective"], lang),
                year=m.price_year,
            )
        ),
        Paragraph(w("monte_carlo", lang, n=fmt.number(summary["iterations"], lang))),
        Paragraph(
            w(
                "discounting",
                lang,
                horizon=m.horizon_years,
                rate=fmt.percent(m.discount_rate, lang, 1),
                source=source,
            )
            if m.horizon_years > 1 and m.discount_rate > 0
            else w("zero_rate", lang, horizon=m.horizon_years, source=source)
            if m.horizon_years > 1
            else w("no_discounting", lang)
        ),
    ]
    return Section("method", w("s_method", lang), list(blocks))


def _reproducibility(
    summary: dict[str, Any], file: str, numpy_version: str, date: datetime.date, lang: str
) -> Section:
    facts = [
        ("r_file", file),
        ("r_hash", summary["scenario_sha256"]),
        ("r_seed", summary["seed"]),
        ("r_iterations", summary["iterations"]),
        ("r_perspective", payer_label(summary["perspective"], lang)),
        ("r_version", summary["version"]),
        ("r_numpy", numpy_version),
        ("r_date", date.isoformat()),
    ]
    rows = tuple(
        (
            text_cell(w(key, lang)),
            Cell(fmt.number(value, lang), value, "number")
            if key == "r_iterations"
            else Cell(str(value), value, "integer")
            if key == "r_seed"
            else text_cell(str(value)),
        )
        for key, value in facts
    )
    command = (
        f"costmodel report {file} --seed {summary['seed']} --iterations "
        f"{summary['iterations']} --perspective {summary['perspective']} --lang {lang}"
    )
    table = Table(
        (Column(w("col_fact", lang)), Column(t("value", lang))),
        rows,
        sheet=w("about_sheet", lang),
        key="about",
    )
    return Section(
        "reproducibility",
        w("s_reproducibility", lang),
        [Paragraph(w("repro_intro", lang)), Paragraph(command, code=True), table],
    )


def build(
    s: Scenario,
    *,
    lang: str = "sv",
    perspective: str | None = None,
    iterations: int | None = None,
    seed: int | None = None,
    date: datetime.date | None = None,
    original: Scenario | None = None,
    file: str | None = None,
) -> Report:
    """The report of ``s``: one Monte Carlo run (the scenario's iterations and seed unless
    given), its summary in ``perspective`` and the decision analysis, in ``lang``. With
    ``original``, the report is of a tuned variant and lists its changes."""
    date = date or datetime.date.today()
    file = file or s.file
    results = engine.run(s, iterations=iterations, seed=seed)
    persp = perspective or s.meta.perspective
    summary = results.summary(persp)
    figures.check(summary, s, results)  # a non-finite or absurd result is a user error
    society = summary if persp == SOCIETY else results.summary(SOCIETY)
    analysis = analyse(results, s, persp)
    figures.check_finite(analysis, s)
    central = float(engine.run(s, deterministic=True).net(persp)[0])
    inputs = {
        name: np.percentile(x, [5, 95]) / s.parameters[name].scale
        for name, x in results.inputs.items()
    }
    title = s.meta.title(lang)
    subtitle = w("title", lang) + (
        w("tuned_title", lang, name=original.meta.title(lang)) if original is not None else ""
    )
    parts = [
        _summary(summary, society, lang),
        _background(s, original, original.file if original else "", lang),
        _method(s, summary, lang),
        sections.assumptions(s, inputs, lang),
        sections.results(results, summary, society, lang),
        decision.sensitivity(s, analysis, central, lang),
        decision.follow_up(s, analysis, inputs, lang),
        decision.limitations(analysis, lang),
        _reproducibility(summary, file, results.stamp.numpy_version, date, lang),
    ]
    return Report(
        title=title,
        subtitle=subtitle,
        lang=lang,
        date=date,
        sections=parts,
        summary_text=summary_text(title, summary, society, lang),
        keywords=f"{file} sha256 {s.sha256}",
    )
