"""The Swedish templates of what a problem expects: (English pattern, Swedish replacement).

The counterpart of :mod:`.problem_words` for the part after the semicolon
(``file:line: key.path: problem; expected``). The last entry matches formulas, which read the
same in both languages.
"""

from __future__ import annotations

from ..scenario.units import UNITS


def _unit(unit_id: str) -> str:
    """A unit in Swedish ('kr/year' -> 'kr/år'); an unknown id as written."""
    unit = UNITS.get(unit_id)
    return unit.sv if unit else unit_id


EXPECTED: list[tuple[str, object]] = [
    (r"a rank correlation from -1 to 1", "en rangkorrelation från -1 till 1"),
    (
        r"a parameter's dotted name as 'costmodel describe' lists it",
        "en parameters punktade namn som 'costmodel describe' visar det",
    ),
    (r"each parameter once", "varje parameter en gång"),
    (
        r"either the whole value or keys inside it, not both",
        "antingen hela värdet eller nycklar i det, inte båda",
    ),
    (r"each pair once", "varje par en gång"),
    (r"a list, e\.g\. \[a, b\]", "en lista, t.ex. [a, b]"),
    (r"a text", "en text"),
    (r"a mapping of keys and values", "en mappning med nycklar och värden"),
    (r"a whole number", "ett heltal"),
    (r"remove includes from the SIG's own cost", "ta bort includes från SIG:s egen kostnad"),
    (r"all four career_\* parameters, or none", "alla fyra career_*-parametrar, eller ingen"),
    (r"e\.g\. \[sig_cost\.kommun, \.\.\.\]", "t.ex. [sig_cost.kommun, ...]"),
    (
        r"weaker or consistent correlations \(if a moves with b and b with c, a moves with c\)",
        "svagare eller förenliga korrelationer (om a följer b och b följer c, följer a c)",
    ),
    (
        r"the parameters that move together, e\.g\. \[a\.kommun, a\.stat\]",
        "parametrarna som följs åt, t.ex. [a.kommun, a.stat]",
    ),
    (r"one of (.+), e\.g\. (.+)", r"något av \1, t.ex. \2"),
    (r"one of (.+)", r"något av \1"),
    (r"(\{[^}]*\}) or (\{[^}]*\})", r"\1 eller \2"),
    (r"(\{[^}]*\}) or just (\S+)", r"\1 eller bara \2"),
    (
        r"(\{[^}]*\}) \(optionally low:/high: to truncate\)",
        r"\1 (valfritt low:/high: för avkortning)",
    ),
    (r"\{[^}]*\}", r"\g<0>"),
    (r"a whole number of years from 1 to 50", "ett helt antal år från 1 till 50"),
    (r"a whole number of years, at most horizon_years", "ett helt antal år, högst horizon_years"),
    (r"a whole number from 1 to (\d+)", r"ett heltal från 1 till \1"),
    (r"a non-negative whole number", "ett heltal, 0 eller större"),
    (
        r"a price year from (\d+) to (\d+); extend .*",
        r"ett prisår från \1 till \2 "
        r"(senare år kräver KPI från SCB i costmodel/scenario/data/kpi.csv)",
    ),
    (r"a year in the price index table \((.+)\)", r"ett år i KPI-tabellen (\1)"),
    (r"a year from (\d+) to (\d+)", r"ett år från \1 till \2"),
    (
        r"a scenario price year from (\d+) to (\d+), or another price index",
        r"ett prisår för scenariot från \1 till \2, eller ett annat prisindex",
    ),
    (r"one of kpi, pkv", "ett av kpi, pkv"),
    (r"remove price_index", "ta bort price_index"),
    (
        r"values 0 or more \(use a bounded distribution: (.+), or truncate\)",
        r"värden från 0 och uppåt (använd en begränsad fördelning: \1 eller avkorta)",
    ),
    (
        r"values (.+) \(use a bounded distribution: (.+), or truncate\)",
        r"värden \1 (använd en begränsad fördelning: \2 eller avkorta)",
    ),
    (
        r"values (.+) \(use a bounded distribution: (.+)\)",
        r"värden \1 (använd en begränsad fördelning: \2)",
    ),
    (r"values of ordinary size for this parameter", "värden av rimlig storlek för parametern"),
    (r"values 0 or more", "värden från 0 och uppåt"),
    (r"values below (.+)", r"värden under \1"),
    (r"values (.+)", r"värden \1"),
    (
        r"a plain number: write (\S+) \(no spaces, a decimal point, no unit\) or a mapping such as "
        r"(.+)",
        r"ett rent tal: skriv \1 (utan mellanslag, med decimalpunkt, utan enhet) eller en "
        r"fördelning som \2",
    ),
    (
        r"a plain number: write (\S+) \(no spaces, a decimal point, no unit\)",
        r"ett rent tal: skriv \1 (utan mellanslag, med decimalpunkt, utan enhet)",
    ),
    (r"a number or a mapping such as (.+)", r"ett tal eller en fördelning som \1"),
    (r"a number", "ett tal"),
    (r"a positive number", "ett positivt tal"),
    (r"a non-negative number", "ett tal, 0 eller större"),
    (r"e\.g\. (.+)", r"t.ex. \1"),
    (r"keys (.+), e\.g\. (.+)", r"nycklarna \1, t.ex. \2"),
    (r"a parameter '(.+)' under parameters", r"en parameter '\1' under parameters"),
    (r"a parameter '(.+)' in (.+)", r"en parameter '\1' i \2"),
    (
        r"a mapping with label, unit, value and reference",
        "en mappning med label, unit, value och reference",
    ),
    (r"a 'value:' with a number or a distribution", "ett 'value:' med ett tal eller en fördelning"),
    (
        r"a text, \{title: \.\.\., where: \.\.\.\}, or a list of those",
        "en text, {title: ..., where: ...} eller en lista med sådana",
    ),
    (r"a text, or a mapping \{sv: \.\.\., en: \.\.\.\}", "en text, eller {sv: ..., en: ...}"),
    (r"a plain text", "en vanlig text"),
    (
        r"a yearly rate between 0 and 0\.2, e\.g\. (.+)",
        r"en årlig ränta mellan 0 och 0.2, t.ex. \1",
    ),
    (
        r"valid YAML \(check indentation, colons and quotes\)",
        "giltig YAML (kontrollera indrag, kolon och citattecken)",
    ),
    (r"valid YAML", "giltig YAML"),
    (
        r"exactly (\d+) \(one per year; write 0 for a year without cost\), or a single parameter "
        r"for every year",
        r"exakt \1 (ett per år; skriv 0 för ett år utan kostnad), eller en parameter för alla år",
    ),
    (r"a name such as '(.+)'", r"ett namn som '\1'"),
    (r"a name in quotes, e\.g\. '(.+)'", r"ett namn inom citattecken, t.ex. '\1'"),
    (
        r"a path that exists in the file named by 'extends'",
        "en sökväg som finns i filen som 'extends' pekar på",
    ),
    (r"each key once per mapping", "varje nyckel en gång per mappning"),
    (
        r"a scenario with scenario:, method: and parameters:",
        "ett scenario med scenario:, method: och parameters:",
    ),
    (r"a scenario file under 1 MB", "en scenariofil under 1 MB"),
    (r"a scenario file of ordinary size", "en scenariofil av normal storlek"),
    (r"a scenario with ordinary nesting", "ett scenario med normalt djup"),
    (r"a UTF-8 encoded YAML file", "en UTF-8-kodad YAML-fil"),
    (
        r"a UTF-8 encoded YAML file \(save it as UTF-8\)",
        "en UTF-8-kodad YAML-fil (spara den som UTF-8)",
    ),
    (r"a regular YAML file", "en vanlig YAML-fil"),
    (
        r"text without control characters \(is it a binary file\?\)",
        "text utan styrtecken (är det en binärfil?)",
    ),
    (r"plain text without control characters", "vanlig text utan styrtecken"),
    (
        r"use 'extends:' and 'overrides:' instead",
        "använd 'extends:' och 'overrides:' i stället",
    ),
    (r"'extends: base\.yaml' next to 'overrides'", "'extends: base.yaml' bredvid 'overrides'"),
    (
        r"keys are words such as 'value' or 'label'",
        "nycklar är ord som 'value' eller 'label'",
    ),
    (
        r"fix the problems above and check the file again",
        "rätta problemen ovan och granska filen igen",
    ),
    (r"sd at most (.+) × mean", r"sd högst \1 × medelvärdet"),
    (r"high at most (.+) × low, or shape: normal", r"high högst \1 × low, eller shape: normal"),
    (
        r"shape at least 1 \(sd at most the mean\); for a wider spread, a lognormal",
        "shape minst 1 (sd högst medelvärdet); för större spridning en lognormalfördelning",
    ),
    (
        r"a lambda above 0 and at most (.+) \(4 is usual\)",
        r"en lambda över 0 och högst \1 (4 är vanligt)",
    ),
    (
        r"at most (\d+) files, each extending the next",
        r"högst \1 filer, där varje fil bygger på nästa",
    ),
    (r"an existing, readable YAML file", "en befintlig, läsbar YAML-fil"),
    (
        r"a 'scenario:' section with name, price_year, horizon_years, discount_rate",
        "en 'scenario:'-del med name, price_year, horizon_years, discount_rate",
    ),
    (r"a 'parameters:' section", "en 'parameters:'-del"),
    (r"add '(.+)', or remove '(.+)'", r"lägg till '\1' eller ta bort '\2'"),
    (r"a central value within the range", "ett centralvärde inom intervallet"),
    (r"a chain of bases without cycles", "en kedja av grundfiler utan cirklar"),
    (r"a file next to (.+)", r"en fil bredvid \1"),
    (r"an index of an existing list item", "ett index för ett befintligt element"),
    (r"at most 12 months", "högst 12 månader"),
    (r"a length above 0 in every draw", "en längd över 0 i varje dragning"),
    (
        r"one line of at most (\d+) characters \(a longer text belongs in description or note\)",
        r"en rad på högst \1 tecken (en längre text hör hemma i description eller note)",
    ),
    (r"at most (\d+) characters", r"högst \1 tecken"),
    (
        r"a mapping from payer \((.+)\) to a parameter, or to a list with one parameter per year",
        r"en mappning från betalare (\1) till en parameter, eller till en lista med en "
        r"parameter per år",
    ),
    (
        r"one entry per placement type \(sis, hvb, \.\.\.\)",
        "en post per placeringstyp (sis, hvb, ...)",
    ),
    (r"one entry per offence type", "en post per brottstyp"),
    (r"a length of at least 1 day in every draw", "en längd på minst ett dygn i varje dragning"),
    (
        r"parameters of ordinary size: check the largest and smallest amounts and spreads",
        "parametrar av rimlig storlek: se över de största och minsta beloppen och spridningarna",
    ),
    (
        r"0, or at least (\S+) (\S+) \(a smaller amount is rounding noise, and the benefit per "
        r"krona would divide by it\)",
        lambda m: (
            f"0, eller minst {m.group(1)} {_unit(m.group(2))} (ett mindre belopp är "
            "avrundningsbrus, och nyttan per satsad krona skulle delas med det)"
        ),
    ),
    (
        r"a horizon long enough for the whole follow-up",
        "en tidshorisont som rymmer hela uppföljningen",
    ),
    (r"remove price_year, or use a kr unit", "ta bort price_year, eller använd en kr-enhet"),
    (r"remove cashable, or use a kr unit", "ta bort cashable, eller använd en kr-enhet"),
    (r"remove includes, or use a kr unit", "ta bort includes, eller använd en kr-enhet"),
    (
        r"each consequence in one cost line of the same event",
        "varje följd i en enda kostnadsrad för samma händelse",
    ),
    (r"leave placements out of the offence's cost", "räkna inte placeringar i brottets kostnad"),
    (r"a share of the cost from 0 to 1", "en andel av kostnaden från 0 till 1"),
    (r"remove it, or use method: cohort", "ta bort den, eller använd method: cohort"),
    (r"intake_years <= horizon_years", "intake_years <= horizon_years"),
    (r"plain values without '!' tags", "vanliga värden utan '!'-taggar"),
    (
        r"sig_cost \(per year\), sig_cost_per_youth, or both",
        "sig_cost (per år), sig_cost_per_youth eller båda",
    ),
    (
        r"one parameter per year of the horizon, or a single parameter",
        "en parameter per år i tidshorisonten, eller en enda parameter",
    ),
    (r"letters, digits, _ and -, e\.g\. (.+)", r"bokstäver, siffror, _ och -, t.ex. \1"),
    (
        r"low/high around the mean, or another distribution",
        "low/high runt medelvärdet, eller en annan fördelning",
    ),
    (r"low > 0, or shape: normal", "low > 0, eller shape: normal"),
    (r"numbers of ordinary size, e\.g\. (.+)", r"tal av normal storlek, t.ex. \1"),
    (r"a plain number or text", "ett tal eller en text"),
    (
        r"a path into scenario, method or parameters",
        "en sökväg in i scenario, method eller parameters",
    ),
    (r"a \[index\] only after a list", "[index] bara efter en lista"),
    (r"the base scenario's file name, e\.g\. (.+)", r"grundscenariots filnamn, t.ex. \1"),
    (r"(.+) and a label", r"\1 och en label"),
    (r"lognormal or normal", "lognormal eller normal"),
    (r"[\w\s<=>.·()²−,-]+", r"\g<0>"),  # formulas such as 'low <= mode <= high' stay as written
]
