"""Words of the dashboard's input and output in Swedish (default) and English: numbers typed
into fields, uploads, saving a tuned scenario, sources as citations, the comparison's warnings,
downloads and the text beside charts, and the forms with a count (``<key>_1``, ``<key>_n``,
read with :func:`costmodel.app.words.count_words`).

Part of :data:`costmodel.app.words.STRINGS` (look them up with
:func:`costmodel.app.words.tr`); kept apart so that module stays small.
"""

from __future__ import annotations

MORE: dict[str, dict[str, str]] = {
    # numbers typed into a field
    "number_help": {
        "sv": "Skriv ett tal, t.ex. 1,5 eller 2 726 000 (”kr” får stå efter). Decimalkomma "
        "eller decimalpunkt går bra.",
        "en": "Type a number, e.g. 1.5 or 2,726,000 (“SEK” may stand before it).",
    },
    "num_empty": {
        "sv": "Fältet är tomt: skriv ett tal.",
        "en": "The field is empty: type a number.",
    },
    "num_not_a_number": {
        "sv": "”{text}” går inte att läsa som ett tal. Skriv t.ex. 1,5 eller 2 726 000.",
        "en": "“{text}” cannot be read as a number. Type e.g. 1.5 or 2,726,000.",
    },
    "num_ambiguous": {
        "sv": "”{text}” kan betyda två olika tal. Skriv decimaler med komma (1,5) och tusental "
        "med mellanslag (1 500).",
        "en": "“{text}” could mean two different numbers. Write decimals with a point (1.5) "
        "and thousands with a comma (1,500).",
    },
    "num_unit": {
        "sv": "”{text}” har en enhet som fältet inte använder. Skriv bara talet.",
        "en": "“{text}” carries a unit this field does not use. Type the number only.",
    },
    "no_valid_changes": {
        "sv": "Inga giltiga ändringar: resultaten är scenariots egna.",
        "en": "No valid edits: the results are the scenario's own.",
    },
    # forms with a count
    "tune_errors_1": {
        "sv": "1 ändring är ogiltig och används inte. Se markeringen vid antagandet.",
        "en": "1 edit is invalid and not used. See the note at the assumption.",
    },
    "tune_errors_n": {
        "sv": "{n} ändringar är ogiltiga och används inte. Se markeringarna vid antagandena.",
        "en": "{n} edits are invalid and not used. See the notes at the assumptions.",
    },
    "upload_failed_1": {
        "sv": "Filen {file} kunde inte läsas (1 fel). Rätta felet och ladda upp filen igen:",
        "en": "The file {file} could not be read (1 problem). Fix it and upload the file again:",
    },
    "upload_failed_n": {
        "sv": "Filen {file} kunde inte läsas ({n} fel). Rätta felen och ladda upp filen igen:",
        "en": "The file {file} could not be read ({n} problems). Fix them and upload the file "
        "again:",
    },
    "broken_scenarios_1": {
        "sv": "1 medföljande scenariofil kunde inte läsas",
        "en": "1 shipped scenario file could not be read",
    },
    "broken_scenarios_n": {
        "sv": "{n} medföljande scenariofiler kunde inte läsas",
        "en": "{n} shipped scenario files could not be read",
    },
    "pp_1": {"sv": "{x} procentenhet", "en": "{x} percentage point"},
    "pp_n": {"sv": "{x} procentenheter", "en": "{x} percentage points"},
    # uploads
    "upload_too_large": {
        "sv": "filen är {size}, större än gränsen",
        "en": "the file is {size}, over the limit",
    },
    "upload_too_large_expected": {
        "sv": "en scenariofil på högst {limit}",
        "en": "a scenario file of at most {limit}",
    },
    "yaml_syntax": {
        "sv": "filen är inte giltig YAML ({what})",
        "en": "the file is not valid YAML ({what})",
    },
    "yaml_syntax_expected": {
        "sv": "YAML med ett ”nyckel: värde” per rad och indrag med mellanslag",
        "en": "YAML with one “key: value” a line, indented with spaces",
    },
    # saving a tuned scenario to the scenario folder
    "save_file": {
        "sv": "Spara som fil i scenariomappen",
        "en": "Save as a file in the scenario folder",
    },
    "save_file_help": {
        "sv": "Skriver scenariot som en YAML-fil i scenariomappen, så att det finns kvar nästa "
        "gång. En befintlig fil skrivs aldrig över utan att du bekräftar det.",
        "en": "Writes the scenario as a YAML file in the scenario folder, so it is there next "
        "time. An existing file is never replaced unless you confirm it.",
    },
    "save_exists": {
        "sv": "Det finns redan en fil {file}. Välj ett annat namn, eller bekräfta nedan att den "
        "ska skrivas över.",
        "en": "There is already a file {file}. Choose another name, or confirm below that it "
        "should be replaced.",
    },
    "save_overwrite": {"sv": "Skriv över {file}", "en": "Replace {file}"},
    "saved_file": {
        "sv": "Sparade {file} i scenariomappen. Den finns nu i scenariolistan.",
        "en": "Saved {file} in the scenario folder. It is now in the scenario list.",
    },
    "save_failed": {
        "sv": "Kunde inte spara {file}: {what}",
        "en": "Could not save {file}: {what}",
    },
    "variant_renamed": {
        "sv": "Namnet fanns redan; varianten heter ”{name}”.",
        "en": "The name was taken; the variant is called “{name}”.",
    },
    # sources
    "source_file": {"sv": "källfil", "en": "source file"},
    "sources": {"sv": "Källor", "en": "Sources"},
    # comparison
    "compare_differ": {
        "sv": "Obs! Scenarierna skiljer sig i {what}. Skillnaderna nedan beror delvis på det, "
        "inte bara på antagandena.",
        "en": "Note: the scenarios differ in {what}. The differences below come partly from "
        "that, not only from the assumptions.",
    },
    "differ_discount": {"sv": "diskonteringsränta ({list})", "en": "discount rate ({list})"},
    "differ_price_year": {"sv": "prisår ({list})", "en": "price year ({list})"},
    "differ_perspective": {
        "sv": "scenariots eget perspektiv ({list}); här visas alla i samma vy: {view}",
        "en": "the scenario's own perspective ({list}); all are shown here in one view: {view}",
    },
    "and": {"sv": "och", "en": "and"},
    "col_changed": {"sv": "Ändrade antaganden", "en": "Changed assumptions"},
    "changed_none": {"sv": "inga", "en": "none"},
    "changed_other_model": {
        "sv": "annan modell",
        "en": "another model",
    },
    "all_payers": {"sv": "Alla betalare, oavsett vald vy", "en": "Every payer, whatever the view"},
    "compare_payer_caption": {
        "sv": "Staplarna visar varje betalare oavsett vald vy.",
        "en": "The bars show every payer whatever the chosen view.",
    },
    "perspective_kept": {
        "sv": "Du visar {view}; {name} är räknat för {own}.",
        "en": "You are viewing {view}; {name} was calculated for {own}.",
    },
    # short horizons
    "kpi_worst": {"sv": "Sämsta 5 % av utfallen", "en": "Worst 5% of outcomes"},
    "kpi_worst_help": {
        "sv": "Nettonyttan som 5 % av simuleringarna hamnar under: hur illa det kan gå.",
        "en": "The net benefit that 5% of the simulations fall below: how bad it can get.",
    },
    "kpi_worst_caption": {
        "sv": "i 1 fall av 20 blir det sämre än så",
        "en": "1 case in 20 ends worse than this",
    },
    "short_horizon": {
        "sv": "Scenariot räknar på {h}, så i stället för en kurva år för år visas hur säker "
        "nettonyttan är.",
        "en": "The scenario covers {h}, so instead of a year-by-year curve the chart shows how "
        "sure the net benefit is.",
    },
    # text beside the charts
    "chart_table": {"sv": "Siffrorna i diagrammet", "en": "The figures in the chart"},
    "col_year": {"sv": "År", "en": "Year"},
    "col_mean": {"sv": "Förväntat", "en": "Expected"},
    "col_p5": {"sv": "5 %", "en": "5%"},
    "col_p95": {"sv": "95 %", "en": "95%"},
    "col_payer": {"sv": "Betalare", "en": "Payer"},
    "col_category": {"sv": "Kategori", "en": "Category"},
    "col_amount": {"sv": "Belopp", "en": "Amount"},
    "col_range": {"sv": "Nettonytta", "en": "Net benefit"},
    "col_sims": {"sv": "Andel av simuleringarna", "en": "Share of simulations"},
    "hist_caption": {
        "sv": "Lönar sig i {pos} av simuleringarna (staplar till höger om noll), lönar sig inte "
        "i {neg} (till vänster). Hälften av utfallen ligger under {median}.",
        "en": "Pays off in {pos} of the simulations (bars right of zero), does not pay off in "
        "{neg} (left of it). Half of the outcomes lie below {median}.",
    },
    # downloads
    "download_csv": {"sv": "Ladda ner tabellen (CSV)", "en": "Download the table (CSV)"},
    "download_xlsx": {"sv": "Ladda ner tabellen (Excel)", "en": "Download the table (Excel)"},
    "sheet_payers": {"sv": "Per betalare", "en": "By payer"},
    "sheet_years": {"sv": "Per år", "en": "By year"},
    "sheet_compare": {"sv": "Jämförelse", "en": "Comparison"},
    "image_format": {"sv": "Diagram som bild", "en": "Charts as images"},
    "downloads": {"sv": "Ladda ner", "en": "Download"},
    "chart_download_hint": {
        "sv": "Diagrammen kan sparas som bild med kameraknappen uppe till höger i varje diagram.",
        "en": "Save a chart as an image with the camera button at the top right of it.",
    },
}
