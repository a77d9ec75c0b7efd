"""The real app in Debian's Chromium: filter, click, present, and screenshots for a human to check.

Screenshots go to tests/artifacts/ (gitignored): timeline/presentation/table at 1280x720 and 1920x1080.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import ROOT, SAMPLE, chromium_browser, streamlit_server

pytestmark = pytest.mark.browser
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="module")
def server():
    with streamlit_server({"STORYLINE_DATA": str(SAMPLE)}) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium_browser() as b:
        yield b


def open_page(browser, url: str, width: int, height: int, ready: str = "[data-testid='stPlotlyChart'] .main-svg"):
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(url)
    page.wait_for_selector(ready, timeout=30_000)
    settle(page)
    return page


def settle(page) -> None:
    """Wait until Streamlit has finished the rerun (no running indicator, no stale elements)."""
    page.wait_for_timeout(300)
    page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)
    page.wait_for_timeout(400)


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("""() => {
        const m = document.querySelector('[data-testid="stMain"]') || document.documentElement;
        return m.scrollWidth <= m.clientWidth + 1 && document.documentElement.scrollWidth <= innerWidth + 1;
    }""")


def shot(page, name: str, full: bool = False) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=full)
    return path


def wait_text(page, text: str) -> None:
    page.get_by_text(text).first.wait_for(timeout=30_000)


def events_caption(page) -> str:
    return page.get_by_text(re.compile(r"\d+ of \d+ events")).first.inner_text()


def filter_by(page, typed: str) -> None:
    """Pick a character in the sidebar's first multiselect, as a user does (type, Enter, Escape)."""
    page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").first.click()
    page.keyboard.type(typed)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")


def prepare_export(page):
    """Open the export panel and prepare the default file; the download button it offers."""
    page.get_by_text("Export / download").first.click()
    settle(page)
    page.get_by_role("button", name="Prepare the file").click()
    settle(page)
    download = page.get_by_role("button", name="Download timelinejs.json")
    download.first.wait_for(timeout=30_000)
    return download


@pytest.mark.parametrize("width, height", [(1280, 720), (1920, 1080)])
def test_timeline_filter_and_click(server, browser, width, height):
    page = open_page(browser, server, width, height)
    try:
        assert "21 of 30 events" in events_caption(page)
        assert no_horizontal_scroll(page)
        shot(page, f"timeline_{width}x{height}.png")
        page.locator("[data-testid='stPlotlyChart']").first.screenshot(path=str(ARTIFACTS / f"chart_{width}.png"))

        # filter through the real multiselect, then remove the chip again
        filter_by(page, "Luca")
        wait_text(page, "2 of 30 events")
        page.wait_for_url(re.compile(r"char=Luca(\+|%20)Bellini"), timeout=30_000)
        settle(page)
        shot(page, f"timeline_filtered_{width}x{height}.png")
        page.get_by_role("button", name="Remove Luca Bellini").first.click()
        wait_text(page, "21 of 30 events")
        settle(page)

        # click a dot in the lanes: its details open below
        dot = page.locator("[data-testid='stPlotlyChart'] .scatterlayer .trace .points path").nth(8)
        dot.click(force=True)
        page.wait_for_url(re.compile(r"ev=e0*(?!01\b)\d+"), timeout=30_000)
        settle(page)
        picked = re.search(r"ev=(e\d+)", page.url).group(1)
        assert picked != "e001"
        assert page.get_by_text("Sources (").count() >= 1
        # the clicked event's details are brought into the window, without the user scrolling
        # (below the header that holds the pages' navigation, not under it)
        page.wait_for_function("""(h) => { const d = document.querySelector('.st-key-details');
            const head = document.querySelector('header[data-testid="stHeader"]');
            const top = head ? head.getBoundingClientRect().bottom : 0;
            if (!d) return false; const r = d.getBoundingClientRect(); return r.top >= top - 2 && r.top < h - 150; }""",
                               arg=height, timeout=10_000)
        head = page.locator(".st-key-details h3").first.bounding_box()
        assert head and 0 <= head["y"] <= height - head["height"]
        shot(page, f"details_{width}x{height}.png")
    finally:
        page.close()


def slide_fits(page, height: int) -> bool:
    """The slide and the strip below it are inside the window, and nothing scrolls."""
    return page.evaluate("""(h) => {
        const c = document.querySelector('[data-testid="stPlotlyChart"]');
        const m = document.querySelector('[data-testid="stMain"]');
        const s = document.querySelector('.st-key-present');
        return c.getBoundingClientRect().bottom <= h + 2 && s.scrollHeight <= s.clientHeight + 1
            && document.documentElement.scrollHeight <= h + 1 && (!m || m.scrollHeight <= m.clientHeight + 1); }""", height)


