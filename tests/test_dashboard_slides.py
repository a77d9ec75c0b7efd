"""The slideshow's pure builders: what a teacher sees on each slide and on the strip below it."""
from __future__ import annotations

import pandas as pd
import pytest

from dashboard import data, slides
from dashboard.palette import character_colors


def story(rows: list[dict]) -> pd.DataFrame:
    base = {"summary": "", "date": None, "date_precision": "unknown", "date_text": "", "kind": "story",
            "category": "other", "characters": [], "places": [], "sources": [], "date_approx": False, "lang": "en"}
    return data.prepare(pd.DataFrame([{**base, "id": f"e{i}", "order": i, "told": i, **r}
                                      for i, r in enumerate(rows, 1)]))


@pytest.mark.parametrize("title, summary, expected", [
    ("Ilda opens the bakery", "Ilda opens the bakery.", ""),                               # the same sentence
    ("Ilda opens the bakery", "Ilda opens the bakery. Her brother lends her the oven.", "Her brother lends her the oven."),
    ("Ilda opens the bakery on the square and hires…", "Ilda opens the bakery on the square and hires two boys.", ""),
    ("Ilda abre la panadería", "Su hermano le presta el horno.", "Su hermano le presta el horno."),
    ("Il ponte crolla", "«Il ponte crolla!» Tutti fuggono verso il fiume.", "Tutti fuggono verso il fiume."),
])
def test_the_summary_adds_to_the_headline_never_repeats_it(title, summary, expected):
    assert slides.summary_adds(title, summary) == expected


@pytest.mark.parametrize("row, lang, expected", [
    ({"date": "1957-10-04", "date_precision": "day"}, "en", "4 Oct 1957"),
    ({"date": "1957-01-01", "date_precision": "year"}, "en", "1957"),
    ({"date": "1957-01-01", "date_precision": "year", "date_approx": True}, "en", "≈ 1957"),
    ({"date": "1957-10-01", "date_precision": "interval", "date_from": "1957-10", "date_to": None}, "en", "after Oct 1957"),
    ({"date": None, "date_precision": "interval", "date_from": "1914", "date_to": "1922"}, "en", "between 1914 and 1922"),
    ({"date": None, "date_precision": "unknown"}, "en", "no date"),
])
def test_slide_dates_are_stated_or_honest_intervals(row, lang, expected):
    e = story([{"title": "Something happens", **row}]).iloc[0].to_dict()
    assert slides.slide_date(e, lang) == expected


def test_an_interval_is_never_shown_as_its_first_day():
    e = story([{"title": "They marry", "date": "1914-01-01", "date_precision": "interval",
                "date_from": "1914", "date_to": "1922"}]).iloc[0].to_dict()
    assert "1 Jan" not in slides.slide_date(e) and "1914" in slides.slide_date(e)


def test_the_quote_is_in_the_interface_language_when_a_source_tells_it():
    srcs = [{"doc": "a", "lang": "it", "start": 0, "end": 5, "text": "Il ponte crolla."},
            {"doc": "b", "lang": "es", "start": 0, "end": 5, "text": "El puente se derrumba."}]
    e = {"title": "Il ponte crolla", "sources": srcs, "lang": "it",
         "titles": {"it": "Il ponte crolla", "es": "El puente se derrumba"}}
    assert slides.pick_quote(e, "es")["lang"] == "es"
    assert slides.pick_quote(e, "en")["lang"] == "it"         # nothing in English: the first, marked
    assert slides.text_lang(e, "en") == "it" and slides.text_lang(e, "es") is None
    assert slides.text_lang({**e, "titles": None}, "en") is None   # not known: not claimed


def test_story_text_on_a_slide_is_text_never_markup():
    ev = story([{"title": "<script>alert(1)</script> **bold**", "summary": "<b>x</b> y.",
                 "characters": ["<i>Eve</i>"], "notes": "<img src=x onerror=alert(1)>",
                 "image": "javascript:alert(1)",
                 "sources": [{"doc": "d", "lang": "en", "start": 0, "end": 3, "text": "<svg onload=x>"}]}])
    html = slides.slide_html(slides.event_slide(ev.iloc[0].to_dict(), {"<i>Eve</i>": "#0072B2"}))
    body = html.split("</style>", 1)[1]
    for bad in ("<script", "<b>", "<i>", "<img src=x", "<svg", "javascript:"):
        assert bad not in body
    assert "&lt;script&gt;" in body and "**bold**" in body


