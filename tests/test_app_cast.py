"""Cast view: who is who, and who shares events with whom."""
from __future__ import annotations


def test_cast_table_lists_actors_and_event_counts(app, chart, sample_events):
    app.radio(key="view").set_value("Cast").run()
    table = app.dataframe[0].value
    marta = table[table["Character"] == "Marta Bellini"].iloc[0]
    assert marta["Actor"] == "Ana Ruiz"
    assert marta["Events"] == sum("Marta Bellini" in e["characters"] for e in sample_events)
    assert list(table["Character"])[0] == "Marta Bellini"   # most mentioned first
    heat = chart.figure(app)
    assert heat["data"][0]["type"] == "heatmap"
