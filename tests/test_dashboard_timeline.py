"""The timeline figure builder: modes, lanes, markers, labels, colours, escaping."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from dashboard import data, filters as flt, timeline
from dashboard.palette import PALETTE, character_colors
from conftest import SAMPLE

STORY = data.load_folder(SAMPLE)
CAST = data.cast_order(STORY.events, STORY.characters)
COLORS = character_colors(CAST)
SHOWN = flt.apply(STORY.events, flt.Filters())


STRIP = timeline.Style(layout="strip")


def build(events=SHOWN, **kw):
    return timeline.build_timeline(events, cast=CAST, colors=COLORS, **kw)


def strip(events=SHOWN, **kw):
    return build(events, style=STRIP, **kw)


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
    fig = strip(x_mode="chronological")
    assert fig.layout.xaxis.type in (None, "date") or isinstance(Markers(fig).x[0], str)
    hover = dict(zip(Markers(fig).customdata, Markers(fig).hovertext))
    assert "placed between dated neighbours" in hover["e012"]


@pytest.mark.parametrize("make, lane_axis", [(build, "x"), (strip, "y")], ids=["rows", "strip"])
def test_character_lanes_repeat_shared_events_joined_by_a_line(make, lane_axis):
    fig = make(lane_mode="character")
    ev = Markers(fig)
    ids = list(ev.customdata)
    three = SHOWN[SHOWN["characters"].map(len) == 3].iloc[0]
    assert ids.count(three["id"]) == 3
    lanes_hit = {p for i, p in zip(ids, getattr(ev, lane_axis)) if i == three["id"]}
    assert len(lanes_hit) == 3
    conn = trace(fig, "shared event")
    assert conn.mode == "lines" and conn.line.width <= 2
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
    m = Markers(fig)
    if fig.layout.meta.get("layout") == "rows":      # lanes are columns: x = the lane's pixel column
        pos, lane_at = m.x, dict(zip(fig.layout.xaxis.tickvals, fig.layout.meta["lanes"]))
    else:
        pos, lane_at = m.y, dict(zip(fig.layout.yaxis.tickvals, fig.layout.meta["lanes"]))
    out: dict[str, set[str]] = {}
    for p, c in zip(pos, m.color):
        out.setdefault(lane_at[p], set()).add(c)
    return out


@pytest.mark.parametrize("make", [build, strip], ids=["rows", "strip"])
def test_colours_are_fixed_per_character_under_filters(make):
    only_dario = flt.apply(STORY.events, flt.Filters(chars=("Dario Conti",)))
    full, part = lane_colours(make()), lane_colours(make(only_dario))
    for lanes in (full, part):
        for name, cols in lanes.items():
            if name in (timeline.OTHERS, timeline.NO_CHARACTER):
                continue                                  # the shared lanes take each event's lead colour
            assert cols == {COLORS[name]}, name          # one colour per character, the same everywhere
    assert part["Dario Conti"] == full["Dario Conti"]
    assert COLORS == character_colors(data.cast_order(STORY.events, STORY.characters))
    assert len(set(COLORS.values())) == len(COLORS) and set(COLORS.values()) <= set(PALETTE)
    assert COLORS[CAST[0]] == PALETTE[0]                  # rule: most mentioned gets the first colour


def test_strip_headlines_do_not_overlap_and_long_ones_are_truncated():
    fig = strip()
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
    fig = strip(eras=True)
    labels = {a.text for a in fig.layout.annotations}
    assert {"1960", "1962", "1963"} <= labels
    assert not strip(eras=False).layout.annotations


def test_empty_selection_gives_a_message_figure():
    fig = build(SHOWN.iloc[:0])
    assert "No events" in fig.layout.annotations[0].text


def test_many_events_in_the_strip_skip_headlines():
    big = data.synthetic(300)
    fig = timeline.build_timeline(big.events, cast=data.cast_order(big.events, big.characters), style=STRIP)
    assert not [t for t in fig.data if t.name == "headlines"]
    assert len(set(Markers(fig).customdata)) == 300


def test_sequence_ticks_name_the_story_order_not_the_rank():
    luca = flt.apply(STORY.events, flt.Filters(chars=("Luca Bellini",)))
    fig = strip(luca)
    assert list(fig.layout.xaxis.ticktext) == [f"#{o}" for o in luca["order"]]


# ---------------------------------------------------------------- one row per event (the reading view)
import re  # noqa: E402

TAG = re.compile(r"<[^>]+>")


def row_text(fig, name: str = "headlines") -> list[str]:
    """The text of every row (headlines, or the "#n · date" column: name="dates"), all pages, in row order."""
    return [x for t in fig.data if t.name == name for x in t.text]


def row_y(fig) -> list[float]:
    return [y for t in fig.data if t.name == "headlines" for y in t.y]


def plain(tick: str) -> list[str]:
    """The visible lines of a tick label (tags stripped, entities decoded)."""
    import html
    return [html.unescape(TAG.sub("", line)) for line in tick.split("<br>")]


def long_story(n: int = 34, n_chars: int = 14, title_len: int = 88):
    """n events with ~title_len-char headlines and n_chars characters: the bundled story's shape."""
    story = data.synthetic(n, n_chars=n_chars)
    words = "the boys launch another rocket while the town watches from the hill above the mine"
    titles = [(f"{k} " + words * 3)[:title_len].rstrip() for k in range(n)]
    ev = story.events.assign(title=titles, kind="story")
    return ev, data.cast_order(ev, story.characters)


