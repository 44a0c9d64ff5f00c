"""Words of the dashboard in Swedish (default) and English.

``tr(key, lang, **fields)`` looks a string up and fills its ``{fields}``; a missing English
text falls back to the Swedish one, a missing key is a programming error (KeyError), so the
tests catch it. Shared words (perspective names, KPI names used by the CLI too) live in
:mod:`costmodel.text.i18n` and :mod:`costmodel.scenario.payers`; this module holds the
dashboard's own; Översikt's own words are in :mod:`.words_overview`, Känslighet's in
:mod:`.words_sensitivity` and those of input, uploads, sources and downloads in
:mod:`.words_more`, all merged into :data:`STRINGS`. :func:`count_words` picks the singular or
plural form.
"""

from __future__ import annotations

from ..text import fmt
from .words_more import MORE
from .words_overview import OVERVIEW
from .words_sensitivity import SENSITIVITY

LANG_NAMES: dict[str, str] = {"sv": "Svenska", "en": "English"}

STRINGS: dict[str, dict[str, str]] = {
    # page and navigation
    "page_title": {"sv": "SIG – kostnader och nytta", "en": "SIG – costs and benefits"},
    "app_title": {
        "sv": "Sociala insatsgrupper: lönar det sig?",
        "en": "Social intervention groups (SIG): do they pay off?",
    },
    "tab_overview": {"sv": "Översikt", "en": "Overview"},
    "tab_tune": {"sv": "Anpassa", "en": "Tune"},
    "tab_compare": {"sv": "Jämför", "en": "Compare"},
    # sidebar
    "language": {"sv": "Språk", "en": "Language"},
    "scenario_choice": {"sv": "Scenario", "en": "Scenario"},
    "scenario_help": {
        "sv": "De scenarier som följer med verktyget, uppladdade filer och sparade varianter.",
        "en": "The scenarios shipped with the tool, uploaded files and saved variants.",
    },
    "upload": {"sv": "Ladda upp ett scenario (YAML)", "en": "Upload a scenario (YAML)"},
    "upload_help": {
        "sv": "En scenariofil i samma format som de medföljande, högst 1 MB. Filen lämnar "
        "aldrig datorn.",
        "en": "A scenario file in the same format as the shipped ones, at most 1 MB. The file "
        "never leaves this computer.",
    },
    "perspective_switch": {"sv": "Visa utfallet för", "en": "Show the result for"},
    "perspective_help": {
        "sv": "Kommunens budget: bara kommunens kostnader och besparingar. Hela samhället: "
        "även staten, regionen, brottsoffer och övriga.",
        "en": "The municipal budget: only the municipality's costs and savings. Society as a "
        "whole: also the state, the region, victims and others.",
    },
    "view_kommun": {"sv": "Kommunens budget", "en": "The municipal budget"},
    "view_samhalle": {"sv": "Hela samhället", "en": "Society as a whole"},
    "iterations_choice": {"sv": "Antal simuleringar", "en": "Number of simulations"},
    "iterations_scenario": {
        "sv": "Scenariots eget ({n})",
        "en": "The scenario's own ({n})",
    },
    "iterations_help": {
        "sv": "Fler simuleringar ger stabilare siffror men tar längre tid.",
        "en": "More simulations give steadier figures but take longer.",
    },
    "iterations_capped": {
        "sv": "Scenariot begär {asked} simuleringar; instrumentpanelen kör högst {cap}.",
        "en": "The scenario asks for {asked} simulations; the dashboard runs at most {cap}.",
    },
    "shipped": {"sv": "medföljer", "en": "shipped"},
    "uploaded": {"sv": "uppladdad", "en": "uploaded"},
    "variant": {"sv": "sparad variant", "en": "saved variant"},
    "tuned_suffix": {"sv": "justerad", "en": "tuned"},
    "no_scenarios": {
        "sv": "Det finns inga läsbara scenarier i {dir}. Ladda upp en scenariofil i sidofältet.",
        "en": "There are no readable scenarios in {dir}. Upload a scenario file in the sidebar.",
    },
    "computing": {"sv": "Räknar {n} simuleringar …", "en": "Running {n} iterations …"},
    # errors
    "upload_ok": {
        "sv": "Läste in {file}: {name}.",
        "en": "Loaded {file}: {name}.",
    },
    "problem_line": {"sv": "rad {line}", "en": "line {line}"},
    "expected": {"sv": "förväntat", "en": "expected"},
    "not_utf8": {"sv": "filen är inte UTF-8-text", "en": "the file is not UTF-8 text"},
    "not_utf8_expected": {
        "sv": "en YAML-fil sparad som UTF-8",
        "en": "a YAML file saved as UTF-8",
    },
    "extends_outside": {
        "sv": "en uppladdad fil får bara bygga på ett medföljande scenario",
        "en": "an uploaded file may only extend a shipped scenario",
    },
    "extends_outside_expected": {
        "sv": "ett av: {names}",
        "en": "one of: {names}",
    },
    "run_failed": {
        "sv": "Scenariot kan inte räknas: {what}. Ändra värdet som orsakar felet.",
        "en": "The scenario cannot be computed: {what}. Change the value that causes it.",
    },
    # KPIs
    "kpi_net": {"sv": "Förväntad nettonytta", "en": "Expected net benefit"},
    "kpi_net_help": {
        "sv": "Undvikna kostnader minus insatsens kostnad, diskonterat, i genomsnitt över "
        "simuleringarna.",
        "en": "Avoided costs minus the cost of SIG, discounted, averaged over the simulations.",
    },
    "kpi_interval": {
        "sv": "90 % intervall: {low} till {high}",
        "en": "90% interval: {low} to {high}",
    },
    "kpi_prob": {"sv": "Chans att SIG lönar sig", "en": "Chance it pays off"},
    "kpi_prob_help": {
        "sv": "Andelen simuleringar där nettonyttan är större än noll.",
        "en": "The share of simulations in which the net benefit is above zero.",
    },
    "kpi_prob_caption": {
        "sv": "i {n} simuleringar",
        "en": "in {n} simulations",
    },
    "kpi_cpy": {"sv": "Kostnad per ungdom", "en": "Cost per youth"},
    "kpi_cpy_help": {
        "sv": "Insatsens förväntade kostnad delad med antalet ungdomar i insatsen.",
        "en": "The expected cost of SIG divided by the number of youths in it.",
    },
    "kpi_cpy_caption": {
        "sv": "{youths} ungdomar i genomsnitt",
        "en": "{youths} youths on average",
    },
    "kpi_cpy_missing": {
        "sv": "scenariot anger inte antal ungdomar",
        "en": "the scenario does not give the number of youths",
    },
    "kpi_be": {"sv": "Lönsam från år", "en": "Break-even year"},
    "kpi_be_help": {
        "sv": "Första året då den förväntade ackumulerade nettonyttan är noll eller mer.",
        "en": "The first year in which the expected cumulative net benefit is zero or more.",
    },
    "kpi_be_value": {"sv": "År {year}", "en": "Year {year}"},
    "kpi_be_never": {"sv": "Inte inom {h}", "en": "Not within {h}"},
    "kpi_be_never_short": {"sv": "> {h}", "en": "> {h}"},
    "kpi_be_never_caption": {
        "sv": "inte lönsam inom tidshorisonten",
        "en": "does not pay off within the horizon",
    },
    "kpi_be_caption": {
        "sv": "tidshorisont {h}",
        "en": "horizon {h}",
    },
    "delta_caption": {
        "sv": "Pilarna visar ändringen mot det ursprungliga scenariot.",
        "en": "The arrows show the change from the original scenario.",
    },
    # charts
    "fan_title": {
        "sv": "Ackumulerad nettonytta år för år",
        "en": "Cumulative net benefit year by year",
    },
    "axis_year": {"sv": "År", "en": "Year"},
    "axis_mkr": {"sv": "{what} (mnkr)", "en": "{what} (SEK million)"},
    "axis_cum": {"sv": "Ackumulerat", "en": "Cumulative"},
    "band90": {"sv": "90 % av simuleringarna", "en": "90% of simulations"},
    "band50": {"sv": "50 % av simuleringarna", "en": "50% of simulations"},
    "expected_value": {"sv": "Förväntat värde", "en": "Expected value"},
    "start": {"sv": "start", "en": "start"},
    "year_n": {"sv": "år {n}", "en": "year {n}"},
    "payer_title": {
        "sv": "Vem vinner? Nettonytta per betalare",
        "en": "Who gains? Net benefit by payer",
    },
    "axis_net": {"sv": "Nettonytta", "en": "Net benefit"},
    "hist_title": {
        "sv": "Nettonyttans fördelning",
        "en": "Distribution of the net benefit",
    },
    "axis_share_sims": {"sv": "Andel av simuleringarna (%)", "en": "Share of simulations (%)"},
    "break_even": {"sv": "Noll: gränsen för lönsamhet", "en": "Zero: break-even"},
    "pays_off_area": {"sv": "Lönar sig ({p})", "en": "Pays off ({p})"},
    "loses_area": {"sv": "Lönar sig inte ({p})", "en": "Does not pay off ({p})"},
    "original": {"sv": "Ursprungligt", "en": "Original"},
    "tuned": {"sv": "Justerat", "en": "Tuned"},
    "waterfall_title": {
        "sv": "Kostnader och undvikna kostnader",
        "en": "Costs and avoided costs",
    },
    "waterfall_total": {"sv": "Nettonytta", "en": "Net benefit"},
    "axis_amount": {"sv": "Belopp", "en": "Amount"},
    "compare_dist_title": {
        "sv": "Nettonyttans fördelning per scenario",
        "en": "Distribution of the net benefit by scenario",
    },
    "compare_payer_title": {
        "sv": "Förväntad nettonytta per betalare och scenario",
        "en": "Expected net benefit by payer and scenario",
    },
    "hover_interval": {"sv": "90 %: {low} till {high}", "en": "90%: {low} to {high}"},
    "hover_mean": {"sv": "medel {x}", "en": "mean {x}"},
    # tune
    "tune_intro": {
        "sv": "Ändra antagandena nedan; resultaten räknas om direkt. Varje antagande kan vara "
        "ett fast värde eller en fördelning som beskriver osäkerheten.",
        "en": "Change the assumptions below; the results are recomputed at once. Each "
        "assumption can be a fixed value or a distribution describing its uncertainty.",
    },
    "assumptions": {"sv": "Antaganden", "en": "Assumptions"},
    "group_general": {"sv": "Insatsen och effekten", "en": "The intervention and its effect"},
    "dist_kind": {"sv": "Fördelning", "en": "Distribution"},
    "changed": {"sv": "ändrad", "en": "changed"},
    "source": {"sv": "Källa", "en": "Source"},
    "note": {"sv": "Anmärkning", "en": "Note"},
    "mean_is": {"sv": "medel {x}", "en": "mean {x}"},
    "range_is": {"sv": "90 % mellan {low} och {high}", "en": "90% between {low} and {high}"},
    "param_invalid": {
        "sv": "Ogiltigt värde, används inte i beräkningen:",
        "en": "Invalid value, not used in the calculation:",
    },
    "no_changes": {
        "sv": "Inga ändringar ännu: resultaten är scenariots egna.",
        "en": "No edits yet: the results are the scenario's own.",
    },
    "n_changes": {"sv": "Ändrade antaganden: {n}.", "en": "Assumptions changed: {n}."},
    "reset": {"sv": "Återställ alla antaganden", "en": "Reset all assumptions"},
    "variant_name": {"sv": "Namn på varianten", "en": "Name of the variant"},
    "variant_default": {"sv": "{name} (justerad)", "en": "{name} (tuned)"},
    "download": {"sv": "Ladda ner som YAML-fil", "en": "Download as a YAML file"},
    "download_help": {
        "sv": "En fristående scenariofil som ger samma siffror när den laddas upp igen eller "
        "körs med kommandot costmodel.",
        "en": "A standalone scenario file that gives the same figures when uploaded again or "
        "run with the costmodel command.",
    },
    "save_variant": {"sv": "Spara som variant", "en": "Save as a variant"},
    "save_variant_help": {
        "sv": "Lägger till varianten i scenariolistan och under Jämför (bara i den här "
        "webbläsarsessionen; ladda ner den för att behålla den).",
        "en": "Adds the variant to the scenario list and to Compare (in this browser session "
        "only; download it to keep it).",
    },
    "saved_variant": {
        "sv": "Sparade ”{name}”. Den finns nu i scenariolistan och under Jämför.",
        "en": "Saved “{name}”. It is now in the scenario list and under Compare.",
    },
    "save_and_download": {"sv": "Spara och ladda ner", "en": "Save and download"},
    "yaml_header": {
        "sv": "# Justerad i costmodels instrumentpanel från {file} (sha256 {sha}).\n"
        "# Ändrade antaganden: {changed}\n",
        "en": "# Tuned in the costmodel dashboard from {file} (sha256 {sha}).\n"
        "# Changed assumptions: {changed}\n",
    },
    "none": {"sv": "inga", "en": "none"},
    "combined_invalid": {
        "sv": "Ändringarna går var för sig men inte tillsammans; resultaten visar scenariots egna "
        "värden tills det är rättat:",
        "en": "The edits are valid one by one but not together; the results show the scenario's "
        "own values until this is fixed:",
    },
    "note_changed": {
        "sv": "[Ändrat i instrumentpanelen; tidigare {was}. Motiveringen nedan gällde det "
        "tidigare värdet.]",
        "en": "[Changed in the dashboard; was {was}. The note below justified the earlier value.]",
    },
    "dist_fixed": {"sv": "Fast värde", "en": "Fixed value"},
    "dist_uniform": {"sv": "Likformig (lägsta–högsta)", "en": "Uniform (low–high)"},
    "dist_triangular": {
        "sv": "Triangel (lägsta, troligast, högsta)",
        "en": "Triangular (low, most likely, high)",
    },
    "dist_pert": {"sv": "PERT (lägsta, troligast, högsta)", "en": "PERT (low, most likely, high)"},
    "dist_normal": {"sv": "Normal (medel, standardavvikelse)", "en": "Normal (mean, sd)"},
    "dist_lognormal": {"sv": "Lognormal (medel, standardavvikelse)", "en": "Lognormal (mean, sd)"},
    "dist_interval90": {"sv": "90 %-intervall (5 % och 95 %)", "en": "90% interval (5% and 95%)"},
    "dist_beta": {"sv": "Beta (α, β)", "en": "Beta (α, β)"},
    "dist_gamma": {"sv": "Gamma (form, skala)", "en": "Gamma (shape, scale)"},
    "dist_poisson": {"sv": "Poisson (medel)", "en": "Poisson (mean)"},
    "arg_value": {"sv": "Värde", "en": "Value"},
    "arg_low": {"sv": "Lägsta", "en": "Low"},
    "arg_mode": {"sv": "Troligast", "en": "Most likely"},
    "arg_high": {"sv": "Högsta", "en": "High"},
    "arg_mean": {"sv": "Medel", "en": "Mean"},
    "arg_sd": {"sv": "Standardavvikelse", "en": "Standard deviation"},
    "arg_lambda": {"sv": "λ (spetsighet)", "en": "λ (peakedness)"},
    "arg_alpha": {"sv": "α", "en": "α"},
    "arg_beta": {"sv": "β", "en": "β"},
    "arg_shape": {"sv": "Form", "en": "Shape"},
    "arg_scale": {"sv": "Skala", "en": "Scale"},
    "arg_low_trunc": {"sv": "Nedre gräns", "en": "Lower bound"},
    "arg_high_trunc": {"sv": "Övre gräns (tom = ingen)", "en": "Upper bound (empty = none)"},
    "arg_low90": {"sv": "5 %-värde", "en": "5% value"},
    "arg_high90": {"sv": "95 %-värde", "en": "95% value"},
    "year_suffix": {"sv": "år {n}", "en": "year {n}"},
    # compare
    "compare_intro": {
        "sv": "Välj två eller fler scenarier att jämföra. Skillnaderna räknas mot det första.",
        "en": "Choose two or more scenarios to compare. Differences are against the first.",
    },
    "compare_choice": {"sv": "Scenarier att jämföra", "en": "Scenarios to compare"},
    "compare_need_two": {
        "sv": "Välj minst två scenarier för att jämföra.",
        "en": "Choose at least two scenarios to compare.",
    },
    "compare_prices": {
        "sv": "Alla belopp i {year} års priser (omräknade med KPI där scenarierna har olika "
        "prisår).",
        "en": "All amounts in {year} prices (converted with the CPI where the scenarios have "
        "different price years).",
    },
    "compare_horizons": {
        "sv": "Obs! Scenarierna har olika tidshorisont ({list}); längre horisont ger fler år "
        "av kostnader och nyttor.",
        "en": "Note: the scenarios have different horizons ({list}); a longer horizon counts "
        "more years of costs and benefits.",
    },
    "differences": {"sv": "Skillnader mot {name}", "en": "Differences from {name}"},
    "col_scenario": {"sv": "Scenario", "en": "Scenario"},
    "col_measure": {"sv": "Mått", "en": "Measure"},
    "col_method": {"sv": "Metod", "en": "Method"},
    "col_horizon": {"sv": "Tidshorisont", "en": "Horizon"},
    "col_net": {"sv": "Förväntad nettonytta", "en": "Expected net benefit"},
    "col_interval": {"sv": "90 % intervall", "en": "90% interval"},
    "col_prob": {"sv": "Sannolikhet att lönsam", "en": "Probability of paying off"},
    "col_cpy": {"sv": "Kostnad per ungdom", "en": "Cost per youth"},
    "col_be": {"sv": "Lönsam från år", "en": "Break-even year"},
    "col_costs": {"sv": "Kostnader", "en": "Costs"},
    "col_benefits": {"sv": "Undvikna kostnader", "en": "Avoided costs"},
    "col_diff_net": {"sv": "Skillnad i nettonytta", "en": "Difference in net benefit"},
    "col_diff_prob": {"sv": "Skillnad i sannolikhet", "en": "Difference in probability"},
    "baseline": {"sv": "jämförelsebas", "en": "baseline"},
    "footer": {
        "sv": "costmodel {version} · {n} simuleringar · slumpfrö {seed} · scenariofil "
        "sha256 {sha} · allt räknas lokalt, inget skickas över nätet.",
        "en": "costmodel {version} · {n} simulations · seed {seed} · scenario file "
        "sha256 {sha} · everything is computed locally, nothing is sent over the network.",
    },
}
for _page in (OVERVIEW, SENSITIVITY, MORE):  # a key in both would silently take the page's text
    if STRINGS.keys() & _page.keys():
        raise KeyError(f"words defined twice: {sorted(STRINGS.keys() & _page.keys())}")
    STRINGS.update(_page)


def years(n: int, lang: str = "sv") -> str:
    """'1 år', '5 år'; '1 year', '5 years' (:func:`costmodel.text.fmt.years`)."""
    return fmt.years(n, lang)


def count_words(key: str, n: int, lang: str = "sv", **fields: object) -> str:
    """The text ``key`` for ``n`` things: ``<key>_1`` for one, ``<key>_n`` for any other number
    ('1 fel', '2 fel'; '1 problem', '2 problems')."""
    return tr(f"{key}_1" if n == 1 else f"{key}_n", lang, n=n, **fields)


def tr(key: str, lang: str = "sv", **fields: object) -> str:
    """The dashboard text ``key`` in ``lang`` (falling back to Swedish), with fields filled."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry["sv"]
    return text.format(**fields) if fields else text
