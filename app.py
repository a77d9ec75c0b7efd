"""Storyline dashboard: `streamlit run app.py`.

Stories come from the story library (dashboard.library; root folder data/library/, or the
folder named by STORYLINE_LIBRARY): the built-in October Sky plus every story a user created
by uploading or pasting texts, each with its curation overlay (dashboard.edits). Setting
STORYLINE_DATA to a folder (events.json + characters.json [+ docs/*.txt], or raw .txt
documents) shows that folder instead, read-only.
Story, interface language, filters, view, event and presentation step live in the URL so a
link reopens the same view. Interface labels come from dashboard/labels/<lang>.json via t().
"""
from __future__ import annotations

import datetime as dt
import hmac
import json
import os
import sqlite3
import uuid

import plotly.graph_objects as go
import streamlit as st

from dashboard import cast as cast_view
from dashboard import (curate, data, edits as edits_mod, export, filters as flt, i18n, library, slides, store, text,
                       timeline, urlstate, viewport, appcss, pager)
from dashboard.i18n import t, t_or
from dashboard.palette import character_colors
from pipeline.schema import KINDS as EVENT_KINDS, PRECISIONS

LIBRARY_ENV = "STORYLINE_LIBRARY"
TEACHER_KEY_ENV = "STORYLINE_TEACHER_KEY"
FOLLOW_EVERY = 1.0   # seconds between a following viewer's looks at the teacher's slide
VIEWS = ["Timeline", "Presentation", "Cast", "Table", "Stories"]
PRESENT_KEYS_JS = """<script>
(() => {
  const doc = window.parent ? window.parent.document : document;
  if (doc.__storylineKeys) return;
  doc.__storylineKeys = true;
  const keys = {ArrowRight: "next", PageDown: "next", " ": "next", ArrowLeft: "prev", PageUp: "prev",
                Home: "first", End: "last", Escape: "exit", f: "fullscreen"};
  doc.addEventListener("keydown", (e) => {
    const el = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (el && el.closest && el.closest("input, textarea, select, [contenteditable=true], [role=combobox]")) return;
    if (e.key === "Escape" && doc.fullscreenElement) return;   // the browser leaves full screen first
    const which = keys[e.key];
    const button = which && doc.querySelector(".st-key-" + which + " button");
    if (button && !button.disabled) { e.preventDefault(); button.click(); }
  });
  // full screen needs the user's click itself: toggled here, in the click's own event
  doc.addEventListener("click", (e) => {
    if (!e.target.closest || !e.target.closest(".st-key-fullscreen button")) return;
    if (doc.fullscreenElement) doc.exitFullscreen(); else doc.documentElement.requestFullscreen().catch(() => {});
  }, true);
})();
</script>"""
SCROLL_JS = """<script>/* __N__ */
(() => {
  const doc = window.parent ? window.parent.document : document;
  const go = (tries) => {
    const el = doc.querySelector(".st-key-details");
    if (el) el.scrollIntoView({block: "start", behavior: "instant"}); else if (tries > 0) setTimeout(() => go(tries - 1), 100);
  };
  setTimeout(() => go(20), 50);
})();
</script>"""
# Presentation: Streamlit's own header would cover the top bar; the bar stays at the top of the window.
PRESENT_CSS = """<style>
header[data-testid='stHeader']{display:none}
[data-testid='stMainBlockContainer'], .block-container{padding-top:0.4rem !important; padding-bottom:0 !important}
.st-key-present_bar{position:sticky; top:0; z-index:999; background:white; padding:4px 0 2px}
.st-key-present_bar [data-testid='stMarkdownContainer'] h3{padding:0; margin:0}
.st-key-present_bar button p{font-size:18px}
</style>"""
VIEW_KEYS = urlstate.VIEW_KEYS
# Format functions pass `ui` explicitly: Streamlit may call them outside the script's thread.
# widget state that must survive runs where its widget is not drawn or its label changed language
KEEP_KEYS = ("x_mode", "lanes", "eras", "wide", "to_scale", "event_pick", "step", "f_chars", "f_match", "f_kinds", "f_cats",
             "f_langs", "f_dates", "f_undated", "f_q", "x_scope", "x_kind")

qp = st.query_params
_view0 = urlstate.view_from_url(qp)
st.set_page_config(page_title="Storyline", layout="wide",
                   initial_sidebar_state="collapsed" if _view0 == "Presentation" else "expanded")


# ---------------------------------------------------------------- interface language (URL, else browser)
def _browser_lang() -> str:
    try:
        loc = getattr(st.context, "locale", None)
        return i18n.negotiate(loc or st.context.headers.get("Accept-Language"))
    except Exception:  # no browser context (bare runs, AppTest)
        return i18n.DEFAULT


if st.session_state.get("ui") not in i18n.LANGS:
    st.session_state.ui = qp.get("ui") if qp.get("ui") in i18n.LANGS else _browser_lang()
ui = i18n.set_lang(st.session_state.ui)


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


source = (st.session_state.get("data_dir") or os.environ.get(data.ENV_VAR) or "").strip()
lib_root = os.environ.get(LIBRARY_ENV) or None
library_mode = not source
stories: list[dict] = []
if library_mode:
    try:
        stories = library.list_stories(lib_root)
    except (OSError, library.LibraryError, sqlite3.Error) as exc:
        st.error(t("lib.unreadable", error=text.md_escape(str(exc))))
        st.stop()
titles = {m["slug"]: str(m.get("title") or m["slug"]) for m in stories}


# ---------------------------------------------------------------- roles: teacher and viewers (one server, a class)
def teacher_key() -> str | None:
    """The configured teacher key (env, else .streamlit/secrets.toml), None when there is none."""
    key = os.environ.get(TEACHER_KEY_ENV)
    if not key:
        try:
            key = st.secrets.get("teacher_key")
        except Exception:  # no secrets file (the usual case) or an unreadable one: no key
            key = None
    return str(key) if key else None


TEACHER_KEY = teacher_key() if library_mode else None
sid = st.session_state.setdefault("_sid", uuid.uuid4().hex[:12])
if TEACHER_KEY is None:
    # one person on their own machine, as before roles existed: every tab and the CLI are that person, so
    # Undo takes back the last edit whoever's tab made it (also after a reload, or an imported edits.json)
    actor = store.Actor(store.TEACHER.who, "local")
elif st.session_state.get("_teacher") is True:
    actor = store.Actor("teacher", "teacher")
else:
    actor = store.Actor(f"viewer:{sid}", "viewer")
