"""The Swedish templates of scenario problems: (English pattern, Swedish replacement).

:mod:`costmodel.text.messages` tries :data:`MESSAGES` on a problem's message and
:data:`EXPECTED` on what is expected, in order; the whole text must match. A pattern is a
regular expression over the English text the validator writes; a replacement is a template
(``\\1``) or a function of the match.
"""

from __future__ import annotations

import re

from ..scenario.units import UNITS

_WHAT = {
    "a share": "en andel",
    "a probability": "en sannolikhet",
}

_KINDS = {
    "method": "metod",
    "perspective": "perspektiv",
    "unit": "enhet",
    "payer": "betalare",
    "distribution": "fördelning",
    "shape": "form",
}


_PLACES = {
    "a parameter": "en parameter",
    "the scenario file": "scenariofilen",
    "a reference": "en källhänvisning",
    "a text": "en text",
    "scenario": "scenario",
    "discount_rate": "discount_rate",
}


def _where(place: str) -> str:
    if place in _PLACES:
        return _PLACES[place]
    m = re.fullmatch(r"parameters of method '(.+)'", place)
    if m:
        return f"parametrarna för metoden '{m.group(1)}'"
    m = re.fullmatch(r"(.+) entry", place)
    return f"en post i {m.group(1)}" if m else place


def _impossible(m: re.Match[str]) -> str:
    noun = "värdet" if m.group(1) == "value" else "fördelningen"
    what = m.group(3)
    if what in _WHAT:
        what = _WHAT[what]
    elif what.startswith("a value in "):
        unit_id = what.removeprefix("a value in ")
        what = "ett värde i " + (UNITS[unit_id].sv if unit_id in UNITS else unit_id)
    return f"{noun} tillåter {m.group(2)}, vilket är omöjligt för {what}"


