"""The URL contract, in one place and without Streamlit: query parameters <-> the session's view state.

    the page: /present, /cast, /table, /stories, or / for the timeline (`page_path`); old links name it
    with ?view=present|cast|table|stories|timeline on / instead, and still open it (`view_from_link`)
    story, ui, x (axis), lanes, ev (event), step (slide),
    and the filters of dashboard.filters (char, match, kind, cat, lang, from, to, undated, q)

`session_from_url` gives the values a new session starts with (names the story does not know are
dropped, so an old or edited link still opens); `url_from_session` gives the query a page writes back
(defaults left out, so links stay short). A step of 0 is the title slide; old links' step=1.. still
open the same event slide.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from . import filters as flt

VIEW_KEYS = {"Timeline": "timeline", "Presentation": "present", "Cast": "cast", "Table": "table",
             "Stories": "stories"}
X_DEFAULT, LANES_DEFAULT = "sequence", "character"


DEFAULT_VIEW = "Timeline"   # its page is the app's root, /


def view_from_url(qp: Mapping[str, Any]) -> str:
    """The view an old link's ?view= names (Timeline for none or an unknown one)."""
    return {v: k for k, v in VIEW_KEYS.items()}.get(qp.get("view", ""), DEFAULT_VIEW)


def page_path(view: str) -> str:
    """The page's path in a link ("" for the timeline, the root); also its st.Page url_path."""
    return "" if view == DEFAULT_VIEW else VIEW_KEYS[view]


def view_from_link(path: str, qp: Mapping[str, Any]) -> str:
    """The view a link opens: the page its path names, else (on the root: old links) its ?view=."""
    path = path.strip("/")
    by_path = {VIEW_KEYS[v]: v for v in VIEW_KEYS}
    return by_path[path] if path in by_path else view_from_url(qp)


def session_from_url(qp: Mapping[str, Any], *, cast: list[str], categories: set[str], langs: set[str],
                     x_modes, lane_modes) -> dict:
    """The session values a link asks for, keeping only what this story has."""
    f0 = flt.from_query(qp)
    step = str(qp.get("step", "0"))
    return dict(
        f_chars=[c for c in f0.chars if c in cast], f_match=f0.match,
        f_kinds=[k for k in f0.kinds if k in flt.KINDS],
        f_cats=[c for c in f0.cats if c in categories],
        f_langs=[lg for lg in f0.langs if lg in langs],
        f_undated=f0.undated, f_q=f0.q,
        x_mode=qp.get("x") if qp.get("x") in x_modes else X_DEFAULT,
        lanes=qp.get("lanes") if qp.get("lanes") in lane_modes else LANES_DEFAULT,
        ev=qp.get("ev"),
        step=int(step) if step.isdigit() else 0)


def dates_from_url(qp: Mapping[str, Any], lo: dt.date, hi: dt.date) -> tuple[dt.date, dt.date]:
    """The date filter a link asks for, inside the story's own span [lo, hi]."""
    f0 = flt.from_query(qp)
    a = dt.date.fromisoformat(f0.date_from) if f0.date_from else lo
    b = dt.date.fromisoformat(f0.date_to) if f0.date_to else hi
    return max(a, lo), min(b, hi)


def url_from_session(current: flt.Filters, *, view: str, story: str | None, ui: str, ui_in_url: bool,
                     x_mode: str, lanes: str, event: str | None, step: int, default_ui: str = "en") -> dict:
    """The query a page writes back (defaults omitted); the view is the link's path, not a parameter."""
    state = flt.to_query(current)
    if story:
        state["story"] = story
    if ui != default_ui or ui_in_url:
        state["ui"] = ui
    if x_mode != X_DEFAULT:
        state["x"] = x_mode
    if lanes != LANES_DEFAULT:
        state["lanes"] = lanes
    if event:
        state["ev"] = event
    if view == "Presentation":
        state["step"] = str(step)
    return state
