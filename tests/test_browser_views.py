"""Every view and every export at a projector's 1280x720 and at 1920x1080, in Debian's Chromium, saved to
tests/artifacts/ (gitignored) for a human to look at; with the checks a teacher would make by eye:
nothing scrolls sideways, the offline page's menu covers no lane name, a character's choice greys the
other headlines, TimelineJS shows an interval as its range and the teacher's notes."""
from __future__ import annotations

import json
import re

import pytest

from conftest import chromium_browser, offline_page, streamlit_server
from store_support import stored_story
from test_browser_app import ARTIFACTS, no_horizontal_scroll, settle, shot, slide_fits
from test_export_browser import our_errors, timelinejs_page

from dashboard import data, export, timeline
from dashboard.palette import character_colors

pytestmark = pytest.mark.browser
SIZES = [(1280, 720), (1920, 1080)]
VIEWS = {"timeline": "[data-testid='stPlotlyChart'] .main-svg", "present": ".sl-slide",
         "cast": "[data-testid='stDataFrame']", "table": "[data-testid='stDataFrame']",
         "stories": "[data-testid='stFileUploader']"}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    lib = tmp_path_factory.mktemp("views_library")
    slug = stored_story(lib, title="The clockmaker's daughter")
    with streamlit_server({"STORYLINE_LIBRARY": str(lib), "STORYLINE_DATA": None}) as url:
        yield url, slug


@pytest.fixture(scope="module")
def browser():
    with chromium_browser() as b:
        yield b


@pytest.mark.parametrize("width, height", SIZES)
@pytest.mark.parametrize("view", list(VIEWS))
def test_every_view_at_both_sizes(server, browser, view, width, height):
    url, slug = server
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.goto(f"{url}/?story={slug}&view={view}" + ("&step=4" if view == "present" else ""))
        page.wait_for_selector(VIEWS[view], timeout=60_000)
        settle(page)
        assert no_horizontal_scroll(page)
        shot(page, f"view_{view}_{width}x{height}.png")
    finally:
        page.close()


@pytest.mark.parametrize("width, height", SIZES)
@pytest.mark.parametrize("ui", ["en", "es", "it"])
def test_a_teachers_slide_fits_with_its_notes_panel_and_the_bar_is_never_cut(server, browser, ui, width, height):
    """A teacher's presentation shows the notes panel under the strip: with it, the slide still fits the window
    without the page scrolling, and every button of the bar shows its whole label ("Pantalla completa")."""
    url, slug = server
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.goto(f"{url}/present?story={slug}&step=3&ui={ui}")
        page.wait_for_selector(".sl-slide", timeout=60_000)
        page.wait_for_selector("[data-testid='stExpander'] summary", timeout=30_000)   # the notes panel
        page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=30_000)   # the strip
        settle(page)
        assert slide_fits(page, height)
        cut = page.evaluate("""() => [...document.querySelectorAll('.st-key-present_bar button p')]
            .filter(p => p.scrollWidth > p.clientWidth + 1).map(p => p.innerText)""")
        assert cut == []
        shot(page, f"present_notes_{ui}_{width}x{height}.png")
    finally:
        page.close()


CUT_LABELS = """() => [...document.querySelectorAll('[data-testid="stMain"] *')].filter(e =>
    getComputedStyle(e).textOverflow == 'ellipsis' && e.scrollWidth > e.clientWidth + 1 && e.innerText
    && !e.closest('[data-testid="stDataFrame"]') && !e.closest('[data-baseweb="select"]')).map(e => e.innerText)"""


@pytest.mark.parametrize("ui", ["en", "es", "it"])
@pytest.mark.parametrize("view", ["timeline", "present", "cast", "stories"])
def test_no_label_is_cut_at_1280_in_any_language(server, browser, ui, view):
    """A projector's 1280 px with the sidebar open: every control shows its whole label ("Pantalla an…" was
    the Spanish wide-screen switch)."""
    url, slug = server
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    try:
        page.goto(f"{url}/?story={slug}&view={view}&ui={ui}&step=2")
        page.wait_for_selector(VIEWS[view], timeout=60_000)
        settle(page)
        assert page.evaluate(CUT_LABELS) == []
    finally:
        page.close()