@pytest.mark.parametrize("width, height", [(1280, 720), (1920, 1080)])
def test_presentation_steps_and_every_slide_fits(server, browser, width, height):
    page = open_page(browser, server + "/?view=present", width, height)
    try:
        assert page.get_by_text("Title · 21").count() == 1
        shot(page, f"present_title_{width}x{height}.png")
        for k in (1, 2, 3, 4):
            page.get_by_role("button", name="Next ▶").click()
            wait_text(page, f"{k} / 21")
        page.get_by_role("button", name="◀ Previous").click()
        wait_text(page, "3 / 21")
        page.wait_for_url(re.compile(r"step=3"), timeout=30_000)
        settle(page)
        assert no_horizontal_scroll(page)
        shot(page, f"present_{width}x{height}.png")
        assert slide_fits(page, height)
        # Exit and Back stay visible and clickable on every slide
        for name in ("Exit", "◀ Previous", "Next ▶", "Full screen"):
            box = page.get_by_role("button", name=name).bounding_box()
            assert box and 0 <= box["y"] and box["y"] + box["height"] <= height
    finally:
        page.close()


def test_a_whole_presentation_steps_with_the_keys_and_exits(server, browser):
    page = open_page(browser, server + "/?view=present", 1280, 720)
    try:
        wait_text(page, "Title · 21")
        page.mouse.click(640, 500)  # focus the page, not a widget
        for k in range(1, 22):
            page.keyboard.press("ArrowRight")
            wait_text(page, f"{k} / 21")
            settle(page)
            assert slide_fits(page, 720), f"slide {k} does not fit 1280x720"
            if k in (7, 21):
                shot(page, f"present_step{k}_1280x720.png")
        page.keyboard.press("ArrowRight")          # past the end: stays on the last slide
        settle(page)
        assert page.get_by_text("21 / 21").count() == 1
        page.keyboard.press("Home")
        wait_text(page, "Title · 21")
        page.keyboard.press("End")
        wait_text(page, "21 / 21")
        page.keyboard.press("ArrowLeft")
        wait_text(page, "20 / 21")
        page.keyboard.press("Escape")
        page.wait_for_url(lambda u: urlparse(u).path == "/" and "step=" not in u, timeout=30_000)
        page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=30_000)
        assert page.get_by_role("button", name="Exit").count() == 0
    finally:
        page.close()


def test_table_view_and_reload_keeps_state(server, browser):
    page = open_page(browser, server + "/?view=table&char=Dario+Conti&kind=story&kind=reception", 1280, 720,
                     ready="[data-testid='stDataFrame']")
    try:
        assert no_horizontal_scroll(page)
        caption = events_caption(page)
        assert caption.startswith("10 of 30") or caption.startswith("9 of 30")
        shot(page, "table_1280x720.png")
        page.reload()
        page.wait_for_selector("[data-testid='stDataFrame']", timeout=30_000)
        settle(page)
        assert events_caption(page) == caption
    finally:
        page.close()


def test_cast_row_selection_sets_character_filter(server, browser):
    page = open_page(browser, server + "/?view=cast", 1280, 720, ready="[data-testid='stDataFrame']")
    try:
        grid = page.locator("[data-testid='stDataFrame']").first
        box = grid.bounding_box()
        # the grid is a canvas: tick the row-selection box of the first row (the most mentioned character)
        page.mouse.click(box["x"] + 18, box["y"] + 35 + 18)
        page.wait_for_url(re.compile(r"char=Marta(\+|%20)Bellini"), timeout=30_000)
        settle(page)
        assert page.get_by_role("button", name="Remove Marta Bellini").count() >= 1
        shot(page, "cast_1280x720.png", full=True)
    finally:
        page.close()


@pytest.mark.parametrize("query, name", [("x=chronological", "chronological"), ("x=told&lanes=category", "told_category"),
                                         ("kind=story&kind=production&kind=reception&x=chronological", "all_kinds")])
def test_other_axes_render_without_scrolling(server, browser, query, name):
    page = open_page(browser, f"{server}/?{query}", 1280, 720)
    try:
        assert no_horizontal_scroll(page)
        page.locator("[data-testid='stPlotlyChart']").first.screenshot(path=str(ARTIFACTS / f"chart_{name}_1280.png"))
    finally:
        page.close()


