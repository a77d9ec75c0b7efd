"""Hostile story text through the whole chain: text file -> `python -m pipeline --export ...` ->
events.json (the markup is kept as text) -> the offline HTML and TimelineJS exports opened in
Debian's Chromium, where nothing from the story ever executes. Also: exports of stories
without dates or names, and a failing export leaving earlier files whole.

Cases are listed in tests/bad_input/README.md."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import chromium_browser, offline_page

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = Path(__file__).resolve().parent / "bad_input"
TLJS = ROOT / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
EVIL = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)"]
STORY = {
    "en": "In 1912 {e} Anna left Southampton. The next day Tom wrote {e} a letter to Anna.",
    "es": "En 1912 {e} Ana zarpó de Southampton. Al día siguiente Tomás escribió {e} una carta a Ana.",
    "it": "Nel 1912 {e} Anna partì da Southampton. Il giorno dopo Tommaso scrisse {e} una lettera ad Anna.",
}


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", errors="replace", timeout=300)


def hostile_story(folder: Path, lang: str) -> Path:
    src = folder / "hostile.txt"
    src.write_text("<html><body>" + "\n".join(STORY[lang].format(e=e) for e in EVIL) + "</body></html>",
                   encoding="utf-8")
    return src


@pytest.fixture(scope="module")
def browser():
    with chromium_browser() as b:
        yield b


@pytest.fixture
def page(browser):
    with offline_page(browser) as pg:
        yield pg


def assert_nothing_ran(page) -> None:
    assert page.dialogs == [], page.dialogs
    assert page.locator("img[src=x]").count() == 0
    assert page.locator("a[href^='javascript:' i]").count() == 0
    assert page.evaluate("() => window.__pwned === undefined")


@pytest.mark.browser
@pytest.mark.parametrize("lang", list(STORY))
def test_hostile_text_is_text_in_json_and_inert_in_offline_html(lang, page, tmp_path):
    src = hostile_story(tmp_path, lang)
    out = tmp_path / "out"
    res = cli(str(src), "--out", str(out), "--export", "html,timelinejs", "--title", EVIL[0])
    assert res.returncode == 0, res.stderr
    events = json.loads((out / "events.json").read_text(encoding="utf-8"))
    sources = " ".join(s["text"] for e in events for s in e["sources"])
    for e in EVIL:
        assert e in sources, e  # kept verbatim as text

    page.goto((out / "timeline.html").as_uri())
    page.wait_for_selector("#storyline-timeline .main-svg")
    n_traces = page.evaluate("() => document.getElementById('storyline-timeline').data.length")
    for curve in range(n_traces):  # every hover label, each built from story text
        page.evaluate(f"() => Plotly.Fx.hover('storyline-timeline', [{{curveNumber: {curve}, pointNumber: 0}}])")
    if page.locator(".updatemenu-header-group").count():
        page.locator(".updatemenu-header-group").first.click()  # character names in the dropdown
    page.wait_for_timeout(300)
    assert_nothing_ran(page)
    assert page.title() == EVIL[0]  # the title is shown as text
    assert page.blocked == []


@pytest.mark.browser
@pytest.mark.parametrize("lang", list(STORY))
def test_hostile_text_is_inert_in_real_timelinejs(lang, page, tmp_path):
    src = hostile_story(tmp_path, lang)
    out = tmp_path / "out"
    res = cli(str(src), "--out", str(out), "--export", "timelinejs", "--title", EVIL[1])
    assert res.returncode == 0, res.stderr
    data = json.loads((out / "timelinejs.json").read_text(encoding="utf-8"))
    assert (TLJS / "js" / "timeline.js").is_file(), f"TimelineJS is not installed at {TLJS}: run `npm ci`"
    payload = json.dumps(data).replace("<", "\\u003c")
    html = f"""<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="{(TLJS / 'css' / 'timeline.css').as_uri()}">
<script src="{(TLJS / 'js' / 'timeline.js').as_uri()}"></script></head>
<body><div id="tl" style="width: 1000px; height: 600px"></div>
<script>window.timeline = new TL.Timeline('tl', {payload}, {{script_path: "{(TLJS / 'js').as_uri()}/"}});</script>
</body></html>"""
    path = tmp_path / "tl.html"
    path.write_text(html, encoding="utf-8")
    page.goto(path.as_uri())
    page.wait_for_selector(".tl-timemarker", state="attached")
    for _ in range(len(data["events"])):  # visit every slide: each renders summary and sources as HTML
        page.locator(".tl-slidenav-next").first.click()
        page.wait_for_timeout(700)
    assert_nothing_ran(page)
    assert EVIL[1] in page.locator(".tl-slide-titleslide .tl-headline").first.text_content()


@pytest.mark.parametrize("sample", ["no_dates_en.txt", "no_names_es.txt", "only_dates_it.txt"])
def test_exports_of_stories_without_dates_or_names(sample, tmp_path):
    out = tmp_path / "out"
    res = cli(str(SAMPLES / sample), "--out", str(out), "--export", "timelinejs,sheets,html,csv,json")
    assert res.returncode == 0, res.stderr
    for name in ("timelinejs.json", "timelinejs.csv", "timeline.html", "events.csv", "events.json"):
        assert (out / name).is_file(), name
    data = json.loads((out / "timelinejs.json").read_text(encoding="utf-8"))
    assert all("start_date" in e for e in data["events"])  # TimelineJS needs a date on every slide


def test_character_filter_with_no_names_is_one_clear_line(tmp_path):
    out = tmp_path / "out"
    res = cli(str(SAMPLES / "no_names_es.txt"), "--out", str(out), "--export", "html",
              "--character", "<script>alert(1)</script>")
    assert res.returncode != 0
    assert len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr
    assert "no event has the character" in res.stderr


def test_failed_export_leaves_earlier_export_and_no_temp_files(tmp_path):
    out = tmp_path / "out"
    res = cli(str(SAMPLES / "no_dates_en.txt"), "--out", str(out), "--export", "timelinejs")
    assert res.returncode == 0, res.stderr
    before = (out / "timelinejs.json").read_bytes()
    (out / "timeline.html").mkdir()  # the html export cannot be written
    res = cli(str(SAMPLES / "no_names_es.txt"), "--out", str(out), "--export", "html")
    assert res.returncode != 0
    assert len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr, res.stderr
    assert (out / "timelinejs.json").read_bytes() == before
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
