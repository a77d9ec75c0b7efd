"""Sidebar filters change what the timeline draws, and live in the URL."""
from __future__ import annotations

import json
import re

import pytest

from conftest import SAMPLE, qp

EVENTS = json.loads((SAMPLE / "events.json").read_text(encoding="utf-8"))
BY_ID = {e["id"]: e for e in EVENTS}


def story_ids(pred) -> set[str]:
    return {e["id"] for e in EVENTS if e["kind"] == "story" and pred(e)}


def test_one_character_leaves_only_their_events(app, chart):
    app.multiselect(key="f_chars").select("Luca Bellini").run()
    ids = set(chart.event_ids(app))
    assert ids == story_ids(lambda e: "Luca Bellini" in e["characters"])
    assert all("Luca Bellini" in BY_ID[i]["characters"] for i in ids)
    assert qp(app, "char") == ["Luca Bellini"]


@pytest.mark.parametrize("match, expected", [
    ("any", story_ids(lambda e: {"Marta Bellini", "Mayor Vitale"} & set(e["characters"]))),
    ("all", story_ids(lambda e: {"Marta Bellini", "Mayor Vitale"} <= set(e["characters"]))),
])
def test_match_any_or_all(app, chart, match, expected):
    app.multiselect(key="f_chars").select("Marta Bellini").select("Mayor Vitale")
    app.radio(key="f_match").set_value(match).run()
    assert set(chart.event_ids(app)) == expected
    assert len(expected) >= 1


@pytest.mark.parametrize("lang, query, expected", [
    ("en", "pendulum", {"e007", "e013", "e014"}),
    ("es", "TORRE", {"e021"}),            # only in the Spanish source text
    ("it", "campanile", {"e001", "e005", "e016"}),
    ("es", "Turín", {"e010"}),            # accent-insensitive: matches "Turin" in English
])
def test_search_titles_summaries_and_sources(app, chart, lang, query, expected):
    app.text_input(key="f_q").input(query).run()
    assert set(chart.event_ids(app)) == expected
    assert qp(app, "q") == [query]


def test_kind_filter_reveals_reception(app, chart):
    app.multiselect(key="f_kinds").select("reception").run()
    kinds = {BY_ID[i]["kind"] for i in chart.event_ids(app)}
    assert kinds == {"story", "reception"}


def test_source_language_filter(app, chart):
    app.multiselect(key="f_langs").select("es").run()
    ids = set(chart.event_ids(app))
    assert ids == story_ids(lambda e: any(s["lang"] == "es" for s in e["sources"]))


def test_url_reopens_the_same_view(sample_dir, make_app, chart):
    at = make_app(char=["Dario Conti", "Captain Rossi"], match="all", x="chronological", lanes="category")
    assert not at.exception
    assert at.multiselect(key="f_chars").value == ["Dario Conti", "Captain Rossi"]
    assert at.radio(key="x_mode").value == "chronological"
    assert set(chart.event_ids(at)) == story_ids(lambda e: {"Dario Conti", "Captain Rossi"} <= set(e["characters"]))


def test_unknown_values_in_url_are_ignored(sample_dir, make_app):
    at = make_app(char="Nobody", x="sideways", step="abc", view="nope")
    assert not at.exception
    assert at.multiselect(key="f_chars").value == []


def test_no_match_shows_message(app):
    app.text_input(key="f_q").input("zzzz-nothing").run()
    assert not app.exception
    assert any("No events match" in i.value for i in app.info)


def test_date_range_goes_into_the_url(app, chart):
    import datetime as dt
    app.date_input(key="f_dates").set_value((dt.date(1963, 1, 1), dt.date(1963, 12, 31))).run()
    assert "e012" in chart.event_ids(app)                     # undated events kept by default
    app.checkbox(key="f_undated").uncheck().run()
    assert set(chart.event_ids(app)) == story_ids(lambda e: (e["date"] or "").startswith("1963"))
    assert qp(app, "from") == ["1963-01-01"] and qp(app, "undated") == ["0"]


def test_clearing_every_kind_means_all_kinds(app, chart):
    app.multiselect(key="f_kinds").set_value([]).run()
    assert len(set(chart.event_ids(app))) == 30
    assert qp(app, "kind") == ["all"]


def test_dates_axis_to_scale_switches_to_a_time_axis(app, chart):
    """With dates, the rows view orders by date; "to scale" spaces events on a real time axis."""
    app.radio(key="x_mode").set_value("chronological").run()
    assert not app.exception
    rows = chart.figure(app)
    assert (rows["layout"].get("meta") or {}).get("layout") == "rows"
    app.toggle(key="to_scale").set_value(True).run()
    assert not app.exception
    x_range = chart.figure(app)["layout"]["xaxis"]["range"]
    assert all(re.match(r"^\d{4}-\d{2}-\d{2}", str(v)) for v in x_range), x_range
