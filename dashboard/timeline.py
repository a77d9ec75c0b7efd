"""The timeline figure: pure functions from an events frame to a Plotly figure.

build_timeline chooses the reading view (one row per event, paged: rows.py) or this module's strip.
The strip, top to bottom: a headline band (one dot + headline per event, packed greedily into rows so no
two headlines overlap), then the lanes (one per character or category; an event with several
characters gets a marker in each of their lanes, joined by a thin vertical line), then era labels.
Y coordinates are pixels (the figure height is computed), so text never collides vertically.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .data import prepare
from .i18n import DEFAULT, t, t_or
from .palette import OTHER
from .text import date_line

X_MODES = {"sequence": "Story order", "chronological": "Dates", "told": "As told"}
LANE_MODES = {"character": "Characters", "category": "Categories", "none": "One line"}
SYMBOLS = {"exact": "circle", "approx": "circle-open", "undated": "diamond-open"}
STATUS_LEGEND = {"exact": "date stated", "approx": "≈ approximate date or interval", "undated": "no date (placed by story order)"}
NO_CHARACTER = "(no character)"     # lane ids (also in meta["lanes"]); shown through lane_name()
OTHERS = "(other characters)"
_LANE_LABELS = {NO_CHARACTER: "tl.no_character", OTHERS: "tl.others"}
MAX_LANES = 14
MAX_LABELS = 80          # beyond this, headlines live in the hover and the table only
DAY_NS = 86_400 * 10**9


@dataclass(frozen=True)
class Style:
    font: int = 16           # lane names, axis, legend
    label_font: int = 16     # headlines in the band
    lane_px: int = 40
    row_px: int = 25
    plot_px: int = 720       # assumed plot-area width for packing; under-estimating only adds rows
    max_rows: int = 14
    compact: bool = False    # presentation: no legend, no axis title
    label_chars: tuple[int, ...] = (44, 36, 30, 24, 20)
    layout: str = "auto"     # "rows" (one row per event), "strip" (horizontal), "auto" (rows unless long)
    width_px: int | None = None  # rows: assumed figure width; None = plot_px + 100 (820 px: a 1280 px
                                 # window with the sidebar open; under-estimating only wraps more)
    date_px: int = 110       # rows: the "#n / date" column
    page_rows: int | None = None  # rows: events per figure (the app's view pages by rows.PAGE_ROWS); None = all
                                  # (exports: the PNG and the offline page show every event)


def esc(text: str) -> str:
    """HTML-escape story text for Plotly (which shows "&quot;" literally, so quotes stay as they are)."""
    return html.escape(str(text), quote=False)


def truncate(text: str, n: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def lane_name(lane: str, lang: str = DEFAULT) -> str:
    """What a lane is called on screen: a character's own name, or the placeholder lanes in `lang`."""
    return t(_LANE_LABELS[lane], lang) if lane in _LANE_LABELS else lane


def legend_name(status: str, lang: str = DEFAULT) -> str:
    return t_or("tl.legend." + status, STATUS_LEGEND[status], lang)


def positions(events: pd.DataFrame, mode: str, min_gap: float = 0.004) -> tuple[np.ndarray, np.ndarray]:
    """x per event (same row order as `events`) and whether it was placed by story order.

    sequence/told: ranks 1..n by order/told. chronological: ns since epoch; undated events sit
    between their dated neighbours in story order (linear in order), or a step beyond the ends.
    """
    df = prepare(events)
    n = len(df)
    placed = np.zeros(n, dtype=bool)
    if mode == "told":
        return df["told"].rank(method="first").to_numpy(float), placed
    if mode != "chronological":
        return df["order"].rank(method="first").to_numpy(float), placed
    by_order = np.argsort(df["order"].to_numpy(), kind="stable")
    dt = df["_dt"].to_numpy("datetime64[ns]")[by_order]
    dated = ~np.isnat(dt)
    xs = np.full(n, np.nan)
    if not dated.any():
        xs[by_order] = np.arange(n) * 30.0 * DAY_NS
        placed[:] = True
        return xs, placed
    known = dt[dated].astype("int64").astype(float)
    idx = np.flatnonzero(dated)
    span = known.max() - known.min()
    step = max(span / max(n, 1), 30.0 * DAY_NS) if span else 30.0 * DAY_NS
    pos = np.arange(n, dtype=float)
    inner = np.interp(pos, idx, known)  # flat beyond the ends: extended by `step` below
    inner = np.where(pos < idx[0], known[0] - (idx[0] - pos) * step, inner)
    inner = np.where(pos > idx[-1], known[-1] + (pos - idx[-1]) * step, inner)
    out = inner.copy()
    out[dated] = known
    # identical dates: spread slightly in story order (lanes also stack close markers vertically)
    dup = pd.Series(out).groupby(out).cumcount().to_numpy()
    out = out + dup * max(out.max() - out.min(), 365.0 * DAY_NS) * min_gap
    xs[by_order] = out
    placed[by_order] = ~dated
    return xs, placed


