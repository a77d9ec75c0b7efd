"""Storyline dashboard: `streamlit run app.py`.

Reads the bundled story through the pipeline (default) or a folder named by the environment
variable STORYLINE_DATA (events.json + characters.json [+ docs/*.txt], or raw .txt documents).
Filters, view, event and presentation step live in the URL so a link reopens the same view.
"""
from __future__ import annotations

import datetime as dt
import os

import streamlit as st

from dashboard import cast as cast_view
from dashboard import data, filters as flt, text, timeline
from dashboard.palette import character_colors

VIEWS = ["Timeline", "Presentation", "Cast", "Table"]
VIEW_KEYS = {"Timeline": "timeline", "Presentation": "present", "Cast": "cast", "Table": "table"}
KIND_LABELS = {"story": "story", "production": "production (making of)", "reception": "reception (reviews, prizes)"}

qp = st.query_params
_view0 = {v: k for k, v in VIEW_KEYS.items()}.get(qp.get("view", ""), "Timeline")
st.set_page_config(page_title="Storyline", layout="wide",
                   initial_sidebar_state="collapsed" if _view0 == "Presentation" else "expanded")


# ---------------------------------------------------------------- load (cached)
@st.cache_data(show_spinner="Reading the story…", max_entries=4)
def load_story(source: str) -> data.StoryData:
    """The bundled story through the pipeline (same frames as pipeline.load()), or a folder."""
    return data.load_folder(source) if source else data.load_pipeline()


@st.cache_data(max_entries=4)
def story_palette(source: str) -> tuple[list[str], dict[str, str]]:
    story = load_story(source)
    names = data.cast_order(story.events, story.characters)
    return names, character_colors(names)


source = (st.session_state.get("data_dir") or os.environ.get(data.ENV_VAR) or "").strip()
try:
    story = load_story(source)
except Exception as exc:  # a broken folder or a pipeline bug: say what, don't crash the page
    st.error(f"Could not load the story from {source or 'the bundled documents'}: {exc}")
    st.stop()
events, characters, docs = story.events, story.characters, story.docs
cast_names, colors = story_palette(source)

# Constant CSS only (no story text): less empty space above the content, so a slide fits 1280x720.
st.html("<style>[data-testid='stMainBlockContainer'], .block-container {padding-top: 1.2rem;}</style>")
if events.empty:
    st.title("Storyline")
    st.info(f"No events yet in {story.label or source}. The pipeline found nothing to show — "
            "when it produces events they will appear here. Set STORYLINE_DATA to a folder of "
            "processed output (events.json, characters.json) to look at another story.")
    st.stop()

# ---------------------------------------------------------------- state from the URL, once per session
date_min = events["_dt"].min()
date_max = events["_dt"].max()
has_dates = events["_dt"].notna().any()
if not st.session_state.get("_init"):
    f0 = flt.from_query(qp)
    st.session_state.update(
        f_chars=[c for c in f0.chars if c in cast_names], f_match=f0.match,
        f_kinds=[k for k in f0.kinds if k in flt.KINDS],
        f_cats=[c for c in f0.cats if c in set(events["category"])],
        f_langs=[lg for lg in f0.langs if any(lg in ls for ls in events["_langs"])],
        f_undated=f0.undated, f_q=f0.q, view=_view0,
        x_mode=qp.get("x") if qp.get("x") in timeline.X_MODES else "sequence",
        lanes=qp.get("lanes") if qp.get("lanes") in timeline.LANE_MODES else "character",
        event_pick=qp.get("ev"), step=int(qp.get("step", "1")) if qp.get("step", "1").isdigit() else 1,
        _init=True)
    if has_dates:
        lo = dt.date.fromisoformat(f0.date_from) if f0.date_from else date_min.date()
        hi = dt.date.fromisoformat(f0.date_to) if f0.date_to else date_max.date()
        st.session_state.f_dates = (max(lo, date_min.date()), min(hi, date_max.date()))
# Streamlit forgets a widget's value in runs where the widget is not drawn (another view is
# shown); re-assigning keeps the choice when the user comes back.
for _k in ("x_mode", "lanes", "eras", "wide", "event_pick", "step"):
    if _k in st.session_state:
        st.session_state[_k] = st.session_state[_k]
st.session_state.setdefault("eras", True)
st.session_state.setdefault("wide", False)


def reset_filters() -> None:
    st.session_state.update(f_chars=[], f_match="any", f_kinds=["story"], f_cats=[], f_langs=[],
                            f_undated=True, f_q="")
    if has_dates:
        st.session_state.f_dates = (date_min.date(), date_max.date())


