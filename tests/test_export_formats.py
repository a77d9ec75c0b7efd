"""Exports read back by their consumers: pandas for CSVs, json for JSON, PNG header for images."""
from __future__ import annotations

import io
import json
import struct

import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard import export
from pipeline.schema import events_frame

XSS = "<script>alert(1)</script><img src=x onerror=alert(1)>"

# per language: (title, date, precision, date_text, approx, characters)
STORIES = {
    "en": [("The launch", "1957-10-04", "day", "October 4, 1957", False, ["Homer Hickam"]),
           ("They build a rocket", None, "relative", "The next day", False, ["Homer Hickam", "Quentin"]),
           ("The fair", "1958-06-01", "season", "Summer 1958", False, []),
           ("College", "1960-01-01", "year", "1960", True, ["Homer Hickam"])],
    "es": [("El lanzamiento", "1957-10-04", "day", "4 de octubre de 1957", False, ["Homer Hickam"]),
           ("Construyen un cohete", None, "relative", "Al día siguiente", False, ["Homer Hickam", "Quentin"]),
           ("La feria", "1958-06-01", "season", "Verano de 1958", False, []),
           ("La universidad", "1960-01-01", "year", "1960", True, ["Homer Hickam"])],
    "it": [("Il lancio", "1957-10-04", "day", "4 ottobre 1957", False, ["Homer Hickam"]),
           ("Costruiscono un razzo", None, "relative", "Il giorno dopo", False, ["Homer Hickam", "Quentin"]),
           ("La fiera", "1958-06-01", "season", "Estate 1958", False, []),
           ("L'università", "1960-01-01", "year", "1960", True, ["Homer Hickam"])],
}


def frame(lang: str, rows=None) -> pd.DataFrame:
    rows = rows or STORIES[lang]
    return events_frame([{"id": f"e{i}", "title": t, "summary": f"{t} — resumen & <b>more</b>", "date": d,
                          "date_precision": p, "date_text": dt, "order": i, "kind": "story",
                          "category": "work", "characters": c, "places": ["Coalwood"],
                          "sources": [{"doc": "003_plot", "lang": lang, "start": 0, "end": 4, "text": t}],
                          "told": i, "date_approx": a, "lang": lang}
                         for i, (t, d, p, dt, a, c) in enumerate(rows)])


LANGS = list(STORIES)


@pytest.mark.parametrize("lang", LANGS)
def test_timelinejs_dates_follow_precision(lang):
    doc = export.timelinejs_json(frame(lang), title="Título", subtitle="sub")
    starts = [e["start_date"] for e in doc["events"]]
    assert starts[0] == {"year": 1957, "month": 10, "day": 4}                       # day
    # undated: the nearest dated neighbour's date, with the wording and "≈"
    assert {k: starts[1][k] for k in ("year", "month", "day")} == {"year": 1957, "month": 10, "day": 4}
    assert starts[1]["display_date"] == "≈ " + STORIES[lang][1][3]
    assert starts[2] == {"year": 1958, "month": 6, "display_date": STORIES[lang][2][3]}  # season: month
    assert starts[3] == {"year": 1960, "display_date": "≈ 1960"}                     # approximate year
    assert doc["title"]["text"] == {"headline": "Título", "text": "sub"}
    assert [e["unique_id"] for e in doc["events"]] == ["e0", "e1", "e2", "e3"]
    assert [e["group"] for e in doc["events"]] == ["Homer Hickam", "Homer Hickam", "work", "Homer Hickam"]
    assert [e["text"]["headline"] for e in doc["events"]] == [r[0].replace("'", "&#x27;") for r in STORIES[lang]]
    # 1957-1958 consecutive, 1960 apart -> two eras
    assert [(e["start_date"]["year"], e["end_date"]["year"]) for e in doc["eras"]] == [(1957, 1958), (1960, 1960)]


def test_undated_events_and_unknown_dates():
    rows = [("a", None, "unknown", "", False, []), ("b", "1990-05-01", "month", "May 1990", False, []),
            ("c", None, "unknown", "", False, []), ("d", None, "unknown", "", False, []),
            ("e", "1995-01-01", "year", "1995", False, [])]
    doc = export.timelinejs_json(frame("en", rows))
    starts = [e["start_date"] for e in doc["events"]]
    assert starts[0] == {"year": 1990, "month": 5, "display_date": "date unknown"}
    assert starts[2]["year"] == 1990 and starts[3]["year"] == 1995  # nearest neighbour, each side
    assert "eras" not in export.timelinejs_json(frame("en", rows[:2]))  # one distinct year: no eras


def test_nothing_dated_gives_numbered_steps():
    rows = [(t, None, "unknown", "", False, []) for t in ("a", "b", "c")]
    doc = export.timelinejs_json(frame("en", rows))
    assert [e["start_date"] for e in doc["events"]] == [
        {"year": k, "display_date": f"Step {k}"} for k in (1, 2, 3)]
    assert "eras" not in doc


def test_story_text_is_html_escaped_in_timelinejs():
    rows = [(XSS, "1957-10-04", "day", "", False, [XSS])]
    doc = export.timelinejs_json(frame("en", rows), title=XSS)
    blob = json.dumps(doc)
    assert "<script" not in blob and "<img" not in blob
    assert doc["events"][0]["text"]["headline"].startswith("&lt;script&gt;")
    assert "&amp; &lt;b&gt;more&lt;/b&gt;" in doc["events"][0]["text"]["text"]