def _x_values(xs: np.ndarray, mode: str):
    if mode == "chronological":
        return pd.to_datetime(xs.astype("int64")).to_pydatetime().tolist()
    return xs.tolist()


def lanes_of(events: pd.DataFrame, lane_mode: str, cast: list[str],
             max_lanes: int = MAX_LANES) -> tuple[list[str], list[list[str]]]:
    """Lane names top to bottom, and for every event the lanes it appears in (characters beyond the
    first max_lanes of the cast share one lane)."""
    if lane_mode == "none":
        return [""], [[""] for _ in range(len(events))]
    if lane_mode == "category":
        cats = sorted(set(events["category"]), key=lambda c: (c == "other", c))
        return cats, [[c] for c in events["category"]]
    rank = {c: i for i, c in enumerate(cast)}
    count: dict[str, int] = {}
    for cs in events["characters"]:
        for c in cs:
            count[c] = count.get(c, 0) + 1
    names = sorted(count, key=lambda c: (rank.get(c, len(rank)), c))
    # when not every character gets a lane, those in most of the shown events do (a character chosen in
    # the filters is in all of them), shown in cast order
    keep = set(sorted(names, key=lambda c: (-count[c], rank.get(c, len(rank)), c))[:max_lanes])
    lanes = [n for n in names if n in keep]
    per_event = []
    for cs in events["characters"]:
        ls = [c for c in cs if c in keep]
        if len(ls) < len(cs):
            ls.append(OTHERS)
        per_event.append(list(dict.fromkeys(ls)) or [NO_CHARACTER])
    used = {l for ls in per_event for l in ls}
    lanes += [l for l in (OTHERS, NO_CHARACTER) if l in used]
    lanes.sort(key=lambda l: rank.get(l, len(rank)) if l not in (OTHERS, NO_CHARACTER) else len(rank) + (l == NO_CHARACTER))
    return lanes, per_event


def pack_labels(px: np.ndarray, widths: np.ndarray, plot_px: float, max_rows: int) -> tuple[np.ndarray, np.ndarray]:
    """Greedy rows for labels starting at pixel px[i] (or ending there near the right edge).

    Returns (row per label, -1 when it did not fit in max_rows; True where the text runs left).
    Two labels in one row never overlap (2 px gap).
    """
    n = len(px)
    rows = np.full(n, -1)
    left = (px + widths) > plot_px
    ends: list[float] = []   # right edge of the last label per row; labels are visited by x
    for i in np.argsort(px, kind="stable"):
        a, b = (px[i] - widths[i], px[i]) if left[i] else (px[i], px[i] + widths[i])
        for r, end in enumerate(ends):
            if a > end + 2:
                rows[i], ends[r] = r, b
                break
        else:
            if len(ends) < max_rows:
                rows[i] = len(ends)
                ends.append(b)
    return rows, left


def text_px(text: str, font: int) -> float:
    return len(text) * font * 0.56 + 14     # marker + gap; generous for proportional fonts


def _rank_ticks(df: pd.DataFrame, xs: np.ndarray, x_mode: str) -> dict:
    """Sequence/told axes are ranks among the shown events: label them with the event's own
    story-order (or telling) number, at a readable step."""
    if x_mode == "chronological":
        return {}
    n = len(xs)
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 10**9) if s >= n / 12)
    col = df["told"] if x_mode == "told" else df["order"]
    by_rank = dict(zip(xs.astype(int), col.astype(int)))
    vals = [r for r in sorted(by_rank) if (r - 1) % step == 0]
    return {"tickmode": "array", "tickvals": vals, "ticktext": [f"#{by_rank[r]}" for r in vals]}


def marker_colors(trace) -> list[str]:
    """The hex colour of every marker of an "events" trace (they are stored as scale indices)."""
    scale = trace["marker"]["colorscale"]
    colours = [c for _, c in scale][::2]
    return [colours[int(v)] for v in trace["marker"]["color"]]