# (English template, Swedish replacement); tried in order, the whole text must match
MESSAGES: list[tuple[str, object]] = [
    (r"missing", "saknas"),
    (r"missing or empty", "saknas eller är tom"),
    (r"missing or not a mapping", "saknas eller är ingen mappning"),
    (r"missing \((.+)\)", r"saknas (\1)"),
    (r"(.+) is not a text", r"\1 är ingen text"),
    (r"a (list|mapping) is not a text", "en lista eller mappning är ingen text"),
    (r"(.+) is not a whole number", r"\1 är inget heltal"),
    (
        r"(.+) is out of range \(write 3\.5 % as 0\.035\)",
        r"\1 ligger utanför intervallet (skriv 3,5 % som 0.035)",
    ),
    (r"(.+) is out of range", r"\1 ligger utanför det tillåtna intervallet"),
    (
        r"list index (\d+) is out of range \(the list has (\d+) items\)",
        r"listindex \1 finns inte (listan har \2 element)",
    ),
    (r"(.+) is outside the KPI table \((.+)\)", r"\1 ligger utanför KPI-tabellen (\2)"),
    (r"(.+) is neither a number nor a distribution", r"\1 är varken ett tal eller en fördelning"),
    (r"(.+) is not a number", r"\1 är inget tal"),
    (r"(.+) is not a year", r"\1 är inget årtal"),
    (r"published (.+) is impossible in (.+)", r"den publicerade siffran \1 är omöjlig i \2"),
    (r"(.+) is not a reference", r"\1 är ingen källhänvisning"),
    (r"(.+) is not a file name", r"\1 är inget filnamn"),
    (r"(.+) is implausibly large", r"\1 är orimligt stort"),
    (r"(.+) cannot be read \((.+)\)", r"\1 kan inte läsas (\2)"),
    (r"unknown key in (.+)", lambda m: f"okänd nyckel i {_where(m.group(1))}"),
    (r"unknown key for a (\w+) distribution", r"okänd nyckel för en \1-fördelning"),
    (
        r"unknown (method|perspective|unit|payer|distribution|shape) (.+)",
        lambda m: f"okänd {_KINDS[m.group(1)]} {m.group(2)}",
    ),
    (r"unit '(.+)' does not fit here \((.+)\)", r"enheten '\1' passar inte här (\2)"),
    (r"the parameter has no value", "parametern har inget värde"),
    (r"the parameter has no reference \(source\)", "parametern saknar källa (reference)"),
    (r"a reference without a title", "en källhänvisning utan titel"),
    (r"the reference list is empty", "listan med källor är tom"),
    (r"expected a parameter, got (.+)", r"här ska stå en parameter, inte \1"),
    (r"the (value|distribution) allows (.+), impossible for (.+)", _impossible),
    (r"(.+) are out of order", r"\1 står i fel ordning"),
    (r"(\w+) = (.+) must be above 0", r"\1 = \2 måste vara större än 0"),
    (r"(\w+) = (.+) must be at least 0", r"\1 = \2 får inte vara negativt"),
    (r"a (\w+) distribution needs (.+)", r"en \1-fördelning behöver \2"),
    (
        r"a (\w+) distribution takes either (.+) or mean and sd, not both",
        r"en \1-fördelning anges antingen med \2 eller med mean och sd, inte båda",
    ),
    (
        r"no beta distribution has mean (.+) and sd (.+)",
        r"ingen betafördelning har medelvärdet \1 och standardavvikelsen \2",
    ),
    (
        r"central (.+) lies outside the distribution's range (.+)",
        r"centralvärdet \1 ligger utanför fördelningens intervall \2",
    ),
    (
        r"the truncation keeps less than 0\.1 % of the normal distribution",
        "avkortningen behåller mindre än 0,1 % av normalfördelningen",
    ),
    (
        r"with sd 0 the mean must lie within low and high",
        "med sd 0 måste medelvärdet ligga mellan low och high",
    ),
    (r"low = (.+) is not below high = (.+)", r"low = \1 är inte mindre än high = \2"),
    (r"a lognormal 90 % interval needs low > 0", "ett lognormalt 90 %-intervall behöver low > 0"),
    (
        r"these numbers give a distribution that cannot be computed",
        "de här talen ger en fördelning som inte går att räkna med",
    ),
    (r"the distribution has no 'dist:' key", "fördelningen saknar nyckeln 'dist:'"),
    (r"YAML syntax error: (.+)", r"YAML-syntaxfel: \1"),
    (r"YAML merge keys \('<<'\) are not supported", "YAML-sammanslagning ('<<') stöds inte"),
    (r"the YAML tag (.+) is not allowed", r"YAML-taggen \1 är inte tillåten"),
    (r"the key is given twice", "nyckeln står två gånger"),
    (r"the document is nested too deeply", "dokumentet är för djupt nästlat"),
    (r"a key is not a plain name", "en nyckel är inget enkelt namn"),
    (r"the file is empty or not a mapping", "filen är tom eller ingen mappning"),
    (r"the file is larger than 1 MB", "filen är större än 1 MB"),
    (r"the file is (\d+) bytes, larger than 1 MB", r"filen är \1 byte, större än 1 MB"),
    (r"the file is not UTF-8 text", "filen är inte UTF-8-text"),
    (r"cannot read the file \((.+)\)", r"filen kan inte läsas (\1)"),
    (
        r"the document expands to more than (\d+) values \(an alias-expansion bomb\?\)",
        r"dokumentet växer till fler än \1 värden (en alias-bomb?)",
    ),
    (r"(.+): costs must be split by payer", r"\1: kostnader ska delas upp per betalare"),
    (r"unknown payer (.+)", r"okänd betalare \1"),
    (
        r"(\d+) yearly values for a horizon of (\d+) years",
        r"\1 årsvärden för en tidshorisont på \2 år",
    ),
    (r"the list of yearly values is empty", "listan med årsvärden är tom"),
    (r"the Swedish text \(sv\) is missing", "den svenska texten (sv) saknas"),
    (r"only money parameters have a price year", "bara belopp har prisår"),
    (r"only money parameters can be cash", "bara belopp kan vara kontanta"),
    (
        r"a stay in SIG longer than a year is not modelled",
        "en insats längre än ett år modelleras inte",
    ),
    (r"only money parameters count consequences", "bara belopp räknar följder"),
    (r"unknown consequence (.+)", r"okänd följd \1"),
    (r"'(.+)' is already counted in (.+)", r"'\1' räknas redan i \2"),
    (
        r"'placement' is counted here and again as avoided placements",
        "'placement' räknas här och en gång till som undvikna placeringar",
    ),
    (r"only the cohort method uses intake_years", "bara kohortmodellen använder intake_years"),
    (r"(\d+) is longer than horizon_years (\d+)", r"\1 är längre än horizon_years \2"),
    (r"the SIG has no cost", "SIG saknar kostnad"),
    (r"unknown parameter (.+)", r"okänd parameter \1"),
    (r"a parameter is named twice", "en parameter nämns två gånger"),
    (r"(.+) and (.+) are already correlated", r"\1 och \2 har redan en korrelation"),
    (
        r"(.+) is not a list of two or more parameters",
        r"\1 är ingen lista med två eller fler parametrar",
    ),
    (
        r"these correlations contradict each other: no joint distribution has them \(the matrix "
        r"is not positive semi-definite, smallest eigenvalue (.+)\)",
        r"korrelationerna motsäger varandra: ingen gemensam fördelning kan ha dem (matrisen är "
        r"inte positivt semidefinit, minsta egenvärdet \1)",
    ),
    (r"(\w+) needs (\w+)", r"\1 kräver \2"),
    (r"(\w+) needs ([\w, ]+)", r"\1 kräver \2"),
    (r"not a mapping", "ingen mappning"),
    (r"not a mapping of named entries", "ingen mappning med namngivna poster"),
    (r"not a dotted key path", "ingen punktad nyckelsökväg"),
    (r"the name (.+) cannot be used in key paths", r"namnet \1 går inte att använda i sökvägar"),
    (r"'(.+)' does not exist in the base scenario", r"'\1' finns inte i grundscenariot"),
    (r"'(.+)' is not a list", r"'\1' är ingen lista"),
    (r"'(.+)' is not a mapping", r"'\1' är ingen mappning"),
    (r"'(.+)' cannot be overridden", r"'\1' kan inte skrivas över"),
    (r"overrides without extends", "overrides utan extends"),
    (r"overrides is not a mapping", "overrides är ingen mappning"),
    (
        r"the base file '(.+)' does not exist \(it is a folder\)",
        r"grundfilen '\1' finns inte (det är en mapp)",
    ),
    (r"the base file '(.+)' does not exist", r"grundfilen '\1' finns inte"),
    (r"'(.+)' leads back to itself \((.+)\)", r"'\1' leder tillbaka till sig själv (\2)"),
    (
        r"the first year cannot hold more than 12 months",
        "första året kan inte rymma mer än 12 månader",
    ),
    (
        r"the (baseline|follow-up) period can be 0 months, and the cost rate would divide by zero",
        lambda m: (
            ("perioden före" if m.group(1) == "baseline" else "uppföljningsperioden")
            + " kan bli 0 månader, och kostnadstakten skulle delas med noll"
        ),
    ),
    (
        r"the follow-up period \(up to (.+) months\) does not fit in (\d+) year\(s\), so part of "
        r"the avoided cost would be lost",
        r"uppföljningsperioden (upp till \1 månader) ryms inte på \2 år, så en del av den "
        r"undvikna kostnaden skulle försvinna",
    ),
]

EXPECTED: list[tuple[str, object]] = [
    (r"a rank correlation from -1 to 1", "en rangkorrelation från -1 till 1"),
    (
        r"a parameter's dotted name as 'costmodel describe' lists it",
        "en parameters punktade namn som 'costmodel describe' visar det",
    ),
    (r"each parameter once", "varje parameter en gång"),
    (r"each pair once", "varje par en gång"),
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
