"""The sidebar every page shares: language, story, Undo and the role (above the filters), and the export and
data-source panels (below them)."""
from __future__ import annotations

import streamlit as st

from dashboard import curate, export, i18n, library, text, timeline
from dashboard.i18n import t

from . import roles, state
from .edit import save_change


def story_panel(c: state.Ctx) -> None:
    with st.sidebar:
        st.title("Storyline")
        st.selectbox(t("ui.language"), list(i18n.LANGS), key="ui", format_func=i18n.NAMES.get)
        if c.library_mode:
            st.selectbox(t("story.pick"), list(c.titles), key="story", format_func=c.titles.get,
                         on_change=state.switch_story)
            st.button(t("story.manage") if c.can_edit else t("view.stories"), on_click=state.go_to,
                      args=("Stories",), width="stretch", key="go_stories",
                      icon=":material/add:" if c.can_edit else ":material/library_books:")
            if c.ops:
                st.caption(t("edit.count", n=len(c.ops)))
            mine = library.last_own_edit(c.slug, c.lib_root, actor=c.actor) if c.can_edit else None
            if mine:  # Undo takes back this session's own last edit, never someone else's
                if st.button(t("edit.undo", what=curate.describe(mine)), key="undo", width="stretch",
                             icon=":material/undo:"):
                    save_change(lambda: library.undo_edit(c.slug, c.lib_root, actor=c.actor), t("edit.undone"))
            roles.role_panel(c)

    if c.library_mode:
        if st.session_state.get("_missing_story"):
            st.warning(t("story.missing", slug=text.md_escape(st.session_state.pop("_missing_story"))))
        for w in st.session_state.get("_warn", {}).get(c.slug, []):
            st.warning(text.md_escape(w))


def export_style(kind: str, wide: bool) -> timeline.Style:
    """The PNG is laid out at the width it is rendered at, the offline page for a projector's 1280 px window
    (laid out for the app's 820 px chart column, its headlines wrapped beside an empty third of the screen);
    both 1900 px in wide-screen mode."""
    px = 1900 if wide else export.PNG_WIDTH
    return timeline.Style(plot_px=px - 100, width_px=px)


def export_panel(c: state.Ctx) -> None:
    """Exports of what the filters show (or of everything), prepared only on request."""
    with st.sidebar:
        _exports(c)


@st.fragment(key=state.EXPORTS_FRAGMENT)
def _exports(c: state.Ctx) -> None:
    # a rerun of this fragment alone (its own widgets, or a filter change while a file is prepared) runs
    # without app.py: the language and what the filters show are set again. Its labels never count what the
    # filters show: a filter change that reruns only the chart would leave such a count behind
    if state.in_fragment_run():
        i18n.set_lang(c.ui)
        state.set_current(c)
        state.apply_filters(c)
    ui, shown, events = c.ui, c.shown, c.events
    with st.expander(t("x.title"), icon=":material/download:"):
        only = st.toggle(t("x.only_shown"), key="x_scope")
        kind = st.selectbox(t("x.format"), list(curate.EXPORT_FILES), key="x_kind",
                            format_func=lambda k: f"{t('x.' + k, ui)} · {curate.EXPORT_FILES[k]}")
        scope = shown if only else events
        wide = bool(st.session_state.get("wide"))
        sig = (c.slug, c.source, curate.story_stamp(c.slug, c.lib_root) if c.library_mode else (), ui, kind, only,
               hash(tuple(scope["id"])), st.session_state.x_mode, st.session_state.lanes, wide,
               bool(st.session_state.get("eras")))   # the year bands are drawn in the PNG and the page
        if kind == "png":
            st.caption(t("x.png_hint"))
        if st.button(t("x.prepare"), key="x_prepare", width="stretch", disabled=scope.empty):
            try:
                with st.spinner(t("x.preparing")):
                    fig = None
                    if kind in ("png", "html"):
                        fig = timeline.build_timeline(scope, x_mode=st.session_state.x_mode,
                                                      lane_mode=st.session_state.lanes, cast=c.cast_names,
                                                      colors=c.colors, eras=st.session_state.eras,
                                                      style=export_style(kind, wide), lang=ui)
                    # the story's title, never a folder's path
                    payload = curate.export_bytes(kind, scope, c.characters, c.story_title(), fig=fig,
                                                  docs=c.story.docs)
                st.session_state._export = (sig, payload)
            except export.ExportError as exc:
                st.error(text.md_escape(str(exc)))
            except Exception as exc:  # an exporter bug: a message, not a traceback
                st.error(t("x.failed", error=text.md_escape(f"{type(exc).__name__}: {exc}")))
        prepared = st.session_state.get("_export")
        if prepared and prepared[0] == sig:
            fname = curate.EXPORT_FILES[kind]
            st.caption(t("x.holds", n=len(scope)))
            st.download_button(t("x.download", file=fname), data=prepared[1], file_name=fname,
                               mime=curate.EXPORT_MIME[kind], key="x_download", width="stretch", type="primary",
                               icon=":material/download:",
                               on_click="ignore")


def source_panel(c: state.Ctx) -> None:
    """Where the story comes from and, for the teacher, another folder to read (a new story: a full run)."""
    with st.sidebar:
        with st.expander(t("src.title")):
            st.caption(t("src.showing", label=c.story.label))
            if c.actor.role != "viewer":  # a folder path reads the server's disk: not for every student's browser
                st.text_input(t("src.folder"), key="data_dir", value=None, placeholder=t("src.folder_hint"))
            for m in c.story.messages:
                st.caption(m)
