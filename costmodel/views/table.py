"""Plain-text and CSV views of a run's summary, for the CLI (Swedish by default)."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from ..errors import printable
from ..scenario.payers import payer_label, payer_phrase
from ..scenario.slots import METHOD_LABELS
from ..text import fmt
from ..text.i18n import t

if TYPE_CHECKING:
    from ..scenario import Scenario


# the amounts of a summary, in the order the table (and a report's key figures) show them
MONEY_ROWS = ("net_benefit", "budget_net_benefit", "net_benefit_undiscounted", "costs", "benefits")


def _table(rows: list[list[str]], align_right_from: int = 1) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for k, r in enumerate(rows):
        cells = [
            c.ljust(w) if i < align_right_from else c.rjust(w)
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def headline(s: dict[str, Any], lang: str = "sv") -> str:
    """One plain sentence with the result and its uncertainty."""
    net = s["net_benefit"]
    persp = payer_phrase(s["perspective"], lang)
    if s["deterministic"]:
        key = "sentence_published" if s.get("published") else "sentence_deterministic"
        return t(key, lang).format(persp_lower=persp, mean=fmt.money(net["mean"], lang))
    key = "sentence_costs" if net["mean"] < 0 else "sentence_pays"
    return t(key, lang).format(
        persp_lower=persp,
        mean=fmt.money(net["mean"], lang),
        cost=fmt.money(-net["mean"], lang),
        low=fmt.money(net["p5"], lang),
        high=fmt.money(net["p95"], lang),
        prob=fmt.percent(s["probability_net_benefit_positive"], lang),
    )


def stamp_lines(s: dict[str, Any], lang: str = "sv") -> list[str]:
    mode = (
        t("published", lang)
        if s.get("published")
        else t("deterministic", lang)
        if s["deterministic"]
        else f"{t('iterations', lang)} {fmt.number(s['iterations'], lang)}, "
        f"{t('seed', lang).lower()} {s['seed']}"
    )
    return [
        f"{t('method', lang)}: {METHOD_LABELS[s['method']][lang]} | "
        f"{t('perspective', lang)}: {payer_label(s['perspective'], lang)} | "
        f"{t('price_year', lang)} {s['price_year']} | "
        f"{t('horizon', lang)} {fmt.years(s['horizon_years'], lang)} | "
        f"{t('discount_rate', lang)} {fmt.percent(s['discount_rate'], lang, 1)}",
        f"{mode} | {t('version', lang)} {s['version']} | {printable(s['file'])} "
        f"(sha256 {s['scenario_sha256'][:12]})",
    ]


def render_table(s: dict[str, Any], lang: str = "sv") -> str:
    det = bool(s["deterministic"])
    cols = ("mean",) if det else ("mean", "p5", "p50", "p95")
    title = s.get("scenario_en", s["scenario"]) if lang == "en" else s["scenario"]
    out = [title, *stamp_lines(s, lang), ""]
    head = [t("measure", lang)] + ([t("value", lang)] if det else [t(c, lang) for c in cols])
    rows = [head]
    for key in MONEY_ROWS:
        rows.append([t(key, lang), *(fmt.money(s[key][c], lang) for c in cols)])
    r = s["benefit_cost_ratio"]
    rows.append([t("benefit_cost_ratio", lang), *(fmt.ratio(r[c], lang) for c in cols)])
    out.append(_table(rows))
    out.append("")
    be = s["break_even_year"]
    facts = []
    if not det:
        facts += [
            (t("ratio_of_means", lang), fmt.ratio(s["benefit_cost_ratio_of_means"], lang)),
            (
                t("probability_positive", lang),
                fmt.percent(s["probability_net_benefit_positive"], lang),
            ),
            (t("mcse", lang), fmt.money(s["monte_carlo_standard_error"], lang)),
        ]
    facts.append((t("break_even_year", lang), str(be) if be else t("never", lang)))
    if s.get("cost_per_youth") is not None:
        facts.append((t("cost_per_youth", lang), fmt.money(s["cost_per_youth"], lang)))
    width = max(len(k) for k, _ in facts)
    out += [f"{k.ljust(width)}  {v}" for k, v in facts]
    out += ["", headline(s, lang), "", t("by_payer", lang)]
    spread = [] if det else ["p5", "p95"]
    centre = t("value" if det else "mean", lang)
    rows = [
        [t("payer", lang), centre, *(t(c, lang) for c in spread)]
        + [t("budget", lang), t("non_cash", lang)]
        + ([] if det else [t("probability_positive", lang)])
    ]
    for payer, d in s["by_payer"].items():
        nb = d["net_benefit"]
        rows.append(
            [
                payer_label(payer, lang),
                fmt.money(nb["mean"], lang),
                *(fmt.money(nb[c], lang) for c in spread),
                fmt.money(d["budget"], lang),
                f"{fmt.money(d['non_cash'], lang)} ({t('non_cash_' + d['non_cash_kind'], lang)})",
            ]
            + ([] if det else [fmt.percent(d["probability_net_benefit_positive"], lang)])
        )
    out += [
        _table(rows),
        "",
        f"{t('by_category', lang)} ({payer_label(s['perspective'], lang).lower()})",
    ]
    rows = [[t("category", lang), t("kind", lang), centre, *(t(c, lang) for c in spread)]]
    for d in s["by_category"].values():
        rows.append(
            [
                d["label"][lang],
                t("kind_" + d["kind"], lang),
                fmt.money(d["mean"], lang),
                *(fmt.money(d[c], lang) for c in spread),
            ]
        )
    out += [
        _table(rows, 2),
        "",
        f"{t('by_year', lang)} ({payer_label(s['perspective'], lang).lower()})",
    ]
    rows = [
        [
            t("year", lang),
            t("costs", lang),
            t("benefits", lang),
            t("net_benefit", lang),
            t("cumulative", lang),
        ]
    ]
    for y in s["by_year"]:
        rows.append(
            [
                str(y["year"]),
                fmt.money(y["costs"], lang),
                fmt.money(y["benefits"], lang),
                fmt.money(y["net_benefit"]["mean"], lang),
                fmt.money(y["cumulative_net_benefit"]["mean"], lang),
            ]
        )
    out.append(_table(rows))
    return "\n".join(out) + "\n"


def render_csv(s: dict[str, Any]) -> str:
    """Long-format CSV (English keys, plain numbers) for spreadsheets."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["section", "key", "statistic", "value"])
    for k in (
        "scenario",
        "file",
        "scenario_sha256",
        "method",
        "version",
        "iterations",
        "seed",
        "deterministic",
        "published",
        "price_year",
        "discount_rate",
        "horizon_years",
        "perspective",
    ):
        w.writerow(["meta", k, "", printable(s[k]) if k == "file" else s[k]])
    for k in (
        "net_benefit",
        "budget_net_benefit",
        "net_benefit_undiscounted",
        "costs",
        "benefits",
        "benefit_cost_ratio",
    ):
        for stat, v in s[k].items():
            w.writerow(["total", k, stat, v])
    for k in (
        "probability_net_benefit_positive",
        "monte_carlo_standard_error",
        "break_even_year",
        "cost_per_youth",
    ):
        w.writerow(["total", k, "", s[k]])
    for payer, d in s["by_payer"].items():
        for stat, v in d["net_benefit"].items():
            w.writerow(["by_payer", payer, f"net_benefit_{stat}", v])
        w.writerow(
            [
                "by_payer",
                payer,
                "probability_net_benefit_positive",
                d["probability_net_benefit_positive"],
            ]
        )
        w.writerow(["by_payer", payer, "budget_mean", d["budget"]])
        w.writerow(["by_payer", payer, f"non_cash_{d['non_cash_kind']}_mean", d["non_cash"]])
    for cat, d in s["by_category"].items():
        for stat in ("mean", "p5", "p50", "p95"):
            w.writerow(["by_category", cat, f"{d['kind']}_{stat}", d[stat]])
    for y in s["by_year"]:
        w.writerow(["by_year", y["year"], "costs_mean", y["costs"]])
        w.writerow(["by_year", y["year"], "benefits_mean", y["benefits"]])
        for stat, v in y["net_benefit"].items():
            w.writerow(["by_year", y["year"], f"net_benefit_{stat}", v])
        for stat, v in y["cumulative_net_benefit"].items():
            w.writerow(["by_year", y["year"], f"cumulative_net_benefit_{stat}", v])
    return buf.getvalue()


