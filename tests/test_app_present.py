"""Presentation mode: a title slide, one event per step, buttons, progress, URL state, character filter."""
from __future__ import annotations

import re

from conftest import page, qp, show


def slide(at) -> str:
    return next(h.proto.body for h in at.get("html") if 'class="sl-slide"' in h.proto.body)


def headline(at) -> str:
    return re.search(r'<div class="sl-head">([^<]*)', slide(at)).group(1)


def progress(at) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("### ") and "·" in m.value or " / " in m.value)


def strip_current(at) -> str | None:
    import json
    return json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]["meta"]["current"]


def test_title_slide_then_next_and_previous(app):
    show(app, "Presentation")
    assert 'data-slide="title"' in slide(app) and progress(app) == "### Title · 21"
    assert app.button(key="prev").disabled and app.button(key="first").disabled
    app.button(key="next").click().run()
    first = headline(app)
    assert progress(app) == "### 1 / 21" and strip_current(app) == "e001"
    app.button(key="next").click().run()
    app.button(key="next").click().run()
    assert progress(app) == "### 3 / 21"
    assert qp(app, "step") == ["3"]
    app.button(key="prev").click().run()
    app.button(key="prev").click().run()
    assert headline(app) == first
    app.button(key="last").click().run()
    assert progress(app) == "### 21 / 21" and app.button(key="next").disabled
    app.button(key="first").click().run()
    assert 'data-slide="title"' in slide(app)
    app.button(key="exit").click().run()
    assert page(app) == "Timeline" and "step" not in app.query_params


def test_step_from_url_and_character_filter(sample_dir, make_app):
    at = make_app(view="present", step="2", char="Luca Bellini")
    assert not at.exception
    assert progress(at) == "### 2 / 2"
    assert "Luca leaves for the army" in headline(at)
    assert at.button(key="next").disabled


def test_step_beyond_the_end_is_clamped(sample_dir, make_app):
    at = make_app(view="present", step="999")
    assert progress(at) == "### 21 / 21"


def test_tell_this_characters_story_from_the_cast(sample_dir, make_app):
    at = make_app(view="cast")
    at.selectbox(key="cast_tell_who").set_value("Luca Bellini").run()
    at.button(key="cast_tell").click().run()
    assert not at.exception
    assert page(at) == "Presentation"
    assert "The story of Luca Bellini" in slide(at) and progress(at) == "### Title · 2"
    assert qp(at, "char") == ["Luca Bellini"]


def test_the_summary_on_a_slide_never_repeats_its_headline(sample_dir, make_app):
    for step in range(1, 22):
        at = make_app(view="present", step=str(step))
        body = slide(at)
        head = headline(at)
        summ = re.search(r'<div class="sl-sum">([^<]*)', body)
        assert summ is None or summ.group(1).rstrip(". ") != head.rstrip(". …")


def test_the_teachers_notes_are_saved_with_the_story_and_shown_on_the_slide(sample_story, make_app):
    at = make_app(story=sample_story, view="present", step="1")
    assert not at.exception
    eid = re.search(r'data-slide="([^"]+)"', slide(at)).group(1)
    at.text_area(key=f"slide_notes_{eid}_0").input("Ask: what would <you> do?")
    at.text_input(key=f"slide_image_{eid}_0").input("https://example.org/clock.jpg")
    next(b for b in at.button if b.label == "Save notes").click().run()
    assert not at.exception
    again = make_app(story=sample_story, view="present", step="1")
    body = slide(again)
    assert "Ask: what would &lt;you&gt; do?" in body and 'src="https://example.org/clock.jpg"' in body