# ---------------------------------------------------------------- sidebar filters
with st.sidebar:
    st.title("Storyline")
    st.header("Filters")
    st.multiselect("Characters", cast_names, key="f_chars", placeholder="All characters")
    st.radio("Show events with", ["any", "all"], key="f_match", horizontal=True,
             format_func=lambda m: "any of them" if m == "any" else "all of them")
    st.multiselect("Kind of event", list(flt.KINDS), key="f_kinds", format_func=KIND_LABELS.get,
                   placeholder="Every kind")
    st.multiselect("Category", sorted(set(events["category"])), key="f_cats", placeholder="Every category")
    langs = sorted({lg for ls in events["_langs"] for lg in ls if lg})
    st.multiselect("Source language", langs, key="f_langs", placeholder="Every language",
                   format_func=lambda lg: text.LANG_NAMES.get(lg, lg))
    date_from = date_to = None
    if has_dates:
        picked = st.date_input("Dates", key="f_dates", min_value=date_min.date(), max_value=date_max.date(),
                               format="YYYY-MM-DD")
        picked = picked if isinstance(picked, (tuple, list)) else (picked,)
        if len(picked) >= 1 and picked[0] and picked[0] > date_min.date():
            date_from = picked[0].isoformat()
        if len(picked) == 2 and picked[1] and picked[1] < date_max.date():
            date_to = picked[1].isoformat()
        st.checkbox("Keep undated events", key="f_undated", disabled=not (date_from or date_to))
    st.text_input("Search titles, summaries and sources", key="f_q", placeholder="e.g. tower")
    st.button("Reset filters", on_click=reset_filters, width="stretch")
    with st.expander("Data source"):
        st.caption(f"Showing: {story.label}")
        st.text_input("Folder of processed output", key="data_dir", value=None,
                      placeholder="empty = bundled story")
        for m in story.messages:
            st.caption(m)

current = flt.Filters(chars=tuple(st.session_state.f_chars), match=st.session_state.f_match,
                      kinds=tuple(st.session_state.f_kinds), cats=tuple(st.session_state.f_cats),
                      langs=tuple(st.session_state.f_langs), date_from=date_from, date_to=date_to,
                      undated=bool(st.session_state.f_undated), q=st.session_state.f_q.strip())
shown = flt.apply(events, current)
ids = shown["id"].tolist()
row_of = dict(zip(ids, range(len(ids))))
labels = {i: f"#{o} · {timeline.truncate(t, 80)}" for i, o, t in zip(ids, shown["order"], shown["title"])}


def event(eid: str) -> dict:
    return shown.iloc[row_of[eid]].to_dict()


def event_label(eid: str) -> str:
    return labels[eid]


def show_details(eid: str) -> None:
    blocks = text.details_markdown(event(eid), docs)
    with st.container(border=True):
        for b in blocks[:3]:
            st.markdown(b)
    if len(blocks) > 3:
        st.markdown(f"**Sources** ({len(blocks) - 3} document{'s' * (len(blocks) > 4)})")
        for b in blocks[3:]:
            with st.container(border=True):
                st.markdown(b)


# ---------------------------------------------------------------- views
v1, v2 = st.columns([3, 2], vertical_alignment="center")
view = v1.radio("View", VIEWS, key="view", horizontal=True, label_visibility="collapsed")
v2.caption(f"{len(shown)} of {len(events)} events · {os.path.basename(story.label.rstrip('/')) or story.label}")
if st.session_state.get("event_pick") not in row_of:
    st.session_state.event_pick = ids[0] if ids else None