def hover_html(r, lang: str = DEFAULT) -> str:
    e = esc
    date = e(date_line(r, lang))
    lines = [f"<b>{e(r['title'])}</b>", date]
    if len(r["characters"]):
        lines.append(e(t("tl.hover.characters", lang, names=", ".join(r["characters"]))))
    cat, kind = str(r["category"]), str(r["kind"])
    lines.append(e(t("tl.hover.place", lang, order=int(r["order"]), told=int(r["told"]),
                     category=t_or("cat." + cat, cat, lang), kind=t_or("kind." + kind, kind, lang))))
    return "<br>".join(lines)


def _placed_note(lang: str) -> str:
    return f"<br><i>{esc(t('tl.hover.placed', lang))}</i>"


def _eras(xs: np.ndarray, dts: pd.Series, lang: str = DEFAULT) -> list[tuple[float, float, str]]:
    """(x0, x1, label) for runs of consecutive events sharing a year (decade when many)."""
    order = np.argsort(xs, kind="stable")
    years = dts.dt.year.to_numpy(dtype=float)[order]
    if np.isnan(years).all():
        return []
    if len(set(years[~np.isnan(years)])) > 12:
        years = np.floor(years / 10) * 10
        fmt = lambda y: t("date.decade", lang, decade=f"{y:.0f}")  # noqa: E731
    else:
        fmt = "{:.0f}".format
    era = pd.Series(years).ffill().bfill().to_numpy()
    x = xs[order]
    runs, start = [], 0
    for i in range(1, len(x) + 1):
        if i == len(x) or era[i] != era[start]:
            runs.append((start, i - 1, fmt(era[start])))
            start = i
    if len(runs) < 2:
        return []
    out = []
    for k, (a, b, label) in enumerate(runs):
        x0 = (x[a - 1] + x[a]) / 2 if a > 0 else x[a] - (x[min(b + 1, len(x) - 1)] - x[a]) * 0.02 - 0.5
        x1 = (x[b] + x[b + 1]) / 2 if b + 1 < len(x) else x[b] + 0.5
        out.append((x0, x1, label))
    return out


