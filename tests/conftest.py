"""Shared fixtures for the dashboard tests (AppTest and browser).

STORYLINE_DATA points app.py at a folder of processed output; unset = the bundled story.
"""
from __future__ import annotations

import contextlib
import json
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# Speed is measured in bench/, never asserted here: hypothesis' per-example deadline is off, so a loaded
# machine (CI runs on two cores) cannot turn a slow example into a failure.
settings.register_profile("storyline", deadline=None)
settings.load_profile("storyline")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:   # plain `pytest` (not `python -m pytest`) must import pipeline/ and dashboard/
    sys.path.insert(0, str(ROOT))
SAMPLE = ROOT / "tests" / "fixtures" / "sample"
APP = ROOT / "app.py"


@pytest.fixture
def clear_cache():
    """st.cache_data is process-wide: clear it so one AppTest's story never leaks into the next."""
    import streamlit as st
    st.cache_data.clear()
    yield
    st.cache_data.clear()


@pytest.fixture
def sample_dir(monkeypatch, clear_cache) -> Path:
    """The app reads the hand-made sample story (tests/fixtures/sample)."""
    monkeypatch.setenv("STORYLINE_DATA", str(SAMPLE))
    return SAMPLE


@pytest.fixture
def story_copy(tmp_path, monkeypatch, clear_cache):
    """A writable copy of the sample story that the app reads; returns its folder."""
    dst = tmp_path / "story"
    shutil.copytree(SAMPLE, dst)
    monkeypatch.setenv("STORYLINE_DATA", str(dst))
    return dst


@pytest.fixture
def make_app():
    """AppTest factory: make_app(**query_params) -> AppTest after its first run."""
    from streamlit.testing.v1 import AppTest

    def make(**query) -> "AppTest":
        at = AppTest.from_file(str(APP), default_timeout=30)
        for k, v in query.items():
            at.query_params[k] = v
        at.run()
        return at
    return make


@pytest.fixture
def app(sample_dir, make_app):
    at = make_app()
    assert not at.exception, at.exception
    return at


def chart_figure(at, index: int = 0) -> dict:
    """The Plotly figure JSON that AppTest saw for the index-th chart."""
    return json.loads(at.get("plotly_chart")[index].proto.spec)


def chart_event_ids(at, index: int = 0) -> list[str]:
    """Event ids drawn as markers in the lanes of the timeline (one per event and lane)."""
    fig = chart_figure(at, index)
    return [i for t in fig["data"] if t.get("name") == "events" for i in (t.get("customdata") or [])]


@pytest.fixture
def chart():
    class Chart:
        figure = staticmethod(chart_figure)
        event_ids = staticmethod(chart_event_ids)
    return Chart


@pytest.fixture
def sample_events() -> list[dict]:
    return json.loads((SAMPLE / "events.json").read_text(encoding="utf-8"))


def open_editor(at):
    """The teacher turns on "Edit this event" below the picked event's details."""
    at.toggle(key="ed_open").set_value(True).run()
    return at


def show(at, view: str):
    """Open one of the app's pages, as a click on its name in the navigation does."""
    from views import PAGE_FILES
    return at.switch_page(PAGE_FILES[view]).run()


def page(at) -> str:
    """The view whose page the app ran last (what Streamlit itself ran, not what the app says it ran)."""
    from views import PAGE_FILES
    ran = at._registered_pages[at._finished_page_script_hash]["script_path"]
    return next(v for v, f in PAGE_FILES.items() if Path(ran).resolve() == (ROOT / f).resolve())


def nav_titles(at) -> list[str]:
    """The page names in the navigation, in order."""
    return [info["page_name"] for info in at._registered_pages.values()]


def qp(at, key: str) -> list[str]:
    """Values of one URL query parameter as a list (AppTest gives str or list)."""
    v = at.query_params.get(key, [])
    return list(v) if isinstance(v, (list, tuple)) else [v]


# ---------------------------------------------------------------- story library (issue 4)

@pytest.fixture(autouse=True, scope="session")
def _library_outside_repo(tmp_path_factory):
    """app.py keeps its story library under STORYLINE_LIBRARY: never the repo's data/ during tests.

    One folder per session, so the built-in story is processed once and reused."""
    import os
    root = tmp_path_factory.mktemp("library")
    old = os.environ.get("STORYLINE_LIBRARY")
    os.environ["STORYLINE_LIBRARY"] = str(root)
    yield root
    if old is None:
        os.environ.pop("STORYLINE_LIBRARY", None)
    else:
        os.environ["STORYLINE_LIBRARY"] = old


@pytest.fixture
def library_root(tmp_path, monkeypatch, clear_cache) -> Path:
    """An empty story library of its own for one test (the app reads it; no STORYLINE_DATA)."""
    root = tmp_path / "library"
    root.mkdir()
    monkeypatch.setenv("STORYLINE_LIBRARY", str(root))
    monkeypatch.delenv("STORYLINE_DATA", raising=False)
    return root


@pytest.fixture
def sample_story(library_root) -> str:
    """The hand-made sample story stored in `library_root` as a user story; returns its slug.

    Stored unprocessed, then given the sample's processed output and the current pipeline
    fingerprint, so loading it never runs the pipeline (fast, and the test knows its events)."""
    import json as _json
    from dashboard import library
    files = {p.name: p.read_bytes() for p in sorted((SAMPLE / "docs").glob("*.txt"))}
    slug = library.create_story("Sample story", files, root=library_root, process=False)
    output = (_json.loads((SAMPLE / "events.json").read_text(encoding="utf-8")),
              _json.loads((SAMPLE / "characters.json").read_text(encoding="utf-8")))
    library.store(library_root).put_output(slug, output, library.pipeline_fingerprint(), ["en", "es", "it"])
    return slug


# ---------------------------------------------------------------- Debian's Chromium, one way for every browser test
CHROMIUM = "/usr/bin/chromium"
# without the networking flags Chromium keeps calling out, and this machine refuses every such connection
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@contextlib.contextmanager
def chromium_browser():
    """Debian's Chromium driven by Playwright (never `playwright install`), closed afterwards."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@contextlib.contextmanager
def offline_page(browser):
    """A page that can load only file:// URLs; dialogs, console errors and blocked requests are recorded
    on it (page.dialogs, page.errors, page.blocked) for the test to check."""
    ctx = browser.new_context(offline=True)
    blocked: list[str] = []

    def route(r):
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()
    ctx.route("**/*", route)
    pg = ctx.new_page()
    pg.dialogs, pg.errors, pg.blocked = [], [], blocked
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("console", lambda m: pg.errors.append((m.text, m.location.get("url", ""))) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    try:
        yield pg
    finally:
        ctx.close()


@contextlib.contextmanager
def streamlit_server(env: dict[str, str | None]):
    """app.py served on a free port of 127.0.0.1 with `env` changes (None removes a variable); yields its
    URL and always stops it."""
    import os
    import socket
    import subprocess
    import time
    import urllib.request
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    full = dict(os.environ)
    for k, v in env.items():
        if v is None:
            full.pop(k, None)
        else:
            full[k] = v
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
                             "--server.headless", "true", "--server.port", str(port),
                             "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
                            cwd=ROOT, env=full, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).status == 200:
                    break
            except OSError:
                time.sleep(0.25)
        else:
            raise RuntimeError("streamlit did not start within 60 s")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
