"""The classroom slideshow, built without Streamlit: slide contents, their HTML, the navigation strip.

A slide is a plain dict (see `event_slide`, `title_slide`); `slide_html` turns one into a block of
HTML whose every piece of story text is escaped (a title "<script>" shows as those characters), sized
so a slide with the strip below it fits a 1280x720 projector without scrolling. `nav_strip` is the
time-scaled Plotly strip under the slide: dates as tick labels, a dot per event coloured by its
first character (legend), intervals as a bar from `date_from` to `date_to`, the current event ringed.

Interval dates (`date_precision == "interval"`, bounds in `date_from`/`date_to`) are optional columns:
frames without them behave as before.
"""
from __future__ import annotations

import html
import re
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from . import text
from .i18n import DEFAULT, t, t_list, t_or
from .palette import OTHER

QUOTE_CHARS = 320          # a source quote longer than this is cut at a word (the slide must fit)
SUMMARY_CHARS = 360
HEADLINE_CHARS = 120
TITLE_CAST = 10            # characters shown on the title slide
STRIP_LEGEND = 6           # characters in the strip's legend (the rest are "others")
_SENT = re.compile(r"(?<=[.!?…])\s+|(?<=[.!?…][»\"”’)])\s+")
_WORD = re.compile(r"\w+", re.UNICODE)


# ---------------------------------------------------------------- dates
def _bound_iso(bound: Any, end: bool = False) -> str | None:
    """An interval bound at its own grain ("1957", "1957-10", "1957-10-04") as a full ISO day: the
    first day of the period, or with `end` its last (so a bar covers the whole stated year)."""
    if not isinstance(bound, str) or not re.match(r"^-?\d{4}(-\d{2}){0,2}$", bound):
        return None
    neg, parts = bound.startswith("-"), bound.lstrip("-").split("-")
    if end and len(parts) == 1:
        parts += ["12", "31"]
    elif end and len(parts) == 2:
        last = pd.Period(f"{parts[0]}-{parts[1]}", freq="M").days_in_month
        parts += [f"{last:02d}"]
    parts += ["01"] * (3 - len(parts))
    return ("-" if neg else "") + "-".join(parts)


def _bound_label(bound: str, lang: str) -> str:
    parts = bound.lstrip("-").split("-")
    grain = {1: "year", 2: "month"}.get(len(parts), "day")
    return text.short_date(_bound_iso(bound), grain, False, lang)


def interval_label(date_from: Any, date_to: Any, lang: str = DEFAULT) -> str:
    """"after Oct 1957", "before 1930", "between 1914 and 1922": text.interval_date when the dashboard
    has it (the dates work adds it), else the same wording from the label tables with English defaults."""
    own = getattr(text, "interval_date", None)
    if own is not None:
        return own(date_from, date_to, lang, short=True)
    lo = date_from if isinstance(date_from, str) and date_from else None
    hi = date_to if isinstance(date_to, str) and date_to else None
    if lo is None and hi is None:
        return t("date.short_none", lang)
    if hi is None:
        return t_or("date.after", "after {date}", lang).format(date=_bound_label(lo, lang))
    if lo is None:
        return t_or("date.before", "before {date}", lang).format(date=_bound_label(hi, lang))
    return t_or("date.between", "between {start} and {end}", lang).format(
        start=_bound_label(lo, lang), end=_bound_label(hi, lang))


def is_interval(e: dict) -> bool:
    return e.get("date_precision") == "interval" and bool(
        _bound_iso(e.get("date_from")) or _bound_iso(e.get("date_to")))


def slide_date(e: dict, lang: str = DEFAULT) -> str:
    """The date as stated ("3 Mar 1962"), approximate ("≈ 1960s"), or as an honest interval."""
    if is_interval(e):
        return interval_label(e.get("date_from"), e.get("date_to"), lang)
    date = e.get("date")
    if not isinstance(date, str):
        return t("date.short_none", lang)
    # "1957" for a year is what the text states; "≈" only for a date inherited or guessed
    prec = e.get("date_precision") or "unknown"
    approx = bool(e.get("date_approx")) or prec in ("relative", "unknown")
    return text.short_date(date, prec, approx, lang)


