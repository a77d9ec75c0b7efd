"""The Cast page: characters with actor, aliases, mentions, documents and events (pick rows to filter), "tell
this character's story", renaming and merging, the names left out of the cast and why, who shares events."""
import streamlit as st

from dashboard import cast as cast_view
from dashboard.i18n import t
from views import edit, state

c = state.current()
events, characters, cast_names, ops = c.events, c.characters, c.cast_names, c.ops
# the table and the heatmap count the same events: the story's own (not production or reception)
story_events = events[events["kind"] == "story"]
table = cast_view.cast_table(characters, story_events, cast_names, c.story.docs, c.ui)


def labelled(df):
    """The table with its column names in the interface language (the frame keeps the English ones)."""
    return df.rename(columns={col: t("cast.col." + col) for col in df.columns})


def cast_selected() -> None:
    rows = st.session_state.cast_table.selection.rows
    st.session_state.f_chars = [table["Character"].iloc[i] for i in rows]

st.caption(t("cast.hint"))
if cast_names:
    def tell_story() -> None:
        st.session_state.update(f_chars=[st.session_state.cast_tell_who], f_match="any", step=0)
        state.go_to("Presentation")

    r1, r2 = st.columns([2, 2], vertical_alignment="bottom")
    r1.selectbox(t("cast.tell_who"), cast_names, key="cast_tell_who")
    r2.button(t("cast.tell"), key="cast_tell", on_click=tell_story, icon=":material/slideshow:", type="primary")
st.dataframe(labelled(table), key="cast_table", on_select=cast_selected, selection_mode="multi-row",
             hide_index=True, width="stretch")
if c.library_mode and c.can_edit and cast_names:
    with st.expander(t("cast.edit")):
        r1, r2, r3 = st.columns([2, 2, 1], vertical_alignment="bottom")
        who = r1.selectbox(t("cast.rename_who"), cast_names, key="cast_rename_who")
        to = r2.text_input(t("cast.rename_to"), key=f"cast_rename_to_{len(ops)}")
        if r3.button(t("cast.rename"), key="cast_rename_go", width="stretch"):
            to = " ".join(to.split())
            if not to or to == who:
                st.error(t("cast.rename_need"))
            else:
                edit.add_op(c, {"op": "rename_character", "name": who, "to": to}, t("cast.renamed", old=who, new=to))
        if len(cast_names) > 1:
            k1, k2, k3 = st.columns([2, 2, 1], vertical_alignment="bottom")
            keep = k1.selectbox(t("cast.merge_keep"), cast_names, key="cast_keep")
            other = k2.selectbox(t("cast.merge_other"), [c for c in cast_names if c != keep], key="cast_other")
            if k3.button(t("cast.merge"), key="cast_merge_go", width="stretch", disabled=not other):
                edit.add_op(c, {"op": "merge_characters", "keep": keep, "other": other},
                       t("cast.merged", keep=keep, other=other))
if c.library_mode and c.can_edit and cast_names:
    with st.expander(t("cast.overrule")):
        x1, x2 = st.columns([4, 1], vertical_alignment="bottom")
        out_name = x1.selectbox(t("cast.exclude_who"), cast_names, key="cast_exclude_who")
        if x2.button(t("cast.exclude"), key="cast_exclude_go", width="stretch"):
            edit.add_op(c, {"op": "exclude_character", "name": out_name}, t("cast.excluded", name=out_name))
left = cast_view.left_out_table(c.story.left_out, characters, ops, c.ui)
st.subheader(t("cast.left_out"))
st.caption(t("cast.left_out_hint"))
st.dataframe(labelled(left), key="cast_left_out", hide_index=True, width="stretch", height=min(400, 38 + 35 * len(left)))
if c.library_mode and c.can_edit:
    i1, i2 = st.columns([4, 1], vertical_alignment="bottom")
    in_name = i1.selectbox(t("cast.include_who"), list(left["Name"]), index=None, accept_new_options=True,
                           key="cast_include_who", placeholder=t("cast.include_placeholder"))
    if i2.button(t("cast.include"), key="cast_include_go", width="stretch", disabled=not in_name):
        edit.add_op(c, {"op": "include_character", "name": " ".join(str(in_name).split())},
               t("cast.included", name=in_name))
if len(cast_names) > 1:
    st.subheader(t("cast.heatmap"))
    st.plotly_chart(cast_view.heatmap(story_events, cast_names), theme=None,
                    width="stretch", config={"displaylogo": False})

