"""What every page shares, computed once per run by app.py before the page runs: the interface language,
the library and the open story (loaded through shared caches), the URL <-> session state and the filters.

`current()` hands the run's `Ctx` to the page. It is kept per thread (each session's script runs in its own
thread, as dashboard.i18n's language does), never in st.session_state: the session may be shown or
inspected, and a run's frames are shared read-only caches.
"""
from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import threading
import uuid
from typing import Any

import plotly.graph_objects as go
import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from dashboard import curate, data, filters as flt, i18n, library, store, text, timeline, urlstate
from dashboard.i18n import t, t_or
from dashboard.palette import character_colors

LIBRARY_ENV = "STORYLINE_LIBRARY"
VIEWS = list(urlstate.VIEW_KEYS)
# widget state that must survive runs where its widget is not drawn or its label changed language
KEEP_KEYS = ("x_mode", "lanes", "eras", "wide", "to_scale", "event_pick", "step", "f_chars", "f_match", "f_kinds", "f_cats",
             "f_langs", "f_dates", "f_undated", "f_q", "x_scope", "x_kind", "ed_open", "add_open")
# ... and those of the sidebar's top, drawn in every run but the one a page switch cuts short
SWITCH_KEYS = KEEP_KEYS + ("ui", "story", "follow", "data_dir")
FILTER_KEYS = ("f_chars", "f_match", "f_kinds", "f_cats", "f_langs", "f_dates", "f_undated", "f_q")

_local = threading.local()


@dataclasses.dataclass
class Ctx:
    """One run's shared state. The frames (events, shown, ...) are shared between sessions: read-only."""
    ui: str
    source: str
    lib_root: str | None
    library_mode: bool
    stories: list[dict]
    titles: dict[str, str]
    slug: str | None = None
    actor: store.Actor | None = None
    can_edit: bool = False
    following: bool = False
    story: data.StoryData | None = None
    events: Any = None
    characters: Any = None
    docs: Any = None
    cast_names: list[str] = dataclasses.field(default_factory=list)
    colors: dict[str, str] = dataclasses.field(default_factory=dict)
    story_id: str = ""
    ops: list[dict] = dataclasses.field(default_factory=list)
    has_dates: bool = False
    date_min: Any = None
    date_max: Any = None
    current: flt.Filters | None = None
    shown: Any = None
    ids: list[str] = dataclasses.field(default_factory=list)
    row_of: dict[str, int] = dataclasses.field(default_factory=dict)
    labels: dict[str, str] = dataclasses.field(default_factory=dict)
    all_labels: dict[str, str] = dataclasses.field(default_factory=dict)
    view: str = "Timeline"

    def event(self, eid: str) -> dict:
        return self.shown.iloc[self.row_of[eid]].to_dict()

    def event_label(self, eid: str) -> str:
        return self.labels[eid]

    # Format functions use the run's language, not the thread's: Streamlit may call them outside the script's thread.
    def lang_label(self, lg: str) -> str:
        return t_or("lang." + lg, text.LANG_NAMES.get(lg, lg), self.ui)

    def cat_label(self, cat: str) -> str:
        return t_or("cat." + cat, cat, self.ui)

    def kind_label(self, k: str) -> str:
        return t_or("kind." + k, k, self.ui)

    def story_title(self) -> str:
        """The story's title: the library's title, or a folder's name (never a whole server path)."""
        return (self.titles.get(self.slug) if self.library_mode
                else os.path.basename(self.story.label.rstrip("/"))) or "Storyline"


def in_fragment_run() -> bool:
    """This run reruns fragments only (app.py did not run: the Ctx is the last full run's)."""
    ctx = get_script_run_ctx()
    return bool(ctx and ctx.fragment_ids_this_run)


def current() -> Ctx:
    """The Ctx app.py built for this run (pages call this first)."""
    return _local.ctx


def set_current(c: Ctx) -> Ctx:
    _local.ctx = c
    return c


# ---------------------------------------------------------------- interface language (URL, else browser)
def _browser_lang() -> str:
    try:
        loc = getattr(st.context, "locale", None)
        return i18n.negotiate(loc or st.context.headers.get("Accept-Language"))
    except Exception:  # no browser context (bare runs, AppTest)
        return i18n.DEFAULT