def span_label(events: pd.DataFrame, lang: str = DEFAULT) -> str:
    """"Oct 1957 – Jun 1960": the first and last dated events (by date), or "" without dates."""
    if "_dt" not in events.columns or not events["_dt"].notna().any():
        return ""
    dated = events[events["_dt"].notna()]
    lo, hi = dated.loc[dated["_dt"].idxmin()], dated.loc[dated["_dt"].idxmax()]
    a = text.short_date(lo["date"], lo["date_precision"], False, lang)
    b = text.short_date(hi["date"], hi["date_precision"], False, lang)
    return a if a == b else f"{a} – {b}"


# ---------------------------------------------------------------- text that adds to the headline
def _norm(s: str) -> str:
    return " ".join(_WORD.findall(str(s).casefold()))


def _cut(s: str, n: int) -> str:
    s = " ".join(str(s).split())
    if len(s) <= n:
        return s
    cut = s[:n].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"


def summary_adds(title: str, summary: str) -> str:
    """The summary without what the headline already says: sentences that repeat the headline (or of
    which the headline is a cut-off start) are dropped; "" when nothing is left to add."""
    head = _norm(str(title).rstrip(" .…"))
    keep = []
    for sent in _SENT.split(" ".join(str(summary or "").split())):
        n = _norm(sent)
        if not n:
            continue
        if n == head or (head and (n.startswith(head) or head.startswith(n))):
            continue
        keep.append(sent)
    return _cut(" ".join(keep), SUMMARY_CHARS)


# ---------------------------------------------------------------- sources
def pick_quote(e: dict, lang: str) -> dict | None:
    """The source sentence shown on the slide: one in the interface language when a document tells the
    event in it, else the first one; {"text", "lang", "doc"} or None."""
    srcs = [s for s in (e.get("sources") or []) if isinstance(s, dict) and str(s.get("text") or "").strip()]
    if not srcs:
        return None
    best = next((s for s in srcs if s.get("lang") == lang), srcs[0])
    return {"text": _cut(best["text"], QUOTE_CHARS), "lang": str(best.get("lang") or ""),
            "doc": str(best.get("doc") or "")}


def text_lang(e: dict, lang: str) -> str | None:
    """The language the headline is shown in when it is not the interface language, else None.

    curate.localize already swapped in the interface language's headline where a source tells it;
    an event told only in other languages keeps its own and the slide says which."""
    titles = e.get("titles")
    if not isinstance(titles, dict) or not titles:
        return None          # output without per-language headlines: the headline's language is not known
    if isinstance(titles.get(lang), str) and titles[lang].strip():
        return None
    own = e.get("lang") or ""
    return own if own and own != lang else None


# ---------------------------------------------------------------- slides
def chips(names: list[str], colors: dict[str, str]) -> list[tuple[str, str]]:
    return [(n, colors.get(n, OTHER)) for n in names]


def event_slide(e: dict, colors: dict[str, str], lang: str = DEFAULT) -> dict:
    """Everything one event's slide shows, as plain data."""
    return {"kind": "event", "id": e.get("id"), "date": slide_date(e, lang),
            "date_text": str(e.get("date_text") or ""),
            "headline": _cut(e.get("title") or "", HEADLINE_CHARS),
            "summary": summary_adds(e.get("title") or "", e.get("summary") or ""),
            "chips": chips(list(e.get("characters") or []), colors),
            "quote": pick_quote(e, lang), "text_lang": text_lang(e, lang),
            "notes": str(e.get("notes") or "") if isinstance(e.get("notes"), str) else "",
            "image": str(e.get("image") or "") if isinstance(e.get("image"), str) else "",
            "edited": bool(e.get("edited"))}


def title_slide(events: pd.DataFrame, title: str, cast: list[str], colors: dict[str, str],
                lang: str = DEFAULT, who: list[str] | None = None) -> dict:
    """The opening slide: the story, its cast with their colours (those taking part in `events`), the span
    of its dates, how many events follow; `who` names the characters whose story is told."""
    present = {c for cs in events["characters"] for c in cs} if len(events) else set()
    names = [c for c in cast if c in present][:TITLE_CAST]
    return {"kind": "title", "title": " ".join(str(title).split()) or "Storyline",
            "span": span_label(events, lang), "n": int(len(events)), "chips": chips(names, colors),
            "who": list(who or [])}


def _esc(s: Any) -> str:
    """Story text as HTML text: entities decoded first (so "&amp;" shows as "&"), then escaped."""
    return html.escape(html.unescape(str(s)), quote=True)


def _chip_html(name: str, color: str) -> str:
    return (f'<span class="sl-chip"><span class="sl-dot" style="background:{color}"></span>'
            f"{_esc(name)}</span>")