def test_a_slide_shows_who_takes_part_in_their_fixed_colours_and_the_teachers_notes():
    colors = character_colors(["Ilda Moro", "Piet Kaan"])
    e = story([{"title": "Piet arrives", "characters": ["Piet Kaan"], "notes": "Compare with chapter 2.",
                "image": "https://example.org/piet.jpg"}]).iloc[0].to_dict()
    s = slides.event_slide(e, colors)
    assert s["chips"] == [("Piet Kaan", colors["Piet Kaan"])]
    html = slides.slide_html(s)
    assert "Compare with chapter 2." in html and 'src="https://example.org/piet.jpg"' in html


def test_the_title_slide_has_the_story_its_cast_and_its_span():
    ev = story([{"title": "A", "date": "1957-10-04", "date_precision": "day", "characters": ["Ilda Moro"]},
                {"title": "B", "date": "1960-06-01", "date_precision": "month", "characters": ["Piet Kaan"]},
                {"title": "C"}])
    cast = ["Ilda Moro", "Piet Kaan", "Nobody Here"]
    s = slides.title_slide(ev, "The <Bakery>", cast, character_colors(cast))
    assert s["span"] == "4 Oct 1957 – Jun 1960"
    assert [n for n, _ in s["chips"]] == ["Ilda Moro", "Piet Kaan"]      # only who takes part
    assert "The &lt;Bakery&gt;" in slides.slide_html(s)


def test_the_strip_is_scaled_to_time_with_dates_a_legend_and_the_current_event():
    ev = story([{"title": "A", "date": "1950-01-01", "date_precision": "year", "characters": ["Ilda Moro"]},
                {"title": "B", "characters": ["Piet Kaan"]},
                {"title": "C", "date": "1960-01-01", "date_precision": "year", "characters": ["Ilda Moro"]},
                {"title": "D", "date": None, "date_precision": "interval", "date_from": "1961", "date_to": "1963",
                 "characters": ["Piet Kaan"]}])
    cast = ["Ilda Moro", "Piet Kaan"]
    fig = slides.nav_strip(ev, "e3", character_colors(cast), cast)
    assert fig.layout.xaxis.type == "date" and fig.layout.meta["dated"]
    x, lo, hi, _ = slides.strip_positions(ev)
    assert x[0] < x[1] < x[2] < x[3]                       # the undated event sits between its neighbours
    assert lo[3] < x[3] < hi[3]                            # the interval is a range around its dot
    legend = [tr.name for tr in fig.data if tr.showlegend is not False and tr.mode == "markers"]
    assert legend[:2] == cast
    assert any("1960" in a.text for a in fig.layout.annotations)   # the current event's date is labelled
    bars = [tr for tr in fig.data if tr.mode == "lines"]
    assert len(bars) == 1


def test_a_story_without_dates_gets_a_strip_in_story_order():
    ev = story([{"title": "A"}, {"title": "B"}])
    fig = slides.nav_strip(ev, "e1", {}, [])
    assert not fig.layout.meta["dated"] and fig.layout.xaxis.tickprefix == "#"


@pytest.mark.parametrize("lang", ["es", "it"])
def test_the_strips_dates_are_in_the_interface_language(lang):
    """A Spanish class saw "Jan 1933" under a Spanish slide: Plotly writes a date axis in English."""
    from dashboard.i18n import t_list
    ev = pd.DataFrame([{"id": f"e{i}", "title": f"Event {i}", "date": d, "date_precision": "month", "order": i + 1,
                        "characters": []} for i, d in enumerate(["1931-03-01", "1932-05-01", "1934-01-01", "1935-09-01"])])
    fig = slides.nav_strip(data.prepare(ev), "e1", {}, [], lang)
    texts = list(fig.layout.xaxis.ticktext)
    assert 4 <= len(texts) <= slides.MAX_TICKS
    words = {w for s in texts for w in s.split() if not w.isdigit()}
    assert words and words <= set(t_list("months_short", lang)) and "Jan" not in words
