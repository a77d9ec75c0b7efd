"""Event details: title, date, characters and every source in its paragraph, escaped."""
from __future__ import annotations

from conftest import qp

import json


def markdown_text(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_picking_an_event_shows_its_sources(app):
    app.selectbox(key="event_pick").set_value("e005").run()
    text = markdown_text(app)
    assert "Marta climbs the tower at night" in text
    assert "that night" in text and "≈" in text
    # three documents, each with the quoted sentence in bold inside its paragraph
    for doc in ("001\\_plot\\_en", "002\\_trama\\_it", "003\\_review\\_en"):
        assert f"#### {doc}" in text
    assert "**Quella notte Marta sale sul campanile" in text
    assert "Il 3 marzo 1962" in text                      # paragraph context around the span
    assert qp(app, "ev") == ["e005"]


def test_event_from_url(sample_dir, make_app):
    at = make_app(ev="e019")
    assert at.selectbox(key="event_pick").value == "e019"
    assert "travels alone to Rome" in markdown_text(at)


def test_script_in_source_is_shown_as_text(story_copy, make_app):
    doc = story_copy / "docs" / "001_plot_en.txt"
    raw = doc.read_text(encoding="utf-8")
    evil = "<script>alert('x')</script> **bold** [link](http://x)"
    doc.write_text(raw.replace("The film is set in Lanzo", evil + " The film is set in Lanzo", 1), encoding="utf-8")
    events = json.loads((story_copy / "events.json").read_text(encoding="utf-8"))
    for e in events:
        for s in e["sources"]:
            if s["doc"] == "001_plot_en":
                s["start"] += len(evil) + 1
                s["end"] += len(evil) + 1
    events[0]["title"] = "<img src=x onerror=alert(1)> clock"
    (story_copy / "events.json").write_text(json.dumps(events), encoding="utf-8")
    at = make_app(ev="e001")
    assert not at.exception
    text = markdown_text(at)
    assert "<script>" not in text and "<img" not in text
    assert "&lt;script&gt;" in text and "&lt;img src" in text       # shown, as text
    assert "\\*\\*bold\\*\\*" in text and "\\[link\\]" in text
    fig = at.get("plotly_chart")[0].proto.spec
    assert "<img" not in fig and "&lt;img" in fig