if view == "Timeline":
    c1, c2, c3 = st.columns([3, 3, 1.4])
    c1.radio("Horizontal axis", list(timeline.X_MODES), key="x_mode", horizontal=True,
             format_func=timeline.X_MODES.get,
             help="Story order: evenly spaced, honest when few dates are stated. Dates: undated events sit "
                  "between dated neighbours. As told: the order the documents tell them.")
    c2.radio("Lanes", list(timeline.LANE_MODES), key="lanes", horizontal=True, format_func=timeline.LANE_MODES.get)
    c3.checkbox("Year bands", key="eras")
    c3.toggle("Wide screen", key="wide", help="Longer headlines; for windows wider than about 1600 px.")
    if not ids:
        st.info("No events match these filters. Loosen them in the sidebar or press Reset filters.")
    else:
        fig = timeline.build_timeline(shown, x_mode=st.session_state.x_mode, lane_mode=st.session_state.lanes,
                                      cast=cast_names, colors=colors, highlight=st.session_state.event_pick,
                                      eras=st.session_state.eras,
                                      style=timeline.Style(plot_px=1250 if st.session_state.wide else 720))
        sel = st.plotly_chart(fig, key="timeline_chart", on_select="rerun", selection_mode="points",
                              theme=None, width="stretch",
                              config={"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]})
        hidden = fig.layout.meta.get("hidden_labels", 0) if fig.layout.meta else 0
        if hidden:
            st.caption(f"{hidden} headlines did not fit; hover the dots, filter, or use the Table view.")
        clicked = [p.get("customdata") for p in (sel.selection.points if sel else [])]
        clicked = [c[0] if isinstance(c, list) else c for c in clicked if c]
        if clicked and clicked[0] != st.session_state.get("_last_click"):
            st.session_state._last_click = clicked[0]
            if clicked[0] in row_of:
                st.session_state.event_pick = clicked[0]
                st.rerun()
        st.selectbox("Event details (or click a dot)", ids, key="event_pick", format_func=event_label)
        show_details(st.session_state.event_pick)

elif view == "Presentation":
    if not ids:
        st.info("No events match these filters.")
    else:
        n = len(ids)
        st.session_state.step = min(max(int(st.session_state.get("step") or 1), 1), n)

        def move(delta: int) -> None:
            st.session_state.step = min(max(st.session_state.step + delta, 1), n)

        step = st.session_state.step
        cur = event(ids[step - 1])
        b1, b2, b3 = st.columns([1, 2, 1], vertical_alignment="center")
        b1.button("◀ Previous", on_click=move, args=(-1,), disabled=step <= 1, width="stretch", key="prev")
        b2.markdown(f"### {step} / {n}", text_alignment="center")
        b3.button("Next ▶", on_click=move, args=(1,), disabled=step >= n, width="stretch", key="next", type="primary")
        with st.container(key="present"):
            st.markdown(f"## {text.md_escape(cur['title'])}")
            st.markdown(f"#### When: {text.md_escape(text.date_line(cur))}")
            st.markdown(f"#### Who: {text.md_escape(', '.join(cur['characters']) or '—')}")
            if cur["summary"]:
                st.markdown(f"### {text.md_escape(cur['summary'])}")
        fig = timeline.build_timeline(shown, x_mode="sequence", lane_mode="none", cast=cast_names, colors=colors,
                                      highlight=cur["id"], reveal_upto=cur["id"], eras=True,
                                      style=timeline.Style(font=17, label_font=17, plot_px=1000, max_rows=4,
                                                           lane_px=44, compact=True),
                                      label_last=4)
        st.plotly_chart(fig, key="present_chart", theme=None, width="stretch",
                        config={"displaylogo": False, "staticPlot": True})

elif view == "Cast":
    table = cast_view.cast_table(characters, events, cast_names)

    def cast_selected() -> None:
        rows = st.session_state.cast_table.selection.rows
        st.session_state.f_chars = [table["Character"].iloc[i] for i in rows]

    st.caption("Select rows to show only those characters' events in the other views.")
    st.dataframe(table, key="cast_table", on_select=cast_selected, selection_mode="multi-row",
                 hide_index=True, width="stretch")
    if len(cast_names) > 1:
        st.subheader("Who shares story events with whom")
        st.plotly_chart(cast_view.heatmap(events[events["kind"] == "story"], cast_names), theme=None,
                        width="stretch", config={"displaylogo": False})

else:  # Table
    if not ids:
        st.info("No events match these filters.")
    else:
        tbl = text.table_frame(shown)

        def table_selected() -> None:
            rows = st.session_state.event_table.selection.rows
            if rows:
                st.session_state.event_pick = tbl["id"].iloc[rows[0]]

        st.dataframe(tbl, key="event_table", on_select=table_selected, selection_mode="single-row",
                     hide_index=True, width="stretch",
                     column_config={"id": None, "Headline": st.column_config.TextColumn(width="large")})
        st.caption("Click a column header to sort; select a row to read its sources.")
        show_details(st.session_state.event_pick)

# ---------------------------------------------------------------- state back into the URL
state = flt.to_query(current)
state["view"] = VIEW_KEYS[view]
if st.session_state.x_mode != "sequence":
    state["x"] = st.session_state.x_mode
if st.session_state.lanes != "character":
    state["lanes"] = st.session_state.lanes
if st.session_state.get("event_pick"):
    state["ev"] = st.session_state.event_pick
if view == "Presentation":
    state["step"] = str(st.session_state.step)
if state != st.session_state.get("_last_qp"):
    st.session_state._last_qp = state
    st.query_params.from_dict(state)
