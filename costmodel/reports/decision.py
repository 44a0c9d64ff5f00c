"""The report's sections on the decision analysis: Känslighet (tornado, switching values,
break-even, value of information), Uppföljning (the inputs worth measuring) and Begränsningar.

The figures are those of :func:`costmodel.views.sensitivity.analyse`, the sentences the
analysis' own (:mod:`costmodel.views.sensitivity`); long rankings print their first
:data:`DOC_ROWS` in Word and HTML, all of them in the spreadsheet.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..scenario import Scenario
from ..scenario.payers import payer_phrase
from ..text import fmt
from ..views import sensitivity as sens
from . import charts
from .cells import amount, money, percent, unit
from .content import Block, Bullets, Column, Figure, Paragraph, Section, Table, text_cell
from .words import w

FOLLOW_UP_MOST = 5
DOC_ROWS = 10  # the longest ranking Word and HTML print (the spreadsheet has all)


def sensitivity(s: Scenario, a: dict[str, Any], central: float, lang: str) -> Section:
    """Tornado (chart and table), switching values, break-even, value of information, error."""
    persp = a["perspective"]
    sw = sens.WORDS
    rows = [
        (sens.input_name(s, r["parameter"], lang), r["low"], r["high"], r["swing"])
        for r in a["tornado"]
    ]
    blocks: list[Block] = []
    if any(swing > 0 for *_, swing in rows):
        blocks.append(
            Figure(
                # inputs that do not move this perspective's net benefit draw no bar
                charts.tornado([(n, lo, hi) for n, lo, hi, sw in rows if sw > 0], central, lang),
                w("chart_tornado", lang, persp=payer_phrase(persp, lang)),
                key="tornado",
            )
        )
    blocks.append(
        Table(
            (
                Column(sw["parameter"][lang]),
                Column(sw["low"][lang], "kr"),
                Column(sw["high"][lang], "kr"),
                Column(sw["swing"][lang], "kr"),
            ),
            tuple(
                (text_cell(n), money(lo, lang), money(hi, lang), money(swing, lang))
                for n, lo, hi, swing in rows
            ),
            caption=sw["tornado"][lang],
            sheet=w("tornado_sheet", lang),
            key="tornado",
            doc_rows=DOC_ROWS,
            doc_note=w("top_rows", lang, n=DOC_ROWS),
        )
    )
    top = [r["parameter"] for r in a["tornado"][:DOC_ROWS]]
    moving = {e["parameter"]: e for e in sens.moving_switching(a)}
    switching = [sens.switching_text(moving[n], s, persp, lang) for n in top if n in moving]
    if switching:
        blocks += [Paragraph(sw["switching"][lang], emphasis=True), Bullets(tuple(switching))]
    blocks += [
        Paragraph(sens.break_even_text(a, lang)),
        Paragraph(sw["voi"][lang], emphasis=True),
        Paragraph(sw["evpi"][lang].format(value=fmt.money(a["evpi"], lang))),
    ]
    shares = {i["parameter"]: i for i in a["importance"]}
    blocks.append(
        Table(
            (
                Column(sw["parameter"][lang]),
                Column(w("col_evppi", lang), "kr"),
                Column(w("col_share", lang), "%"),
            ),
            tuple(
                (
                    text_cell(sens.input_name(s, e["parameter"], lang)),
                    money(e["value"], lang),
                    percent(shares[e["parameter"]]["variance_share"], lang, 1)
                    if e["parameter"] in shares
                    else text_cell("–"),
                )
                for e in a["evppi"]
            ),
            sheet=w("voi_sheet", lang),
            key="voi",
            doc_rows=DOC_ROWS,
            doc_note=w("top_rows", lang, n=DOC_ROWS),
        )
    )
    return Section("sensitivity", w("s_sensitivity", lang), blocks)


def follow_up(s: Scenario, a: dict[str, Any], inputs: dict[str, np.ndarray], lang: str) -> Section:
    """The inputs worth measuring (by EVPPI, or by variance share when no input is worth
    anything to the decision), with the value the calculation assumes today."""
    worth = [e for e in a["evppi"] if e["value"] > 0][:FOLLOW_UP_MOST]
    blocks: list[Block] = [Paragraph(w("follow_intro", lang))]
    if worth:
        ranked = [(e["parameter"], money(e["value"], lang)) for e in worth]
        last = Column(w("col_evppi", lang), "kr")
    else:
        blocks.append(Paragraph(w("follow_by_share", lang)))
        ranked = [
            (i["parameter"], percent(i["variance_share"], lang, 1))
            for i in a["importance"][:FOLLOW_UP_MOST]
        ]
        last = Column(w("col_share", lang), "%")
    rows = []
    for name, value in ranked:
        p = s.parameters[name]
        lo, hi = inputs[name]
        rows.append(
            (
                text_cell(sens.input_name(s, name, lang)),
                amount(p.dist.central(), p, lang),
                amount(lo, p, lang, rounded=True),
                amount(hi, p, lang, rounded=True),
                text_cell(unit(p, lang)),
                value,
            )
        )
    cols = (
        Column(w("col_indicator", lang)),
        Column(w("col_today", lang)),
        Column(w("col_p5", lang)),
        Column(w("col_p95", lang)),
        Column(w("col_unit", lang)),
        last,
    )
    blocks.append(Table(cols, tuple(rows), sheet=w("follow_sheet", lang), key="follow_up"))
    return Section("follow_up", w("s_follow_up", lang), blocks)


def limitations(a: dict[str, Any], lang: str) -> Section:
    items = (
        w("limit_attribution", lang),
        w("limit_small", lang),
        w("limit_left_out", lang),
        f"{w('limit_mc', lang)} {sens.se_text(a, lang)}",
    )
    return Section("limitations", w("s_limitations", lang), [Bullets(items)])