def _build_strip(events: pd.DataFrame, *, x_mode: str = "sequence", lane_mode: str = "character",
                 cast: list[str] | None = None, colors: dict[str, str] | None = None,
                 highlight: str | None = None, reveal_upto: str | None = None,
                 eras: bool = True, style: Style = Style(), label_last: int | None = None,
                 lang: str = DEFAULT) -> go.Figure:
    """The horizontal strip: x = story order/dates/telling, one lane row per character.

    Used for the presentation slide and for stories too long for one row per event.
    """
    df = prepare(events)
    cast = cast or []
    colors = colors or {}
    if label_last is not None:      # a slide has few headlines and a wide plot: let them run long
        style = replace(style, label_chars=(80, 66, 54) + style.label_chars)
    traces: list[dict] = []   # plain dicts, validated once by go.Figure: much faster than add_trace
    shapes: list[dict] = []
    if df.empty:
        fig = go.Figure()
        fig.update_layout(height=200, xaxis_visible=False, yaxis_visible=False,
                          annotations=[dict(text=esc(t("tl.empty", lang)), showarrow=False,
                                            font_size=style.font + 2, x=0.5, y=0.5, xref="paper", yref="paper")])
        return fig
    xs, placed = positions(df, x_mode)
    if x_mode == "chronological":
        xspan = max(xs.max() - xs.min(), 30.0 * DAY_NS)
    else:
        xspan = max(xs.max() - xs.min(), 1.0)
    pad = xspan * 0.03 + (0.6 if x_mode != "chronological" else 0)
    x_lo, x_hi = xs.min() - pad, xs.max() + pad
    shown = np.ones(len(df), dtype=bool)
    if reveal_upto is not None and (df["id"] == reveal_upto).any():
        cut = xs[(df["id"] == reveal_upto).to_numpy()][0]
        shown = xs <= cut
    lanes, per_event = lanes_of(df, lane_mode, cast)
    lane_y = {name: -(k + 0.5) * style.lane_px for k, name in enumerate(lanes)}
    lanes_bottom = -len(lanes) * style.lane_px
    lead = [cs[0] if cs else None for cs in df["characters"]]
    ev_color = [colors.get(c, OTHER) if c else OTHER for c in lead]
    status = df["_status"].to_numpy()
    cols = ["title", "date", "date_precision", "date_text", "_status", "characters", "order", "told",
            "category", "kind", "date_from", "date_to"]
    note = _placed_note(lang)
    hovers = [hover_html(dict(zip(cols, vals)), lang) + (note if p and x_mode == "chronological" else "")
              for vals, p in zip(zip(*(_column(df, c) for c in cols)), placed)]
    ids = df["id"].tolist()
    idx = np.flatnonzero(shown)

    # lanes: one marker per (event, lane); thin connectors between an event's lanes
    mx, my, mc, ms, mh, mid = [], [], [], [], [], []
    cx, cy = [], []
    for i in idx:
        ys = [lane_y[l] for l in per_event[i]]
        for l, y in zip(per_event[i], ys):
            mx.append(xs[i]); my.append(y); mid.append(ids[i]); mh.append(hovers[i])
            mc.append(colors.get(l, ev_color[i]) if lane_mode == "character" else ev_color[i])
            ms.append(SYMBOLS[status[i]])
        if len(ys) > 1:
            cx += [xs[i], xs[i], None]; cy += [max(ys), min(ys), None]
    X = lambda v: _x_values(np.asarray(v, dtype=float), x_mode)  # noqa: E731
    if cx:
        xv = [None if v is None else v for v in cx]
        conn_x = [None if v is None else X([v])[0] for v in xv]
        traces.append(dict(type="scatter", x=conn_x, y=cy, mode="lines", line=dict(color="#9A9A9A", width=1.2),
                                 hoverinfo="skip", showlegend=False, name="shared event"))
    # markers closer than one marker width in a lane are stacked vertically (x stays honest)
    min_dx = (x_hi - x_lo) * 17 / (style.plot_px / 1.35)
    last: dict[float, list[float]] = {}
    offsets = [0.0, 0.28, -0.28]
    for k in np.argsort(np.asarray(mx, dtype=float), kind="stable"):
        seen = last.setdefault(my[k], [])
        near = [x for x in seen if mx[k] - x < min_dx]
        seen[:] = near + [mx[k]]
        my[k] = my[k] + offsets[(len(near)) % 3] * style.lane_px
    # one trace per symbol; colours as indices into a discrete colour scale, because per-point
    # colour strings (and symbol strings) make Plotly's validation ~100x slower
    palette = list(dict.fromkeys(mc)) or [OTHER]
    pal_idx = {c: k for k, c in enumerate(palette)}
    K = len(palette)
    scale = [[v, c] for k, c in enumerate(palette) for v in (k / K, (k + 1) / K)]
    for symbol in dict.fromkeys(ms):
        ks = [k for k, sy in enumerate(ms) if sy == symbol]
        cval = np.array([pal_idx[mc[k]] + 0.5 for k in ks])
        xv = np.array([mx[k] for k in ks], dtype=float)
        traces.append(dict(type="scatter",
            x=pd.to_datetime(xv.astype("int64")).to_numpy() if x_mode == "chronological" else xv,
            y=np.array([my[k] for k in ks], dtype=float), mode="markers", name="events", showlegend=False,
            customdata=np.array([mid[k] for k in ks], dtype=object),
            hovertext=np.array([mh[k] for k in ks], dtype=object), hoverinfo="text",
            marker=dict(size=15, color=cval, colorscale=scale, cmin=0, cmax=K, symbol=symbol,
                        line=dict(width=2.6, color=cval, colorscale=scale, cmin=0, cmax=K)),
        ))

    # headline band: the longest truncation whose packing fits; the x axis may grow to the right
    # (at most 35 %) so that headlines of the last events fit without flipping left
    band_rows = 0
    hidden_labels = 0
    idx_all = idx
    if label_last is not None:
        idx_l = idx[np.argsort(xs[idx], kind="stable")][-label_last:] if label_last > 0 else idx[:0]
    else:
        idx_l = idx
    if 0 < len(idx_l) <= MAX_LABELS:
        idx = idx_l
        titles_shown = df["title"].to_numpy()[idx]
        x_first_hi = x_hi
        for n_chars in style.label_chars:
            texts = [truncate(t, n_chars) for t in titles_shown]
            widths = np.array([text_px(t, style.label_font) for t in texts])
            frac = np.clip(1 - widths / style.plot_px, 0.05, None)
            need = (x_lo + (xs[idx] - x_lo) / frac).max()
            x_hi = min(max(x_first_hi, need), x_lo + (x_first_hi - x_lo) * 1.35)
            px = (xs[idx] - x_lo) / (x_hi - x_lo) * style.plot_px
            rows, left = pack_labels(px, widths, style.plot_px, style.max_rows)
            inside = (px + widths <= style.plot_px) | (px - widths >= 0)   # flipped left must not leave the plot
            if (rows >= 0).all() and inside.all():
                break
        hidden_labels = int((rows < 0).sum())
        band_rows = int(rows.max()) + 1 if (rows >= 0).any() else 0
        ok = rows >= 0
        ly = [(band_rows - 1 - r + 0.5) * style.row_px + 6 for r in rows]
        for side, sel in (("middle right", ok & ~left), ("middle left", ok & left)):
            sel_i = np.flatnonzero(sel)
            if not len(sel_i):
                continue
            traces.append(dict(type="scatter", 
                x=X(xs[idx][sel_i]), y=[ly[j] for j in sel_i], mode="markers+text", showlegend=False,
                text=[("<b>" if ids[idx[j]] == highlight else "") + esc(texts[j]) +
                      ("</b>" if ids[idx[j]] == highlight else "") for j in sel_i],
                textposition=side, textfont=dict(size=style.label_font, color="#1F1F1F"),
                customdata=[ids[idx[j]] for j in sel_i], hovertext=[hovers[idx[j]] for j in sel_i],
                hoverinfo="text", cliponaxis=False, name="headlines",
                marker=dict(size=9, color=[ev_color[idx[j]] for j in sel_i],
                            symbol=[SYMBOLS[status[idx[j]]] for j in sel_i],
                            line=dict(width=2, color=[ev_color[idx[j]] for j in sel_i])),
            ))
    idx = idx_all
    band_px = band_rows * style.row_px + (12 if band_rows else 0)

    if highlight is not None and highlight in ids:
        i = ids.index(highlight)
        if shown[i]:
            ys = [lane_y[l] for l in per_event[i]]
            traces.append(dict(type="scatter", x=X([xs[i]] * len(ys)), y=ys, mode="markers", hoverinfo="skip",
                                     showlegend=False, name="current",
                                     marker=dict(size=30, symbol="circle-open", color="#111111",
                                                 line=dict(width=3, color="#111111"))))
            shapes.append(dict(type="line", xref="x", yref="y", x0=X([xs[i]])[0], x1=X([xs[i]])[0],
                               y0=lanes_bottom, y1=0, line=dict(color="#111111", width=1.5, dash="dot")))

    # legend: marker shapes, plus character colours when lanes don't already name them
    for st_key in ("exact", "approx", "undated"):
        if (status[idx] == st_key).any():
            traces.append(dict(type="scatter", x=[None], y=[None], mode="markers", name=esc(legend_name(st_key, lang)),
                                     marker=dict(size=13, symbol=SYMBOLS[st_key], color="#444444",
                                                 line=dict(width=2.4, color="#444444"))))
    if lane_mode != "character":
        for c in [c for c in cast if c in set(lead[i] for i in idx)][:8]:
            traces.append(dict(type="scatter", x=[None], y=[None], mode="markers", name=esc(c),
                                     marker=dict(size=13, color=colors.get(c, OTHER))))

    era_px = 0
    annotations = []
    if eras and x_mode != "told":   # years in telling order would flicker, not group
        runs = _eras(xs, df["_dt"], lang)
        era_px = 24 if runs else 0
        for k, (a, b, label) in enumerate(runs):
            a, b = max(a, x_lo), min(b, x_hi)
            if k % 2 == 0:
                shapes.append(dict(type="rect", xref="x", yref="y", x0=X([a])[0], x1=X([b])[0],
                                   y0=lanes_bottom - era_px, y1=band_px, fillcolor="rgba(0,0,0,0.045)",
                                   line_width=0, layer="below"))
            if (b - a) / (x_hi - x_lo) * style.plot_px >= len(label) * style.font * 0.6 + 6:  # else it would collide
                annotations.append(dict(x=X([(a + b) / 2])[0], y=lanes_bottom - era_px / 2, text=esc(label),
                                        showarrow=False, font=dict(size=style.font - 1, color="#555555")))
    for k in range(len(lanes) + 1):   # faint lane separators
        shapes.append(dict(type="line", xref="paper", yref="y", x0=0, x1=1, y0=-k * style.lane_px,
                           y1=-k * style.lane_px, line=dict(color="#E3E3E3", width=1), layer="below"))

    tick_text = [f"<b>{esc(lane_name(l, lang))}</b>" if l in colors else esc(lane_name(l, lang)) for l in lanes]
    titles = {k: esc(t("tl.xaxis." + k, lang)) for k in X_MODES}
    top, bottom = (8, 40) if style.compact else (44, 80)
    height = top + band_px + len(lanes) * style.lane_px + era_px + bottom
    fig = go.Figure(data=traces)
    fig.update_layout(
        height=int(height), margin=dict(l=10, r=20, t=top, b=10),
        font=dict(size=style.font, family="Source Sans Pro, Arial, sans-serif", color="#1F1F1F"),
        hoverlabel=dict(font_size=style.font), plot_bgcolor="white", paper_bgcolor="white",
        showlegend=not style.compact, legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, xanchor="left",
                                     font=dict(size=style.font - 1)),
        dragmode="pan", clickmode="event+select", shapes=shapes, annotations=annotations,
        uirevision=f"{x_mode}-{lane_mode}",
        xaxis=dict(range=X([x_lo, x_hi]), showgrid=False, zeroline=False, title=dict(text="" if style.compact else titles.get(x_mode, "")),
                   tickfont=dict(size=style.font), fixedrange=False, automargin=True,
                   **_rank_ticks(df, xs, x_mode)),
        yaxis=dict(range=[lanes_bottom - era_px, band_px + 6], tickvals=[lane_y[l] for l in lanes],
                   ticktext=tick_text if lane_mode != "none" else [""], showgrid=False, zeroline=False,
                   fixedrange=True, automargin=True, tickfont=dict(size=style.font)),
        meta=dict(band_rows=band_rows, hidden_labels=hidden_labels, lanes=lanes),
    )
    if lane_mode == "character":
        fig.update_yaxes(ticktext=[f"<span style='color:{colors.get(l, OTHER)}'>{t}</span>"
                                   for l, t in zip(lanes, tick_text)])
    return fig


