"""Exports opened by their real consumers in Debian's Chromium, with the network blocked:
the offline HTML file and the TimelineJS JSON rendered by the real TimelineJS 3."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from conftest import chromium_browser, offline_page

from dashboard import export
from pipeline.schema import events_frame

ROOT = Path(__file__).resolve().parents[1]
TLJS = ROOT / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
XSS_TITLE = "<script>alert(1)</script>"
XSS_NAME = "<img src=x onerror=alert(1)>"

STORIES = {
    "en": ["The mine closes", "Homer sees Sputnik", "The first rocket explodes", "The science fair"],
    "es": ["La mina cierra", "Homer ve el Sputnik", "Explota el primer cohete", "La feria de ciencias"],
    "it": ["La miniera chiude", "Homer vede lo Sputnik", "Esplode il primo razzo", "La fiera della scienza"],
}


def frame(lang: str, evil: bool = False) -> tuple[pd.DataFrame, pd.DataFrame]:
    titles = list(STORIES[lang])
    chars = [["Homer"], ["Homer", "Quentin"], ["Quentin"], ["Roy Lee"]]
    if evil:
        titles[0] = XSS_TITLE
        chars[0] = ["Homer", XSS_NAME]
    dates = [("1957-10-04", "day"), (None, "relative"), ("1958-03-01", "month"), ("1959-01-01", "year")]
    ev = events_frame([{"id": f"e{i}", "title": t, "summary": f"{t}. {XSS_NAME if evil else ''}",
                        "date": d, "date_precision": p, "date_text": "", "order": i, "kind": "story",
                        "category": "other", "characters": c, "places": [],
                        "sources": [{"doc": "doc", "lang": lang, "start": 0, "end": 3, "text": t}],
                        "told": i, "date_approx": False, "lang": lang}
                       for i, (t, (d, p), c) in enumerate(zip(titles, dates, chars))])
    names = sorted({n for c in chars for n in c})
    cast = pd.DataFrame([{"name": n, "aliases": [], "actor": None, "mentions": 1, "docs": []} for n in names])
    return ev, cast


@pytest.fixture(scope="module")
def browser():
    with chromium_browser() as b:
        yield b


@pytest.fixture
def page(browser):
    with offline_page(browser) as pg:
        yield pg


def our_errors(page) -> list:
    """Console errors, minus the failed loads of the web fonts TimelineJS's own stylesheet asks
    Google for (blocked here because the test has no network; not caused by the export)."""
    fonts = {u for u in page.blocked if u.startswith("https://fonts.gstatic.com/")}
    return [e for e in page.errors if not (isinstance(e, tuple) and e[1] in fonts)]


VISIBLE = "() => document.getElementById('storyline-timeline')._fullData.filter(t => t.visible === true).map(t => t.name)"


@pytest.mark.browser
@pytest.mark.parametrize("lang", list(STORIES))
def test_offline_html_renders_and_filters_by_character(page, tmp_path, lang):
    ev, cast = frame(lang)
    path = tmp_path / "timeline.html"
    path.write_text(export.offline_html(ev, cast, fig=export._basic_figure(ev, cast), title=lang),
                    encoding="utf-8")
    page.goto(path.as_uri())
    page.wait_for_selector("#storyline-timeline.js-plotly-plot .main-svg")
    assert page.locator(".plotly svg").count() >= 1
    everyone = page.evaluate(VISIBLE)
    assert sorted(everyone) == ["Homer", "Quentin", "Roy Lee"]

    # hover details are kept
    page.evaluate("() => Plotly.Fx.hover('storyline-timeline', [{curveNumber: 0, pointNumber: 0}])")
    page.wait_for_selector(".hoverlayer .hovertext")
    assert STORIES[lang][0] in page.locator(".hoverlayer").text_content()

    # Plotly's own dropdown: open it, choose Quentin, only Quentin's lane stays
    page.locator(".updatemenu-header-group").first.click()
    page.locator(".updatemenu-dropdown-button", has_text="Quentin").first.click()
    page.wait_for_function(VISIBLE + ".length === 1")
    assert page.evaluate(VISIBLE) == ["Quentin"]
    page.locator(".updatemenu-header-group").first.click()
    page.locator(".updatemenu-dropdown-button", has_text="All characters").first.click()
    page.wait_for_function(VISIBLE + ".length === 3")
    assert page.errors == [] and page.blocked == []  # nothing even tried the network


@pytest.mark.browser
def test_offline_html_never_runs_story_text(page, tmp_path):
    ev, cast = frame("en", evil=True)
    path = tmp_path / "timeline.html"
    path.write_text(export.offline_html(ev, cast, title=XSS_TITLE + XSS_NAME), encoding="utf-8")
    page.goto(path.as_uri())
    page.wait_for_selector("#storyline-timeline .main-svg")
    for curve in range(3):
        page.evaluate(f"() => Plotly.Fx.hover('storyline-timeline', [{{curveNumber: {curve}, pointNumber: 0}}])")
    page.locator(".updatemenu-header-group").first.click()  # labels with markup in the open dropdown
    page.wait_for_timeout(300)
    assert page.dialogs == []
    assert page.locator("img[src=x]").count() == 0 and page.locator("body script:not([type])").count() <= 3
    assert page.title() == XSS_TITLE + XSS_NAME  # shown as text, not markup


def timelinejs_page(tmp_path: Path, data: dict) -> Path:
    assert (TLJS / "js" / "timeline.js").is_file(), (
        f"TimelineJS is not installed at {TLJS}: run `npm ci` in {ROOT} "
        "(package.json pins @knight-lab/timelinejs; the Makefile's test target does this).")
    payload = json.dumps(data).replace("<", "\\u003c")  # no "</script>" inside the inline script
    page = f"""<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="{(TLJS / 'css' / 'timeline.css').as_uri()}">