@pytest.mark.parametrize("lang", LANGS)
def test_sheet_csv_reads_back_with_exact_headers(lang):
    text = export.timelinejs_sheet_csv(frame(lang))
    df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert list(df.columns) == export.SHEET_HEADERS == [
        "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date",
        "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Alt Text",
        "Type", "Group", "Background"]
    assert df.loc[0, "Type"] == "title"
    events = df[df["Type"] == ""]
    assert events["Year"].tolist() == ["1957", "1957", "1958", "1960"]
    assert events["Month"].tolist() == ["10", "10", "6", ""]
    assert events["Day"].tolist() == ["4", "4", "", ""]
    assert events["Display Date"].tolist()[1] == "≈ " + STORIES[lang][1][3]
    assert (df["Type"] == "era").sum() == 2


@pytest.mark.parametrize("lang", LANGS)
def test_events_csv_and_json_read_back(lang):
    df = frame(lang)
    back = pd.read_csv(io.StringIO(export.events_csv(df)), keep_default_na=False)
    assert back["title"].tolist() == [r[0] for r in STORIES[lang]]
    assert back.loc[1, "characters"] == "Homer Hickam; Quentin"
    assert back.loc[0, "sources"] == "003_plot:0-4" and back.loc[1, "date"] == ""
    recs = json.loads(export.events_json(df))
    assert recs[1]["characters"] == ["Homer Hickam", "Quentin"] and recs[1]["date"] is None
    assert recs[0]["sources"][0] == {"doc": "003_plot", "lang": lang, "start": 0, "end": 4,
                                     "text": STORIES[lang][0][0]}
    assert recs[0]["order"] == 0 and isinstance(recs[0]["date_approx"], bool)


@pytest.mark.parametrize("name", ["quentin", "HOMER HICKAM", "Sonny"])
def test_filter_by_character_matches_names_and_aliases(name):
    cast = pd.DataFrame([{"name": "Homer Hickam", "aliases": ["Sonny"], "actor": None, "mentions": 3, "docs": []},
                         {"name": "Quentin", "aliases": [], "actor": None, "mentions": 1, "docs": []}])
    out = export.filter_by_character(frame("en"), cast, [name])
    expected = ["e1"] if name == "quentin" else ["e0", "e1", "e3"]
    assert out["id"].tolist() == expected


def test_offline_html_is_self_contained_and_escaped():
    rows = [(XSS, "1957-10-04", "day", "", False, [XSS, "Quentin"])]
    page = export.offline_html(frame("en", rows), title=XSS)
    assert "<script src=" not in page and "<link" not in page          # plotly.js inlined
    assert XSS not in page and "</script><img" not in page               # \u003c in JSON, &lt; in <title>
    assert "character-filter" in page


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.browser
def test_png_has_the_requested_size():
    fig = export._basic_figure(frame("it"))
    assert png_size(export.png(fig, width=640, height=360)) == (640, 360)
    assert png_size(export.png(fig, width=300, height=200, scale=2)) == (600, 400)


def test_png_without_chromium_says_what_to_do(monkeypatch):
    import kaleido
    from kaleido.errors import ChromeNotFoundError

    def missing(*a, **k):
        raise ChromeNotFoundError("no chrome")
    monkeypatch.setattr(kaleido, "calc_fig_sync", missing)
    monkeypatch.setattr(kaleido, "start_sync_server", lambda *a, **k: None)
    monkeypatch.setattr(export, "_kaleido_started", False)
    with pytest.raises(export.ExportError, match="needs Chromium.*apt-get install chromium"):
        export.png(go.Figure())


def test_write_exports_refuses_unknown_names(tmp_path):
    with pytest.raises(export.ExportError, match="unknown export 'pdf'"):
        export.write_exports(frame("en"), None, tmp_path, ["csv", "pdf"])
    assert list(tmp_path.iterdir()) == []


def dropdown_args(fig) -> dict[str, dict]:
    menu = [m for m in fig.layout.updatemenus if m.name == "character-filter"][0]
    return {b.label: b.args[0] for b in menu.buttons}


def test_dropdown_on_a_given_figure_uses_trace_names_or_event_ids():
    ev = frame("en")
    by_name = go.Figure([go.Scatter(x=[1], y=[1], name="Quentin"), go.Scatter(x=[1], y=[1], name="Homer Hickam"),
                         go.Scatter(x=[1], y=[1], name="background")])
    args = dropdown_args(export.add_character_dropdown(by_name, ev))
    assert list(args) == ["All characters", "Homer Hickam", "Quentin"]
    assert args["Quentin"]["visible"] == [True, False, True] and args["All characters"]["visible"] == [True] * 3
    # one trace holding every event: the chosen character's points stay selected
    one = go.Figure([go.Scatter(x=[0, 1, 2, 3], y=[0] * 4, customdata=[[i, f"e{i}"] for i in range(4)])])
    args = dropdown_args(export.add_character_dropdown(one, ev))
    assert args["Quentin"]["selectedpoints"] == [[1]] and args["Homer Hickam"]["selectedpoints"] == [[0, 1, 3]]
    assert args["All characters"]["selectedpoints"] == [None]


def test_timelinejs_groups_are_capped_so_slides_keep_their_room():
    rows = [(f"t{i}", "2000-01-01", "day", "", False, [f"Person {i % 12}"] * (1 + (i < 12))) for i in range(30)]
    groups = [e["group"] for e in export.timelinejs_json(frame("en", rows))["events"]]
    assert len(set(groups)) == export.MAX_GROUPS and "Others" in groups
    assert groups[:2] == ["Person 0", "Person 1"]  # the commonest keep their own row
