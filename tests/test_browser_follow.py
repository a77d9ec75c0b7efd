"""One server, a class, in Debian's Chromium: a teacher (key entered) and a viewer in two browser contexts;
the viewer follows the teacher's Next, and sees no edit controls.

Screenshots of both sidebars (1280x720 and 1920x1080) go to tests/artifacts/ for a human to look at.
"""
from __future__ import annotations

import re

import pytest

from conftest import chromium_browser, streamlit_server
from store_support import stored_story
from test_browser_app import settle, shot

pytestmark = pytest.mark.browser
KEY = "lantern-42"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    lib = tmp_path_factory.mktemp("follow_library")
    slug = stored_story(lib)
    with streamlit_server({"STORYLINE_LIBRARY": str(lib), "STORYLINE_DATA": None,
                           "STORYLINE_TEACHER_KEY": KEY}) as url:
        yield url, slug


@pytest.fixture(scope="module")
def browser():
    with chromium_browser() as b:
        yield b


def open_page(browser, url: str, width: int, height: int):
    ctx = browser.new_context(viewport={"width": width, "height": height})  # own cookies: another person
    page = ctx.new_page()
    page.goto(url)
    page.wait_for_selector("[data-testid='stSidebar'] [data-testid='stTextInput']", timeout=60_000)
    settle(page)
    return ctx, page


def slide(page) -> str:
    return page.locator("h3").filter(has_text=re.compile(r"^(\d+ / \d+|Title · \d+)$")).first.inner_text()


@pytest.mark.parametrize("width, height", [(1280, 720), (1920, 1080)])
def test_the_viewer_follows_the_teachers_next(server, browser, width, height):
    url, slug = server
    tctx, teacher = open_page(browser, f"{url}/?story={slug}", width, height)
    vctx, viewer = open_page(browser, f"{url}/?story={slug}", width, height)
    try:
        # the viewer: read-only, no edit controls
        assert viewer.get_by_text("Viewer: you can browse").count() == 1
        assert viewer.get_by_text("Edit this event").count() == 0
        assert viewer.get_by_role("button", name=re.compile("^Undo")).count() == 0
        shot(viewer, f"sidebar_viewer_{width}x{height}.png")

        # the teacher enters the key (never shown), then presents
        field = teacher.get_by_label("Teacher key")
        field.fill(KEY)
        field.press("Enter")
        teacher.get_by_text("Teacher: you can edit").wait_for(timeout=30_000)
        settle(teacher)
        assert KEY not in teacher.content()
        assert teacher.get_by_text("Edit this event").count() >= 1
        shot(teacher, f"sidebar_teacher_{width}x{height}.png")
        teacher.get_by_text("Presentation", exact=True).click()
        teacher.locator(".st-key-next button").wait_for(timeout=30_000)
        settle(teacher)
        assert slide(teacher).startswith("Title · ")     # a presentation opens on its title slide
        teacher.locator(".st-key-next button").click()
        teacher.locator("h3", has_text=re.compile(r"^1 / \d+$")).wait_for(timeout=15_000)
        settle(teacher)
        start = slide(teacher)
        assert start.startswith("1 / ")

        # the viewer follows: its presentation jumps to the teacher's slide and moves with it
        viewer.locator(".st-key-follow label").first.click()
        viewer.get_by_text("Following the teacher's slide").wait_for(timeout=30_000)
        assert slide(viewer) == start
        for expected in (2, 3):
            teacher.locator(".st-key-next button").click()
            viewer.locator("h3", has_text=re.compile(rf"^{expected} / \d+$")).wait_for(timeout=15_000)
        assert viewer.locator(".st-key-next button").is_disabled()   # while following, the teacher steps
        shot(viewer, f"follow_viewer_{width}x{height}.png")

        # leaving follow mode (the button beside the slide: the sidebar is collapsed while presenting)
        viewer.locator(".st-key-unfollow button").click()
        settle(viewer)
        viewer.locator(".st-key-next button").click()
        viewer.locator("h3", has_text=re.compile(r"^4 / \d+$")).wait_for(timeout=15_000)
        teacher.locator(".st-key-prev button").click()
        settle(teacher)
        viewer.wait_for_timeout(2500)
        assert slide(viewer).startswith("4 / ") and slide(teacher).startswith("2 / ")
    finally:
        tctx.close()
        vctx.close()


def test_a_viewer_in_spanish_follows_in_spanish(server, browser):
    """The followed slide is redrawn by a fragment on its own thread: it must keep the viewer's language."""
    url, slug = server
    tctx, teacher = open_page(browser, f"{url}/?story={slug}", 1280, 720)
    vctx, viewer = open_page(browser, f"{url}/?story={slug}&ui=es", 1280, 720)
    try:
        field = teacher.get_by_label("Teacher key")
        field.fill(KEY)
        field.press("Enter")
        teacher.get_by_text("Teacher: you can edit").wait_for(timeout=30_000)
        settle(teacher)
        teacher.get_by_text("Presentation", exact=True).click()
        teacher.locator(".st-key-next button").wait_for(timeout=30_000)
        settle(teacher)
        teacher.locator(".st-key-next button").click()
        teacher.locator("h3", has_text=re.compile(r"^1 / \d+$")).wait_for(timeout=15_000)
        viewer.locator(".st-key-follow label").first.click()
        viewer.get_by_text("Siguiendo la diapositiva del profesor").wait_for(timeout=30_000)
        for expected in (2, 3):
            teacher.locator(".st-key-next button").click()
            viewer.locator("h3", has_text=re.compile(rf"^{expected} / \d+$")).wait_for(timeout=15_000)
        settle(viewer)
        bar = viewer.locator(".st-key-next button").inner_text()
        assert "Siguiente" in bar and "Next" not in bar
    finally:
        tctx.close()
        vctx.close()
