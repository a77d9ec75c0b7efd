"""The first page a user sees: the story loads, or a clear message says why not."""
from __future__ import annotations

from conftest import page, show

import json

import pytest


def test_sample_story_loads_without_exception(app, chart):
    assert app.title[0].value == "Storyline"
    captions = " ".join(c.value for c in app.caption)
    assert "21 of 30 events" in captions          # story events only by default
    ids = set(chart.event_ids(app))
    assert len(ids) == 21
    assert page(app) == "Timeline" and "view" not in app.query_params


def test_bundled_story_default_never_crashes(make_app, monkeypatch, clear_cache):
    monkeypatch.delenv("STORYLINE_DATA", raising=False)
    at = make_app()
    assert not at.exception
    # either the pipeline produced events (a timeline) or the page says there are none yet
    assert at.get("plotly_chart") or any("No events yet" in i.value for i in at.info)


def test_empty_output_shows_message_not_error(tmp_path, monkeypatch, make_app, clear_cache):
    (tmp_path / "events.json").write_text("[]", encoding="utf-8")
    (tmp_path / "characters.json").write_text("[]", encoding="utf-8")
    monkeypatch.setenv("STORYLINE_DATA", str(tmp_path))
    at = make_app()
    assert not at.exception
    assert not at.error
    assert any("No events yet" in i.value for i in at.info)


def test_broken_folder_is_reported(tmp_path, monkeypatch, make_app, clear_cache):
    (tmp_path / "events.json").write_text(json.dumps([{"id": "x"}]), encoding="utf-8")
    monkeypatch.setenv("STORYLINE_DATA", str(tmp_path))
    at = make_app()
    assert not at.exception
    assert at.error and "missing" in at.error[0].value


@pytest.mark.parametrize("view, widget", [("Presentation", "next"), ("Cast", None), ("Table", None)])
def test_every_view_renders(app, view, widget):
    show(app, view)
    assert not app.exception
    if widget:
        assert app.button(key=widget)
    assert page(app) == view


def test_a_mistyped_folder_keeps_the_story_on_screen(app, chart):
    """A wrong path typed in the data-source box says what went wrong above the story the user was
    reading; it never leaves a page with only the error (and no sidebar to put it right)."""
    before = set(chart.event_ids(app))
    app.text_input(key="data_dir").set_value("/no/such/folder").run()
    assert not app.exception
    assert app.error and "/no/such/folder" in app.error[0].value.replace("\\", "")   # markdown-escaped
    assert set(chart.event_ids(app)) == before
    app.radio(key="x_mode").set_value("chronological").run()     # the next click: still the same story
    assert not app.error and set(chart.event_ids(app)) == before
