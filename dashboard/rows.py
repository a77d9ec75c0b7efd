"""The reading view of the timeline: one row per event, top to bottom, pure (events frame -> go.Figure).

Every coordinate is a pixel of a figure `Style.width_px` wide (the app passes the width of the column the
chart is drawn in), so lanes keep the few pixels they need and the headlines get the rest of the width.
Headlines and dates are text traces, not tick labels: Plotly measures every tick label's box to place it
(and again for automargin), which cost 7-14x the whole drawing at 50-250 rows (bench/browser_profile.py).
Long stories are cut into pages of `Style.page_rows` rows and the figure holds one page (`page`, else the
page of the highlighted event): the browser draws, and the server sends, one page whatever the story's
length. (All pages in one figure with a Plotly dropdown was tried: the hidden pages doubled Plotly.react
and made every rerun ship ~700 KB for 1,000 events.) dashboard/pager.py is the app's pager.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .data import prepare
from .i18n import DEFAULT, t, t_or
from .palette import OTHER
from . import text as _text
from .text import MONTHS

ROWS_MAX = 10**9          # rows for every length (paged); the strip is for presentation and "to scale"
PAGE_ROWS = 50            # rows per page: what the browser draws at once
CHAR_PX = 0.47            # average glyph width / font size (Liberation Sans measures ~0.45 on headlines)
DATE_CHAR_PX = 0.5        # dates are digits and capitals: wider than the average headline glyph
BOLD_WIDER = 1.08         # the current event's headline is bold: wrapped that much shorter
MAX_LINES = 3
SIDE_PX = 8               # left/right figure margin
GAP_PX = 8                # between the last lane and the headline
SHORT_MONTHS = {m: m[:3] for m in MONTHS}
ROW_TITLES = {"sequence": "Story order ↓", "told": "Order of telling ↓", "chronological": "By date ↓"}


def short_date(r, lang: str = DEFAULT) -> str:
    """"≈ Oct 1957", "3 Mar 1962", "after Oct 1957", "no date" ("≈ oct 1957" in Spanish): fits the
    narrow date column. An event with no date of its own shows the interval its neighbours allow."""
    if r.get("date_precision") == "interval":
        return _text.interval_date(r.get("date_from"), r.get("date_to"), lang, short=True)
    return _text.short_date(r["date"], r["date_precision"] or "unknown", r["_status"] == "approx", lang)


def wrap_lines(text: str, width: int, max_lines: int = MAX_LINES) -> list[str]:
    """Greedy word wrap into at most max_lines of <= width chars; "…" only when it really must cut."""
    words = " ".join(str(text).split()).split(" ")
    lines: list[str] = []
    cur = ""
    for w in words:
        while len(w) > width:                 # a single over-long token: hard-split it
            if cur:
                lines.append(cur); cur = ""
            lines.append(w[:width]); w = w[width:]
        if not cur:
            cur = w
        elif len(cur) + 1 + len(w) <= width:
            cur += " " + w
        else:
            lines.append(cur); cur = w
    if cur:
        lines.append(cur)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _tl.truncate(lines[-1] + " …", width)   # "…" within width, even on a full line
        if not lines[-1].endswith("…"):
            lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return lines or [""]


def figure_width(style) -> int:
    return int(style.width_px or style.plot_px + 100)


def row_budget(style, n_lanes: int, date_px: int | None = None) -> tuple[int, int]:
    """(px per lane column, chars per headline line) for a figure style.width_px wide."""
    col_px = 26 if n_lanes > 1 else 44
    free = figure_width(style) - (date_px or style.date_px) - n_lanes * col_px - 2 * SIDE_PX - GAP_PX
    return col_px, max(24, int(free / (style.label_font * CHAR_PX)))


def max_lanes_for(style) -> int:
    """How many character lanes a figure this wide gives: the lanes take at most ~30 % of the width
    (the rest of the cast shares an "other characters" lane), so headlines keep the most of it."""
    room = figure_width(style) - 2 * SIDE_PX - style.date_px
    return max(4, min(_tl.MAX_LANES, int(0.3 * room / 26) - 1))


def date_column_px(labels: list[str], dates: list[str], style) -> int:
    """The date column: wide enough for every "#n · date" on one line when that costs little (one-line
    rows: more events on a screen), and always for the longest date alone ("between Jun and Oct 1957")."""
    px = lambda texts: max((len(d) for d in texts), default=0) * (style.font - 2) * DATE_CHAR_PX + 14  # noqa: E731
    need = max(px(dates), min(px(labels), 1.4 * style.date_px))
    return int(min(max(style.date_px, need), 2.2 * style.date_px))


def pages_of(n: int, page_rows: int | None) -> list[tuple[int, int]]:
    """[start, end) of every page of n rows."""
    size = page_rows if page_rows and page_rows > 0 else max(n, 1)
    return [(a, min(a + size, n)) for a in range(0, max(n, 1), size)]


def _row_texts(recs, ids, order, lane_mode, width, highlight, style, lang, date_px):
    """Per row (in `order`): the headline's text, (one line?, story number, short date), row height."""
    e = _tl.esc
    line_px = round(style.label_font * 1.3)     # Plotly's own line spacing: less would overlap
    who_line = lane_mode != "character"
    heads, lefts, hs = [], [], []
    for i in order:
        r = recs[i]
        # "✎" before an edited headline; "[IT]" after one not told in the interface language (one language
        # at a time: a headline in another language says which)
        mark = "✎ " if r["edited"] is True or r["edited"] == 1 else ""
        other = _text.other_language(r["titles"], r["lang"], lang)
        bold = ids[i] == highlight
        lines = wrap_lines(mark + str(r["title"]) + (f" [{other}]" if other else ""),
                           int(width / BOLD_WIDER) if bold else width)
        text = "<br>".join(f"<b>{e(l)}</b>" if bold else e(l) for l in lines)
        if other:   # the language tag in grey, so it does not read as part of the headline
            text = text.replace(f"[{other}]", f"<span style='color:#5F5F5F'>[{other}]</span>")
        n_lines = len(lines)
        if who_line and r["characters"]:
            who = _tl.truncate(", ".join(r["characters"]), width + 4)
            text += f"<br><span style='color:#4A4A4A;font-size:{style.font - 2}px'>{e(who)}</span>"
            n_lines += 1
        # the "#n · date" label takes one line when it fits the date column, so a one-line headline
        # makes a one-line row (more events on a projector screen)
        date = short_date(r, lang)
        one_line = len(f"#{int(r['order'])} · {date}") * (style.font - 2) * DATE_CHAR_PX <= date_px - 8
        # else "#n" above the date, the date itself wrapped when even the widest column cannot hold it
        dates = [date] if one_line else wrap_lines(date, int((date_px - 8) / ((style.font - 2) * DATE_CHAR_PX)), 2)
        hs.append(max(1 if one_line else 1 + len(dates), n_lines) * line_px + 9)
        heads.append(text)
        lefts.append((one_line, int(r["order"]), [e(d) for d in dates]))
    return heads, lefts, hs


