"""The pager above the timeline's rows: which page of Style.page_rows events the chart shows.

A Streamlit widget (the figure builders stay pure: they take the page number). Its first value is the
page of the event in the details, so a link to an event opens on that event's page.
"""
from __future__ import annotations

import pandas as pd

from .i18n import DEFAULT, t
from .rows import PAGE_ROWS, pages_of

KEY = "tl_page"


def page_of(events: pd.DataFrame, x_mode: str, event_id: str | None, page_rows: int = PAGE_ROWS) -> int:
    """The page (0-based) that shows `event_id` in the rows of `events` ordered by x_mode; 0 if absent."""
    import numpy as np
    from .timeline import positions
    if event_id is None or not len(events):
        return 0
    xs, _ = positions(events, x_mode)
    order = events["id"].to_numpy()[np.argsort(xs, kind="stable")].tolist()
    return order.index(event_id) // page_rows if event_id in order else 0


def labels(n_rows: int, lang: str = DEFAULT, page_rows: int = PAGE_ROWS) -> list[str]:
    return [t("tl.page", lang, first=a + 1, last=b, n=n_rows) for a, b in pages_of(n_rows, page_rows)]


def pick(n_rows: int, start: int, lang: str = DEFAULT, page_rows: int = PAGE_ROWS) -> int | None:
    """Draw the pager (only when there is more than one page) and return the chosen page, else None."""
    import streamlit as st
    names = labels(n_rows, lang, page_rows)
    if len(names) <= 1:
        return None
    state = st.session_state
    if not isinstance(state.get(KEY), int) or not 0 <= state[KEY] < len(names):
        state[KEY] = min(max(start, 0), len(names) - 1)

    def step(d: int) -> None:
        state[KEY] = min(max(state[KEY] + d, 0), len(names) - 1)

    c = st.columns([0.6, 3, 0.6, 4], vertical_alignment="bottom")
    c[0].button("", icon=":material/chevron_left:", key=KEY + "_prev", on_click=step, args=(-1,),
                disabled=state[KEY] == 0, help=t("tl.page_prev", lang), width="stretch")
    c[1].selectbox(t("tl.page_pick", lang), range(len(names)), key=KEY, format_func=names.__getitem__)
    c[2].button("", icon=":material/chevron_right:", key=KEY + "_next", on_click=step, args=(1,),
                disabled=state[KEY] == len(names) - 1, help=t("tl.page_next", lang), width="stretch")
    return int(state[KEY])