can_edit = actor.can_write
following = actor.role == "viewer" and bool(st.session_state.get("follow"))


def check_key() -> None:
    """Compare the typed key in constant time; the typed text is cleared at once (never kept or shown)."""
    typed = str(st.session_state.get("_key_entry") or "")
    st.session_state["_key_entry"] = ""
    if not typed:
        return
    ok = TEACHER_KEY is not None and hmac.compare_digest(typed.encode("utf-8"), TEACHER_KEY.encode("utf-8"))
    st.session_state._teacher = ok
    st.session_state._key_bad = not ok
    if ok:
        st.session_state.follow = False


def sign_out() -> None:
    st.session_state._teacher = False


def stop_following() -> None:
    st.session_state.follow = False


def follow_changed() -> None:
    for k in ("_followed", "_follow_key"):   # (re)joining: take the teacher's current slide at the next look
        st.session_state.pop(k, None)


# the teacher's slide, fetched by the follow fragment below, applied before any widget exists
_pending = st.session_state.pop("_follow_apply", None)
if _pending and following:
    st.session_state._followed = _pending["seq"]   # taken, even when it cannot be shown (a deleted story)
if _pending and following and _pending.get("story") in titles:
    _fkey = json.dumps([_pending["story"], _pending["state"]], sort_keys=True)
    if _fkey != st.session_state.get("_follow_key"):   # another story or other filters: re-read them all
        for _k in ("f_chars", "f_match", "f_kinds", "f_cats", "f_langs", "f_dates", "f_undated", "f_q",
                   "event_pick", "_last_qp", "_export"):
            st.session_state.pop(_k, None)
        st.session_state._init = False
        st.session_state.story = _pending["story"]
        st.query_params.from_dict({**_pending["state"], "story": _pending["story"], "view": "present",
                                   "step": str(_pending["step"])})
        st.session_state._follow_key = _fkey
    st.session_state.view = "Presentation"
    st.session_state.step = int(_pending["step"])

if "_open" in st.session_state:          # a story just created / deleted: open it before widgets exist
    st.session_state.story = st.session_state.pop("_open")
    # the browser keeps the scroll position of the long Stories page: the new story opens at the top
    st.html("""<script>(() => { const doc = window.parent ? window.parent.document : document;
      const top = () => { const m = doc.querySelector('[data-testid="stMain"]'); if (m) m.scrollTo(0, 0);
                          (doc.defaultView || window).scrollTo(0, 0); };
      top(); setTimeout(top, 300); setTimeout(top, 1200); })();</script>""", unsafe_allow_javascript=True)
    st.session_state.view = "Timeline"
if library_mode and st.session_state.get("story") not in titles:
    wanted = st.session_state.get("story") or qp.get("story") or library.BUILTIN_SLUG
    if wanted not in titles:
        if wanted != library.BUILTIN_SLUG:
            st.session_state._missing_story = wanted
        wanted = library.BUILTIN_SLUG
    st.session_state.story = wanted
slug = st.session_state.get("story") if library_mode else None


def current_ops() -> list[dict]:
    try:
        return library.load_edits(slug, lib_root)
    except (library.LibraryError, sqlite3.Error) as exc:
        st.session_state.setdefault("_warn", {}).setdefault(slug, []).append(str(exc))
        return []


try:
    with st.spinner(t("load.spinner")):
        if library_mode:
            stamp, gen = curate.story_stamp(slug, lib_root), cache_generation()
            story_id = repr(("lib", lib_root, slug, stamp, ui, titles[slug], gen))
            (story, cast_names, colors), warns = library_story(lib_root, slug, stamp, ui, titles[slug], gen)
            if warns:
                seen = st.session_state.setdefault("_warn", {}).setdefault(slug, [])
                seen.extend(w for w in warns if w not in seen)
        else:
            gen = cache_generation()
            story_id = repr(("folder", source, ui, gen))
            story, cast_names, colors = folder_story(source, ui, gen)
except Exception as exc:  # a broken folder or a pipeline bug: say what, don't crash the page
    where = titles.get(slug, slug) if library_mode else (source or t("load.bundled"))
    st.error(t("load.failed", where=text.md_escape(where), error=text.md_escape(str(exc))))
    st.stop()
events, characters, docs = story.events, story.characters, story.docs
ops = current_ops() if library_mode else []

# Constant CSS only (no story text): less empty space above the content, so a slide fits 1280x720; the
# multiselects' own "Select all" (Streamlit writes it in English) in the interface language.
st.html("<style>[data-testid='stMainBlockContainer'], .block-container {padding-top: 1.2rem;}"
        "[data-key='__select_all__'] > div{font-size:0}"
        "[data-key='__select_all__'] > div::after{font-size:0.875rem;content:"
        + json.dumps(t("ui.select_all"), ensure_ascii=False) + "}</style>")
st.html(appcss.DETAILS_CSS)


# ---------------------------------------------------------------- story switching and saving edits
def reset_for_story() -> None:
    """Forget the previous story's filters, pick and URL state (its names mean nothing in the next)."""
    for k in ("f_chars", "f_match", "f_kinds", "f_cats", "f_langs", "f_dates", "f_undated", "f_q", "event_pick",
              "step", "_last_click", "_last_qp", "_export"):
        st.session_state.pop(k, None)
    st.session_state._init = False


def switch_story() -> None:
    reset_for_story()
    st.session_state.view = "Timeline"
    st.query_params.from_dict({"story": st.session_state.story, "ui": ui})


def open_story(new_slug: str) -> None:
    reset_for_story()
    st.session_state._open = new_slug
    st.query_params.from_dict({"story": new_slug, "ui": ui})


def save_change(change, message: str, pick: str | None = None) -> None:
    """Run one store write (an appended edit, an undo) and show the result; a refusal is a message."""
    try:
        change()
    except PermissionError:
        st.error(t("role.refused"))
        return
    except (edits_mod.EditsError, library.LibraryError, OSError, sqlite3.Error) as exc:
        st.error(t("edit.save_failed", error=text.md_escape(str(exc))))
        return
    st.session_state._flash = message
    if pick:
        st.session_state._pick = pick
    st.rerun()


def add_op(op: dict, message: str, pick: str | None = None) -> None:
    """Append the edit to the story's log (one row, one transaction: concurrent edits are all kept)."""
    save_change(lambda: library.add_edit(slug, op, lib_root, actor=actor), message, pick)


def go_stories() -> None:
    st.session_state.view = "Stories"