def interface_language() -> str:
    qp = st.query_params
    if st.session_state.get("ui") not in i18n.LANGS:
        st.session_state.ui = qp.get("ui") if qp.get("ui") in i18n.LANGS else _browser_lang()
    return i18n.set_lang(st.session_state.ui)


# ---------------------------------------------------------------- load (cached)
@st.cache_data(show_spinner=False, max_entries=4)
def load_story(source: str) -> data.StoryData:
    """A folder of processed output or raw .txt documents (STORYLINE_DATA)."""
    return data.load_folder(source) if source else data.load_pipeline()


@st.cache_data(show_spinner=False, max_entries=8)
def library_raw(root: str | None, slug: str, stamp: tuple) -> tuple:
    """(events, characters, docs, warnings) of a library story with its edits; `stamp` keys the cache."""
    events, cast = library.load_story(slug, root)
    warnings = list(events.attrs.get("edit_warnings", []))
    left_out = list((events.attrs.get("story") or {}).get("left_out") or [])
    events.attrs = {}
    return events, cast, library.read_docs(slug, root), warnings, left_out


def _finish(events, cast, docs, label: str, lang: str, messages=(), left_out=()) -> tuple:
    """(StoryData in the interface language, cast order, colours): everything a rerun reuses."""
    events = events[[c for c in events.columns if not str(c).startswith("_")]]
    events = curate.localize(events, lang)
    if "edited" not in events.columns:
        events = events.assign(edited=False)
    events = events.assign(edited=events["edited"].fillna(False).astype(bool))
    names = data.cast_order(events, cast)
    return (data.StoryData(data.prepare(events), cast, docs, label=label, messages=list(messages),
                           left_out=list(left_out)), names,
            character_colors(names))


@st.cache_data(show_spinner=False)
def cache_generation() -> str:
    """A new value after every st.cache_data.clear(): the cache_resource caches are keyed on it, so
    clearing st.cache_data (tests, an operator) still reloads everything."""
    return uuid.uuid4().hex


# cache_resource, not cache_data: cache_data unpickles a fresh copy of the whole story on every
# rerun of every session (the biggest fixed cost at 10k events). The returned frames are shared
# between sessions and threads, so nothing below may modify them (filters and views make new frames).
@st.cache_resource(show_spinner=False, max_entries=8)
def folder_story(source: str, lang: str, gen: str) -> tuple:
    s = load_story(source)
    return _finish(s.events, s.characters, s.docs, s.label, lang, s.messages, s.left_out)


@st.cache_resource(show_spinner=False, max_entries=8)
def library_story(root: str | None, slug: str, stamp: tuple, lang: str, title: str, gen: str) -> tuple:
    events, cast, docs, warnings, left_out = library_raw(root, slug, stamp)
    return _finish(events, cast, docs, title, lang, left_out=left_out), warnings


@st.cache_data(max_entries=64, show_spinner=False)
def detect_lang(sample: str) -> str | None:
    return curate.detect_language(sample)


# Work shared by every session looking at the same story and filters (a class on one story): keyed by
# `story_id` (which story, which edits, which interface language) plus the view's own state. Results are
# cache_resource (no copy per rerun), so callers must treat them as read-only.
@st.cache_resource(show_spinner=False, max_entries=128)
def filtered_view(key: str, _events, _filters: flt.Filters) -> tuple:
    """(shown, ids, row_of, labels) for the filter state in `key`."""
    shown = flt.apply(_events, _filters)
    ids = shown["id"].tolist()
    labels = {i: f"#{o} · {timeline.truncate(tt, 80)}" for i, o, tt in zip(ids, shown["order"], shown["title"])}
    return shown, ids, dict(zip(ids, range(len(ids)))), labels


class PrebuiltFigure(go.Figure):
    """A finished figure whose dict form is computed once. st.plotly_chart calls to_dict(), which
    deep-copies every trace on every rerun; this one hands out the stored dict (read-only: Streamlit only
    serialises it). Only layout.meta is kept on the object itself, for the app to read."""

    def __init__(self, fig: go.Figure):
        super().__init__(layout={"meta": fig.layout.meta} if fig.layout.meta is not None else None)
        self._spec = fig.to_dict()

    def to_dict(self) -> dict:
        return self._spec


@st.cache_resource(show_spinner=False, max_entries=256)
def cached_figure(key: str, _build) -> PrebuiltFigure:
    """The figure `_build()` makes, built once per `key` (which must name every input of `_build`) and
    shared by every session. Building and validating a go.Figure is most of a rerun's CPU."""
    return PrebuiltFigure(_build())