def _column(df: pd.DataFrame, col: str):
    """A column's values; the interval bounds may be missing from frames written before they existed."""
    return df[col].to_numpy() if col in df.columns else np.full(len(df), None, dtype=object)


def use_rows(n_events: int, style: Style, label_last: int | None) -> bool:
    """Rows (paged) for reading; the strip for a slide (compact, label_last) or when asked for ("to scale")."""
    return style.layout == "rows" or (style.layout == "auto" and not style.compact and label_last is None
                                      and n_events <= ROWS_MAX)


def build_timeline(events: pd.DataFrame, *, x_mode: str = "sequence", lane_mode: str = "character",
                   cast: list[str] | None = None, colors: dict[str, str] | None = None,
                   highlight: str | None = None, reveal_upto: str | None = None,
                   eras: bool = True, style: Style = Style(), label_last: int | None = None,
                   lang: str = DEFAULT, page: int | None = None) -> go.Figure:
    """The timeline of `events` (already filtered); its own words (legend, axis, dates) in `lang`.

    Unless compact/label_last/layout="strip": one row per event, top to bottom in the x_mode's order,
    the whole headline (wrapped, <= MAX_LINES lines) beside its markers, one column per lane, laid out
    for a figure style.width_px wide; style.page_rows rows per figure: `page` (0-based; None = the
    page of `highlight`), meta["pages"] lists them. Otherwise the horizontal strip. Both: markers carry the event id in
    customdata (click selection), hollow = approximate date, colour fixed per character.
    highlight: an event id drawn with a ring and a bold headline. reveal_upto: only events up to
    this one (in x order) are drawn. label_last (strip only): only the last k get a headline.
    Every piece of story text is HTML-escaped: Plotly renders a subset of HTML in text.
    """
    kw = dict(x_mode=x_mode, lane_mode=lane_mode, cast=cast, colors=colors, highlight=highlight,
              reveal_upto=reveal_upto, eras=eras, style=style, lang=lang)
    if len(events) and use_rows(len(events), style, label_last):
        return _build_rows(events, page=page, **kw)
    return _build_strip(events, label_last=label_last, **kw)




# the reading view lives in rows.py (it uses the helpers above); these names stay importable from here
from .rows import (CHAR_PX, MAX_LINES, PAGE_ROWS, ROW_TITLES, ROWS_MAX, SHORT_MONTHS, _build_rows,  # noqa: E402,F401
                   row_budget, short_date, wrap_lines)
