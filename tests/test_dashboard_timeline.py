"""The timeline figure builder: modes, lanes, markers, labels, colours, escaping."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from dashboard import data, filters as flt, timeline
from dashboard.palette import PALETTE, character_colors
from conftest import SAMPLE

STORY = data.load_folder(SAMPLE)
CAST = data.cast_order(STORY.events, STORY.characters)
COLORS = character_colors(CAST)
SHOWN = flt.apply(STORY.events, flt.Filters())


def build(events=SHOWN, **kw):
    return timeline.build_timeline(events, cast=CAST, colors=COLORS, **kw)


def trace(fig, name):
    return next(t for t in fig.data if t.name == name)


class Markers:
    """Every marker of the "events" traces, flattened (they are split by symbol)."""
    def __init__(self, fig):
        ts = [t for t in fig.data if t.name == "events"]
        self.customdata = [i for t in ts for i in t.customdata]
        self.y = [y for t in ts for y in t.y]
        self.x = [x for t in ts for x in t.x]
        self.hovertext = [h for t in ts for h in t.hovertext]
        self.symbol = [t.marker.symbol for t in ts for _ in t.customdata]
        self.color = [c for t in ts for c in timeline.marker_colors(t)]
        self.size = ts[0].marker.size


@pytest.mark.parametrize("mode", list(timeline.X_MODES))
def test_every_event_is_drawn_as_markers_never_bars(mode):
    fig = build(x_mode=mode)
    assert {t.type for t in fig.data} == {"scatter"}
    assert {t.mode for t in fig.data if t.name == "events"} == {"markers"}
    ev = Markers(fig)
    assert set(ev.customdata) == set(SHOWN["id"])


def test_sequence_is_evenly_spaced_by_story_order():
    xs, placed = timeline.positions(SHOWN, "sequence")
    assert sorted(xs) == list(range(1, len(SHOWN) + 1))
    assert list(xs) == sorted(xs)                   # SHOWN is in story order
    assert not placed.any()


def test_told_follows_first_telling():
    xs, _ = timeline.positions(SHOWN, "told")
    assert list(SHOWN["told"].rank().to_numpy()[np.argsort(xs)]) == sorted(SHOWN["told"].rank())


def test_chronological_places_undated_between_dated_neighbours():
    xs, placed = timeline.positions(SHOWN, "chronological")
    df = SHOWN.assign(x=xs, placed=placed)
    assert df.loc[df["_dt"].isna(), "placed"].all() and not df.loc[df["_dt"].notna(), "placed"].any()
    # "Mayor Vitale accuses..." (undated, order 12) sits between order 11 (summer 1962) and 13 (1963)
    x = dict(zip(df["order"], df["x"]))
    assert x[11] < x[12] < x[13]
    fig = build(x_mode="chronological")
    assert fig.layout.xaxis.type in (None, "date") or isinstance(Markers(fig).x[0], str)
    hover = dict(zip(Markers(fig).customdata, Markers(fig).hovertext))
    assert "placed between dated neighbours" in hover["e012"]


def test_character_lanes_repeat_shared_events_joined_by_a_line():
    fig = build(lane_mode="character")
    ev = Markers(fig)
    ids = list(ev.customdata)
    three = SHOWN[SHOWN["characters"].map(len) == 3].iloc[0]
    assert ids.count(three["id"]) == 3
    ys = {y for i, y in zip(ids, ev.y) if i == three["id"]}
    assert len(ys) == 3
    conn = trace(fig, "shared event")
    assert conn.mode == "lines" and conn.line.width <= 1.5
    assert fig.layout.meta["lanes"][0] == CAST[0]      # most mentioned character on top


def test_category_lanes():
    fig = build(lane_mode="category")
    assert set(fig.layout.meta["lanes"]) == set(SHOWN["category"])
    assert len(Markers(fig).customdata) == len(SHOWN)


def test_approximate_dates_are_hollow_and_undated_are_diamonds():
    ev = Markers(build())
    symbol = dict(zip(ev.customdata, ev.symbol))
    status = dict(zip(SHOWN["id"], SHOWN["_status"]))
    assert symbol["e004"] == "circle" and status["e004"] == "exact"          # 3 March 1962, stated
    assert symbol["e009"] == "circle-open"                                  # "The next day"
    assert symbol["e010"] == "circle-open"                                  # season precision
    assert symbol["e012"] == "diamond-open"                                 # undated
    assert {symbol[i] for i, s in status.items() if s == "approx"} == {"circle-open"}


def test_hover_marks_approximate_with_date_text():
    ev = Markers(build())
    hover = dict(zip(ev.customdata, ev.hovertext))
    assert "≈ 2 May 1962" in hover["e009"] and "The next day" in hover["e009"]
    assert "≈" not in hover["e004"].split("<br>")[1]


def lane_colours(fig) -> dict[str, set[str]]:
    lane_at = dict(zip(fig.layout.yaxis.tickvals, fig.layout.meta["lanes"]))
    m = Markers(fig)
    out: dict[str, set[str]] = {}
    for y, c in zip(m.y, m.color):
        out.setdefault(lane_at[y], set()).add(c)
    return out


def test_colours_are_fixed_per_character_under_filters():
    only_dario = flt.apply(STORY.events, flt.Filters(chars=("Dario Conti",)))
    full, part = lane_colours(build()), lane_colours(build(only_dario))
    for lanes in (full, part):
        for name, cols in lanes.items():
            assert cols == {COLORS[name]}, name          # one colour per character, the same everywhere
    assert part["Dario Conti"] == full["Dario Conti"]
    assert COLORS == character_colors(data.cast_order(STORY.events, STORY.characters))
    assert len(set(COLORS.values())) == len(COLORS) and set(COLORS.values()) <= set(PALETTE)
    assert COLORS[CAST[0]] == PALETTE[0]                  # rule: most mentioned gets the first colour


def test_headlines_do_not_overlap_and_long_ones_are_truncated():
    fig = build()
    heads = [t for t in fig.data if t.name == "headlines"]
    texts = [x for t in heads for x in t.text]
    assert len(texts) == len(SHOWN) and fig.layout.meta["hidden_labels"] == 0
    long_title = SHOWN.loc[SHOWN["title"].str.len().idxmax(), "title"]
    assert any(x.endswith("…") for x in texts) and long_title not in texts
    hovers = [h for t in heads for h in t.hovertext]
    assert any(long_title in h for h in hovers)     # the full headline stays in the hover
    ys = [y for t in heads for y in t.y]
    assert len(set(ys)) > 1                          # staggered rows


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 700), st.floats(20, 400)), min_size=1, max_size=60))
def test_packed_labels_never_overlap(items):
    px = np.array([a for a, _ in items])
    w = np.array([b for _, b in items])
    rows, left = timeline.pack_labels(px, w, 720, 40)
    spans = [((p - wi, p) if lf else (p, p + wi), r) for p, wi, r, lf in zip(px, w, rows, left) if r >= 0]
    for r in set(rows[rows >= 0]):
        iv = sorted(s for s, rr in spans if rr == r)
        assert all(a[1] < b[0] for a, b in zip(iv, iv[1:]))


def test_text_is_html_escaped():
    evil = SHOWN.copy()
    evil.loc[evil.index[0], "title"] = "<b>bold</b> <script>x</script>"
    evil.loc[evil.index[0], "characters"] = ["<i>Eve</i>"]
    fig = timeline.build_timeline(evil, cast=CAST, colors=COLORS, lane_mode="character")
    js = fig.to_json()
    assert "<script>" not in js and "<i>Eve" not in js and "<b>bold" not in js
    assert "&lt;script&gt;" in js


def test_presentation_reveals_up_to_current_and_highlights_it():
    cur = SHOWN["id"].iloc[4]
    fig = build(lane_mode="none", highlight=cur, reveal_upto=cur, label_last=3)
    assert set(Markers(fig).customdata) == set(SHOWN["id"].iloc[:5])
    assert trace(fig, "current").marker.size > Markers(fig).size
    assert sum(len(t.text) for t in fig.data if t.name == "headlines") == 3


def test_year_bands_for_runs_of_years():
    fig = build(eras=True)
    labels = {a.text for a in fig.layout.annotations}
    assert {"1960", "1962", "1963"} <= labels
    assert not build(eras=False).layout.annotations


def test_empty_selection_gives_a_message_figure():
    fig = build(SHOWN.iloc[:0])
    assert "No events" in fig.layout.annotations[0].text


def test_many_events_skip_headlines():
    big = data.synthetic(300)
    fig = timeline.build_timeline(big.events, cast=data.cast_order(big.events, big.characters))
    assert not [t for t in fig.data if t.name == "headlines"]
    assert len(set(Markers(fig).customdata)) == 300


def test_sequence_ticks_name_the_story_order_not_the_rank():
    luca = flt.apply(STORY.events, flt.Filters(chars=("Luca Bellini",)))
    fig = build(luca)
    assert list(fig.layout.xaxis.ticktext) == [f"#{o}" for o in luca["order"]]