def _build_rows(events: pd.DataFrame, *, x_mode: str, lane_mode: str, cast: list[str] | None,
                colors: dict[str, str] | None, highlight: str | None, reveal_upto: str | None,
                eras: bool, style, lang: str = DEFAULT, page: int | None = None) -> go.Figure:
    tl = _tl
    df = prepare(events)
    cast = cast or []
    colors = colors or {}
    e = tl.esc
    xs, placed = tl.positions(df, x_mode)
    order = np.argsort(xs, kind="stable")
    ids = df["id"].tolist()
    if reveal_upto is not None and reveal_upto in ids:
        cut = xs[ids.index(reveal_upto)]
        order = order[xs[order] <= cut]
    order = order.tolist()
    lanes, per_event = tl.lanes_of(df, lane_mode, cast, max_lanes_for(style))
    cols = ["title", "date", "date_precision", "date_text", "_status", "characters", "order", "told",
            "category", "kind", "date_from", "date_to", "edited", "titles", "lang"]
    recs = [dict(zip(cols, vals)) for vals in zip(*(tl._column(df, c) for c in cols))]
    ids_order = [ids[i] for i in order]
    pages = pages_of(len(order), style.page_rows)
    if page is None:      # the page of the highlighted event
        page = next((k for k, (a, b) in enumerate(pages) if highlight in ids_order[a:b]), 0)
    cur_page = min(max(int(page), 0), len(pages) - 1)
    a, b = pages[cur_page]
    rows = order[a:b]
    dates = [short_date(recs[i], lang) for i in rows]
    date_px = date_column_px([f"#{int(recs[i]['order'])} · {d}" for i, d in zip(rows, dates)], dates, style)
    col_px, width = row_budget(style, len(lanes), date_px)
    plot_w = figure_width(style) - 2 * SIDE_PX
    lane_x = {name: date_px + col_px * (k + 0.5) for k, name in enumerate(lanes)}
    lanes_end = date_px + col_px * len(lanes)
    head_x = lanes_end + GAP_PX
    lead = [cs[0] if cs else None for cs in df["characters"]]
    ev_color = [colors.get(c, OTHER) if c else OTHER for c in lead]
    status = df["_status"].to_numpy()
    years = df["_dt"].dt.year.to_numpy(dtype=float)
    heads, lefts, hs = _row_texts(recs, ids, rows, lane_mode, width, highlight, style, lang, date_px)
    note = tl._placed_note(lang)

    # palette: colours as indices into one discrete scale (per-point colour strings make
    # Plotly's validation ~100x slower)
    mc_all = [colors.get(l, ev_color[i]) if lane_mode == "character" else ev_color[i]
              for i in rows for l in per_event[i]]
    palette = list(dict.fromkeys(mc_all)) or [OTHER]
    pal_idx = {c: k for k, c in enumerate(palette)}
    K = len(palette)
    scale = [[v, c] for k, c in enumerate(palette) for v in (k / K, (k + 1) / K)]
    marker_px = min(16, col_px - 8)

    traces: list[dict] = []        # plain dicts (see the note on validation below)
    add = traces.append
    ys, top, rules, left_txt, prev_year = [], 0.0, [], [], np.nan
    for k, i in enumerate(rows):
        h = hs[k]
        one_line, num, dates = lefts[k]
        if eras and x_mode != "told" and not np.isnan(years[i]) and years[i] != prev_year:
            if not np.isnan(prev_year):
                rules.append(-top)
            dates = [f"<b>{d}</b>" for d in dates]   # a new year's first row: the column reads like a calendar
            prev_year = years[i]
        left_txt.append(f"#{num} · {dates[0]}" if one_line else "<br>".join([f"#{num}"] + dates))
        ys.append(-(top + h / 2))
        top += h
    total = top
    year_rules = len(rules)
    # zebra rows: one filled trace of rectangles (cheaper than a shape per row)
    zx, zy = [], []
    for k in range(1, len(rows), 2):
        y0, y1 = ys[k] + hs[k] / 2, ys[k] - hs[k] / 2
        zx += [0, plot_w, plot_w, 0, 0, None]; zy += [y0, y0, y1, y1, y0, None]
    if zx:
        add(dict(type="scatter", x=zx, y=zy, mode="lines", fill="toself", fillcolor="#F3F4F6",
                 line=dict(width=0), hoverinfo="skip", showlegend=False, name="rows"))
    if highlight in (ids[i] for i in rows):
        k = [ids[i] for i in rows].index(highlight)
        y0, y1 = ys[k] + hs[k] / 2, ys[k] - hs[k] / 2
        add(dict(type="scatter", x=[0, plot_w, plot_w, 0, 0], y=[y0, y0, y1, y1, y0], mode="lines",
                 fill="toself", fillcolor="rgba(255,200,0,0.28)", line=dict(width=0), hoverinfo="skip",
                 showlegend=False, name="current row"))
    if rules:   # a new year starts: a firm rule across the whole row
        rx, ry = [], []
        for y in rules:
            rx += [0, plot_w, None]; ry += [y, y, None]
        add(dict(type="scatter", x=rx, y=ry, mode="lines", line=dict(color="#7A7F87", width=1.5),
                 hoverinfo="skip", showlegend=False, name="year rules"))
    # who shares the event (solid) and a dotted leader from the last marker to the headline
    cx, cy, lx, ly = [], [], [], []
    mx, my, mc, ms, mh, mid = [], [], [], [], [], []
    for k, i in enumerate(rows):
        xs_i = [lane_x[l] for l in per_event[i]]
        y = ys[k]
        hover = tl.hover_html(recs[i], lang) + (note if placed[i] and x_mode == "chronological" else "")
        for l, x in zip(per_event[i], xs_i):
            mx.append(x); my.append(y); mid.append(ids[i]); mh.append(hover)
            mc.append(colors.get(l, ev_color[i]) if lane_mode == "character" else ev_color[i])
            ms.append(tl.SYMBOLS[status[i]])
        if len(xs_i) > 1:
            cx += [min(xs_i), max(xs_i), None]; cy += [y, y, None]
        if max(xs_i) < lanes_end - col_px:
            lx += [max(xs_i) + col_px * 0.3, head_x - 2, None]; ly += [y, y, None]
    if lx:
        add(dict(type="scatter", x=lx, y=ly, mode="lines", hoverinfo="skip", showlegend=False,
                 name="leaders", line=dict(color="#B9BEC6", width=1, dash="dot")))
    if cx:
        add(dict(type="scatter", x=cx, y=cy, mode="lines", line=dict(color="#8A8A8A", width=2),
                 hoverinfo="skip", showlegend=False, name="shared event"))
    for symbol in dict.fromkeys(ms):   # one trace per symbol
        ks = [k for k, sy in enumerate(ms) if sy == symbol]
        cval = np.array([pal_idx[mc[k]] + 0.5 for k in ks])
        add(dict(type="scatter", x=np.array([mx[k] for k in ks], dtype=float),
                 y=np.array([my[k] for k in ks], dtype=float), mode="markers", name="events", showlegend=False,
                 customdata=np.array([mid[k] for k in ks], dtype=object),
                 hovertext=np.array([mh[k] for k in ks], dtype=object), hoverinfo="text",
                 marker=dict(size=marker_px, color=cval, colorscale=scale, cmin=0, cmax=K, symbol=symbol,
                             line=dict(width=2.6, color=cval, colorscale=scale, cmin=0, cmax=K))))
    if highlight in (ids[i] for i in rows):
        i = ids.index(highlight)
        xs_i = [lane_x[l] for l in per_event[i]]
        y = ys[[ids[j] for j in rows].index(highlight)]
        add(dict(type="scatter", x=xs_i, y=[y] * len(xs_i), mode="markers", hoverinfo="skip",
                 showlegend=False, name="current",
                 marker=dict(size=marker_px + 12, symbol="circle-open", color="#111111",
                             line=dict(width=2.5, color="#111111"))))
    row_ids = np.array([ids[i] for i in rows], dtype=object)
    add(dict(type="scatter", x=[head_x] * len(rows), y=ys, mode="text", text=heads,
             textposition="middle right", textfont=dict(size=style.label_font, color="#1F1F1F"),
             customdata=row_ids, hoverinfo="skip", cliponaxis=False, showlegend=False, name="headlines"))
    add(dict(type="scatter", x=[date_px - 8] * len(rows), y=ys, mode="text", text=left_txt,
             textposition="middle left", textfont=dict(size=style.font - 2, color="#333333"),
             customdata=row_ids, hoverinfo="skip", cliponaxis=False, showlegend=False, name="dates"))

    # faint column guides so a character can be followed down the page
    gx, gy = [], []
    for x in lane_x.values():
        gx += [x, x, None]; gy += [0, -total, None]
    traces.insert(0, dict(type="scatter", x=gx, y=gy, mode="lines", line=dict(color="#DADDE2", width=1),
                          hoverinfo="skip", showlegend=False, name="lane guides"))
    for st_key in ("exact", "approx", "undated"):
        if (status[rows] == st_key).any():
            traces.append(dict(type="scatter", x=[None], y=[None], mode="markers", name=e(tl.legend_name(st_key, lang)),
                               marker=dict(size=13, symbol=tl.SYMBOLS[st_key], color="#444444",
                                           line=dict(width=2.4, color="#444444"))))
    if lane_mode != "character":
        for c in [c for c in cast if c in {lead[i] for i in rows}][:8]:
            traces.append(dict(type="scatter", x=[None], y=[None], mode="markers", name=e(c),
                               marker=dict(size=13, color=colors.get(c, OTHER))))

    # lane names as column headers, rotated (a class reads them once; the rows need the width)
    names = [tl.truncate(tl.lane_name(l, lang), 22) for l in lanes]
    lane_font = style.font - 1
    head_px = int(max((len(n) for n in names), default=4) * lane_font * CHAR_PX) + 16 if lane_mode != "none" else 8
    tick = [f"<span style='color:{colors.get(l, '#1F1F1F')}'><b>{e(n)}</b></span>" if l in colors else e(n)
            for l, n in zip(lanes, names)]
    # the marker legend sits in the empty corner above the headlines, beside the lane names, when
    # they leave room for it; else in a band of its own above the chart
    legend_names = [tr["name"] for tr in traces if tr.get("showlegend") is not False]
    item_px = style.font + 8                    # one legend entry (Plotly's item height at this font)
    corner = lane_mode != "none" and len(legend_names) * item_px + 6 <= head_px and not style.compact
    # else a band of entries of one width, wrapped into as many lines as the figure's width needs
    entry_px = int(max((len(n) for n in legend_names), default=4) * (style.font - 1) * CHAR_PX) + 44
    per_line = max(1, int((plot_w - 10) // entry_px))
    legend_lines = -(-len(legend_names) // per_line)
    legend_px = 0 if style.compact or corner else legend_lines * (item_px + 2) + 14
    caption_px = 26
    bottom_names = len(rows) > 10 and lane_mode != "none"
    t_px = legend_px + caption_px + head_px
    b_px = head_px + 10 if bottom_names else 16
    height = int(t_px + total + b_px)
    annotations = [
        dict(xref="x", yref="paper", x=head_x, y=1, xanchor="left", yanchor="bottom", yshift=4,
             text=e(t_or("tl.rows." + x_mode, ROW_TITLES.get(x_mode, ""), lang)), showarrow=False,
             font=dict(size=style.font - 1, color="#444444")),
        dict(xref="x", yref="paper", x=date_px - 8, y=1, xanchor="right", yanchor="bottom", yshift=4,
             text=e(t("tl.date_col", lang)), showarrow=False, font=dict(size=style.font - 2, color="#444444")),
    ]
    axis_x = dict(range=[0, plot_w], tickmode="array", tickvals=list(lane_x.values()),
                  ticktext=tick if lane_mode != "none" else [""], tickangle=-90, showgrid=False, zeroline=False,
                  fixedrange=True, tickfont=dict(size=lane_font), automargin=False, ticks="")
    plot_h = max(total, 1)
    if bottom_names:   # repeat the lane names under a long table: the top ones have scrolled away
        traces.append(dict(type="scatter", x=[None], y=[None], xaxis="x2", showlegend=False, hoverinfo="skip",
                           name="lane names below"))
    # built without plotly.py's validation: it cost ~375 ms of server CPU for a 1,000-event story (per
    # filter change), 20x the rest of the build; tests/test_dashboard_rows.py validates these figures
    layout = dict(
        height=height, margin=dict(l=SIDE_PX, r=SIDE_PX, t=t_px, b=b_px, autoexpand=False),
        font=dict(size=style.font, family="Source Sans Pro, Arial, sans-serif", color="#1F1F1F"),
        hoverlabel=dict(font_size=style.font), plot_bgcolor="white", paper_bgcolor="white",
        showlegend=not style.compact,
        legend=dict(orientation="v", yref="paper", y=1 + (caption_px + head_px - 6) / plot_h, yanchor="top",
                    x=head_x / plot_w, xanchor="left", font=dict(size=style.font - 1), tracegroupgap=0,
                    itemsizing="constant")
        if corner else dict(orientation="h", yref="container", y=1, yanchor="top", x=0,
                            xanchor="left", font=dict(size=style.font - 1), entrywidth=entry_px,
                            entrywidthmode="pixels", tracegroupgap=0, itemsizing="constant"),
        dragmode=False, clickmode="event+select", annotations=annotations,
        uirevision=f"rows-{x_mode}-{lane_mode}",
        xaxis=dict(side="top", **axis_x),
        yaxis=dict(range=[-total, 0], showticklabels=False, showgrid=False, zeroline=False, fixedrange=True,
                   automargin=False, ticks=""),
        meta=dict(layout="rows", lanes=lanes, rows=[ids[i] for i in rows], row_px=hs, n_rows=len(order), wrap=width,
                  col_px=col_px, head_px=head_px, hidden_labels=0, band_rows=0, year_rules=year_rules,
                  pages=[[a, b] for a, b in pages], page=cur_page, width_px=plot_w + 2 * SIDE_PX,
                  head_x=head_x, date_px=date_px),
    )
    if bottom_names:
        layout["xaxis2"] = dict(overlaying="x", side="bottom", matches="x", **axis_x)
    # one constructor call: update_layout's property paths cost more than the rest of the build
    return go.Figure(data=traces, layout=layout, _validate=False)


from . import timeline as _tl  # noqa: E402  (at the end: timeline imports this module at its own end)
