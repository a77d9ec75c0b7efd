"""Downloads: prepared only when asked, of what the filters show or of everything; they parse."""
from __future__ import annotations

import io
import json

import pandas as pd
import pytest


def prepare(at, kind: str, only_shown: bool = True):
    at.selectbox(key="x_kind").set_value(kind)
    at.toggle(key="x_scope").set_value(only_shown).run()
    assert not any(b.key == "x_download" for b in at.get("download_button"))   # nothing made yet
    at.button(key="x_prepare").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    (button,) = [b for b in at.get("download_button")]
    return button


def payload(at) -> bytes:
    return at.session_state["_export"][1]


@pytest.mark.parametrize("kind, fname", [("csv", "events.csv"), ("json", "events.json"),
                                         ("timelinejs", "timelinejs.json"), ("sheets", "timelinejs.csv"),
                                         ("html", "timeline.html")])
def test_export_downloads_and_parses(sample_story, make_app, kind, fname):
    at = make_app(story=sample_story, char="Luca Bellini")
    button = prepare(at, kind)
    assert fname in button.proto.label
    data = payload(at)
    if kind == "csv":
        df = pd.read_csv(io.BytesIO(data))
        assert len(df) == 2 and not any(c.startswith("_") for c in df.columns)
        assert all("Luca Bellini" in c for c in df["characters"])
    elif kind == "json":
        rows = json.loads(data)
        assert len(rows) == 2 and all("Luca Bellini" in r["characters"] for r in rows)
    elif kind == "timelinejs":
        doc = json.loads(data)
        assert len(doc["events"]) == 2 and doc["title"]["text"]["headline"]
    elif kind == "sheets":
        df = pd.read_csv(io.BytesIO(data))
        assert "Headline" in df.columns and len(df) >= 2
    else:
        page = data.decode("utf-8")
        assert page.startswith("<html") or "<!DOCTYPE" in page[:200] or "<html" in page[:500]
        assert 'src="https://cdn.plot.ly' not in page and "Plotly" in page      # offline: plotly.js is inlined


def test_everything_toggle_exports_all_events(sample_story, make_app):
    at = make_app(story=sample_story, char="Luca Bellini")
    prepare(at, "json", only_shown=False)
    assert len(json.loads(payload(at))) == 30


def test_prepared_file_is_dropped_when_the_filter_changes(sample_story, make_app):
    at = make_app(story=sample_story)
    prepare(at, "csv")
    at.multiselect(key="f_chars").set_value(["Luca Bellini"]).run()
    assert not at.get("download_button")           # stale download never offered


def test_png_export(sample_story, make_app):
    at = make_app(story=sample_story)
    at.selectbox(key="x_kind").set_value("png").run()
    at.button(key="x_prepare").click().run()
    assert not at.exception
    if at.error:   # no Chromium: a clear message instead of a file
        assert "Chromium" in at.error[0].value
    else:
        assert payload(at).startswith(b"\x89PNG")