if "_pick" in st.session_state:
    st.session_state.event_pick = st.session_state.pop("_pick")
if "_flash" in st.session_state:
    st.toast(st.session_state.pop("_flash"), icon=":material/check_circle:")


def role_panel() -> None:
    """Who this session is: the teacher, a viewer (key entry, follow toggle) or everyone (no key set)."""
    with st.container(key="role"):
        if TEACHER_KEY is None:
            st.caption(t("role.local"))
        elif actor.role == "teacher":
            st.success(t("role.teacher"), icon=":material/school:")
            st.button(t("role.sign_out"), key="sign_out", on_click=sign_out, width="stretch")
        else:
            st.info(t("role.viewer"), icon=":material/visibility:")
            st.toggle(t("role.follow"), key="follow", on_change=follow_changed, help=t("role.follow_help"))
            st.text_input(t("role.key"), type="password", key="_key_entry", on_change=check_key,
                          placeholder=t("role.key_hint"))
            if st.session_state.pop("_key_bad", False):
                st.error(t("role.key_wrong"))


def teacher_slide() -> dict | None:
    """The teacher's published slide when it changed since this session last took it, else None."""
    try:
        p = library.store(lib_root).presenter()
    except sqlite3.Error:
        return None
    return p if p and p["seq"] != st.session_state.get("_followed") else None


@st.fragment(run_every=FOLLOW_EVERY)
def follow_teacher() -> None:
    """A following viewer away from the presentation looks at the teacher's slide every FOLLOW_EVERY s;
    a new one brings the page back to it."""
    p = teacher_slide()
    if p is not None:
        st.session_state._follow_apply = p
        st.rerun(scope="app")


def publish_slide(step: int) -> None:
    """The teacher's presentation tells the followers its story, filters and step (only when they change)."""
    state = flt.to_query(current)
    mark = json.dumps([slug, state, step], sort_keys=True)
    if mark != st.session_state.get("_published"):
        try:
            library.store(lib_root).publish(slug, state, step, actor)
            st.session_state._published = mark
        except (PermissionError, sqlite3.Error):
            pass  # following is a convenience: a busy store must not stop the teacher's slides


# ---------------------------------------------------------------- sidebar: language, story, undo
with st.sidebar:
    st.title("Storyline")
    st.selectbox(t("ui.language"), list(i18n.LANGS), key="ui", format_func=i18n.NAMES.get)
    if library_mode:
        st.selectbox(t("story.pick"), list(titles), key="story", format_func=titles.get, on_change=switch_story)
        st.button(t("story.manage") if can_edit else t("view.stories"), on_click=go_stories, width="stretch",
                  key="go_stories", icon=":material/add:" if can_edit else ":material/library_books:")
        if ops:
            st.caption(t("edit.count", n=len(ops)))
        mine = library.last_own_edit(slug, lib_root, actor=actor) if can_edit else None
        if mine:  # Undo takes back this session's own last edit, never someone else's
            if st.button(t("edit.undo", what=curate.describe(mine)), key="undo", width="stretch", icon=":material/undo:"):
                save_change(lambda: library.undo_edit(slug, lib_root, actor=actor), t("edit.undone"))
        role_panel()

if library_mode:
    if st.session_state.get("_missing_story"):
        st.warning(t("story.missing", slug=text.md_escape(st.session_state.pop("_missing_story"))))
    for w in st.session_state.get("_warn", {}).get(slug, []):
        st.warning(text.md_escape(w))


def lang_label(lg: str) -> str:
    return t_or("lang." + lg, text.LANG_NAMES.get(lg, lg), ui)


def stories_panel() -> None:
    """The library: every story (open, delete with confirmation) and the new-story form."""
    st.header(t("stories.title"))
    for m in stories:
        with st.container(border=True):
            c1, c2 = st.columns([4, 1], vertical_alignment="center")
            langs = ", ".join(lang_label(lg) for lg in m.get("languages") or []) or "—"
            c1.markdown(f"**{text.md_escape(titles[m['slug']])}**" + ("  · " + t("stories.builtin")
                                                                       if m.get("builtin") else ""))
            c1.caption(t("stories.info", files=len(m.get("files") or []), langs=langs))
            if m["slug"] == slug:
                c2.caption(t("stories.open_now"))
            else:
                c2.button(t("stories.open"), key=f"open_{m['slug']}", on_click=open_story, args=(m["slug"],),
                          width="stretch")
            if not m.get("builtin") and can_edit:
                with st.expander(t("stories.delete")):
                    sure = st.checkbox(t("stories.delete_confirm", title=titles[m["slug"]]),
                                       key=f"del_ok_{m['slug']}")
                    if st.button(t("stories.delete_button"), key=f"del_{m['slug']}", disabled=not sure,
                                 type="primary"):
                        try:
                            library.delete_story(m["slug"], lib_root, actor=actor)
                        except PermissionError:
                            st.error(t("role.refused"))
                        except (library.LibraryError, OSError, sqlite3.Error) as exc:
                            st.error(text.md_escape(str(exc)))
                        else:
                            st.session_state._flash = t("stories.deleted", title=titles[m["slug"]])
                            if m["slug"] == slug:
                                open_story(library.BUILTIN_SLUG)
                            st.rerun()
    if can_edit:
        new_story_panel()
    else:
        st.caption(t("role.viewer_stories"))


