"""Presentation mode: one event per step, buttons, progress, URL state, character filter."""
from __future__ import annotations

from conftest import qp


def headline(at) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("## "))


def progress(at) -> str:
    return next(m.value for m in at.markdown if " / " in m.value and m.value.startswith("### "))


def test_next_and_previous(app, chart):
    app.radio(key="view").set_value("Presentation").run()
    assert progress(app) == "### 1 / 21"
    assert app.button(key="prev").disabled
    first = headline(app)
    app.button(key="next").click().run()
    app.button(key="next").click().run()
    assert progress(app) == "### 3 / 21"
    assert qp(app, "step") == ["3"]
    app.button(key="prev").click().run()
    assert progress(app) == "### 2 / 21"
    app.button(key="prev").click().run()
    assert headline(app) == first
    # the timeline reveals events up to the current one only
    assert len(set(chart.event_ids(app))) == 1


def test_step_from_url_and_character_filter(sample_dir, make_app, chart):
    at = make_app(view="present", step="2", char="Luca Bellini")
    assert not at.exception
    assert progress(at) == "### 2 / 2"
    assert "Luca leaves for the army" in headline(at)
    assert at.button(key="next").disabled
    assert len(set(chart.event_ids(at))) == 2


def test_step_beyond_the_end_is_clamped(sample_dir, make_app):
    at = make_app(view="present", step="999")
    assert progress(at) == "### 21 / 21"
