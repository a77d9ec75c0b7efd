"""Exports of a timeline: TimelineJS (JSON and Google-Sheets CSV), CSV/JSON, offline HTML, PNG.

Pure functions over the events dataframe (pipeline.schema.EVENT_COLUMNS); none of them
touches the network. Story text is untrusted: wherever it ends up rendered as HTML
(TimelineJS slides, Plotly hover labels) it is HTML-escaped here.

Dates in TimelineJS: every slide needs a start_date, but many story events have none.
  * a dated event gets only the date parts its precision supports (year for year/decade,
    year+month for month/season, year+month+day for day); approximate or relative dates
    keep the estimate's parts and show "≈ <original wording>" as display_date;
  * an interval event (no date of its own, bounds from the stated dates around it) starts at its lower
    bound and ends at its upper one (start_date/end_date at each bound's grain), shown as "after Oct 1957"
    or "between 1914 and 1922"; with no lower bound it is placed like an undated event, "before 1930";
  * an undated event is placed at the date of its nearest dated neighbour in story order
    (the earlier one on a tie) and shows "≈ <wording>" or "date unknown";
  * when nothing at all is dated, events get synthetic years 1..n in story order, shown
    as "Step k", so TimelineJS still lays them out in story order.

Words the exports add themselves ("date unknown", "Step k", "Sources", "All characters"...) come
from dashboard/labels/<lang>.json: every builder takes `lang` (interface language, default English).
In a language other than English every dated slide also gets a display_date written in that
language, because TimelineJS would otherwise format the date in English.
"""
from __future__ import annotations

import bisect
import csv
import html
import io
import json
import math
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import pandas as pd
import plotly.graph_objects as go

from pipeline import files

from dashboard import text as _text
from dashboard.i18n import DEFAULT, t as _t

SHEET_HEADERS = ["Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
                 "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
                 "Media Thumbnail", "Alt Text", "Type", "Group", "Background"]
# export name -> file written by write_exports()
EXPORTS = {"timelinejs": "timelinejs.json", "sheets": "timelinejs.csv", "html": "timeline.html",
           "png": "timeline.png", "csv": "events.csv", "json": "events.json"}
MAX_GROUPS = 8       # TimelineJS rows (groups) at most; see _groups
SOURCE_SNIPPET = 300  # characters of each source sentence shown on a slide / in a hover label
_DATE = re.compile(r"^(-?\d{1,6})-(\d{2})-(\d{2})$")


class ExportError(RuntimeError):
    """An export could not be produced; the message says why and what to do."""


# ---------------------------------------------------------------- small helpers

def _esc(s: Any) -> str:
    return html.escape("" if s is None else str(s), quote=True)


def _list(v: Any) -> list:
    if v is None or isinstance(v, float):
        return []
    if isinstance(v, str):
        return [v]
    return list(v)


def _str(v: Any) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    return str(v)


def _records(df: pd.DataFrame) -> list[dict]:
    """df.to_dict("records"), built column-wise (several times faster on large frames)."""
    cols = {c: df[c].tolist() for c in df.columns}
    names = list(cols)
    return [dict(zip(names, vals)) for vals in zip(*cols.values())] if names else []


def _rows(events_df: pd.DataFrame) -> list[dict]:
    """Event rows in story order as plain dicts."""
    if events_df is None or len(events_df) == 0:
        return []
    df = events_df.sort_values("order", kind="stable") if "order" in events_df else events_df
    rows = []
    for r in _records(df):
        d = r.get("date")
        r["date"] = d if isinstance(d, str) and _DATE.match(d) else None
        for k in ("characters", "places", "sources"):
            r[k] = _list(r.get(k))
        rows.append(r)
    return rows


