"""The reading view on a projector: headlines take the screen's width, long stories come in pages the
browser gets one at a time, the date column and the legend never collide with the rows."""
from __future__ import annotations

import html
import math
import re

import plotly.graph_objects as go
import pytest

from dashboard import appcss, data, filters as flt, pager, rows, timeline, viewport
from dashboard.palette import character_colors
from conftest import SAMPLE

STORY = data.load_folder(SAMPLE)
CAST = data.cast_order(STORY.events, STORY.characters)
COLORS = character_colors(CAST)
SHOWN = flt.apply(STORY.events, flt.Filters())
BIG = data.synthetic(1000)
BIG_CAST = data.cast_order(BIG.events, BIG.characters)
BIG_SHOWN = flt.apply(BIG.events, flt.Filters())

LAPTOP, PROJECTOR = 820, 1460      # the chart's width at 1280 and at 1920 px with the sidebar open


def build(events=SHOWN, width=LAPTOP, cast=CAST, **kw):
    """The timeline view as the app draws it: laid out for `width`, paged."""
    return timeline.build_timeline(events, cast=cast, colors=character_colors(cast),
                                   style=timeline.Style(width_px=width, page_rows=timeline.PAGE_ROWS), **kw)


def lines(text: str) -> list[str]:
    """The visible lines of a text item (tags stripped, entities decoded)."""
    return [html.unescape(re.sub(r"<[^>]+>", "", x)) for x in text.split("<br>")]


def row_text(fig, name="headlines"):
    return [x for t in fig.data if t.name == name for x in t.text]



@pytest.mark.parametrize("lanes", ["character", "category", "none"])
def test_headlines_get_the_width_of_a_wider_screen(lanes):
    narrow, wide = build(width=LAPTOP, lane_mode=lanes), build(width=PROJECTOR, lane_mode=lanes)
    assert wide.layout.meta["wrap"] >= 1.8 * narrow.layout.meta["wrap"]
    for fig, width in ((narrow, LAPTOP), (wide, PROJECTOR)):
        m = fig.layout.meta
        lanes_px = m["head_x"] - m["date_px"]
        assert lanes_px <= 0.36 * width               # the lanes take only what they need
        assert width - m["head_x"] >= 0.5 * width     # the headlines at least half the screen
        assert fig.layout.xaxis.range[1] == width - 2 * rows.SIDE_PX   # x is in the figure's pixels


def test_a_chosen_character_keeps_a_lane_when_not_everyone_fits():
    last = CAST[-1]
    few = flt.apply(STORY.events, flt.Filters(chars=(last,)))
    fig = build(few)
    assert last in fig.layout.meta["lanes"]
    assert len(build().layout.meta["lanes"]) <= rows.max_lanes_for(timeline.Style(width_px=LAPTOP)) + 2


def test_no_headline_runs_past_the_figure_and_none_overlaps():
    ev = SHOWN.assign(title=[f"{t} " * 4 for t in SHOWN["title"]])     # long enough to wrap everywhere
    for width in (LAPTOP, PROJECTOR):
        fig = build(ev, width=width, highlight=ev["id"].iloc[3])
        m = fig.layout.meta
        font = next(t for t in fig.data if t.name == "headlines").textfont.size
        for text in row_text(fig):
            bold = rows.BOLD_WIDER if "<b>" in text else 1.0
            for line in lines(text):
                assert m["head_x"] + len(line) * font * timeline.CHAR_PX * bold <= width - 2 * rows.SIDE_PX
        ys = [y for t in fig.data if t.name == "headlines" for y in t.y]
        spans = sorted((y - h / 2, y + h / 2) for y, h in zip(ys, m["row_px"]))
        assert all(a[1] <= b[0] + 1e-6 for a, b in zip(spans, spans[1:]))


def test_the_date_column_holds_the_longest_date():
    ev = SHOWN.copy()
    k = ev.index[2]
    ev.loc[k, ["date_precision", "date_from", "date_to"]] = ["interval", "1957-06-01", "1957-10-31"]
    fig = build(ev)
    m = fig.layout.meta
    dates = row_text(fig, "dates")
    assert any("between" in d for d in dates) and max(len(" ".join(lines(d))) for d in dates) > 34
    for d in dates:
        for line in lines(d):
            assert len(line) * (timeline.Style().font - 2) * rows.DATE_CHAR_PX <= m["date_px"] - 8 + 1e-6


def test_a_long_story_comes_in_pages_and_the_browser_gets_one():
    n = len(BIG_SHOWN)
    first = build(BIG_SHOWN, cast=BIG_CAST)
    m = first.layout.meta
    assert len(m["pages"]) == math.ceil(n / timeline.PAGE_ROWS) and m["page"] == 0 and m["n_rows"] == n
    seen = []
    for k in range(len(m["pages"])):
        fig = build(BIG_SHOWN, cast=BIG_CAST, page=k)
        a, b = m["pages"][k]
        assert fig.layout.meta["page"] == k and len(fig.layout.meta["rows"]) == b - a
        assert row_text(fig) and len(row_text(fig)) == b - a
        assert {i for t in fig.data if t.name == "events" for i in t.customdata} == set(fig.layout.meta["rows"])
        seen += fig.layout.meta["rows"]
    assert sorted(seen) == sorted(BIG_SHOWN["id"]) and len(seen) == n      # every event on exactly one page
    assert build(BIG_SHOWN, cast=BIG_CAST, page=999).layout.meta["page"] == len(m["pages"]) - 1


