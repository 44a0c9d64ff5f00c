"""Report downloads in a real browser (headless Chromium against ``streamlit run app.py``):
the Word file downloaded from Översikt says what the page's summary says, and the one from
Anpassa after an edit is the tuned variant's, its change listed; nothing is fetched from
another host. The server, browser and page fixtures are the dashboard browser test's."""

from __future__ import annotations

from pathlib import Path

import docx
from playwright.sync_api import Page, expect

from . import test_browser as dashboard
from .test_browser import MODE_INPUT, TUNE_NET, WAIT_MS, _settled

# the dashboard browser test's fixtures and marks: one server per module, Chromium, a page
# that records requests to any other host
server = dashboard.server
browser = dashboard.browser
foreign = dashboard.foreign
page = dashboard.page
pytestmark = dashboard.pytestmark


def _download(page: Page, box: str, label: str, target: Path) -> docx.document.Document:
    with page.expect_download(timeout=WAIT_MS) as info:
        page.locator(box).get_by_role("button", name=label).click()
    info.value.save_as(target)
    return docx.Document(str(target))


def test_overview_word_report_says_what_the_page_says(
    page: Page, foreign: list[str], tmp_path: Path
) -> None:
    box = ".st-key-report_downloads_overview"
    page.locator(box).scroll_into_view_if_needed()
    # the summary to copy is in a popover (drawn when opened)
    page.locator(box).get_by_role("button", name="Kopiera sammanfattning").click()
    summary = page.locator("[data-testid='stPopoverBody'] [data-testid='stCode']").inner_text()
    page.keyboard.press("Escape")
    d = _download(page, box, "Word (.docx)", tmp_path / "oversikt.docx")
    headings = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "Sammanfattning" and headings[-1] == "Reproducerbarhet"
    first = d.paragraphs[3].text  # title, subtitle, heading, then the summary
    assert first and first in summary.replace("\n", " ")
    assert foreign == []


def test_tune_report_is_the_tuned_variants(page: Page, foreign: list[str], tmp_path: Path) -> None:
    page.get_by_role("tab", name="Anpassa").click()
    box = page.locator(MODE_INPUT)
    box.fill("1")
    box.press("Enter")
    expect(page.locator(TUNE_NET)).to_have_text("1,4 mnkr", timeout=WAIT_MS)
    _settled(page)
    tune_box = ".st-key-report_downloads_tune"
    expect(page.locator(tune_box)).to_contain_text("anpassade varianten")
    d = _download(page, tune_box, "Word (.docx)", tmp_path / "anpassad.docx")
    assert "anpassad variant av Växjö – en undviken placering per år" in d.paragraphs[1].text
    changed = {tuple(c.text for c in r.cells) for t in d.tables for r in t.rows}
    assert (
        "Undvikna placeringsår per år med SIG",
        "PERT lägst 0, troligast 0,5, högst 1,5",
        "PERT lägst 0, troligast 1, högst 1,5",
    ) in changed, changed
    assert foreign == []
