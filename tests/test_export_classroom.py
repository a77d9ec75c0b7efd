"""Exports a class can use: intervals and the teacher's notes in TimelineJS, a PNG as long as the story
with its title, an offline page whose character choice greys the other headlines too."""
from __future__ import annotations

import csv
import io
import struct

import pandas as pd
import pytest

from dashboard import data, export, timeline
from dashboard.palette import character_colors


def story(n: int = 4, **extra) -> pd.DataFrame:
    cast = ["Ilda Moro", "Piet Kaan"]
    rows = []
    for i in range(1, n + 1):
        rows.append({"id": f"e{i}", "title": f"Event number {i} happens at the mill", "summary": "",
                     "date": f"19{10 + i:02d}-01-01", "date_precision": "year", "date_text": "", "order": i,
                     "told": i, "kind": "story", "category": "other", "characters": [cast[i % 2]], "places": [],
                     "sources": [], "date_approx": False, "lang": "en"})
    rows[1].update(date=None, date_precision="interval", date_from="1914", date_to="1922-06")
    rows[2].update(date=None, date_precision="interval", date_from="1957-10", date_to=None)
    for k, v in extra.items():
        rows[0][k] = v
    return data.prepare(pd.DataFrame(rows)), cast


def test_timelinejs_gives_intervals_start_and_end_dates():
    ev, _ = story()
    doc = export.timelinejs_json(ev, title="The mill")
    by = {e["unique_id"]: e for e in doc["events"]}
    assert by["e2"]["start_date"]["year"] == 1914 and by["e2"]["end_date"] == {"year": 1922, "month": 6}
    assert by["e2"]["display_date"] == "between 1914 and June 1922"
    assert "end_date" not in by["e3"] and by["e3"]["display_date"] == "after October 1957"
    assert by["e3"]["start_date"] == {"year": 1957, "month": 10, "display_date": "after October 1957"}
    rows = list(csv.DictReader(io.StringIO(export.timelinejs_sheet_csv(ev))))
    assert (rows[2]["Year"], rows[2]["End Year"], rows[2]["End Month"]) == ("1914", "1922", "6")


def test_timelinejs_carries_the_teachers_notes_and_image():
    ev, _ = story(notes="Ask: <why> the mill?", image="https://example.org/mill.jpg")
    e1 = export.timelinejs_json(ev)["events"][0]
    assert e1["media"] == {"url": "https://example.org/mill.jpg"}
    assert "Teacher&#x27;s notes" in e1["text"]["text"] and "&lt;why&gt;" in e1["text"]["text"]
    ev2, _ = story(image="javascript:alert(1)")
    assert "media" not in export.timelinejs_json(ev2)["events"][0]
    assert export.timelinejs_sheet_csv(ev).splitlines()[2].count("https://example.org/mill.jpg") == 1


def rows_figure(n: int):
    """The timeline as the PNG export lays it out: for the 1280 px it is rendered at."""
    ev, cast = story(n)
    style = timeline.Style(plot_px=export.PNG_WIDTH - 100, width_px=export.PNG_WIDTH)
    return timeline.build_timeline(ev, cast=cast, colors=character_colors(cast), style=style), ev


def test_the_png_grows_with_the_events_and_carries_the_title():
    small, _ = rows_figure(6)
    big, _ = rows_figure(33)
    hs, hb = export.png_size(export.with_title(small, "The mill"))[1], export.png_size(export.with_title(big, "The mill"))[1]
    assert hb > hs + 27 * 30                        # every event gets a row of its own
    titled = export.with_title(big, "The <mill>")
    assert "The &lt;mill&gt;" in titled.layout.title.text
    assert titled.layout.margin.t == big.layout.margin.t + export.TITLE_PX   # its own band: overlaps nothing
    raw = export.png(titled)
    w, h = struct.unpack(">II", raw[16:24])
    assert (w, h) == (1280, hb)


def test_the_offline_page_greys_the_headlines_of_other_characters():
    fig, ev = rows_figure(8)
    page_fig = export.add_character_dropdown(export.with_title(fig, "The mill"), ev)
    menu = page_fig.layout.updatemenus[-1]
    pick = next(b for b in menu.buttons if b.label == "Piet Kaan")
    k = next(i for i, t in enumerate(page_fig.data) if t.name == "headlines")
    heads = pick.args[0]["text"][k]
    rows = page_fig.layout.meta["rows"]
    assert list(page_fig.data[k].customdata) == list(rows)
    chars = dict(zip(ev["id"], ev["characters"]))
    for eid, h in zip(rows, heads):
        assert ("#B4B4B4" in h) == ("Piet Kaan" not in chars[eid])
    dates = next(i for i, t in enumerate(page_fig.data) if t.name == "dates")
    assert pick.args[0]["text"][dates] == list(page_fig.data[dates].text)    # the date column stays
    everyone = menu.buttons[0].args[0]["text"][k]
    assert not any("#B4B4B4" in h for h in everyone)
    # the menu sits in the title band, above the lane names (paper y beyond the plot's top + lane header)
    plot_h = page_fig.layout.height - page_fig.layout.margin.t - page_fig.layout.margin.b
    head = page_fig.layout.meta["head_px"]
    assert menu.y > 1 + head / plot_h and menu.yanchor == "top"
