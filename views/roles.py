"""Roles on one server with a whole class: the teacher, viewers (key entry, follow toggle) or everyone (no
key set); the teacher's presentation published into the store and followed by viewers (dashboard.store)."""
from __future__ import annotations

import hmac
import json
import os
import sqlite3
import uuid

import streamlit as st

from dashboard import filters as flt, library, store
from dashboard.i18n import t

from . import state

TEACHER_KEY_ENV = "STORYLINE_TEACHER_KEY"
FOLLOW_EVERY = 1.0   # seconds between a following viewer's looks at the teacher's slide


def teacher_key() -> str | None:
    """The configured teacher key (env, else .streamlit/secrets.toml), None when there is none."""
    key = os.environ.get(TEACHER_KEY_ENV)
    if not key:
        try:
            key = st.secrets.get("teacher_key")
        except Exception:  # no secrets file (the usual case) or an unreadable one: no key
            key = None
    return str(key) if key else None


def session_role(c: state.Ctx) -> None:
    """Who this session is (`c.actor`, `c.can_edit`, `c.following`). The key itself is never kept."""
    key_set = c.library_mode and teacher_key() is not None
    sid = st.session_state.setdefault("_sid", uuid.uuid4().hex[:12])
    if not key_set:
        # one person on their own machine, as before roles existed: every tab and the CLI are that person, so
        # Undo takes back the last edit whoever's tab made it (also after a reload, or an imported edits.json)
        c.actor = store.Actor(store.TEACHER.who, "local")
    elif st.session_state.get("_teacher") is True:
        c.actor = store.Actor("teacher", "teacher")
    else:
        c.actor = store.Actor(f"viewer:{sid}", "viewer")
    c.can_edit = c.actor.can_write
    c.following = c.actor.role == "viewer" and bool(st.session_state.get("follow"))


def check_key() -> None:
    """Compare the typed key in constant time; the typed text is cleared at once (never kept or shown)."""
    typed = str(st.session_state.get("_key_entry") or "")
    st.session_state["_key_entry"] = ""
    if not typed:
        return
    key = teacher_key()
    ok = key is not None and hmac.compare_digest(typed.encode("utf-8"), key.encode("utf-8"))
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


def apply_followed(c: state.Ctx) -> None:
    """The teacher's slide, fetched by a follow fragment, applied before any widget exists: its story, filters
    and step; the presentation page is asked for (app.py switches to it)."""
    pending = st.session_state.pop("_follow_apply", None)
    if not (pending and c.following):
        return
    st.session_state._followed = pending["seq"]   # taken, even when it cannot be shown (a deleted story)
    if pending.get("story") not in c.titles:
        return
    fkey = json.dumps([pending["story"], pending["state"]], sort_keys=True)
    if fkey != st.session_state.get("_follow_key"):   # another story or other filters: re-read them all
        for k in state.FILTER_KEYS + ("event_pick", "_last_qp", "_export"):
            st.session_state.pop(k, None)
        st.session_state._init = False
        st.session_state.story = pending["story"]
        st.query_params.from_dict({**pending["state"], "story": pending["story"], "step": str(pending["step"])})
        st.session_state._follow_key = fkey
    state.go_to("Presentation")
    st.session_state.step = int(pending["step"])


def role_panel(c: state.Ctx) -> None:
    """Who this session is: the teacher, a viewer (key entry, follow toggle) or everyone (no key set)."""
    with st.container(key="role"):
        if c.actor.role == "local":
            st.caption(t("role.local"))
        elif c.actor.role == "teacher":
            st.success(t("role.teacher"), icon=":material/school:")
            st.button(t("role.sign_out"), key="sign_out", on_click=sign_out, width="stretch")
        else:
            st.info(t("role.viewer"), icon=":material/visibility:")
            st.toggle(t("role.follow"), key="follow", on_change=follow_changed, help=t("role.follow_help"))
            st.text_input(t("role.key"), type="password", key="_key_entry", on_change=check_key,
                          placeholder=t("role.key_hint"))
            if st.session_state.pop("_key_bad", False):
                st.error(t("role.key_wrong"))


def teacher_slide(lib_root: str | None) -> dict | None:
    """The teacher's published slide when it changed since this session last took it, else None."""
    try:
        p = library.store(lib_root).presenter()
    except sqlite3.Error:
        return None
    return p if p and p["seq"] != st.session_state.get("_followed") else None


def follow_teacher(c: state.Ctx) -> None:
    """A following viewer away from the presentation looks at the teacher's slide every FOLLOW_EVERY s;
    a new one brings the page back to it."""
    lib_root = c.lib_root

    @st.fragment(run_every=FOLLOW_EVERY)
    def look() -> None:
        p = teacher_slide(lib_root)
        if p is not None:
            st.session_state._follow_apply = p
            st.rerun(scope="app")

    with st.sidebar:
        look()


def publish_slide(c: state.Ctx, step: int) -> None:
    """The teacher's presentation tells the followers its story, filters and step (only when they change)."""
    st_state = flt.to_query(c.current)
    mark = json.dumps([c.slug, st_state, step], sort_keys=True)
    if mark != st.session_state.get("_published"):
        try:
            library.store(c.lib_root).publish(c.slug, st_state, step, c.actor)
            st.session_state._published = mark
        except (PermissionError, sqlite3.Error):
            pass  # following is a convenience: a busy store must not stop the teacher's slides
