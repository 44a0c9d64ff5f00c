"""Words of Känslighet (Sensitivity) in Swedish (default) and English: what has to be true,
the break-even year, the tornado, the value of information, the two-way heat map and the
Monte Carlo error.

Part of :data:`costmodel.app.words.STRINGS` (look them up with
:func:`costmodel.app.words.tr`); kept apart so that module stays small.
"""

from __future__ import annotations

SENSITIVITY: dict[str, dict[str, str]] = {
    "tab_sensitivity": {"sv": "Känslighet", "en": "Sensitivity"},
    "sens_intro": {
        "sv": "Vad resultatet hänger på: varje antagande flyttas för sig medan de andra står kvar "
        "på sina centrala värden. {whom} · {n} simuleringar.",
        "en": "What the result depends on: each input is moved on its own while the others stay "
        "at their central values. {whom} · {n} simulations.",
    },
    "sens_tuned": {
        "sv": "Visar scenariot med dina ändringar från Anpassa.",
        "en": "Shows the scenario with your edits from Tune.",
    },
    "sens_failed": {
        "sv": "Känsligheten kan inte räknas: {what}.",
        "en": "The sensitivity cannot be computed: {what}.",
    },
    # what has to be true, and when it breaks even
    "sens_switching_title": {
        "sv": "Vad måste gälla för att SIG ska löna sig?",
        "en": "What has to be true for SIG to pay off?",
    },
    "sens_central_is": {"sv": "i dag antas {value}", "en": "assumed now: {value}"},
    "sens_switching_caption": {
        "sv": "Varje villkor gäller med de andra antagandena på sina centrala värden. Antaganden "
        "som inte påverkar resultatet för {whom} är utelämnade.",
        "en": "Each condition holds with the other inputs at their central values. Inputs that "
        "do not affect the result for {whom} are left out.",
    },
    "sens_switching_more": {
        "sv": "Fler villkor ({n}), också sådana som ligger utanför antagandenas intervall",
        "en": "More conditions ({n}), also those outside the inputs' ranges",
    },
    "sens_nothing_moves": {
        "sv": "Inget osäkert antagande påverkar resultatet för {whom}.",
        "en": "No uncertain input affects the result for {whom}.",
    },
    "sens_break_even": {
        "sv": "I det centrala fallet går SIG jämnt ut år {year}.",
        "en": "In the central case SIG breaks even in year {year}.",
    },
    "sens_no_break_even": {
        "sv": "I det centrala fallet går SIG inte jämnt ut inom tidshorisonten ({h}).",
        "en": "In the central case SIG does not break even within the horizon ({h}).",
    },
    "sens_p_term": {
        "sv": "Chansen att ha gått jämnt ut inom en mandatperiod (4 år) är {term}, och inom "
        "tidshorisonten ({h}) {horizon}.",
        "en": "The chance of having broken even within a term of office (4 years) is {term}, "
        "and within the horizon ({h}) {horizon}.",
    },
    "sens_p_short": {
        "sv": "Tidshorisonten ({h}) ryms i en mandatperiod (4 år); chansen att gå jämnt ut inom "
        "den är {horizon}.",
        "en": "The horizon ({h}) fits within a term of office (4 years); the chance of breaking "
        "even within it is {horizon}.",
    },
    # the tornado
    "sens_tornado_title": {"sv": "Vad styr resultatet?", "en": "What drives the result?"},
    "tornado_title": {
        "sv": "Nettonyttan när ett antagande i taget flyttas",
        "en": "Net benefit when one input at a time is moved",
    },
    "tornado_subtitle": {
        # two lines: on a phone one line ran past the plot's right edge
        "sv": "till sin 10:e och 90:e percentil<br>{whom} · {prices}",
        "en": "to its 10th and 90th percentile<br>{whom} · {prices}",
    },
    "tornado_low": {
        "sv": "Antagandet lågt (10:e percentilen)",
        "en": "Input low (10th percentile)",
    },
    "tornado_high": {
        "sv": "Antagandet högt (90:e percentilen)",
        "en": "Input high (90th percentile)",
    },
    "tornado_central": {"sv": "Centralt fall: {x}", "en": "Central case: {x}"},
    "tornado_hover": {"sv": "{what} {value}: {net}", "en": "{what} {value}: {net}"},
    "sens_tornado_caption": {
        "sv": "Staplarna utgår från det centrala fallet, {central} (alla antaganden på sina "
        "centrala värden). Diskonteringsräntan flyttas mellan 1 och 5 %.",
        "en": "The bars start from the central case, {central} (every input at its central "
        "value). The discount rate is moved between 1 and 5 %.",
    },
    "sens_tornado_top": {
        "sv": "Diagrammet visar de {n} antaganden som flyttar resultatet mest; tabellen visar "
        "alla.",
        "en": "The chart shows the {n} inputs that move the result most; the table shows all.",
    },
    "sens_no_effect": {
        "sv": "Påverkar inte resultatet för {whom}: {names}.",
        "en": "Do not affect the result for {whom}: {names}.",
    },
    "col_input": {"sv": "Antagande", "en": "Input"},
    "col_at_low": {"sv": "Vid 10:e percentilen", "en": "At the 10th percentile"},
    "col_at_high": {"sv": "Vid 90:e percentilen", "en": "At the 90th percentile"},
    "at_value": {"sv": "{net} (vid {value})", "en": "{net} (at {value})"},
    "discount_rate": {"sv": "Diskonteringsränta", "en": "Discount rate"},
    # the value of information
    "sens_voi_title": {
        "sv": "Vilken osäkerhet är värd att utreda?",
        "en": "Which uncertainty is worth studying?",
    },
    "sens_evppi_top": {
        "sv": "Att veta {what} säkert är värt upp till {value} för beslutet.",
        "en": "Knowing {what} for certain is worth up to {value} to the decision.",
    },
    "sens_evpi": {
        "sv": "Att veta allt säkert är värt upp till {value} (EVPI): mer än så kan ingen "
        "utredning vara värd för beslutet om SIG.",
        "en": "Knowing everything for certain is worth up to {value} (EVPI): no study can be "
        "worth more than that to the decision on SIG.",
    },
    "sens_evpi_zero": {
        "sv": "Beslutet blir detsamma i alla simuleringar: att veta mer ändrar det inte "
        "(värdet av perfekt information är 0 kr).",
        "en": "The decision is the same in every simulation: knowing more does not change it "
        "(the value of perfect information is SEK 0).",
    },
    "sens_voi_caption": {
        "sv": "Värdet av information är hur mycket bättre beslutet att införa SIG eller inte blir "
        "i genomsnitt om osäkerheten i ett antagande försvann (EVPPI, Strong, Oakley & Brennan "
        "2014). Det är 0 kr när beslutet blir detsamma vad antagandet än är.",
        "en": "The value of information is how much better the decision to start SIG or not "
        "becomes on average if the uncertainty in one input went away (EVPPI, Strong, Oakley & "
        "Brennan 2014). It is SEK 0 when the decision is the same whatever the input is.",
    },
    "sens_voi_rest": {
        "sv": "Värde 0 kr för beslutet: {names}.",
        "en": "Worth SEK 0 to the decision: {names}.",
    },
    "evppi_title": {
        "sv": "Värdet av att veta ett antagande säkert",
        "en": "The value of knowing one input for certain",
    },
    "axis_value_kr": {"sv": "Värde för beslutet (kr)", "en": "Value to the decision (SEK)"},
    "col_evppi": {"sv": "Värde för beslutet", "en": "Value to the decision"},
    "col_share": {"sv": "Förklarar av spridningen", "en": "Explains of the spread"},
    # the two-way heat map
    "sens_two_way_title": {"sv": "Två antaganden samtidigt", "en": "Two inputs at once"},
    "two_way_x": {"sv": "Vågrät axel", "en": "Horizontal axis"},
    "two_way_y": {"sv": "Lodrät axel", "en": "Vertical axis"},
    "two_way_title": {
        "sv": "Nettonyttan när två antaganden flyttas",
        "en": "Net benefit when two inputs are moved",
    },
    "two_way_central": {"sv": "Centralt fall", "en": "Central case"},
    "two_way_lead": {
        "sv": "Läst ur rutnätet, med övriga antaganden på sina centrala värden. När {x} är",
        "en": "Read from the grid, with the other inputs at their central values. When {x} is",
    },
    "two_way_at_least": {
        "sv": "{xv}: lönar det sig om {y} är minst {yv}",
        "en": "{xv}: it pays off if {y} is at least {yv}",
    },
    "two_way_at_most": {
        "sv": "{xv}: lönar det sig om {y} är högst {yv}",
        "en": "{xv}: it pays off if {y} is at most {yv}",
    },
    "two_way_always": {
        "sv": "{xv}: lönar det sig vad {y} än är (mellan {lo} och {hi})",
        "en": "{xv}: it pays off whatever {y} is (between {lo} and {hi})",
    },
    "two_way_never": {
        "sv": "{xv}: lönar det sig inte för något värde på {y} mellan {lo} och {hi}",
        "en": "{xv}: it does not pay off for any {y} between {lo} and {hi}",
    },
    "two_way_mixed": {
        "sv": "{xv}: lönar det sig för en del av värdena på {y}",
        "en": "{xv}: it pays off for some of the values of {y}",
    },
    "two_way_caption": {
        "sv": "Varje antagande från sin 5:e till sin 95:e percentil. Blått: lönar sig, orange: "
        "lönar sig inte; den streckade linjen är gränsen där nettonyttan är noll, krysset det "
        "centrala fallet.",
        "en": "Each input from its 5th to its 95th percentile. Blue: pays off, orange: does not "
        "pay off; the dashed line is the boundary where the net benefit is zero, the cross the "
        "central case.",
    },
    "two_way_too_few": {
        "sv": "Scenariot har färre än två osäkra antaganden; det finns inget att rita.",
        "en": "The scenario has fewer than two uncertain inputs; there is nothing to draw.",
    },
    # Monte Carlo error
    "sens_mc_title": {"sv": "Hur säkra är siffrorna?", "en": "How steady are the figures?"},
    "sens_mc": {
        "sv": "Slumpens fel (Monte Carlo-fel) med {n} simuleringar: ±{mean} i den förväntade "
        "nettonyttan och ±{prob} procentenheter i chansen att SIG lönar sig.",
        "en": "The error from chance (Monte Carlo error) with {n} simulations: ±{mean} in the "
        "expected net benefit and ±{prob} percentage points in the chance that SIG pays off.",
    },
    "sens_mc_steady": {
        "sv": "Det är litet jämfört med osäkerheten i antagandena.",
        "en": "That is small next to the uncertainty in the inputs.",
    },
    "sens_noisy": {
        "sv": "Siffrorna är fortfarande osäkra av slumpen; öka antalet simuleringar i sidofältet.",
        "en": "The figures are still uncertain from chance; increase the number of simulations "
        "in the sidebar.",
    },
}
