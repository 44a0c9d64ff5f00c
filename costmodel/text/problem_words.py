"""The Swedish templates of scenario problems: (English pattern, Swedish replacement).

:mod:`costmodel.text.messages` tries :data:`MESSAGES` on a problem's message and
:data:`~costmodel.text.expected_words.EXPECTED` on what is expected, in order; the whole text
must match. A pattern is a regular expression over the English text the validator writes; a
replacement is a template (``\\1``) or a function of the match.
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


_NOT_A_FILE = {
    "a folder": "det är en mapp",
    "a named pipe": "det är en namngiven pipe",
    "a device": "det är en enhet",
    "a socket": "det är en socket",
    "not a regular file": "det är ingen vanlig fil",
}

_AMOUNT_WORDS = {
    "the value": "värdet",
    "the mean": "medelvärdet",
    "the central value": "det centrala värdet",
    "the lowest value": "det lägsta värdet",
    "the highest value": "det högsta värdet",
    "the published figure": "den publicerade siffran",
}


def _unit(unit_id: str) -> str:
    """A unit in Swedish ('kr/year' -> 'kr/år'); an unknown id as written."""
    unit = UNITS.get(unit_id)
    return unit.sv if unit else unit_id


_PLACES = {
    "a parameter": "en parameter",
    "the scenario file": "scenariofilen",
    "a reference": "en källhänvisning",
    "a text": "en text",
    "a correlation": "en korrelation",
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
    # the parenthesis is the slot's English help: left out (the key path names the slot)
    (r"missing \((.+)\)", "saknas"),
    (r"(.+) is not a text", r"\1 är ingen text"),
    (r"unknown language (.+)", r"okänt språk \1 (bara sv och en)"),
    (r"a (list|mapping) is not a text", "en lista eller mappning är ingen text"),
    (r"(.+) is not a whole number", r"\1 är inget heltal"),
    (r"(.+) is not a list", r"\1 är ingen lista"),
    (
        r"(.+) is out of range \(write 3\.5 % as 0\.035\)",
        r"\1 ligger utanför intervallet (skriv 3,5 % som 0.035)",
    ),
    (r"(.+) is out of range", r"\1 ligger utanför det tillåtna intervallet"),
    (
        r"list index (\d+) is out of range \(the list has (\d+) items\)",
        r"listindex \1 finns inte (listan har \2 element)",
    ),
    (
        r"the scenario's price year (\d+) is outside the (KPI|PKV) table \((.+)\)",
        r"scenariots prisår \1 ligger utanför \2-tabellen (\3)",
    ),
    (r"(.+) is outside the (KPI|PKV) table \((.+)\)", r"\1 ligger utanför \2-tabellen (\3)"),
    (r"only money parameters have a price index", "bara belopp har ett prisindex"),
    (
        r"'(.+)' is not a price index \(did you mean '(.+)'\?\)",
        r"'\1' är inget prisindex (menade du '\2'?)",
    ),
    (r"'(.+)' is not a price index", r"'\1' är inget prisindex"),
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
    (r"unit '(.+)' does not fit here \((.+)\)", r"enheten '\1' passar inte här"),
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
    (
        r"the document is nested too deeply \(more than (\d+) levels\)",
        r"dokumentet är för djupt nästlat (mer än \1 nivåer)",
    ),
    (r"the file has more than (\d+) values", r"filen har fler än \1 värden"),
    (
        r"the document expands to more than (\d+) characters \(an alias-expansion bomb\?\)",
        r"dokumentet växer till fler än \1 tecken (en alias-bomb?)",
    ),
    (
        r"the file contains the control character (U\+[0-9A-F]+(?: \(NUL\))?) in column (\d+)",
        r"filen innehåller styrtecknet \1 i kolumn \2",
    ),
    (
        r"the file contains a character YAML does not allow",
        "filen innehåller ett tecken som YAML inte tillåter",
    ),
    (
        r"the (text|key) contains the control character (U\+[0-9A-F]+)",
        lambda m: (
            f"{'texten' if m.group(1) == 'text' else 'nyckeln'} innehåller styrtecknet {m.group(2)}"
        ),
    ),
    (r"the file is (UTF-16|UTF-32) text, not UTF-8", r"filen är \1-text, inte UTF-8"),
    (
        r"the file is not UTF-8 text \(byte (\d+) cannot be read as UTF-8\)",
        r"filen är inte UTF-8-text (byte \1 går inte att läsa som UTF-8)",
    ),
    (
        r"cannot read the file \(it is (a folder|a named pipe|a device|a socket|"
        r"not a regular file)\)",
        lambda m: "filen kan inte läsas (" + _NOT_A_FILE[m.group(1)] + ")",
    ),
    (r"YAML error: (.+)", r"YAML-fel: \1"),
    (r"(\d+) more problems are not shown", r"\1 problem till visas inte"),
    (
        r"sd = (.+) is more than (.+) times the mean (.+): the spread is too wide to give a "
        r"meaningful result",
        r"sd = \1 är mer än \2 gånger medelvärdet \3: spridningen är för stor för att ge ett "
        r"meningsfullt resultat",
    ),
    (
        r"high = (.+) is more than (.+) times low = (.+): the spread is too wide to give a "
        r"meaningful result",
        r"high = \1 är mer än \2 gånger low = \3: spridningen är för stor för att ge ett "
        r"meningsfullt resultat",
    ),
    (
        r"(sd = (.+) is more than the mean (.+)|shape = (.+) is below (.+)): a gamma this wide "
        r"piles its draws up at 0, so a cost drawn from it comes arbitrarily close to nothing "
        r"and the benefit per krona has no mean",
        lambda m: (
            (
                f"sd = {m.group(2)} är större än medelvärdet {m.group(3)}"
                if m.group(2)
                else f"shape = {m.group(4)} är mindre än {m.group(5)}"
            )
            + ": en så bred gammafördelning samlar sina dragningar vid 0, så en kostnad dragen ur "
            "den kommer godtyckligt nära noll och nyttan per satsad krona saknar medelvärde"
        ),
    ),
    (r"lambda = (.+) is above (.+)", r"lambda = \1 är större än \2"),
    (
        r"the chain of bases is longer than (\d+) files \((.+)\)",
        r"kedjan av grundfiler är längre än \1 filer (\2)",
    ),
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
    (r"(.+): costs must be split by payer", "kostnaderna ska delas upp per betalare"),
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
        r"'(placement|youth_sanction)' is counted here and again as avoided placements",
        r"'\1' räknas här och en gång till som undvikna placeringar",
    ),
    (
        r"only the cost lines of what SIG avoids count consequences",
        "bara kostnadsrader för det SIG undviker räknar följder",
    ),
    (
        r"a stay in SIG can be 0 months, and the SIG would cost nothing",
        "en insats kan bli 0 månader, och SIG skulle inte kosta något",
    ),
    (
        r"the run's (\S+) comes out as (.+), beyond any plausible result"
        r"(?:; this parameter's draws reach (\S+) (\S+))?",
        lambda m: (
            f"körningens {m.group(1)} blir "
            + (
                "inget ändligt tal"
                if m.group(2) == "not a finite number"
                else m.group(2).replace(".", ",")
            )
            + ", långt bortom varje rimligt resultat"
            + (
                f"; parameterns dragningar når {m.group(3).replace('.', ',')} {_unit(m.group(4))}"
                if m.group(3)
                else ""
            )
        ),
    ),
    (
        r"the text contains a line break or a tab",
        "texten innehåller en radbrytning eller ett tabbtecken",
    ),
    (r"the text is (\d+) characters long", r"texten är \1 tecken lång"),
    (
        r"a stay in SIG can be shorter than a day, and the SIG would cost next to nothing",
        "en insats kan bli kortare än ett dygn, och SIG skulle nästan inte kosta något",
    ),
    (
        r"the (baseline|follow-up) period can be shorter than a day, and the cost rate would "
        r"divide by it",
        lambda m: (
            ("perioden före" if m.group(1) == "baseline" else "uppföljningsperioden")
            + " kan bli kortare än ett dygn, och kostnadstakten skulle delas med den"
        ),
    ),
    (
        r"(the value|the mean|the central value|the lowest value|the highest value|"
        r"the published figure) (\S+) (\S+) is above 0 but below (\S+) (\S+)",
        lambda m: (
            f"{_AMOUNT_WORDS[m.group(1)]} {m.group(2)} {_unit(m.group(3))} är över 0 men "
            f"under {m.group(4)} {_unit(m.group(5))}"
        ),
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
        r"the base file (.+) is (a folder|a named pipe|a device|a socket|not a regular file), "
        r"not a scenario file",
        lambda m: f"grundfilen {m.group(1)} är ingen scenariofil (" + _NOT_A_FILE[m.group(2)] + ")",
    ),
    (r"the base file '(.+)' does not exist", r"grundfilen '\1' finns inte"),
    (
        r"the base file (.+) contains a control character",
        r"grundfilens namn \1 innehåller ett styrtecken",
    ),
    (
        r"the base file (.+) is longer than (\d+) characters",
        r"grundfilens namn \1 är längre än \2 tecken",
    ),
    (
        r"the base file (.+) is not a bare file name in the scenario folder",
        r"grundfilen \1 är inte ett filnamn i scenariomappen",
    ),
    (r"the base file (.+) cannot be opened \((.+)\)", r"grundfilen \1 kan inte öppnas (\2)"),
    (r"'(.+)' leads back to itself \((.+)\)", r"'\1' leder tillbaka till sig själv (\2)"),
    (
        r"'(.+)' is overridden whole, so '(.+)' cannot change a key inside it",
        r"'\1' ersätts helt, så '\2' kan inte ändra en nyckel i det",
    ),
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
