"""The app as pages (st.navigation): every view is a page of its own; links made before the pages existed
(/?view=cast&char=...) still open the same view with the same filters, and moving between pages keeps them."""
from __future__ import annotations

import pytest

from conftest import nav_titles, page, qp, show


@pytest.mark.parametrize("view, key, expect", [
    ("present", "Presentation", lambda at: at.button(key="next")),
    ("cast", "Cast", lambda at: at.dataframe(key="cast_table")),
    ("table", "Table", lambda at: at.dataframe(key="event_table")),
    ("timeline", "Timeline", lambda at: at.get("plotly_chart")),
])
def test_an_old_link_with_view_opens_that_page_with_its_filters(sample_dir, make_app, view, key, expect):
    at = make_app(view=view, char="Luca Bellini", step="2", kind=["story", "reception"])
    assert not at.exception
    assert page(at) == key and expect(at)
    assert at.multiselect(key="f_chars").value == ["Luca Bellini"]
    assert at.multiselect(key="f_kinds").value == ["story", "reception"]          # a repeated parameter too
    assert qp(at, "char") == ["Luca Bellini"] and "view" not in at.query_params   # the page is the path now
    assert qp(at, "kind") == ["story", "reception"]
    assert ("step" in at.query_params) == (key == "Presentation")


def test_an_old_link_to_the_stories_page_opens_it_in_the_library(sample_story, make_app):
    at = make_app(story=sample_story, view="stories")
    assert not at.exception and page(at) == "Stories"
    assert qp(at, "story") == [sample_story]


def test_a_folder_of_output_has_no_stories_page_and_its_old_link_opens_the_timeline(sample_dir, make_app):
    at = make_app(view="stories")
    assert not at.exception and page(at) == "Timeline"
    assert nav_titles(at) == ["Timeline", "Presentation", "Cast", "Table"]


def test_pages_keep_the_filters_and_the_link_follows_the_page(sample_dir, make_app, chart):
    at = make_app(char="Dario Conti", x="chronological")
    show(at, "Cast")
    assert not at.exception and page(at) == "Cast"
    assert qp(at, "char") == ["Dario Conti"] and qp(at, "x") == ["chronological"]
    show(at, "Table")
    assert at.multiselect(key="f_chars").value == ["Dario Conti"]
    show(at, "Timeline")
    assert at.radio(key="x_mode").value == "chronological"
    assert set(chart.event_ids(at)) and qp(at, "char") == ["Dario Conti"]


def test_the_sidebar_opens_the_stories_page_and_exit_returns_to_the_timeline(sample_story, make_app):
    at = make_app(story=sample_story)
    at.button(key="go_stories").click().run()
    assert not at.exception and page(at) == "Stories"
    show(at, "Presentation")
    at.button(key="next").click().run()
    assert qp(at, "step") == ["1"]
    at.button(key="exit").click().run()
    assert page(at) == "Timeline" and "step" not in at.query_params and qp(at, "story") == [sample_story]
