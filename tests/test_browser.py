"""End to end in a real browser: Debian's Chromium driven by Playwright against
the dashboard served as ``make app`` serves it
(``python -m costmodel.app.serve app.py``) on 127.0.0.1.

The server is started by a fixture on a free port and stopped at the end. The tests open the
dashboard, change a parameter and see the KPI move, switch the language, upload a broken file
and see its problems, and check that the page asks nothing of any other host (offline).
Screenshots go to tests/artifacts/ (gitignored). Skipped only when /usr/bin/chromium is absent
(``make browser`` installs it).
"""

from __future__ import annotations

import itertools
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Request, Route, expect, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STARTUP_LIMIT_S = 60  # how long the server may take to answer before the test fails
WAIT_MS = 30_000  # how long an element may take to appear

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed (run `make browser`)"
    ),
]

MODE_INPUT = ".st-key-arg__file_vaxjo_yaml__avoided_placement_years__pert__mode input"
TUNE_NET = ".st-key-kpi_net_tune [data-testid='stMetricValue']"
OVERVIEW_NET = ".st-key-kpi_net_overview [data-testid='stMetricValue']"
# for the municipality the first card is its budget, with society as a whole beside it
OVERVIEW_BUDGET = ".st-key-kpi_budget_overview [data-testid='stMetricValue']"
OVERVIEW_SOCIETY = ".st-key-kpi_society_overview [data-testid='stMetricValue']"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    ARTIFACTS.mkdir(exist_ok=True)
    log_path = ARTIFACTS / "streamlit.log"
    log = log_path.open("w", encoding="utf-8")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "costmodel.app.serve",  # as make app serves it
            "app.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ],
        cwd=ROOT,
        env=env,
        # a log file, not a pipe: an unread pipe fills up and would block the server
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + STARTUP_LIMIT_S
        while True:
            if proc.poll() is not None:
                log.flush()
                out = log_path.read_text(encoding="utf-8", errors="replace")
                pytest.fail(f"streamlit exited with {proc.returncode}:\n{out}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"streamlit did not answer on {url} within {STARTUP_LIMIT_S} s")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def foreign() -> list[str]:
    """Requests the page made to any host but the test server (must stay empty: offline)."""
    return []


@pytest.fixture
def page(browser: Browser, server: str, foreign: list[str]) -> Iterator[Page]:
    """A fresh page at 1280×800 that records every request to another host in ``foreign``."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})

    def record(request: Request) -> None:
        if not request.url.startswith((server, "data:", "blob:", "about:")):
            foreign.append(request.url)

    page.on("request", record)
    page.goto(server)
    page.locator(OVERVIEW_BUDGET).wait_for(timeout=WAIT_MS)
    yield page
    page.close()


def _settled(page: Page) -> None:
    """Wait until Streamlit has finished the current rerun."""
    page.wait_for_timeout(300)
    page.locator("[data-testid='stStatusWidget']").wait_for(state="detached", timeout=WAIT_MS)


def test_change_a_parameter_and_see_the_kpi_move(page: Page, foreign: list[str]) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    overview = page.locator(OVERVIEW_BUDGET)
    # Växjö: 2,52 mnkr a placement-year × pert(0, 0.5, 1.5) (mean 0.58) − 0,92 mnkr for SIG
    expect(overview).to_have_text("0,56 mnkr")
    expect(page.locator(OVERVIEW_SOCIETY)).to_have_text("1,1 mnkr")
    page.get_by_role("tab", name="Anpassa").click()
    tune = page.locator(TUNE_NET)
    expect(tune).to_have_text("0,56 mnkr")
    box = page.locator(MODE_INPUT)
    expect(box).to_have_value("0,5")
    box.fill("1")  # the published figure as the most likely value
    box.press("Enter")
    # half a placement-year more in the PERT's mode adds 4 × 0.5 / 6 = 1/3 placement-year on
    # average: a third of 2,5 mnkr
    expect(tune).to_have_text("1,4 mnkr", timeout=WAIT_MS)
    delta = page.locator(".st-key-kpi_net_tune [data-testid='stMetricDelta']")
    expect(delta).to_contain_text("+0,8")
    expect(page.get_by_text("ändrad").first).to_be_visible()
    _settled(page)
    page.screenshot(path=str(ARTIFACTS / "anpassa_changed.png"))
    page.get_by_role("tab", name="Översikt").click()
    expect(overview).to_have_text("0,56 mnkr")  # the overview keeps the shipped scenario
    assert foreign == []


def test_language_and_perspective_switches(page: Page, foreign: list[str]) -> None:
    # the perspective switch in the sidebar (the society card has the same words)
    page.locator(".st-key-perspective").get_by_text("Hela samhället", exact=True).click()
    # the state's share of a SiS placement and the robberies avoided: 0,56 → 1,1 mnkr
    expect(page.locator(OVERVIEW_NET)).to_have_text("1,1 mnkr", timeout=WAIT_MS)
    page.get_by_text("English", exact=True).click()
    expect(page.get_by_role("tab", name="Overview")).to_be_visible(timeout=WAIT_MS)
    label = page.locator(".st-key-kpi_net_overview [data-testid='stMetricLabel']")
    expect(label).to_contain_text("Expected net benefit")
    expect(page.locator(OVERVIEW_NET)).to_have_text("SEK 1.1m")
    # the perspective stays chosen under its English label
    expect(page.get_by_role("radio", name="Society as a whole")).to_be_checked()
    _settled(page)
    page.screenshot(path=str(ARTIFACTS / "overview_english.png"))
    assert foreign == []


def test_an_uploaded_name_with_an_image_link_fetches_nothing(
    page: Page, foreign: list[str], tmp_path: Path
) -> None:
    text = (ROOT / "scenarios" / "vaxjo.yaml").read_text(encoding="utf-8")
    start = text.index("  name: ")
    end = text.index("\n", start)
    pixel = "Spårad ![p](http://example.invalid/pixel.png)"
    text = text[:start] + f'  name: "{pixel}"' + text[end:]
    f = tmp_path / "pixel.yaml"
    f.write_text(text, encoding="utf-8")
    page.locator(".st-key-upload input[type='file']").set_input_files(str(f))
    # the name is shown as the text it is, and the browser asks no other host for anything,
    # also once the comparison table (whose headers Streamlit renders as markdown) is drawn
    expect(page.get_by_text(pixel).first).to_be_visible(timeout=WAIT_MS)
    page.get_by_role("tab", name="Jämför").click()
    table = page.locator("[data-testid='stTable']").filter(has_text="Mått")
    expect(table).to_contain_text(pixel, timeout=WAIT_MS)
    _settled(page)
    assert foreign == []


def test_a_broken_upload_is_reported_with_line_and_key(page: Page, tmp_path: Path) -> None:
    text = (ROOT / "scenarios" / "vaxjo.yaml").read_text(encoding="utf-8")
    shipped = "value: {dist: pert, low: 0, mode: 0.5, high: 1.5}"
    assert shipped in text
    text = text.replace(shipped, "value: {dist: pert, low: 0, mode: 3, high: 1.5}")
    bad = tmp_path / "trasig.yaml"
    bad.write_text(text, encoding="utf-8")
    page.locator(".st-key-upload input[type='file']").set_input_files(str(bad))
    alert = page.get_by_text("Filen trasig.yaml kunde inte läsas")
    expect(alert).to_be_visible(timeout=WAIT_MS)
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "mode: 3, high: 1.5" in ln)
    expect(page.get_by_text(f"rad {line}").first).to_be_visible()
    expect(page.locator(OVERVIEW_BUDGET)).to_have_text("0,56 mnkr")
    _settled(page)
    page.screenshot(path=str(ARTIFACTS / "upload_error.png"))


SENS_SWITCHING = ".st-key-sens_switching"


def _headings(page: Page) -> list[tuple[int, str]]:
    """The visible headings of the main area, in order, as (level, text)."""
    found: list[list[object]] = page.evaluate(
        """() => Array.from(document.querySelectorAll(
              '[data-testid="stMain"] h1, [data-testid="stMain"] h2, [data-testid="stMain"] h3,'
              + '[data-testid="stMain"] h4, [data-testid="stMain"] h5, [data-testid="stMain"] h6'))
            .filter(h => h.offsetParent !== null && h.innerText.trim())
            .map(h => [Number(h.tagName[1]), h.innerText.trim()])"""
    )
    return [(int(str(level)), str(text)) for level, text in found]


def test_the_sensitivity_page_renders_and_answers(page: Page, foreign: list[str]) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.get_by_role("tab", name="Känslighet").click()
    # what a politician should see first: the switching value in words
    switching = page.locator(SENS_SWITCHING)
    expect(switching).to_contain_text(
        "undvikna placeringsår per år med SIG är minst 0,33 placeringsår per år", timeout=WAIT_MS
    )
    expect(switching).to_contain_text("I det centrala fallet går SIG jämnt ut år 1")
    for key in ("tornado_chart", "evppi_bars", "two_way_heatmap"):
        expect(page.locator(f".st-key-{key} .main-svg").first).to_be_visible(timeout=WAIT_MS)
    # text beside every chart: the tables and the heat map's words
    expect(page.locator(".st-key-sens_tornado_table [data-testid='stTable']")).to_contain_text(
        "Undvikna placeringsår per år med SIG"
    )
    expect(page.locator(".st-key-sens_evppi_table [data-testid='stTable']")).to_be_visible()
    expect(page.locator(".st-key-sens_voi")).to_contain_text("för beslutet")
    expect(page.locator(".st-key-sens_mc")).to_contain_text("Monte Carlo-fel")
    # headings in order: no level skipped on the way down
    levels = [level for level, _ in _headings(page)]
    assert levels[0] <= 2 and all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    # another input on the vertical axis redraws the heat map and its words
    _settled(page)
    box = page.get_by_role("combobox", name="Lodrät axel")
    box.scroll_into_view_if_needed()  # the list closes again if the click has to scroll
    page.wait_for_timeout(300)
    box.click()
    page.get_by_role("option", name="SIG:s kostnad per år – kommunen").click()
    expect(page.locator(".st-key-sens_two_way_words")).to_contain_text(
        "SIG:s kostnad per år (kommunen)", timeout=WAIT_MS
    )
    _settled(page)
    assert page.locator("[data-testid='stException']").count() == 0
    page.screenshot(path=str(ARTIFACTS / "sensitivity.png"), full_page=True)
    # a phone's width: nothing wider than the screen
    page.set_viewport_size({"width": 420, "height": 900})
    _settled(page)
    overflow = page.evaluate(
        """() => { const m = document.querySelector('[data-testid="stMain"]');
                   return m.scrollWidth - m.clientWidth; }"""
    )
    assert overflow <= 1, overflow
    page.screenshot(path=str(ARTIFACTS / "sensitivity_420.png"))
    assert errors == []
    assert foreign == []


# --- #11: typing, accessibility, phone width, downloads ------------------------------------------

PAGES = {
    "sv": ("Översikt", "Anpassa", "Jämför", "Känslighet"),
    "en": ("Overview", "Tune", "Compare", "Sensitivity"),
}


def _open(page: Page, name: str) -> None:
    page.get_by_role("tab", name=name).click()
    _settled(page)
    page.wait_for_timeout(500)  # charts draw after the rerun
    _settled(page)


def test_a_swedish_decimal_comma_is_read_and_nonsense_is_refused(page: Page) -> None:
    page.get_by_role("tab", name="Anpassa").click()
    tune = page.locator(TUNE_NET)
    box = page.locator(MODE_INPUT)
    expect(box).to_have_value("0,5")
    box.fill("1,0")  # read as 1, not 10 (10 would be refused as above the high of 1,5)
    box.press("Enter")
    expect(tune).to_have_text("1,4 mnkr", timeout=WAIT_MS)
    box.fill("1,5,3")
    box.press("Enter")
    field = page.locator(".st-key-param__file_vaxjo_yaml__avoided_placement_years")
    expect(field.get_by_text("går inte att läsa som ett tal")).to_be_visible(timeout=WAIT_MS)
    expect(tune).to_have_text("0,56 mnkr")  # the unreadable number is not used
    cost = page.locator(".st-key-arg__file_vaxjo_yaml__placement_cost_kommun__pert__mode input")
    expect(cost).to_have_value("2 726 000")
    _settled(page)
    page.screenshot(path=str(ARTIFACTS / "anpassa_decimal_comma.png"))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_page_passes_axe_core(page: Page, lang: str) -> None:
    """WCAG 2.1 AA as axe-core checks it: no serious or critical violation on any page."""
    from axe_playwright_python.sync_playwright import Axe

    if lang == "en":
        page.get_by_text("English", exact=True).click()
        expect(page.get_by_role("tab", name="Overview")).to_be_visible(timeout=WAIT_MS)
    axe = Axe()
    found = {}
    for name in PAGES[lang]:
        _open(page, name)
        result = axe.run(page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]})
        bad = [
            f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}"
            for v in result.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        if bad:
            found[name] = bad
        levels = [level for level, _ in _headings(page)]
        assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), (name, levels)
    assert found == {}


def test_the_pages_work_by_keyboard(page: Page) -> None:
    tab = page.get_by_role("tab", name="Översikt")
    tab.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    expect(page.get_by_role("tab", name="Anpassa")).to_have_attribute(
        "aria-selected", "true", timeout=WAIT_MS
    )
    box = page.locator(MODE_INPUT)
    box.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("1")
    page.keyboard.press("Enter")
    expect(page.locator(TUNE_NET)).to_have_text("1,4 mnkr", timeout=WAIT_MS)


FIGURES = {"sv": "Siffrorna i diagrammet", "en": "The figures in the chart"}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_page_fits_a_phone(browser: Browser, server: str, lang: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(server)
    page.locator("[data-testid='stMetricValue']").first.wait_for(timeout=WAIT_MS)
    if lang == "en":  # the sidebar is folded away on a phone: open it, choose, fold it
        page.get_by_test_id("stExpandSidebarButton").click()
        page.get_by_text("English", exact=True).click()
        expect(page.get_by_role("tab", name="Overview")).to_be_attached(timeout=WAIT_MS)
        _settled(page)
        page.get_by_test_id("stSidebarCollapseButton").locator("button").click()
    for i, name in enumerate(PAGES[lang]):
        _open(page, name)
        if i == 0:  # the charts' figure tables fit too, unfolded
            for label in page.get_by_text(FIGURES[lang], exact=True).all():
                label.click()
            _settled(page)
        overflow = page.evaluate(
            """() => { const m = document.querySelector('[data-testid="stMain"]');
                       return m.scrollWidth - m.clientWidth; }"""
        )
        assert overflow <= 1, (name, overflow)
        page.screenshot(path=str(ARTIFACTS / f"phone_{lang}_{i}.png"))
    # the assumptions scroll with the page: no inner box with its own scrollbar
    _open(page, PAGES[lang][1])
    boxes = page.evaluate(
        """() => Array.from(document.querySelectorAll('[data-testid="stMain"] *'))
              .filter(e => { const s = getComputedStyle(e);
                  return (s.overflowY === 'auto' || s.overflowY === 'scroll')
                         && e.scrollHeight > e.clientHeight + 5
                         && e.querySelector('[class*="st-key-param__"]'); })
              .map(e => e.className).filter(c => !String(c).includes('stMain'))"""
    )
    assert boxes == [], boxes
    page.close()


def test_tables_and_charts_download(page: Page, tmp_path: Path) -> None:
    import openpyxl

    box = page.locator(".st-key-overview_downloads")
    box.scroll_into_view_if_needed()
    with page.expect_download(timeout=WAIT_MS) as info:
        box.get_by_role("button", name="Ladda ner tabellen (Excel)").click()
    xlsx = info.value
    assert xlsx.suggested_filename.startswith("vaxjo-")
    assert "seed20150801-n10000" in xlsx.suggested_filename
    target = tmp_path / xlsx.suggested_filename
    xlsx.save_as(target)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Per betalare", "Per år", "costmodel"]
    with page.expect_download(timeout=WAIT_MS) as info:
        box.get_by_role("button", name="Ladda ner tabellen (CSV): per år").click()
    csv_path = tmp_path / "per_ar.csv"
    info.value.save_as(csv_path)
    lines = csv_path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("År;") and lines[1].startswith("1;")
    # a chart as an image, drawn in the browser by plotly's own button
    chart = page.locator(".js-plotly-plot").first
    chart.hover()
    with page.expect_download(timeout=WAIT_MS) as info:
        chart.locator("[data-title*='png'], [data-title*='PNG'], .modebar-btn").first.click()
    png = info.value.suggested_filename
    assert png.startswith("vaxjo-") and "seed20150801-n10000" in png and png.endswith(".png")


# --- #11 point 9: the answer does not wait for the charts ----------------------------------------

CHART_DRAWN = "[data-testid='stPlotlyChart'] svg.main-svg"
PLOTLY_JS = "**/PlotlyChart*.js"  # Streamlit's plotly chunk (4.7 MB), fetched for the first chart


def test_the_answer_and_its_figures_show_without_waiting_for_the_charts(
    browser: Browser, server: str
) -> None:
    """Order, not time: with plotly's JavaScript held back, the answer sentence and the key
    figures show and no chart is drawn; let through, the charts draw."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    held: list[Route] = []
    page.route(PLOTLY_JS, lambda route: held.append(route))
    page.goto(server)
    expect(page.locator(OVERVIEW_BUDGET)).to_have_text(re.compile(r"\d.*kr"), timeout=WAIT_MS)
    expect(page.locator(OVERVIEW_SOCIETY)).to_have_text(re.compile(r"\d.*kr"))
    answer = page.locator("[data-testid='stAlertContainer']").first
    expect(answer).to_contain_text(re.compile(r"\d.*kr"))
    for _ in range(WAIT_MS // 100):  # the page has asked for the charts' JavaScript
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the page never asked for plotly's JavaScript"
    assert page.locator(CHART_DRAWN).count() == 0
    page.screenshot(path=str(ARTIFACTS / "answer_before_charts.png"))
    for route in held:
        route.continue_()
    page.unroute(PLOTLY_JS)
    page.locator(CHART_DRAWN).first.wait_for(timeout=WAIT_MS)
    drawn = page.locator("[data-testid='stPlotlyChart']:has(svg.main-svg)")
    expect(drawn).to_have_count(2, timeout=WAIT_MS)  # Översikt's two charts
    page.close()