def safe_image(url: str) -> str:
    """Only http(s) images are shown (no javascript:, no data: blobs from an edit file)."""
    url = str(url or "").strip()
    return url if re.match(r"^https?://[^\s\"'<>]+$", url) else ""


SLIDE_CSS = """<style>
.sl-slide{font-family:"Source Sans Pro",sans-serif;color:#111;
  display:flex;gap:28px;align-items:flex-start}
.sl-main{flex:1 1 auto;min-width:0}
.sl-date{font-size:clamp(26px,2.35vw,46px);font-weight:700;color:#0b4f8a;margin:0 0 2px}
.sl-datetext{font-size:clamp(17px,1.33vw,26px);color:#444;font-style:italic;margin-left:10px;font-weight:400}
.sl-head{font-size:clamp(28px,2.66vw,52px);line-height:1.18;font-weight:700;margin:4px 0 10px}
.sl-sum{font-size:clamp(20px,1.72vw,33px);line-height:1.3;margin:0 0 10px;color:#222}
.sl-chips{margin:4px 0 10px}
.sl-chip{display:inline-block;font-size:clamp(18px,1.48vw,28px);border:1px solid #bbb;border-radius:16px;padding:2px 12px 2px 8px;
  margin:0 8px 6px 0;background:#fafafa}
.sl-dot{display:inline-block;width:14px;height:14px;border-radius:7px;margin-right:7px;vertical-align:-1px}
.sl-quote{font-size:clamp(18px,1.48vw,28px);line-height:1.32;border-left:5px solid #999;padding:2px 0 2px 14px;color:#222;margin:6px 0}
.sl-lang{font-size:clamp(16px,1.25vw,24px);font-weight:700;color:#fff;background:#555;border-radius:4px;padding:1px 7px;margin-left:6px}
.sl-notes{font-size:clamp(18px,1.48vw,28px);line-height:1.3;background:#fff7d6;border:1px solid #e6cf73;border-radius:6px;padding:6px 12px;margin:8px 0}
.sl-img{flex:0 0 34%;max-width:34%}
.sl-img img{max-width:100%;max-height:calc(100vh - 340px);border-radius:6px;object-fit:contain}
.sl-title{font-size:clamp(38px,3.6vw,70px);font-weight:700;line-height:1.15;margin:10px 0 6px}
.sl-span{font-size:clamp(24px,2.2vw,42px);color:#0b4f8a;font-weight:600;margin:0 0 14px}
.sl-count{font-size:clamp(19px,1.56vw,30px);color:#333;margin:0 0 10px}
</style>"""


def slide_html(slide: dict, lang: str = DEFAULT) -> str:
    """One slide as HTML (all story text escaped); the CSS is constant."""
    if slide["kind"] == "title":
        who = (f'<div class="sl-count">{_esc(t_or("p.story_of", "The story of {who}", lang).format(who=", ".join(slide["who"])))}</div>'
               if slide.get("who") else "")
        body = (f'<div class="sl-title">{_esc(slide["title"])}</div>'
                + (f'<div class="sl-span">{_esc(slide["span"])}</div>' if slide["span"] else "")
                + who
                + f'<div class="sl-count">{_esc(t_or("p.events", "{n} events", lang).format(n=slide["n"]))}</div>'
                + f'<div class="sl-chips">{"".join(_chip_html(n, c) for n, c in slide["chips"])}</div>')
        return f'{SLIDE_CSS}<div class="sl-slide" data-slide="title"><div class="sl-main">{body}</div></div>'
    parts = [f'<div class="sl-date">{_esc(slide["date"])}'
             + (f'<span class="sl-datetext">“{_esc(_cut(slide["date_text"], 60))}”</span>' if slide["date_text"] else "")
             + "</div>",
             f'<div class="sl-head">{_esc(slide["headline"])}'
             + (f'<span class="sl-lang" title="language">{_esc(text.lang_name(slide["text_lang"], lang))}</span>'
                if slide.get("text_lang") else "")
             + (f' <span class="sl-lang" style="background:#8a5a00">✎</span>' if slide.get("edited") else "")
             + "</div>"]
    if slide["summary"]:
        parts.append(f'<div class="sl-sum">{_esc(slide["summary"])}</div>')
    if slide["chips"]:
        parts.append(f'<div class="sl-chips">{"".join(_chip_html(n, c) for n, c in slide["chips"])}</div>')
    q = slide.get("quote")
    if q:
        parts.append(f'<div class="sl-quote">“{_esc(q["text"])}”<span class="sl-lang">'
                     f'{_esc(text.lang_name(q["lang"], lang))}</span></div>')
    if slide.get("notes"):
        parts.append(f'<div class="sl-notes">{_esc(_cut(slide["notes"], 300))}</div>')
    img = safe_image(slide.get("image", ""))
    side = f'<div class="sl-img"><img src="{_esc(img)}" alt=""></div>' if img else ""
    return (f'{SLIDE_CSS}<div class="sl-slide" data-slide="{_esc(slide.get("id") or "")}">'
            f'<div class="sl-main">{"".join(parts)}</div>{side}</div>')