def render_parameters(s: Scenario, lang: str = "sv") -> str:
    """Every parameter with its unit, distribution, central value and sources."""
    from ..scenario.payers import payer_label

    head = {
        "sv": ["Parameter", "Betalare", "Enhet", "Fördelning", "Centralt", "Publicerat", "Medel"],
        "en": ["Parameter", "Payer", "Unit", "Distribution", "Central", "Published", "Mean"],
    }[lang]
    rows = [head]
    for p in s.parameters.values():
        unit = p.unit.sv if lang == "sv" else p.unit.en
        if p.price_year:
            unit += f" ({p.price_year})"
        rows.append(
            [
                p.name,
                payer_label(p.payer, lang) if p.payer else "",
                unit,
                str(p.dist),
                fmt.compact(p.dist.central(), lang),
                "" if p.published is None else fmt.compact(p.published, lang),
                fmt.compact(p.dist.mean(), lang),
            ]
        )
    out = [
        s.meta.name,
        f"{t('method', lang)}: {s.method_label(lang)} | {printable(s.file)} "
        f"(sha256 {s.short_hash})",
        "",
        _table(rows, 4),
        "",
    ]
    src = {"sv": "Källor och motiveringar", "en": "Sources and notes"}[lang]
    out.append(src)
    for p in s.parameters.values():
        out.append(f"- {p.name}: {p.text(lang)}")
        for r in p.references:
            out.append(f"    källa: {r}" if lang == "sv" else f"    source: {r}")
        if p.note:
            out.append(f"    {p.note_text(lang)}")
    if s.correlations:
        out += ["", {"sv": "Samvarierande antaganden", "en": "Inputs that move together"}[lang]]
        for c in s.correlations:
            word = {"sv": "rangkorrelation", "en": "rank correlation"}[lang]
            out.append(f"- {', '.join(c.names)}: {word} {fmt.number(c.rank, lang, 2)}")
            for source in c.sources:
                out.append(f"    källa: {source}" if lang == "sv" else f"    source: {source}")
            if c.note:
                out.append(f"    {c.note[lang]}")
    return "\n".join(out) + "\n"