def test_rows_are_the_default_and_follow_each_x_mode():
    for mode in timeline.X_MODES:
        fig = build(x_mode=mode)
        assert fig.layout.meta["layout"] == "rows"
        xs, _ = timeline.positions(SHOWN, mode)
        expect = SHOWN["id"].to_numpy()[np.argsort(xs, kind="stable")].tolist()
        assert list(fig.layout.meta["rows"]) == expect
        ys = row_y(fig)
        assert ys == sorted(ys, reverse=True)                  # first event at the top


@pytest.mark.parametrize("width_px, min_chars", [(800, 36), (1330, 90)])
def test_rows_show_whole_headlines_at_projector_widths(width_px, min_chars):
    ev, cast = long_story()
    fig = timeline.build_timeline(ev, cast=cast, colors=character_colors(cast),
                                  style=timeline.Style(width_px=width_px))
    assert fig.layout.meta["wrap"] >= min_chars
    titles = dict(zip(ev["id"], ev["title"]))
    for eid, tick in zip(fig.layout.meta["rows"], row_text(fig)):
        lines = plain(tick)
        assert " ".join(lines) == titles[eid]                   # 88 chars: never cut
        assert len(lines) <= timeline.MAX_LINES


def test_rows_fit_the_width_budget_and_never_overlap():
    ev, cast = long_story(title_len=300)                        # too long even for 3 lines
    style = timeline.Style()
    fig = timeline.build_timeline(ev, cast=cast, colors=character_colors(cast), style=style)
    meta = fig.layout.meta
    font = trace(fig, "headlines").textfont.size
    line_px = font * 1.3                                        # Plotly's line spacing
    n_lanes = len(meta["lanes"])
    budget = 800 - meta["date_px"] - n_lanes * meta["col_px"]
    assert meta["head_x"] >= meta["date_px"] + n_lanes * meta["col_px"]   # headlines start after the lanes
    spans = []
    for y, h, tick in zip(row_y(fig), meta["row_px"], row_text(fig)):
        lines = plain(tick)
        assert max(len(line) for line in lines) * font * timeline.CHAR_PX <= budget
        # the three lines are used (greedy wrap: each may end one word short of the width)
        assert lines[-1].endswith("…") and len(" ".join(lines)) >= 3 * meta["wrap"] - 24
        text_h = len(lines) * line_px
        assert text_h <= h                                      # the label fits in its own row
        spans.append((y - text_h / 2, y + text_h / 2))
    spans.sort()
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))  # no two labels overlap


def font_sizes(obj) -> list[float]:
    out = []
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k in ("font", "tickfont", "textfont") and isinstance(v, dict) and "size" in v:
                out.append(v["size"])
            out += font_sizes(v)
    elif isinstance(obj, list):
        for v in obj:
            out += font_sizes(v)
    return out


@pytest.mark.parametrize("lanes", list(timeline.LANE_MODES))
@pytest.mark.parametrize("layout", ["rows", "strip"])
def test_every_chart_text_is_at_least_14px(lanes, layout):
    fig = build(lane_mode=lanes, style=timeline.Style(layout=layout))
    sizes = font_sizes(fig.to_plotly_json())
    assert sizes and min(sizes) >= 14
    sub = re.findall(r"font-size:(\d+)px", fig.to_json())
    assert all(int(v) >= 14 for v in sub)


def test_rows_lane_names_are_column_headers_in_cast_order():
    fig = build()
    names = [plain(t)[0] for t in fig.layout.xaxis.ticktext]
    assert names == list(fig.layout.meta["lanes"]) and names[0] == CAST[0]
    xs = list(fig.layout.xaxis.tickvals)
    assert xs == sorted(xs) and len(set(xs)) == len(names)       # one column each, left to right


