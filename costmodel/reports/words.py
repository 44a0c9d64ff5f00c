"""The report's own words in Swedish (default) and English: section titles, plain-language
explanations and chart labels. Words the CLI already has (table rows, payers, the headline
sentence, the decision analysis' sentences) come from :mod:`costmodel.text.i18n`,
:mod:`costmodel.scenario.payers` and :mod:`costmodel.views.sensitivity` instead."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "title": {"sv": "Kalkyl för social insatsgrupp", "en": "Calculation for a social insatsgrupp"},
    "tuned_title": {"sv": ", anpassad variant av {name}", "en": ", tuned variant of {name}"},
    "s_summary": {"sv": "Sammanfattning", "en": "Summary"},
    "s_background": {"sv": "Bakgrund och syfte", "en": "Background and purpose"},
    "s_method": {"sv": "Metod", "en": "Method"},
    "s_assumptions": {"sv": "Antaganden", "en": "Assumptions"},
    "s_results": {"sv": "Resultat", "en": "Results"},
    "s_sensitivity": {"sv": "Känslighet", "en": "Sensitivity"},
    "s_follow_up": {"sv": "Uppföljning", "en": "Follow-up"},
    "s_limitations": {"sv": "Begränsningar", "en": "Limitations"},
    "s_reproducibility": {"sv": "Reproducerbarhet", "en": "Reproducibility"},
    "who_gains": {
        "sv": "Per betalare blir nettonyttan i genomsnitt: {items}.",
        "en": "By payer the expected net benefit is: {items}.",
    },
    "purpose": {
        "sv": "Kalkylen visar vad en social insatsgrupp (SIG) kostar och vilka kostnader den kan "
        "undvika{where}, vem som betalar och vem som får tillbaka, och hur säkert resultatet är. "
        "Den är gjord med costmodel, där varje antagande har en källa.",
        "en": "The calculation shows what a social insatsgrupp (SIG) costs and which costs it "
        "may avoid{where}, who pays and who gains, and how certain the result is. It was made "
        "with costmodel, in which every assumption has a source.",
    },
    "where": {"sv": " i {kommun}", "en": " in {kommun}"},
    "changes": {
        "sv": "Den här varianten skiljer sig från originalet ({file}) i {n} antaganden:",
        "en": "This variant differs from the original ({file}) in {n} assumptions:",
    },
    "notes": {"sv": "Anteckningar i scenariot: {notes}", "en": "Notes in the scenario: {notes}"},
    "method_used": {
        "sv": "Beräkningsmodell: {method}. Perspektiv: {persp}. Alla belopp i {year} års priser "
        "(omräknade med KPI).",
        "en": "Calculation model: {method}. Perspective: {persp}. All amounts in {year} prices "
        "(converted with the CPI).",
    },
    "monte_carlo": {
        "sv": "Ingen vet exakt vad en placering kostar eller hur många placeringar insatsen "
        "undviker. Därför anges varje antagande som ett intervall med ett mest troligt värde. "
        "En Monte Carlo-simulering räknar igenom kalkylen {n} gånger, varje gång med nya värden "
        "dragna ur intervallen. Resultatet blir en fördelning: ett genomsnitt, ett intervall som "
        "rymmer 90 % av utfallen och andelen utfall där insatsen lönar sig.",
        "en": "Nobody knows exactly what a placement costs or how many placements the "
        "intervention avoids. So every assumption is given as a range with a most likely value. "
        "A Monte Carlo simulation works through the calculation {n} times, each time with new "
        "values drawn from the ranges. The result is a distribution: an average, a range that "
        "holds 90 % of the outcomes, and the share of outcomes in which the intervention pays off.",
    },
    "discounting": {
        "sv": "Tidshorisonten är {horizon} år. Framtida belopp diskonteras med {rate} per år, så "
        "att en krona om några år väger lite mindre än en krona i dag ({source}).",
        "en": "The horizon is {horizon} years. Future amounts are discounted at {rate} a year, "
        "so a krona some years ahead weighs a little less than a krona today ({source}).",
    },
    "zero_rate": {
        "sv": "Tidshorisonten är {horizon} år. Framtida belopp diskonteras inte (räntan är 0 %; "
        "{source}).",
        "en": "The horizon is {horizon} years. Future amounts are not discounted (the rate is "
        "0 %; {source}).",
    },
    "no_discounting": {
        "sv": "Tidshorisonten är ett år, så ingenting diskonteras.",
        "en": "The horizon is one year, so nothing is discounted.",
    },
    "assumptions_intro": {
        "sv": "Varje antagande med sitt värde eller sin fördelning, det intervall som rymmer 90 % "
        "av de dragna värdena, enhet, prisår, källa och motivering.",
        "en": "Every assumption with its value or distribution, the range that holds 90 % of the "
        "drawn values, unit, price year, source and note.",
    },
    "sources": {"sv": "Källor och motiveringar", "en": "Sources and notes"},
    "sources_below": {
        "sv": "Källor och motiveringar står under tabellen.",
        "en": "Sources and notes follow the table.",
    },
    "top_rows": {
        "sv": "De {n} första; alla finns i Excel-rapporten.",
        "en": "The first {n}; the Excel report has them all.",
    },
    "correlated": {"sv": "Antaganden som samvarierar", "en": "Assumptions that move together"},
    "rank": {"sv": "rangkorrelation {r}", "en": "rank correlation {r}"},
    "col_assumption": {"sv": "Antagande", "en": "Assumption"},
    "col_value": {"sv": "Värde eller fördelning", "en": "Value or distribution"},
    "col_central": {"sv": "Mest troligt", "en": "Most likely"},
    "col_p5": {"sv": "90 % från", "en": "90 % from"},
    "col_p95": {"sv": "till", "en": "to"},
    "col_unit": {"sv": "Enhet (prisår)", "en": "Unit (price year)"},
    "col_price_year": {"sv": "Prisår", "en": "Price year"},
    "col_source": {"sv": "Källa", "en": "Source"},
    "col_note": {"sv": "Motivering", "en": "Note"},
    "col_probability": {"sv": "Sannolikhet att lönsam", "en": "Probability it pays off"},
    "col_evppi": {"sv": "Värde av att veta", "en": "Value of knowing"},
    "col_share": {"sv": "Andel av osäkerheten", "en": "Share of the uncertainty"},
    "col_indicator": {"sv": "Indikator att mäta", "en": "Indicator to measure"},
    "col_today": {"sv": "Antaget i dag", "en": "Assumed today"},
    "col_range": {"sv": "Intervall i kalkylen", "en": "Range in the calculation"},
    "col_fact": {"sv": "Uppgift", "en": "Item"},
    "col_central_case": {"sv": "Centralt fall", "en": "Central case"},
    "col_before": {"sv": "I originalet", "en": "In the original"},
    "col_after": {"sv": "I varianten", "en": "In the variant"},
    "changes_sheet": {"sv": "Ändringar", "en": "Changes"},
    "dist_fixed": {"sv": "fast värde {value}", "en": "fixed value {value}"},
    "dist_range": {"sv": "{name} {args}", "en": "{name} {args}"},
    "key_figures": {"sv": "Nyckeltal", "en": "Key figures"},
    "per_payer": {"sv": "Per betalare", "en": "By payer"},
    "per_category": {"sv": "Per kostnadsslag", "en": "By category"},
    "per_year": {"sv": "Per år", "en": "By year"},
    "tornado_sheet": {"sv": "Känslighet", "en": "Sensitivity"},
    "voi_sheet": {"sv": "Värde av information", "en": "Value of information"},
    "follow_sheet": {"sv": "Uppföljning", "en": "Follow-up"},
    "about_sheet": {"sv": "Om kalkylen", "en": "About"},
    "assumptions_sheet": {"sv": "Antaganden", "en": "Assumptions"},
    "summary_sheet": {"sv": "Sammanfattning", "en": "Summary"},
    "follow_intro": {
        "sv": "De antaganden vars osäkerhet betyder mest för beslutet (rangordnade efter värdet "
        "av att veta dem säkert) är de uppgifter projektet bör mäta. Jämför utfallet med det "
        "värde kalkylen antar i dag, och räkna om kalkylen med de egna siffrorna.",
        "en": "The assumptions whose uncertainty matters most to the decision (ranked by the "
        "value of knowing them for certain) are what the project should measure. Compare the "
        "outcome with the value the calculation assumes today, and run the calculation again "
        "with your own figures.",
    },
    "follow_by_share": {
        "sv": "Ingen osäkerhet ändrar beslutet i den här kalkylen (värdet av information är "
        "noll), så listan är rangordnad efter hur mycket av spridningen i resultatet varje "
        "antagande förklarar.",
        "en": "No uncertainty changes the decision in this calculation (the value of "
        "information is zero), so the list is ranked by how much of the spread in the result "
        "each assumption explains.",
    },
    "limit_attribution": {
        "sv": "Tillskrivning: kalkylen förutsätter att en del av förändringen beror på SIG. Utan "
        "jämförelsegrupp går det inte att veta hur det hade gått utan insatsen; därför får "
        "effekterna nå noll i intervallen.",
        "en": "Attribution: the calculation assumes that part of the change is due to SIG. "
        "Without a comparison group nobody can know how things would have gone without it; "
        "that is why the effects may reach zero in the ranges.",
    },
    "limit_small": {
        "sv": "Små tal: en SIG arbetar med ett fåtal ungdomar. En enda placering mer eller mindre "
        "flyttar resultatet mycket, och utfallet ett enskilt år kan skilja sig kraftigt från "
        "genomsnittet.",
        "en": "Small numbers: a SIG works with a few young people. One placement more or fewer "
        "moves the result a lot, and a single year's outcome may differ greatly from the "
        "average.",
    },
    "limit_left_out": {
        "sv": "Det som inte räknas: den unges och familjens livskvalitet, skolgång och framtida "
        "arbete, effekter på syskon och kamrater, och andra aktörers kostnader som inte står i "
        "scenariot. Undvikna kostnader är inte alltid pengar i en budget: en del är frigjord "
        "kapacitet (polisens och domstolarnas tid) eller välfärd (brottsoffrens förluster).",
        "en": "What is not counted: the young person's and the family's quality of life, "
        "schooling and future work, effects on siblings and friends, and costs of other actors "
        "not in the scenario. Avoided costs are not always money in a budget: some is freed "
        "capacity (police and court time) or welfare (victims' losses).",
    },
    "limit_mc": {
        "sv": "Monte Carlo-felet är litet men inte noll; fler simuleringar ger stadigare siffror.",
        "en": "The Monte Carlo error is small but not zero; more iterations give steadier figures.",
    },
    "repro_intro": {
        "sv": "Samma scenariofil, slumpfrö och antal simuleringar ger exakt samma siffror. Så här "
        "räknas rapporten om:",
        "en": "The same scenario file, seed and number of iterations give exactly the same "
        "figures. To make this report again:",
    },
    "r_file": {"sv": "Scenariofil", "en": "Scenario file"},
    "r_hash": {"sv": "Filens kontrollsumma (SHA-256)", "en": "File hash (SHA-256)"},
    "r_seed": {"sv": "Slumpfrö", "en": "Seed"},
    "r_iterations": {"sv": "Simuleringar", "en": "Iterations"},
    "r_version": {"sv": "costmodel-version", "en": "costmodel version"},
    "r_numpy": {"sv": "numpy-version", "en": "numpy version"},
    "r_perspective": {"sv": "Perspektiv", "en": "Perspective"},
    "r_date": {"sv": "Datum", "en": "Date"},
    "chart_hist": {
        "sv": "Nettonytta för {persp} i {n} simuleringar (kr, {year} års priser). Den streckade "
        "linjen är noll: till höger lönar sig insatsen.",
        "en": "Net benefit for {persp} in {n} iterations (SEK, {year} prices). The dashed line "
        "is zero: to its right the intervention pays off.",
    },
    "chart_cumulative": {
        "sv": "Ackumulerad nettonytta för {persp} år för år: medelvärde och 90 % intervall (kr, "
        "{year} års priser, diskonterat).",
        "en": "Cumulative net benefit for {persp} year by year: mean and 90 % range (SEK, "
        "{year} prices, discounted).",
    },
    "chart_payers": {
        "sv": "Nettonytta per betalare: medelvärde med 90 % intervall (kr, {year} års priser).",
        "en": "Net benefit by payer: mean with 90 % range (SEK, {year} prices).",
    },
    "chart_tornado": {
        "sv": "Vad styr resultatet: nettonyttan för {persp} när ett antagande i taget sätts till "
        "sin 10:e och 90:e percentil och resten hålls på sina mest troliga värden.",
        "en": "What drives the result: net benefit for {persp} with one assumption at a time at "
        "its 10th and 90th percentile and the rest at their most likely values.",
    },
    "axis_net": {"sv": "Nettonytta, mnkr", "en": "Net benefit, SEK m"},
    "axis_count": {"sv": "Antal simuleringar", "en": "Iterations"},
    "axis_year": {"sv": "År", "en": "Year"},
    "legend_mean": {"sv": "Medelvärde", "en": "Mean"},
    "legend_zero": {
        "sv": "Noll: till höger lönar sig SIG",
        "en": "Zero: to its right SIG pays off",
    },
    "legend_band": {"sv": "90 % intervall", "en": "90 % range"},
    "legend_low": {"sv": "Vid 10:e percentilen", "en": "At the 10th percentile"},
    "legend_high": {"sv": "Vid 90:e percentilen", "en": "At the 90th percentile"},
    "central_case": {"sv": "Centralt fall: {value}", "en": "Central case: {value}"},
}

DIST_NAMES: dict[str, dict[str, str]] = {
    "uniform": {"sv": "likformig", "en": "uniform"},
    "triangular": {"sv": "triangel", "en": "triangular"},
    "pert": {"sv": "PERT", "en": "PERT"},
    "normal": {"sv": "normal", "en": "normal"},
    "lognormal": {"sv": "lognormal", "en": "lognormal"},
    "interval90": {"sv": "90 % säkert mellan", "en": "90 % sure between"},
    "beta": {"sv": "beta", "en": "beta"},
    "gamma": {"sv": "gamma", "en": "gamma"},
    "poisson": {"sv": "Poisson", "en": "Poisson"},
}

ARG_NAMES: dict[str, dict[str, str]] = {
    "low": {"sv": "lägst", "en": "low"},
    "mode": {"sv": "troligast", "en": "mode"},
    "high": {"sv": "högst", "en": "high"},
    "mean": {"sv": "medel", "en": "mean"},
    "sd": {"sv": "sd", "en": "sd"},
    "median": {"sv": "median", "en": "median"},
    "shape": {"sv": "form", "en": "shape"},
    "scale": {"sv": "skala", "en": "scale"},
}


def w(key: str, lang: str, **kwargs: object) -> str:
    """The report's word ``key`` in ``lang``, formatted with ``kwargs``."""
    text = WORDS[key].get(lang) or WORDS[key]["sv"]
    return text.format(**kwargs) if kwargs else text
