"""The URL contract: a link (old ones included) opens the same story, view, filters, event and slide."""
from __future__ import annotations

import pytest

from dashboard import filters as flt, timeline, urlstate

CAST = ["Ilda Moro", "Piet Kaan"]


def session(qp: dict) -> dict:
    return urlstate.session_from_url(qp, cast=CAST, categories={"family", "work"}, langs={"en", "it"},
                                     x_modes=timeline.X_MODES, lane_modes=timeline.LANE_MODES)


@pytest.mark.parametrize("qp, expected", [
    ({"view": "present", "step": "3", "char": "Ilda Moro"}, {"step": 3, "f_chars": ["Ilda Moro"]}),
    ({"view": "present"}, {"step": 0}),                                   # a presentation opens on its title
    ({"char": "Nobody", "x": "sideways", "step": "abc", "lanes": "category"},
     {"f_chars": [], "x_mode": "sequence", "step": 0, "lanes": "category"}),   # unknown names dropped
    ({"ev": "e7", "x": "chronological", "lang": "it", "cat": "war"}, {"ev": "e7", "x_mode": "chronological",
                                                                      "f_langs": ["it"], "f_cats": []}),
])
def test_a_link_opens_what_it_names_and_drops_what_the_story_lacks(qp, expected):
    s = session(qp)
    assert {k: s[k] for k in expected} == expected


@pytest.mark.parametrize("view", ["Timeline", "Presentation", "Cast", "Table", "Stories"])
def test_the_url_a_page_writes_opens_that_page_again(view):
    cur = flt.Filters(chars=("Piet Kaan",), match="any", kinds=("story",), cats=(), langs=(), date_from=None,
                      date_to=None, undated=True, q="")
    q = urlstate.url_from_session(cur, view=view, story="mill", ui="es", ui_in_url=False, x_mode="told",
                                  lanes="none", event="e3", step=4)
    assert urlstate.view_from_link(urlstate.page_path(view), q) == view and q["story"] == "mill" and q["ui"] == "es"
    assert "view" not in q                                                # the page is the link's path
    back = session(q)
    assert (back["f_chars"], back["x_mode"], back["lanes"], back["ev"]) == (["Piet Kaan"], "told", "none", "e3")
    assert ("step" in q) == (view == "Presentation") and (back["step"] == 4 or view != "Presentation")


def test_defaults_stay_out_of_the_url():
    q = urlstate.url_from_session(flt.Filters(), view="Timeline", story=None, ui="en", ui_in_url=False,
                                  x_mode="sequence", lanes="character", event=None, step=0)
    assert set(q) <= {"kind"}


@pytest.mark.parametrize("path, qp, view", [
    ("", {"view": "present", "step": "3"}, "Presentation"),     # old links: one page, the view in the query
    ("", {"view": "cast", "char": "Piet Kaan"}, "Cast"),
    ("", {"view": "table"}, "Table"), ("", {"view": "stories"}, "Stories"), ("", {"view": "timeline"}, "Timeline"),
    ("", {}, "Timeline"), ("", {"view": "nope"}, "Timeline"),
    ("present", {"step": "2"}, "Presentation"), ("/cast/", {}, "Cast"), ("table", {}, "Table"),
    ("cast", {"view": "table"}, "Cast"),                           # a page's own path wins over a stale ?view=
])
def test_a_link_opens_the_page_its_path_names_and_old_links_their_view(path, qp, view):
    assert urlstate.view_from_link(path, qp) == view


def test_every_page_has_its_own_path_and_the_timeline_is_the_root():
    paths = {v: urlstate.page_path(v) for v in urlstate.VIEW_KEYS}
    assert paths["Timeline"] == "" and len(set(paths.values())) == len(paths)
    assert all(urlstate.view_from_link(p, {}) == v for v, p in paths.items())