# ---------------------------------------------------------------- navigation strip
def strip_positions(events: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray, bool]:
    """(x, lo, hi, dated): x per event on a real time axis (ns) — its date, an interval's middle, or for
    an undated event a place between its dated neighbours in story order; lo/hi the interval ends
    (NaN for point dates). Without any date, x is the story order and `dated` is False."""
    n = len(events)
    lo = np.full(n, np.nan)
    hi = np.full(n, np.nan)
    x = np.full(n, np.nan)
    dts = events["_dt"] if "_dt" in events.columns else pd.Series([pd.NaT] * n)
    prec = events["date_precision"].tolist() if "date_precision" in events.columns else [None] * n
    dfrom = events["date_from"].tolist() if "date_from" in events.columns else [None] * n
    dto = events["date_to"].tolist() if "date_to" in events.columns else [None] * n
    for i, (d, p, a, b) in enumerate(zip(dts, prec, dfrom, dto)):
        if p == "interval":
            a_iso, b_iso = _bound_iso(a), _bound_iso(b, end=True)
            ta = pd.to_datetime(a_iso, errors="coerce") if a_iso else pd.NaT
            tb = pd.to_datetime(b_iso, errors="coerce") if b_iso else pd.NaT
            if pd.notna(ta):
                lo[i] = ta.value
            if pd.notna(tb):
                hi[i] = tb.value
            if pd.notna(ta) and pd.notna(tb):
                x[i] = (ta.value + tb.value) / 2
            continue
        if pd.notna(d):
            x[i] = pd.Timestamp(d).value
    if np.isnan(x).all() and np.isnan(lo).all() and np.isnan(hi).all():
        return np.arange(1, n + 1, dtype=float), lo, hi, False
    s = pd.Series(x)
    # open intervals sit at their known end; the rest between dated neighbours
    s = s.where(s.notna(), pd.Series(np.where(np.isnan(lo), hi, lo)))
    s = s.interpolate(limit_direction="both")
    return s.to_numpy(dtype=float), lo, hi, True


MAX_TICKS = 10


