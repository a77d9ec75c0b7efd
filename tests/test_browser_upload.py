"""Uploading .txt files in Debian's Chromium: a good story opens; bad files get a clear message.

The server reads a story library in a temporary folder (STORYLINE_LIBRARY), never data/.
Screenshots (1280x720) go to tests/artifacts/ for a human to look at.
"""
from __future__ import annotations

import re

import pytest

from conftest import chromium_browser, streamlit_server
from dashboard import library
from test_browser_app import settle, shot, wait_text

pytestmark = pytest.mark.browser
GOOD = {"en": "On 4 October 1957 the Soviet Union launched Sputnik. Homer Hickam watched it cross the sky over "
              "Coalwood. The next day he told his friend Quentin that he wanted to build rockets.",
        "it": "Il 5 ottobre 1957 Homer Hickam parlò con Quentin a scuola. Due giorni dopo i ragazzi costruirono "
              "il loro primo razzo nel giardino."}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    lib = tmp_path_factory.mktemp("browser_library")
    with streamlit_server({"STORYLINE_LIBRARY": str(lib), "STORYLINE_DATA": None}) as url:
        yield url, lib


@pytest.fixture(scope="module")
def browser():
    with chromium_browser() as b:
        yield b


def stories_page(browser, url: str):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(url + "/?view=stories")
    page.wait_for_selector("[data-testid='stFileUploader']", timeout=60_000)
    settle(page)
    return page


def upload(page, title: str, files: list[tuple[str, bytes]]) -> None:
    page.get_by_label("Title", exact=True).fill(title)
    page.get_by_label("Title", exact=True).press("Enter")
    settle(page)
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(
        [{"name": n, "mimeType": "text/plain", "buffer": b} for n, b in files])
    settle(page)


def test_upload_two_files_opens_the_new_story(server, browser):
    url, lib = server
    page = stories_page(browser, url)
    try:
        upload(page, "Rocket boys", [("one_en.txt", GOOD["en"].encode()), ("due_it.txt", GOOD["it"].encode("cp1252"))])
        wait_text(page, "detected: Italian")
        shot(page, "upload_ready_1280x720.png", full=True)
        page.get_by_role("button", name="Create the story").click()
        page.wait_for_url(re.compile(r"story=rocket-boys"), timeout=60_000)
        page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=60_000)
        settle(page)
        # the new story opens at the top of the page, not scrolled down to where the Create button was
        assert page.evaluate("""() => { const m = document.querySelector('[data-testid="stMain"]');
            return Math.max(m ? m.scrollTop : 0, window.scrollY); }""") <= 5
        shot(page, "upload_opened_1280x720.png")
        assert [d["name"] for d in library.store(lib).documents("rocket-boys")] == ["due_it.txt", "one_en.txt"]
        assert page.get_by_text(re.compile(r"\d+ of \d+ events · Rocket boys")).count() == 1
    finally:
        page.close()


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"   \n", "the file is empty"),
    ("blob.txt", bytes(range(256)) * 40, "binary file"),
    ("latin.txt", b"Homer \x81\x8d\x8f\x90\x9d " * 50, "not readable text"),
    ("huge.txt", b"word " * (2 * 1024 * 1024 // 5 + 100), "larger than 2 MB"),
    ("../../evil<script>.txt", b"<script>alert(1)</script> Homer launched a rocket on 4 October 1957.", None),
], ids=["empty", "binary", "bad-encoding", "huge", "hostile-name"])
def test_bad_uploads_are_explained(server, browser, name, data, message):
    url, lib = server
    before = [m["slug"] for m in library.list_stories(lib)]
    page = stories_page(browser, url)
    try:
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        upload(page, f"Bad {len(data)}", [(name, data)])
        if message:
            page.get_by_text(re.compile(re.escape(message))).first.wait_for(timeout=30_000)
            page.get_by_role("button", name="Create the story").click()
            settle(page)
            wait_text(page, "Nothing was created")
            assert page.get_by_text("Traceback").count() == 0
            assert [m["slug"] for m in library.list_stories(lib)] == before
            shot(page, f"upload_bad_{name.split('.')[0]}_1280x720.png", full=True)
        else:   # a hostile name is shown as text and stored as a plain base name
            page.get_by_role("button", name="Create the story").click()
            page.wait_for_url(re.compile(r"story=bad-"), timeout=60_000)
            settle(page)
            slug = re.search(r"story=([\w-]+)", page.url).group(1)
            assert [d["name"] for d in library.store(lib).documents(slug)] == ["evil_script.txt"]
            assert not dialogs                                # no script ran
    finally:
        page.close()


def test_language_switch_and_export_in_browser(server, browser):
    url, _ = server
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    try:
        page.goto(url + "/?ui=es")
        page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=60_000)
        settle(page)
        wait_text(page, "Línea de tiempo")
        page.get_by_text("Exportar / descargar").click()
        page.get_by_role("button", name="Preparar el archivo").click()
        settle(page)
        with page.expect_download() as dl:
            page.get_by_role("button", name=re.compile("Descargar timelinejs.json")).click()
        assert dl.value.suggested_filename == "timelinejs.json"
        shot(page, "ui_es_export_1280x720.png")
    finally:
        page.close()