<script src="{(TLJS / 'js' / 'timeline.js').as_uri()}"></script></head>
<body><div id="tl" style="width: 1000px; height: 600px"></div>
<script>window.timeline = new TL.Timeline('tl', {payload}, {{script_path: "{(TLJS / 'js').as_uri()}/"}});</script>
</body></html>"""
    path = tmp_path / "tl.html"
    path.write_text(page, encoding="utf-8")
    return path


@pytest.mark.browser
@pytest.mark.parametrize("lang", list(STORIES))
def test_real_timelinejs_renders_the_export(page, tmp_path, lang):
    ev, _ = frame(lang)
    data = export.timelinejs_json(ev, title=f"Timeline {lang}", subtitle="sub")
    page.goto(timelinejs_page(tmp_path, data).as_uri())
    page.wait_for_selector(".tl-timemarker", state="attached")
    assert page.locator(".tl-timemarker").count() == 4
    markers = page.locator(".tl-timemarker .tl-headline").all_text_contents()
    assert sorted(m.strip() for m in markers) == sorted(STORIES[lang])
    assert page.locator(".tl-slide-titleslide .tl-headline").first.is_visible()
    assert page.locator(".tl-slide-titleslide .tl-headline").first.text_content().strip() == f"Timeline {lang}"
    page.locator(".tl-slidenav-next").first.click()
    page.wait_for_timeout(1200)  # slide animation
    visible = [h for h in page.locator(".tl-slide-content .tl-headline").all()
               if h.is_visible() and (h.text_content() or "").strip() in STORIES[lang]]
    assert visible, "no event headline visible after moving to the first event"
    assert our_errors(page) == [], our_errors(page)
    assert set(page.blocked) <= {u for u in page.blocked if u.startswith("https://fonts.gstatic.com/")}


@pytest.mark.browser
def test_real_timelinejs_with_no_dates_and_hostile_text(page, tmp_path):
    ev, _ = frame("en", evil=True)
    ev["date"] = None
    ev["date_precision"] = "unknown"
    data = export.timelinejs_json(ev, title=XSS_TITLE)
    page.goto(timelinejs_page(tmp_path, data).as_uri())
    page.wait_for_selector(".tl-timemarker", state="attached")
    markers = page.locator(".tl-timemarker .tl-headline").all_text_contents()
    assert XSS_TITLE in [m.strip() for m in markers]  # shown as text
    page.locator(".tl-slidenav-next").first.click()
    page.wait_for_timeout(1200)
    assert page.dialogs == [] and page.locator("img[src=x]").count() == 0
    assert "Step 1" in page.locator("body").text_content()
    assert our_errors(page) == [], our_errors(page)
    assert set(page.blocked) <= {u for u in page.blocked if u.startswith("https://fonts.gstatic.com/")}


@pytest.mark.browser
def test_dropdown_dims_other_points_of_a_figure_mixing_characters(page, tmp_path):
    """A figure drawn elsewhere (one trace, event ids in customdata): choosing a character keeps
    only that character's events selected."""
    import plotly.graph_objects as go
    ev, cast = frame("it")
    fig = go.Figure([go.Scatter(x=[1, 2, 3, 4], y=[0, 0, 0, 0], mode="markers", customdata=ev["id"].tolist(),
                                hovertext=ev["title"].tolist(), hoverinfo="text")])
    path = tmp_path / "mixed.html"
    path.write_text(export.offline_html(ev, cast, fig=fig), encoding="utf-8")
    page.goto(path.as_uri())
    page.wait_for_selector("#storyline-timeline .main-svg")
    page.locator(".updatemenu-header-group").first.click()
    page.locator(".updatemenu-dropdown-button", has_text="Quentin").first.click()
    sel = "() => document.getElementById('storyline-timeline')._fullData[0].selectedpoints"
    page.wait_for_function(sel + " !== undefined")
    assert page.evaluate(sel) == [1, 2]
    assert page.evaluate("() => [...document.querySelectorAll('.scatterlayer .point')]"
                         ".map(p => +getComputedStyle(p).opacity)") == [0.15, 1, 1, 0.15]
    assert page.errors == []


@pytest.mark.browser
def test_default_figure_page_switches_character(page, tmp_path):
    """Whatever figure the dashboard provides (or the basic one), the dropdown changes what is shown."""
    ev, cast = frame("en")
    path = tmp_path / "default.html"
    path.write_text(export.offline_html(ev, cast), encoding="utf-8")
    page.goto(path.as_uri())
    page.wait_for_selector("#storyline-timeline .main-svg")
    state = ("() => JSON.stringify(document.getElementById('storyline-timeline')._fullData"
             ".map(t => [t.visible, t.selectedpoints || null]))")
    before = page.evaluate(state)
    page.locator(".updatemenu-header-group").first.click()
    page.locator(".updatemenu-dropdown-button", has_text="Roy Lee").first.click()
    page.wait_for_function(f"() => ({state})() !== {json.dumps(before)}")
    assert page.errors == [] and page.blocked == []