def sample_story():
    from store_support import sample_output
    import pandas as pd
    evs, chars = sample_output()
    ev = data.prepare(pd.DataFrame(evs))
    ev = ev[ev["kind"] == "story"].reset_index(drop=True)
    ev.loc[1, ["date", "date_precision", "date_from", "date_to"]] = [None, "interval", "1960", "1962-03"]
    ev["notes"] = ""
    ev.loc[0, "notes"] = "Ask the class: why does Tomaso want this?"
    cast = [c["name"] for c in chars]
    return ev, pd.DataFrame(chars), cast


@pytest.mark.parametrize("width, height", SIZES)
def test_the_offline_html_export(browser, tmp_path, width, height):
    ev, chars, cast = sample_story()
    fig = timeline.build_timeline(ev, cast=cast, colors=character_colors(cast))
    page_html = export.offline_html(ev, chars, fig=fig, title="The clockmaker's daughter")
    path = tmp_path / "timeline.html"
    path.write_text(page_html, encoding="utf-8")
    with offline_page(browser) as page:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(path.as_uri())
        page.wait_for_selector(".updatemenu-header-group", timeout=30_000)
        menu = page.locator(".updatemenu-header-group").first.bounding_box()
        for tick in page.locator(".xtick text").all():       # the lane names
            b = tick.bounding_box()
            assert b is None or menu["y"] + menu["height"] <= b["y"] or menu["x"] >= b["x"] + b["width"]
        assert page.locator(".gtitle").first.text_content() == "The clockmaker's daughter"
        shot(page, f"export_html_{width}x{height}.png")
        page.locator(".updatemenu-header-group").first.click()
        page.locator(".updatemenu-item-text", has_text="Luca Bellini").first.click()
        page.wait_for_timeout(600)
        # the headlines are the text of the "headlines" trace (drawn traces are in data order)
        fills = page.evaluate("""() => { const gd = document.getElementById('storyline-timeline');
            const k = gd._fullData.filter(t => t.visible === true).findIndex(t => t.name === 'headlines');
            const tr = document.querySelectorAll('.scatterlayer .trace')[k];
            return [...tr.querySelectorAll('text')].map(
              t => (t.querySelector('tspan[style*="B4B4B4"], tspan[style*="180, 180, 180"]') ? 'grey' : 'dark')); }""")
        luca = [("Luca Bellini" in cs) for cs in
                [ev.set_index("id").loc[i, "characters"] for i in fig.layout.meta["rows"]]]
        assert fills.count("dark") >= sum(luca) and "grey" in fills
        shot(page, f"export_html_filtered_{width}x{height}.png")
        assert our_errors(page) == []


def test_the_png_export_grows_with_the_story_and_has_its_title():
    ev, chars, cast = sample_story()
    fig = export.with_title(timeline.build_timeline(ev, cast=cast, colors=character_colors(cast),
                                                    style=timeline.Style(plot_px=1180, width_px=export.PNG_WIDTH)),
                            "The clockmaker's daughter")
    raw = export.png(fig)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "export_png.png").write_bytes(raw)
    import struct
    w, h = struct.unpack(">II", raw[16:24])
    assert w == 1280 and h > 360 + 21 * 25


@pytest.mark.parametrize("width, height", SIZES)
def test_the_timelinejs_export_shows_intervals_and_notes(browser, tmp_path, width, height):
    ev, _, _ = sample_story()
    doc = export.timelinejs_json(ev, title="The clockmaker's daughter")
    with offline_page(browser) as page:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(timelinejs_page(tmp_path, doc).as_uri())
        page.wait_for_selector(".tl-timemarker", state="attached")
        page.wait_for_timeout(800)
        shot(page, f"export_timelinejs_title_{width}x{height}.png")
        page.locator(".tl-slidenav-next").first.click()
        page.wait_for_timeout(1200)
        assert page.get_by_text("Ask the class: why does Tomaso want this?").first.is_visible()
        shot(page, f"export_timelinejs_{width}x{height}.png")
        page.locator(".tl-slidenav-next").first.click()
        page.wait_for_timeout(1200)
        assert page.get_by_text(re.compile(r"between 1960 and March 1962")).first.is_visible()
        shot(page, f"export_timelinejs_interval_{width}x{height}.png")
