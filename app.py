"""Storyline dashboard: `streamlit run app.py`.

Stories come from the story library (dashboard.library; root folder data/library/, or the
folder named by STORYLINE_LIBRARY): the built-in October Sky plus every story a user created
by uploading or pasting texts, each with its curation overlay (dashboard.edits). Setting
STORYLINE_DATA to a folder (events.json + characters.json [+ docs/*.txt], or raw .txt
documents) shows that folder instead, read-only.

This file is the frame around the pages: it sets up what they share (views/state.py: language, story,
URL <-> session, filters; views/roles.py: teacher and viewers; views/sidebar.py), then st.navigation
runs one page of views/ (timeline, presentation, cast, table, stories). The page is the link's path
(/present, /cast, ...; / is the timeline); old links' ?view= still opens it (dashboard/urlstate.py).
Interface labels come from dashboard/labels/<lang>.json via t().
"""
from __future__ import annotations

import json

import streamlit as st

from dashboard import appcss, text, urlstate
from dashboard.i18n import t
from views import FILTERED_FRAGMENTS, PAGE_FILES, library_panel, roles, sidebar, state

PAGE_ICONS = {"Timeline": ":material/timeline:", "Presentation": ":material/slideshow:",
              "Cast": ":material/groups:", "Table": ":material/table_rows:", "Stories": ":material/library_books:"}
SCROLL_TOP_JS = """<script>(() => { const doc = window.parent ? window.parent.document : document;
  const top = () => { const m = doc.querySelector('[data-testid="stMain"]'); if (m) m.scrollTo(0, 0);
                      (doc.defaultView || window).scrollTo(0, 0); };
  top(); setTimeout(top, 300); setTimeout(top, 1200); })();</script>"""

# "21 of 30 events · title" sits in the header's empty right half, so the page itself starts with its content
COUNT_CSS = (".st-key-count{position:fixed; top:19px; right:4.5rem; z-index:999991; width:auto}"
             ".st-key-count p{margin:0; white-space:nowrap}"
             ".st-key-details{scroll-margin-top:4rem}")   # a clicked dot's details stop below the header

st.set_page_config(page_title="Storyline", layout="wide")
c = state.open_library(state.interface_language())
roles.session_role(c)
roles.apply_followed(c)               # the teacher's slide, fetched by a follow fragment: before any widget
if "_open" in st.session_state:       # a story just created / deleted: open it before widgets exist
    st.session_state.story = st.session_state.pop("_open")
    st.session_state._scroll_top = True
    state.go_to("Timeline")
state.choose_story(c)

# ---------------------------------------------------------------- the pages
pages = {v: st.Page(PAGE_FILES[v], title=t("view." + urlstate.VIEW_KEYS[v]), icon=PAGE_ICONS[v],
                    url_path=urlstate.VIEW_KEYS[v], default=v == urlstate.DEFAULT_VIEW)
         for v in state.VIEWS if v != "Stories" or c.library_mode}
pg = st.navigation(list(pages.values()), position="top")
c.view = next(v for v, p in pages.items() if p is pg)
goto = st.session_state.pop("_goto", None)
if not st.session_state.get("_routed"):   # a new session: an old link (/?view=cast) names its page in the query
    st.session_state._routed = True
    goto = goto or urlstate.view_from_link(pg.url_path, st.query_params)
if goto in pages and goto != c.view:
    state.keep_widget_values(state.SWITCH_KEYS)   # this run stops here, before any widget is drawn
    qp = st.query_params
    st.switch_page(pages[goto], query_params={k: qp.get_all(k) for k in qp if k != "view"})
st.session_state.view = c.view
st.set_page_config(initial_sidebar_state="collapsed" if c.view == "Presentation" else "expanded")
if st.session_state.pop("_scroll_top", False):
    # the browser keeps the scroll position of the long Stories page: the new story opens at the top
    st.html(SCROLL_TOP_JS, unsafe_allow_javascript=True)

state.load(c)
# Constant CSS only (no story text): less empty space above the content than Streamlit leaves, but clear of
# the header that holds the navigation (60 px; the presentation hides it); the multiselects' own
# "Select all" (Streamlit writes it in English) in the interface language.
st.html("<style>[data-testid='stMainBlockContainer'], .block-container {padding-top: 3.75rem;}"
        "[data-key='__select_all__'] > div{font-size:0}"
        "[data-key='__select_all__'] > div::after{font-size:0.875rem;content:"
        + json.dumps(t("ui.select_all"), ensure_ascii=False) + "}" + COUNT_CSS + "</style>")
st.html(appcss.DETAILS_CSS)
if "_pick" in st.session_state:
    st.session_state.event_pick = st.session_state.pop("_pick")
if "_flash" in st.session_state:
    st.toast(st.session_state.pop("_flash"), icon=":material/check_circle:")
sidebar.story_panel(c)

if c.events.empty:
    st.title("Storyline")
    if c.library_mode:
        st.info(t("empty.library", title=text.md_escape(c.story.label)))
        library_panel.stories_panel(c)
    else:
        st.info(f"No events yet in {c.story.label or c.source}. The pipeline found nothing to show — "
                "when it produces events they will appear here. Set STORYLINE_DATA to a folder of "
                "processed output (events.json, characters.json) to look at another story.")
    st.stop()

state.init_from_url(c)
fragments = FILTERED_FRAGMENTS.get(c.view, ())
state.filters(c, rerun_only=fragments)
if not fragments:
    state.count(c)   # a page with its own filtered fragment counts there

pg.run()

sidebar.export_panel(c)
sidebar.source_panel(c)
state.write_url(c)
if c.following and c.view != "Presentation":  # in the presentation, its own fragment does the looking
    roles.follow_teacher(c)