def test_rows_category_lanes_name_the_characters_under_the_headline():
    fig = build(lane_mode="category")
    assert set(fig.layout.meta["lanes"]) == set(SHOWN["category"])
    who = dict(zip(SHOWN["id"], SHOWN["characters"]))
    for eid, tick in zip(fig.layout.meta["rows"], row_text(fig)):
        if who[eid]:
            assert plain(tick)[-1].startswith(who[eid][0])


def test_rows_highlight_and_reveal():
    cur = SHOWN["id"].iloc[4]
    fig = build(highlight=cur, reveal_upto=cur)
    assert list(fig.layout.meta["rows"]) == SHOWN["id"].iloc[:5].tolist()
    assert set(Markers(fig).customdata) == set(SHOWN["id"].iloc[:5])
    assert trace(fig, "current").marker.size > Markers(fig).size
    k = list(fig.layout.meta["rows"]).index(cur)
    assert row_text(fig)[k].startswith("<b>")
    assert sum("<b>" in t for t in row_text(fig)) == 1


def test_rows_left_column_gives_story_number_and_short_date():
    fig = build()
    left = dict(zip(fig.layout.meta["rows"], row_text(fig, "dates")))
    assert plain(left["e004"]) == ["#4 · 3 Mar 1962"]      # one line: the column grows a little for it
    assert plain(left["e009"]) == ["#9 · ≈ 2 May 1962"]
    assert plain(left["e012"]) == ["#12 · no date"]
    narrow = build(style=timeline.Style(date_px=80))
    left = dict(zip(narrow.layout.meta["rows"], row_text(narrow, "dates")))
    assert plain(left["e009"]) == ["#9", "≈ 2 May 1962"]     # two lines when a one-line column would cost much
    assert plain(left["e004"]) == ["#4", "3 Mar 1962"]


def test_rows_mark_where_a_new_year_starts():
    fig = build(x_mode="chronological")
    years = SHOWN["_dt"].dt.year.dropna().nunique()
    assert fig.layout.meta["year_rules"] == years - 1
    assert build(x_mode="chronological", eras=False).layout.meta["year_rules"] == 0


def test_rows_are_clickable_markers_and_fixed_size_axes():
    fig = build()
    assert fig.layout.xaxis.fixedrange and fig.layout.yaxis.fixedrange
    assert fig.layout.clickmode == "event+select"
    assert fig.layout.height > 200 + 40 * len(SHOWN)            # grows with the events: the page scrolls


def test_long_stories_stay_rows_in_pages():
    ev, cast = long_story(n=2 * timeline.PAGE_ROWS + 1)
    fig = timeline.build_timeline(ev, cast=cast, style=timeline.Style(page_rows=timeline.PAGE_ROWS))
    assert fig.layout.meta["layout"] == "rows" and len(fig.layout.meta["pages"]) == 3
    assert fig.layout.meta["rows"] == fig.layout.meta["rows"][:2 * timeline.PAGE_ROWS + 1]


@pytest.mark.parametrize("text, width, lines", [
    ("a b c", 10, ["a b c"]),
    ("one two three four five", 9, ["one two", "three", "four five"]),
    ("x" * 25, 10, ["x" * 10, "x" * 10, "x" * 5]),
])
def test_wrap_lines(text, width, lines):
    assert timeline.wrap_lines(text, width) == lines


@settings(max_examples=80, deadline=None)
@given(st.text(min_size=0, max_size=200), st.integers(5, 80))
def test_wrapped_lines_respect_width_and_keep_the_start(text, width):
    lines = timeline.wrap_lines(text, width)
    assert 1 <= len(lines) <= timeline.MAX_LINES and all(len(x) <= width for x in lines)
    flat = " ".join(text.split())
    if not lines[-1].endswith("…"):
        assert " ".join(lines).replace(" ", "") == flat.replace(" ", "")


def test_rows_mark_edited_events_and_headlines_in_another_language():
    ev = SHOWN.copy()
    ev["edited"] = [i == 0 for i in range(len(ev))]
    ev["titles"] = [{"en": t} if i != 1 else {"it": t} for i, t in enumerate(ev["title"])]
    ev["lang"] = ["en" if i != 1 else "it" for i in range(len(ev))]
    fig = timeline.build_timeline(ev, lang="en")
    heads = dict(zip(fig.layout.meta["rows"], row_text(fig)))
    first, second, third = (heads[i] for i in ev["id"][:3])
    assert plain(first)[0].startswith("✎ ") and "✎" not in plain(third)[0]
    assert " ".join(plain(second)).endswith("[IT]") and "[" not in " ".join(plain(third))
    assert "[IT]" not in " ".join(plain(dict(zip(fig.layout.meta["rows"], row_text(timeline.build_timeline(
        ev, lang="it"))))[ev["id"][1]]))