def date_ticks(lo: pd.Timestamp, hi: pd.Timestamp, lang: str = DEFAULT) -> dict:
    """The strip's date labels in the interface language ("ene 1933", not Plotly's English "Jan 1933"): whole
    years, or months every 1, 2, 3 or 6 when the strip spans a few years; at most MAX_TICKS."""
    lo, hi = pd.Timestamp(lo), pd.Timestamp(hi)
    months = (hi.year - lo.year) * 12 + hi.month - lo.month
    step = next((k for k in (1, 2, 3, 6) if months / k <= MAX_TICKS), None)
    if step is None:
        years = max(1, hi.year - lo.year)
        ystep = next(k for k in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000, 10**6) if years / k <= MAX_TICKS)
        vals = [pd.Timestamp(year=y, month=1, day=1) for y in range((lo.year // ystep + 1) * ystep, hi.year + 1, ystep)]
        return {"tickmode": "array", "tickvals": vals, "ticktext": [str(v.year) for v in vals]}
    short = t_list("months_short", lang)
    first = pd.Timestamp(year=lo.year, month=1, day=1)
    vals = [v for v in (first + pd.DateOffset(months=k) for k in range(0, months + 13, step)) if lo <= v <= hi]
    return {"tickmode": "array", "tickvals": vals,
            "ticktext": [str(v.year) if v.month == 1 and step >= 6 else f"{short[v.month - 1]} {v.year}" for v in vals]}


def nav_strip(events: pd.DataFrame, current: str | None, colors: dict[str, str], cast: list[str],
              lang: str = DEFAULT, height: int = 150, reveal_upto: str | None = None) -> go.Figure:
    """The strip under a slide: x scaled to real time with date labels (story order when nothing is
    dated), one legend entry per leading character, intervals as bars, the current event ringed and
    labelled with its date. Events after `reveal_upto` are drawn faint (what is still to come)."""
    fig = go.Figure()
    n = len(events)
    if n == 0:
        return fig
    x, lo, hi, dated = strip_positions(events)
    ids = events["id"].tolist()
    cur = ids.index(current) if current in ids else -1
    upto = ids.index(reveal_upto) if reveal_upto in ids else n - 1
    lead = [cs[0] if len(cs) else "" for cs in events["characters"]]
    order = [c for c in cast if c in set(lead)][:STRIP_LEGEND]
    group = [c if c in order else "" for c in lead]
    xv = pd.to_datetime(x, unit="ns") if dated else x
    # interval bars first, under the dots
    for i in range(n):
        if not (np.isnan(lo[i]) and np.isnan(hi[i])):
            a = lo[i] if not np.isnan(lo[i]) else x[i]
            b = hi[i] if not np.isnan(hi[i]) else x[i]
            fig.add_trace(go.Scatter(x=pd.to_datetime([a, b], unit="ns"), y=[0, 0], mode="lines",
                                     line={"width": 9, "color": colors.get(lead[i], OTHER)},
                                     opacity=0.35 if i <= upto else 0.12, hoverinfo="skip", showlegend=False))
    status = events["_status"].tolist() if "_status" in events.columns else ["exact"] * n
    for g in order + [""]:
        idx = [i for i in range(n) if group[i] == g]
        if not idx:
            continue
        name = g or t_or("tl.others", "others", lang)
        sym = ["circle" if status[i] == "exact" else "circle-open" for i in idx]
        color = colors.get(g, OTHER)
        # the legend entry: a filled dot in the character's colour (the dots themselves may be hollow)
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=name, legendgroup=name,
                                 marker={"size": 14, "color": color, "symbol": "circle"}, hoverinfo="skip"))
        fig.add_trace(go.Scatter(
            x=[xv[i] for i in idx], y=[0] * len(idx), mode="markers", name=name, customdata=[ids[i] for i in idx],
            legendgroup=name, showlegend=False,
            marker={"size": 15, "color": colors.get(g, OTHER), "symbol": sym, "line": {"width": 2, "color": colors.get(g, OTHER)},
                    "opacity": [1.0 if i <= upto else 0.25 for i in idx]},
            hovertext=[_esc(events["title"].iloc[i]) for i in idx], hoverinfo="text"))
    if cur >= 0:
        e = events.iloc[cur].to_dict()
        fig.add_trace(go.Scatter(x=[xv[cur]], y=[0], mode="markers", showlegend=False, hoverinfo="skip",
                                 marker={"size": 30, "color": "rgba(0,0,0,0)", "line": {"width": 4, "color": "#111"}},
                                 name="current"))
        fig.add_annotation(x=xv[cur], y=0, yshift=26, text=f"<b>{_esc(slide_date(e, lang))}</b>",
                           showarrow=False, font={"size": 17, "color": "#111"}, bgcolor="rgba(255,255,255,0.85)")
    xaxis: dict = {"showgrid": True, "gridcolor": "#e5e5e5", "tickfont": {"size": 16}, "zeroline": False,
                   "fixedrange": True}
    if dated:
        xaxis["type"] = "date"
        span = float(np.nanmax(x) - np.nanmin(x)) or 1.0
        pad = span * 0.04 + 86_400e9
        xaxis["range"] = list(pd.to_datetime([np.nanmin(x) - pad, np.nanmax(x) + pad], unit="ns"))
        xaxis.update(date_ticks(xaxis["range"][0], xaxis["range"][1], lang))
    else:
        xaxis.update(range=[0.3, n + 0.7], tickprefix="#", title=None)
    fig.update_layout(
        height=height, margin={"l": 20, "r": 20, "t": 36, "b": 34}, plot_bgcolor="white", paper_bgcolor="white",
        xaxis=xaxis, yaxis={"visible": False, "range": [-1, 1.2], "fixedrange": True},
        legend={"orientation": "h", "x": 0, "y": 1.32, "xanchor": "left", "yanchor": "top", "font": {"size": 15}},
        hovermode="closest", meta={"dated": dated, "current": current})
    return fig