def _short(s: str, n: int = SOURCE_SNIPPET) -> str:
    s = " ".join(_str(s).split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


# ---------------------------------------------------------------- dates for TimelineJS

@dataclass
class _Placed:
    parts: dict[str, int]          # year[, month[, day]]
    display: str | None            # display_date, None = let TimelineJS format the date
    synthetic: bool = False
    end: dict[str, int] | None = None  # end_date of an interval event with an upper bound


def _parts(date: str, precision: str) -> dict[str, int]:
    y, m, d = (int(x) for x in _DATE.match(date).groups())
    if precision in ("year", "decade"):
        return {"year": y}
    if precision in ("month", "season"):
        return {"year": y, "month": m}
    return {"year": y, "month": m, "day": d}  # day, relative (an estimate), unknown-with-date


def _bound_parts(bound: str) -> dict[str, int]:
    """TimelineJS date parts of an interval bound at its grain: "1957-10" -> {year: 1957, month: 10}."""
    neg = bound.startswith("-")
    nums = [int(x) for x in bound.lstrip("-").split("-")]
    nums[0] = -nums[0] if neg else nums[0]
    return dict(zip(("year", "month", "day"), nums))


def _row_parts(r: dict) -> dict[str, int]:
    """Where a dated row sits: an interval event at its lower bound, at that bound's grain."""
    if _str(r.get("date_precision")) == "interval" and _str(r.get("date_from")):
        return _bound_parts(_str(r["date_from"]))
    return _parts(r["date"], _str(r.get("date_precision")) or "day")


def _iso_label(date: str, precision: str, lang: str = DEFAULT) -> str:
    y, m, _ = _DATE.match(date).groups()
    if precision == "decade":
        return _t("date.decade", lang, decade=int(y) // 10 * 10)
    if precision == "year":
        return str(int(y))
    if precision in ("month", "season"):
        return f"{int(y)}-{m}"
    return date


def _human(date: str, precision: str, lang: str) -> str:
    """The date in words in `lang` (pipeline dates may be "-0044-03-15": text.human_date reads that)."""
    y, m, d = _DATE.match(date).groups()
    iso = f"{'-' if y.startswith('-') else ''}{abs(int(y)):04d}-{m}-{d}"
    return _text.human_date(iso, precision if precision in ("day", "month", "season", "year", "decade") else "day",
                            lang)


def _placements(rows: list[dict], lang: str = DEFAULT) -> list[_Placed]:
    dated = [i for i, r in enumerate(rows) if r["date"]]
    if not dated:
        return [_Placed({"year": k}, _t("ex.step", lang, k=k), True) for k in range(1, len(rows) + 1)]
    out: list[_Placed] = []
    for i, r in enumerate(rows):
        text = _str(r.get("date_text")).strip()
        prec = _str(r.get("date_precision")) or "unknown"
        if prec == "interval":
            # no date of its own: from its lower bound to its upper one, shown as "after Oct 1957"
            lo, hi = _str(r.get("date_from")) or None, _str(r.get("date_to")) or None
            label = _text.interval_date(lo, hi, lang)
            if lo:
                out.append(_Placed(_bound_parts(lo), label, end=_bound_parts(hi) if hi else None))
                continue
        if r["date"] and prec != "interval":
            approx = bool(r.get("date_approx")) or prec in ("relative", "unknown")
            display = None
            if approx:
                display = _t("date.about", lang, date=text or _iso_label(r["date"], prec, lang))
            elif prec in ("season", "decade"):  # TimelineJS can only say "October 1957" or "1957"
                display = text or _iso_label(r["date"], prec, lang)
            elif lang != DEFAULT:  # TimelineJS would write "October 1957" in English
                display = _human(r["date"], prec, lang)
            out.append(_Placed(_parts(r["date"], prec), display))
            continue
        # nearest dated neighbour by story order; the earlier one wins a tie (bisect: no n*m scan)
        k = bisect.bisect_left(dated, i)
        before, after = (dated[k - 1] if k else None), (dated[k] if k < len(dated) else None)
        j = before if after is None or (before is not None and i - before <= after - i) else after
        nb = rows[j]
        display = (_text.interval_date(None, _str(r.get("date_to")) or None, lang) if prec == "interval"
                   else _t("date.about", lang, date=text) if text else _t("ex.date_unknown", lang))
        out.append(_Placed(_row_parts(nb), display))
    return out


def _image(r: dict) -> str:
    url = _str(r.get("image")).strip()
    return url if re.match(r"^https?://[^\s\"'<>]+$", url) else ""


def _slide_html(r: dict, lang: str = DEFAULT, docs: dict[str, str] | None = None) -> str:
    """The slide's text: notes, summary, who, where, and the sources by their documents' titles (as the app's
    details name them: "The lighthouse keeper's year", never "002_92fda2849280da6a") and language names."""
    parts = []
    notes = _str(r.get("notes")).strip()
    if notes:
        parts.append(f"<p><b>{_esc(_t('ex.notes', lang))}:</b> {_esc(notes)}</p>")
    if _str(r.get("summary")).strip():
        parts.append(f"<p>{_esc(r['summary'])}</p>")
    if r["characters"]:
        parts.append(f"<p><b>{_esc(_t('ex.characters', lang))}:</b> {_esc(', '.join(r['characters']))}</p>")
    if r["places"]:
        parts.append(f"<p><b>{_esc(_t('ex.places', lang))}:</b> {_esc(', '.join(r['places']))}</p>")
    srcs = [s for s in r["sources"] if isinstance(s, dict)]
    if srcs:
        docs = docs or {}
        items = "".join(f"<li><b>{_esc(_text.doc_label(_str(s.get('doc')), docs.get(_str(s.get('doc')))))}</b> "
                        f"({_esc(_text.lang_name(_str(s.get('lang')), lang))}): "
                        f"“{_esc(_short(s.get('text', '')))}”</li>" for s in srcs)
        parts.append(f"<p><b>{_esc(_t('ex.sources', lang))}:</b></p><ul>{items}</ul>")
    return "".join(parts)


def _groups(rows: list[dict], lang: str = DEFAULT) -> list[str]:
    """Each event's TimelineJS group (row): its first character, else its category.

    TimelineJS gives every group its own row in the time navigation and squeezes the slides
    to make room, so only the MAX_GROUPS commonest groups are kept; the rest share "Others"."""
    raw = [r["characters"][0] if r["characters"] else _str(r.get("category")) or "other" for r in rows]
    counts: dict[str, int] = {}
    for g in raw:  # dicts keep first-seen order, the tie-break below
        counts[g] = counts.get(g, 0) + 1
    if len(counts) <= MAX_GROUPS:
        return raw
    keep = set(sorted(counts, key=lambda g: -counts[g])[:MAX_GROUPS - 1])
    others = _t("ex.others", lang)
    return [g if g in keep else others for g in raw]


def _uid(eid: str, seen: set[str]) -> str:
    # used as a DOM id and URL hash by TimelineJS: keep it to safe characters, unique
    base = re.sub(r"[^A-Za-z0-9_-]", "-", _str(eid)) or "event"
    uid, n = base, 1
    while uid in seen:
        n += 1
        uid = f"{base}-{n}"
    seen.add(uid)
    return uid


def _eras(rows: list[dict]) -> list[dict]:
    """Bands of consecutive years (or one band per year when they form a single run)."""
    years = sorted({int(_DATE.match(r["date"]).group(1)) for r in rows if r["date"]})
    if len(years) < 2:
        return []
    runs: list[list[int]] = [[years[0], years[0]]]
    for y in years[1:]:
        if y == runs[-1][1] + 1:
            runs[-1][1] = y
        else:
            runs.append([y, y])
    if len(runs) == 1:
        runs = [[y, y] for y in years]
    return [{"start_date": {"year": a, "month": 1, "day": 1},
             "end_date": {"year": b, "month": 12, "day": 31},
             "text": {"headline": str(a) if a == b else f"{a}–{b}", "text": ""}} for a, b in runs]


def timelinejs_json(events_df: pd.DataFrame, title: str = "Story timeline", subtitle: str = "",
                    lang: str = DEFAULT, docs: dict[str, str] | None = None) -> dict:
    """A TimelineJS 3 document: `new TL.Timeline(el, timelinejs_json(df))` renders it.
    Display dates and the slides' own words are in `lang`."""
    rows = _rows(events_df)
    seen: set[str] = set()
    events = []
    untitled = _t("ex.untitled", lang)
    for r, p, g in zip(rows, _placements(rows, lang), _groups(rows, lang)):
        start = {k: v for k, v in p.parts.items()}
        if p.display:
            start["display_date"] = p.display
        ev = {"start_date": start,
              **({"end_date": dict(p.end)} if p.end else {}),
              "text": {"headline": _esc(r.get("title")) or _esc(untitled), "text": _slide_html(r, lang, docs)},
              "group": _esc(g),
              "unique_id": _uid(r.get("id"), seen)}
        if p.display:
            ev["display_date"] = p.display
        if _image(r):
            ev["media"] = {"url": _image(r)}
        events.append(ev)
    doc: dict[str, Any] = {"title": {"text": {"headline": _esc(title), "text": _esc(subtitle)}},
                           "events": events}
    eras = _eras(rows)
    if eras:
        doc["eras"] = eras
    return doc


def timelinejs_sheet_csv(events_df: pd.DataFrame, title: str = "Story timeline", subtitle: str = "",
                         lang: str = DEFAULT, docs: dict[str, str] | None = None) -> str:
    """The CSV of a TimelineJS Google Sheet (paste/import into the template sheet)."""
    rows = _rows(events_df)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(SHEET_HEADERS)

    def line(**kw: Any) -> list[str]:
        return [_str(kw.get(h)) for h in SHEET_HEADERS]

    w.writerow(line(**{"Headline": _esc(title), "Text": _esc(subtitle), "Type": "title"}))
    untitled = _t("ex.untitled", lang)
    for r, p, g in zip(rows, _placements(rows, lang), _groups(rows, lang)):
        end = p.end or {}
        w.writerow(line(**{"Year": p.parts["year"], "Month": p.parts.get("month"), "Day": p.parts.get("day"),
                           "End Year": end.get("year"), "End Month": end.get("month"), "End Day": end.get("day"),
                           "Display Date": p.display, "Headline": _esc(r.get("title")) or _esc(untitled),
                           "Text": _slide_html(r, lang, docs), "Media": _image(r), "Group": _esc(g)}))
    for era in _eras(rows):
        s, e = era["start_date"], era["end_date"]
        w.writerow(line(**{"Year": s["year"], "Month": s["month"], "Day": s["day"], "End Year": e["year"],
                           "End Month": e["month"], "End Day": e["day"],
                           "Headline": era["text"]["headline"], "Type": "era"}))
    return buf.getvalue()


# ---------------------------------------------------------------- flat data

def _json_default(v: Any) -> Any:
    if hasattr(v, "tolist"):  # numpy arrays and scalars (frames read back from parquet)
        return v.tolist()
    raise TypeError(f"{type(v).__name__} is not JSON serialisable")


def events_records(events_df: pd.DataFrame) -> list[dict]:
    """The events as plain records (NaN cells -> None)."""
    recs = _records(events_df) if events_df is not None else []
    for r in recs:
        for k, v in r.items():
            if isinstance(v, float) and math.isnan(v):
                r[k] = None
    return recs


def events_json(events_df: pd.DataFrame) -> str:
    """The events as a JSON list, one object per event and per line, list columns kept as lists."""
    # one dumps per record: json's C encoder is only used without indent
    lines = [json.dumps(r, ensure_ascii=False, default=_json_default) for r in events_records(events_df)]
    return "[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n"


def events_csv(events_df: pd.DataFrame) -> str:
    """One row per event: names joined with "; ", sources as "doc:start-end" joined with " | "."""
    flat = events_df.copy()
    for col in ("characters", "places"):
        if col in flat:
            flat[col] = flat[col].map(lambda v: "; ".join(_str(x) for x in _list(v)))
    if "sources" in flat:
        flat["sources"] = flat["sources"].map(
            lambda ss: " | ".join(f"{s['doc']}:{s['start']}-{s['end']}" for s in _list(ss) if isinstance(s, dict)))
    return flat.to_csv(index=False, lineterminator="\n")


# ---------------------------------------------------------------- figures and offline HTML

def filter_by_character(events_df: pd.DataFrame, characters_df: pd.DataFrame | None,
                        names: Iterable[str]) -> pd.DataFrame:
    """Events involving any of `names` (case-insensitive, canonical name or alias)."""
    wanted = {n.casefold().strip() for n in names if n and n.strip()}
    canon = set(wanted)
    if characters_df is not None and len(characters_df):
        for r in characters_df.to_dict("records"):
            forms = {_str(r.get("name")).casefold()} | {_str(a).casefold() for a in _list(r.get("aliases"))}
            if forms & wanted:
                canon.add(_str(r.get("name")).casefold())
    mask = events_df["characters"].map(lambda cs: any(_str(c).casefold() in canon for c in _list(cs)))
    return events_df[mask.astype(bool)].reset_index(drop=True)


def _character_names(rows: list[dict], characters_df: pd.DataFrame | None) -> list[str]:
    used: dict[str, None] = {}
    for r in rows:
        for c in r["characters"]:
            used.setdefault(c, None)
    if characters_df is not None and len(characters_df):  # the cast's order (most mentioned first)
        ranked = list(dict.fromkeys(n for n in characters_df["name"].tolist() if n in used))
        return ranked + [c for c in used if c not in set(ranked)]
    return list(used)


def _basic_figure(events_df: pd.DataFrame, characters_df: pd.DataFrame | None = None,
                  lang: str = DEFAULT) -> go.Figure:
    """A plain timeline: story order on x, one lane (trace) per character; each trace's
    customdata holds event ids and meta the character, so the offline dropdown can filter."""
    rows = _rows(events_df)
    names = _character_names(rows, characters_df)
    lanes: dict[str, list[tuple[int, dict]]] = {n: [] for n in names}
    nobody = _t("tl.no_character", lang)
    for i, r in enumerate(rows):
        for c in (r["characters"] or [nobody]):
            lanes.setdefault(c, []).append((i, r))
    fig = go.Figure()
    for name, items in lanes.items():
        if not items:
            continue
        hover = []
        for _, r in items:
            when = _str(r.get("date_text")) or _str(r.get("date")) or _t("ex.date_unknown", lang)
            hover.append(f"<b>{_esc(r.get('title'))}</b><br>{_esc(when)}<br>{_esc(_short(r.get('summary'), 200))}")
        fig.add_trace(go.Scatter(
            x=[i + 1 for i, _ in items], y=[_esc(name)] * len(items), mode="markers",
            name=_esc(name), marker={"size": 12}, customdata=[r.get("id") for _, r in items],
            hovertext=hover, hoverinfo="text", meta={"character": name if name != nobody else None}))
    fig.update_layout(xaxis_title=_esc(_t("ex.story_order", lang)), yaxis={"type": "category", "autorange": "reversed"},
                      hovermode="closest", showlegend=True, margin={"t": 90},
                      height=max(360, 40 * len(lanes) + 160))
    return fig


def timeline_figure_for(events_df: pd.DataFrame, characters_df: pd.DataFrame | None = None,
                        lang: str = DEFAULT, width: int | None = None) -> go.Figure:
    """The dashboard's own timeline figure when available (dashboard.figures.timeline_figure,
    else dashboard.timeline.build_timeline), else the basic figure; laid out `width` px wide if given."""
    try:
        from dashboard.figures import timeline_figure
        return timeline_figure(events_df, characters_df)
    except (ImportError, AttributeError, NotImplementedError):
        pass
    try:
        from dashboard.timeline import build_timeline
        cast = characters_df["name"].tolist() if characters_df is not None and len(characters_df) else None
        if width:
            from dashboard.timeline import Style
            return build_timeline(events_df, cast=cast, lang=lang, style=Style(plot_px=width - 100, width_px=width))
        return build_timeline(events_df, cast=cast, lang=lang)
    except (ImportError, AttributeError, NotImplementedError, TypeError):
        return _basic_figure(events_df, characters_df, lang)


def _trace_membership(trace: Any, id_chars: dict[str, list[str]], names: set[str]):
    """("trace", {chars}) | ("points", [set per point]) | ("none", None) for a trace."""
    meta = trace.meta
    if isinstance(meta, dict):
        if meta.get("character") is not None:
            return "trace", {meta["character"]}
        if isinstance(meta.get("characters"), (list, tuple)):
            return "trace", set(meta["characters"])
    cd = trace.customdata if "customdata" in trace else None
    if cd is not None and len(cd):
        sets, hit = [], False
        for row in cd:
            vals = list(row) if isinstance(row, (list, tuple)) or hasattr(row, "tolist") else [row]
            s: set[str] = set()
            for v in vals:
                if isinstance(v, str) and v in id_chars:
                    s = set(id_chars[v])
                    hit = True
                    break
            sets.append(s)
        if hit:
            return "points", sets
    name = html.unescape(trace.name) if isinstance(trace.name, str) else None
    if name in names:
        return "trace", {name}
    return "none", None


def add_character_dropdown(fig: go.Figure, events_df: pd.DataFrame,
                           characters_df: pd.DataFrame | None = None, lang: str = DEFAULT) -> go.Figure:
    """Add a Plotly dropdown (works offline, no server) choosing All or one character.

    Traces that belong to one character are shown/hidden; traces mixing characters keep
    only that character's points selected (the others are dimmed); traces with no
    character information (bands, annotations) always stay visible."""
    rows = _rows(events_df)
    names = _character_names(rows, characters_df)
    if not names:
        return fig
    id_chars = {_str(r.get("id")): list(r["characters"]) for r in rows}
    members = [_trace_membership(t, id_chars, set(names)) for t in fig.data]
    base_vis = [True if t.visible is None else t.visible for t in fig.data]
    has_points = any(kind == "points" for kind, _ in members)

    def args_for(who: str | None) -> dict:
        vis, sel = [], []
        for (kind, m), v in zip(members, base_vis):
            if who is None or kind == "none":
                vis.append(v)
                sel.append(None)
            elif kind == "trace":
                vis.append(v if who in m else False)
                sel.append(None)
            else:
                idx = [i for i, s in enumerate(m) if who in s]
                vis.append(v if idx else False)
                sel.append(idx)
        out: dict[str, Any] = {"visible": vis}
        if has_points:
            out["selectedpoints"] = sel
        return out

    # the rows layout writes headlines as text traces (one per page, customdata = the row's event id): a
    # character's choice greys the others' headlines; the other text traces (dates) keep their text
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    rows_layout = meta.get("layout") == "rows"
    texts = [list(t.text) if t.text is not None and not isinstance(t.text, str) else None for t in fig.data]

    def grey(h: str) -> str:
        return f"<span style='color:#B4B4B4'>{re.sub(r'</?b>', '', h)}</span>"

    def heads_for(who: str | None) -> list:
        return [None if txt is None else
                [h if who is None or t.name != "headlines" or who in id_chars.get(eid, []) else grey(h)
                 for h, eid in zip(txt, t.customdata)]
                for t, txt in zip(fig.data, texts)]

    def button(label: str, who: str | None) -> dict:
        args = args_for(who)
        if rows_layout:
            args["text"] = heads_for(who)
        return {"label": _esc(label), "method": "restyle", "args": [args]}

    buttons = [button(_t("ex.all_characters", lang), None)] + [button(n, n) for n in names]
    menus = list(fig.layout.updatemenus or [])
    # in the title band (top right) when there is one, else just above the plot: never over the lane names
    h = int(fig.layout.height or 0)
    band = bool(fig.layout.title.text) and h > 0 and fig.layout.title.yref == "container"
    place = dict(x=1, xanchor="right", y=1 - 8 / h, yanchor="top", pad={"r": 10}) if band else \
        dict(x=1, xanchor="right", y=1.02, yanchor="bottom")
    if band:   # updatemenus are placed in paper coordinates: convert the container position
        plot_h = h - int(fig.layout.margin.t or 0) - int(fig.layout.margin.b or 0)
        place["y"] = min(3.0, 1 + (int(fig.layout.margin.t or 0) - 8) / max(plot_h, 1))   # Plotly's limit
        # the right end of the band, inside the figure (its right margin is a few pixels)
        place["x"], place["xanchor"] = 1.0, "right"
    menus.append(go.layout.Updatemenu(type="dropdown", buttons=buttons, active=0, showactive=True,
                                      name="character-filter", **place))
    fig.update_layout(updatemenus=menus)
    if has_points:
        for t, (kind, _) in zip(fig.data, members):
            if kind == "points" and hasattr(t, "unselected"):
                t.unselected = {"marker": {"opacity": 0.15}}
    return fig


TITLE_PX = 56        # the band above a figure that carries the story's title (PNG, HTML)


def with_title(fig: go.Figure, title: str) -> go.Figure:
    """A copy of `fig` with the story's title in a band of its own above everything else (legend, lane
    names, dropdown keep their places below it), the figure that much taller."""
    fig = go.Figure(fig)
    h = int(fig.layout.height or 720)
    top = int(fig.layout.margin.t if fig.layout.margin.t is not None else 80)
    new_h = h + TITLE_PX
    fig.update_layout(height=new_h, margin={"t": top + TITLE_PX},
                      title={"text": f"<b>{_esc(title)}</b>", "x": 0.01, "xanchor": "left", "xref": "container",
                             "y": 1 - 12 / new_h, "yanchor": "top", "yref": "container", "font": {"size": 24}})
    if fig.layout.legend.yref == "container" and fig.layout.legend.y is not None:
        fig.update_layout(legend={"y": 1 - TITLE_PX / new_h})
    return fig


def offline_html(events_df: pd.DataFrame, characters_df: pd.DataFrame | None = None,
                 fig: go.Figure | None = None, title: str = "Story timeline", lang: str = DEFAULT) -> str:
    """One self-contained HTML file (plotly.js inlined, no network) with hover details and a
    character dropdown. Text reaches the page only as JSON, where Plotly writes "<" as \\u003c,
    so no story text can close the <script> element."""
    fig = go.Figure(fig) if fig is not None else timeline_figure_for(events_df, characters_df, lang)
    if not fig.layout.title.text:
        fig = with_title(fig, title)
    add_character_dropdown(fig, events_df, characters_df, lang)
    page = fig.to_html(include_plotlyjs=True, full_html=True, include_mathjax=False,
                       div_id="storyline-timeline", config={"displaylogo": False, "responsive": True})
    page = page.replace("<head>", f"<head><title>{_esc(title)}</title>", 1)
    return page.replace("<html>", f'<html lang="{lang}">', 1) if lang != DEFAULT else page


# ---------------------------------------------------------------- PNG

_kaleido_lock = threading.Lock()
_kaleido_started = False


MAX_PNG_PX = 16000   # Chromium's canvas limit is ~16k px a side


PNG_WIDTH = 1280     # a projector's width


def png_size(fig: go.Figure, width: int = PNG_WIDTH, height: int = 720) -> tuple[int, int]:
    """A figure that says how tall it is (the rows layout grows with its events) is rendered whole, and as
    wide as it was laid out (the rows layout places every headline for one width: rendered wider, the
    right of the image stays empty; narrower, headlines are cut); the others at `width` x `height`."""
    h = int(fig.layout.height) if getattr(fig.layout, "height", None) else height
    meta = fig.layout.meta if isinstance(getattr(fig.layout, "meta", None), dict) else {}
    laid = int(meta["width_px"]) if isinstance(meta.get("width_px"), (int, float)) and meta["width_px"] > 0 else None
    w = int(fig.layout.width) if getattr(fig.layout, "width", None) else (laid or width)
    return w, min(max(h, 360), MAX_PNG_PX)


def png(fig: go.Figure, width: int = PNG_WIDTH, height: int | None = None, scale: float = 1) -> bytes:
    """The figure as PNG bytes, rendered by kaleido in the system Chromium; as tall as the figure
    (height None), so 30 events are 30 readable rows, never squeezed onto one screen.

    The kaleido server starts on first use and stays up, so later calls are fast.
    MathJax is disabled: kaleido would otherwise fetch it from a CDN."""
    global _kaleido_started
    try:
        import kaleido
        from kaleido.errors import ChromeNotFoundError
    except ImportError as exc:
        raise ExportError("PNG export needs the kaleido package (pip install kaleido==1.5.0).") from exc
    try:
        with _kaleido_lock:
            if not _kaleido_started:
                kaleido.start_sync_server(mathjax=False, silence_warnings=True)
                _kaleido_started = True
        fig_dict = fig.to_dict() if hasattr(fig, "to_dict") else dict(fig)
        w, h = png_size(fig, width) if height is None else (int(width), int(height))
        data = kaleido.calc_fig_sync(fig_dict, opts={"format": "png", "width": w, "height": h, "scale": scale})
    except ChromeNotFoundError as exc:
        _kaleido_started = False
        raise ExportError("PNG export needs Chromium, which was not found: install it "
                          "(`make browser`, i.e. apt-get install chromium) or set BROWSER_PATH "
                          "to a Chrome/Chromium executable.") from exc
    except Exception as exc:  # kaleido/choreographer failures carry unhelpful types
        raise ExportError(f"PNG export failed in the Chromium renderer: {type(exc).__name__}: {exc}") from exc
    if not isinstance(data, (bytes, bytearray)) or not bytes(data).startswith(b"\x89PNG"):
        raise ExportError("PNG export failed: the renderer returned no image.")
    return bytes(data)


# ---------------------------------------------------------------- all at once (CLI)

def _write(path: Path, data: str | bytes) -> None:
    files.write(path, data)


def write_exports(events_df: pd.DataFrame, characters_df: pd.DataFrame | None, out: str | Path,
                  kinds: Iterable[str], title: str = "Story timeline", lang: str = DEFAULT) -> list[Path]:
    """Write the named exports (keys of EXPORTS) into `out`; returns the paths written.
    `lang`: the language of the words the exports add (dates, legends), not of the story."""
    kinds = list(dict.fromkeys(kinds))
    unknown = [k for k in kinds if k not in EXPORTS]
    if unknown:
        raise ExportError(f"unknown export {', '.join(map(repr, unknown))} (known: {', '.join(EXPORTS)})")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    fig = None
    for k in kinds:
        p = out / EXPORTS[k]
        if k == "timelinejs":
            _write(p, json.dumps(timelinejs_json(events_df, title=title, lang=lang), ensure_ascii=False, indent=1))
        elif k == "sheets":
            _write(p, timelinejs_sheet_csv(events_df, title=title, lang=lang))
        elif k == "csv":
            _write(p, events_csv(events_df))
        elif k == "json":
            _write(p, events_json(events_df))
        else:
            if fig is None:
                fig = timeline_figure_for(events_df, characters_df, lang)
                if not fig.layout.title.text:
                    fig = with_title(fig, title)
            if k == "html":
                _write(p, offline_html(events_df, characters_df, fig=fig, title=title, lang=lang))
            else:   # laid out at the width it is rendered at
                wide = timeline_figure_for(events_df, characters_df, lang, width=PNG_WIDTH)
                _write(p, png(wide if wide.layout.title.text else with_title(wide, title)))
        paths.append(p)
    return paths
