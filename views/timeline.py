"""The Timeline page: one row per event (or dates, or order of telling), lanes per character or category;
a clicked dot opens its details (scrolled into view), with the curation controls below them."""
import streamlit as st

from dashboard import i18n, pager, timeline, viewport
from dashboard.i18n import t, t_or
from views import edit, state

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

c = state.current()
ui = c.ui

FRAGMENT_KEYS = ("x_mode", "lanes", "eras", "wide", "to_scale", "event_pick", "ed_open")


# The count, the chart's own controls, the chart and the picked event's details rerun alone (a fragment, keyed
# for the sidebar's filters: views/__init__.py FILTERED_FRAGMENTS): a filter, axis, lanes, page or pick change
# needs neither the sidebar nor the page's frame redrawn, in the server or in the browser. Edits rerun the whole
# page (st.rerun's default scope).
@st.fragment(key="timeline")
def chart_area() -> None:
    if state.in_fragment_run():
        # a fragment rerun runs in a new thread without app.py: this run's Ctx, language and filters again
        state.set_current(c)
        i18n.set_lang(ui)
        state.apply_filters(c)
    state.count(c)
    chart_controls_and_chart()
    look = (st.session_state.x_mode, st.session_state.lanes, bool(st.session_state.wide))
    if state.in_fragment_run():
        if st.session_state.get("_export") and st.session_state.get("_look", look) != look:
            # a prepared export shows the old axis or lanes: the sidebar's export panel must see the change
            st.session_state._look = look
            st.rerun(scope="app")
        state.write_url(c)   # the link follows the filters, axis, lanes and picked event
        state.keep_fragment_values(FRAGMENT_KEYS)
    else:
        st.session_state.pop("_kept", None)   # a full run keeps its widgets' values itself
    st.session_state._look = look


def chart_controls_and_chart() -> None:
    ids, shown, row_of, current, cast_names, colors = c.ids, c.shown, c.row_of, c.current, c.cast_names, c.colors
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
        fig = state.cached_figure(repr((c.story_id, current, "timeline", st.session_state.x_mode,
                                        st.session_state.lanes, st.session_state.event_pick,
                                        bool(st.session_state.eras), bool(st.session_state.wide), to_scale,
                                        width_px, page)),
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
                st.rerun(scope="fragment" if state.in_fragment_run() else "app")   # nothing outside changes
        with st.container(key="details"):
            st.selectbox(t("tl.pick"), ids, key="event_pick", format_func=c.event_label)
            edit.show_details(c, st.session_state.event_pick)
        if st.session_state.get("_scroll_details"):
            # a dot was clicked: bring its details into view (the number makes each script new, so it runs)
            st.html(SCROLL_JS.replace("__N__", str(st.session_state.pop("_scroll_details"))),
                    unsafe_allow_javascript=True)


chart_area()
if c.library_mode and c.can_edit:
    edit.add_panel(c)