def test_the_navigation_opens_every_page_and_keeps_the_filters(server, browser):
    """The pages' names in the header are links (/cast, /table, /present, / for the timeline); the
    filters stay in the link and on the page; an old link (/?view=cast) opens /cast."""
    grid = "[data-testid='stDataFrame']"
    page = open_page(browser, server + "/?view=cast&char=Luca+Bellini", 1280, 720, ready=grid)
    try:
        assert urlparse(page.url).path == "/cast" and "view=" not in page.url
        for name, path, ready in [("Table", "/table", grid), ("Timeline", "/", "[data-testid='stPlotlyChart'] .main-svg"),
                                  ("Presentation", "/present", ".sl-slide")]:
            page.locator("[data-testid='stTopNavLink']", has_text=name).first.click()
            page.wait_for_url(lambda u: urlparse(u).path == path and "char=Luca" in u, timeout=30_000)
            page.wait_for_selector(ready, timeout=30_000)
            settle(page)
            assert "2 of 30 events" in events_caption(page), name
        shot(page, "nav_present_1280x720.png")
        page.get_by_role("button", name="Exit").click()     # the presentation hides the header: Exit leads out
        page.wait_for_url(lambda u: urlparse(u).path == "/" and "char=Luca" in u, timeout=30_000)
        page.locator("[data-testid='stTopNavLink']", has_text="Cast").first.wait_for(timeout=30_000)
    finally:
        page.close()


def test_a_page_link_opens_that_page_on_its_slide(server, browser):
    page = open_page(browser, server + "/present?step=3", 1280, 720, ready=".sl-slide")
    try:
        wait_text(page, "3 / 21")
        assert slide_fits(page, 720)
    finally:
        page.close()


def test_the_axis_and_lanes_picked_on_the_timeline_stay_in_the_link_and_across_pages(server, browser):
    """The chart's controls redraw only the chart's part of the page; the link still follows them and the
    other pages (and the way back) keep them."""
    page = open_page(browser, server, 1280, 720)
    try:
        page.locator(".st-key-x_mode label", has_text="As told").first.click()
        page.wait_for_url(re.compile(r"x=told"), timeout=30_000)
        settle(page)
        page.locator(".st-key-lanes label", has_text="One line").first.click()
        page.wait_for_url(lambda u: "x=told" in u and "lanes=none" in u, timeout=30_000)
        settle(page)
        for name, path in [("Presentation", "/present"), ("Table", "/table"), ("Timeline", "/")]:
            if name == "Table":
                page.get_by_role("button", name="Exit").click()
                page.wait_for_url(lambda u: urlparse(u).path == "/", timeout=30_000)
                settle(page)
            page.locator("[data-testid='stTopNavLink']", has_text=name).first.click()
            page.wait_for_url(lambda u: urlparse(u).path == path and "x=told" in u and "lanes=none" in u,
                              timeout=30_000)
            settle(page)
            assert page.locator("[data-testid='stException']").count() == 0, name
        assert page.locator(".st-key-x_mode label:has(input:checked)", has_text="As told").count()
        assert page.locator(".st-key-lanes label:has(input:checked)", has_text="One line").count()
    finally:
        page.close()


def test_a_prepared_export_is_withdrawn_when_the_lanes_change(server, browser):
    """The export panel (sidebar) offers a file made with the chart's lanes: changing them in the chart's
    part of the page withdraws the old file, as any other change of what the file would hold."""
    page = open_page(browser, server, 1280, 720)
    try:
        # each step waits for its rerun: a click that lands while the page is still rerunning (the chart
        # reports its width after the first draw) would be a click on a page about to be replaced
        download = prepare_export(page)
        settle(page)
        page.locator(".st-key-lanes label", has_text="One line").first.click()
        page.wait_for_url(re.compile(r"lanes=none"), timeout=30_000)
        settle(page)
        assert download.count() == 0
        assert page.get_by_role("button", name="Prepare the file").count() == 1
    finally:
        page.close()


def test_a_filter_change_withdraws_a_prepared_file(server, browser):
    """A filter reruns only the chart's part of the page (and the exports' while they hold a file): a file
    prepared before the change no longer holds what the filters show and is withdrawn."""
    page = open_page(browser, server, 1280, 720)
    try:
        download = prepare_export(page)
        assert page.get_by_text("Events in the file: 21").count() == 1
        settle(page)
        filter_by(page, "Luca")
        wait_text(page, "2 of 30 events")
        settle(page)
        assert download.count() == 0
        assert page.get_by_text("Events in the file").count() == 0
        assert page.get_by_role("button", name="Prepare the file").count() == 1
        assert page.locator("[data-testid='stException']").count() == 0
    finally:
        page.close()