@st.cache_resource(show_spinner=False, max_entries=16)
def story_derived(key: str, _build):
    """Anything derived from a whole story only (labels of every event, facets, cast table)."""
    return _build()


# ---------------------------------------------------------------- the library and the open story
def open_library(ui: str) -> Ctx:
    """The library (or the STORYLINE_DATA folder) this run reads; an unreadable library stops the page."""
    typed = (st.session_state.get("data_dir") or "").strip()
    if typed and typed == st.session_state.get("_bad_dir"):   # it failed to load: the box still shows it
        typed = ""
    source = (typed or os.environ.get(data.ENV_VAR) or "").strip()
    lib_root = os.environ.get(LIBRARY_ENV) or None
    stories: list[dict] = []
    if not source:
        try:
            stories = library.list_stories(lib_root)
        except (OSError, library.LibraryError, sqlite3.Error) as exc:
            st.error(t("lib.unreadable", error=text.md_escape(str(exc))))
            st.stop()
    titles = {m["slug"]: str(m.get("title") or m["slug"]) for m in stories}
    return set_current(Ctx(ui=ui, source=source, lib_root=lib_root, library_mode=not source, stories=stories,
                           titles=titles))


def choose_story(c: Ctx) -> None:
    """The story this session shows: the session's, else the link's, else the built-in one."""
    qp = st.query_params
    if c.library_mode and st.session_state.get("story") not in c.titles:
        wanted = st.session_state.get("story") or qp.get("story") or library.BUILTIN_SLUG
        if wanted not in c.titles:
            if wanted != library.BUILTIN_SLUG:
                st.session_state._missing_story = wanted
            wanted = library.BUILTIN_SLUG
        st.session_state.story = wanted
    c.slug = st.session_state.get("story") if c.library_mode else None


def current_ops(c: Ctx) -> list[dict]:
    try:
        return library.load_edits(c.slug, c.lib_root)
    except (library.LibraryError, sqlite3.Error) as exc:
        st.session_state.setdefault("_warn", {}).setdefault(c.slug, []).append(str(exc))
        return []


def load(c: Ctx) -> None:
    """The open story in the interface language, from the shared caches; a failure stops the page."""
    try:
        with st.spinner(t("load.spinner")):
            if c.library_mode:
                stamp, gen = curate.story_stamp(c.slug, c.lib_root), cache_generation()
                c.story_id = repr(("lib", c.lib_root, c.slug, stamp, c.ui, c.titles[c.slug], gen))
                (c.story, c.cast_names, c.colors), warns = library_story(c.lib_root, c.slug, stamp, c.ui,
                                                                         c.titles[c.slug], gen)
                if warns:
                    seen = st.session_state.setdefault("_warn", {}).setdefault(c.slug, [])
                    seen.extend(w for w in warns if w not in seen)
            else:
                gen = cache_generation()
                c.story_id = repr(("folder", c.source, c.ui, gen))
                c.story, c.cast_names, c.colors = folder_story(c.source, c.ui, gen)
    except Exception as exc:  # a broken folder or a pipeline bug: say what, don't crash the page
        where = c.titles.get(c.slug, c.slug) if c.library_mode else (c.source or t("load.bundled"))
        failed = t("load.failed", where=text.md_escape(where), error=text.md_escape(str(exc)))
        if not c.library_mode and c.source == (st.session_state.get("data_dir") or "").strip():
            # a folder the user typed: the story they were looking at stays, with the message above it (a
            # page with only the error had lost the sidebar, so there was no way back but a reload)
            st.session_state._bad_dir = c.source
            st.session_state._load_failed = failed
            st.rerun()
        st.error(failed)
        st.stop()
    if "_load_failed" in st.session_state:
        st.error(st.session_state.pop("_load_failed") + "  \n" + t("load.kept"))
    c.events, c.characters, c.docs = c.story.events, c.story.characters, c.story.docs
    c.ops = current_ops(c) if c.library_mode else []


# ---------------------------------------------------------------- story switching
def reset_for_story() -> None:
    """Forget the previous story's filters, pick and URL state (its names mean nothing in the next)."""
    for k in FILTER_KEYS + ("event_pick", "step", "_last_click", "_last_qp", "_export"):
        st.session_state.pop(k, None)
    st.session_state._init = False