def test_the_page_shown_is_the_selected_events_unless_one_is_asked_for():
    order = [i for k in range(3) for i in build(BIG_SHOWN, cast=BIG_CAST, page=k).layout.meta["rows"]]
    pick = order[2 * timeline.PAGE_ROWS + 3]
    assert build(BIG_SHOWN, cast=BIG_CAST, highlight=pick).layout.meta["page"] == 2
    assert pager.page_of(BIG_SHOWN, "sequence", pick) == 2
    assert build(BIG_SHOWN, cast=BIG_CAST, highlight=pick, page=0).layout.meta["page"] == 0
    chrono = build(BIG_SHOWN, cast=BIG_CAST, x_mode="chronological", highlight=pick)
    assert pick in chrono.layout.meta["rows"]
    assert chrono.layout.meta["page"] == pager.page_of(BIG_SHOWN, "chronological", pick)


def test_exports_show_every_event_on_one_figure():
    fig = timeline.build_timeline(BIG_SHOWN, cast=BIG_CAST)        # what the PNG and the offline page get
    assert len(fig.layout.meta["pages"]) == 1 and len(row_text(fig)) == len(BIG_SHOWN)
    assert fig.layout.height > 20 * len(BIG_SHOWN)


def test_the_pager_names_the_events_of_each_page():
    names = pager.labels(836)
    assert len(names) == 17 and names[0] == "Events 1–50 of 836" and names[-1] == "Events 801–836 of 836"
    assert pager.labels(836, "es")[1] == "Eventos 51–100 de 836"
    assert len(pager.labels(timeline.PAGE_ROWS)) == 1


def test_what_the_browser_gets_does_not_grow_with_the_story():
    small = build(BIG_SHOWN.iloc[:timeline.PAGE_ROWS], cast=BIG_CAST)
    big = build(BIG_SHOWN, cast=BIG_CAST, page=3)
    assert len(big.data) <= len(small.data) + 2 <= 20
    pts = lambda f: sum(len(t.x) for t in f.data if t.x is not None)  # noqa: E731
    assert pts(big) <= 1.3 * pts(small)
    assert len(big.to_json()) <= 1.5 * len(small.to_json())
    assert big.layout.height <= 1.5 * small.layout.height
    # headlines and dates are text traces, never tick labels (Plotly measures each tick label's box)
    for fig in (small, big):
        assert not fig.layout.yaxis.showticklabels and "yaxis2" not in fig.to_plotly_json()["layout"]
        assert fig.layout.xaxis.automargin is False and not fig.layout.shapes


@pytest.mark.parametrize("x_mode", list(timeline.X_MODES))
@pytest.mark.parametrize("lanes", list(timeline.LANE_MODES))
def test_figures_are_valid_plotly(x_mode, lanes):
    """The builder skips plotly.py's validation for speed: every property must still be a valid one."""
    for ev, cast in ((SHOWN, CAST), (BIG_SHOWN.iloc[:120], BIG_CAST)):
        fig = build(ev, cast=cast, x_mode=x_mode, lane_mode=lanes, highlight=ev["id"].iloc[1])
        go.Figure(fig.to_dict())      # raises on any invalid property or value


def test_a_legend_that_does_not_fit_above_the_headlines_gets_a_band_of_its_own():
    fig = build(BIG_SHOWN.iloc[:60], cast=BIG_CAST, lane_mode="category")
    names = [t.name for t in fig.data if t.showlegend is not False]
    assert len(names) > 6
    assert fig.layout.legend.yref == "container" and fig.layout.legend.orientation == "h"
    per_line = max(1, int((LAPTOP - 2 * rows.SIDE_PX - 10) // fig.layout.legend.entrywidth))
    band = math.ceil(len(names) / per_line) * (timeline.Style().font + 8)
    assert fig.layout.margin.t >= band + fig.layout.meta["head_px"]
    few = build()           # three marker kinds fit beside the lane names
    assert few.layout.legend.yref == "paper" and few.layout.legend.x == few.layout.meta["head_x"] / (LAPTOP - 16)


def contrast(a: str, b: str) -> float:
    def lum(hex_: str) -> float:
        v = [int(hex_[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        v = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in v]
        return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_source_context_in_the_details_reads_on_a_projector():
    assert contrast(appcss.QUOTE_COLOR, "#FFFFFF") >= 7 and contrast(appcss.QUOTE_COLOR, "#F0F2F6") >= 7
    css = appcss.DETAILS_CSS
    assert ".st-key-details blockquote" in css and f"color:{appcss.QUOTE_COLOR}" in css
    assert "<" not in css.replace("<style>", "").replace("</style>", "")      # constant CSS, nothing else


@pytest.mark.parametrize("reported, laid_out", [(1460, 1460), ("1460", 1460), (None, 820), ("wide", 820),
                                                (12, 820), (99999, 820)])
def test_a_reported_width_is_used_only_when_sane(reported, laid_out):
    assert viewport.clamp(reported, 820) == laid_out
