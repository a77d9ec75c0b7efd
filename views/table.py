"""The Table page: the filtered events, sortable (the accessible alternative to the chart); a picked row
shows its details below."""
import streamlit as st

from dashboard import text
from dashboard.i18n import t, t_or
from views import edit, state

c = state.current()
ui, ids, shown = c.ui, c.ids, c.shown
if not ids:
    st.info(t("none"))
else:
    tbl = text.table_frame(shown, lang=ui)
    # a year reads "1957", never "1957-01-01" (interval rows keep their own "after Oct 1957")
    tbl["Date"] = [v if p == "interval" else text.table_date(d, p)
                   for v, d, p in zip(tbl["Date"], shown["date"], shown["date_precision"])]
    tbl.insert(0, "✎", shown["edited"].map(lambda x: "✎" if x == True else "").to_numpy())  # noqa: E712
    headline = t("col.Headline")
    tbl = tbl.rename(columns={col: t_or("col." + col, col) for col in tbl.columns if col not in ("id", "✎")})

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
    edit.show_details(c, st.session_state.event_pick)
if c.library_mode and c.can_edit:
    edit.add_panel(c)