def new_story_panel() -> None:
    n = st.session_state.setdefault("_new_nonce", 0)
    st.subheader(t("new.title"))
    st.caption(t("new.limits", files=library.MAX_FILES, mb=library.MAX_FILE_BYTES // 1048576,
                 total=library.MAX_TOTAL_BYTES // 1048576))
    title = st.text_input(t("new.story_title"), key=f"new_title_{n}", max_chars=library.MAX_TITLE)
    # Streamlit writes its uploader's button and limit in English, and the limit it states is the server's
    # (larger, so our own message can explain a too-big file): both are replaced by the real limit in the
    # interface language (constant label text only, never story text)
    st.html("<style>.st-key-uploader [data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer'] p,"
            ".st-key-uploader [data-testid='stFileUploaderDropzoneInstructions'] span{font-size:0}"
            ".st-key-uploader [data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer'] p::after"
            "{font-size:1rem;content:" + json.dumps(t("new.upload_button"), ensure_ascii=False) + "}"
            ".st-key-uploader [data-testid='stFileUploaderDropzoneInstructions'] span::after{font-size:0.875rem;content:"
            + json.dumps(t("new.upload_limit", mb=library.MAX_FILE_BYTES // 1048576), ensure_ascii=False) + "}</style>")
    with st.container(key="uploader"):
        uploads = st.file_uploader(t("new.upload"), type=["txt"], accept_multiple_files=True, key=f"new_files_{n}")
    c1, c2 = st.columns([1, 3])
    paste_name = c1.text_input(t("new.paste_name"), key=f"new_paste_name_{n}", placeholder="notes.txt")
    paste = c2.text_area(t("new.paste"), key=f"new_paste_{n}", height=140)
    files: dict[str, bytes] = {}
    for f in uploads or []:
        name, k = f.name, 1
        while name in files:          # two uploads with one name: keep both
            k += 1
            name = f"{f.name[:-4] if f.name.lower().endswith('.txt') else f.name}-{k}.txt"
        files[name] = f.getvalue()
    if paste.strip():
        pname = " ".join(paste_name.split()) or t("new.pasted_default")
        pname = pname if pname.lower().endswith(".txt") else pname + ".txt"
        files[pname if pname not in files else "pasted-" + pname] = paste.encode("utf-8")
    override: dict[str, str] = {}
    doc_dates: dict[str, str] = {}
    bad = False
    if files:
        st.markdown(f"**{t('new.documents')}**")
    for i, (name, raw) in enumerate(files.items()):
        with st.container(border=True):
            a, b = st.columns([3, 2], vertical_alignment="center")
            try:
                if len(raw) > library.MAX_FILE_BYTES:
                    raise library.LibraryError(t("new.too_big", name=name, mb=library.MAX_FILE_BYTES // 1048576))
                body, enc = library.decode_upload(name, raw)
            except library.LibraryError as exc:
                a.text(name)
                a.error(text.md_escape(str(exc)))
                bad = True
                continue
            found = detect_lang(body[:3000])
            a.text(name)                      # st.text: a file name is never markup
            a.caption(t("new.doc_info", kb=max(1, round(len(raw) / 1024)), words=len(body.split()), enc=enc,
                        language=lang_label(found) if found else t("new.lang_unknown")))
            pick = b.selectbox(t("new.lang"), ["auto", "en", "es", "it"], key=f"new_lang_{n}_{i}",
                               format_func=lambda v, f=found: t("new.lang_auto", ui, language=lang_label(f) if f else "?")
                               if v == "auto" else lang_label(v))
            if pick != "auto":
                override[name] = pick
            # the date the document was written: its "today", "last week", "Friday" are dated from it
            day = b.date_input(t("new.doc_date"), value=None, key=f"new_date_{n}_{i}", format="YYYY-MM-DD",
                               min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
            if day:
                doc_dates[name] = day.isoformat()
    if len(files) > library.MAX_FILES:
        st.error(t("new.too_many", n=len(files), max=library.MAX_FILES))
    if st.button(t("new.create"), type="primary", key=f"new_create_{n}", disabled=not files):
        if not title.strip():
            st.error(t("new.need_title"))
            return
        if bad:
            st.error(t("new.fix_files"))
            return
        try:
            with st.status(t("new.processing"), expanded=True) as status:
                bar = st.progress(0.0, text=t("new.stage_start"))

                def progress(stage: str, i: int, total: int) -> None:
                    bar.progress(min(i / max(total, 1), 1.0),
                                 text=t("new.stage", stage=t_or("stage." + stage, stage), i=i + 1, n=total))

                new_slug = curate.create_story(title, files, lib_root, lang_override=override, doc_dates=doc_dates,
                                               progress=progress, actor=actor)
                bar.progress(1.0, text=t("new.done"))
                status.update(label=t("new.done"), state="complete")
        except PermissionError:
            st.error(t("role.refused"))
            return
        except library.LibraryError as exc:
            st.error(text.md_escape(str(exc)))
            return
        except Exception as exc:  # a pipeline bug: a message, never a traceback; the open story stays
            st.error(t("new.failed", error=text.md_escape(f"{type(exc).__name__}: {exc}")))
            return
        st.session_state._new_nonce = n + 1
        st.session_state._flash = t("new.created", title=" ".join(title.split()))
        open_story(new_slug)
        st.rerun()


if events.empty:
    st.title("Storyline")
    if library_mode:
        st.info(t("empty.library", title=text.md_escape(story.label)))
        stories_panel()
    else:
        st.info(f"No events yet in {story.label or source}. The pipeline found nothing to show — "
                "when it produces events they will appear here. Set STORYLINE_DATA to a folder of "
                "processed output (events.json, characters.json) to look at another story.")
    st.stop()

# ---------------------------------------------------------------- state from the URL, once per session
date_min = events["_dt"].min()
date_max = events["_dt"].max()
has_dates = events["_dt"].notna().any()
if not st.session_state.get("_init"):
    _s0 = urlstate.session_from_url(qp, cast=cast_names, categories=set(events["category"]),
                                    langs={lg for ls in events["_langs"] for lg in ls if lg},
                                    x_modes=timeline.X_MODES, lane_modes=timeline.LANE_MODES)
    _ev0 = _s0.pop("ev")
    st.session_state.update(**_s0, view=st.session_state.get("view") or _view0,
                            event_pick=st.session_state.get("event_pick") or _ev0, _init=True)
    if has_dates:
        st.session_state.f_dates = urlstate.dates_from_url(qp, date_min.date(), date_max.date())
# Streamlit forgets a widget's value in runs where the widget is not drawn (another view is
# shown) or its label changed (another interface language); re-assigning keeps the choice.
for _k in KEEP_KEYS:
    if _k in st.session_state:
        st.session_state[_k] = st.session_state[_k]
st.session_state.setdefault("eras", True)
st.session_state.setdefault("wide", False)
st.session_state.setdefault("x_scope", True)


def reset_filters() -> None:
    st.session_state.update(f_chars=[], f_match="any", f_kinds=["story"], f_cats=[], f_langs=[],
                            f_undated=True, f_q="")
    if has_dates:
        st.session_state.f_dates = (date_min.date(), date_max.date())


def cat_label(c: str) -> str:
    return t_or("cat." + c, c, ui)


def kind_label(k: str) -> str:
    return t_or("kind." + k, k, ui)


# ---------------------------------------------------------------- sidebar filters
with st.sidebar:
    st.header(t("filters"))
    st.multiselect(t("f.characters"), cast_names, key="f_chars", placeholder=t("f.characters_all"))
    st.radio(t("f.match"), ["any", "all"], key="f_match", horizontal=True,
             format_func=lambda m: t("f.match_" + m, ui))
    st.multiselect(t("f.kinds"), list(flt.KINDS), key="f_kinds", format_func=lambda k: t("kindlong." + k, ui),
                   placeholder=t("f.kinds_all"))
    st.multiselect(t("f.category"), sorted(set(events["category"])), key="f_cats", format_func=cat_label,
                   placeholder=t("f.category_all"))
    langs = sorted({lg for ls in events["_langs"] for lg in ls if lg})
    st.multiselect(t("f.lang"), langs, key="f_langs", placeholder=t("f.lang_all"), format_func=lang_label)
    date_from = date_to = None
    if has_dates:
        picked = st.date_input(t("f.dates"), key="f_dates", min_value=date_min.date(), max_value=date_max.date(),
                               format="YYYY-MM-DD")
        picked = picked if isinstance(picked, (tuple, list)) else (picked,)
        if len(picked) >= 1 and picked[0] and picked[0] > date_min.date():
            date_from = picked[0].isoformat()
        if len(picked) == 2 and picked[1] and picked[1] < date_max.date():
            date_to = picked[1].isoformat()
        st.checkbox(t("f.undated"), key="f_undated", disabled=not (date_from or date_to))
    st.text_input(t("f.search"), key="f_q", placeholder=t("f.search_hint"))
    st.button(t("f.reset"), on_click=reset_filters, width="stretch")

current = flt.Filters(chars=tuple(st.session_state.f_chars), match=st.session_state.f_match,
                      kinds=tuple(st.session_state.f_kinds), cats=tuple(st.session_state.f_cats),
                      langs=tuple(st.session_state.f_langs), date_from=date_from, date_to=date_to,
                      undated=bool(st.session_state.f_undated), q=st.session_state.f_q.strip())
shown, ids, row_of, labels = filtered_view(repr((story_id, current)), events, current)  # read-only
all_labels = story_derived(repr((story_id, "labels")), lambda: {
    i: f"#{o} · {timeline.truncate(tt, 80)}" for i, o, tt in zip(events["id"], events["order"], events["title"])})


def event(eid: str) -> dict:
    return shown.iloc[row_of[eid]].to_dict()


def event_label(eid: str) -> str:
    return labels[eid]


def names_input(label_key: str, chosen: list[str], key: str) -> list[str]:
    """Characters: a multiselect of the cast plus free text for names the pipeline missed."""
    picked = st.multiselect(t(label_key), curate.merge_names(cast_names, chosen), default=chosen, key=key)
    more = st.text_input(t("edit.more_names"), key=key + "_more", placeholder=t("edit.more_names_hint"))
    return curate.merge_names(picked, curate.parse_names(more))


def edit_panel(e: dict) -> None:
    """Correct one event: fields, merge, delete. Saved as edit operations beside the pipeline output."""
    eid, n = e["id"], len(ops)
    cats = sorted(set(events["category"]) | {e["category"]})
    with st.expander(t("edit.open")):
        with st.form(key=f"edit_{eid}_{n}"):
            title = st.text_input(t("field.title"), value=e["title"], max_chars=90, key=f"ed_title_{eid}_{n}")
            summary = st.text_area(t("field.summary"), value=e["summary"] or "", key=f"ed_sum_{eid}_{n}")
            c1, c2 = st.columns(2)
            date = c1.text_input(t("field.date"), value=e["date"] if isinstance(e["date"], str) else "",
                                 placeholder=t("edit.date_hint"), key=f"ed_date_{eid}_{n}")
            prec = c2.selectbox(t("field.date_precision"), list(PRECISIONS),
                                index=list(PRECISIONS).index(e["date_precision"])
                                if e["date_precision"] in PRECISIONS else len(PRECISIONS) - 1,
                                format_func=lambda p: t_or("precision." + p, p, ui), key=f"ed_prec_{eid}_{n}")
            chars = names_input("field.characters", list(e["characters"]), f"ed_chars_{eid}_{n}")
            c3, c4 = st.columns(2)
            cat = c3.selectbox(t("field.category"), cats, index=cats.index(e["category"]), format_func=cat_label,
                               accept_new_options=True, key=f"ed_cat_{eid}_{n}")
            kind = c4.selectbox(t("field.kind"), list(EVENT_KINDS), index=list(EVENT_KINDS).index(e["kind"])
                                if e["kind"] in EVENT_KINDS else 0, format_func=kind_label, key=f"ed_kind_{eid}_{n}")
            saved = st.form_submit_button(t("edit.save"), type="primary")
        if saved:
            try:
                values = {"title": " ".join(title.split()), "summary": summary.strip(), "date": curate.check_date(date),
                          "date_precision": prec, "characters": chars, "category": (cat or "other").strip(),
                          "kind": kind}
                op = curate.update_op(e, values)
            except edits_mod.EditsError as exc:
                st.error(text.md_escape(str(exc)))
            else:
                if op is None:
                    st.info(t("edit.nothing"))
                else:
                    add_op(op, t("edit.saved"), pick=eid)
        others = [i for i in events["id"] if i != eid]
        if others:
            m1, m2 = st.columns([3, 1], vertical_alignment="bottom")
            other = m1.selectbox(t("edit.merge_with"), others, format_func=all_labels.get, key=f"ed_merge_{eid}",
                                 index=None, placeholder=t("edit.merge_pick"))
            if m2.button(t("edit.merge"), key=f"ed_merge_go_{eid}", disabled=other is None, width="stretch"):
                add_op({"op": "merge", "keep": eid, "other": other}, t("edit.merged"), pick=eid)
        d1, d2 = st.columns([3, 1], vertical_alignment="center")
        sure = d1.checkbox(t("edit.delete_confirm"), key=f"ed_del_ok_{eid}")
        if d2.button(t("edit.delete"), key=f"ed_del_{eid}", disabled=not sure, width="stretch"):
            add_op({"op": "delete", "id": eid}, t("edit.deleted"))


def add_panel() -> None:
    """Add an event the pipeline missed."""
    n = len(ops)
    with st.expander(t("add.open"), icon=":material/add:"):
        with st.form(key=f"add_{n}"):
            title = st.text_input(t("field.title"), max_chars=90, key=f"add_title_{n}")
            summary = st.text_area(t("field.summary"), key=f"add_sum_{n}")
            c1, c2 = st.columns(2)
            date = c1.text_input(t("field.date"), placeholder=t("edit.date_hint"), key=f"add_date_{n}")
            prec = c2.selectbox(t("field.date_precision"), list(PRECISIONS), format_func=lambda p: t_or("precision." + p, p, ui),
                                key=f"add_prec_{n}")
            chars = names_input("field.characters", [], f"add_chars_{n}")
            c3, c4 = st.columns(2)
            cats = sorted(set(events["category"]))
            cat = c3.selectbox(t("field.category"), cats, index=cats.index("other") if "other" in cats else 0,
                               format_func=cat_label, accept_new_options=True, key=f"add_cat_{n}")
            kind = c4.selectbox(t("field.kind"), list(EVENT_KINDS), format_func=kind_label, key=f"add_kind_{n}")
            after = st.selectbox(t("add.after"), list(events["id"]), index=None, format_func=all_labels.get,
                                 placeholder=t("add.after_auto"), key=f"add_after_{n}")
            go = st.form_submit_button(t("add.save"), type="primary")
        if go:
            try:
                fields = {"summary": summary.strip(), "date": curate.check_date(date), "characters": chars,
                          "category": (cat or "other").strip(), "kind": kind}
                if fields["date"]:
                    fields["date_precision"] = prec
                if after:
                    fields["after"] = after
                op = edits_mod.new_event_op(" ".join(title.split()), **fields)
            except edits_mod.EditsError as exc:
                st.error(text.md_escape(str(exc)) if title.strip() else t("add.need_title"))
            else:
                add_op(op, t("add.saved"), pick=op["event"]["id"])


def show_details(eid: str) -> None:
    e = event(eid)
    blocks = curate.details_blocks(e, docs)
    with st.container(border=True):
        for b in blocks[:3]:
            st.markdown(b)
    if library_mode and can_edit:
        edit_panel(e)
    if len(blocks) > 3:
        st.markdown(t("d.sources", n=len(blocks) - 3))
        for b in blocks[3:]:
            with st.container(border=True):
                st.markdown(b)


def story_title() -> str:
    """The story's title: the library's title, or a folder's name (never a whole server path)."""
    return (titles.get(slug) if library_mode else os.path.basename(story.label.rstrip("/"))) or "Storyline"


def exit_presentation() -> None:
    st.session_state.view = "Timeline"


def slide_notes_panel(e: dict) -> None:
    """The teacher's notes and image for this slide, saved as a `slide` edit with the story's edits."""
    eid = e["id"]
    with st.expander(t("p.notes_edit"), icon=":material/edit_note:"):
        with st.form(key=f"slide_{eid}_{len(ops)}"):
            notes = st.text_area(t("p.notes"), value=e.get("notes") or "", max_chars=edits_mod.MAX_NOTES,
                                 key=f"slide_notes_{eid}_{len(ops)}")
            image = st.text_input(t("p.image"), value=e.get("image") or "", placeholder="https://…",
                                  key=f"slide_image_{eid}_{len(ops)}")
            if st.form_submit_button(t("p.notes_save"), type="primary"):
                try:
                    op = edits_mod.slide_op(eid, notes, image)
                except edits_mod.EditsError as exc:
                    st.error(text.md_escape(str(exc)))
                else:
                    add_op(op, t("p.notes_saved"))


def present_view() -> None:
    """The slideshow: step 0 is the title slide, steps 1..n the events the filters show. The teacher's
    steps are published to the store; a following viewer's slide is redrawn from it (a fragment)."""
    if not ids:
        st.info(t("none"))
        return
    n = len(ids)
    st.session_state.step = min(max(int(st.session_state.get("step") or 0), 0), n)

    def move_to(k: int) -> None:
        st.session_state.step = min(max(k, 0), n)

    st.html(PRESENT_CSS)
    # arrow, Home/End, Esc keys press the buttons of the bar; a constant script, no story text in it
    st.html(PRESENT_KEYS_JS, unsafe_allow_javascript=True)

    def draw_bar(step: int) -> None:
        with st.container(key="present_bar"):
            b = st.columns([1.1, 0.55, 1.4, 1.6, 1.4, 0.55, 1.1], vertical_alignment="center", gap="small")
            b[0].button(t("p.exit"), on_click=exit_presentation, key="exit", width="stretch",
                        icon=":material/close:", help=t("p.exit_help"))
            b[1].button("", icon=":material/first_page:", on_click=move_to, args=(0,),
                        disabled=step <= 0 or following, key="first", width="stretch", help=t("p.first"))
            b[2].button(t("p.prev"), on_click=move_to, args=(step - 1,), disabled=step <= 0 or following,
                        key="prev", width="stretch")
            b[3].markdown(f"### {step} / {n}" if step else f"### {t('p.title_slide')} · {n}",
                          text_alignment="center")
            b[4].button(t("p.next"), on_click=move_to, args=(step + 1,), disabled=step >= n or following,
                        key="next", width="stretch", type="primary")
            b[5].button("", icon=":material/last_page:", on_click=move_to, args=(n,),
                        disabled=step >= n or following, key="last", width="stretch", help=t("p.last"))
            b[6].button(t("p.fullscreen"), key="fullscreen", width="stretch", icon=":material/fullscreen:",
                        help=t("p.keys"))

    def draw_slide(step: int) -> None:
        cur = event(ids[step - 1]) if step else None
        if cur is None:
            slide = story_derived(repr((story_id, current, "title_slide")), lambda: slides.title_slide(
                shown, story_title(), cast_names, colors, ui, who=list(current.chars)))
        else:
            slide = slides.event_slide(cur, colors, ui)
        with st.container(key="present", height=410, border=False):
            st.html(slides.slide_html(slide, ui))
        cur_id = cur["id"] if cur else None
        fig = cached_figure(repr((story_id, current, "strip", cur_id)), lambda: slides.nav_strip(
            shown, cur_id, colors, cast_names, ui, height=140, reveal_upto=cur_id or ids[-1]))
        st.plotly_chart(fig, key="present_chart", theme=None, width="stretch",
                        config={"displaylogo": False, "displayModeBar": False})
        if library_mode and can_edit and cur is not None:
            slide_notes_panel(cur)

    if not following:
        step = st.session_state.step
        if actor.role == "teacher":
            publish_slide(step)
        draw_bar(step)
        draw_slide(step)
        return
    # a following viewer: the teacher moves the slides; a way out stays outside the fragment so that
    # leaving reruns the whole page
    f1, f2 = st.columns([3, 1], vertical_alignment="center")
    f1.caption(t("role.following"))
    f2.button(t("role.unfollow"), key="unfollow", on_click=stop_following, width="stretch")

    # A new step of the same story and filters redraws only this fragment (30 followers would otherwise
    # queue 30 whole-page reruns per Next); another story or other filters rerun the page.
    @st.fragment(run_every=FOLLOW_EVERY)
    def followed_slide() -> None:
        p = teacher_slide()
        if p is not None:
            if json.dumps([p["story"], p["state"]], sort_keys=True) != st.session_state.get("_follow_key"):
                st.session_state._follow_apply = p
                st.rerun(scope="app")
            st.session_state._followed = p["seq"]
            st.session_state.step = min(max(int(p["step"]), 0), n)
        draw_bar(st.session_state.step)
        draw_slide(st.session_state.step)

    followed_slide()


# ---------------------------------------------------------------- views
v1, v2 = st.columns([7, 3], vertical_alignment="center")
if st.session_state.get("view") not in VIEWS or (st.session_state.get("view") == "Stories" and not library_mode):
    st.session_state.view = "Timeline"
view = v1.radio("View", VIEWS if library_mode else VIEWS[:-1], key="view", horizontal=True,
                label_visibility="collapsed", format_func=lambda v: t("view." + VIEW_KEYS[v], ui))
v2.caption(t("caption.count", n=len(shown), total=len(events)) + " · "
           + text.md_escape(story_title()))   # a title is text, never markup
if st.session_state.get("event_pick") not in row_of:
    st.session_state.event_pick = ids[0] if ids else None

if view == "Timeline":
    c1, c2, c3 = st.columns([3, 3, 1.4])
    c1.radio(t("tl.axis"), list(timeline.X_MODES), key="x_mode", horizontal=True,
             format_func=lambda k: t_or("x." + k, timeline.X_MODES[k], ui), help=t("tl.axis_help"))
    c2.radio(t("tl.lanes"), list(timeline.LANE_MODES), key="lanes", horizontal=True,
             format_func=lambda k: t_or("lanes." + k, timeline.LANE_MODES[k], ui))
    c3.checkbox(t("tl.eras"), key="eras")
    c3.toggle(t("tl.wide"), key="wide", help=t("tl.wide_help"))
    # with dates, rows keep headlines readable; "to scale" spaces events by their real dates instead
    to_scale = st.session_state.x_mode == "chronological" and c1.toggle(t("tl.scale"), key="to_scale",
                                                                         help=t("tl.scale_help"))
    width_px = viewport.main_width(timeline.Style().plot_px + 100)   # rows are laid out for this width
    if not ids:
        st.info(t("tl.none"))
    else:
        page = None if to_scale else pager.pick(len(shown), pager.page_of(
            shown, st.session_state.x_mode, st.session_state.event_pick), ui)
        # key = every input of the build below (story_id carries the interface language)
        fig = cached_figure(repr((story_id, current, "timeline", st.session_state.x_mode, st.session_state.lanes,
                                  st.session_state.event_pick, bool(st.session_state.eras), bool(st.session_state.wide),
                                  to_scale, width_px, page)),
                            lambda: timeline.build_timeline(
                                      shown, x_mode=st.session_state.x_mode, lane_mode=st.session_state.lanes,
                                      cast=cast_names, colors=colors, highlight=st.session_state.event_pick,
                                      eras=st.session_state.eras,
                                      style=timeline.Style(plot_px=1250 if st.session_state.wide else 720,
                                                           layout="strip" if to_scale else "auto",
                                                           width_px=width_px, page_rows=timeline.PAGE_ROWS),
                                      lang=ui, page=page))
        sel = st.plotly_chart(fig, key="timeline_chart", on_select="rerun", selection_mode="points",
                              theme=None, width="stretch",
                              config={"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]})
        hidden = fig.layout.meta.get("hidden_labels", 0) if fig.layout.meta else 0
        if hidden:
            st.caption(t("tl.hidden", n=hidden))
        clicked = [p.get("customdata") for p in (sel.selection.points if sel else [])]
        clicked = [c[0] if isinstance(c, list) else c for c in clicked if c]
        if clicked and clicked[0] != st.session_state.get("_last_click"):
            st.session_state._last_click = clicked[0]
            if clicked[0] in row_of:
                st.session_state.event_pick = clicked[0]
                st.session_state._scroll_details = st.session_state.get("_scroll_details", 0) + 1
                st.rerun()
        with st.container(key="details"):
            st.selectbox(t("tl.pick"), ids, key="event_pick", format_func=event_label)
            show_details(st.session_state.event_pick)
        if st.session_state.get("_scroll_details"):
            # a dot was clicked: bring its details into view (the number makes each script new, so it runs)
            st.html(SCROLL_JS.replace("__N__", str(st.session_state.pop("_scroll_details"))),
                    unsafe_allow_javascript=True)
    if library_mode and can_edit:
        add_panel()

elif view == "Presentation":
    present_view()

elif view == "Cast":
    # the table and the heatmap count the same events: the story's own (not production or reception)
    story_events = events[events["kind"] == "story"]
    table = cast_view.cast_table(characters, story_events, cast_names)

    def cast_selected() -> None:
        rows = st.session_state.cast_table.selection.rows
        st.session_state.f_chars = [table["Character"].iloc[i] for i in rows]

    st.caption(t("cast.hint"))
    if cast_names:
        def tell_story() -> None:
            st.session_state.update(f_chars=[st.session_state.cast_tell_who], f_match="any", view="Presentation",
                                    step=0)

        r1, r2 = st.columns([2, 2], vertical_alignment="bottom")
        r1.selectbox(t("cast.tell_who"), cast_names, key="cast_tell_who")
        r2.button(t("cast.tell"), key="cast_tell", on_click=tell_story, icon=":material/slideshow:", type="primary")
    st.dataframe(table, key="cast_table", on_select=cast_selected, selection_mode="multi-row",
                 hide_index=True, width="stretch")
    if library_mode and can_edit and cast_names:
        with st.expander(t("cast.edit")):
            r1, r2, r3 = st.columns([2, 2, 1], vertical_alignment="bottom")
            who = r1.selectbox(t("cast.rename_who"), cast_names, key="cast_rename_who")
            to = r2.text_input(t("cast.rename_to"), key=f"cast_rename_to_{len(ops)}")
            if r3.button(t("cast.rename"), key="cast_rename_go", width="stretch"):
                to = " ".join(to.split())
                if not to or to == who:
                    st.error(t("cast.rename_need"))
                else:
                    add_op({"op": "rename_character", "name": who, "to": to}, t("cast.renamed", old=who, new=to))
            if len(cast_names) > 1:
                k1, k2, k3 = st.columns([2, 2, 1], vertical_alignment="bottom")
                keep = k1.selectbox(t("cast.merge_keep"), cast_names, key="cast_keep")
                other = k2.selectbox(t("cast.merge_other"), [c for c in cast_names if c != keep], key="cast_other")
                if k3.button(t("cast.merge"), key="cast_merge_go", width="stretch", disabled=not other):
                    add_op({"op": "merge_characters", "keep": keep, "other": other},
                           t("cast.merged", keep=keep, other=other))
    if library_mode and can_edit and cast_names:
        with st.expander(t("cast.overrule")):
            x1, x2 = st.columns([4, 1], vertical_alignment="bottom")
            out_name = x1.selectbox(t("cast.exclude_who"), cast_names, key="cast_exclude_who")
            if x2.button(t("cast.exclude"), key="cast_exclude_go", width="stretch"):
                add_op({"op": "exclude_character", "name": out_name}, t("cast.excluded", name=out_name))
    left = cast_view.left_out_table(story.left_out, characters, ops)
    st.subheader(t("cast.left_out"))
    st.caption(t("cast.left_out_hint"))
    st.dataframe(left, key="cast_left_out", hide_index=True, width="stretch", height=min(400, 38 + 35 * len(left)))
    if library_mode and can_edit:
        i1, i2 = st.columns([4, 1], vertical_alignment="bottom")
        in_name = i1.selectbox(t("cast.include_who"), list(left["Name"]), index=None, accept_new_options=True,
                               key="cast_include_who", placeholder=t("cast.include_placeholder"))
        if i2.button(t("cast.include"), key="cast_include_go", width="stretch", disabled=not in_name):
            add_op({"op": "include_character", "name": " ".join(str(in_name).split())},
                   t("cast.included", name=in_name))
    if len(cast_names) > 1:
        st.subheader(t("cast.heatmap"))
        st.plotly_chart(cast_view.heatmap(story_events, cast_names), theme=None,
                        width="stretch", config={"displaylogo": False})

elif view == "Table":
    if not ids:
        st.info(t("none"))
    else:
        tbl = text.table_frame(shown, lang=ui)
        # a year reads "1957", never "1957-01-01" (interval rows keep their own "after Oct 1957")
        tbl["Date"] = [v if p == "interval" else text.table_date(d, p)
                       for v, d, p in zip(tbl["Date"], shown["date"], shown["date_precision"])]
        tbl.insert(0, "✎", shown["edited"].map(lambda x: "✎" if x == True else "").to_numpy())  # noqa: E712
        headline = t("col.Headline")
        tbl = tbl.rename(columns={c: t_or("col." + c, c) for c in tbl.columns if c not in ("id", "✎")})

        def table_selected() -> None:
            rows = st.session_state.event_table.selection.rows
            if rows:
                st.session_state.event_pick = tbl["id"].iloc[rows[0]]

        st.dataframe(tbl, key="event_table", on_select=table_selected, selection_mode="single-row",
                     hide_index=True, width="stretch",
                     column_config={"id": None, headline: st.column_config.TextColumn(width="large"),
                                    "✎": st.column_config.TextColumn(t("col.edited"), width="small",
                                                                     help=t("edited"))})
        st.caption(t("table.hint"))
        show_details(st.session_state.event_pick)
    if library_mode and can_edit:
        add_panel()

else:  # Stories
    stories_panel()

# ---------------------------------------------------------------- export (prepared only on request)
with st.sidebar:
    with st.expander(t("x.title"), icon=":material/download:"):
        only = st.toggle(t("x.only_shown", n=len(shown), total=len(events)), key="x_scope")
        kind = st.selectbox(t("x.format"), list(curate.EXPORT_FILES), key="x_kind",
                            format_func=lambda k: f"{t('x.' + k, ui)} · {curate.EXPORT_FILES[k]}")
        scope = shown if only else events
        wide = bool(st.session_state.get("wide"))
        sig = (slug, source, curate.story_stamp(slug, lib_root) if library_mode else (), ui, kind, only,
               hash(tuple(scope["id"])), st.session_state.x_mode, st.session_state.lanes, wide)
        if kind == "png":
            st.caption(t("x.png_hint"))
        if st.button(t("x.prepare"), key="x_prepare", width="stretch", disabled=scope.empty):
            try:
                with st.spinner(t("x.preparing")):
                    fig = None
                    if kind in ("png", "html"):
                        fig = timeline.build_timeline(scope, x_mode=st.session_state.x_mode,
                                                      lane_mode=st.session_state.lanes, cast=cast_names,
                                                      colors=colors, eras=st.session_state.eras,
                                                      style=timeline.Style(plot_px=1250 if wide else 720), lang=ui)
                    payload = curate.export_bytes(kind, scope, characters, story.label or "Storyline", fig=fig)
                st.session_state._export = (sig, payload)
            except export.ExportError as exc:
                st.error(text.md_escape(str(exc)))
            except Exception as exc:  # an exporter bug: a message, not a traceback
                st.error(t("x.failed", error=text.md_escape(f"{type(exc).__name__}: {exc}")))
        prepared = st.session_state.get("_export")
        if prepared and prepared[0] == sig:
            fname = curate.EXPORT_FILES[kind]
            st.download_button(t("x.download", file=fname), data=prepared[1], file_name=fname,
                               mime=curate.EXPORT_MIME[kind], key="x_download", width="stretch", type="primary",
                               icon=":material/download:",
                               on_click="ignore")
    with st.expander(t("src.title")):
        st.caption(t("src.showing", label=story.label))
        if actor.role != "viewer":  # a folder path reads the server's disk: not for every student's browser
            st.text_input(t("src.folder"), key="data_dir", value=None, placeholder=t("src.folder_hint"))
        for m in story.messages:
            st.caption(m)

# ---------------------------------------------------------------- state back into the URL
state = urlstate.url_from_session(current, view=view, story=slug if library_mode else None, ui=ui,
                                  ui_in_url=bool(qp.get("ui")), x_mode=st.session_state.x_mode,
                                  lanes=st.session_state.lanes, event=st.session_state.get("event_pick"),
                                  step=st.session_state.get("step") or 0, default_ui=i18n.DEFAULT)
if state != st.session_state.get("_last_qp"):
    st.session_state._last_qp = state
    st.query_params.from_dict(state)

# ---------------------------------------------------------------- follow the teacher's presentation
if following and view != "Presentation":  # in the presentation, followed_slide() does the looking
    with st.sidebar:
        follow_teacher()
