"""Small display helpers shared by the sidebar and the pages.

- text: :func:`md` (scenario text escaped for markdown), :func:`slug` (key- and CSS-safe
  names), :func:`current_lang`, :func:`problem_lines` (scenario problems as readable lines);
- amounts: :func:`kpi_money`, :func:`signed`, :func:`metric_delta`, :func:`interval_text`;
- widgets: :func:`initial_index` (``index=`` of a keyed widget), :func:`kpi_cards` (the KPI
  cards of Översikt and Anpassa, the changes from :func:`costmodel.analysis.compare.change`;
  a page may put its own :class:`Card` s first instead of the net benefit), :func:`plot` (a
  plotly chart, configured the same way everywhere), :func:`persp_label`.

Nothing here knows about entries, runs or pages.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import streamlit as st

from ..analysis.compare import change, money_stats
from ..errors import Problem
from ..text import fmt, messages
from .words import LANG_NAMES, count_words, tr, years

MINUS = {"sv": "\u2212", "en": "-"}


# --- text -------------------------------------------------------------------------------------


# links and images need [ ] and !; code spans and emphasis need ` and *; \ escapes them all
_MD_SPECIAL = re.compile(r"([\\`*\[\]!])")


def md(text: object) -> str:
    """Text from a scenario or an upload, escaped so Streamlit's markdown shows it literally.

    Without this a scenario name like ``![x](http://host/pixel.png)`` would make the browser
    fetch from another host; the dashboard promises that nothing leaves this computer.
    """
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def slug(text: str) -> str:
    """A key- and CSS-safe form of ``text``: lower-case letters, digits and underscores."""
    folded = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", folded).strip("_") or "x"


def current_lang() -> str:
    lang = st.session_state.get("lang", "sv")
    return lang if lang in LANG_NAMES else "sv"


def computing(n: int) -> str:
    """The spinner's text while ``n`` iterations run: 'Räknar 200 000 simuleringar …'."""
    lang = current_lang()
    return tr("computing", lang, n=fmt.number(n, lang))


def problem_lines(problems: list[Problem], lang: str, located: bool = True) -> list[str]:
    """One readable line per problem: 'rad 12 · key.path: message (förväntat: ...)'.

    With ``located=False`` (an edit made in the page, not a file the user wrote) the line and
    path are left out; only the field of the distribution (low, mode, ...) is named.
    """
    out = []
    for p in problems:
        message, expected = (md(t) for t in messages.localize(p, lang))
        exp = f" ({tr('expected', lang)}: {expected})" if expected else ""
        if located:
            where = tr("problem_line", lang, line=p.line) if p.line else md(p.file)
            key = f" · `{p.path.replace('`', '')}`" if p.path else ""
            out.append(f"{where}{key}: {message}{exp}")
        else:
            _, sep, field = p.path.rpartition(".value.")
            field = field if sep else ""
            out.append(f"{md(field) + ': ' if field else ''}{message}{exp}")
    return out


# --- amounts ----------------------------------------------------------------------------------


def kpi_money(x: float | None, lang: str) -> str:
    """KPI amounts in millions: '1,8 mnkr'; under a million with two decimals ('0,21 mnkr')."""
    if x is None:
        return "–"
    return fmt.mkr(x, lang, 1 if abs(x) >= 1e6 else 2)


def metric_delta(x: float, text: Callable[[float], str], lang: str = "sv") -> str | None:
    """A delta for st.metric, or None (no arrow) when the change rounds to zero as shown;
    Swedish writes the minus sign (U+2212), so :func:`delta_kw` sets the arrow itself."""
    return None if text(abs(x)) == text(0.0) else signed(x, text, minus=MINUS[lang])


def delta_kw(delta: str | None, inverse: bool = False) -> dict[str, Any]:
    """``delta``, ``delta_color`` and ``delta_arrow`` for st.metric: the arrow and colour from
    the delta's sign, whichever minus it is written with (Streamlit only knows '-'); a rise is
    green (red with ``inverse``: a cost or a later year), and the sign and arrow say it too."""
    if delta is None:
        return {"delta": None}
    down = delta[:1] in ("-", "\u2212")
    good = down if inverse else not down
    return {
        "delta": delta,
        "delta_color": "green" if good else "red",
        "delta_arrow": "down" if down else "up",
    }


def signed(x: float, text: Callable[[float], str], minus: str = "-") -> str:
    """A signed change: '+0,3 mnkr' or '−0,3 mnkr' (Swedish passes the minus sign U+2212)."""
    return (minus if x < 0 else "+") + text(abs(x))


def pp_text(x: float, lang: str, decimals: int = 0) -> str:
    """A change in percentage points: '1 procentenhet', '2 procentenheter' (x ≥ 0)."""
    text = fmt.number(x, lang, decimals)
    return count_words("pp", 1 if text == "1" else 2, lang, x=text)


def interval_text(p5: float, p95: float, lang: str) -> str:
    """The caption under a net-benefit KPI: '90 % intervall: −0,15 mnkr till 3,5 mnkr'."""
    return tr("kpi_interval", lang, low=kpi_money(p5, lang), high=kpi_money(p95, lang))


# --- widgets ----------------------------------------------------------------------------------


def initial_index(key: str, options: list[Any], value: Any) -> int:
    """``index=`` for a keyed widget: the wanted option on first creation, else 0 (the state
    already holds the choice; a non-zero index would make Streamlit warn about it)."""
    if key in st.session_state or value not in options:
        return 0
    return options.index(value)


@dataclass(frozen=True)
class Card:
    """One KPI card in words: its key (the container's is ``kpi_<key><suffix>``), the label,
    the value, the help behind the label, the caption lines and the change (None: no arrow)."""

    key: str
    label: str
    value: str
    help: str
    captions: tuple[str, ...]
    delta: str | None = None


def net_card(summary: dict[str, Any], lang: str, delta: str | None = None) -> Card:
    """The expected net benefit of ``summary`` with its 90 % interval."""
    net = summary["net_benefit"]
    return Card(
        "net",
        tr("kpi_net", lang),
        kpi_money(net["mean"], lang),
        tr("kpi_net_help", lang),
        (interval_text(net["p5"], net["p95"], lang),),
        delta,
    )


def kpi_cards(
    summary: dict[str, Any],
    lang: str,
    ref: dict[str, Any] | None = None,
    key: str = "",
    lead: Sequence[Card] = (),
) -> None:
    """The KPI cards, in a container keyed ``kpi_cards<key>``: the net benefit (or, if given,
    the ``lead`` cards in its place), the chance it pays off, the cost per youth and the
    break-even year; one row of four, or with more than one lead card those in a row of their
    own above the other three. With ``ref`` the standard cards show their change against the
    reference run."""
    prob = summary["probability_net_benefit_positive"]
    cpy = summary.get("cost_per_youth")
    be = summary.get("break_even_year")
    h = summary["horizon_years"]
    d_net = d_prob = d_cpy = d_be = None
    if ref is not None:
        diff = change(money_stats(summary), money_stats(ref))
        d_net = metric_delta(diff["net"], lambda x: kpi_money(x, lang), lang)
        d_prob = metric_delta(diff["prob_pp"], lambda x: pp_text(x, lang, 0), lang)
        if diff["cpy"] is not None:
            d_cpy = metric_delta(diff["cpy"], lambda x: kpi_money(x, lang), lang)
        if diff["be"]:  # None when either never breaks even, 0 when the year is the same
            d_be = metric_delta(diff["be"], lambda x: fmt.years(round(x), lang), lang)
    cards = list(lead) or [net_card(summary, lang, d_net)]
    box = st.container(key=f"kpi_cards{key}")
    if len(cards) == 1:
        *firsts, c2, c3, c4 = box.columns(4, gap="small")
    else:  # the money cards side by side above the others: five in a row would cut words off
        firsts = box.columns(len(cards), gap="small")
        c2, c3, c4 = box.columns(3, gap="small")
    for col, card in zip(firsts, cards, strict=True):
        with col.container(border=True, key=f"kpi_{card.key}{key}", height="stretch"):
            st.metric(card.label, card.value, **delta_kw(card.delta), help=card.help)
            st.caption("  \n".join(card.captions))  # one line each, no gap between them
    with c2.container(border=True, key=f"kpi_prob{key}", height="stretch"):
        st.metric(
            tr("kpi_prob", lang),
            fmt.percent(prob, lang),
            **delta_kw(d_prob),
            help=tr("kpi_prob_help", lang),
        )
        st.caption(tr("kpi_prob_caption", lang, n=fmt.number(summary["iterations"], lang)))
    with c3.container(border=True, key=f"kpi_cpy{key}", height="stretch"):
        st.metric(
            tr("kpi_cpy", lang),
            kpi_money(cpy, lang),
            **delta_kw(d_cpy, inverse=True),
            help=tr("kpi_cpy_help", lang),
        )
        youths = summary.get("youths")
        st.caption(
            tr("kpi_cpy_caption", lang, youths=fmt.number(youths, lang, 1))
            if youths
            else tr("kpi_cpy_missing", lang)
        )
    if h <= 1:  # 'from year 1' within a one-year horizon says nothing: the bad tail does
        p5 = summary["net_benefit"]["p5"]
        with c4.container(border=True, key=f"kpi_worst{key}", height="stretch"):
            st.metric(tr("kpi_worst", lang), kpi_money(p5, lang), help=tr("kpi_worst_help", lang))
            st.caption(tr("kpi_worst_caption", lang))
        return
    with c4.container(border=True, key=f"kpi_be{key}", height="stretch"):
        st.metric(
            tr("kpi_be", lang),
            tr("kpi_be_value", lang, year=be)
            if be
            else tr("kpi_be_never_short", lang, h=years(h, lang)),
            **delta_kw(d_be, inverse=True),
            help=tr("kpi_be_help", lang),
        )
        st.caption(
            tr("kpi_be_caption", lang, h=years(h, lang)) if be else tr("kpi_be_never_caption", lang)
        )


def plot(fig: Any, key: str, filename: str | None = None, alt: str | None = None) -> None:
    """A plotly chart: its camera button saves ``filename``.png in the browser (the name
    carries the scenario and its stamp), ``alt`` is its text alternative for screen readers."""
    st.plotly_chart(
        fig,
        key=key,
        theme=None,
        config={
            "displaylogo": False,
            "responsive": True,
            "modeBarButtonsToRemove": ["lasso2d", "select2d"],
            "toImageButtonOptions": {
                "format": st.session_state.get("image_format", "png"),
                "filename": filename or key,
                "scale": 2,
            },
        },
        alt=alt,
    )


def persp_label(persp: str, lang: str) -> str:
    return tr(f"view_{persp}", lang)
