"""How an interval event reads to a user: the timeline's date column, the details line, the table and
the exports say "after Oct 1957", "between 1914 and 1922", "before 1930" (in the interface language),
and never show the interval's first day as if the text had stated it."""
from __future__ import annotations

import csv
import io

import pytest

from dashboard import data, edits, export, text, timeline
from pipeline.schema import events_frame

BASE = {"summary": "", "date_text": "In October 1957", "kind": "story", "category": "other", "characters": [],
        "places": [], "sources": [], "date_approx": True, "lang": "en"}


def frame(rows: list[dict]):
    recs = [dict(BASE, id=f"e{i}", title=f"Event {i}", order=i, told=i, **r) for i, r in enumerate(rows, 1)]
    return data.prepare(events_frame(recs))


ROWS = [
    dict(date="1957-10-01", date_precision="month", date_approx=False),
    dict(date="1957-10-01", date_precision="interval", date_from="1957-10", date_to=None),
    dict(date="1914-01-01", date_precision="interval", date_from="1914", date_to="1922"),
    dict(date=None, date_precision="interval", date_from=None, date_to="1930"),
]

WORDS = {
    "en": ["Oct 1957", "after Oct 1957", "between 1914 and 1922", "before 1930"],
    "es": ["oct 1957", "después de oct 1957", "entre 1914 y 1922", "antes de 1930"],
    "it": ["ott 1957", "dopo ott 1957", "tra 1914 e 1922", "prima di 1930"],
}


@pytest.mark.parametrize("lang", WORDS)
def test_the_date_column_shows_intervals_in_the_interface_language(lang):
    df = frame(ROWS)
    assert [timeline.short_date(r, lang) for r in df.to_dict("records")] == WORDS[lang]
    assert text.table_frame(df, lang)["Date"].tolist() == ["1957-10-01"] + WORDS[lang][1:]


def test_details_line_and_hollow_markers():
    df = frame(ROWS + [dict(date="1909-01-01", date_precision="interval", date_from="1909", date_to="1918",
                            date_approx=False)])  # a span the sentence states is still no point: hollow
    recs = df.to_dict("records")
    assert text.date_line(recs[1]).startswith("after October 1957")
    assert "1957-10-01" not in text.date_line(recs[1])
    assert df["_status"].tolist() == ["exact", "approx", "approx", "undated", "approx"]


def test_timelinejs_starts_and_ends_at_the_bounds():
    doc = export.timelinejs_json(frame(ROWS))
    evs = doc["events"]
    assert {k: evs[1]["start_date"][k] for k in ("year", "month")} == {"year": 1957, "month": 10}
    assert "end_date" not in evs[1] and evs[1]["display_date"] == "after October 1957"
    assert (evs[2]["start_date"]["year"], evs[2]["end_date"]) == (1914, {"year": 1922})
    assert evs[2]["display_date"] == "between 1914 and 1922"
    assert evs[3]["display_date"] == "before 1930"
    sheet = list(csv.DictReader(io.StringIO(export.timelinejs_sheet_csv(frame(ROWS)))))
    row = next(r for r in sheet if r["Display Date"] == "between 1914 and 1922")
    assert (row["Year"], row["End Year"]) == ("1914", "1922")


def test_the_events_csv_carries_both_bounds():
    rows = list(csv.DictReader(io.StringIO(export.events_csv(frame(ROWS)))))
    assert [(r["date_from"], r["date_to"]) for r in rows] == [("", ""), ("1957-10", ""), ("1914", "1922"), ("", "1930")]


def test_a_date_the_user_states_replaces_the_interval():
    df = frame(ROWS)
    ev, _ = edits.apply(df, None, [{"op": "update", "id": "e3", "fields": {"date": "1918-05-02",
                                                                          "date_precision": "day"}}])
    r = ev.set_index("id").loc["e3"]
    assert (r["date"], r["date_precision"], r["date_from"], r["date_to"]) == ("1918-05-02", "day", None, None)