def go_to(view: str) -> None:
    """Ask for another page (callbacks cannot switch pages themselves: app.py does it at the next run)."""
    st.session_state._goto = view


def switch_story() -> None:
    reset_for_story()
    go_to("Timeline")
    st.query_params.from_dict({"story": st.session_state.story, "ui": st.session_state.get("ui", i18n.DEFAULT)})


def open_story(new_slug: str) -> None:
    reset_for_story()
    st.session_state._open = new_slug
    st.query_params.from_dict({"story": new_slug, "ui": st.session_state.get("ui", i18n.DEFAULT)})


# ---------------------------------------------------------------- state from the URL, once per session
def init_from_url(c: Ctx) -> None:
    """A new session (or a newly opened story) starts from what its link asks for."""
    qp = st.query_params
    events = c.events
    c.date_min, c.date_max = events["_dt"].min(), events["_dt"].max()
    c.has_dates = bool(events["_dt"].notna().any())
    if not st.session_state.get("_init"):
        s0 = urlstate.session_from_url(qp, cast=c.cast_names, categories=set(events["category"]),
                                       langs={lg for ls in events["_langs"] for lg in ls if lg},
                                       x_modes=timeline.X_MODES, lane_modes=timeline.LANE_MODES)
        ev0 = s0.pop("ev")
        st.session_state.update(**s0, event_pick=st.session_state.get("event_pick") or ev0, _init=True)
        if c.has_dates:
            st.session_state.f_dates = urlstate.dates_from_url(qp, c.date_min.date(), c.date_max.date())
    keep_widget_values()
    st.session_state.setdefault("eras", True)
    st.session_state.setdefault("wide", False)
    st.session_state.setdefault("x_scope", True)


def keep_widget_values(keys=KEEP_KEYS) -> None:
    """Streamlit forgets a widget's value in runs where the widget is not drawn (another page is shown, a run
    cut short by a page switch) or its label changed (another interface language); re-assigning keeps it.
    A value last set in a fragment's run is not kept that way: the next full run that does not draw its
    widget drops it, so the fragment leaves a copy (`_kept`, see keep_fragment_values)."""
    kept = st.session_state.get("_kept", {})
    for k in keys:
        if k in st.session_state:
            st.session_state[k] = st.session_state[k]
        elif k in kept:
            st.session_state[k] = kept[k]


def keep_fragment_values(keys) -> None:
    """End of a fragment's run: a copy of its widgets' values for keep_widget_values."""
    st.session_state._kept = {k: st.session_state[k] for k in keys if k in st.session_state}


def write_url(c: Ctx) -> None:
    """The session's state back into the link (only when it changed: each write is a message to the browser).
    The page is part of the mark: moving to another page clears the link's query, which is written again."""
    qp = st.query_params
    state = urlstate.url_from_session(c.current, view=c.view, story=c.slug if c.library_mode else None,
                                      ui=c.ui, ui_in_url=bool(qp.get("ui")), x_mode=st.session_state.x_mode,
                                      lanes=st.session_state.lanes, event=st.session_state.get("event_pick"),
                                      step=st.session_state.get("step") or 0, default_ui=i18n.DEFAULT)
    mark = json.dumps([c.view, state], sort_keys=True)
    if mark != st.session_state.get("_last_qp"):
        st.session_state._last_qp = mark
        st.query_params.from_dict(state)


# ---------------------------------------------------------------- filters (sidebar)
def reset_filters(has_dates: bool, lo, hi) -> None:
    st.session_state.update(f_chars=[], f_match="any", f_kinds=["story"], f_cats=[], f_langs=[],
                            f_undated=True, f_q="")
    if has_dates:
        st.session_state.f_dates = (lo, hi)


# A filter change on a page whose chart is a keyed fragment reruns only that fragment (and the exports'):
# the sidebar, header and page frame stay as they are, in the server and in the browser.
FRAGMENT_FILTERS = ("f_chars", "f_match", "f_kinds", "f_cats", "f_langs", "f_undated", "f_q")


EXPORTS_FRAGMENT = "exports"   # views/sidebar.py


def _rerun_fragments(keys: tuple[str, ...]) -> None:
    # a prepared file no longer holds what the filters show: the exports' fragment withdraws it
    st.rerun(list(keys) + ([EXPORTS_FRAGMENT] if st.session_state.get("_export") else []))


def filters(c: Ctx, rerun_only: tuple[str, ...] = ()) -> None:
    """The sidebar's filters, then what they show (`c.current`, `c.shown`, ...). With `rerun_only` (fragment
    keys), a change of any filter but the dates reruns only those fragments (and the exports' while a file is
    prepared), which call `apply_filters` again; the dates also decide whether "undated" can be ticked, so they
    rerun the page."""
    ui, events = c.ui, c.events
    date_min, date_max, has_dates = c.date_min, c.date_max, c.has_dates
    cb = dict(on_change=_rerun_fragments, args=(rerun_only,)) if rerun_only else {}
    with st.sidebar:
        st.header(t("filters"))
        st.multiselect(t("f.characters"), c.cast_names, key="f_chars", placeholder=t("f.characters_all"), **cb)
        st.radio(t("f.match"), ["any", "all"], key="f_match", horizontal=True,
                 format_func=lambda m: t("f.match_" + m, ui), **cb)
        st.multiselect(t("f.kinds"), list(flt.KINDS), key="f_kinds", format_func=lambda k: t("kindlong." + k, ui),
                       placeholder=t("f.kinds_all"), **cb)
        st.multiselect(t("f.category"), sorted(set(events["category"])), key="f_cats", format_func=c.cat_label,
                       placeholder=t("f.category_all"), **cb)
        langs = sorted({lg for ls in events["_langs"] for lg in ls if lg})
        st.multiselect(t("f.lang"), langs, key="f_langs", placeholder=t("f.lang_all"), format_func=c.lang_label,
                       **cb)
        if has_dates:
            st.date_input(t("f.dates"), key="f_dates", min_value=date_min.date(), max_value=date_max.date(),
                          format="YYYY-MM-DD")
            date_from, date_to = _date_bounds(c)
            st.checkbox(t("f.undated"), key="f_undated", disabled=not (date_from or date_to), **cb)
        st.text_input(t("f.search"), key="f_q", placeholder=t("f.search_hint"), **cb)
        st.button(t("f.reset"), on_click=reset_filters, width="stretch",
                  args=(has_dates, date_min.date() if has_dates else None, date_max.date() if has_dates else None))
    apply_filters(c)


def _date_bounds(c: Ctx) -> tuple[str | None, str | None]:
    """The date filter's range, open where it reaches the story's first or last date."""
    if not c.has_dates:
        return None, None
    picked = st.session_state.get("f_dates") or ()
    picked = picked if isinstance(picked, (tuple, list)) else (picked,)
    date_from = date_to = None
    if len(picked) >= 1 and picked[0] and picked[0] > c.date_min.date():
        date_from = picked[0].isoformat()
    if len(picked) == 2 and picked[1] and picked[1] < c.date_max.date():
        date_to = picked[1].isoformat()
    return date_from, date_to


def apply_filters(c: Ctx) -> None:
    """What the filters in the session show: `c.current`, `c.shown`, `c.ids`, `c.row_of`, `c.labels`."""
    events = c.events
    date_from, date_to = _date_bounds(c)
    c.current = flt.Filters(chars=tuple(st.session_state.f_chars), match=st.session_state.f_match,
                            kinds=tuple(st.session_state.f_kinds), cats=tuple(st.session_state.f_cats),
                            langs=tuple(st.session_state.f_langs), date_from=date_from, date_to=date_to,
                            undated=bool(st.session_state.f_undated), q=st.session_state.f_q.strip())
    c.shown, c.ids, c.row_of, c.labels = filtered_view(repr((c.story_id, c.current)), events, c.current)
    c.all_labels = story_derived(repr((c.story_id, "labels")), lambda: {
        i: f"#{o} · {timeline.truncate(tt, 80)}" for i, o, tt in zip(events["id"], events["order"], events["title"])})
    if st.session_state.get("event_pick") not in c.row_of:
        st.session_state.event_pick = c.ids[0] if c.ids else None


def count(c: Ctx) -> None:
    """"21 of 30 events · title", in the header beside the navigation (app.py's COUNT_CSS)."""
    with st.container(key="count"):
        st.caption(t("caption.count", n=len(c.shown), total=len(c.events)) + " · "
                   + text.md_escape(c.story_title()), text_alignment="right")   # a title is text, never markup
